import { describe, it, expect } from 'vitest'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import { importText, toSummary, type Section } from '@zongjie/model'
import { importDocx, readDocx, summaryPartXml, textDigest, toDocx } from '../src/index.ts'
import { editedInWord } from './edited-in-word.ts'
import { abstractNum, buildDocx, num, para, parseXml, run, summaryLevels, wordHeadingStyles } from './docx-builder.ts'

// A summary of our own words, for the tests that need one.
const sourceText = [
  '2020年上半年民政工作总结',
  '上半年，我局围绕年度目标，扎实推进各项工作，现将有关情况总结如下：',
  '一、主要工作',
  '（一）强化救助保障。一是完善制度。修订救助办法X项。二是加强核查。核查对象X户。',
  '（二）推进养老服务。新建服务站X个。',
  '二、存在的问题',
  '一是基层力量不足。二是资金保障不够。',
  '三、下半年工作计划',
  '（一）抓好制度落实。继续完善救助制度。',
].join('\n')

function outline(sections: Section[]): unknown[] {
  return sections.map((s) => [s.level, s.number, s.role, s.title, s.runIn, outline(s.sections)])
}

describe('importing a Word file through the model’s importer', () => {
  it('keeps bold: a bold run in the file is bold in the document', () => {
    const bytes = buildDocx({
      body: [
        para('2020年上半年工作总结'),
        para([run('上半年，我们'), run('圆满完成', { bold: true }), run('了各项任务。')]),
        para([run('一、'), run('主要工作', { bold: true })]),
        para([run('一是', { bold: true }), run('加强学习。'), run('二是', { bold: true }), run('改进作风。')]),
      ].join(''),
    })
    const { doc, source } = importDocx(bytes, parseXml)
    expect(source).toBe('document')
    const summary = toSummary(doc)
    const opening = summary.preamble[0]
    expect(opening?.type).toBe('paragraph')
    expect(opening?.type === 'paragraph' ? opening.runs : undefined).toEqual([{ text: '上半年，我们' }, { text: '圆满完成', bold: true }, { text: '了各项任务。' }])
    expect(summary.sections[0]!.titleRuns).toEqual([{ text: '主要工作', bold: true }])
  })

  it('reads Word-numbered headings exactly as typed ones', () => {
    const lines = sourceText.split('\n')
    const numbering = abstractNum(0, summaryLevels) + num(1, 0)
    const headingLevel = (l: string) => (/^[一二三]、/.test(l) ? 0 : /^（[一二]）/.test(l) ? 1 : -1)
    const body = lines.map((l, i) => {
      const level = i === 0 ? -1 : headingLevel(l)
      return level < 0 ? para(l) : para(l.replace(/^[一二三]、|^（[一二]）/, ''), { style: `Heading${level + 1}`, numId: 1, ilvl: level })
    })
    const bytes = buildDocx({ styles: wordHeadingStyles, numbering, body: body.join('') })
    expect(toSummary(importDocx(bytes, parseXml).doc)).toEqual(toSummary(importText(sourceText).doc))
  })

  it('reports the images and shapes it left out, with their count', () => {
    const picture = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphic></wp:inline></w:drawing></w:r>`
    const shape = '<w:r><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml"/></w:pict></w:r>'
    const bytes = buildDocx({ body: para('2020年上半年工作总结') + para([run('见下图'), picture, picture]) + para([shape]) })
    const { warnings } = importDocx(bytes, parseXml)
    expect(warnings).toEqual([{ paragraph: 0, code: 'images-dropped', message: expect.stringContaining('2 张图片和 1 个图形或对象') }])
  })

  it('says that a text box was left out with its text, not as a mere shape', () => {
    // A text box as Word writes it (DrawingML, `wps:txbx`) and as older files do (VML, `v:textbox`), and an empty one.
    const box = (text: string) =>
      `<w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${para(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
    const vmlBox = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para('全年粮食产量再创新高')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`
    const bytes = buildDocx({ body: para('2024年工作总结') + para([box('亮点：连续十年丰收'), run('全年粮食播种面积52.3万亩。')]) + para([vmlBox, box('')]) })
    const { doc, warnings } = importDocx(bytes, parseXml)
    expect(warnings).toEqual([{ paragraph: 0, code: 'images-dropped', message: '文档中的 2 个文本框（连同其中的文字）和 1 个图形或对象未导入：总结只保留正文的文字' }])
    expect(doc.textContent).not.toContain('亮点')
  })

  it('refuses a file whose text is all in text boxes, saying so rather than taking it for a scan', () => {
    const vmlBox = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${para('2024年工作总结')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`
    expect(() => importDocx(buildDocx({ body: para([vmlBox]) }), parseXml)).toThrow('该 Word 文档的文字都在 1 个文本框中，无法导入：请把文字移出文本框后再导入')
  })

  it('names the paragraphs whose footnotes and endnotes it left out, counting neither deleted nor hidden ones', () => {
    const footnote = (id: number, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:footnoteReference w:id="${id}"/></w:r>`
    const endnote = '<w:r><w:endnoteReference w:id="1"/></w:r>'
    const deleted = `<w:del w:id="9" w:author="李科长" w:date="2024-07-08T01:30:00Z">${footnote(4)}</w:del>`
    const bytes = buildDocx({
      body: [
        para('2024年工作总结'),
        para([run('今年以来，我局认真贯彻县委部署'), footnote(1), run('，各项工作稳步推进。')]),
        para('一、主要工作'),
        para([run('全年培训干部120名'), footnote(2), run('，完成率100%'), footnote(3), endnote, run('。')]),
        para([run('新建服务站6个'), deleted, footnote(5, '<w:vanish/>'), run('。')]),
      ].join(''),
    })
    const { doc, warnings } = importDocx(bytes, parseXml)
    expect(warnings).toEqual([
      { paragraph: 2, code: 'notes-dropped', message: '此段的 1 个脚注未导入：总结没有脚注，需要保留的内容请写入正文' },
      { paragraph: 4, code: 'notes-dropped', message: '此段的 2 个脚注和 1 个尾注未导入：总结没有脚注，需要保留的内容请写入正文' },
    ])
    expect(toSummary(doc).sections[0]!.body).toHaveLength(2)
  })

  it('names the paragraph where each table starts, read as text a row a paragraph, counting neither empty rows nor the tables nested in a cell', () => {
    const cell = (...texts: string[]) => `<w:tc>${texts.map((t) => para(t)).join('')}</w:tc>`
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
    const nested = `<w:tbl>${row(cell('其中：城区'), cell('4个'))}</w:tbl>`
    const table = `<w:tbl>${row(cell('项目'), cell('完成情况'))}${row(cell(''), cell(''))}${row(cell('养老服务站'), `<w:tc>${para('6个')}${nested}</w:tc>`)}</w:tbl>`
    const bytes = buildDocx({ body: [para('2024年工作总结'), para('一、主要工作'), para('全年完成情况见下表。'), table, para('二、存在的问题'), para('基层力量不足。')].join('') })
    const { doc, warnings } = importDocx(bytes, parseXml)
    expect(warnings).toEqual([{ paragraph: 4, code: 'table-flattened', message: '此段起的表格已按文字导入，每行一段（共 2 段）：总结没有表格，请核对这些段落' }])
    // The rows are paragraphs of the section they stand in, their cells apart by a full-width space.
    expect(toSummary(doc).sections[0]!.body.map((b) => ('text' in b ? b.text : b.type))).toEqual(['全年完成情况见下表。', '项目\u3000完成情况', '养老服务站\u30006个\u3000其中：城区\u30004个'])
  })

  it('names the paragraph of each warning: half-width brackets typed in the third paragraph with text', () => {
    const bytes = buildDocx({ body: [para('2020年上半年工作总结'), para(''), para('一、主要工作'), para(''), para(''), para('(二)抓好队伍建设'), para('正文。')].join('') })
    const { warnings } = importDocx(bytes, parseXml)
    const brackets = warnings.filter((w) => w.code === 'bracket-width')
    expect(brackets.map((w) => w.paragraph)).toEqual([3])
    expect(readDocx(bytes, parseXml).paragraphs[2]).toEqual({ text: '(二)抓好队伍建设', no: 3 })
    // The (二) is renumbered （一） under 一、, and that is reported on the same paragraph.
    expect(warnings.filter((w) => w.code === 'number-repaired').map((w) => w.paragraph)).toEqual([3])
  })

  it('passes fragment on to the importer: no title unless one reads as such, headings kept at their level', () => {
    const bytes = buildDocx({ body: para('补充内容') + para('（一）抓好队伍建设') + para('正文。') })
    const whole = importDocx(bytes, parseXml)
    expect([toSummary(whole.doc).title, whole.topRank]).toEqual(['补充内容', 1])
    const fragment = importDocx(bytes, parseXml, { fragment: true })
    expect([toSummary(fragment.doc).title, fragment.topRank]).toEqual(['', 2])
  })
})

describe('the summary a file exported by Zongjie carries', () => {
  const expected = importText(sourceText).doc
  const json = JSON.stringify(toSummary(expected))
  const lines = sourceText.split('\n')
  const file = (paragraphs: string[], part: string) => buildDocx({ body: paragraphs.map((l) => para(l)).join(''), customXml: [part] })

  it('gives back exactly the summary exported when the text is unchanged', () => {
    const bytes = file(lines, summaryPartXml(json, textDigest(lines)))
    const got = importDocx(bytes, parseXml)
    expect(got.source).toBe('embedded')
    expect(got.warnings).toEqual([])
    expect(got.doc.eq(expected)).toBe(true)
  })

  it('reads the document instead when it was edited after export, and says so', () => {
    const edited = [...lines.slice(0, 4), '（二）推进养老服务。新建服务站12个。', ...lines.slice(5)]
    const got = importDocx(file(edited, summaryPartXml(json, textDigest(lines))), parseXml)
    expect(got.source).toBe('document')
    expect(got.warnings[0]).toMatchObject({ paragraph: 0, code: 'embedded-stale' })
    expect(got.warnings[0]!.message).toMatch(/改动/)
    expect(toSummary(got.doc).metrics.filter((m) => m.filled)).toHaveLength(1)
  })

  it('reads the document when the JSON it carries is not valid, and says so', () => {
    const got = importDocx(file(lines, summaryPartXml('{"title": 1', textDigest(lines))), parseXml)
    expect(got.source).toBe('document')
    expect(got.warnings[0]).toMatchObject({ paragraph: 0, code: 'embedded-invalid' })
    expect(toSummary(got.doc)).toEqual(toSummary(expected))
  })

  it('ignores custom XML parts of other kinds', () => {
    const other = '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>'
    const got = importDocx(file(lines, other), parseXml)
    expect(got.source).toBe('document')
    expect(got.warnings).toEqual([])
  })

  it('round trip with toDocx: the export comes back as the same document; without its custom part, as the same outline', async () => {
    const bytes = await toDocx(expected)
    const got = importDocx(bytes, parseXml)
    expect(got.source).toBe('embedded')
    expect(got.doc.eq(expected)).toBe(true)

    const parts = unzipSync(bytes)
    const customParts = Object.keys(parts).filter((name) => name.startsWith('customXml/'))
    expect(customParts.length).toBeGreaterThan(0)
    expect(customParts.some((name) => strFromU8(parts[name]!).includes('urn:zongjie:summary'))).toBe(true)
    for (const name of customParts) delete parts[name]
    const plain = importDocx(zipSync(parts), parseXml)
    expect(plain.source).toBe('document')
    expect(outline(toSummary(plain.doc).sections)).toEqual(outline(toSummary(expected).sections))
    expect(toSummary(plain.doc)).toEqual(toSummary(expected))
  })

  it('round trip with toDocx, then a word changed in Word: the document is read, with the change', async () => {
    const got = importDocx(editedInWord(await toDocx(expected), (xml) => xml.replace('基层力量不足', '基层人手不足')), parseXml)
    expect(got.source).toBe('document')
    expect(got.warnings.map((w) => w.code)).toContain('embedded-stale')
    expect(JSON.stringify(toSummary(got.doc))).toContain('基层人手不足')
  })
})
