/**
 * Errors the command line reports. Every failure ends as ONE line on stderr and an exit code;
 * nothing here prints a stack trace.
 */

/** The exit codes of `zongjie`. */
export const exitCodes = {
  /** Everything went well (warnings may have been printed). */
  ok: 0,
  /** `validate` found at least one finding of severity `error`; `diff` found a difference. */
  findings: 1,
  /** Bad usage or bad input: the user can fix it. */
  usage: 2,
  /** Something went wrong inside zongjie or its installation. */
  internal: 3,
} as const

/** An error the command line reports as its one-line `message` on stderr before exiting with `exitCode`. */
export class CliError extends Error {
  override name = 'CliError'
  /** The process exit code to end with. */
  readonly exitCode: number
  constructor(message: string, exitCode: number = exitCodes.usage) {
    super(oneLine(message))
    this.exitCode = exitCode
  }
}

/** A problem with the command line itself: unknown command, bad flag, missing argument. Exit 2. */
export class UsageError extends CliError {
  override name = 'UsageError'
  constructor(problem: string) {
    super(`zongjie: ${problem}（运行 zongjie --help 查看用法）`, exitCodes.usage)
  }
}

/** Where in an input a problem is: a line (and column), or a JSON path such as `$.sections[0].title`. */
export type Location = { line?: number | undefined; column?: number | undefined } | { path: string }

/** Formats `file:line:column: ` / `file:line: ` / `file: $.path: ` / `file: ` before a message. */
export function located(file: string, where?: Location): string {
  if (!where) return `${file}: `
  if ('path' in where) return `${file}: ${where.path}: `
  if (where.line && where.line > 0) return where.column && where.column > 0 ? `${file}:${where.line}:${where.column}: ` : `${file}:${where.line}: `
  return `${file}: `
}

/** A bad input: exit 2 with one line naming the file, the place in it when known, and the problem. */
export function inputError(file: string, problem: string, where?: Location): CliError {
  return new CliError(located(file, where) + problem, exitCodes.usage)
}

/**
 * Collapses a message to one line of at most `max` characters, so that no error, whatever it
 * quotes, spreads over several lines.
 */
export function oneLine(message: string, max = 400): string {
  const flat = message.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

/** The message of anything thrown, without its stack. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  try {
    return String(error)
  } catch {
    return '未知错误'
  }
}

/**
 * Runs one step of the work on an input. A {@link CliError} passes through; anything else is a
 * bug in zongjie or the model, reported in one line naming the file and the step (exit 3).
 */
export function guard<T>(file: string, step: string, work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof CliError) throw e
    throw new CliError(`${file}: ${step}时出现内部错误：${messageOf(e)}`, exitCodes.internal)
  }
}

/**
 * The line to print and the exit code for anything that reached the top: a {@link CliError} as
 * it is, anything else as an internal error (exit 3), always one line.
 */
export function describeFailure(error: unknown): { line: string; exitCode: number } {
  if (error instanceof CliError) return { line: error.message, exitCode: error.exitCode }
  return { line: oneLine(`zongjie: 内部错误：${messageOf(error)}`), exitCode: exitCodes.internal }
}
