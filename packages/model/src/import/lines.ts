import { strayControl } from '../controls.ts'

/** A range of a text, `[from, to)` in UTF-16 code units. */
export type TextRange = readonly [number, number]

/** A range of a text that a comment (批注) of a file is on: the comment's id, `[from, to)`. */
export interface CommentRange {
  id: string
  from: number
  to: number
}

/**
 * A range of a text that a suggestion (修订, a tracked change) of a file is on: text it inserts
 * (`insert`) or deletes (`delete`, the deleted text part of the text), by the suggestion's id,
 * `[from, to)`.
 */
export interface SuggestionRange {
  id: string
  kind: 'insert' | 'delete'
  from: number
  to: number
}

/**
 * Text of a line that a suggestion of the file deletes (修订中删除的文字). A line reads as with its
 * suggestions accepted, so this text is not part of its `text`: it stands at `at` in it, with its
 * own bold and comment ranges (offsets in `text` of this object).
 */
export interface DeletedText {
  /** The suggestion's id. */
  id: string
  /** Where it stood in the line's text (0 to its length). */
  at: number
  text: string
  bold: TextRange[]
  comments?: CommentRange[]
  /** The parts of `text` that another suggestion inserted (a reviewer deleting words another suggested), by that suggestion's id. */
  inserted?: SuggestionRange[]
}

/**
 * A line of the input with its number (from 1), trimmed, never empty, with its bold ranges. Its
 * text reads with the file's suggestions (修订) accepted: inserted text in it, deleted text beside
 * it (`deleted`), so that the importer recognises the structure a reader sees once the changes
 * are made.
 */
export interface SourceLine {
  no: number
  text: string
  /** Bold ranges of `text`, sorted, not overlapping, within the text. */
  bold: TextRange[]
  /** The ranges of `text` that comments of the file are on, within the text; none for plain text. */
  comments?: CommentRange[]
  /** The ranges of `text` that suggestions of the file insert (all of kind `insert`), within the text; none for plain text. */
  suggestions?: SuggestionRange[]
  /** The text that suggestions of the file delete, by where it stood, in order; none for plain text. */
  deleted?: DeletedText[]
  /** The suggestion that deletes the line whole, inserted whole by its `suggestions` (see `deletedWhole` of `SourceParagraph`). */
  deletedWhole?: string
  /** The line is in the closing, as its file says (see `closing` of `SourceParagraph`). */
  closing?: boolean
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

/**
 * Splits text into its non-empty lines, trimmed of spaces (full-width ones too), with their
 * numbers. Stray control characters are removed (see the model's `strayControl`), each line they
 * were found in told to `removed` with what was found there.
 */
export function sourceLines(text: string, removed?: (line: number, found: string[]) => void): SourceLine[] {
  const out: SourceLine[] = []
  text.split(/\r\n|\r|\n|\u2028|\u2029/).forEach((raw, i) => {
    const found = raw.match(strayControl)
    if (found) {
      raw = raw.replace(strayControl, '')
      removed?.(i + 1, found)
    }
    const t = raw.replace(leadingSpace, '').replace(trailingSpace, '')
    if (t) out.push({ no: i + 1, text: t, bold: [] })
  })
  return out
}

/**
 * Lines of the input read as one, their texts run together with nothing between them (a title
 * written on two lines, `中共某某县委组织部` above `2023年工作总结`): each line's bold, comment and
 * suggestion ranges and deleted text moved along by where its text starts. The line has the number
 * of the last of them. At least one line.
 */
export function joinLines(lines: readonly SourceLine[]): SourceLine {
  const last = lines[lines.length - 1]!
  const out: SourceLine = { no: last.no, text: '', bold: [] }
  const comments: CommentRange[] = []
  const suggestions: SuggestionRange[] = []
  const deleted: DeletedText[] = []
  for (const line of lines) {
    const at = out.text.length
    for (const [from, to] of line.bold) {
      // Bold that runs on from the line before, as one range.
      const prev = out.bold[out.bold.length - 1]
      if (prev && prev[1] === at + from) out.bold[out.bold.length - 1] = [prev[0], at + to]
      else out.bold.push([at + from, at + to])
    }
    for (const c of line.comments ?? []) comments.push({ ...c, from: at + c.from, to: at + c.to })
    for (const s of line.suggestions ?? []) suggestions.push({ ...s, from: at + s.from, to: at + s.to })
    for (const d of line.deleted ?? []) deleted.push({ ...d, at: at + d.at })
    out.text += line.text
  }
  if (comments.length) out.comments = comments
  if (suggestions.length) out.suggestions = suggestions
  if (deleted.length) out.deleted = deleted
  return out
}
