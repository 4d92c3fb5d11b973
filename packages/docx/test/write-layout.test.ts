import { describe, it, expect, beforeAll } from 'vitest'
import { toDocx } from '../src/index.ts'
import { DocxPackage, Styles, paragraphText, runLooks, child, numberAttr, type XmlElement } from './docx-reading.ts'
import { everyPart, templateDocs, corpusDocs } from './write-fixtures.ts'
import { doc, p as para } from '../../model/test/arbitrary.ts'

// GB/T 9704-2012 in twips (1 mm = 56.69 twips), as ../shared/design/gbt9704.md gives them. The
// tolerance is the standard's ±1 mm.
const mm = 1440 / 25.4
const tolerance = 57
const a4 = { width: 11906, height: 16838 }
const block = { top: 37 * mm, left: 28 * mm, width: 156 * mm, height: 225 * mm }

let pkg: DocxPackage
let styles: Styles
let paragraphs: XmlElement[]

beforeAll(async () => {
  pkg = new DocxPackage(await toDocx(everyPart()))
  styles = pkg.styles()
  paragraphs = pkg.bodyParagraphs()
})

const attr = (e: XmlElement | undefined, name: string) => Number(e?.getAttribute(name))
const paragraphStarting = (start: string) => {
  const p = paragraphs.find((q) => paragraphText(q).startsWith(start))
  if (!p) throw new Error(`no paragraph starts with ${start}`)
  return p
}

describe('the page after GB/T 9704', () => {
  it('is A4 with the 156 × 225 mm text block 37 mm from the top and 28 mm from the left', () => {
    const sect = pkg.sectionProperties()
    const size = child(sect, 'w:pgSz')
    expect([attr(size, 'w:w'), attr(size, 'w:h')]).toEqual([a4.width, a4.height])
    expect(size?.getAttribute('w:orient') ?? 'portrait').toBe('portrait')
    const margin = child(sect, 'w:pgMar')!
    const [top, left, right, bottom] = ['w:top', 'w:left', 'w:right', 'w:bottom'].map((a) => attr(margin, a)) as [number, number, number, number]
    expect(Math.abs(top - block.top)).toBeLessThanOrEqual(tolerance)
    expect(Math.abs(left - block.left)).toBeLessThanOrEqual(tolerance)
    expect(Math.abs(a4.width - left - right - block.width)).toBeLessThanOrEqual(tolerance)
    expect(Math.abs(a4.height - top - bottom - block.height)).toBeLessThanOrEqual(tolerance)
    expect(attr(margin, 'w:gutter') || 0).toBe(0)
  })

  it('holds 22 lines: every paragraph of the body has an exact line pitch that fits 22 lines and not 23', () => {
    const margin = child(pkg.sectionProperties(), 'w:pgMar')!
    const height = a4.height - attr(margin, 'w:top') - attr(margin, 'w:bottom')
    for (const p of paragraphs) {
      const spacing = styles.paragraph(p).get('w:spacing')!
      expect(spacing['w:lineRule'], paragraphText(p)).toBe('exact')
      const line = Number(spacing['w:line'])
      expect(Math.floor(height / line), paragraphText(p)).toBe(22)
    }
    const grid = child(pkg.sectionProperties(), 'w:docGrid')!
    expect(grid.getAttribute('w:type')).toBe('linesAndChars')
    expect(attr(grid, 'w:linePitch')).toBe(579)
  })

  it('holds 28 characters a line: by the document grid (Word’s page setup) and by the characters’ own advance', () => {
    const margin = child(pkg.sectionProperties(), 'w:pgMar')!
    const width = (a4.width - attr(margin, 'w:left') - attr(margin, 'w:right')) / 20 // points
    // The grid's character pitch: the Normal style's size plus charSpace (4096ths of a point).
    const normal = styles.style('Normal')!
    const normalSize = Number(child(child(normal, 'w:rPr'), 'w:sz')?.getAttribute('w:val')) / 2
    const pitch = normalSize + attr(child(pkg.sectionProperties(), 'w:docGrid'), 'w:charSpace') / 4096
    expect(Math.floor(width / pitch)).toBe(28)
    // A body character's advance: its size less the condensed spacing (twips), as laid out without the grid.
    const body = paragraphStarting('今年以来')
    const run = styles.run(body, Array.from(body.children).find((e) => e.tagName === 'w:r')!)
    const advance = Number(run.get('w:sz')!['w:val']) / 2 + Number(run.get('w:spacing')?.['w:val'] ?? 0) / 20
    expect(Math.floor(width / advance)).toBe(28)
  })
})

describe('fonts and sizes by level', () => {
  const expectations = [
    { what: 'title', start: '示范县民政局2024年上半年工作总结', font: '方正小标宋简体', size: 44, bold: false, jc: 'center' },
    { what: 'subtitle', start: '——兜牢民生底线', font: '楷体_GB2312', size: 32, bold: false, jc: 'center' },
    { what: 'opening', start: '今年以来', font: '仿宋_GB2312', size: 32, bold: false, jc: 'both' },
    { what: '一、 heading', start: '一、强化兜底保障', font: '黑体', size: 32, bold: false, jc: 'both' },
    { what: '（一） heading', start: '（二）规范救助资金管理', font: '楷体_GB2312', size: 32, bold: false, jc: 'both' },
    { what: '1. heading (bold by practice, as the print stylesheet)', start: '2.加强信息比对', font: '仿宋_GB2312', size: 32, bold: true, jc: 'both' },
    { what: '（1） heading', start: '（2）核对结果运用', font: '仿宋_GB2312', size: 32, bold: false, jc: 'both' },
    { what: 'numbered problems heading', start: '三、存在的问题', font: '黑体', size: 32, bold: false, jc: 'both' },
    { what: 'work item', start: '一是开展资金专项检查', font: '仿宋_GB2312', size: 32, bold: false, jc: 'both' },
    { what: 'closing', start: '我们将以更加务实的作风', font: '仿宋_GB2312', size: 32, bold: false, jc: 'both' },
  ]
  for (const e of expectations) {
    it(`sets the ${e.what} in ${e.font}, ${e.size / 2} pt${e.bold ? ', bold' : ''}, ${e.jc}`, () => {
      const p = paragraphStarting(e.start)
      const looks = runLooks(styles, p)
      expect(looks.length).toBeGreaterThan(0)
      for (const r of looks) {
        expect({ text: r.text, eastAsia: r.eastAsia, ascii: r.ascii, hAnsi: r.hAnsi, size: r.size }).toEqual({ text: r.text, eastAsia: e.font, ascii: e.font, hAnsi: e.font, size: e.size })
        if (!/^X+$/.test(r.text)) expect(r.bold, r.text).toBe(e.bold)
      }
      expect(styles.paragraph(p).get('w:jc')?.['w:val']).toBe(e.jc)
    })
  }

  it('gives every run of every export the CJK typeface in all of ascii, hAnsi and eastAsia, so that “ ” — … stay in it', async () => {
    const docs = [{ name: 'every part', doc: everyPart() }, ...templateDocs(), ...corpusDocs()]
    const quotesSeen = new Set<string>()
    for (const { name, doc } of docs) {
      const p = new DocxPackage(await toDocx(doc))
      const s = p.styles()
      for (const para of p.bodyParagraphs()) {
        for (const r of runLooks(s, para)) {
          expect(r.eastAsia, `${name}: ${r.text}`).toMatch(/[\u4e00-\u9fff]/)
          expect([r.ascii, r.hAnsi], `${name}: ${r.text}`).toEqual([r.eastAsia, r.eastAsia])
          for (const ch of r.text) if ('“”—…'.includes(ch)) quotesSeen.add(ch)
        }
      }
    }
    expect([...quotesSeen].sort()).toEqual([...'“”—…'].sort())
  })

  it('marks the text Chinese (w:lang eastAsia zh-CN)', () => {
    for (const p of paragraphs) for (const r of Array.from(p.children).filter((e) => e.tagName === 'w:r')) expect(styles.run(p, r).get('w:lang')?.['w:eastAsia']).toBe('zh-CN')
  })

  it('indents the first line of body text and headings by two characters, and not the title, subtitle or sign-off', () => {
    for (const p of paragraphs) {
      const text = paragraphText(p)
      const ind = styles.paragraph(p)
      const centredOrRight = ['center', 'right'].includes(ind.get('w:jc')?.['w:val'] ?? '')
      if (centredOrRight) expect(numberAttr(ind, 'w:ind', 'w:firstLineChars') ?? 0, text).toBe(0)
      else {
        expect(numberAttr(ind, 'w:ind', 'w:firstLineChars'), text).toBe(200)
        // The same in twips for readers without w:firstLineChars: two characters of the grid (±1 twip).
        expect(Math.abs((numberAttr(ind, 'w:ind', 'w:firstLine') ?? 0) - (2 * block.width) / 28), text).toBeLessThan(1.5)
      }
    }
  })

  it('leaves one blank line after the title, or after the subtitle when there is one', async () => {
    const after = (s: Styles, p: XmlElement) => numberAttr(s.paragraph(p), 'w:spacing', 'w:after') ?? 0
    expect(after(styles, paragraphStarting('示范县民政局2024年'))).toBe(0)
    expect(after(styles, paragraphStarting('——兜牢'))).toBe(579)
    expect(after(styles, paragraphStarting('今年以来'))).toBe(0)
    const noSubtitle = new DocxPackage(await toDocx(doc({ title: '示范单位2024年上半年工作总结', preamble: [para('今年以来，工作稳步推进。')] })))
    const [title] = noSubtitle.bodyParagraphs()
    expect(after(noSubtitle.styles(), title!)).toBe(579)
  })

  it('gives the headings outline levels, so that Word’s navigation pane lists them', () => {
    const level = (start: string) => numberAttr(styles.paragraph(paragraphStarting(start)), 'w:outlineLvl', 'w:val')
    expect([level('一、强化'), level('（二）规范'), level('2.加强'), level('（2）核对'), level('四、下半年')]).toEqual([0, 1, 2, 3, 0])
    expect(level('今年以来')).toBeUndefined()
  })
})

describe('page numbers', () => {
  const footer = (type: 'default' | 'even') => {
    const ref = Array.from(pkg.sectionProperties().children).find((e) => e.tagName === 'w:footerReference' && e.getAttribute('w:type') === type)
    expect(ref, `a ${type} footer`).toBeDefined()
    const rel = pkg.relationships('word/_rels/document.xml.rels').find((r) => r.id === ref!.getAttribute('r:id'))!
    const part = pkg.xml(`word/${rel.target}`)
    return Array.from(part.getElementsByTagName('w:p'))[0]!
  }

  it('turns separate even-page footers on', () => {
    expect(pkg.text('word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/)
  })

  for (const [type, side] of [['default', 'right'], ['even', 'left']] as const) {
    it(`writes — PAGE — in 4号 宋体 on the ${side}, one character in, on ${type === 'default' ? 'odd' : 'even'} pages`, () => {
      const p = footer(type)
      const xml = Array.from(p.getElementsByTagName('w:r'))
      const text = xml.map((r) => (r.getElementsByTagName('w:instrText')[0] ? `{${r.getElementsByTagName('w:instrText')[0]!.textContent!.trim()}}` : Array.from(r.getElementsByTagName('w:t')).map((t) => t.textContent).join(''))).join('')
      expect(text).toBe('— {PAGE} —')
      const fs = pkg.styles()
      for (const r of runLooks(fs, p)) expect([r.eastAsia, r.hAnsi, r.ascii, r.size]).toEqual(['宋体', '宋体', '宋体', 28])
      const props = fs.paragraph(p)
      expect(props.get('w:jc')?.['w:val']).toBe(side)
      // One 4号 character (14 pt = 280 twips) in from the edge of the text block.
      expect(numberAttr(props, 'w:ind', `w:${side}`)).toBe(280)
    })
  }

  it('places the number about 7 mm below the text block', () => {
    const margin = child(pkg.sectionProperties(), 'w:pgMar')!
    const p = footer('default')
    const spacing = pkg.styles().paragraph(p).get('w:spacing')!
    expect(spacing['w:lineRule']).toBe('exact')
    // The number's line ends `w:footer` above the bottom of the page; the dashes are in its middle.
    const middleAboveBottom = attr(margin, 'w:footer') + Number(spacing['w:line']) / 2
    const belowBlock = attr(margin, 'w:bottom') - middleAboveBottom
    expect(Math.abs(belowBlock - 7 * mm)).toBeLessThanOrEqual(tolerance)
  })
})

describe('the sign-off of a document without a seal', () => {
  const pitch = block.width / 28
  /** Width in characters: Chinese one each, digits half. */
  const width = (text: string) => [...text].reduce((w, ch) => w + (/[0-9]/.test(ch) ? 0.5 : 1), 0)
  const place = async (organization: string, date: string) => {
    const p = new DocxPackage(await toDocx(everyPart({ signOff: [organization, date] })))
    const s = p.styles()
    const all = p.bodyParagraphs()
    const org = all.find((q) => paragraphText(q) === organization)!
    const day = all[all.indexOf(org) + 1]!
    expect(paragraphText(day)).toBe(date)
    const right = (q: XmlElement) => (numberAttr(s.paragraph(q), 'w:ind', 'w:right') ?? 0) / pitch
    for (const q of [org, day]) expect(s.paragraph(q).get('w:jc')?.['w:val']).toBe('right')
    const orgRight = right(org)
    const dateRight = right(day)
    return {
      orgRight,
      dateRight,
      // Where each line's first character stands, in characters from the left of the block.
      orgStart: 28 - orgRight - width(organization),
      dateStart: 28 - dateRight - width(date),
      spaceBefore: numberAttr(s.paragraph(org), 'w:spacing', 'w:before') ?? 0,
    }
  }

  it('sets a long organisation two characters in from the right, the date’s first character two characters right of its first', async () => {
    const r = await place('示范县民政局社会救助服务中心', '2024年7月10日')
    expect(r.orgRight).toBeCloseTo(2, 1)
    expect(r.dateStart - r.orgStart).toBeCloseTo(2, 1)
    expect(r.dateRight).toBeGreaterThan(2)
  })

  it('keeps a date longer than the organisation two characters from the right, moving the organisation in', async () => {
    const r = await place('民政局', '2024年12月31日')
    expect(r.dateRight).toBeCloseTo(2, 1)
    expect(r.dateStart - r.orgStart).toBeCloseTo(2, 1)
    expect(r.orgRight).toBeGreaterThan(2)
  })

  it('leaves one blank line between the text and the organisation', async () => {
    const r = await place('示范县民政局', '2024年7月10日')
    expect(r.spaceBefore).toBe(579)
  })
})

describe('document properties', () => {
  it('titles the file with the summary’s title and names Zongjie as its creator', () => {
    const core = pkg.text('docProps/core.xml')
    expect(core).toContain('<dc:title>示范县民政局2024年上半年工作总结</dc:title>')
    expect(core).toMatch(/<dc:creator>(Zongjie)?<\/dc:creator>/)
  })
})
