import { Node } from 'prosemirror-model'
import { checkWordName, decodeText, fromSummary, importHTML, importText, isOfficeFile, textFormat, schema, ImportError, type TextFormat } from '@zongjie/model'
import { loadDocxReader } from './loaders.ts'
import { parseDocument } from '../security/trusted-types.ts'

/** A change or guess the importer reports about a file it opened: by line for text, by paragraph for Word. */
export interface FileWarning {
  code: string
  message: string
  /** The line of a text or HTML file (from 1). */
  line?: number
  /** The paragraph of a Word file (from 1; 0 for the whole file). */
  paragraph?: number
}

/** A file opened as a summary: the document, the format it was read as, and the importer's warnings. */
export interface OpenedFile {
  doc: Node
  format: TextFormat | 'docx'
  warnings: FileWarning[]
}

/** Files larger than this are refused: no work summary comes near it. */
export const maxFileBytes = 64 * 1024 * 1024

const parseHTML = (html: string) => parseDocument(html, 'text/html')
const parseXML = (xml: string) => parseDocument(xml, 'application/xml')

/** Summary JSON (or the model's ProseMirror JSON) read into a document; bad JSON is an {@link ImportError}. */
function fromJSON(text: string): Node {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new ImportError(`不是有效的 JSON：${(e as Error).message}`)
  }
  if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'doc') {
    try {
      const doc = Node.fromJSON(schema, value)
      doc.check()
      return doc
    } catch (e) {
      throw new ImportError(`不是有效的总结文档：${(e as Error).message}`)
    }
  }
  return fromSummary(value as never)
}

/**
 * Reads a file as a whole summary, with the model's one importer whatever the format: a Word file
 * (`.docx`, through `@zongjie/docx`, loaded on first use), text in any encoding the model decodes,
 * HTML (Word's, WPS's, a web page's, or Zongjie's own) and Summary JSON. Throws an
 * `ImportError` (a `DocxError` for Word files, a `SummaryError` for JSON that is not a summary)
 * whose message tells the writer what to do.
 */
export async function openFile(file: Blob, name: string): Promise<OpenedFile> {
  if (file.size === 0) throw new ImportError('文件为空')
  if (file.size > maxFileBytes) throw new ImportError(`文件过大（${file.size} 字节），不像是一篇工作总结`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (isOfficeFile(bytes)) {
    const { importDocx } = await loadDocxReader()
    const { doc, warnings } = importDocx(bytes, parseXML)
    return { doc, format: 'docx', warnings }
  }
  checkWordName(name, bytes)
  const { text, notes } = decodeText(bytes)
  if (!/[^\s\u00a0\u3000\u200b]/.test(text)) throw new ImportError('文件中没有文字（只有空白）')
  const format = textFormat(name, text)
  if (format === 'json') return { doc: fromJSON(text), format, warnings: notes }
  const read = format === 'html' ? importHTML(text, parseHTML) : importText(text)
  return { doc: read.doc, format, warnings: [...notes, ...read.warnings].sort((a, b) => a.line - b.line) }
}
