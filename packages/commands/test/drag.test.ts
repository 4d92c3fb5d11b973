import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { history, undo } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import { importText, toText } from '@zongjie/model'
import { copiedSlice, deleteSelectionTr, moveSelectionTr, pasteSliceTr } from '../src/index.ts'
import { positionIn } from './ranges.ts'

/** The position of a place written `[text of its textblock, offset]` (see `positionIn`). */
const place = (doc: Node, [text, offset]: readonly [string, number]) => positionIn(doc, text, offset)

const summary = [
  '示范县民政局2024年上半年工作总结',
  '现将上半年工作总结如下：',
  '一、主要工作',
  '全年发放救助资金。',
  '（一）兜牢民生底线',
  '发放低保金。',
  '二、社会事务',
  '办理婚姻登记。',
  '三、基层治理',
  '培训社区工作者。',
  '四、存在的问题',
  '基层力量不足。',
  '五、下半年工作计划',
  '持续做好社会救助。',
].join('\n')


/** The summary's lines after its title and opening line, as the writer reads them. */
const body = (doc: Node) => toText(doc).split('\n').filter(Boolean).slice(2)

/**
 * The selection from `from` to `to` dragged as the editor drags it (what a copy of it takes, see
 * `copiedSlice`) and dropped at `at`: the state after, with history, or null where it cannot go in.
 */
function drop(from: readonly [string, number], to: readonly [string, number], at: readonly [string, number]) {
  const doc = importText(summary).doc
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, place(doc, from), place(doc, to)), plugins: [history()] })
  const tr = moveSelectionTr(state, copiedSlice(state.selection).slice, place(doc, at))
  return { before: state, after: tr && state.apply(tr) }
}

/** `state` after one undo. */
function undone(state: EditorState): EditorState {
  let out = state
  undo(state, (tr) => (out = state.apply(tr)))
  return out
}

describe('a selection across blocks dragged and dropped', () => {
  it('before where it starts (upward), it moves there as it does after it, the text put in selected; one undo puts it back', () => {
    // The heading dragged whole (三、基层治理) stays a 一、 heading, what follows the drop in its section going with it, as a paste there does.
    const { before, after } = drop(['办理婚姻登记。', 2], ['培训社区工作者。', 2], ['全年发放救助资金。', -1])
    expect(body(after!.doc)).toEqual(['一、主要工作', '全年发放救助资金。婚姻登记。', '二、基层治理', '培训', '（一）兜牢民生底线', '发放低保金。', '三、社会事务', '办理社区工作者。', '四、存在的问题', '基层力量不足。', '五、下半年工作计划', '持续做好社会救助。'])
    expect(after!.doc.textBetween(after!.selection.from, after!.selection.to, '/')).toBe('婚姻登记。/基层治理/培训')
    expect(undone(after!).doc.eq(before.doc)).toBe(true)
  })

  // Before, ProseMirror's replace threw there and nothing moved.
  it('from the opening into a heading, dropped before it at the start of the opening: its text moves there, as lines (sections cannot stand in the opening); one undo puts it back', () => {
    const { before, after } = drop(['现将上半年工作总结如下：', 2], ['社会事务', -1], ['现将上半年工作总结如下：', 0])
    expect(toText(after!.doc).split('\n').filter(Boolean).slice(1, 8)).toEqual(['上半年工作总结如下：', '主要工作', '全年发放救助资金。', '兜牢民生底线', '发放低保金。', '社会事务现将', '办理婚姻登记。'])
    expect(undone(after!).doc.eq(before.doc)).toBe(true)
  })

  // Before, its heading stayed behind, empty (二、 with nothing after it), as Backspace leaves it.
  it('a section selected from its heading\'s start to its end leaves no empty section behind: the sections after it renumber; one undo puts it back', () => {
    const { before, after } = drop(['社会事务', 0], ['办理婚姻登记。', -1], ['全年发放救助资金。', -1])
    const lines = body(after!.doc)
    expect(lines.filter((l) => /^[一二三四五六]、/.test(l))).toEqual(['一、社会事务', '二、主要工作', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
    expect(lines).not.toContain('二、')
    expect(undone(after!).doc.eq(before.doc)).toBe(true)
  })

  it('in the title, which holds one line: nothing goes in (null), the caller leaving the text where it was', () => {
    expect(drop(['办理婚姻登记。', 2], ['培训社区工作者。', 2], ['示范县民政局2024年上半年工作总结', 3]).after).toBeNull()
  })
})

describe('a drop goes in as a paste of what was dragged goes in there', () => {
  /** The same selection deleted as Backspace deletes it, then what a copy of it takes pasted at `at`, a place after it. */
  function deletedThenPasted(from: readonly [string, number], to: readonly [string, number], at: readonly [string, number]) {
    const doc = importText(summary).doc
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, place(doc, from), place(doc, to)) })
    const { slice } = copiedSlice(state.selection)
    const tr = deleteSelectionTr(state)
    // After the selection, all is as it was: as far from the end as before.
    const deleted = EditorState.create({ doc: tr.doc, selection: TextSelection.create(tr.doc, tr.doc.content.size - (doc.content.size - place(doc, at))) })
    return pasteSliceTr(deleted, slice)!.doc
  }

  /** Lines without their numbers, and without the headings left empty. */
  const unnumbered = (lines: string[]) => lines.map((l) => l.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '')).filter(Boolean)

  for (const [what, from, to, at, expected] of [
    // A heading's start dragged with the line before it, into the plans' body: the heading a （一） of the plans, as pasted.
    ["part of the plans heading, dropped in the plans' body", ['基层力量不足。', 2], ['下半年工作计划', 3], ['持续做好社会救助。', -1], ['四、存在的问题', '基层', '五、工作计划', '持续做好社会救助。力量不足。', '（一）下半年']],
    // A section selected from its heading's start goes whole (what a copy takes): a subsection of the plans, not its title joined to their paragraph.
    ["a whole section, dropped in the plans' body", ['社会事务', 0], ['办理婚姻登记。', -1], ['持续做好社会救助。', -1], ['四、下半年工作计划', '持续做好社会救助。', '（一）社会事务', '办理婚姻登记。']],
    // At the start of the plans heading: before the plans section, in reading order, the plans keeping their heading.
    ['a whole section, dropped at the start of the plans heading', ['社会事务', 0], ['办理婚姻登记。', -1], ['下半年工作计划', 0], ['三、存在的问题', '基层力量不足。', '（一）社会事务', '办理婚姻登记。', '四、下半年工作计划', '持续做好社会救助。']],
  ] as const) {
    it(`${what}: as pasting it there does; one undo puts it back`, () => {
      const { before, after } = drop(from, to, at)
      const lines = body(after!.doc)
      expect(lines.slice(-expected.length)).toEqual(expected)
      // The same lines as pasted, but for the empty section a whole section cut leaves (and the numbers after it).
      expect(unnumbered(lines)).toEqual(unnumbered(body(deletedThenPasted(from, to, at))))
      expect(undone(after!).doc.eq(before.doc)).toBe(true)
    })
  }

  // Before, the second became a 1. under the first (（一）社会事务 / 办理婚姻登记。 / 1.基层治理).
  it("two whole sections, dropped in the plans' body: its （一） and （二）, as pasting them there does; one undo puts them back", () => {
    const { before, after } = drop(['社会事务', 0], ['培训社区工作者。', -1], ['持续做好社会救助。', -1])
    expect(body(after!.doc)).toEqual(['一、主要工作', '全年发放救助资金。', '（一）兜牢民生底线', '发放低保金。', '二、存在的问题', '基层力量不足。', '三、下半年工作计划', '持续做好社会救助。', '（一）社会事务', '办理婚姻登记。', '（二）基层治理', '培训社区工作者。'])
    expect(after!.doc.textBetween(after!.selection.from, after!.selection.to, '/')).toBe('社会事务/办理婚姻登记。/基层治理/培训社区工作者。')
    expect(undone(after!).doc.eq(before.doc)).toBe(true)
  })

  // Before, its first line became the heading's title and the title a line of the body (二、社区工作者。 / 存在社会事务).
  it('what cannot go in as its parts at the start of a heading goes in before that section, as lines, the heading keeping its title', () => {
    const { before, after } = drop(['培训社区工作者。', 2], ['存在的问题', 2], ['社会事务', 0])
    expect(body(after!.doc).slice(3, 8)).toEqual(['发放低保金。', '社区工作者。', '存在', '二、社会事务', '办理婚姻登记。'])
    expect(undone(after!).doc.eq(before.doc)).toBe(true)
  })
})
