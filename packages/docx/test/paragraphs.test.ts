import { describe, it, expect } from 'vitest'
import { readDocx, type DocxContent } from '../src/index.ts'
import { strFromU8, unzipSync } from 'fflate'
import { buildDocx, para, paragraphStyle, parseXml, run } from './docx-builder.ts'

function read(body: string | string[], styles?: string, prefix?: string): DocxContent {
  return readDocx(buildDocx({ body: typeof body === 'string' ? body : body.join(''), styles, prefix }), parseXml)
}

const texts = (body: string | string[], styles?: string) => read(body, styles).paragraphs.map((p) => p.text)

const r = (inner: string) => `<w:r>${inner}</w:r>`
const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`
const p = (...inner: string[]) => `<w:p>${inner.join('')}</w:p>`

describe('the text of paragraphs', () => {
  it('joins runs, reads tabs as spaces, keeps non-breaking hyphens and drops soft hyphens; trims each paragraph', () => {
    expect(texts(p(r(t('  培训')), r('<w:tab/>'), r(t('干部') + '<w:softHyphen/>' + t('X') + '<w:noBreakHyphen/>' + t('Y名 '))))).toEqual(['培训 干部X-Y名'])
  })

  it('numbers the paragraphs with text from 1, empty ones not counted; a line break starts a new source paragraph with the same number', () => {
    const c = read([p(r(t('标题'))), p(), p(r(t('第一行') + '<w:br/>' + t('第二行'))), p(r(t('  '))), p(r(t('甲') + '<w:cr/>' + t('乙')))])
    expect(c.paragraphs.map((x) => [x.text, x.no])).toEqual([
      ['标题', 1],
      ['第一行', 2],
      ['第二行', 2],
      ['甲', 3],
      ['乙', 3],
    ])
  })

  it('reads inserted and deleted text of tracked changes as suggestions, one for each stretch of one author and date', () => {
    const ins = `<w:ins w:id="1" w:author="张三" w:date="2020-07-01T00:00:00Z">${r(t('新增'))}</w:ins>`
    const del = `<w:del w:id="2" w:author="张三" w:date="2020-07-01T00:00:00Z"><w:r><w:delText>删去</w:delText></w:r></w:del>`
    const moveFrom = `<w:moveFrom w:id="3" w:author="张三"><w:r><w:t>移走</w:t></w:r></w:moveFrom>`
    const moveTo = `<w:moveTo w:id="4" w:author="张三">${r(t('移来'))}</w:moveTo>`
    // Word writes a change per run: two runs inserted at once are one suggestion.
    const twice = `<w:ins w:id="5" w:author="李四" w:date="2020-07-02T00:00:00Z">${r(t('甲'))}</w:ins><w:ins w:id="6" w:author="李四" w:date="2020-07-02T00:00:00Z">${r(t('乙'))}</w:ins>`
    const c = read(p(r(t('原有')), ins, del, moveFrom, moveTo, twice, r(t('末'))))
    expect(c.paragraphs.map((x) => [x.text, x.suggestions])).toEqual([
      [
        '原有新增删去移走移来甲乙末',
        [
          { id: 'w1', kind: 'insert', from: 2, to: 4 },
          { id: 'w2', kind: 'delete', from: 4, to: 6 },
          { id: 'w3', kind: 'delete', from: 6, to: 8 },
          { id: 'w4', kind: 'insert', from: 8, to: 10 },
          { id: 'w5', kind: 'insert', from: 10, to: 12 },
        ],
      ],
    ])
    const entries = [...c.suggestions.values()]
    expect(entries.map((s) => [s.id, s.author.name, s.kind])).toEqual([
      ['w1', '张三', 'insert'],
      ['w2', '张三', 'delete'],
      ['w3', '张三', 'delete'],
      ['w4', '张三', 'insert'],
      ['w5', '李四', 'insert'],
    ])
    expect(entries.map((s) => s.time.slice(0, 10))).toEqual(['2020-07-01', '2020-07-01', expect.any(String), expect.any(String), '2020-07-02'])
    expect(c.accepted).toEqual([])
  })

  it('joins a paragraph whose mark was deleted to the next, as Word shows the change accepted, and says so', () => {
    const deletedMark = '<w:pPr><w:rPr><w:del w:id="5" w:author="张三"/></w:rPr></w:pPr>'
    const c = read([`<w:p>${deletedMark}${r(t('前半'))}</w:p>`, p(r(t('后半'))), p(r(t('另一段')))])
    expect(c.paragraphs.map((x) => x.text)).toEqual(['前半后半', '另一段'])
    expect(c.accepted.map((a) => a.paragraph)).toEqual([1])
  })

  it('drops hidden text: w:vanish on the run or its character style, not when the run turns it off', () => {
    const styles = '<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>'
    expect(texts(p(run('看得见'), run('藏起来', { hidden: true }), run('也藏', { style: 'Secret' }), r('<w:rPr><w:rStyle w:val="Secret"/><w:vanish w:val="0"/></w:rPr>' + t('露出'))), styles)).toEqual(['看得见露出'])
  })

  it('drops field instructions and keeps field results, nested fields and simple fields too', () => {
    const field = r('<w:fldChar w:fldCharType="begin"/>') + r('<w:instrText> HYPERLINK "http://x" </w:instrText>') + r('<w:fldChar w:fldCharType="separate"/>') + r(t('链接文字')) + r('<w:fldChar w:fldCharType="end"/>')
    const nested =
      r('<w:fldChar w:fldCharType="begin"/>') +
      r('<w:instrText>IF </w:instrText>') +
      r('<w:fldChar w:fldCharType="begin"/>') +
      r('<w:instrText>PAGE</w:instrText>') +
      r('<w:fldChar w:fldCharType="separate"/>') +
      r(t('9')) +
      r('<w:fldChar w:fldCharType="end"/>') +
      r('<w:instrText> = 1 "a" "b"</w:instrText>') +
      r('<w:fldChar w:fldCharType="separate"/>') +
      r(t('结果')) +
      r('<w:fldChar w:fldCharType="end"/>')
    const simple = `<w:fldSimple w:instr=" DATE ">${r(t('2020年7月1日'))}</w:fldSimple>`
    expect(texts(p(r(t('见')), field, r(t('；')), nested, r(t('；')), simple))).toEqual(['见链接文字；结果；2020年7月1日'])
  })

  it('keeps a field result that runs over paragraphs, and does not let a field with no separate swallow the next paragraphs', () => {
    const toc = [p(r('<w:fldChar w:fldCharType="begin"/>'), r('<w:instrText>TOC \\o "1-3"</w:instrText>'), r('<w:fldChar w:fldCharType="separate"/>'), r(t('一、主要工作 1'))), p(r(t('二、存在的问题 3')), r('<w:fldChar w:fldCharType="end"/>'))]
    const broken = p(r(t('甲')), r('<w:fldChar w:fldCharType="begin"/>'), r('<w:instrText>PAGE</w:instrText>'))
    expect(texts([...toc, broken, p(r(t('乙')))])).toEqual(['一、主要工作 1', '二、存在的问题 3', '甲', '乙'])
  })

  it('reads hyperlinks, content controls (block and inline), smart tags and custom XML through', () => {
    const link = `<w:hyperlink r:id="rId9">${r(t('网站'))}</w:hyperlink>`
    const inline = `<w:sdt><w:sdtPr><w:alias w:val="单位"/><w:tag w:val="org"/></w:sdtPr><w:sdtContent>${r(t('某局'))}</w:sdtContent></w:sdt>`
    const block = `<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>${p(r(t('控件中的段落')))}</w:sdtContent></w:sdt>`
    const smart = `<w:smartTag w:uri="urn:x" w:element="place">${r(t('北京'))}</w:smartTag>`
    expect(texts([p(link, inline, smart), block])).toEqual(['网站某局北京', '控件中的段落'])
  })

  it('reads mc:AlternateContent once, text and drawings alike', () => {
    const choice = `<mc:AlternateContent><mc:Choice Requires="w14">${r(t('一次'))}</mc:Choice><mc:Fallback>${r(t('一次'))}</mc:Fallback></mc:AlternateContent>`
    const drawing = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:txbx><w:txbxContent>${p(r(t('框里的字')))}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:rect xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p(r(t('框里的字')))}</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
    const c = read(p(choice, drawing, r(t('完'))))
    expect(c.paragraphs.map((x) => x.text)).toEqual(['一次完'])
    // A text box with text, counted once, as a text box.
    expect([c.images, c.textBoxes, c.shapes]).toEqual([0, 1, 0])
  })

  it('ignores footnote, endnote and comment references, bookmarks and proofing marks', () => {
    const refs = r('<w:footnoteReference w:id="1"/>') + r('<w:endnoteReference w:id="2"/>') + '<w:commentRangeStart w:id="0"/>' + r(t('注')) + '<w:commentRangeEnd w:id="0"/>' + r('<w:commentReference w:id="0"/>')
    expect(texts(p('<w:bookmarkStart w:id="0" w:name="a"/>', r(t('正文')), '<w:proofErr w:type="spellStart"/>', refs, '<w:bookmarkEnd w:id="0"/>'))).toEqual(['正文注'])
  })

  it('drops images, shapes and embedded objects, counting them', () => {
    const picture = `<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"/></a:graphicData></a:graphic></wp:inline></w:drawing>`
    const chart = `<w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing>`
    const vmlPicture = '<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId5"/></v:shape></w:pict>'
    const object = '<w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId6"/></v:shape></w:object>'
    const c = read([p(r(t('图')), r(picture), r(picture)), p(r(chart)), p(r(vmlPicture), r(object), r(t('表')))])
    expect(c.paragraphs.map((x) => [x.text, x.no])).toEqual([
      ['图', 1],
      ['表', 2],
    ])
    expect([c.images, c.shapes]).toEqual([3, 2])
  })

  it('reads a table a row at a time: cells and the paragraphs in them apart by a full-width space, nested tables too, each row one numbered paragraph', () => {
    const cell = (...content: string[]) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${content.join('') || '<w:p/>'}</w:tc>`
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`
    const nested = `<w:tbl>${row(cell(p(r(t('内1')))), cell(p(r(t('内2')))))}${row(cell(p(r(t('内3')))))}</w:tbl>`
    const table = `<w:tbl><w:tblPr/><w:tblGrid/>${row(cell(p(r(t('项目')))), cell(p(r(t('完成情况')))))}${row(cell(p(r(t('培训'))), p(r(t('第二段')))), cell(nested, p()))}${row(cell(), cell())}${row(cell(p(r(t('行内') + '<w:br/>' + t('换行')))))}</w:tbl>`
    const deleted = `<w:tbl><w:tr><w:trPr><w:del w:id="1" w:author="张三"/></w:trPr>${cell(p(r(t('删掉的行'))))}</w:tr></w:tbl>`
    const c = read([p(r(t('前'))), table, deleted, p(r(t('后')))])
    expect(c.paragraphs.map((x) => [x.text, x.no])).toEqual([
      ['前', 1],
      ['项目\u3000完成情况', 2],
      ['培训\u3000第二段\u3000内1\u3000内2\u3000内3', 3],
      ['行内\u3000换行', 4],
      ['后', 5],
    ])
  })
})

describe('bold', () => {
  const bolds = (body: string | string[], styles?: string) => read(body, styles).paragraphs.map((x) => [x.text, x.bold ?? []])

  it('keeps a run’s own bold, merging neighbouring bold runs, with w:val 0 / false / off meaning not bold', () => {
    const off = (v: string) => r(`<w:rPr><w:b w:val="${v}"/></w:rPr>` + t('不'))
    expect(bolds(p(run('一是', { bold: true }), run('加强', { bold: true }), run('学习。'), run('粗', { bold: true }), off('0'), off('false'), off('off'), run('细', { bold: 'off' })))).toEqual([['一是加强学习。粗不不不细', [[0, 4], [7, 8]]]])
  })

  it('takes bold from a run’s character style, following w:basedOn; the run’s own w:b wins', () => {
    const styles =
      '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Key"><w:name w:val="要点"/><w:basedOn w:val="Strong"/></w:style>'
    expect(bolds(p(run('甲', { style: 'Key' }), run('乙'), run('丙', { style: 'Key', bold: 'off' })), styles)).toEqual([['甲乙丙', [[0, 1]]]])
  })

  it('does not count a paragraph style’s bold (heading styles are bold by design)', () => {
    const styles = paragraphStyle('Heading1', 'heading 1', { bold: true }) + paragraphStyle('Strong', '强调段', { bold: true })
    expect(bolds([para('题目'), para('一、主要工作', { style: 'Heading1' }), para('正文', { style: 'Strong' })], styles)).toEqual([
      ['题目', []],
      ['一、主要工作', []],
      ['正文', []],
    ])
  })

  it('moves bold ranges with trimming and with the list label put before the text', () => {
    const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    const bytes = buildDocx({ numbering, body: para([run('  '), run('加强', { bold: true }), run('学习')], { numId: 1, ilvl: 0 }) })
    const [only] = readDocx(bytes, parseXml).paragraphs
    expect(only).toEqual({ text: '一、\t加强学习', bold: [[3, 5]], no: 1 })
    expect(only!.text.slice(3, 5)).toBe('加强')
  })
})

describe('namespaces', () => {
  const body = [para('主要工作', { numId: 1, ilvl: 0 }), para([run('加强', { bold: true }), run('学习')])]
  const numbering = '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'

  for (const prefix of ['w', 'wx', '']) {
    it(`reads WordprocessingML bound to ${prefix ? `the prefix ${prefix}` : 'the default namespace'}`, () => {
      const bytes = buildDocx({ body: body.join(''), numbering, prefix })
      const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
      expect(xml).toContain(prefix ? `<${prefix}:p>` : '<p>')
      expect(readDocx(bytes, parseXml).paragraphs).toEqual([
        { text: '一、\t主要工作', no: 1 },
        { text: '加强学习', bold: [[0, 2]], no: 2 },
      ])
    })
  }

  it('ignores elements of other namespaces that happen to be called like WordprocessingML ones', () => {
    expect(texts(p(r(t('甲')), '<x:r xmlns:x="urn:other"><x:t>乙</x:t></x:r>'))).toEqual(['甲'])
  })
})
