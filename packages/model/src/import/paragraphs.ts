import type { ImportOptions, ImportResult } from './index.ts'
import { importLines } from './index.ts'
import { leadingSpace, trailingSpace, type CommentRange, type SourceLine, type TextRange } from './lines.ts'
import { inlineOf } from './runs.ts'

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
 * The non-empty paragraphs of the input, trimmed of spaces (full-width ones too) with their bold
 * and comment ranges moved along; a paragraph that holds a line break counts as several lines with its number.
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
      if (text) {
        const line: SourceLine = { no, text, bold: normalRanges(p.bold, offset + lead, text.length) }
        const comments = (p.comments ?? [])
          .map((c) => ({ id: c.id, from: Math.max(c.from - offset - lead, 0), to: Math.min(c.to - offset - lead, text.length) }))
          .filter((c) => c.to > c.from)
        if (comments.length) line.comments = comments
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
 * file): each paragraph's bold ranges are kept as bold, and warnings name each paragraph's `no`
 * (its paragraph number) as their `line`. One importer for every format: the headings, items,
 * parts and fields are read exactly as from text.
 */
export function importParagraphs(paragraphs: readonly SourceParagraph[], options: ImportOptions = {}): ImportResult {
  return importLines(sourceParagraphs(paragraphs), inlineOf, options)
}
