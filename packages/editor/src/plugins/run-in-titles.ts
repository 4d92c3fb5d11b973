import { Plugin } from 'prosemirror-state'
import { isSuggestible, settleRunInTitles } from '@zongjie/commands'

/**
 * A run-in section's title stays its first sentence (`（一）落实责任。一是……`, the stop drawn by the
 * editor): after the writer's edit, a `。` the edit left in such a title — a selection from the
 * title into the body typed over or deleted, a stop typed inside the title, a paste — is settled
 * as the commands' `settleRunInTitles` says, in the same step of the undo history. Not while an
 * input method composes (its text stays as composed until it is committed), nor for undo and redo,
 * another writer's change or a document loaded, which are taken as they are.
 */
export function runInTitles(): Plugin {
  return new Plugin({
    appendTransaction(trs, _before, state) {
      if (!trs.some(isSuggestible) || trs.some((tr) => tr.getMeta('composition') !== undefined)) return null
      return settleRunInTitles(trs, state)
    },
  })
}
