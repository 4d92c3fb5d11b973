import { DocxError } from '../errors.ts'
import { summaryNamespace } from '../embedded.ts'
import { checkFormat } from './format.ts'
import { ZipArchive, type ZipEntry } from './zip.ts'
import { isParseError, isWellFormed, localName, rootElement, type ParseXml, type XmlNode } from './xml.ts'

/**
 * The Open Packaging side of a `.docx`: the zip's parts, found through their relationships
 * (`_rels/.rels` names the main document part, its own relationships name the styles and
 * numbering parts), and only the parts the reader needs inflated and parsed.
 */

/** The parts of a Word package that the reader uses, parsed. */
export interface WordPackage {
  /** The root element of the main document part (`w:document`). */
  document: XmlNode
  /** The root of the styles part (`w:styles`), if any. */
  styles: XmlNode | null
  /** The root of the numbering part (`w:numbering`), if any. */
  numbering: XmlNode | null
  /** The root of the comments part (`w:comments`, 批注), if any. */
  comments: XmlNode | null
  /** The root of the comments' extended part (`w15:commentsEx`: replies, resolved), if any. */
  commentsExtended: XmlNode | null
  /**
   * The root element of each custom XML part (`customXml/itemN.xml`) that names Zongjie's
   * summary namespace (one that is not well-formed XML is left out).
   */
  summaryParts: XmlNode[]
}

interface Relationship {
  type: string
  target: string
  external: boolean
}

/** Content types of the main part of other Office files (a workbook, a presentation) renamed .docx. */
const otherOfficeTypes = /spreadsheetml|presentationml|ms-excel|ms-powerpoint/i

const otherOffice: [RegExp, string][] = [
  [/^xl\//i, 'Excel 表格（.xlsx）'],
  [/^ppt\//i, 'PowerPoint 演示文稿（.pptx）'],
]

/** The folder of a part name, with its trailing slash (`word/` for `word/document.xml`). */
function folderOf(partName: string): string {
  return partName.slice(0, partName.lastIndexOf('/') + 1)
}

/** A relationship's target resolved against the folder of its source part, as a part name without the leading slash. */
function resolveTarget(sourceFolder: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : sourceFolder + target
  const out: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return decodeURIComponentSafe(out.join('/'))
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The relationships part of a part: `word/_rels/document.xml.rels` for `word/document.xml`. */
function relsNameOf(partName: string): string {
  const folder = folderOf(partName)
  return `${folder}_rels/${partName.slice(folder.length)}.rels`
}

class PackageReader {
  readonly zip: ZipArchive
  constructor(
    bytes: Uint8Array,
    private readonly parseXml: ParseXml,
  ) {
    this.zip = new ZipArchive(bytes)
  }

  entry(name: string): ZipEntry | undefined {
    return this.zip.get(name)
  }

  /**
   * Parses a part; `damaged` when its markup is not well-formed ({@link isWellFormed}: a lenient
   * parser would read a part cut short or with a tag damaged without a word) or the parser reports
   * an error.
   */
  parse(entry: ZipEntry, text = this.zip.readText(entry)): XmlNode {
    let root: XmlNode | null = null
    try {
      if (isWellFormed(text)) root = rootElement(this.parseXml(text))
    } catch {
      root = null
    }
    if (!root || isParseError(root)) {
      throw new DocxError('damaged', `文件中的「${entry.name}」不是完好的 XML，无法读取：请在 Word 或 WPS 中打开后另存为 .docx 再导入`)
    }
    return root
  }

  /** The relationships of a part (none when it has no relationships part). */
  relationships(partName: string): Relationship[] {
    const entry = this.entry(relsNameOf(partName))
    if (!entry) return []
    const out: Relationship[] = []
    const root = this.parse(entry)
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1 || localName(c.nodeName) !== 'Relationship' || !c.getAttribute) continue
      const type = c.getAttribute('Type') ?? ''
      const target = c.getAttribute('Target') ?? ''
      out.push({ type, target, external: (c.getAttribute('TargetMode') ?? '').toLowerCase() === 'external' })
    }
    return out
  }

  /** The content type of a part from `[Content_Types].xml` (overrides, then defaults by extension), or `null`. */
  contentType(partName: string): string | null {
    const entry = this.entry('[Content_Types].xml')
    if (!entry) return null
    const root = this.parse(entry)
    const wanted = '/' + partName.toLowerCase()
    const ext = partName.slice(partName.lastIndexOf('.') + 1).toLowerCase()
    let byExtension: string | null = null
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1 || !c.getAttribute) continue
      const kind = localName(c.nodeName)
      if (kind === 'Override' && (c.getAttribute('PartName') ?? '').toLowerCase() === wanted) return c.getAttribute('ContentType')
      if (kind === 'Default' && (c.getAttribute('Extension') ?? '').toLowerCase() === ext) byExtension = c.getAttribute('ContentType')
    }
    return byExtension
  }
}

/** The last segment of a relationship type URI (`officeDocument`, `styles` …); transitional and strict URIs end alike. */
function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1)
}

/**
 * Opens a `.docx`: refuses what is not one ({@link checkFormat}), reads the zip's directory under
 * the limits, finds the main document part through `_rels/.rels` (or `word/document.xml`), checks
 * its content type, and parses it, the styles, numbering and comments parts it relates to, and the custom XML
 * parts that hold Zongjie's summary. Throws a {@link DocxError}.
 */
export function openPackage(bytes: Uint8Array, parseXml: ParseXml): WordPackage {
  checkFormat(bytes)
  const pkg = new PackageReader(bytes, parseXml)

  let mainName: string | null = null
  for (const rel of pkg.relationships('')) {
    if (rel.external || relKind(rel.type) !== 'officeDocument') continue
    mainName = resolveTarget('', rel.target)
    break
  }
  for (const [pattern, what] of otherOffice) {
    if (mainName && pattern.test(mainName)) {
      throw new DocxError('not-docx', `该文件是${what}，不是 Word 文档：请选择 .docx 文件导入`)
    }
  }
  let mainEntry = mainName ? pkg.entry(mainName) : undefined
  if (!mainEntry) {
    mainName = 'word/document.xml'
    mainEntry = pkg.entry(mainName)
  }
  if (!mainEntry || !mainName) {
    throw new DocxError('not-docx', '该文件是压缩包，但不是 Word 文档（没有正文部分 word/document.xml）：请在 Word 或 WPS 中另存为 .docx 后再导入')
  }
  const type = pkg.contentType(mainName)
  if (type !== null && otherOfficeTypes.test(type)) {
    throw new DocxError('not-docx', `该文件不是 Word 文档（正文部分的类型是 ${type}）：请在 Word 或 WPS 中另存为 .docx 后再导入`)
  }

  const folder = folderOf(mainName)
  let stylesName: string | null = null
  let numberingName: string | null = null
  let commentsName: string | null = null
  let commentsExtendedName: string | null = null
  for (const rel of pkg.relationships(mainName)) {
    if (rel.external) continue
    const kind = relKind(rel.type)
    if (kind === 'styles') stylesName = resolveTarget(folder, rel.target)
    else if (kind === 'numbering') numberingName = resolveTarget(folder, rel.target)
    else if (kind === 'comments') commentsName = resolveTarget(folder, rel.target)
    else if (kind === 'commentsExtended') commentsExtendedName = resolveTarget(folder, rel.target)
  }
  const commentsEntry = commentsName ? pkg.entry(commentsName) : undefined
  const commentsExtendedEntry = commentsExtendedName ? pkg.entry(commentsExtendedName) : undefined
  const stylesEntry = pkg.entry(stylesName ?? folder + 'styles.xml')
  const numberingEntry = pkg.entry(numberingName ?? folder + 'numbering.xml')

  const document = pkg.parse(mainEntry)
  if (localName(document.nodeName) !== 'document') {
    throw new DocxError('damaged', `文件的正文部分「${mainEntry.name}」不是 Word 正文，无法读取：请在 Word 或 WPS 中打开后另存为 .docx 再导入`)
  }
  return {
    document,
    styles: stylesEntry ? pkg.parse(stylesEntry) : null,
    numbering: numberingEntry ? pkg.parse(numberingEntry) : null,
    comments: commentsEntry ? pkg.parse(commentsEntry) : null,
    commentsExtended: commentsExtendedEntry ? pkg.parse(commentsExtendedEntry) : null,
    summaryParts: summaryParts(pkg),
  }
}

/**
 * The custom XML parts (`customXml/*.xml`, not their `itemProps`) that may hold Zongjie's summary,
 * found by their content: only those whose text names its namespace are parsed.
 */
function summaryParts(pkg: PackageReader): XmlNode[] {
  const out: XmlNode[] = []
  for (const entry of pkg.zip.entries.values()) {
    if (!/^customxml\/[^/]+\.xml$/i.test(entry.name) || /^customxml\/itemprops/i.test(entry.name)) continue
    const text = pkg.zip.readText(entry)
    if (!text.includes(summaryNamespace)) continue
    try {
      out.push(pkg.parse(entry, text))
    } catch (e) {
      // A damaged custom part is as good as none: the document is read instead.
      if (!(e instanceof DocxError) || e.code !== 'damaged') throw e
    }
  }
  return out
}
