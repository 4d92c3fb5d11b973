/**
 * The layout of GB/T 9704-2012 (党政机关公文格式) as the numbers a Word file is written with. Lengths
 * are in twips (twentieths of a point; 1 mm ≈ 56.69 twips), font sizes in half-points, as
 * WordprocessingML takes them. Whole twips throughout: `docx` writes unit strings as they are, and its
 * millimetre conversion rounds down (37 mm → 2097).
 */

/** Width of A4 paper (210 mm). */
export const pageWidth = 11906

/** Height of A4 paper (297 mm). */
export const pageHeight = 16838

/** 天头: the top margin, 37 mm. */
export const marginTop = 2098

/** 订口: the left margin, 28 mm (1587.4 twips, rounded up so that the right margin comes out at 26 mm exactly). */
export const marginLeft = 1588

/** Width of the text block (版心), 156 mm. */
export const textWidth = 8844

/** Height of the text block (版心), 225 mm. */
export const textHeight = 12756

/** The right margin, what the text block leaves of the page's width: 1474 twips, 26 mm. */
export const marginRight = pageWidth - marginLeft - textWidth

/** The bottom margin, what the text block leaves of the page's height: 1984 twips, 35 mm. */
export const marginBottom = pageHeight - marginTop - textHeight

/** Lines of body text a page holds (每面排 22 行). */
export const linesPerPage = 22

/** Characters of body text a line holds (每行排 28 个字). */
export const charactersPerLine = 28

/**
 * The line pitch, used both as the exact line spacing of every paragraph and as the document grid's
 * `linePitch`: the whole twips that fit 22 lines into the text block (22 × 579 = 12738 ≤ 12756;
 * 580 would not fit). 28.95 pt, within practice's 28–29.6 pt; the standard's own 30 pt would
 * leave room for 21 lines only.
 */
export const linePitch = Math.floor(textHeight / linesPerPage)

/** The character pitch of the grid: the text block's width shared by 28 characters (315.86 twips, 5.57 mm). */
export const characterPitch = textWidth / charactersPerLine

/** 3号 (16 pt): body text and headings. */
export const bodySize = 32

/** 2号 (22 pt): the title. */
export const titleSize = 44

/** 4号 (14 pt): the page number. */
export const pageNumberSize = 28

/**
 * The document grid's `charSpace`: what the character pitch adds to the body's font size, in
 * 4096ths of a point (negative: 15.79 pt characters for 16 pt type), rounded down so that 28
 * characters do fit the line (-848 would make the pitch a hair too wide and Word would count 27).
 * Word's and WPS's page setup (文档网格) read the grid as 22 lines of 28 characters.
 */
export const gridCharSpace = Math.floor((characterPitch / 20 - bodySize / 2) * 4096)

/**
 * How much closer than their size the characters are set (`w:spacing` of the runs), in twips:
 * 0.3 pt, so that 28 characters of 3号 fit a line (28 × 15.7 pt = 439.6 pt of the block's
 * 442.2 pt) without the document grid. Paragraphs do not snap to the grid (`w:snapToGrid` off):
 * Word and WPS would squeeze the characters to the grid's pitch themselves, but LibreOffice widens
 * every character to two grid cells when the pitch is below the font size (as {@link gridCharSpace}
 * makes it), setting 14 characters a line. With the characters set closer instead, each suite sets
 * 28, and justification spreads full lines to the grid's pitch. (0.25 pt still left LibreOffice at 27.)
 */
export const characterSpacing = -6

/**
 * A first-line indent of two characters (首行缩进二字), in hundredths of a character
 * (`w:firstLineChars`), which Word and WPS go by.
 */
export const indentChars = 200

/**
 * The same indent in twips (`w:firstLine`), two grid characters, for readers that ignore
 * `w:firstLineChars` (LibreOffice 7).
 */
export const indentTwips = Math.round(2 * characterPitch)

/** The typefaces, by the names Chinese offices' Word and WPS installations know them by. */
export const fonts = {
  /** 仿宋: body text, and the `1.` and `（1）` headings. */
  body: '仿宋_GB2312',
  /** 小标宋: the title (not installed by default; Word and WPS substitute). */
  title: '方正小标宋简体',
  /** 楷体: the subtitle. */
  subtitle: '楷体_GB2312',
  /** 黑体: the `一、` headings (and numbered problems and plans sections, which are `一、` sections). */
  level1: '黑体',
  /** 楷体: the `（一）` headings. */
  level2: '楷体_GB2312',
  /** 仿宋: the `1.` headings. */
  level3: '仿宋_GB2312',
  /** 仿宋: the `（1）` headings. */
  level4: '仿宋_GB2312',
  /** 宋体: the page number. */
  pageNumber: '宋体',
} as const

/**
 * Whether the `1.` headings are bold. The standard sets them in plain 仿宋; local practice often
 * bolds them, and so does the model's print stylesheet (`printStylesheet`), which the export follows
 * so that print and Word look alike.
 */
export const level3Bold = true

/**
 * The page number's distance in from the text block's edge: one 4号 character (页码单页居右空一字,
 * 双页居左空一字).
 */
export const pageNumberInset = pageNumberSize * 10

/** The page number's line: exactly one 4号 character high, so its middle is where the dashes are. */
export const pageNumberLine = pageNumberSize * 10

/** How far below the text block the dashes around the page number lie: 7 mm (一字线上距版心下边缘 7 mm). */
export const pageNumberDrop = 397

/**
 * The footer's distance from the bottom of the page (`w:footer`, to the bottom of the page number's
 * line), chosen so that the dashes, in the middle of the number's line, lie {@link pageNumberDrop}
 * below the text block: 35 mm − 7 mm − half a line ≈ 25.5 mm.
 */
export const footerDistance = marginBottom - pageNumberDrop - pageNumberLine / 2

/**
 * The space kept free right of the signing organisation (发文机关署名右空二字), and the step by which
 * the date's first character stands right of the organisation's (成文日期首字比署名首字右移二字),
 * in characters.
 */
export const signOffInset = 2

/** The header's distance from the top of the page (`w:header`), 15 mm: Word's usual; the export writes no header. */
export const headerDistance = 851
