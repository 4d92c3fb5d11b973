/** A range of a text, `[from, to)` in UTF-16 code units. */
export type TextRange = readonly [number, number]

/**
 * A paragraph of an existing summary as a reader of some file format hands it to the importer: its
 * text on one line, the ranges of that text set in bold, and where it stands in the file (a line
 * of a text file, a paragraph of a Word file), for the importer's warnings.
 */
export interface SourceParagraph {
  /** The paragraph's text, on one line. */
  text: string
  /** Ranges of `text` set in bold, `[from, to)`; they may overlap and come in any order. */
  bold?: readonly TextRange[]
  /** The line or paragraph number (from 1) that warnings name; its place in the list by default. */
  no?: number
}

/** A line of the input with its number (from 1), trimmed, never empty, with its bold ranges. */
export interface SourceLine {
  no: number
  text: string
  /** Bold ranges of `text`, sorted, not overlapping, within the text. */
  bold: TextRange[]
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

const leadingSpace = /^[\s\u3000\u00a0\ufeff]+/
const trailingSpace = /[\s\u3000\u00a0]+$/

/** Sorted, merged ranges, shifted by `-shift` and clipped to `[0, length)`. */
function normalRanges(ranges: readonly TextRange[] | undefined, shift: number, length: number): TextRange[] {
  if (!ranges?.length) return []
  const clipped = ranges
    .map(([a, b]): [number, number] => [Math.max(a - shift, 0), Math.min(b - shift, length)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  const out: [number, number][] = []
  for (const r of clipped) {
    const last = out[out.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else out.push(r)
  }
  return out
}

/**
 * The non-empty paragraphs of the input, trimmed of spaces (full-width ones too) with their bold
 * ranges moved along; a paragraph that holds a line break counts as several lines with its number.
 */
export function sourceParagraphs(paragraphs: readonly SourceParagraph[]): SourceLine[] {
  const out: SourceLine[] = []
  paragraphs.forEach((p, i) => {
    const no = p.no ?? i + 1
    const breaks = /\r\n|\r|\n|\u2028|\u2029/g
    let offset = 0
    for (;;) {
      const m = breaks.exec(p.text)
      const raw = p.text.slice(offset, m ? m.index : p.text.length)
      const lead = leadingSpace.exec(raw)?.[0].length ?? 0
      const text = raw.slice(lead).replace(trailingSpace, '')
      if (text) out.push({ no, text, bold: normalRanges(p.bold, offset + lead, text.length) })
      if (!m) break
      offset = m.index + m[0].length
    }
  })
  return out
}

/** Splits text into its non-empty lines, trimmed of spaces (full-width ones too), with their numbers. */
export function sourceLines(text: string): SourceLine[] {
  return sourceParagraphs(text.split(/\r\n|\r|\n|\u2028|\u2029/).map((line, i) => ({ text: line, no: i + 1 })))
}
