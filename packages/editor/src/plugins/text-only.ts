import type { Transaction } from 'prosemirror-state'
import { AddMarkStep, AttrStep, DocAttrStep, RemoveMarkStep, ReplaceStep } from 'prosemirror-transform'

/**
 * Whether a transaction only changed text inside textblocks (typing, deleting within a line,
 * marks, filling a field, the review comments (批注) kept in the document's `comments`
 * attribute): the outline and every number stay as they were, so decorations can be mapped
 * instead of recomputed.
 */
export function isTextOnly(tr: Transaction): boolean {
  for (let i = 0; i < tr.steps.length; i++) {
    const step = tr.steps[i]!
    const doc = tr.docs[i]!
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) continue
    if (step instanceof DocAttrStep && step.attr === 'comments') continue
    if (step instanceof AttrStep) {
      if (doc.nodeAt(step.pos)?.isInline) continue
      return false
    }
    if (step instanceof ReplaceStep) {
      const { from, to, slice } = step
      if (slice.openStart !== 0 || slice.openEnd !== 0) return false
      const $from = doc.resolve(from)
      if (!$from.parent.isTextblock || !$from.sameParent(doc.resolve(to))) return false
      let inline = true
      slice.content.forEach((n) => {
        if (!n.isInline) inline = false
      })
      if (inline) continue
    }
    return false
  }
  return true
}

/** The textblocks a transaction touched, as positions in its resulting document (for a text-only transaction). */
export function touchedTextblocks(tr: Transaction): number[] {
  const positions = new Set<number>()
  tr.mapping.maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const rest = tr.mapping.slice(i + 1)
      for (const p of [rest.map(newStart, -1), rest.map(newEnd, 1)]) {
        const $p = tr.doc.resolve(Math.min(p, tr.doc.content.size))
        if ($p.parent.isTextblock) positions.add($p.before())
      }
    })
  })
  return [...positions]
}
