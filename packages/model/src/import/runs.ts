import type { Mark, Node } from 'prosemirror-model'
import { displayText, schema } from '../schema.ts'
import { readFields } from './fields.ts'
import type { Piece } from './lines.ts'

const bold = schema.marks.bold!.create()

/**
 * The inline content of a piece of a line: its fields ({@link readFields}) and text, with the
 * line's bold ranges that fall in it set bold and its comment ranges marked with their comments.
 * A field takes the marks of its first character; a field reads exactly as many characters as it
 * displays, so offsets in the line stay aligned.
 */
export function inlineOf(piece: Piece): Node[] {
  const nodes = readFields(piece.text)
  const end = piece.at + piece.text.length
  const within = <T extends { from: number; to: number }>(r: T) => r.to > piece.at && r.from < end
  const ranges = piece.line.bold.map(([a, b]) => ({ from: a, to: b, mark: bold })).filter(within)
  for (const c of piece.line.comments ?? []) if (within(c)) ranges.push({ from: c.from, to: c.to, mark: schema.marks.comment!.create({ id: c.id }) })
  if (!ranges.length) return nodes
  // Offsets in the piece.
  for (const r of ranges) {
    r.from -= piece.at
    r.to -= piece.at
  }
  const marksAt = (at: number) => ranges.filter((r) => at >= r.from && at < r.to).reduce((set, r) => r.mark.addToSet(set), [] as readonly Mark[])
  const out: Node[] = []
  let at = 0
  for (const node of nodes) {
    if (!node.isText) {
      const marks = marksAt(at)
      out.push(marks.length ? node.mark(marks.reduce((set, m) => m.addToSet(set), node.marks)) : node)
      at += displayText(node).length
      continue
    }
    const text = node.text!
    // Cut the text where a range starts or ends inside it.
    const cuts = new Set<number>([0, text.length])
    for (const { from: a, to: b } of ranges) {
      if (a > at && a < at + text.length) cuts.add(a - at)
      if (b > at && b < at + text.length) cuts.add(b - at)
    }
    const sorted = [...cuts].sort((x, y) => x - y)
    for (let i = 0; i + 1 < sorted.length; i++) {
      const part = text.slice(sorted[i], sorted[i + 1])
      const marks = marksAt(at + sorted[i]!)
      out.push(marks.length ? schema.text(part, marks) : schema.text(part))
    }
    at += text.length
  }
  return out
}
