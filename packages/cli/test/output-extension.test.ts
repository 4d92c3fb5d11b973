import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { draft } from './fixtures.ts'
import { hasStackTrace, lines, listing, tempDir, writeFiles, zongjie } from './helpers.ts'

/** `zongjie import -o 文件` without `--to`: the output file's extension decides what is written. */
describe('zongjie import: the output file’s extension', () => {
  const dir = tempDir()
  beforeAll(() => {
    writeFiles(dir, { 'draft.txt': draft })
  })

  it('writes a Word file for -o 总结.docx, one that reads back as the same summary', async () => {
    const r = await zongjie(['import', 'draft.txt', '-o', '总结.docx'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    const bytes = readFileSync(join(dir, '总结.docx'))
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004')
    const back = await zongjie(['import', '总结.docx', '--to', 'text'], { cwd: dir })
    const text = await zongjie(['import', 'draft.txt', '--to', 'text'], { cwd: dir })
    expect(back.status).toBe(0)
    expect(back.stdout).toBe(text.stdout)
  })

  it('writes HTML for .html and .HTM, text for .txt, Summary JSON for .json', async () => {
    for (const [file, start] of [['a.html', '<'], ['b.HTM', '<'], ['c.txt', '青禾县农业农村局2024年上半年工作总结\n'], ['d.json', '{\n']] as const) {
      const r = await zongjie(['import', 'draft.txt', '-o', file], { cwd: dir })
      expect(r.status, file).toBe(0)
      expect(readFileSync(join(dir, file), 'utf8').startsWith(start), file).toBe(true)
    }
  })

  it('keeps Summary JSON for another extension, or none', async () => {
    for (const file of ['e.out', 'f']) {
      await zongjie(['import', 'draft.txt', '-o', file], { cwd: dir })
      expect(JSON.parse(readFileSync(join(dir, file), 'utf8')).title, file).toBe('青禾县农业农村局2024年上半年工作总结')
    }
  })

  it('refuses a --to that contradicts the extension, in one line, writing nothing', async () => {
    const before = listing(dir)
    for (const [to, file] of [['json', 'wrong.docx'], ['docx', 'wrong.txt'], ['text', 'wrong.html']]) {
      const r = await zongjie(['import', 'draft.txt', '--to', to!, '-o', file!], { cwd: dir })
      expect(r.status, file).toBe(2)
      expect(lines(r.stderr), file).toHaveLength(1)
      expect(r.stderr).toContain(`"${file}" 的扩展名 ${file!.slice(file!.indexOf('.'))} 与 --to ${to} 不符`)
      expect(hasStackTrace(r.stderr)).toBe(false)
      expect(existsSync(join(dir, file!)), file).toBe(false)
    }
    expect(listing(dir)).toEqual(before)
  })
})
