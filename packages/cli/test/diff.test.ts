import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importText, toSummary, toText, type Change } from '@zongjie/model'
import { hasStackTrace, lines, repoRoot, tempDir, writeFiles, zongjie } from './helpers.ts'

/**
 * `zongjie diff` on two versions of a real summary of ../shared/corpus (read there, never copied):
 * the second made from the first by a known set of edits, each of which must be reported once,
 * with nothing else reported.
 */
const corpus = process.env.ZONGJIE_CORPUS ?? join(repoRoot, '../shared/corpus')
const source = join(corpus, 'bureau-a.txt')
if (!existsSync(source)) console.log(`NOTICE: ${source} is missing; the corpus test of zongjie diff is skipped.`)

/** Replaces `from` (which must be there, once) with `to`. */
function edit(text: string, from: string | RegExp, to: string): string {
  const found = text.match(from instanceof RegExp ? new RegExp(from.source, 'g') : new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))
  expect(found?.length, `${from} once in the text`).toBe(1)
  return text.replace(from, to)
}

describe.skipIf(!existsSync(source))('zongjie diff on two versions of a corpus summary', () => {
  // A skipped suite is still collected: without the corpus, there is nothing to build the versions from.
  if (!existsSync(source)) return
  // The first version: the summary as imported, with one metric filled in.
  const first = edit(toText(importText(readFileSync(source, 'utf8')).doc), /市社领导X次带队/, '市社领导3次带队')
  const lineOf = (text: string, start: string) => text.split('\n').find((l) => l.startsWith(start))!
  let second = first
  second = edit(second, '2020年上半年党建工作总结（县市区级局）', '2020年上半年党的建设工作总结（县市区级局）')
  second = edit(second, '市社领导3次带队', '市社领导5次带队')
  // （五） taken out: （六）（七）（八） become （五）（六）（七）.
  second = edit(second, lineOf(first, '（五）认真落实意识形态工作责任制') + '\n', '')
  // A new （八） at the end of 一、, before 二、.
  second = edit(second, '\n二、存在的问题', '\n（八）加强机关作风建设。开展作风建设专项行动，健全督查通报机制。\n二、存在的问题')
  second = edit(second, '开创工作的思路和格局还不够开阔', '开创工作的思路和格局还不够宽广')
  second = second.trimEnd() + '\n六是做好年度考核准备，按时报送各项材料。\n'
  const dir = writeFiles(tempDir(), { 'v1.txt': first, 'v2.txt': second })

  it('reports each edit once, metrics as old and new values, and exits 1', async () => {
    const r = await zongjie(['diff', join(dir, 'v1.txt'), join(dir, 'v2.txt')])
    expect(r.status).toBe(1)
    expect(hasStackTrace(r.stderr)).toBe(false)
    expect(r.stderr).toContain('9 处改动')
    expect(lines(r.stdout)).toEqual([
      '修改标题：「2020年上半年党建工作总结（县市区级局）」→「2020年上半年党的建设工作总结（县市区级局）」',
      expect.stringMatching(/^修改指标 一、（一）第\d+段 市社领导：3次 → 5次$/),
      '删除章节 一、（五） 认真落实意识形态工作责任制',
      '章节重新编号「加强干部队伍建设」：一、（六） → 一、（五）',
      '章节重新编号「继续夯实基层党建基础」：一、（七） → 一、（六）',
      '章节重新编号「深化正风肃纪和党风廉政建设」：一、（八） → 一、（七）',
      '新增章节 一、（八） 加强机关作风建设',
      expect.stringMatching(/^修改段落 二、第1段：一是抓党建工作.*还不够\[-开阔-\]\{\+宽广\+\}。$/),
      '新增段落 三、第6段：六是做好年度考核准备，按时报送各项材料。',
    ])
  })

  it('--json gives the same changes for a machine', async () => {
    const r = await zongjie(['diff', '--json', join(dir, 'v1.txt'), join(dir, 'v2.txt')])
    expect(r.status).toBe(1)
    const { changes } = JSON.parse(r.stdout) as { changes: Change[] }
    expect(changes.map((c) => c.kind)).toEqual(['title', 'metric-changed', 'section-removed', 'section-renumbered', 'section-renumbered', 'section-renumbered', 'section-added', 'paragraph-changed', 'paragraph-added'])
    expect(changes[1]).toMatchObject({ kind: 'metric-changed', where: '一、（一）', old: '3次', new: '5次' })
    const changed = changes[7] as Extract<Change, { kind: 'paragraph-changed' }>
    expect(changed.pieces.filter((p) => p.op !== 'same')).toEqual([
      { op: 'delete', text: '开阔' },
      { op: 'insert', text: '宽广' },
    ])
  })

  it('the same version twice: no change, exit 0; a version against itself as Summary JSON likewise', async () => {
    const json = JSON.stringify(toSummary(importText(first).doc))
    writeFiles(dir, { 'v1.json': json })
    const r = await zongjie(['diff', join(dir, 'v1.txt'), join(dir, 'v1.json')])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain('两个版本相同')
  })
})

describe('zongjie diff: moves and bad input', () => {
  const dir = tempDir()
  const v1 = ['示范局2024年工作总结', '一、党建工作', '全年培训干部20名。', '二、业务工作', '完成项目12个。', '三、存在的问题', '一是人手不足。', '四、下步打算', '一是加强培训。'].join('\n')
  const v2 = ['示范局2024年工作总结', '一、业务工作', '完成项目12个。', '二、党建工作', '全年培训干部20名。', '三、存在的问题', '一是人手不足。', '四、下步打算', '一是加强培训。'].join('\n')
  writeFiles(dir, { 'v1.txt': v1, 'v2.txt': v2, 'empty.txt': '   \n' })

  it('a section moved before another is one move, not a removal and an addition', async () => {
    const r = await zongjie(['diff', join(dir, 'v1.txt'), join(dir, 'v2.txt')])
    expect(r.status).toBe(1)
    const out = lines(r.stdout)
    expect(out).toHaveLength(2)
    expect(out.filter((l) => l.startsWith('移动章节'))).toHaveLength(1)
    expect(out.filter((l) => l.startsWith('章节重新编号'))).toHaveLength(1)
    expect(r.stdout).not.toMatch(/新增|删除/)
  })

  it('needs two files, and says which input is bad', async () => {
    const one = await zongjie(['diff', join(dir, 'v1.txt')])
    expect(one.status).toBe(2)
    expect(one.stderr).toContain('需要两个文件')
    const bad = await zongjie(['diff', join(dir, 'v1.txt'), join(dir, 'empty.txt')])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('empty.txt')
    expect(hasStackTrace(bad.stderr)).toBe(false)
  })
})
