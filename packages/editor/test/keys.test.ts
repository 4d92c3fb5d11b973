// @vitest-environment happy-dom
/**
 * The editor's keys: Enter in the sign-off's organisation goes on to its date, as from one line of
 * a form to the next; undo and redo keys do what they say, Caps Lock or not.
 */
import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { history } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import { schema, toSummary, toText } from '@zongjie/model'
import { enterInOrganization, keys } from '../src/plugins/keys.ts'

const n = schema.nodes
const text = (s: string) => (s ? [schema.text(s)] : [])

/** A summary ending with the sign-off `organization` / `date`. */
const signed = (organization: string, date: string) =>
  n.doc!.create(null, [
    n.title!.create(null, text('某局工作总结')),
    n.preamble!.create(null, n.paragraph!.create(null, text('开头。'))),
    n.closing!.create(null, n.paragraph!.create(null, text('总之，成效明显。'))),
    n.signOff!.create(null, [n.organization!.create(null, text(organization)), n.date!.create(null, text(date))]),
  ])

/** Enter with the caret `offset` characters into the organisation: the sign-off after it, and the caret's line and offset. */
function enterAt(doc: Node, offset: number) {
  let pos = -1
  doc.descendants((node, p) => {
    if (node.type === n.organization) pos = p + 1 + offset
  })
  let out: Transaction | null = null
  const handled = enterInOrganization(EditorState.create({ doc, selection: TextSelection.create(doc, pos) }), (tr) => (out = tr))
  const after = out ? (out as Transaction) : null
  return { handled, signOff: after && toSummary(after.doc).signOff, caret: after && [after.selection.$head.parent.type.name, after.selection.$head.parentOffset] }
}

describe('Enter in the sign-off', () => {
  it('at the end of the organisation goes on to the date', () => {
    expect(enterAt(signed('某县民政局', ''), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '' }, caret: ['date', 0] })
    expect(enterAt(signed('某县民政局', '2024年7月10日'), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: ['date', 0] })
  })

  it('inside the organisation moves what follows to the empty date, as Word splits a line; with a date there it does nothing', () => {
    expect(enterAt(signed('某县民政局2024年7月12日', ''), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '2024年7月12日' }, caret: ['date', 0] })
    expect(enterAt(signed('某县民政局', '2024年7月10日'), 2)).toEqual({ handled: true, signOff: null, caret: null })
  })
})

describe('undo and redo keys', () => {
  /** A view with the editor's keys and history over a summary whose closing reads `closing`. */
  function viewOf(closing: string) {
    const doc = signed('某县民政局', '2024年7月10日')
    const view = new EditorView(document.createElement('div'), { state: EditorState.create({ doc, plugins: [history(), ...keys()] }) })
    let pos = -1
    view.state.doc.descendants((node, p) => {
      if (node.type === n.closing) pos = p + node.nodeSize - 2
    })
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).insertText(closing.slice('总之，成效明显。'.length)))
    return view
  }
  /** Presses `key` (as the browser names it, with Ctrl) on the view; whether the editor took it. */
  const press = (view: EditorView, key: string, shift: boolean) =>
    view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey: shift, keyCode: 90 } as KeyboardEventInit)))
  const closingOf = (view: EditorView) => toText(view.state.doc).split('\n').find((line) => line.startsWith('总之')) ?? ''

  it('Ctrl-Shift-Z with nothing to redo does not undo, with Caps Lock on (lowercase z) or off', () => {
    for (const key of ['z', 'Z']) {
      const view = viewOf('总之，成效明显。下半年再接再厉。')
      expect(press(view, key, true), key).toBe(true)
      expect(closingOf(view), key).toBe('总之，成效明显。下半年再接再厉。')
      view.destroy()
    }
  })

  it('Ctrl-Z undoes and Ctrl-Shift-Z redoes, with Caps Lock on or off', () => {
    for (const [undoKey, redoKey] of [['z', 'Z'], ['Z', 'z']]) {
      const view = viewOf('总之，成效明显。下半年再接再厉。')
      press(view, undoKey!, false)
      expect(closingOf(view)).toBe('总之，成效明显。')
      press(view, redoKey!, true)
      expect(closingOf(view)).toBe('总之，成效明显。下半年再接再厉。')
      view.destroy()
    }
  })
})
