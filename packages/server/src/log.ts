/**
 * The server's log: one JSON object a line on stdout, for a log collector. An entry names what
 * happened and to whom, never what a document says: no text, no token, no update.
 */

/** How much an entry matters. */
export type LogLevel = 'info' | 'warn' | 'error'

/** One log entry. `time` is added when it is written. */
export interface LogEntry {
  level: LogLevel
  /** What happened, in kebab-case: `connection-refused`, `update-refused`, `document-stored` … */
  event: string
  /** The document's name, when the entry is about one. */
  document?: string
  /** The user's id (the token's `sub`), when known. */
  user?: string
  /** The user's role, when known. */
  role?: string
  /** Why (a refusal's reason, an error's message), never document text. */
  reason?: string
  /** Anything else worth counting (sizes, durations, ports), never document text. */
  [detail: string]: string | number | boolean | undefined
}

/** Where the server writes its log. */
export type Logger = (entry: LogEntry) => void

/** A logger writing each entry as one JSON line (`{time, level, event, …}`) to a stream, stdout by default. */
export function jsonLineLogger(stream: { write(line: string): unknown } = process.stdout): Logger {
  return (entry) => {
    stream.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n')
  }
}

/**
 * The message of an error made fit for the log: quoted strings (where ProseMirror and the model
 * put document text and attribute values, cut short or not) replaced by `"…"`, node contents
 * (`<…>`, cut short or not) left out, at most 300 characters.
 */
export function loggable(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message
    .replace(/"(?:[^"\\]|\\.)*(?:"|\\?$)/g, '"…"')
    .replace(/<[^>]*(?:>|$)/g, '<…>')
    .slice(0, 300)
}
