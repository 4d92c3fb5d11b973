// @vitest-environment happy-dom
/**
 * Fill mode's Tab and Shift-Tab (填写模式): Tab goes on to what is left to fill, passing the fields
 * filled already; Shift-Tab goes back field by field, filled or not, as in a form, so that a
 * number just filled and passed is put right without the mouse; the field reached opens with its
 * value selected, as a form's control reached by the keyboard.
 */
import { describe, it, expect, afterEach } from 'vitest'
import { EditorState, NodeSelection, TextSelection, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { schema } from '@zongjie/model'
import { nextFillTarget, previousFillTarget } from '../src/plugins/fill-mode.ts'
import { fields } from '../src/plugins/fields.ts'

const n = schema.nodes
const metric = (value: number | null) => n.metric!.create({ value, unit: '名' })

/** 培训X名，其中女性12名，党员X名。: the first and last metrics to fill, the middle one filled. */
const doc = n.doc!.create(null, [
  n.title!.create(null, schema.text('某局工作总结')),
  n.preamble!.create(null, n.paragraph!.create(null, [schema.text('培训'), metric(null), schema.text('，其中女性'), metric(12), schema.text('，党员'), metric(null), schema.text('。')])),
  n.closing!.create(),
])

/** The metrics' positions, in order. */
const metrics: number[] = []
doc.descendants((node, pos) => {
  if (node.type === n.metric) metrics.push(pos)
})

/** The field selected after `key` from the field at `from` (or the caret at the title's start): its index among the metrics, or `null` when the key leaves the editor. */
function after(key: Command, from: number | null): number | null {
  const selection = from === null ? TextSelection.create(doc, 1) : NodeSelection.create(doc, metrics[from]!)
  let to: number | null = null
  const handled = key(EditorState.create({ doc, selection }), (tr) => (to = tr.selection.from))
  return handled ? metrics.indexOf(to!) : null
}

describe('fill mode: Tab and Shift-Tab', () => {
  it('Tab goes on to the next field to fill, passing a filled one; after the last, out of the editor', () => {
    expect(after(nextFillTarget, null)).toBe(0)
    expect(after(nextFillTarget, 0)).toBe(2)
    expect(after(nextFillTarget, 2)).toBeNull()
  })

  it('Shift-Tab goes back to the previous field, the filled one too, as in a form; before the first, out of the editor', () => {
    expect(after(previousFillTarget, 2)).toBe(1)
    expect(after(previousFillTarget, 1)).toBe(0)
    expect(after(previousFillTarget, 0)).toBeNull()
  })
})

const views: EditorView[] = []
afterEach(() => {
  for (const view of views.splice(0)) {
    view.destroy()
    view.dom.remove()
  }
})

/** The open field's input after `key` from the field at `from`, in a view on the page: its value and what of it is selected. */
function openedBy(key: Command, from: number) {
  const place = document.createElement('div')
  document.body.append(place)
  const view = new EditorView(place, { state: EditorState.create({ doc, selection: NodeSelection.create(doc, metrics[from]!), plugins: [fields()] }) })
  views.push(view)
  key(view.state, view.dispatch, view)
  const input = view.dom.querySelector<HTMLInputElement>('input.zj-field-input')
  return input && { value: input.value, selected: input.value.slice(input.selectionStart!, input.selectionEnd!), focused: document.activeElement === input }
}

describe('fill mode: the field Tab or Shift-Tab reaches', () => {
  it('opens with its value selected, so that what is typed replaces it (Shift-Tab back to 12名: 12 selected)', () => {
    expect(openedBy(previousFillTarget, 2)).toEqual({ value: '12', selected: '12', focused: true })
  })

  it('opens empty when unfilled, ready for the number', () => {
    expect(openedBy(nextFillTarget, 0)).toEqual({ value: '', selected: '', focused: true })
  })
})
