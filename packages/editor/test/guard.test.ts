import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { Fragment, Slice } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { guard, safeDeleteSelection, deletionWorks } from '../src/plugins/guard.ts'

describe('guard: every document stays valid', () => {
  it('deletes a selection from the opening into a heading, where ProseMirror cannot, block by block', () => {
    const doc = importText('工作总结\n开头一句。\n一、标题甲\n正文。').doc
    let from = -1
    let to = -1
    doc.descendants((n, p) => {
      if (n.textContent === '开头一句。' && n.isTextblock) from = p + 3
      if (n.type.name === 'heading') to = p + 3
    })
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to), plugins: [guard()] })
    expect(() => state.tr.deleteSelection()).toThrow()
    expect(deletionWorks(state)).toBe(false)
    const next = state.apply(safeDeleteSelection(state))
    next.doc.check()
    expect(toText(next.doc).split('\n').filter(Boolean)).toEqual(['工作总结', '开头', '一、甲', '正文。'])
    expect(next.selection.from).toBe(from)
  })

  it('drops a transaction whose document the schema rejects', () => {
    const doc = importText('ab\n\n').doc
    const state = EditorState.create({ doc: schema.nodes.doc!.create(null, [doc.child(0), schema.nodes.preamble!.create(), schema.nodes.closing!.create(null, schema.nodes.paragraph!.create(null, schema.text('cd')))]), plugins: [guard()] })
    // ProseMirror fits this slice into a work-item list with no first item.
    const slice = Slice.fromJSON(schema, {
      content: [
        { type: 'workItems', attrs: { layout: 'joined' }, content: [{ type: 'workItem', content: [{ type: 'text', text: 'y' }] }, { type: 'workNote', content: [{ type: 'text', text: 'n' }] }] },
        { type: 'section2', attrs: { runIn: true } },
      ],
      openStart: 2,
      openEnd: 1,
    })
    const tr = state.tr.replace(2, state.doc.content.size - 2, slice)
    expect(() => tr.doc.check()).toThrow()
    const after = state.applyTransaction(tr)
    expect(after.transactions).toHaveLength(0)
    expect(after.state.doc.eq(state.doc)).toBe(true)
  })

  it("lets a co-edited document's own state through, out of the schema as a merge can leave it until the server repairs it", () => {
    const doc = importText('工作总结\n开头。\n一、主要工作\n正文。\n（一）甲\n甲文。').doc
    const state = EditorState.create({ doc, plugins: [guard()] })
    // Another writer's 1. under the same section, merged beside the （一）: two kinds of subsection.
    const n = schema.nodes
    let index = -1
    doc.forEach((node, _pos, i) => {
      if (node.type.name === 'section1') index = i
    })
    const section = doc.child(index)
    const mixed = section.copy(section.content.append(Fragment.from(n.section3!.create(null, [n.heading!.create(null, schema.text('乙'))]))))
    const merged = doc.copy(doc.content.replaceChild(index, mixed))
    expect(() => merged.check()).toThrow()
    const remote = state.tr.replaceWith(0, state.doc.content.size, merged.content).setMeta('y-sync$', { isChangeOrigin: true })
    const after = state.applyTransaction(remote)
    expect(after.transactions).toHaveLength(1)
    expect(after.state.doc.eq(merged)).toBe(true)
    // The writer's own change to the same effect is still dropped.
    const own = state.tr.replaceWith(0, state.doc.content.size, merged.content)
    expect(state.applyTransaction(own).transactions).toHaveLength(0)
  })
})
