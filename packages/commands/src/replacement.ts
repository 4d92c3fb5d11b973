import type { Node } from 'prosemirror-model'
import { ReplaceStep } from 'prosemirror-transform'

/**
 * The change from document `a` to document `b` as one replacement: the step that replaces the
 * range where they differ in `a` (from the first difference to the last) with what `b` has there.
 * Null when they are the same. Where the change is ambiguous (typing a character next to the same
 * one), the range is taken as ProseMirror takes it when it reads the DOM.
 */
export function replacementBetween(a: Node, b: Node): ReplaceStep | null {
  const from = a.content.findDiffStart(b.content)
  if (from === null) return null
  let { a: endA, b: endB } = a.content.findDiffEnd(b.content)!
  const overlap = from - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  return new ReplaceStep(from, endA, b.slice(from, endB))
}
