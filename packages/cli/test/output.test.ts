import { readFileSync, statSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { draft, repaired } from './fixtures.ts'
import { lines, listing, tempDir, writeFiles, zongjie } from './helpers.ts'

describe('zongjie import: formats and output', () => {
  const dir = tempDir()
  let json: string

  beforeAll(async () => {
    writeFiles(dir, { 'draft.txt': draft, 'repaired.txt': repaired })
    const r = await zongjie(['import', 'draft.txt'], { cwd: dir })
    expect(r.status).toBe(0)
    json = r.stdout
  })

  it('prints pretty Summary JSON by default, and the same with --to json', async () => {
    expect(json).toBe(JSON.stringify(JSON.parse(json), null, 2) + '\n')
    expect(JSON.parse(json)).toMatchObject({ version: 1, title: '青禾县农业农村局2024年上半年工作总结', signOff: { date: '2024年7月8日' } })
    const r = await zongjie(['import', 'draft.txt', '--to', 'json'], { cwd: dir })
    expect(r.stdout).toBe(json)
  })

  it('writes the file with -o, atomically, leaving nothing else behind', async () => {
    const before = listing(dir)
    const r = await zongjie(['import', 'draft.txt', '-o', 'out.json'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('')
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe(json)
    expect(listing(dir)).toEqual([...before, 'out.json'].sort())
  })

  it('replaces an existing file with -o, keeping its permissions', async () => {
    writeFiles(dir, { 'old.html': 'old content' })
    chmodSync(join(dir, 'old.html'), 0o640)
    const r = await zongjie(['import', 'draft.txt', '--to=html', '--output', 'old.html'], { cwd: dir })
    expect(r.status).toBe(0)
    const html = readFileSync(join(dir, 'old.html'), 'utf8')
    expect(html).toContain('data-zongjie')
    expect(statSync(join(dir, 'old.html')).mode & 0o777).toBe(0o640)
    expect(listing(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('writes HTML that imports back to the same summary', async () => {
    const r = await zongjie(['import', 'draft.txt', '--to', 'html', '-o', 'draft.html'], { cwd: dir })
    expect(r.status).toBe(0)
    const back = await zongjie(['import', 'draft.html'], { cwd: dir })
    expect(back.status).toBe(0)
    expect(back.stderr).toBe('')
    expect(back.stdout).toBe(json)
  })

  it('writes text that imports back to the same summary', async () => {
    const r = await zongjie(['import', 'draft.txt', '--to', 'text'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('（一）抓好春耕备耕。一是落实种粮补贴政策')
    const back = await zongjie(['import', '-'], { cwd: dir, input: r.stdout })
    expect(back.stdout).toBe(json)
  })

  it('reads Summary JSON and ProseMirror JSON back', async () => {
    writeFiles(dir, { 'summary.json': json })
    const r = await zongjie(['import', 'summary.json', '--to', 'text'], { cwd: dir })
    expect(r.status).toBe(0)
    const fromJson = await zongjie(['import', 'summary.json'], { cwd: dir })
    expect(fromJson.stdout).toBe(json)

    // ProseMirror JSON of the same document, made by the model the CLI uses.
    const { fromSummary } = await import('@zongjie/model')
    writeFiles(dir, { 'doc.json': JSON.stringify(fromSummary(JSON.parse(json)).toJSON()) })
    const pm = await zongjie(['import', 'doc.json'], { cwd: dir })
    expect(pm.status).toBe(0)
    expect(pm.stdout).toBe(json)
  })

  it('sniffs what comes on standard input: JSON, HTML or text', async () => {
    const html = (await zongjie(['import', 'draft.txt', '--to', 'html'], { cwd: dir })).stdout
    for (const input of [json, html, draft, '\n\n' + draft]) {
      const r = await zongjie(['import', '-'], { cwd: dir, input })
      expect(r.status).toBe(0)
      expect(r.stdout).toBe(json)
    }
  })

  it('reads a plain HTML page and an HTML fragment', async () => {
    const body = draft
      .trim()
      .split('\n')
      .map((l, i) => (i === 0 ? `<h1>${l}</h1>` : `<p>${l}</p>`))
      .join('\n')
    writeFiles(dir, { 'page.html': `<!DOCTYPE html>\n<html lang="zh"><head><title>x</title></head>\n<body>\n${body}\n</body></html>`, 'fragment.html': body })
    for (const file of ['page.html', 'fragment.html']) {
      const r = await zongjie(['import', file], { cwd: dir })
      expect(r.status, file).toBe(0)
      expect(r.stdout).toBe(json)
    }
  })

  it('prints the importer’s warnings as 文件名:行: 内容 on stderr, exit code 0', async () => {
    const r = await zongjie(['import', 'repaired.txt'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(lines(r.stderr)).toEqual(['repaired.txt:5: 序号中的半角括号已改为全角括号', 'repaired.txt:9: 「三是」与前后顺序不符，已改为「二是」'])
    expect(JSON.parse(r.stdout).sections[0].sections[0].number).toBe('（一）')

    const o = await zongjie(['import', 'repaired.txt', '-o', 'repaired.json'], { cwd: dir })
    expect(o.status).toBe(0)
    expect(lines(o.stderr)).toHaveLength(2)
    expect(o.stdout).toBe('')
  })

  it('notes removed control characters like warnings', async () => {
    writeFiles(dir, { 'ctrl.txt': draft.replace('今年以来', '今年\u001a以来') })
    const r = await zongjie(['import', 'ctrl.txt'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('ctrl.txt:3: 删除了 1 个控制字符（U+001A）\n')
    expect(r.stdout).toBe(json)
  })

  it('stops quietly when the reader of stdout goes away', async () => {
    const { spawnSync } = await import('node:child_process')
    const { tsxCli, mainTs } = await import('./helpers.ts')
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${tsxCli}" "${mainTs}" import draft.txt | head -c 10`], { cwd: dir, encoding: 'utf8' })
    expect(r.stdout).toBe('{\n  "versi')
    expect(r.stderr).toBe('')
  })
})
