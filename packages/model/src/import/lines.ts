/** A line of the input with its number (from 1), trimmed, never empty. */
export interface SourceLine {
  no: number
  text: string
}

const edgeSpace = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0]+$/g

/** Splits text into its non-empty lines, trimmed of spaces (full-width ones too), with their numbers. */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((raw, i) => {
    const t = raw.replace(edgeSpace, '')
    if (t) out.push({ no: i + 1, text: t })
  })
  return out
}
