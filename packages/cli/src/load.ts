import { importHTML, importText, textFormat, ImportError, type ImportWarning, type TextFormat } from '@zongjie/model'
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
  encoding: Encoding
  /** The importer's warnings (a text or HTML input), for `validate`'s repairs. */
  warnings: ImportWarning[]
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
 * Reads a summary from a file or standard input (`-`), whatever its encoding and format: text
 * through `importText`, HTML through `importHTML`, Summary or ProseMirror JSON through
 * `fromSummary` or `Node.fromJSON`. Every bad input throws a one-line {@link CliError}.
 */
export async function loadDocument(path: string, io: Io): Promise<Loaded> {
  const source = await readSource(path, io)
  const { name } = source
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

/** A warning as printed on stderr: `文件名:行: 内容`. */
export function formatWarning(name: string, warning: { line: number; message: string }): string {
  const message = oneLine(warning.message, 1000)
  return warning.line > 0 ? `${name}:${warning.line}: ${message}` : `${name}: ${message}`
}
