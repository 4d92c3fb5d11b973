/**
 * A value the page gave for review work (a writer, a list of versions) that the editor refuses.
 * `path` names the offending field in JSON-path form (`$[2].summary.sections[0].title`), as the
 * model's `SummaryError` does; the message says what is wrong in words a person can act on.
 */
export class ReviewError extends Error {
  override name = 'ReviewError'
  /** Where in the value the problem is, `$` for the whole value. */
  readonly path: string
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`)
    this.path = path
  }
}

/**
 * Throws a {@link ReviewError} at `path` unless `ok`: the field should be `expected` (in words),
 * and the message shows what it was instead (its JSON, cut short, or `缺失`).
 */
export function expect(ok: unknown, path: string, expected: string, value: unknown): void {
  if (!ok) throw new ReviewError(path, `应为${expected}，实为 ${JSON.stringify(value)?.slice(0, 60) ?? '缺失'}`)
}
