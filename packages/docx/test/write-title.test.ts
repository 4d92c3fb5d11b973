import { describe, it, expect } from 'vitest'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import { toSummary } from '@zongjie/model'
import { importDocx, readDocx, toDocx } from '../src/index.ts'
import { titleBreaks, titleLineWidth } from '../src/write/title-lines.ts'
import { textWidthInCharacters } from '../src/write/sign-off.ts'
import { parseXml } from './docx-builder.ts'
import { DocxPackage, child, runsOf } from './docx-reading.ts'
import { doc, section, p, bold } from '../../model/test/arbitrary.ts'

/** A title as `titleBreaks` sets it, line by line. */
function linesOf(title: string): string[] {
  const starts = [0, ...titleBreaks(title), title.length]
  return starts.slice(1).map((end, i) => title.slice(starts[i], end))
}

const titles: [string, string[]][] = [
  ['示范县民政局2024年上半年工作总结', ['示范县民政局2024年上半年工作总结']],
  ['中共示范县委组织部2024年上半年党建工作总结', ['中共示范县委组织部', '2024年上半年党建工作总结']],
  ['示范县人民政府办公室关于2024年上半年政务服务工作情况的总结', ['示范县人民政府办公室关于', '2024年上半年政务服务工作情况的总结']],
  ['中国共产党示范县纪律检查委员会2025年度全面从严治党主体责任落实情况工作总结', ['中国共产党示范县纪律检查委员会2025年度', '全面从严治党主体责任落实情况工作总结']],
  ['示范县人民医院关于2024年度医疗质量与安全管理工作情况的总结报告', ['示范县人民医院关于2024年度', '医疗质量与安全管理工作情况的总结报告']],
  ['示范县卫生健康局2024年上半年深化医药卫生体制改革工作总结', ['示范县卫生健康局2024年上半年', '深化医药卫生体制改革工作总结']],
]

describe('a long title in the Word export (标题回行)', () => {
  it('fits the text block: 20 characters of 2号 a line', () => {
    expect(titleLineWidth).toBe(20)
  })

  it.each(titles)('%s: broken at a phrase’s edge, its period and its organisation whole, the lines near in length', (title, lines) => {
    expect(linesOf(title)).toEqual(lines)
  })

  it.each([
    ['示范县财政局（国有资产管理办公室）2024年上半年工作总结', ['示范县财政局（国有资产管理办公室）', '2024年上半年工作总结']],
    ['示范县城市管理综合行政执法局关于2024年“强基础、转作风、树形象”专项行动开展情况的工作总结', ['示范县城市管理综合行政执法局关于', '2024年“强基础、转作风、树形象”', '专项行动开展情况的工作总结']],
  ])('%s: brackets and quotes kept whole', (title, lines) => {
    expect(linesOf(title)).toEqual(lines)
  })

  it('never cuts a word, starts a line with a closing sign or ends one with an opening sign, and keeps every line within the block', () => {
    const long = [
      '示范县财政局（国有资产管理办公室）2024年上半年工作总结',
      '示范县城市管理综合行政执法局关于2024年“强基础、转作风、树形象”专项行动开展情况的工作总结',
      '示范县发展和改革局示范县统计局示范县市场监督管理局2024年上半年联合开展营商环境优化提升工作情况总结',
    ]
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
    for (const title of long) {
      const lines = linesOf(title)
      expect(lines.length, title).toBeGreaterThan(1)
      expect(lines.join('')).toBe(title)
      const boundaries = new Set([...segmenter.segment(title)].map((s) => s.index))
      for (const at of titleBreaks(title)) expect(boundaries.has(at), `${title} at ${at}`).toBe(true)
      for (const line of lines) {
        expect(textWidthInCharacters(line), line).toBeLessThanOrEqual(20)
        expect(line, title).not.toMatch(/^[，。、；：？！）》」”]|[（《「“]$/)
      }
      // A trapezoid or a diamond: no middle line shorter than the lines on both sides.
      for (let i = 1; i < lines.length - 1; i++) expect(textWidthInCharacters(lines[i]!) < textWidthInCharacters(lines[i - 1]!) && textWidthInCharacters(lines[i]!) < textWidthInCharacters(lines[i + 1]!), title).toBe(false)
    }
  })

  const summary = (title: Parameters<typeof doc>[0]['title']) =>
    doc({ title, preamble: [p('上半年，各项工作有序推进。')], sections: [section(1, '主要工作', [p('完成了年度任务。')])] })

  it('is one paragraph with a line break where the title breaks, and opens again as the same summary, with its Summary JSON or without', async () => {
    const d = summary('示范县人民政府办公室关于2024年上半年政务服务工作情况的总结')
    const bytes = await toDocx(d)
    const title = new DocxPackage(bytes).bodyParagraphs()[0]!
    const runs = runsOf(title)
    expect(runs.map((r) => [Boolean(child(r, 'w:br')), child(r, 'w:t')?.textContent])).toEqual([
      [false, '示范县人民政府办公室关于'],
      [true, '2024年上半年政务服务工作情况的总结'],
    ])
    // A reader of the file sees two lines of one paragraph; the digest in the file reads them so.
    expect(readDocx(bytes, parseXml).paragraphs.slice(0, 2)).toEqual([
      { text: '示范县人民政府办公室关于', no: 1 },
      { text: '2024年上半年政务服务工作情况的总结', no: 1 },
    ])
    const embedded = importDocx(bytes, parseXml)
    expect(embedded.source).toBe('embedded')
    expect(embedded.doc.eq(d)).toBe(true)
    // Without the Summary JSON (the file saved again by Word), the importer reads the lines of
    // the title's paragraph as one title.
    const parts = unzipSync(bytes)
    for (const name of Object.keys(parts)) if (name.startsWith('customXml/')) delete parts[name]
    const plain = importDocx(zipSync(parts), parseXml)
    expect(plain.source).toBe('document')
    expect(plain.warnings).toEqual([])
    const { meta, ...read } = toSummary(plain.doc)
    expect(meta).toEqual({ year: 2024, period: 'first-half' })
    expect(read).toEqual(toSummary(d))
  })

  it('keeps bold across the break, and leaves a title that fits one line unbroken', async () => {
    const d = summary(['示范县人民政府办公室关于', bold('2024年上半年'), '政务服务工作情况的总结'])
    const bytes = await toDocx(d)
    expect(importDocx(bytes, parseXml).doc.eq(d)).toBe(true)
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    expect(xml.match(/<w:br\/>/g)).toHaveLength(1)
    expect(strFromU8(unzipSync(await toDocx(summary('示范县民政局2024年上半年工作总结')))['word/document.xml']!)).not.toContain('<w:br/>')
  })
})
