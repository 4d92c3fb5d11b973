import type { Transaction } from 'prosemirror-state'

/**
 * The meta key of y-prosemirror's sync plugin (its `ySyncPluginKey`, a `PluginKey('y-sync')`), by
 * name: what reads it here and in the element is loaded before, and without, y-prosemirror,
 * which comes only when the page co-edits.
 */
const ySyncMeta = 'y-sync$'

/** What y-prosemirror's binding says of a transaction it dispatches. */
interface SharedChangeMeta {
  /** The shared document's own state (another writer's change, or the shared undo). */
  isChangeOrigin?: boolean
  /** The shared undo or redo. */
  isUndoRedoOperation?: boolean
}

/**
 * Whether a transaction brings the shared document's state into the editor (协同编辑): another
 * writer's change, or the shared undo, through y-prosemirror's binding (meta `y-sync$` with
 * `isChangeOrigin`). Such a transaction is what the shared document holds: dropping it would
 * leave the editor apart from it, and the editor's next change would then write the editor's
 * document over the shared one, deleting what the other writers added.
 */
export function isSharedDocumentChange(tr: Transaction): boolean {
  return (tr.getMeta(ySyncMeta) as SharedChangeMeta | undefined)?.isChangeOrigin === true
}

/** Whether a transaction is the shared document's undo or redo (y-prosemirror's `isUndoRedoOperation`). */
export function isSharedUndo(tr: Transaction): boolean {
  return (tr.getMeta(ySyncMeta) as SharedChangeMeta | undefined)?.isUndoRedoOperation === true
}
