import { Slice, type Node, type ResolvedPos } from 'prosemirror-model'
import { Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { ReplaceStep } from 'prosemirror-transform'
import { isSection } from '@zongjie/model'

/** The sections a selection takes whole (see {@link sectionsSelectedWhole}). */
export interface SectionsSelected {
  /** Where the first of them starts. */
  from: number
  /** Where the last of them ends. */
  to: number
  /** Where the text of the first one's heading starts. */
  heading: number
}

/**
 * The start of the text of the heading at `$pos`'s start or, `$pos` being at the end of a
 * textblock, of the heading right after it (only the ends of nodes between: the end of the
 * section before's last line); null where no heading starts there.
 */
function headingStartAt(doc: Node, $pos: ResolvedPos): ResolvedPos | null {
  const { parent } = $pos
  if (parent.type.name === 'heading' && !$pos.parentOffset) return $pos
  if (!parent.isTextblock || $pos.parentOffset < parent.content.size) return null
  const next = Selection.findFrom(doc.resolve($pos.after()), 1, true)?.$from
  if (next?.parent.type.name !== 'heading' || next.parentOffset) return null
  // The section after, at the depth the ends of nodes since `$pos` climb to.
  return next.before(next.depth - 1) - $pos.pos === $pos.depth - next.depth + 2 ? next : null
}

/**
 * 整节选中: the sections the selection of `state` takes whole, from the start of a heading (or the
 * end of the line before it) to the end of that section's last line (its body, its subsections)
 * or of a section after it at its level or above (`（二）养老服务` to the end of `二、`: that
 * `（二）` and `二、`, the problems and plans too): where they start and end. Null where the
 * selection does not take whole sections so.
 */
export function sectionsSelectedWhole(state: EditorState): SectionsSelected | null {
  const { selection, doc } = state
  if (!(selection instanceof TextSelection) || selection.empty) return null
  const { $to } = selection
  const $heading = headingStartAt(doc, selection.$from)
  if (!$heading || !$to.parent.isTextblock || $to.parentOffset < $to.parent.content.size) return null
  const first = $heading.depth - 1
  for (let d = Math.min(first, $to.depth - 1); d > 0; d--) {
    // The section ending with the selection, in the node the first one stands in or one above it.
    if (isSection($to.node(d)) && $to.end(d) === $to.pos + $to.depth - d && $to.start(d - 1) === $heading.start(d - 1)) {
      return { from: $heading.before(first), to: $to.after(d), heading: $heading.pos }
    }
  }
  return null
}

/**
 * 整节删除: the sections the selection of `state` takes whole (see {@link sectionsSelectedWhole})
 * deleted with their headings, no heading left empty, what follows renumbered (the numbers being
 * computed); typed over from the first one's heading start, that heading stays, emptied, to take
 * what is typed, its body and subsections going. The caret goes where the selection began: a
 * section gone, to the end of what was before it (the start of what follows, where only the title
 * stands before). Null where the selection does not take whole sections, or their deletion would
 * not fit the schema.
 */
export function deleteSectionsWhole(state: EditorState, typed?: boolean): Transaction | null {
  const whole = sectionsSelectedWhole(state)
  if (!whole) return null
  const { from, to, heading } = whole
  const keepHeading = typed && state.selection.from === heading
  const tr = state.tr
  try {
    if (keepHeading) {
      const headingEnd = heading + state.doc.nodeAt(heading - 1)!.content.size
      // Its body and subsections, and the sections after it, then the heading's text.
      if (to > headingEnd + 2) tr.delete(headingEnd + 1, to)
      tr.delete(heading, headingEnd)
    } else tr.delete(from, to)
    tr.doc.check()
  } catch {
    return null
  }
  const $at = tr.doc.resolve(keepHeading ? heading : tr.mapping.map(state.selection.from, -1))
  let caret = Selection.near($at, -1).from
  if (/^(title|subtitle)$/.test(tr.doc.resolve(caret).parent.type.name) && caret < $at.pos) caret = Selection.near($at, 1).from
  // Typed over, the deletion's last step is at the caret, where the text typed next goes: the
  // history keeps the two in one undo step (it joins only changes next to each other).
  if (typed) tr.step(new ReplaceStep(caret, caret, Slice.empty))
  return tr.setSelection(TextSelection.create(tr.doc, caret)).scrollIntoView()
}
