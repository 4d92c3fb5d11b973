import { toHTML, toSummary, toText } from '@zongjie/model'
import type { OutputFormat } from '../args.ts'
import { exitCodes, guard } from '../errors.ts'
import type { Io } from '../io.ts'
import type { Doc } from '../json-input.ts'
import { formatWarning, loadDocument } from '../load.ts'
import { writeFileAtomic } from '../write-output.ts'

/** What `zongjie import` is asked to do. */
export interface ImportOptions {
  /** A path, or `-` for standard input. */
  input: string
  to: OutputFormat
  /** Write here (atomically) instead of to stdout. */
  output?: string
}

/** A document in an output format, ending with exactly one line break. */
export function render(doc: Doc, to: OutputFormat): string {
  const out = to === 'json' ? JSON.stringify(toSummary(doc), null, 2) : to === 'html' ? toHTML(doc) : toText(doc)
  return out.replace(/\n*$/, '\n')
}

/**
 * `zongjie import`: reads a summary in any supported format and encoding and writes it as Summary
 * JSON, HTML or text, to stdout or atomically to a file. Warnings go to stderr, one a line as
 * `文件名:行: 内容`, and leave the exit code at 0.
 */
export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  const loaded = await loadDocument(options.input, io)
  const output = guard(loaded.name, '生成输出', () => render(loaded.doc, options.to))
  for (const w of [...loaded.notes, ...loaded.warnings].sort((a, b) => a.line - b.line)) io.err(formatWarning(loaded.name, w))
  if (options.output !== undefined) writeFileAtomic(options.output, output)
  else io.out(output)
  return exitCodes.ok
}
