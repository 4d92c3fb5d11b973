import { Plugin, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { closeHistory, history } from 'prosemirror-history'

/**
 * Undo steps (撤销) as a writer expects them: the history groups what is typed in one place within
 * half a second into one step, and a selection the writer moves (a click, an arrow key, a range
 * selected) ends the step, so that what they change next, however quickly, is a step of its own,
 * as in Word and WPS. A selection that moves during an input method's composition ends nothing:
 * the committed text stays one step.
 */
export function undoSteps(): Plugin[] {
  // The view the plugin draws in, for its composition; one plugin instance per editor.
  let view: EditorView | null = null
  const endStepOnSelection = new Plugin({
    view(v) {
      view = v
      return {
        destroy() {
          if (view === v) view = null
        },
      }
    },
    appendTransaction(trs, _before, state) {
      return view && endsUndoStep(trs, view) ? closeHistory(state.tr) : null
    },
  })
  return [history(), endStepOnSelection]
}

/**
 * Whether transactions applied together end the undo step: they move the selection and change
 * nothing, outside a composition. Co-editing's undo (the shared document's, see
 * `collab/session.ts`) ends its steps by the same rule.
 */
export function endsUndoStep(trs: readonly Transaction[], view: EditorView): boolean {
  return !view.composing && trs.some((tr) => tr.selectionSet) && !trs.some((tr) => tr.docChanged)
}
