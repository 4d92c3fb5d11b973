/**
 * Fill mode's Tab and Shift-Tab (填写模式): Tab goes on to what is left to fill, passing the fields
 * filled already; Shift-Tab goes back field by field, filled or not, as in a form, so that a
 * number just filled and passed is put right without the mouse.
 */
import { describe, it, expect } from 'vitest'
import { EditorState, NodeSelection, TextSelection, type Command } from 'prosemirror-state'
import { schema } from '@zongjie/model'
import { nextFillTarget, previousFillTarget } from '../src/plugins/fill-mode.ts'

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
