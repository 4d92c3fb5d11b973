/** A range of a text, `[from, to)` in UTF-16 code units. */
export type TextRange = readonly [number, number]

/** A range of a text that a comment (批注) of a file is on: the comment's id, `[from, to)`. */
export interface CommentRange {
  id: string
  from: number
  to: number
}

/** A line of the input with its number (from 1), trimmed, never empty, with its bold ranges. */
export interface SourceLine {
  no: number
  text: string
  /** Bold ranges of `text`, sorted, not overlapping, within the text. */
  bold: TextRange[]
  /** The ranges of `text` that comments of the file are on, within the text; none for plain text. */
  comments?: CommentRange[]
}

/**
 * A part of a line's text, with where it starts in the line: what the importer makes a heading,
 * an item or a paragraph of, so that the line's bold ranges land on the right characters.
 */
export interface Piece {
  text: string
  line: SourceLine
  /** Where `text` starts in `line.text`. */
  at: number
}

/** The whole text of a line, as a {@link Piece}. */
export function wholeLine(line: SourceLine): Piece {
  return { text: line.text, line, at: 0 }
}

/** The part of a piece from `from` to `to` (offsets in the piece's text, as `String.slice` takes them). */
export function slicePiece(piece: Piece, from: number, to?: number): Piece {
  const start = from < 0 ? Math.max(piece.text.length + from, 0) : Math.min(from, piece.text.length)
  return { text: piece.text.slice(from, to), line: piece.line, at: piece.at + start }
}

export const leadingSpace = /^[\s\u3000\u00a0\ufeff]+/
export const trailingSpace = /[\s\u3000\u00a0]+$/

/** Splits text into its non-empty lines, trimmed of spaces (full-width ones too), with their numbers. */
export function sourceLines(text: string): SourceLine[] {
  const out: SourceLine[] = []
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((raw, i) => {
    const t = raw.replace(leadingSpace, '').replace(trailingSpace, '')
    if (t) out.push({ no: i + 1, text: t, bold: [] })
  })
  return out
}
