import type { EditorView } from 'prosemirror-view'

/**
 * Has the view draw every block again at its next update, from the new state's nodes. Called
 * before the element replaces its document (a summary set by the page, the shared document of
 * co-editing): ProseMirror keeps the drawing of a block whose node merely equals the new one and
 * goes on holding the old node, so every later update compares the two in depth (at 11,000
 * blocks a key cost three times as much after the same summary was set again), and a view kept
 * so may stand for an equal block elsewhere. Uses the view's internal `docView.markDirty`; a
 * ProseMirror without it is left as it is.
 */
export function redrawAll(view: EditorView): void {
  ;(view as unknown as { docView?: { markDirty?(from: number, to: number): void } }).docView?.markDirty?.(0, view.state.doc.content.size)
}
