import { escapeXml } from '../embedded.ts'
import { closingStyleName, levelNames, runInStyleName } from '../style-names.ts'
import {
  bodySize,
  characterSpacing,
  fonts,
  indentChars,
  indentTwips,
  level3Bold,
  linePitch,
  pageNumberLine,
  pageNumberSize,
  titleSize,
} from './layout.ts'

/**
 * The ids of the styles the export defines in `word/styles.xml`. Fonts, sizes, indents and spacing
 * live in these styles, once, rather than on every run; paragraphs and runs name them.
 */
export const styleIds = {
  /**
   * Body text (正文): paragraphs, work items, notes, run-in sections. Word's Normal style (正文 in
   * Chinese Word), the default, so that body paragraphs, most of a summary, name no style at all.
   */
  body: 'Normal',
  /** The title (标题). */
  title: 'ZjTitle',
  /** The subtitle (副标题). */
  subtitle: 'ZjSubtitle',
  /** Heading paragraphs, by level (1 = `一、` … 4 = `（1）`). */
  section: ['ZjSection1', 'ZjSection2', 'ZjSection3', 'ZjSection4'],
  /** Character styles of a run-in heading (`（一）落实党建责任。一是……`), by level. */
  runIn: ['ZjRunIn1', 'ZjRunIn2', 'ZjRunIn3', 'ZjRunIn4'],
  /** The sign-off's lines (落款: organisation and date). */
  signOff: 'ZjSignOff',
  /** The closing's paragraphs (结束语): body text, named so that a reader knows them again (see `closingStyleName`). */
  closing: 'ZjClosing',
  /** The page number (页码) in the footers. */
  pageNumber: 'ZjPageNumber',
} as const

/** `w:rFonts` naming one typeface for every script: Latin, East Asian, complex. */
const typeface = (name: string) => {
  const n = escapeXml(name)
  return `<w:rFonts w:ascii="${n}" w:hAnsi="${n}" w:eastAsia="${n}" w:cs="${n}"/>`
}

const size = (halfPoints: number) => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`

const exactLine = (twips: number) => `<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/>`

/** The run properties of each heading level's typeface (and bold, for `1.`). */
const levelRuns = [
  typeface(fonts.level1),
  typeface(fonts.level2),
  typeface(fonts.level3) + (level3Bold ? '<w:b/><w:bCs/>' : ''),
  typeface(fonts.level4),
]

interface StyleSpec {
  type: 'paragraph' | 'character'
  id: string
  name: string
  basedOn?: string
  next?: string
  /** Shown in the style gallery (快速样式). */
  quick?: boolean
  pPr?: string
  rPr?: string
}

function style(s: StyleSpec): string {
  return (
    `<w:style w:type="${s.type}" w:customStyle="1" w:styleId="${s.id}"><w:name w:val="${escapeXml(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    (s.quick ? '<w:qFormat/>' : '') +
    (s.pPr ? `<w:pPr>${s.pPr}</w:pPr>` : '') +
    (s.rPr ? `<w:rPr>${s.rPr}</w:rPr>` : '') +
    '</w:style>'
  )
}

/**
 * Every paragraph's: no widow control (a page always holds its 22 lines); punctuation allowed to
 * hang at the end of a line (允许标点溢出边界, as Chinese Word and WPS have it by default) — written
 * out because LibreOffice reads `w:overflowPunct` the other way round: with it on, LibreOffice keeps
 * punctuation inside the block, and without it hangs it and loses some (a `，` ending a paragraph's
 * first line went missing from the PDF); no extra space between Chinese and Latin text or digits; no
 * snapping to the document grid (see `characterSpacing`); the exact line pitch; justified.
 */
const paragraphDefaults =
  '<w:widowControl w:val="0"/><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>' +
  exactLine(linePitch) +
  '<w:jc w:val="both"/>'

const bodyIndent = `<w:ind w:firstLine="${indentTwips}" w:firstLineChars="${indentChars}"/>`

const noIndent = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'

/**
 * `word/styles.xml` of an exported summary, written once. The document defaults carry the body's
 * typeface (仿宋 for every script, so that “ ” — … and digits stay in it), 3号, Chinese as the East
 * Asian language, the characters 0.3 pt closer (see `characterSpacing`) and the paragraph defaults
 * below (exact line pitch, justified, no snapping to the grid …). Normal is the body text, with the
 * two-character first-line indent; the other paragraph styles add the title's and headings'
 * typefaces and sizes, the centring of the title, the sign-off's right alignment; the character
 * styles set a run-in heading in its level's typeface.
 *
 * Written as XML rather than through `docx`'s style options, which cannot say `w:snapToGrid`
 * on a paragraph.
 */
export const stylesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:docDefaults>' +
  `<w:rPrDefault><w:rPr>${typeface(fonts.body)}<w:spacing w:val="${characterSpacing}"/>${size(bodySize)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr>${paragraphDefaults}</w:pPr></w:pPrDefault>` +
  '</w:docDefaults>' +
  // Word's Normal is the body text, with the defaults written out again: LibreOffice takes the
  // document grid's character pitch from this style's size, and reads the paragraph defaults only from it.
  `<w:style w:type="paragraph" w:default="1" w:styleId="${styleIds.body}"><w:name w:val="Normal"/><w:qFormat/><w:pPr>${paragraphDefaults}${bodyIndent}</w:pPr><w:rPr>${typeface(fonts.body)}${size(bodySize)}</w:rPr></w:style>` +
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
  '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
  [
    style({
      type: 'paragraph',
      id: styleIds.title,
      name: '总结 标题',
      basedOn: styleIds.body,
      next: styleIds.body,
      quick: true,
      pPr: noIndent + '<w:jc w:val="center"/>',
      rPr: typeface(fonts.title) + '<w:spacing w:val="0"/>' + size(titleSize),
    }),
    style({ type: 'paragraph', id: styleIds.subtitle, name: '总结 副标题', basedOn: styleIds.body, next: styleIds.body, quick: true, pPr: noIndent + '<w:jc w:val="center"/>', rPr: typeface(fonts.subtitle) }),
    ...levelRuns.map((rPr, i) =>
      style({
        type: 'paragraph',
        id: styleIds.section[i]!,
        name: `总结 ${levelNames[i]}标题`,
        basedOn: styleIds.body,
        next: styleIds.body,
        quick: true,
        // An outline level, so that Word's navigation pane and WPS's 目录 list the headings.
        pPr: `<w:keepNext/><w:outlineLvl w:val="${i}"/>`,
        rPr,
      }),
    ),
    style({ type: 'paragraph', id: styleIds.closing, name: closingStyleName, basedOn: styleIds.body, next: styleIds.closing }),
    style({ type: 'paragraph', id: styleIds.signOff, name: '总结 落款', basedOn: styleIds.body, next: styleIds.signOff, pPr: noIndent + '<w:jc w:val="right"/>' }),
    style({
      type: 'paragraph',
      id: styleIds.pageNumber,
      name: '总结 页码',
      basedOn: styleIds.body,
      pPr: exactLine(pageNumberLine) + noIndent,
      rPr: typeface(fonts.pageNumber) + '<w:spacing w:val="0"/>' + size(pageNumberSize),
    }),
    ...levelRuns.map((rPr, i) => style({ type: 'character', id: styleIds.runIn[i]!, name: runInStyleName(i + 1), rPr })),
  ].join('') +
  '</w:styles>'

/** Where the styles go in the package. */
export const stylesPath = 'word/styles.xml'
