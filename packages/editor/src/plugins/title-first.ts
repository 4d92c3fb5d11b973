import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { isEmptyDoc } from '@zongjie/commands'

/**
 * A press of the mouse on the page of an empty draft (空白稿: no line written and no part made,
 * `isEmptyDoc`) puts the caret at the start of the title, wherever on the page it lands: a
 * summary is written from its title down, so the first words typed are the title's, not the
 * opening's. Once anything is written (the title, or any line), a press goes where it lands. Not
 * in a read-only or disabled editor, nor for a button other than the main one. Listened to in the
 * capture phase on the page, before ProseMirror places the caret itself.
 */
export function titleFirst(view: EditorView, event: MouseEvent): void {
  if (event.button || !view.editable || !isEmptyDoc(view.state.doc)) return
  event.preventDefault()
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 1)))
  view.focus()
}
