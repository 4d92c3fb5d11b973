import type { Node } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'
import { demoteSection, promoteSection, sectionsAround, structureChecked } from './sections.ts'

/**
 * The last promotion (升级) made through {@link promoteSectionReversibly}: the document before and
 * after it, and where the promoted section began before and after.
 */
let promotion: { before: Node; after: Node; was: number; at: number } | null = null

/** Where the innermost section at the selection's start begins, or -1 outside any section. */
const sectionAt = (state: EditorState | Transaction) => {
  const all = sectionsAround(state.selection.$from)
  return all.length ? all[all.length - 1]!.pos : -1
}

/**
 * 升级 as {@link promoteSection} does, remembered so that {@link demoteSectionReversibly} right
 * after gives back what was there: what Shift-Tab does. With a view, what is remembered is the
 * document the view shows after it, as the promotion was made there (in suggestion mode, 修订, a
 * suggestion of the sections' structure).
 */
export const promoteSectionReversibly: Command = (state, dispatch, view) =>
  promoteSection(
    state,
    dispatch &&
      ((tr) => {
        dispatch(tr)
        const made = view && view.state.doc !== state.doc ? view.state : tr
        promotion = { before: state.doc, after: made.doc, was: sectionAt(state), at: sectionAt(made) }
      }),
    view,
  )

/**
 * 降级 as {@link demoteSection} does; but right after {@link promoteSectionReversibly} (nothing
 * changed since), with the cursor still in the heading or body of the section it promoted, the
 * promotion taken back: the sections it made that section's subsections (those that followed it at
 * its old level) are its siblings after it again, the cursor where it is in the text, as one undo
 * step. So Shift-Tab then Tab gives back what was there, as Tab then Shift-Tab does. What Tab does.
 */
export const demoteSectionReversibly: Command = (state, dispatch, view) => {
  const p = promotion
  if (!p || sectionAt(state) !== p.at || !state.doc.eq(p.after)) return demoteSection(state, dispatch, view)
  if (dispatch) {
    // Only the parts the promotion changed are put back, whole: in suggestion mode, the sections
    // its suggestion marks, which so give back what they held before (no suggestion left).
    const diff = p.after.content.findDiffStart(p.before.content)!
    const $from = p.after.resolve(diff)
    const from = $from.depth ? $from.before(1) : diff
    const end = p.after.content.findDiffEnd(p.before.content)!
    const $end = p.after.resolve(end.a)
    const endA = $end.depth ? $end.after(1) : end.a
    const tr = state.tr.replace(from, endA, p.before.slice(from, end.b + endA - end.a))
    const { from: head, to } = state.selection
    const sel = TextSelection.create(tr.doc, head - p.at + p.was, to - p.at + p.was)
    dispatch(closeHistory(tr.setSelection(sel)).scrollIntoView().setMeta(structureChecked, true))
  }
  return true
}
