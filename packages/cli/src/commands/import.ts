import { toHTML, toSummary, toText, validate } from '@zongjie/model'
import type { OutputFormat } from '../args.ts'
import { CliError, exitCodes, guard, UsageError } from '../errors.ts'
import type { Io } from '../io.ts'
import type { Doc } from '../json-input.ts'
import { formatWarning, loadDocument } from '../load.ts'
import { writeFileAtomic } from '../write-output.ts'
import { formatFinding } from './validate.ts'

/** What `zongjie import` is asked to do. */
export interface ImportOptions {
  /** A path, or `-` for standard input. */
  input: string
  to: OutputFormat
  /** Write here (atomically) instead of to stdout. */
  output?: string
  /** Refuse to write a draft the validator finds errors in (定稿). */
  final?: boolean
}

/** A document in a text output format, ending with exactly one line break. */
export function render(doc: Doc, to: Exclude<OutputFormat, 'docx'>): string {
  const out = to === 'json' ? JSON.stringify(toSummary(doc), null, 2) : to === 'html' ? toHTML(doc) : toText(doc)
  return out.replace(/\n*$/, '\n')
}

/** A document as a Word file laid out after GB/T 9704 (`@zongjie/docx`, loaded only for this). */
async function renderDocx(doc: Doc, name: string): Promise<Uint8Array> {
  const { toDocx } = await import('@zongjie/docx/write')
  try {
    return await toDocx(doc)
  } catch (e) {
    throw new CliError(`${name}: 生成 Word 文件时出现内部错误：${(e as Error).message}`, exitCodes.internal)
  }
}

/**
 * `zongjie import`: reads a summary in any supported format and encoding (Word files included) and
 * writes it as Summary JSON, HTML, text or a Word file after GB/T 9704, to stdout or atomically to
 * a file. Warnings go to stderr, one a line as `文件名:行: 内容` (`文件名:第N段: 内容` for a Word
 * file), and leave the exit code at 0. With `final`, a draft with errors is refused: each error on
 * stderr, exit 1, nothing written. A Word file is not written to a terminal.
 */
export async function runImport(options: ImportOptions, io: Io): Promise<number> {
  if (options.to === 'docx' && options.output === undefined && io.stdoutIsTerminal) {
    throw new UsageError('Word 文件是二进制文件，不能输出到终端：请用 -o 指定输出文件，如 -o 总结.docx')
  }
  const loaded = await loadDocument(options.input, io)
  const place = (w: { line?: number; paragraph?: number }) => w.paragraph ?? w.line ?? 0
  for (const w of [...loaded.notes, ...loaded.warnings].sort((a, b) => place(a) - place(b))) io.err(formatWarning(loaded.name, w))
  if (options.final) {
    const errors = guard(loaded.name, '检查', () => validate(loaded.doc)).filter((f) => f.severity === 'error')
    if (errors.length) {
      for (const f of errors) io.err(`${loaded.name}: ${formatFinding(f)}`)
      io.err(`${loaded.name}: 有 ${errors.length} 处错误，不能作为定稿输出；请改正后再导出（未写出任何文件）`)
      return exitCodes.findings
    }
  }
  const output = options.to === 'docx' ? await renderDocx(loaded.doc, loaded.name) : guard(loaded.name, '生成输出', () => render(loaded.doc, options.to as Exclude<OutputFormat, 'docx'>))
  if (options.output !== undefined) writeFileAtomic(options.output, output)
  else if (typeof output === 'string') io.out(output)
  else io.outBytes(output)
  return exitCodes.ok
}
