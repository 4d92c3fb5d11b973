import { WordNames, integer, onOff, type XmlNode } from './xml.ts'
import { closingStyleName, levelNames, runInStyleName } from '../style-names.ts'

/**
 * The styles part (`word/styles.xml`), as the reader needs it: for paragraph styles, the list
 * numbering they carry (`w:numPr`), the heading level they stand for and whether they are the
 * title's; for character styles, bold and hidden text. Every property follows `w:basedOn`.
 *
 * Styles are known by their name (`w:name`), never their id: Word writes ids like `Heading1`,
 * WPS numeric ones (`1`, `2`, `a`), and both write the built-in names `heading 1` … `heading 9`
 * and `Title` (WPS sometimes `标题 1`, `标题`), whatever language the interface shows.
 */

/** What a `w:numPr` says: the numbering instance (`w:numId`) and the level (`w:ilvl`), either may be absent. */
export interface NumPr {
  numId: string | null
  ilvl: number | null
}

/** Reads a `w:numPr` element, of a paragraph or of a style. */
export function readNumPr(w: WordNames, numPr: XmlNode): NumPr {
  return { numId: w.childVal(numPr, 'numId'), ilvl: integer(w.childVal(numPr, 'ilvl')) }
}

/** A style's own properties (before inheritance). */
interface StyleRecord {
  id: string
  type: string
  name: string
  basedOn: string | null
  /** `w:pPr/w:numPr`: present when the style carries numbering (numId may be absent, then inherited). */
  numPr: NumPr | null
  /** `w:pPr/w:outlineLvl` (0 for level 1; 9 for body text). */
  outlineLevel: number | null
  /** `w:rPr/w:b`, when set. */
  bold: boolean | null
  /** `w:rPr/w:vanish`, when set. */
  hidden: boolean | null
}

/** A paragraph style's list numbering: the numbering instance and level (either may be unknown). */
export interface StyleNumbering {
  numId: string | null
  ilvl: number | null
}

const headingName = /^(?:heading|标题)([1-9])$/
const titleName = /^(?:title|标题)$/

/** The names of the run-in heading styles the export writes. */
const runInNames: ReadonlySet<string> = new Set(levelNames.map((_, i) => runInStyleName(i + 1)))

/** How deep `w:basedOn` is followed (a loop in a damaged file ends here). */
const maxDepth = 20

/**
 * A style's kind by its name: a heading level 1 to 9 (`heading 1`, `Heading1`, `标题 1`), `title`
 * (`Title`, `标题`), or `null`. Case and spaces do not count.
 */
export function styleNameKind(name: string): number | 'title' | null {
  const n = name.toLowerCase().replace(/\s+/g, '')
  const h = headingName.exec(n)
  if (h) return Number(h[1])
  return titleName.test(n) ? 'title' : null
}

/** The styles of a document, with their inherited properties. */
export class Styles {
  private readonly byId = new Map<string, StyleRecord>()
  private readonly levels = new Map<string, number | 'title' | null>()
  /** The paragraph style of paragraphs that name none (`w:default="1"`). */
  readonly defaultParagraphStyle: string | null = null

  /** Reads `w:styles`; `null` (a package with no styles part) gives no styles. */
  constructor(root: XmlNode | null) {
    if (!root) return
    const w = new WordNames(root)
    for (let s = root.firstChild; s; s = s.nextSibling) {
      if (w.local(s) !== 'style') continue
      const id = w.attr(s, 'styleId')
      if (id === null) continue
      const type = w.attr(s, 'type') ?? 'paragraph'
      const record: StyleRecord = { id, type, name: '', basedOn: null, numPr: null, outlineLevel: null, bold: null, hidden: null }
      for (let c = s.firstChild; c; c = c.nextSibling) {
        switch (w.local(c)) {
          case 'name':
            record.name = w.attr(c, 'val') ?? ''
            break
          case 'basedOn':
            record.basedOn = w.attr(c, 'val')
            break
          case 'pPr':
            for (let p = c.firstChild; p; p = p.nextSibling) {
              const l = w.local(p)
              if (l === 'numPr') record.numPr = readNumPr(w, p)
              else if (l === 'outlineLvl') record.outlineLevel = integer(w.attr(p, 'val'))
            }
            break
          case 'rPr':
            for (let r = c.firstChild; r; r = r.nextSibling) {
              const l = w.local(r)
              if (l === 'b') record.bold = onOff(w.attr(r, 'val'))
              else if (l === 'vanish') record.hidden = onOff(w.attr(r, 'val'))
            }
            break
        }
      }
      this.byId.set(id, record)
      if (type === 'paragraph' && onOff(w.attr(s, 'default') ?? '0') && this.defaultParagraphStyle === null) {
        this.defaultParagraphStyle = id
      }
    }
  }

  /** The first value `get` gives along the style's `w:basedOn` chain, or `null`. */
  private inherited<T>(id: string | null, get: (s: StyleRecord) => T | null): T | null {
    for (let depth = 0; id !== null && depth < maxDepth; depth++) {
      const s = this.byId.get(id)
      if (!s) return null
      const v = get(s)
      if (v !== null) return v
      id = s.basedOn
    }
    return null
  }

  /** The list numbering a paragraph style carries (its own or inherited), or `null`. */
  numbering(styleId: string | null): StyleNumbering | null {
    return this.inherited(styleId, (s) => s.numPr)
  }

  /**
   * What a paragraph style makes a paragraph: a heading level (1 to 9) by the style's name or its
   * `w:outlineLvl`, `'title'`, or `null` for body text, following `w:basedOn`.
   */
  kind(styleId: string | null): number | 'title' | null {
    if (styleId === null) return null
    const known = this.levels.get(styleId)
    if (known !== undefined) return known
    const found = this.inherited<number | 'title' | 'body'>(styleId, (s) => {
      const byName = styleNameKind(s.name)
      if (byName !== null) return byName
      if (s.outlineLevel !== null) return s.outlineLevel >= 0 && s.outlineLevel < 9 ? s.outlineLevel + 1 : 'body'
      return null
    })
    const kind = found === 'body' ? null : found
    this.levels.set(styleId, kind)
    return kind
  }

  /** Whether a paragraph style is the closing's (结束语) that the export writes, by its name (`closingStyleName`), following `w:basedOn`. */
  closing(styleId: string | null): boolean {
    return this.inherited(styleId, (s) => (s.name === closingStyleName ? true : null)) ?? false
  }

  /**
   * Whether a character style is the one the export writes a run-in heading's title in (see
   * `runInStyleName`), by its name: its bold is the heading's look, not the writer's.
   */
  runInHeading(styleId: string): boolean {
    const name = this.byId.get(styleId)?.name
    return name !== undefined && runInNames.has(name)
  }

  /** Whether a character style (`w:rStyle`) makes text bold, following `w:basedOn`; `null` when it does not say. */
  characterBold(styleId: string): boolean | null {
    return this.inherited(styleId, (s) => s.bold)
  }

  /** Whether a style (character or paragraph) hides its text (`w:vanish`), following `w:basedOn`; `null` when it does not say. */
  hidden(styleId: string | null): boolean | null {
    return this.inherited(styleId, (s) => s.hidden)
  }

  /** The numbering instance a numbering style (`w:type="numbering"`) points to, for `w:numStyleLink`. */
  numberingStyleNumId(styleId: string): string | null {
    return this.inherited(styleId, (s) => s.numPr?.numId ?? null)
  }
}
