/** What the commands may touch of the outside world: standard output, standard error and standard input. */
export interface Io {
  /** Writes the command's own output (a document, findings, the schema) to stdout. */
  out(text: string): void
  /** Writes binary output (a Word file) to stdout. */
  outBytes(bytes: Uint8Array): void
  /** Whether stdout is a terminal (where binary output would be garbage). */
  readonly stdoutIsTerminal: boolean
  /** Writes one line (a warning, a tally, an error) to stderr; the line break is added. */
  err(line: string): void
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>
}

/** Reads a readable stream to its end. */
export async function readAll(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array))
  return Buffer.concat(chunks)
}

/** The {@link Io} of this process. */
export const processIo: Io = {
  out: (text) => {
    process.stdout.write(text)
  },
  outBytes: (bytes) => {
    process.stdout.write(bytes)
  },
  stdoutIsTerminal: process.stdout.isTTY === true,
  err: (line) => {
    process.stderr.write(line + '\n')
  },
  readStdin: () => readAll(process.stdin),
}
