import type { Node } from 'prosemirror-model'
import { displayText, schema } from '../schema.ts'
import { readFields } from './fields.ts'
import type { Piece } from './lines.ts'

const bold = schema.marks.bold!.create()

/**
 * The inline content of a piece of a line: its fields ({@link readFields}) and text, with the
 * line's bold ranges that fall in it set bold. A field is bold when its first character is; a
 * field reads exactly as many characters as it displays, so offsets in the line stay aligned.
 */
export function inlineOf(piece: Piece): Node[] {
  const nodes = readFields(piece.text)
  const end = piece.at + piece.text.length
  const ranges = piece.line.bold.filter(([a, b]) => b > piece.at && a < end).map(([a, b]) => [a - piece.at, b - piece.at] as const)
  if (!ranges.length) return nodes
  const isBold = (at: number) => ranges.some(([a, b]) => at >= a && at < b)
  const out: Node[] = []
  let at = 0
  for (const node of nodes) {
    if (!node.isText) {
      out.push(isBold(at) ? node.mark(bold.addToSet(node.marks)) : node)
      at += displayText(node).length
      continue
    }
    const text = node.text!
    // Cut the text where a bold range starts or ends inside it.
    const cuts = new Set<number>([0, text.length])
    for (const [a, b] of ranges) {
      if (a > at && a < at + text.length) cuts.add(a - at)
      if (b > at && b < at + text.length) cuts.add(b - at)
    }
    const sorted = [...cuts].sort((x, y) => x - y)
    for (let i = 0; i + 1 < sorted.length; i++) {
      const part = text.slice(sorted[i], sorted[i + 1])
      out.push(isBold(at + sorted[i]!) ? schema.text(part, [bold]) : schema.text(part))
    }
    at += text.length
  }
  return out
}
