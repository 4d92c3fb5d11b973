import { Plugin, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { isTextOnly } from './text-only.ts'
import { structureChecked } from '@zongjie/commands'
import { isSharedDocumentChange } from '../collab/remote-change.ts'

/** Whether ProseMirror's own deletion of the selection gives a valid document (it can throw across parts). */
export function deletionWorks(state: EditorState): boolean {
  try {
    state.tr.deleteSelection().doc.check()
    return true
  } catch {
    return false
  }
}

/**
 * Deletes the selection where ProseMirror's deletion cannot (a selection from the opening into a
 * section, across parts the schema keeps apart): the text inside each block the selection touches
 * is deleted and the structure stays, the cursor at the start of the range.
 */
export function safeDeleteSelection(state: EditorState): Transaction {
  const { from, to } = state.selection
  const tr = state.tr
  const ranges: [number, number][] = []
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    const start = Math.max(from, pos + 1)
    const end = Math.min(to, pos + 1 + node.content.size)
    if (end > start) ranges.push([start, end])
    return false
  })
  for (const [start, end] of ranges.reverse()) tr.delete(start, end)
  return tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.map(from, -1)))).scrollIntoView()
}

function clearAwkwardSelection(view: EditorView): boolean {
  const { state } = view
  if (state.selection.empty || deletionWorks(state)) return false
  view.dispatch(safeDeleteSelection(state))
  return true
}

const printable = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey

/**
 * Keeps every document valid whatever the input: a transaction whose result the schema rejects
 * (ProseMirror's replace can produce one when fitting awkward pastes) is dropped, and a selection
 * that ProseMirror cannot delete is cleared block by block before typing, deleting, composing or
 * pasting over it. A co-edited document's own state is let through as it is (see
 * `isSharedDocumentChange`): two writers' valid changes merged can leave it out of the schema for
 * a moment, until the server repairs the merge.
 */
export function guard(): Plugin {
  return new Plugin({
    filterTransaction(tr) {
      if (!tr.docChanged || isTextOnly(tr) || tr.getMeta(structureChecked) || isSharedDocumentChange(tr)) return true
      try {
        tr.doc.check()
        return true
      } catch {
        return false
      }
    },
    props: {
      handleKeyDown(view, event) {
        if (event.key === 'Backspace' || event.key === 'Delete') return clearAwkwardSelection(view)
        if (printable(event) || event.key === 'Enter') clearAwkwardSelection(view)
        return false
      },
      handleTextInput(view, _from, _to, text) {
        if (view.state.selection.empty || deletionWorks(view.state)) return false
        view.dispatch(safeDeleteSelection(view.state).insertText(text))
        return true
      },
      handleDOMEvents: {
        compositionstart(view) {
          clearAwkwardSelection(view)
          return false
        },
        paste(view) {
          clearAwkwardSelection(view)
          return false
        },
      },
    },
  })
}
