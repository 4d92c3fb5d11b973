import { Plugin } from 'prosemirror-state'
import { changedRanges, isComposition, isWritersChange, joinAdjacentWorkItems } from '@zongjie/commands'
import { isTextOnly } from './text-only.ts'

/**
 * Work-item lists left side by side by the writer's edit (the paragraph between them deleted, a
 * selection across sections deleted) are joined into one, numbered on (see the commands'
 * `joinAdjacentWorkItems`), in the same undo step. Typed text leaves lists as they were, and so
 * does what an input method composes; undo, redo,
 * another writer's change and a document loaded are taken as they are.
 */
export function workItemLists(): Plugin {
  return new Plugin({
    appendTransaction: (trs, _before, state) =>
      trs.some((tr) => isWritersChange(tr) && !isTextOnly(tr)) && !trs.some(isComposition) ? joinAdjacentWorkItems(state, changedRanges(trs)) : null,
  })
}
