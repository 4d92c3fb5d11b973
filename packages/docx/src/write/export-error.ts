import type { Finding } from '@zongjie/model'

/** How many findings the message of a {@link DocxExportError} quotes. */
const quoted = 3

/**
 * Refusal to export a draft as final (定稿): the validator found errors (unfilled fields, missing
 * required parts …). The message says, in Chinese, how many and quotes the first few; `findings` holds
 * them all, in document order, for an editor to list and jump to.
 */
export class DocxExportError extends Error {
  override name = 'DocxExportError'
  /** The errors that block the export (severity `error`). */
  readonly findings: Finding[]
  constructor(findings: Finding[]) {
    const shown = findings.slice(0, quoted).map((f) => f.message.replace(/[。；]$/, ''))
    const more = findings.length > quoted ? `；等 ${findings.length} 处` : ''
    super(`文稿还有 ${findings.length} 处错误，不能导出定稿：${shown.join('；')}${more}。请改正后再导出。`)
    this.findings = findings
  }
}
