import type { Node } from 'prosemirror-model'

/** The position of the first text node holding `text`, plus `offset` characters. */
export function posOf(doc: Node, text: string, offset = 0): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset
    return found < 0
  })
  if (found < 0) throw new Error(`「${text}」 is not in the document`)
  return found
}
