import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { toText } from '@zongjie/model'
import { toDocx, textDigest } from '../src/index.ts'
import { arbDoc, doc, section, p, items, item, note, intro, metric, blank } from '../../model/test/arbitrary.ts'
import { DocxPackage, paragraphText, runLooks, child } from './docx-reading.ts'
import { everyPart, templateDocs, corpusDocs, corpusPresent } from './write-fixtures.ts'

/** The non-empty lines of the model's plain text: what the paragraphs of the export must read. */
const textLines = (d: Node) => toText(d).split('\n').filter((line) => line !== '')

/** The texts of the export's paragraphs that have text (blank spacer paragraphs may be added). */
async function exportedLines(d: Node): Promise<string[]> {
  const pkg = new DocxPackage(await toDocx(d))
  return pkg.bodyParagraphs().map(paragraphText).filter((t) => t !== '')
}

async function exported(d: Node) {
  const pkg = new DocxPackage(await toDocx(d))
  return { pkg, paragraphs: pkg.bodyParagraphs(), styles: pkg.styles() }
}

describe('the paragraphs of the Word export are the lines of toText', () => {
  it('for a summary with every part', async () => {
    expect(await exportedLines(everyPart())).toEqual(textLines(everyPart()))
  })

  it('for every template', async () => {
    for (const { name, doc: d } of templateDocs()) expect(await exportedLines(d), name).toEqual(textLines(d))
  })

  it.skipIf(!corpusPresent)('for the real summaries of the corpus', async () => {
    const docs = corpusDocs()
    expect(docs.length).toBeGreaterThan(0)
    for (const { name, doc: d } of docs) expect(await exportedLines(d), name).toEqual(textLines(d))
  })

  it('for any summary the schema admits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(arbDoc, async (d) => {
        expect(await exportedLines(d)).toEqual(textLines(d))
      }),
      { numRuns: 80 },
    )
  })

  it('so that the digest a reader computes from the paragraphs is the digest in the file', async () => {
    const d = everyPart()
    const pkg = new DocxPackage(await toDocx(d))
    const stored = pkg.xml('customXml/item1.xml').documentElement.getAttribute('digest')
    expect(textDigest(pkg.bodyParagraphs().map(paragraphText))).toBe(stored)
    expect(stored).toBe(textDigest(toText(d).split('\n')))
  })
})

describe('numbers, run-in headings, work items and fields in the Word export', () => {
  it('writes section numbers and ordinals as text, with no Word list numbering', async () => {
    const { pkg, paragraphs } = await exported(everyPart())
    const texts = paragraphs.map(paragraphText)
    for (const start of ['一、强化兜底保障', '（二）规范救助资金管理', '2.加强信息比对', '（2）核对结果运用', '三、存在的问题', '四、下半年工作计划', '一是开展资金专项检查', '二是在城关镇']) {
      expect(texts.some((t) => t.startsWith(start)), start).toBe(true)
    }
    expect(pkg.text('word/document.xml')).not.toContain('<w:numPr')
    // No paragraph and no style is in a Word list (docx's numbering part has one unused definition).
    expect(pkg.text('word/styles.xml')).not.toContain('<w:numPr')
  })

  it('sets a run-in heading and its 。 in the level’s typeface at the start of the first body line', async () => {
    const { paragraphs, styles } = await exported(everyPart())
    const cases = [
      { start: '（一）落实社会救助政策。', headingFont: '楷体_GB2312', headingBold: false },
      { start: '1.完善审批流程。', headingFont: '仿宋_GB2312', headingBold: true },
      { start: '（1）核对范围。', headingFont: '仿宋_GB2312', headingBold: false },
    ]
    for (const c of cases) {
      const para = paragraphs.find((q) => paragraphText(q).startsWith(c.start))!
      expect(para, c.start).toBeDefined()
      const looks = runLooks(styles, para)
      let i = 0
      let heading = ''
      while (heading.length < c.start.length) {
        const run = looks[i++]!
        expect(run.eastAsia, c.start).toBe(c.headingFont)
        expect(run.bold, c.start).toBe(c.headingBold)
        heading += run.text
      }
      expect(heading).toBe(c.start)
      // The body after the heading, in the body's typeface, not bold.
      const body = looks[i]!
      expect(body.eastAsia).toBe('仿宋_GB2312')
      expect(body.bold).toBe(false)
      expect(paragraphText(para).length).toBeGreaterThan(c.start.length)
    }
  })

  it('writes a joined list as one paragraph and a separate list as one paragraph an item, a note on its own', async () => {
    const d = doc({
      title: '示范单位2024年上半年工作总结',
      sections: [
        section(1, '甲', [
          items('joined', intro('抓了两项工作。'), item('第一项；'), item('第二项。')),
          items('separate', item('第三项。'), note('补充说明。'), item('第四项。')),
        ]),
      ],
    })
    const texts = (await exported(d)).paragraphs.map(paragraphText)
    expect(texts).toContain('抓了两项工作。一是第一项；二是第二项。')
    const at = texts.indexOf('一是第三项。')
    expect(texts.slice(at, at + 3)).toEqual(['一是第三项。', '补充说明。', '二是第四项。'])
  })

  it('makes bold text bold and nothing else', async () => {
    const { paragraphs, styles } = await exported(everyPart())
    const para = paragraphs.find((q) => paragraphText(q).startsWith('全局上下'))!
    const looks = runLooks(styles, para)
    expect(looks.filter((r) => r.bold).map((r) => r.text)).toEqual(['一月一调度'])
  })

  it('highlights the X of an unfilled metric or blank, and nothing of a filled one', async () => {
    const d = doc({
      title: '示范单位2024年上半年工作总结',
      preamble: [
        p('培训', metric({ unit: '名' }), '，', metric({ value: 22, unit: '个' }), '，', metric({ value: 3000, range: true, upper: null, unit: '元' }), '，', blank({}), '社区，', blank({ value: '城关' }), '镇，', metric({ value: null, scale: '万', approx: '多', unit: '人', placeholder: 'XX' }, true), '。'),
      ],
    })
    const { paragraphs, styles } = await exported(d)
    const para = paragraphs.find((q) => paragraphText(q).startsWith('培训'))!
    expect(paragraphText(para)).toBe('培训X名，22个，3000-X元，X社区，城关镇，XX万多人。')
    const looks = runLooks(styles, para)
    expect(looks.filter((r) => r.highlight === 'yellow').map((r) => r.text)).toEqual(['X', 'X', 'X', 'XX'])
    expect(looks.filter((r) => r.highlight !== undefined && r.highlight !== 'yellow')).toEqual([])
    // A bold metric stays bold, the placeholder and its unit alike.
    expect(looks.filter((r) => r.bold).map((r) => r.text).join('')).toBe('XX万多人')
  })

  it('writes a metric\'s number with the zeros after its point as written (5.0%, 3.0-3.5万元)', async () => {
    const d = doc({ title: '示范单位2024年上半年工作总结', preamble: [p('增长', metric({ value: 5, unit: '%', decimals: 1 }), '，投入', metric({ value: 3, range: true, upper: 3.5, unit: '万元', decimals: 1 }), '。')] })
    const { paragraphs } = await exported(d)
    expect(paragraphs.map(paragraphText)).toContain('增长5.0%，投入3.0-3.5万元。')
  })

  it('adds nothing where nothing changes: a body paragraph without formatting is one run, with no properties', async () => {
    const d = doc({ title: '示范单位2024年上半年工作总结', preamble: [p('完成', metric({ value: 5, unit: '项' }), '任务。')] })
    const { paragraphs } = await exported(d)
    const para = paragraphs.find((q) => paragraphText(q) === '完成5项任务。')!
    expect(Array.from(para.children).filter((e) => e.tagName === 'w:r')).toHaveLength(1)
    // Body text is in the default style (Normal, 正文): the paragraph carries no properties of its own.
    expect(child(para, 'w:pPr')).toBeUndefined()
  })
})
