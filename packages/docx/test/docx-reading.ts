/**
 * Reading a .docx the way the tests check it: the zip's parts, parsed XML, the body's paragraphs and
 * their text, and the properties that are in force for a paragraph or a run once the document
 * defaults, the paragraph style, the character style and the direct formatting are applied in turn
 * (what Word shows, whichever of these places the export chose to put a font or a size in).
 */
import { unzipSync, strFromU8 } from 'fflate'
import { DOMParser } from 'linkedom'

/** An element of a parsed part (linkedom's, with qualified names such as `w:p`): what the tests use of it. */
export interface XmlElement {
  readonly tagName: string
  readonly children: ArrayLike<XmlElement>
  readonly attributes: ArrayLike<{ name: string; value: string }>
  readonly textContent: string | null
  getAttribute(name: string): string | null
  getElementsByTagName(name: string): ArrayLike<XmlElement>
}

/** A parsed part. */
export interface XmlDocument {
  readonly documentElement: XmlElement
  getElementsByTagName(name: string): ArrayLike<XmlElement>
}

/** A package, unzipped. */
export class DocxPackage {
  readonly files: Record<string, Uint8Array>
  private parsed = new Map<string, XmlDocument>()
  constructor(bytes: Uint8Array) {
    this.files = unzipSync(bytes)
  }
  /** Whether the package has a part. */
  has(path: string): boolean {
    return path in this.files
  }
  /** A part's text (UTF-8). */
  text(path: string): string {
    const data = this.files[path]
    if (!data) throw new Error(`the package has no ${path}; it has ${Object.keys(this.files).join(', ')}`)
    return strFromU8(data)
  }
  /** A part, parsed as XML. */
  xml(path: string): XmlDocument {
    let doc = this.parsed.get(path)
    if (!doc) {
      doc = new DOMParser().parseFromString(this.text(path), 'text/xml') as unknown as XmlDocument
      this.parsed.set(path, doc)
    }
    return doc
  }
  /** The paragraphs of the document's body, in order (not those of headers, footers or tables). */
  bodyParagraphs(): XmlElement[] {
    const body = this.xml('word/document.xml').getElementsByTagName('w:body')[0]!
    return Array.from(body.children).filter((e) => e.tagName === 'w:p')
  }
  /** The section properties (`w:sectPr`) of the body. */
  sectionProperties(): XmlElement {
    return this.xml('word/document.xml').getElementsByTagName('w:sectPr')[0]!
  }
  /** The relationships of a part (`Id` → type and target). */
  relationships(relsPath: string): { id: string; type: string; target: string }[] {
    return Array.from(this.xml(relsPath).getElementsByTagName('Relationship')).map((r) => ({
      id: r.getAttribute('Id')!,
      type: r.getAttribute('Type')!,
      target: r.getAttribute('Target')!,
    }))
  }
  /** The styles, for effective properties. */
  styles(): Styles {
    return new Styles(this.xml('word/styles.xml'))
  }
}

/** The direct children of an element with a tag name. */
export function childrenNamed(element: XmlElement, tag: string): XmlElement[] {
  return Array.from(element.children).filter((e) => e.tagName === tag)
}

/** The first direct child of an element with a tag name. */
export function child(element: XmlElement | undefined, tag: string): XmlElement | undefined {
  return element ? Array.from(element.children).find((e) => e.tagName === tag) : undefined
}

/**
 * The runs of a paragraph: its direct children, and those of the content controls (`w:sdt`) the
 * export writes blanks in (it writes no hyperlinks or fields in the body).
 */
export function runsOf(paragraph: XmlElement): XmlElement[] {
  return Array.from(paragraph.children).flatMap((e) => (e.tagName === 'w:r' ? [e] : e.tagName === 'w:sdt' ? childrenNamed(child(e, 'w:sdtContent')!, 'w:r') : []))
}

/** A run's text: its `w:t`, with `w:tab` as a tab. */
export function runText(run: XmlElement): string {
  let text = ''
  for (const e of Array.from(run.children)) {
    if (e.tagName === 'w:t') text += e.textContent ?? ''
    else if (e.tagName === 'w:tab') text += '\t'
  }
  return text
}

/** A paragraph's text, as a reader of the file sees it. */
export function paragraphText(paragraph: XmlElement): string {
  return runsOf(paragraph).map(runText).join('')
}

/** Properties by element name (`w:rFonts`, `w:sz` …), each element's attributes merged as later layers override earlier ones. */
export type Properties = Map<string, Record<string, string>>

function merge(into: Properties, container: XmlElement | undefined): void {
  if (!container) return
  for (const e of Array.from(container.children)) {
    if (e.tagName === 'w:rPr' && container.tagName === 'w:pPr') continue // the paragraph mark's run properties
    const attrs: Record<string, string> = { ...(into.get(e.tagName) ?? {}) }
    for (const a of Array.from(e.attributes)) attrs[a.name] = a.value
    into.set(e.tagName, attrs)
  }
}

/** Whether an on/off property (`w:b`) is on. */
export function isOn(props: Properties, tag: string): boolean {
  const p = props.get(tag)
  return p !== undefined && !['0', 'false', 'off'].includes(p['w:val'] ?? 'true')
}

/** The styles of a package, resolving `w:basedOn` chains. */
export class Styles {
  private byId = new Map<string, XmlElement>()
  private defaults: XmlElement | undefined
  constructor(styles: XmlDocument) {
    for (const s of Array.from(styles.getElementsByTagName('w:style'))) this.byId.set(s.getAttribute('w:styleId')!, s)
    this.defaults = styles.getElementsByTagName('w:docDefaults')[0]
  }
  /** The style with an id. */
  style(id: string): XmlElement | undefined {
    return this.byId.get(id)
  }
  /** A style and the styles it is based on, the root first. */
  private chain(id: string | undefined): XmlElement[] {
    const out: XmlElement[] = []
    const seen = new Set<string>()
    while (id && !seen.has(id)) {
      seen.add(id)
      const s = this.byId.get(id)
      if (!s) throw new Error(`style ${id} is referenced but not defined`)
      out.unshift(s)
      id = child(s, 'w:basedOn')?.getAttribute('w:val') ?? undefined
    }
    return out
  }
  private defaultParagraphStyle(): string | undefined {
    for (const [id, s] of this.byId) if (s.getAttribute('w:type') === 'paragraph' && s.getAttribute('w:default') === '1') return id
    return undefined
  }
  /** The paragraph style a paragraph is in: its `w:pStyle`, or the default paragraph style. */
  paragraphStyleOf(paragraph: XmlElement): string | undefined {
    return child(child(paragraph, 'w:pPr'), 'w:pStyle')?.getAttribute('w:val') ?? this.defaultParagraphStyle()
  }
  /** The paragraph properties in force for a paragraph. */
  paragraph(paragraph: XmlElement): Properties {
    const props: Properties = new Map()
    merge(props, child(child(this.defaults!, 'w:pPrDefault'), 'w:pPr'))
    for (const s of this.chain(this.paragraphStyleOf(paragraph))) merge(props, child(s, 'w:pPr'))
    merge(props, child(paragraph, 'w:pPr'))
    return props
  }
  /** The run properties in force for a run of a paragraph. */
  run(paragraph: XmlElement, run: XmlElement): Properties {
    const props: Properties = new Map()
    merge(props, child(child(this.defaults!, 'w:rPrDefault'), 'w:rPr'))
    for (const s of this.chain(this.paragraphStyleOf(paragraph))) merge(props, child(s, 'w:rPr'))
    const rPr = child(run, 'w:rPr')
    const charStyle = child(rPr, 'w:rStyle')?.getAttribute('w:val')
    if (charStyle) for (const s of this.chain(charStyle)) merge(props, child(s, 'w:rPr'))
    merge(props, rPr)
    return props
  }
}

/** What a test asks of a run: its text and the look in force. */
export interface RunLook {
  text: string
  ascii: string | undefined
  hAnsi: string | undefined
  eastAsia: string | undefined
  size: number | undefined
  bold: boolean
  highlight: string | undefined
  characterStyle: string | undefined
}

/** The runs of a paragraph with their effective look. */
export function runLooks(styles: Styles, paragraph: XmlElement): RunLook[] {
  return runsOf(paragraph)
    .filter((r) => runText(r) !== '')
    .map((r) => {
      const p = styles.run(paragraph, r)
      const fonts = p.get('w:rFonts') ?? {}
      const sz = p.get('w:sz')?.['w:val']
      return {
        text: runText(r),
        ascii: fonts['w:ascii'],
        hAnsi: fonts['w:hAnsi'],
        eastAsia: fonts['w:eastAsia'],
        size: sz === undefined ? undefined : Number(sz),
        bold: isOn(p, 'w:b'),
        highlight: p.get('w:highlight')?.['w:val'],
        characterStyle: child(child(r, 'w:rPr'), 'w:rStyle')?.getAttribute('w:val') ?? undefined,
      }
    })
}

/** A number attribute of a property, or `undefined`. */
export function numberAttr(props: Properties, tag: string, attr: string): number | undefined {
  const v = props.get(tag)?.[attr]
  return v === undefined ? undefined : Number(v)
}
