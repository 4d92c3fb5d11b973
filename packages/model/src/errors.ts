/**
 * A Summary JSON value that cannot be read as a summary. `path` names the offending field in
 * JSON-path form (`sections[2].body[0].text`), so an integrator can find it; the message says what
 * is wrong in words a person can act on.
 */
export class SummaryError extends Error {
  override name = 'SummaryError'
  /** Where in the JSON the problem is, `$` for the whole value. */
  readonly path: string
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`)
    this.path = path
  }
}

/** Input that no reader of the model can turn into a summary (empty text, HTML with no text). */
export class ImportError extends Error {
  override name = 'ImportError'
  /** The line (from 1) the problem is on, when there is one. */
  readonly line: number | undefined
  constructor(problem: string, line?: number) {
    super(line ? `第 ${line} 行：${problem}` : problem)
    this.line = line
  }
}
