import { checkWordName, importHTML, importText, isOfficeFile, textFormat, ImportError, type Repair, type TextFormat } from '@zongjie/model'
import { guard, inputError, oneLine } from './errors.ts'
import { documentFromJson, parseJson, type Doc } from './json-input.ts'
import { decodeText, readSource, type DecodeNote, type Encoding } from './read-input.ts'
import type { Io } from './io.ts'

/** The kinds of input `zongjie` reads. */
export type InputFormat = TextFormat | 'docx'

/** A document read from an input, with what was changed on the way. */
export interface Loaded {
  doc: Doc
  /** The name of the input in messages: the path as given, or `<stdin>`. */
  name: string
  format: InputFormat
  /** The text encoding found; `null` for a Word file. */
  encoding: Encoding | null
  /**
   * The importer's warnings, for `validate`'s repairs: by `line` for a text or HTML input, by
   * `paragraph` for a Word file.
   */
  warnings: (Repair & { code: string })[]
  /** What decoding changed (stray control characters removed). */
  notes: DecodeNote[]
}

/** The problem of an {@link ImportError} without the `第 N 行：` its message starts with. */
function importProblem(e: ImportError): string {
  return e.message.replace(/^第\s*\d+\s*行[：:]\s*/, '')
}

/** Runs an importer; its {@link ImportError} becomes a one-line input error naming the file and line. */
function runImporter<T>(name: string, importer: () => T): T {
  return guard(name, '导入', () => {
    try {
      return importer()
    } catch (e) {
      if (e instanceof ImportError) throw inputError(name, importProblem(e), { line: e.line })
      throw e
    }
  })
}

/** The number (from 1) of the first line with text on it. */
function firstTextLine(text: string): number {
  return text.split('\n').findIndex((l) => /[^\s\u00a0\u3000]/.test(l)) + 1
}

/**
 * Refuses an imported text or page whose title the importer could not find (it leaves the title
 * empty): such an input is not a summary, or its first line is not where the title should be.
 */
function requireTitle(doc: Doc, name: string, line?: number): void {
  if (doc.child(0).textContent.trim()) return
  throw inputError(
    name,
    '没有找到标题：总结的第一行应是标题（如“某某局2024年上半年工作总结”），不能以序号开头、以句号结尾或超过 80 字',
    { line },
  )
}

/**
 * Reads a summary from a file or standard input (`-`), whatever its encoding and format: a Word
 * file through `@zongjie/docx` (recognised by its bytes, whatever its name), text through
 * `importText`, HTML through `importHTML`, Summary or ProseMirror JSON through `fromSummary` or
 * `Node.fromJSON`. Every bad input throws a one-line {@link CliError}.
 */
export async function loadDocument(path: string, io: Io): Promise<Loaded> {
  const source = await readSource(path, io)
  const { name } = source
  if (isOfficeFile(source.bytes)) return loadWord(name, source.bytes)
  runImporter(name, () => checkWordName(path, source.bytes))
  const { text, encoding, notes } = decodeText(source.bytes, name)
  if (!/[^\s\u00a0\u3000\u200b]/.test(text)) throw inputError(name, '文件中没有文字（只有空白）')
  const format = textFormat(path, text)
  const base = { name, format, encoding, notes }
  switch (format) {
    case 'json':
      return { ...base, doc: documentFromJson(parseJson(text, name), name), warnings: [] }
    case 'html': {
      // linkedom is loaded only for HTML input.
      const { parseDocument } = await import('./html.ts')
      const { doc, warnings } = runImporter(name, () => importHTML(text, parseDocument))
      // Zongjie's own HTML is read as it is, an untitled draft too; other pages are read as text.
      if (!/\sdata-zongjie\s*=/i.test(text)) requireTitle(doc, name)
      return { ...base, doc, warnings }
    }
    case 'text': {
      const { doc, warnings } = runImporter(name, () => importText(text))
      requireTitle(doc, name, firstTextLine(text))
      return { ...base, doc, warnings }
    }
  }
}

/**
 * A Word file (or an old `.doc`/`.wps`, an encrypted or damaged `.docx`, which the reader refuses
 * in one line). The reader and linkedom are loaded only for Word input.
 */
async function loadWord(name: string, bytes: Uint8Array): Promise<Loaded> {
  const [{ importDocx }, { parseXml }] = await Promise.all([import('@zongjie/docx/read'), import('./html.ts')])
  const { doc, warnings, source } = runImporter(name, () => importDocx(bytes, parseXml as never))
  // A summary Zongjie exported is read as it was, an untitled draft too.
  if (source === 'document') requireTitle(doc, name)
  return { name, format: 'docx', encoding: null, notes: [], doc, warnings }
}

/** A warning as printed on stderr: `文件名:行: 内容` for text, `文件名:第N段: 内容` for a Word file. */
export function formatWarning(name: string, warning: Repair): string {
  const message = oneLine(warning.message, 1000)
  if (warning.paragraph !== undefined) return warning.paragraph > 0 ? `${name}:第${warning.paragraph}段: ${message}` : `${name}: ${message}`
  return warning.line !== undefined && warning.line > 0 ? `${name}:${warning.line}: ${message}` : `${name}: ${message}`
}
