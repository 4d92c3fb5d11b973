import type { Mark, Node } from 'prosemirror-model'
import { displayText, schema } from '../schema.ts'
import { readFields } from './fields.ts'
import type { DeletedText, Piece } from './lines.ts'

const bold = schema.marks.bold!.create()
const insertion = (id: string) => schema.marks.insertion!.create({ id })
const deletion = (id: string) => schema.marks.deletion!.create({ id })

/** A mark over `[from, to)` of a text. */
interface MarkRange {
  from: number
  to: number
  mark: Mark
}

/**
 * Where the suggestions (修订) of the lines an import reads end up, kept across the pieces of a
 * line: which deleted texts are placed already (each goes into one piece), and how many of the
 * changed characters were placed, by line number, so that the changes the importer had to
 * accept can be reported (see `importParagraphs`).
 */
export interface SuggestionPlacement {
  /** The deleted texts placed so far. */
  readonly used: Set<DeletedText>
  /** Counts `chars` changed characters (spaces left out) of line `no` as placed. */
  placed(no: number, chars: number): void
}

/** The number of characters of a text that are not spaces. */
export function visibleLength(text: string): number {
  return text.replace(/[\s\u3000\u00a0\ufeff]/g, '').length
}

/** The marks over `at` of the ranges, added to `base`. */
function marksAt(ranges: readonly MarkRange[], at: number, base: readonly Mark[] = []): readonly Mark[] {
  return ranges.filter((r) => at >= r.from && at < r.to).reduce((set, r) => r.mark.addToSet(set), base)
}

/**
 * A text as inline content: its fields ({@link readFields}) and text, cut where the ranges start
 * or end, each part with the marks of the ranges over it and `base`. A field takes the marks of its
 * first character; a field reads exactly as many characters as it displays.
 */
function markedInline(text: string, ranges: readonly MarkRange[], base: readonly Mark[] = [], widened?: (written: string) => void): Node[] {
  const nodes = readFields(text, widened)
  if (!ranges.length && !base.length) return nodes
  const out: Node[] = []
  let at = 0
  for (const node of nodes) {
    if (!node.isText) {
      const marks = marksAt(ranges, at, base)
      out.push(marks.length ? node.mark(marks.reduce((set, m) => m.addToSet(set), node.marks)) : node)
      at += displayText(node).length
      continue
    }
    for (const [a, b] of cutsOf(node.text!, at, ranges.flatMap((r) => [r.from, r.to]))) {
      const marks = marksAt(ranges, a, base)
      out.push(marks.length ? schema.text(text.slice(a, b), marks) : schema.text(text.slice(a, b)))
    }
    at += node.text!.length
  }
  return out
}

/** The parts `[from, to)` (offsets in the whole text) of a text node starting at `at`, cut at the points inside it. */
function cutsOf(text: string, at: number, points: readonly number[]): [number, number][] {
  const cuts = new Set<number>([at, at + text.length])
  for (const p of points) if (p > at && p < at + text.length) cuts.add(p)
  const sorted = [...cuts].sort((x, y) => x - y)
  const out: [number, number][] = []
  for (let i = 0; i + 1 < sorted.length; i++) out.push([sorted[i]!, sorted[i + 1]!])
  return out
}

/** Whether deleted text that stood just before a field's text read as one field with it (`3` before `0名`). */
function joinsBefore(deleted: string, field: string): boolean {
  let at = 0
  for (const node of readFields(deleted + field)) {
    const end = at + displayText(node).length
    if (!node.isText && at < deleted.length && end > deleted.length) return true
    at = end
    if (at >= deleted.length) break
  }
  return false
}

/** Whether deleted text that stood just after a field's text read as one field with it (`次` after `30人`). */
function joinsAfter(field: string, deleted: string): boolean {
  const first = readFields(field + deleted)[0]
  return first !== undefined && !first.isText && displayText(first).length > field.length
}

/** Deleted text as inline content: its fields and text marked deleted, bold, commented and inserted (by another suggestion) where it was. */
function deletedInline(d: DeletedText): Node[] {
  const ranges: MarkRange[] = d.bold.map(([from, to]) => ({ from, to, mark: bold }))
  for (const c of d.comments ?? []) ranges.push({ from: c.from, to: c.to, mark: schema.marks.comment!.create({ id: c.id }) })
  for (const s of d.inserted ?? []) ranges.push({ from: s.from, to: s.to, mark: insertion(s.id) })
  return markedInline(d.text, ranges, [deletion(d.id)])
}

/**
 * The inline content of a piece of a line: its fields ({@link readFields}) and text, with the
 * line's bold ranges that fall in it set bold, its comment ranges marked with their comments, and
 * its suggestions (修订) marked: inserted text `insertion`, and the deleted text that stood in it
 * (at its start, inside or at its end) put back, marked `deletion` (and `insertion` where another
 * suggestion had inserted it); a line a suggestion deletes whole marked `deletion` throughout. A field takes the marks of its
 * first character; a field reads exactly as many characters as it displays, so offsets in the
 * line stay aligned. A field that a change covers only in part (`3` of `30名` changed to `2`) is
 * taken as replaced whole: its text before the change deleted, the field as it reads now
 * inserted, so that it stays one field either way.
 *
 * `placement` keeps track of the deleted texts across the pieces of one line and counts what was
 * placed; without it, each call places the deleted texts of its piece. `widened` is told each
 * metric of the piece read from full-width digits (see {@link readFields}).
 */
export function inlineOf(piece: Piece, placement?: SuggestionPlacement, widened?: (written: string) => void): Node[] {
  const line = piece.line
  const start = piece.at
  const end = start + piece.text.length
  const within = <T extends { from: number; to: number }>(r: T) => r.to > start && r.from < end
  const ranges: MarkRange[] = line.bold.map(([a, b]) => ({ from: a, to: b, mark: bold })).filter(within)
  for (const c of line.comments ?? []) if (within(c)) ranges.push({ from: c.from, to: c.to, mark: schema.marks.comment!.create({ id: c.id }) })
  const inserted: MarkRange[] = []
  for (const s of line.suggestions ?? []) if (s.kind === 'insert' && within(s)) inserted.push({ from: s.from, to: s.to, mark: insertion(s.id) })
  const used = placement?.used ?? new Set<DeletedText>()
  const deleted = (line.deleted ?? []).filter((d) => d.at >= start && d.at <= end && !used.has(d))
  // Offsets in the piece.
  for (const r of [...ranges, ...inserted]) {
    r.from -= start
    r.to -= start
  }
  if (line.deletedWhole !== undefined) ranges.push({ from: 0, to: piece.text.length, mark: deletion(line.deletedWhole) })
  if (!inserted.length && !deleted.length) return markedInline(piece.text, ranges, [], widened)
  ranges.push(...inserted)
  let changed = 0
  for (const r of inserted) changed += visibleLength(piece.text.slice(Math.max(r.from, 0), Math.min(r.to, piece.text.length)))
  const anchors = deleted.map((d) => ({ d, at: d.at - start, done: false }))
  const out: Node[] = []
  const take = (x: { d: DeletedText; done: boolean }, place: boolean) => {
    x.done = true
    used.add(x.d)
    changed += visibleLength(x.d.text)
    if (place) out.push(...deletedInline(x.d))
  }
  /** Puts back the deleted texts that stood before `at` (and at it, with `inclusive`). */
  const flush = (at: number, inclusive = true) => {
    for (const x of anchors) if (!x.done && (x.at < at || (inclusive && x.at === at))) take(x, true)
  }
  const insertedAt = (i: number) => inserted.some((r) => i >= r.from && i < r.to)
  let at = 0
  for (const node of readFields(piece.text, widened)) {
    if (!node.isText) {
      const a = at
      const b = at + displayText(node).length
      at = b
      flush(a, false)
      const shown = piece.text.slice(a, b)
      const partly = inserted.filter((r) => r.from < b && r.to > a && (r.from > a || r.to < b))
      // The deleted text inside the field, and at its edges when it read as one field with it.
      const inside = anchors.filter((x) => !x.done && (x.at > a && x.at < b ? true : x.at === a ? joinsBefore(x.d.text, shown) : x.at === b && joinsAfter(shown, x.d.text)))
      for (const x of inside) take(x, false)
      flush(a)
      const others = marksAt(ranges, a).filter((m) => m.type.name !== 'insertion')
      if (!partly.length && !inside.length) {
        const marks = marksAt(ranges, a)
        out.push(marks.length ? node.mark(marks.reduce((set, m) => m.addToSet(set), node.marks)) : node)
        continue
      }
      // Replaced whole: the field's text before the change (its characters not inserted, the deleted text), then the field.
      let before = ''
      for (let i = a; i <= b; i++) {
        for (const x of inside) if (x.at === i) before += x.d.text
        if (i < b && !insertedAt(i)) before += piece.text[i]
      }
      const deletedBy = inside[0]?.d.id ?? (partly[0]!.mark.attrs.id as string)
      const insertedBy = (partly[0]?.mark.attrs.id as string | undefined) ?? inside[0]!.d.id
      if (before) out.push(...markedInline(before, [], [...others, deletion(deletedBy)]))
      out.push(node.mark([...others, insertion(insertedBy)].reduce((set, m) => m.addToSet(set), node.marks)))
      continue
    }
    const text = node.text!
    const points = [...ranges.flatMap((r) => [r.from, r.to]), ...anchors.map((x) => x.at)]
    for (const [a, b] of cutsOf(text, at, points)) {
      flush(a)
      const marks = marksAt(ranges, a)
      const part = piece.text.slice(a, b)
      out.push(marks.length ? schema.text(part, marks) : schema.text(part))
    }
    at += text.length
  }
  flush(Infinity)
  if (changed) placement?.placed(line.no, changed)
  return out
}
