import { TextSelection, type EditorState, type Selection, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { ReplaceStep, type Step } from 'prosemirror-transform'
import { replacementBetween, isSharedDocumentChange } from '@zongjie/commands'

/** What is used here of a transaction's internals (prosemirror-state 1.4, prosemirror-transform 1.x). */
interface TransactionInternals {
  /** The metadata set on the transaction, by key name. */
  meta: Record<string, unknown>
  /** Adds a step whose result is `doc`, without applying it (what `step()` does once it has applied it). */
  addStep(step: Step, doc: Node): void
}

/**
 * Another writer's change as the change it is. y-prosemirror shows a change of the shared
 * document (another writer's key, the shared undo) by replacing the whole document
 * (`_typeChanged`: `tr.replace(0, doc.content.size, everything)`), so every plugin that maps
 * through a transaction or looks at what it changed sees the whole document changed: the guard
 * checks the whole document against the schema, the placeholders are all made again, the
 * numbering looks for changed headings, the toolbar is redrawn; in a long summary that costs
 * several times a key of the writer's own.
 *
 * Given such a transaction (meta `y-sync$` with `isChangeOrigin`, one `ReplaceStep` over the whole
 * document of `state`, the state it was made from), this returns the same change as one step that
 * replaces only the range where the documents differ (`replacementBetween`): a character typed is
 * a replacement inside its paragraph, as the writer's own key is. The result is the very document
 * y-prosemirror made (the same node objects, which its binding maps to the shared types), with
 * the transaction's metadata (so that y-prosemirror still takes it for its own change and sends
 * nothing back, and `addToHistory: false`), its time, stored marks and scrolling, and its
 * selection when it set one (y-prosemirror sets the selection it restores; otherwise the
 * selection is mapped through the narrower step, where the whole replacement would have moved it
 * to the end of the document), or, when the writer's cursor was in a block the change moved (see
 * {@link cursorInCopy}), the same place in the block where it now is. Any other transaction, or
 * one whose narrower step would not give the same document, is returned as it is.
 */
export function narrowRemoteChange(state: EditorState, tr: Transaction): Transaction {
  if (!isSharedDocumentChange(tr) || tr.steps.length !== 1 || tr.before !== state.doc) return tr
  const whole = tr.steps[0]
  if (!(whole instanceof ReplaceStep) || whole.from !== 0 || whole.to !== state.doc.content.size) return tr
  const step = replacementBetween(state.doc, tr.doc)
  const internals = tr as unknown as TransactionInternals
  // Nothing changed (a shared document made again as it was): the whole replacement stays, so
  // that the editor holds the nodes the binding now maps.
  if (!step || typeof internals.meta !== 'object' || internals.meta === null) return tr
  const result = step.apply(state.doc)
  if (!result.doc || !result.doc.eq(tr.doc)) return tr
  const narrow = state.tr
  const narrowInternals = narrow as unknown as TransactionInternals
  if (typeof narrowInternals.addStep !== 'function') return tr
  // The document y-prosemirror made, not the equal one the step gives: its nodes are the binding's.
  narrowInternals.addStep(step, tr.doc)
  for (const key in internals.meta) narrow.setMeta(key, internals.meta[key])
  narrow.setTime(tr.time)
  const copied = cursorInCopy(state, step, tr.doc, tr.selection)
  if (copied) narrow.setSelection(copied)
  else if (tr.selectionSet) narrow.setSelection(tr.selection)
  if (tr.storedMarksSet) narrow.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) narrow.scrollIntoView()
  return narrow
}

/**
 * The writer's cursor when the block it was in went with another writer's change and came back
 * whole elsewhere in it: a section demoted or promoted (Tab, Shift-Tab) or moved. Yjs cannot move
 * a part: it is deleted and copied, and the cursor, kept as a position in the shared document,
 * falls from the deleted original to what follows it (the next section's heading), where the
 * writer's next words would go. Gives the same place in the copy (`restored` is where the cursor
 * would otherwise be); null when the cursor's block is not in the replaced range, has no copy
 * there, or `restored` is in it already.
 */
export function cursorInCopy(state: EditorState, step: ReplaceStep, doc: Node, restored: Selection): Selection | null {
  const { $head, empty } = state.selection
  if (!empty || !$head.parent.isTextblock || step.from > $head.before() || step.to < $head.after()) return null
  const $restored = restored.$head
  if (restored.empty && $restored.parent.eq($head.parent) && $restored.parentOffset === $head.parentOffset) return null
  let found = -1
  doc.nodesBetween(step.from, Math.min(step.from + step.slice.size, doc.content.size), (node, pos) => {
    if (found >= 0) return false
    if (!node.isTextblock) return true
    if (node.eq($head.parent)) found = pos
    return false
  })
  return found < 0 ? null : TextSelection.create(doc, found + 1 + $head.parentOffset)
}
