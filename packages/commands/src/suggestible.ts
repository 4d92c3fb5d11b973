import type { Transaction } from 'prosemirror-state'
import { AddMarkStep, DocAttrStep, RemoveMarkStep } from 'prosemirror-transform'
import { isHistoryTransaction } from 'prosemirror-history'
import { schema } from '@zongjie/model'
import { documentReplaced } from './structure.ts'
import { isSharedDocumentChange, isSharedUndo } from './shared-change.ts'

/**
 * Which transactions suggestion mode (修订) makes as suggestions. Kept apart from the rewriting
 * itself (`suggestTransaction`), so that an editor can tell without loading it.
 */

/** The meta of a transaction that must not be made as suggestions: settling suggestions (accept, reject), or an edit already made as suggestions. */
export const suggestionsSettled = 'zongjie-suggestions-settled'

/**
 * The meta of a transaction that accepts or rejects suggestions (接受, 拒绝 修订), `'accept'` or
 * `'reject'`: marked {@link suggestionsSettled} too, and unlike an edit made as suggestions, an
 * edit whose text the editor reads as typed (the closing and the sign-off it makes plain).
 */
export const suggestionsResolved = 'zongjie-suggestions-resolved'

/**
 * Whether a transaction is a change of the writer's own: it changes the document, and is not undo
 * or redo (the editor's, or a shared document's), another writer's change arriving, or a document
 * loaded (`documentReplaced`).
 */
export function isWritersChange(tr: Transaction): boolean {
  return tr.docChanged && !isHistoryTransaction(tr) && !tr.getMeta(documentReplaced) && !isSharedDocumentChange(tr) && !isSharedUndo(tr)
}

/** Whether a transaction is part of an input method's composition, under way (ProseMirror's `composition` meta). */
export function isComposition(tr: Transaction): boolean {
  return tr.getMeta('composition') !== undefined
}

/**
 * The meta of the transaction that deletes a selection an input method's composition is about to
 * replace, dispatched as the composition starts: what it does is read with the composed text.
 */
export const compositionStarts = 'zongjie-composition-starts'

/**
 * Whether a transaction is an edit to make as suggestions: a change of the writer's own
 * ({@link isWritersChange}) not marked {@link suggestionsSettled}, nor a change of comments only
 * (a comment's mark, the threads), which edits no text.
 */
export function isSuggestible(tr: Transaction): boolean {
  if (!isWritersChange(tr) || tr.getMeta(suggestionsSettled)) return false
  return !tr.steps.every((step) => step instanceof DocAttrStep || ((step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type === schema.marks.comment))
}
