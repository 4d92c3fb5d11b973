import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { Fragment, Slice } from 'prosemirror-model'
import { history, undo } from 'prosemirror-history'
import { importText, schema, toText } from '@zongjie/model'
import { deletionKeepsParts as deletionWorks, deleteAcrossParts as safeDeleteSelection } from '@zongjie/commands'
import { guard, validDoc, changeFits } from '../src/plugins/guard.ts'

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

  it('deletes or types over a selection from the opening into the middle of a heading whose section has subsections: the rest of the heading stays its heading', () => {
    const doc = importText('工作总结\n开头一句。\n一、标题甲\n正文。\n（一）子标题\n子正文。').doc
    let from = -1
    let to = -1
    doc.descendants((n, p) => {
      if (n.textContent === '开头一句。' && n.isTextblock) from = p + 3
      if (n.textContent === '标题甲' && n.isTextblock) to = p + 3
    })
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to), plugins: [guard()] })
    for (const typed of ['', '新']) {
      const next = state.apply(typed ? state.tr.insertText(typed) : state.tr.deleteSelection())
      next.doc.check()
      expect(toText(next.doc).split('\n').filter(Boolean)).toEqual(['工作总结', `开头${typed}`, '一、甲', '正文。', '（一）子标题', '子正文。'])
      expect(next.selection.from).toBe(from + typed.length)
    }
  })

  it('deletes or types over a selection from the problems into the middle of the plans heading: the plans stay the plans, one undo step restores all', () => {
    const summary = '工作总结\n开头。\n一、主要工作\n正文。\n二、存在的问题\n基层力量不足。\n三、下一步工作打算\n一是继续做好救助；\n二是加强队伍建设。\n总之，继续努力。'
    const doc = importText(summary).doc
    let from = -1
    let to = -1
    doc.descendants((n, p) => {
      if (n.textContent === '基层力量不足。' && n.isTextblock) from = p + 3
      if (n.textContent === '下一步工作打算' && n.isTextblock) to = p + 4
    })
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to), plugins: [guard(), history()] })
    for (const typed of ['', '新']) {
      const next = state.apply(typed ? state.tr.insertText(typed) : state.tr.deleteSelection())
      next.doc.check()
      expect(toText(next.doc).split('\n').filter(Boolean)).toEqual(['工作总结', '开头。', '一、主要工作', '正文。', '二、存在的问题', `基层${typed}`, '三、工作打算', '一是继续做好救助；', '二是加强队伍建设。', '总之，继续努力。'])
      expect(next.selection.from).toBe(from + typed.length)
      let undone = next
      expect(undo(next, (tr) => (undone = next.apply(tr)))).toBe(true)
      expect(undone.doc.eq(doc)).toBe(true)
    }
  })

  // Before, the sections between were left with empty headings (一、 with no title or body), and
  // from the title the heading's rest became the title, its body the opening's.
  describe('a selection from the opening or the title into the middle of a later heading, deleted or typed over', () => {
    const summary = '工作总结\n现将工作总结如下：\n一、主要工作\n正文。\n（一）子标题\n子正文。\n二、社会事务\n办理婚姻登记。\n三、存在的问题\n基层力量不足。\n四、下半年工作计划\n持续做好救助。\n总之，继续努力。'
    const cases: [string, string, number, string, number, (typed: string) => string[]][] = [
      ['from the opening to the problems heading', '现将工作总结如下：', 2, '存在的问题', 2, (t) => ['工作总结', `现将${t}`, '一、的问题', '基层力量不足。', '二、下半年工作计划', '持续做好救助。', '总之，继续努力。']],
      ['from the opening to the plans heading', '现将工作总结如下：', 2, '下半年工作计划', 3, (t) => ['工作总结', `现将${t}`, '一、工作计划', '持续做好救助。', '总之，继续努力。']],
      ['from the opening to a section\'s heading', '现将工作总结如下：', 2, '社会事务', 2, (t) => ['工作总结', `现将${t}`, '一、事务', '办理婚姻登记。', '二、存在的问题', '基层力量不足。', '三、下半年工作计划', '持续做好救助。', '总之，继续努力。']],
      ['from the title to a section\'s heading', '工作总结', 2, '社会事务', 2, (t) => [`工作${t}`, '一、事务', '办理婚姻登记。', '二、存在的问题', '基层力量不足。', '三、下半年工作计划', '持续做好救助。', '总之，继续努力。']],
      ['from the title to the problems heading', '工作总结', 2, '存在的问题', 2, (t) => [`工作${t}`, '一、的问题', '基层力量不足。', '二、下半年工作计划', '持续做好救助。', '总之，继续努力。']],
    ]
    for (const [what, a, aOffset, b, bOffset, expected] of cases) {
      for (const typed of ['', '新']) {
        it(`${what}, ${typed ? 'typed over' : 'deleted'}: the sections between go, the one it ends in keeps its heading's rest, one undo step restores all`, () => {
          const doc = importText(summary).doc
          const at = (text: string, offset: number) => {
            let found = -1
            doc.descendants((n, p) => {
              if (found < 0 && n.isTextblock && n.textContent === text) found = p + 1 + offset
            })
            return found
          }
          const from = at(a, aOffset)
          const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, at(b, bOffset)), plugins: [guard(), history()] })
          expect(deletionWorks(state)).toBe(false)
          // As the editor does it: the guard deletes it across parts before the key or the text goes in.
          const deleted = safeDeleteSelection(state)
          const next = state.apply(typed ? deleted.insertText(typed) : deleted)
          next.doc.check()
          expect(toText(next.doc).split('\n').filter(Boolean)).toEqual(expected(typed))
          expect(next.selection.from).toBe(from + typed.length)
          let undone = next
          expect(undo(next, (tr) => (undone = next.apply(tr)))).toBe(true)
          expect(undone.doc.eq(doc)).toBe(true)
        })
      }
    }
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
    // The document as it last fitted the schema is the one before the merge.
    expect(validDoc(state)).toBe(state.doc)
    expect(validDoc(after.state)).toBe(state.doc)

    // Meanwhile the writer's structural change away from the merge goes through (the opening split in two); the document stays out of the schema.
    let inOpening = -1
    after.state.doc.descendants((node, pos) => {
      if (node.isText && node.text === '开头。') inOpening = pos + 1
    })
    const split = after.state.applyTransaction(after.state.tr.split(inOpening))
    expect(split.transactions).toHaveLength(1)
    expect(validDoc(split.state)).toBe(state.doc)
    // The repair (the 1. made a （二）) fits: the whole document is valid again.
    const repairedSection = split.state.doc.child(index)
    const last = repairedSection.child(repairedSection.childCount - 1)
    const repaired = split.state.doc.copy(split.state.doc.content.replaceChild(index, repairedSection.copy(repairedSection.content.replaceChild(repairedSection.childCount - 1, n.section2!.create(null, last.content)))))
    repaired.check()
    const repair = split.state.applyTransaction(split.state.tr.replaceWith(0, split.state.doc.content.size, repaired.content).setMeta('y-sync$', { isChangeOrigin: true }))
    expect(validDoc(repair.state)).toBe(repair.state.doc)
  })

  it('judges a change by what it changed: the nodes it touched whole, the content around them', () => {
    const doc = importText('工作总结\n开头。\n一、主要工作\n正文。').doc
    let at = -1
    doc.descendants((node, pos) => {
      if (node.isText && node.text === '正文。') at = pos + 1
    })
    const state = EditorState.create({ doc })
    expect(changeFits(doc, state.tr.split(at).doc)).toBe(true)
    expect(changeFits(doc, doc)).toBe(true)
    // A paragraph holding a heading, inserted in the section: ProseMirror's replace does not look inside it.
    const broken = state.tr.insert(doc.resolve(at).after(), schema.nodes.paragraph!.create(null, schema.nodes.heading!.create(null, schema.text('标题')))).doc
    expect(changeFits(doc, broken)).toBe(false)
    // The document's attributes alone: checked on the whole document.
    expect(changeFits(doc, doc.type.create({ ...doc.attrs, year: 2024 }, doc.content))).toBe(true)
  })
})
