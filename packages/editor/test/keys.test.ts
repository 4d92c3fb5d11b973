/**
 * The sign-off's keys: Enter in its organisation goes on to its date, as from one line of a form to the next.
 */
import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { schema, toSummary } from '@zongjie/model'
import { enterInOrganization } from '../src/plugins/keys.ts'

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
