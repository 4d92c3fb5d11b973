import type { ImportOptions, ImportResult } from './index.ts'
import { importLines } from './index.ts'
import { leadingSpace, trailingSpace, type CommentRange, type SourceLine, type SuggestionRange, type TextRange } from './lines.ts'
import { inlineOf, visibleLength, type SuggestionPlacement } from './runs.ts'
import { acceptedView, separatedAtBlocks, withInsertedBlocks } from './suggestions.ts'

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
  /**
   * The ranges of `text` that the file's comments (批注) are on: they become `comment` marks of
   * those ids (the caller gives the document the threads, see `comments` of the doc).
   */
  comments?: readonly CommentRange[]
  /**
   * The ranges of `text` that the file's suggestions (修订, tracked changes) insert or delete:
   * `text` holds the deleted text too. They become `insertion` and `deletion` marks of those ids
   * (the caller gives the document the suggestions, see `suggestions` of the doc). The structure
   * is read from the text with the changes accepted. A suggestion never goes on from one
   * paragraph of the document into the next (settling it would join them): where it would, its
   * marks from there on take the id `id.2` (`.3` …), which the caller's entry for `id` stands for.
   */
  suggestions?: readonly SuggestionRange[]
  /**
   * The id of a suggestion that deletes the paragraph whole, its mark too: where the `insert`
   * ranges insert it whole (a reviewer deleting a paragraph another suggested), or with no
   * `suggestions` at all (a paragraph or a section deleted whole). It is read as the paragraph it
   * is with that deletion rejected, not counted in the numbers after it, and what is made of it is
   * marked deleted by that id too (the blocks themselves when they are deleted whole, see
   * `withInsertedBlocks`).
   */
  deletedWhole?: string
  /**
   * The paragraph is in the closing (结束语), as the file says (the style a Word file Zongjie wrote
   * gives it), whatever its wording: the closing is read from the first such paragraph after the
   * last heading.
   */
  closing?: boolean
  /** The line or paragraph number (from 1) that warnings name; its place in the list by default. */
  no?: number
}

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
 * The non-empty paragraphs of the input, trimmed of spaces (full-width ones too) with their bold,
 * comment and suggestion ranges moved along; a paragraph that holds a line break counts as several
 * lines with its number. A paragraph with suggestions reads with them accepted (see
 * `acceptedView`): its deleted text kept beside the line it stood in (at its end when it stood at
 * a line break), dropped with a line that has no other text.
 */
export function sourceParagraphs(paragraphs: readonly SourceParagraph[]): SourceLine[] {
  const out: SourceLine[] = []
  paragraphs.forEach((p, i) => {
    const no = p.no ?? i + 1
    const view = p.suggestions?.length ? acceptedView(p.text, p.bold ?? [], p.comments ?? [], p.suggestions) : null
    const source = view ? view.text : p.text
    const breaks = /\r\n|\r|\n|\u2028|\u2029/g
    let offset = 0
    for (;;) {
      const m = breaks.exec(source)
      const rawEnd = m ? m.index : source.length
      const raw = source.slice(offset, rawEnd)
      const lead = leadingSpace.exec(raw)?.[0].length ?? 0
      const text = raw.slice(lead).replace(trailingSpace, '')
      if (text) {
        const shift = offset + lead
        const line: SourceLine = { no, text, bold: normalRanges(view ? view.bold : p.bold, shift, text.length) }
        if (p.deletedWhole !== undefined) line.deletedWhole = p.deletedWhole
        if (p.closing) line.closing = true
        const moved = <T extends { from: number; to: number }>(ranges: readonly T[]) =>
          ranges.map((r) => ({ ...r, from: Math.max(r.from - shift, 0), to: Math.min(r.to - shift, text.length) })).filter((r) => r.to > r.from)
        const comments = moved(view ? view.comments : (p.comments ?? []))
        if (comments.length) line.comments = comments
        if (view) {
          const inserted = moved(view.inserted)
          if (inserted.length) line.suggestions = inserted
          const deleted = view.deleted.filter((d) => d.at >= offset && d.at <= rawEnd).map((d) => ({ ...d, at: Math.min(Math.max(d.at - shift, 0), text.length) }))
          if (deleted.length) line.deleted = deleted
        }
        out.push(line)
      }
      if (!m) break
      offset = m.index + m[0].length
    }
  })
  return out
}

/**
 * `importText` for paragraphs read from a file format that keeps more than text (a Word
 * file): each paragraph's bold ranges are kept as bold, comment and suggestion ranges as their
 * marks (a block whose whole text one suggestion inserts as an inserted block, see
 * `withInsertedBlocks`), and warnings name each paragraph's `no` (its paragraph number) as their
 * `line`; changes that fall into text the importer does not keep as text are accepted with a
 * `suggestion-accepted` warning. One importer for every format: the headings, items,
 * parts and fields are read exactly as from text.
 */
export function importParagraphs(paragraphs: readonly SourceParagraph[], options: ImportOptions = {}): ImportResult {
  const lines = sourceParagraphs(paragraphs)
  if (!paragraphs.some((p) => p.suggestions?.length || p.deletedWhole !== undefined)) return importLines(lines, (piece, widened) => inlineOf(piece, undefined, widened), options)
  const placed = new Map<number, number>()
  const placement: SuggestionPlacement = { used: new Set(), placed: (no, chars) => placed.set(no, (placed.get(no) ?? 0) + chars) }
  const result = importLines(lines, (piece, widened) => inlineOf(piece, placement, widened), options)
  // The changes that fell where the importer keeps no text: accepted, and said so.
  // A paragraph inserted whole goes whole when rejected: its numbers with it.
  const changed = new Map<number, number>()
  paragraphs.forEach((p, i) => {
    const no = p.no ?? i + 1
    const ranges = p.suggestions ?? []
    if (ranges.every((s) => s.kind === 'insert') && !visibleLength(ranges.reduce((rest, s) => rest.slice(0, s.from) + ' '.repeat(Math.max(s.to - s.from, 0)) + rest.slice(s.to), p.text))) return
    // Each character once, though an insertion and another's deletion both cover it.
    let at = 0
    let covered = 0
    for (const s of [...ranges].sort((a, b) => a.from - b.from)) {
      const from = Math.max(s.from, at, 0)
      if (s.to <= from) continue
      covered += visibleLength(p.text.slice(from, s.to))
      at = s.to
    }
    changed.set(no, (changed.get(no) ?? 0) + covered)
  })
  const dropped = new Set(result.warnings.filter((w) => w.code === 'line-dropped').map((w) => w.line))
  const warnings = [...result.warnings]
  for (const [no, chars] of changed) {
    if (chars > (placed.get(no) ?? 0) && !dropped.has(no)) {
      warnings.push({ line: no, code: 'suggestion-accepted', message: '此段有修订落在序号（如“一、”“一是”）、标题后的句号或段首段尾的空白中，无法作为修订保留，已按接受处理' })
    }
  }
  warnings.sort((a, b) => a.line - b.line)
  const deletedWhole = new Set(paragraphs.flatMap((p) => (p.deletedWhole !== undefined && !p.suggestions?.length ? [p.deletedWhole] : [])))
  return { ...result, doc: separatedAtBlocks(withInsertedBlocks(result.doc, deletedWhole)), warnings }
}
