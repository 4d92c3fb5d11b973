// Builds small .docx files for the tests, by hand: XML strings zipped with fflate, so that each
// test says exactly what Word or WPS would have written.
import { zipSync, strToU8 } from 'fflate'
import { DOMParser } from 'linkedom'
import { escapeXml } from '../src/embedded.ts'
import { crc32 } from '../src/read/zip.ts'
import { DocxError, readDocx, type ParseXml } from '../src/index.ts'

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'
const relType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** linkedom's XML parser, as a caller in Node passes it. */
export const parseXml: ParseXml = (xml) => new DOMParser().parseFromString(xml, 'text/xml')

export interface DocxParts {
  /** The content of `w:body` (paragraphs, tables), written with the prefix `w`. */
  body: string
  /** The content of `w:styles`, if the file has a styles part. */
  styles?: string
  /** The content of `w:numbering`, if the file has a numbering part. */
  numbering?: string
  /** Custom XML parts, whole (`customXml/item1.xml` …). */
  customXml?: string[]
  /** The prefix bound to WordprocessingML (`w` by default); every `w:` in the XML is rewritten to it. */
  prefix?: string
  /** Leave out the package relationships (`_rels/.rels`): the reader must fall back to `word/document.xml`. */
  noPackageRels?: boolean
  /** The content of `w:comments` (批注), if the file has a comments part. */
  comments?: string
  /** The content of `w15:commentsEx` (replies, resolved), if the file has that part. */
  commentsExtended?: string
  /** More parts, by name. */
  extra?: Record<string, Uint8Array>
}

function withPrefix(xml: string, prefix: string): string {
  if (prefix === 'w') return xml
  const p = prefix ? prefix + ':' : ''
  return xml.replace(/(<\/?)w:/g, `$1${p}`).replace(/ w:([A-Za-z]+=)/g, ` ${p || 'w:'}$1`)
}

/** A .docx file's bytes. */
export function buildDocx(parts: DocxParts): Uint8Array {
  const prefix = parts.prefix ?? 'w'
  const ns = prefix ? `xmlns:${prefix}="${W}"` : `xmlns="${W}" xmlns:w="${W}"`
  const files: Record<string, Uint8Array> = {}
  const put = (name: string, text: string) => (files[name] = strToU8(text))
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    parts.styles !== undefined ? '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' : '',
    parts.numbering !== undefined ? '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' : '',
  ].join('')
  put(
    '[Content_Types].xml',
    decl +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      overrides +
      '</Types>',
  )
  if (!parts.noPackageRels) {
    put('_rels/.rels', decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relType}/officeDocument" Target="word/document.xml"/></Relationships>`)
  }
  const rels: string[] = []
  if (parts.styles !== undefined) rels.push(`<Relationship Id="rIdS" Type="${relType}/styles" Target="styles.xml"/>`)
  if (parts.numbering !== undefined) rels.push(`<Relationship Id="rIdN" Type="${relType}/numbering" Target="numbering.xml"/>`)
  if (parts.comments !== undefined) rels.push(`<Relationship Id="rIdK" Type="${relType}/comments" Target="comments.xml"/>`)
  if (parts.commentsExtended !== undefined) rels.push('<Relationship Id="rIdKX" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>')
  parts.customXml?.forEach((_, i) => rels.push(`<Relationship Id="rIdC${i}" Type="${relType}/customXml" Target="../customXml/item${i + 1}.xml"/>`))
  put('word/_rels/document.xml.rels', decl + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`)
  put('word/document.xml', decl + `<w:document ${ns} xmlns:r="${R}" xmlns:mc="${MC}"><w:body>${withPrefix(parts.body, prefix)}<w:sectPr/></w:body></w:document>`.replace(/<(\/?)w:(document|body|sectPr)/g, (_, slash: string, name: string) => `<${slash}${prefix ? prefix + ':' : ''}${name}`))
  if (parts.styles !== undefined) put('word/styles.xml', decl + `<w:styles ${ns}>${withPrefix(parts.styles, prefix)}</w:styles>`.replace(/<(\/?)w:styles/g, `<$1${prefix ? prefix + ':' : ''}styles`))
  if (parts.numbering !== undefined) put('word/numbering.xml', decl + `<w:numbering ${ns} xmlns:mc="${MC}">${withPrefix(parts.numbering, prefix)}</w:numbering>`.replace(/<(\/?)w:numbering/g, `<$1${prefix ? prefix + ':' : ''}numbering`))
  if (parts.comments !== undefined) put('word/comments.xml', decl + `<w:comments ${ns} xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">${parts.comments}</w:comments>`)
  if (parts.commentsExtended !== undefined) put('word/commentsExtended.xml', decl + `<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">${parts.commentsExtended}</w15:commentsEx>`)
  parts.customXml?.forEach((xml, i) => put(`customXml/item${i + 1}.xml`, xml))
  Object.assign(files, parts.extra ?? {})
  return zipSync(files)
}

/** Run properties of {@link run}. */
export interface RunProps {
  bold?: boolean | 'off'
  hidden?: boolean
  style?: string
}

/** A run (`w:r`) of text. */
export function run(text: string, props: RunProps = {}): string {
  const rPr = [
    props.style ? `<w:rStyle w:val="${props.style}"/>` : '',
    props.bold === true ? '<w:b/>' : props.bold === 'off' ? '<w:b w:val="0"/>' : '',
    props.hidden ? '<w:vanish/>' : '',
  ].join('')
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`
}

/** Paragraph properties of {@link para}. */
export interface ParaProps {
  style?: string
  numId?: string | number
  ilvl?: number
  outlineLevel?: number
}

/** A paragraph (`w:p`): its content is XML (runs …) or plain text, which becomes a run. */
export function para(content: string | string[], props: ParaProps = {}): string {
  const runs = (typeof content === 'string' ? [content] : content).map((c) => (c.startsWith('<') ? c : c ? run(c) : '')).join('')
  const numPr =
    props.numId !== undefined || props.ilvl !== undefined
      ? `<w:numPr>${props.ilvl !== undefined ? `<w:ilvl w:val="${props.ilvl}"/>` : ''}${props.numId !== undefined ? `<w:numId w:val="${props.numId}"/>` : ''}</w:numPr>`
      : ''
  const pPr = [props.style ? `<w:pStyle w:val="${props.style}"/>` : '', numPr, props.outlineLevel !== undefined ? `<w:outlineLvl w:val="${props.outlineLevel}"/>` : ''].join('')
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`
}

/** A paragraph style (`w:style`), with optional numbering, outline level, bold and base. */
export function paragraphStyle(id: string, name: string, options: { numId?: string | number; ilvl?: number; basedOn?: string; outlineLevel?: number; bold?: boolean } = {}): string {
  const numPr =
    options.numId !== undefined ? `<w:numPr>${options.ilvl !== undefined ? `<w:ilvl w:val="${options.ilvl}"/>` : ''}<w:numId w:val="${options.numId}"/></w:numPr>` : ''
  const outline = options.outlineLevel !== undefined ? `<w:outlineLvl w:val="${options.outlineLevel}"/>` : ''
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>` +
    (options.basedOn ? `<w:basedOn w:val="${options.basedOn}"/>` : '') +
    (numPr || outline ? `<w:pPr>${numPr}${outline}</w:pPr>` : '') +
    (options.bold ? '<w:rPr><w:b/></w:rPr>' : '') +
    '</w:style>'
  )
}

/** A list level (`w:lvl`). */
export interface LevelSpec {
  format: string
  text: string
  start?: number
  restart?: number
  legal?: boolean
  suffix?: 'tab' | 'space' | 'nothing'
  style?: string
}

/** An abstract list definition (`w:abstractNum`) with its levels from 0. */
export function abstractNum(id: number | string, levels: LevelSpec[], extra = ''): string {
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>` +
        (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
        (l.style ? `<w:pStyle w:val="${l.style}"/>` : '') +
        (l.legal ? '<w:isLgl/>' : '') +
        (l.suffix ? `<w:suff w:val="${l.suffix}"/>` : '') +
        `<w:lvlText w:val="${escapeXml(l.text)}"/><w:lvlJc w:val="left"/></w:lvl>`,
    )
    .join('')
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${extra}${lvls}</w:abstractNum>`
}

/** A list instance (`w:num`), with `startOverride`s by level. */
export function num(id: number | string, abstractId: number | string, startOverrides: Record<number, number> = {}): string {
  const overrides = Object.entries(startOverrides)
    .map(([ilvl, start]) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
    .join('')
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`
}

/** The four heading levels of a summary as one Word multi-level list: `一、` `（一）` `1.` `（1）`. */
export const summaryLevels: LevelSpec[] = [
  { format: 'chineseCounting', text: '%1、' },
  { format: 'chineseCounting', text: '（%2）' },
  { format: 'decimal', text: '%3.' },
  { format: 'decimal', text: '（%4）' },
]

/** The heading styles Word writes (`Heading1` named `heading 1` …) and its `Title`. */
export const wordHeadingStyles = [1, 2, 3, 4].map((n) => paragraphStyle(`Heading${n}`, `heading ${n}`, { bold: true })).join('') + paragraphStyle('Title', 'Title', { bold: true })

/** One entry of {@link rawZip}: its stored bytes as they are, and the sizes its headers declare. */
export interface RawEntry {
  name: string
  /** The bytes stored (already deflated when `method` is 8). */
  data: Uint8Array
  /** 0 stored, 8 deflated. */
  method: 0 | 8
  /** The inflated size both headers declare. */
  size: number
  /** The CRC-32 both headers declare: by default that of `data` when stored, 0 when deflated. */
  crc?: number
}

/**
 * A zip written byte by byte, so that a test can make its headers say anything (a zip bomb's
 * sizes, a wrong CRC). A deflated entry's CRC is left 0 unless given: the reader checks it only
 * once the entry is inflated whole, which a zip bomb never is.
 */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  const enc = new TextEncoder()
  for (const e of entries) {
    const name = enc.encode(e.name)
    const crc = e.crc ?? (e.method === 0 ? crc32(e.data) : 0)
    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(8, e.method, true)
    lv.setUint32(14, crc, true)
    lv.setUint32(18, e.data.length, true)
    lv.setUint32(22, e.size, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    const dir = new Uint8Array(46 + name.length)
    const dv = new DataView(dir.buffer)
    dv.setUint32(0, 0x02014b50, true)
    dv.setUint16(4, 20, true)
    dv.setUint16(6, 20, true)
    dv.setUint16(10, e.method, true)
    dv.setUint32(16, crc, true)
    dv.setUint32(20, e.data.length, true)
    dv.setUint32(24, e.size, true)
    dv.setUint16(28, name.length, true)
    dv.setUint32(42, offset, true)
    dir.set(name, 46)
    chunks.push(local, e.data)
    central.push(dir)
    offset += local.length + e.data.length
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, dirSize, true)
  ev.setUint32(16, offset, true)
  const all = [...chunks, ...central, end]
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of all) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/**
 * The bytes of an OLE compound file (as old .doc and .wps files and encrypted .docx files are)
 * whose directory names the given streams: the signature, a header sector, and a directory sector
 * of 128-byte entries with UTF-16LE names.
 */
export function oleFile(streams: string[]): Uint8Array {
  const out = new Uint8Array(512 * 3)
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  const view = new DataView(out.buffer)
  view.setUint16(0x18, 0x3e, true)
  view.setUint16(0x1a, 3, true)
  view.setUint16(0x1c, 0xfffe, true)
  view.setUint16(0x1e, 9, true)
  ;['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true)
    view.setUint16(at + 64, (name.length + 1) * 2, true)
    out[at + 66] = i === 0 ? 5 : 2
  })
  return out
}

/** The error reading `bytes` throws (it must be a DocxError). */
export function failure(bytes: Uint8Array): DocxError {
  try {
    readDocx(bytes, parseXml)
  } catch (e) {
    if (e instanceof DocxError) return e
    throw e
  }
  throw new Error('read without an error')
}
