import { Selection, TextSelection, type Command } from 'prosemirror-state'

/**
 * A command that puts the cursor at the start (`'start'`) or the end (`'end'`) of the whole
 * summary and scrolls it into view; with `extend`, the selection grows from its anchor to there.
 * Bound to Ctrl-Home / Ctrl-End (with Shift to extend), so these keys do not depend on what the
 * browser has drawn: a long summary draws the sections far from the view only when reached.
 */
export function selectDocumentEdge(edge: 'start' | 'end', extend = false): Command {
  return (state, dispatch) => {
    const target = edge === 'start' ? Selection.atStart(state.doc) : Selection.atEnd(state.doc)
    const selection = extend ? TextSelection.between(state.selection.$anchor, target.$head) : target
    if (dispatch) dispatch(state.tr.setSelection(selection).scrollIntoView())
    return true
  }
}

/** Ctrl-Home: the cursor to the start of the summary (the title). */
export const selectDocumentStart: Command = selectDocumentEdge('start')

/** Ctrl-End: the cursor to the end of the summary. */
export const selectDocumentEnd: Command = selectDocumentEdge('end')
