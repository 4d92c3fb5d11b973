import type { Node } from 'prosemirror-model'

/** The range of the `nth` occurrence of `needle` in the text of a textblock (fields count as one character). */
export function rangeOf(doc: Node, needle: string, nth = 0): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  let count = 0
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found
    const t = node.textBetween(0, node.content.size, undefined, '\ufffc')
    let offset = t.indexOf(needle)
    while (offset >= 0 && !found) {
      if (count++ === nth) found = { from: pos + 1 + offset, to: pos + 1 + offset + needle.length }
      offset = t.indexOf(needle, offset + 1)
    }
    return false
  })
  if (!found) throw new Error(`"${needle}" not found`)
  return found
}

/** The position `offset` characters into the first textblock of `doc` whose text is `text` (a negative offset counts from its end). */
export function positionIn(doc: Node, text: string, offset: number): number {
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent === text) pos = p + 1 + (offset < 0 ? node.content.size + 1 + offset : offset)
    return pos < 0
  })
  if (pos < 0) throw new Error(`no textblock "${text}"`)
  return pos
}
