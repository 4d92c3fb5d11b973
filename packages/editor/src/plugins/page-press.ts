import { Selection, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { isEmptyDoc } from '@zongjie/commands'

/**
 * A press of the mouse on the page where no text is, the caret placed as a writer expects it. On
 * an empty draft (空白稿: no line written and no part made, `isEmptyDoc`), wherever on the page it
 * lands, at the start of the title: a summary is written from its title down, so the first words
 * typed are the title's, not the opening's. On a draft with text, on the blank page below its last
 * line, at the end of the summary (the end of its closing or sign-off, where Ctrl-End puts it), as
 * Word does; a press on the text, or beside it, goes where it lands. In a read-only editor the
 * press only puts the focus in the text (for the keys that scroll); in a disabled one, nothing.
 * Only the main button. Listened to in the capture phase on the page (`event.currentTarget`),
 * before ProseMirror places the caret itself.
 */
export function caretFromPage(view: EditorView, event: MouseEvent): void {
  const { doc } = view.state
  const empty = isEmptyDoc(doc)
  if (event.button || !(empty || (event.target === event.currentTarget && event.clientY > view.dom.getBoundingClientRect().bottom))) return
  event.preventDefault()
  if (view.editable) {
    view.dispatch(view.state.tr.setSelection(empty ? TextSelection.create(doc, 1) : Selection.atEnd(doc)))
    view.focus()
  }
  // Read-only, the text is in the tab order (ProseMirror focuses only an editable view); disabled, out of it.
  else if (view.dom.tabIndex >= 0) view.dom.focus()
}
