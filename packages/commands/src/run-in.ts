import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { settleRunInTitle, runInTitlesToSettle, rangesChangedBy } from '@zongjie/model'

/**
 * 连排标题 (a run-in section's title): the model's `settleRunInTitle` after the writer's edits, the
 * selection going with the text it moves.
 */

/**
 * Settles the heading at `pos` in `tr.doc` as the model's `settleRunInTitle` does: a run-in
 * section's heading that holds a `。` ends at it, and what followed it starts the body. A caret
 * past the stop goes with the text. Returns whether anything changed; a heading with suggestions
 * is left to suggestion mode.
 */
export function settleRunInTitleIn(tr: Transaction, pos: number): boolean {
  const { anchor, head } = tr.selection
  const steps = tr.steps.length
  const settled = settleRunInTitle(tr, pos)
  if (!settled) return false
  const { stopAt, restAt } = settled
  const mapping = tr.mapping.slice(steps)
  const place = (p: number) => (restAt >= 0 && p > stopAt ? restAt + Math.max(0, p - stopAt - 1) : mapping.map(p))
  return !!tr.setSelection(TextSelection.between(tr.doc.resolve(place(anchor)), tr.doc.resolve(place(head))))
}

/**
 * The writer's edit `trs` settled: every run-in heading the edits touched that holds a `。` (see
 * {@link settleRunInTitleIn}), in one transaction to append to them; null when there is none.
 */
export function settleRunInTitles(trs: readonly Transaction[], state: EditorState): Transaction | null {
  const tr = state.tr
  return settleRunInTitlesIn(tr, changedRanges(trs)) ? tr : null
}

/** What each step of `trs` changed, `[from, to]` mapped into the document after all of them. */
export function changedRanges(trs: readonly Transaction[]): [number, number][] {
  return rangesChangedBy(trs.flatMap((t) => t.mapping.maps))
}

/**
 * Every run-in heading between each of `ranges` (`[from, to]` in `tr.doc`) that holds a `。`,
 * settled in `tr` (see {@link settleRunInTitleIn}). Returns whether anything changed.
 */
export function settleRunInTitlesIn(tr: Transaction, ranges: readonly (readonly [number, number])[]): boolean {
  let changed = false
  // Last first, so that the positions before stay as they were.
  for (const pos of runInTitlesToSettle(tr.doc, ranges)) changed = settleRunInTitleIn(tr, pos) || changed
  return changed
}
