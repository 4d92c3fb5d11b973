import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { baseKeymap, chainCommands } from 'prosemirror-commands'
import type { Node } from 'prosemirror-model'
import { importText, isSection, toText } from '@zongjie/model'
import { backspaceAtBlockStart, backspaceAtHeadingStart, changedRanges, deleteAcrossParts, deleteAtBlockEnd, deleteSelectionTr, deletionKeepsParts, enterOverSelection, headlessSections, takeApartSectionsWith, exitEmptyWorkItem, joinEmptiedSection, joinHeading, joinSectionEmptiedBy, moveSelectionTr, splitHeading, returnJoinedClausesIn, settleRunInTitlesIn, sectionsSelectedWhole } from '../src/index.ts'
import { positionIn, rangeOf } from './ranges.ts'

const text = [
  '示范县民政局2024年上半年工作总结',
  '现将上半年工作总结如下：',
  '一、主要工作',
  '全年发放救助资金X万元。',
  '（一）兜底保障',
  '一是完善低保动态管理；',
  '二是用好临时救助。',
  '二、社会事务',
  '办理婚姻登记。',
  '三、存在的问题',
  '基层力量不足。',
  '四、下半年工作计划',
  '继续做好救助。',
  '总之，我们将继续努力。',
].join('\n')

// The editor's Backspace and Delete as its keys chain them (plugins/keys.ts), then ProseMirror's own.
const backspace = chainCommands(joinHeading, backspaceAtHeadingStart, backspaceAtBlockStart, baseKeymap.Backspace!)
const del = chainCommands(deleteAtBlockEnd, baseKeymap.Delete!)

/** The characters and fields of a document. */
function size(doc: Node): number {
  let n = 0
  doc.descendants((node) => {
    if (node.isText) n += node.text!.length
    else if (node.isInline) n++
    return true
  })
  return n
}

/** A state with the caret at the start or end of the first textblock whose text is `at`. */
function caretAt(at: string, side: 'start' | 'end'): EditorState {
  const doc = importText(text).doc
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent === at) pos = side === 'start' ? p + 1 : p + 1 + node.content.size
    return pos < 0
  })
  if (pos < 0) throw new Error(`no textblock "${at}"`)
  const state = EditorState.create({ doc })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

/** Presses a key `times` times, as the editor would (a transaction the schema refuses changes nothing); returns each state after. */
function press(state: EditorState, key: Command, times: number): EditorState[] {
  const states: EditorState[] = []
  for (let i = 0; i < times; i++) {
    key(state, (tr: Transaction) => {
      try {
        tr.doc.check()
        state = state.apply(tr)
      } catch {
        // The editor's guard drops a transaction whose document the schema rejects.
      }
    })
    states.push(state)
  }
  return states
}

describe('Backspace and Delete at the edges of parts never take a part whole', () => {
  for (const [what, at, side, key] of [
    ['Backspace at the start of the closing', '总之，我们将继续努力。', 'start', backspace],
    ['Backspace at the start of the problems heading', '存在的问题', 'start', backspace],
    ['Backspace at the start of the first work item', '完善低保动态管理；', 'start', backspace],
    ['Delete at the end of the opening', '现将上半年工作总结如下：', 'end', del],
    ['Delete at the end of a section before the next', '办理婚姻登记。', 'end', del],
    ['Delete at the end of the plans section', '继续做好救助。', 'end', del],
  ] as const) {
    it(`${what}: each press takes at most one character, held for 12 presses`, () => {
      let state = caretAt(at, side)
      for (const next of press(state, key, 12)) {
        expect(size(state.doc) - size(next.doc), toText(next.doc)).toBeLessThanOrEqual(1)
        expect(next.selection.empty).toBe(true)
        state = next
      }
    })
  }
  it('Backspace at the start of the closing joins it to the last paragraph before, as in Word', () => {
    const [after] = press(caretAt('总之，我们将继续努力。', 'start'), backspace, 1)
    expect(toText(after!.doc)).toContain('继续做好救助。总之，我们将继续努力。')
  })
  it('Backspace at the start of the problems heading goes to the end of the part before, the sections unchanged', () => {
    const state = caretAt('存在的问题', 'start')
    const [after] = press(state, backspace, 1)
    expect(after!.doc.eq(state.doc)).toBe(true)
    expect(after!.selection.$from.parent.textContent).toBe('办理婚姻登记。')
    expect(after!.selection.$from.parentOffset).toBe('办理婚姻登记。'.length)
  })
  it('Delete at the end of the opening goes to the start of the first heading, the sections unchanged', () => {
    const state = caretAt('现将上半年工作总结如下：', 'end')
    const [after] = press(state, del, 1)
    expect(after!.doc.eq(state.doc)).toBe(true)
    expect(after!.selection.$from.parent.textContent).toBe('主要工作')
  })
})

/** The non-empty lines of a summary's text. */
const lines = (t: string) => t.split('\n').filter(Boolean)


/** A state of `summary` with the selection from `from` to `to`, each a textblock's text and an offset into it. */
function selected(summary: string, from: [string, number], to: [string, number]): EditorState {
  const doc = importText(summary).doc
  return EditorState.create({ doc, selection: TextSelection.create(doc, positionIn(doc, ...from), positionIn(doc, ...to)) })
}

/** The caret's textblock: its type, its text before the caret, and its text after. */
function caret(state: EditorState) {
  const { $head } = state.selection
  return [$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset), $head.parent.textContent.slice($head.parentOffset)]
}

describe('a selection from the opening into the middle of the first heading, whose section has subsections', () => {
  /**
   * The selection deleted, or typed over with `typed`, as the editor does it: ProseMirror's
   * deletion, then the section whose heading it emptied put right (`joinEmptiedSection`, as the
   * editor's guard applies it).
   */
  function deleteSelection(state: EditorState, typed = ''): EditorState {
    let after = state.apply(typed ? state.tr.insertText(typed) : state.tr.deleteSelection())
    let emptied = -1
    after.doc.descendants((node, pos) => {
      if (emptied < 0 && isSection(node) && !node.firstChild!.content.size) emptied = pos
      return emptied < 0
    })
    const putRight = emptied < 0 ? null : joinEmptiedSection(after, emptied)
    if (putRight) after = after.apply(putRight)
    after.doc.check()
    return after
  }
  const from: [string, number] = ['现将上半年工作总结如下：', 5]
  const to: [string, number] = ['主要工作', 2]

  for (const typed of ['', '新']) {
    it(`${typed ? 'typed over' : 'deleted'}: the rest of the heading stays the heading, the opening keeps its text, the section its body and subsections`, () => {
      const after = deleteSelection(selected(text, from, to), typed)
      expect(lines(toText(after.doc)).slice(0, 5)).toEqual(['示范县民政局2024年上半年工作总结', `现将上半年${typed}`, '一、工作', '全年发放救助资金X万元。', '（一）兜底保障'])
      expect(caret(after)).toEqual(['paragraph', `现将上半年${typed}`, ''])
    })
  }
})

describe('Enter over a selection from the opening into the middle of the first heading, whose section has subsections', () => {
  it('the heading keeps the rest of its text, on its own line, the caret at its start: no empty line between', () => {
    const state = selected(text, ['现将上半年工作总结如下：', 5], ['主要工作', 2])
    const [after] = press(state, enterOverSelection(chainCommands(splitHeading, baseKeymap.Enter!)), 1)
    expect(lines(toText(after!.doc)).slice(0, 4)).toEqual(['示范县民政局2024年上半年工作总结', '现将上半年', '一、工作', '全年发放救助资金X万元。'])
    expect(caret(after!)).toEqual(['heading', '', '工作'])
  })
})

describe('Enter over a selection across blocks', () => {
  // Enter at a caret, as far as the commands go: in a heading, then ProseMirror's own.
  const enter = enterOverSelection(chainCommands(splitHeading, baseKeymap.Enter!))
  const subsections = ['工作总结', '开头。', '一、主要工作', '（一）兜底保障', '发放低保金。', '（二）养老服务', '建设养老服务站。', '（三）社会事务', '办理婚姻登记。', '二、基层治理'].join('\n')

  it('from the start of （二） to the start of （三）: （二） and its body go, （三） becomes （二）, an empty line opens above it', () => {
    const state = selected(subsections, ['养老服务', 0], ['社会事务', 0])
    const [after] = press(state, enter, 1)
    expect(lines(toText(after!.doc))).toEqual(['工作总结', '开头。', '一、主要工作', '（一）兜底保障', '发放低保金。', '（二）社会事务', '办理婚姻登记。', '二、基层治理'])
    // No empty section left: every heading has its text; the empty line is the last of （一）'s body.
    after!.doc.descendants((node) => {
      if (node.type.name === 'heading') expect(node.content.size).toBeGreaterThan(0)
      return true
    })
    const $head = after!.selection.$head
    expect(caret(after!)).toEqual(['heading', '', '社会事务'])
    const before = after!.doc.resolve($head.before($head.depth - 1)).nodeBefore!
    expect([before.type.name, before.lastChild!.type.name, before.lastChild!.content.size]).toEqual(['section2', 'paragraph', 0])
  })
})

describe('a selection into the middle of the problems or plans heading, deleted or typed over, keeps that part', () => {
  const summary = [
    '示范县民政局2024年上半年工作总结',
    '现将上半年工作总结如下：',
    '一、主要工作',
    '全年发放救助资金。',
    '二、存在的问题',
    '一是基层力量不足；',
    '二是经费保障不够。',
    '三、下一步工作打算',
    '一是继续做好救助；',
    '二是加强队伍建设。',
    '总之，我们将继续努力。',
    '示范县民政局',
    '2024年7月10日',
  ].join('\n')

  /**
   * The selection deleted, or typed over with `typed`, as the editor does it: ProseMirror's
   * deletion, then what it merged or emptied put right, as the editor's guard puts it right.
   */
  function deleteSelection(state: EditorState, typed = ''): EditorState {
    const tr = typed ? state.tr.insertText(typed) : state.tr.deleteSelection()
    let after = state.apply(tr)
    const putRight = joinSectionEmptiedBy(state.selection, after, tr.mapping)
    if (putRight) after = after.apply(putRight)
    after.doc.check()
    return after
  }

  for (const typed of ['', '新']) {
    const done = typed ? `typed over with "${typed}"` : 'deleted'
    it(`from the middle of the problems' last item to the middle of the plans heading, ${done}: the plans keep the heading's rest and their items`, () => {
      const after = deleteSelection(selected(summary, ['经费保障不够。', 2], ['下一步工作打算', 3]), typed)
      expect(lines(toText(after.doc)).slice(4)).toEqual(['二、存在的问题', '一是基层力量不足；', `二是经费${typed}`, '三、工作打算', '一是继续做好救助；', '二是加强队伍建设。', '总之，我们将继续努力。', '示范县民政局', '2024年7月10日'])
      expect(caret(after)).toEqual(['workItem', `经费${typed}`, ''])
    })

    it(`from the middle of a section's heading to the middle of the problems heading, ${done}: the problems keep the heading's rest and their items`, () => {
      const after = deleteSelection(selected(summary, ['主要工作', 2], ['存在的问题', 2]), typed)
      expect(lines(toText(after.doc)).slice(2, 6)).toEqual([`一、主要${typed}`, '二、的问题', '一是基层力量不足；', '二是经费保障不够。'])
      expect(caret(after)).toEqual(['heading', `主要${typed}`, ''])
    })
  }

  it('from the problems to the end of the plans heading: the plans section stays, with an empty heading, as a problems or plans heading emptied otherwise does', () => {
    const after = deleteSelection(selected(summary, ['经费保障不够。', 2], ['下一步工作打算', 7]))
    const plans = after.doc.child(after.doc.childCount - 3)
    expect([plans.type.name, plans.firstChild!.textContent, plans.lastChild!.textContent]).toEqual(['plans', '', '继续做好救助；加强队伍建设。'])
    expect(lines(toText(after.doc)).slice(6, 9)).toEqual(['二是经费', '三、', '一是继续做好救助；'])
  })

  it('from the problems\' body into the plans heading, whose section has subsections: the plans keep their body and subsections', () => {
    const nested = summary.replace('一是继续做好救助；\n二是加强队伍建设。', '计划总述。\n（一）继续救助\n做好救助。')
    const after = deleteSelection(selected(nested, ['经费保障不够。', 2], ['下一步工作打算', 3]))
    expect(lines(toText(after.doc)).slice(4, 10)).toEqual(['二、存在的问题', '一是基层力量不足；', '二是经费', '三、工作打算', '计划总述。', '（一）继续救助'])
  })

  // Before, ProseMirror's move deleted it as it deletes it, merging the plans into the problems,
  // and what was dropped in the plans' body made a plans section of its own, titled 下半年.
  for (const [where, at, expected] of [
    ["in the plans' body", '继续做好救助；', ['二、存在的问题', '一是基层力量不足；', '二是经费', '三、工作打算', '一是继续做好救助；保障不够。', '下一步', '一是加强队伍建设。']],
    ['in the closing', '总之，我们将继续努力。', ['二、存在的问题', '一是基层力量不足；', '二是经费', '三、工作打算', '一是继续做好救助；', '二是加强队伍建设。', '总之，我们将继续努力。保障不够。', '下一步']],
  ] as const) {
    it(`dragged away and dropped ${where}: the plans keep the heading's rest and their items, what was dragged goes in where it is dropped (as lines of text where its parts cannot)`, () => {
      const state = selected(summary, ['经费保障不够。', 2], ['下一步工作打算', 3])
      const tr = moveSelectionTr(state, state.selection.content(), positionIn(state.doc, at, at.length))!
      tr.doc.check()
      expect(lines(toText(tr.doc)).slice(4, 4 + expected.length)).toEqual(expected)
    })
  }

  it('Enter over it: the plans heading keeps its rest, on its own line, the caret at its start', () => {
    const enter = enterOverSelection(chainCommands(splitHeading, baseKeymap.Enter!))
    const [after] = press(selected(summary, ['经费保障不够。', 2], ['下一步工作打算', 3]), enter, 1)
    expect(lines(toText(after!.doc)).slice(6, 9)).toEqual(['二是经费', '三、工作打算', '一是继续做好救助；'])
    expect(caret(after!)).toEqual(['heading', '', '工作打算'])
  })
})

/**
 * The title of the first section in `state` that `isIt` picks, and the textblocks of its body (a
 * work item or a paragraph, as `type:text`), its subsections' too.
 */
function sectionTitleAndBody(state: EditorState, isIt: (node: Node) => boolean) {
  let section: Node | null = null
  state.doc.descendants((node) => {
    section ??= isIt(node) ? node : null
    return !section
  })
  const body: string[] = []
  section!.descendants((node) => {
    if (node.isTextblock && node !== section!.firstChild) body.push(`${node.type.name}:${node.textContent}`)
    return !node.isTextblock
  })
  return { title: section!.firstChild!.textContent, body }
}

/**
 * `summary` after selecting from the end of `from` (in a run-in title) to the end of `to` (in its
 * body) and typing `typed` (deleting, when empty), settled as the editor settles an edit
 * (`plugins/run-in-titles.ts`): the clauses joined to the title back to the body, then the stops
 * left in the title.
 */
function settledTypingOver(summary: string, from: string, to: string, typed: string): EditorState {
  const doc = importText(summary).doc
  let state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, from).to, rangeOf(doc, to).to) })
  const tr = typed ? state.tr.insertText(typed) : state.tr.deleteSelection()
  state = state.apply(tr)
  const settle = state.tr
  returnJoinedClausesIn(settle, [tr])
  settleRunInTitlesIn(
    settle,
    changedRanges([tr]).map(([start, end]) => [settle.mapping.map(start, -1), settle.mapping.map(end, 1)]),
  )
  state = state.apply(settle)
  state.doc.check()
  return state
}

describe('a selection from a run-in title into its first work item, typed over', () => {
  const summary = ['某县民政局2024年工作总结', '开头。', '一、主要工作', '（一）提升养老服务。一是建设养老甲站点；二是改造X户。', '（二）兜底保障', '做好救助。', '二、下半年工作计划', '继续做好救助。'].join('\n')

  /** The summary after selecting from the end of `from` (in the title) to the end of `to` (in the first item) and typing `typed`, settled as the editor settles an edit. */
  function typeOver(from: string, to: string, typed: string, text = summary) {
    const state = settledTypingOver(text, from, to, typed)
    const { $head } = state.selection
    return { lines: toText(state.doc).split('\n').filter(Boolean), caret: [$head.parent.type.name, $head.parent.textBetween(0, $head.parentOffset)] }
  }

  it('the title keeps what the writer typed; the rest of the item, a clause, goes back to the list as its first item', () => {
    expect(typeOver('提升养老', '建设养老', '、')).toEqual({
      lines: ['某县民政局2024年工作总结', '开头。', '一、主要工作', '（一）提升养老、。一是甲站点；二是改造X户。', '（二）兜底保障', '做好救助。', '二、下半年工作计划', '继续做好救助。'],
      caret: ['heading', '提升养老、'],
    })
    expect(typeOver('提升养老', '建设养老', '和')).toMatchObject({ lines: expect.arrayContaining(['（一）提升养老和。一是甲站点；二是改造X户。']), caret: ['heading', '提升养老和'] })
  })

  it('deleted over, or with the list gone, the rest goes back as a paragraph of the body', () => {
    expect(typeOver('提升养老', '建设养老', '').lines).toContain('（一）提升养老。一是甲站点；二是改造X户。')
    const single = summary.replace('一是建设养老甲站点；二是改造X户。', '一是建设养老甲站点，')
    const r = typeOver('提升养老', '建设养老', '服务')
    expect(r.lines).toContain('（一）提升养老服务。一是甲站点；二是改造X户。')
    const alone = typeOver('提升养老', '建设养老', '服务', single.replace('一是建设养老甲站点，', '建设养老甲站点，'))
    expect(alone.lines).toContain('（一）提升养老服务。甲站点，')
  })

  it('a clause typed at the end of a title stays there', () => {
    const doc = importText(summary).doc
    const at = rangeOf(doc, '提升养老服务').to
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, at) })
    const tr = state.tr.insertText('，')
    expect(returnJoinedClausesIn(state.apply(tr).tr, [tr])).toBe(false)
  })
})

describe('a selection from a run-in title into its first work item written 小标题。内容；', () => {
  // As the demo's sample writes its items: a short title ending in 。, then its content.
  const summary = ['某县民政局2024年工作总结', '开头。', '一、主要工作', '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核，新纳入低保X户；二是用好临时救助。实施临时救助X人次。', '（二）兜底保障', '做好救助。'].join('\n')
  const untouched = ['某县民政局2024年工作总结', '开头。', '一、主要工作']
  const after = ['（二）兜底保障', '做好救助。']

  /** The run-in section's title, and the blocks of its body, in `state`. */
  const runInSection = (state: EditorState) => sectionTitleAndBody(state, (node) => node.attrs.runIn === true)

  for (const [how, typed] of [
    ['typed over', '和'],
    ['deleted', ''],
    ['typed over with a stop', '。'],
  ] as const) {
    it(`${how}: what was typed ends the title, the rest of the item stays the first work item, no text lost`, () => {
      const state = settledTypingOver(summary, '兜牢基本', '完善低保', typed)
      const title = `兜牢基本${typed === '。' ? '' : typed}`
      expect(lines(toText(state.doc))).toEqual([...untouched, `（一）${title}。一是动态管理。全面开展年度复核，新纳入低保X户；二是用好临时救助。实施临时救助X人次。`, ...after])
      expect(runInSection(state)).toEqual({ title, body: ['workItem:动态管理。全面开展年度复核，新纳入低保；', 'workItem:用好临时救助。实施临时救助。'] })
      expect(caret(state)).toEqual(['heading', title, ''])
    })
  }

  it('Enter over it: the title keeps its text up to the selection, the rest of the item stays a work item, the caret at its start', () => {
    const doc = importText(summary).doc
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, '兜牢基本').to, rangeOf(doc, '完善低保').to) })
    // Enter after the deletion, as the editor's keys chain it (plugins/keys.ts), as far as the commands go.
    const [entered] = press(state, enterOverSelection(chainCommands(exitEmptyWorkItem, splitHeading, baseKeymap.Enter!)), 1)
    expect(lines(toText(entered!.doc))).toEqual([...untouched, '（一）兜牢基本。一是动态管理。全面开展年度复核，新纳入低保X户；二是用好临时救助。实施临时救助X人次。', ...after])
    expect(runInSection(entered!)).toEqual({ title: '兜牢基本', body: ['workItem:动态管理。全面开展年度复核，新纳入低保；', 'workItem:用好临时救助。实施临时救助。'] })
    expect(caret(entered!)).toEqual(['workItem', '', '动态管理。全面开展年度复核，新纳入低保；'])
  })
})

describe('a selection from a section title into a work item whose rest ends in 。, or into the list’s last item', () => {
  const untouched = ['某县民政局2024年工作总结', '开头。', '一、主要工作']
  const after = ['（二）兜底保障', '做好救助。']
  const summaryOf = (...section: string[]) => [...untouched, ...section, ...after].join('\n')
  // The list's only item, ending in 。, on the title's line.
  const single = summaryOf('（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核。')
  // Items written one a line, each ending in 。.
  const perLine = summaryOf('（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核。', '二是用好临时救助。实施临时救助X人次。')
  // Items joined on the title's line, the last ending in 。.
  const joined = summaryOf('（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核；二是用好临时救助。实施临时救助X人次。')
  // The title on a line of its own, an item a line.
  const ownLine = summaryOf('（一）兜牢基本民生底线', '一是完善低保动态管理。全面开展年度复核；', '二是用好临时救助。实施临时救助X人次。')

  /** The first `（一）` section's title, and the blocks of its body, in `state`. */
  const firstSubsection = (state: EditorState) => sectionTitleAndBody(state, (node) => node.type.name === 'section2')

  for (const [how, typed] of [
    ['typed over', '和'],
    ['deleted', ''],
    ['typed over with a stop', '。'],
  ] as const) {
    const title = `兜牢基本${typed === '。' ? '' : typed}`
    it(`the only item, ${how}: what was typed ends the title, the rest stays a work item, no text lost`, () => {
      const state = settledTypingOver(single, '兜牢基本', '完善低保', typed)
      expect(lines(toText(state.doc))).toEqual([...untouched, `（一）${title}。一是动态管理。全面开展年度复核。`, ...after])
      expect(firstSubsection(state)).toEqual({ title, body: ['workItem:动态管理。全面开展年度复核。'] })
      expect(caret(state)).toEqual(['heading', title, ''])
    })

    it(`the first of items written one a line, ${how}: the rest stays the first work item, the second item on its line`, () => {
      const state = settledTypingOver(perLine, '兜牢基本', '完善低保', typed)
      expect(lines(toText(state.doc))).toEqual([...untouched, `（一）${title}。一是动态管理。全面开展年度复核。`, '二是用好临时救助。实施临时救助X人次。', ...after])
      expect(firstSubsection(state)).toEqual({ title, body: ['workItem:动态管理。全面开展年度复核。', 'workItem:用好临时救助。实施临时救助。'] })
      expect(caret(state)).toEqual(['heading', title, ''])
    })

    it(`into the last item, past the first, ${how}: the rest stays a work item, still on the title's line`, () => {
      const state = settledTypingOver(joined, '兜牢基本', '用好临时', typed)
      expect(lines(toText(state.doc))).toEqual([...untouched, `（一）${title}。一是救助。实施临时救助X人次。`, ...after])
      expect(firstSubsection(state)).toEqual({ title, body: ['workItem:救助。实施临时救助。'] })
      expect(caret(state)).toEqual(['heading', title, ''])
    })
  }

  it('the rest of a paragraph ending in 。 reads as the title’s sentence, as the line prints it', () => {
    const state = settledTypingOver(summaryOf('（一）兜底保障。做好救助。加强管理。'), '兜底', '做好', 'X')
    expect(lines(toText(state.doc))).toEqual([...untouched, '（一）兜底X救助。加强管理。', ...after])
    expect(firstSubsection(state)).toEqual({ title: '兜底X救助', body: ['paragraph:加强管理。'] })
  })

  // Enter after the deletion, as the editor's keys chain it (plugins/keys.ts), as far as the commands go.
  const enter = enterOverSelection(chainCommands(exitEmptyWorkItem, splitHeading, baseKeymap.Enter!))

  for (const [what, summary, to, line, items] of [
    ['from a run-in title into the last item', joined, '用好临时', ['（一）兜牢基本。一是救助。实施临时救助X人次。'], ['救助。实施临时救助。']],
    ['from a run-in title into its only item, ending in 。', single, '完善低保', ['（一）兜牢基本。一是动态管理。全面开展年度复核。'], ['动态管理。全面开展年度复核。']],
    ['from a title on its own line into its first item', ownLine, '完善低保', ['（一）兜牢基本', '一是动态管理。全面开展年度复核；', '二是用好临时救助。实施临时救助X人次。'], ['动态管理。全面开展年度复核；', '用好临时救助。实施临时救助。']],
    ['from a title on its own line into the last item', ownLine, '用好临时', ['（一）兜牢基本', '一是救助。实施临时救助X人次。'], ['救助。实施临时救助。']],
  ] as const) {
    it(`Enter over a selection ${what}: the title keeps its text up to the selection, the rest stays a work item, the caret at its start`, () => {
      const doc = importText(summary).doc
      const state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, '兜牢基本').to, rangeOf(doc, to).to) })
      const [entered] = press(state, enter, 1)
      expect(lines(toText(entered!.doc))).toEqual([...untouched, ...line, ...after])
      expect(firstSubsection(entered!)).toEqual({ title: '兜牢基本', body: items.map((item) => `workItem:${item}`) })
      expect(caret(entered!)).toEqual(['workItem', '', items[0]])
    })
  }
})

describe('a selection taking a section’s heading whole, ending inside the section (随标题而去)', () => {
  // As the editor has it once the writer has focused it.
  takeApartSectionsWith(headlessSections)
  const nested = ['工作总结', '开头一句。', '一、主要工作', '全年发放救助资金。', '（一）兜底保障', '一是完善低保动态管理；', '二是用好临时救助。', '（二）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'].join('\n')
  const runIn = ['工作总结', '开头一句。', '一、主要工作', '（一）加强队伍建设。一是完善低保动态管理；二是用好临时救助。', '（二）兜底保障', '做好救助。'].join('\n')
  const enter = enterOverSelection(chainCommands(exitEmptyWorkItem, splitHeading, baseKeymap.Enter!))

  /** `summary` with the selection from `from` to `to` (a text and an offset into the textblock holding it) deleted as Backspace deletes it, typed over with `typed`, or taken by Enter. */
  function edit(summary: string, from: [string, number], to: [string, number], how: 'deleted' | 'Enter' | string): EditorState {
    const doc = importText(summary).doc
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, from[0]).from + from[1], rangeOf(doc, to[0]).from + to[1]) })
    expect(deletionKeepsParts(state)).toBe(false)
    let after: EditorState
    if (how === 'Enter') after = press(state, enter, 1)[0]!
    else after = state.apply(how === 'deleted' ? deleteSelectionTr(state) : deleteAcrossParts(state, true).insertText(how))
    after.doc.check()
    return after
  }
  /** The headings of `state`, each with its level's number, in order. */
  const headings = (state: EditorState) => {
    const out: string[] = []
    state.doc.descendants((node, _pos, parent) => {
      if (node.type.name === 'heading') out.push(`${parent!.type.name}:${node.textContent}`)
      return true
    })
    return out
  }

  for (const how of ['deleted', '和', 'Enter']) {
    it(`from the middle of 一、 into a work item of its （一）, ${how}: the （一） goes with its heading, the rest of the item stays a work item where it was`, () => {
      const after = edit(nested, ['主要', 2], ['完善低保', 2], how)
      expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', `一、主要${how === '和' ? '和' : ''}`, '一是低保动态管理；', '二是用好临时救助。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'])
      expect(headings(after)).not.toContain('section2:')
      expect(caret(after)).toEqual(how === 'Enter' ? ['workItem', '', '低保动态管理；'] : ['heading', how === '和' ? '主要和' : '主要', ''])
    })
  }

  it('from the start of 一、 into the body of its （一）, deleted: the section goes with its heading, its rest after the opening, its （二） a level up', () => {
    const after = edit(nested, ['主要', 0], ['完善低保', 2], 'deleted')
    expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', '一是低保动态管理；', '二是用好临时救助。', '一、养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'])
    expect(headings(after)).toEqual(['section1:养老服务', 'section1:社会事务'])
    expect(caret(after)).toEqual(['workItem', '', '低保动态管理；'])
  })

  it('the same from the start of 二、, with a section before: its rest reads on under 一、, its （二） becomes 一、’s （一）', () => {
    const summary = ['工作总结', '开头。', '一、基层治理', '建好班子。', nested.split('\n').slice(2).join('\n').replace('二、社会事务', '三、社会事务')].join('\n')
    const after = edit(summary, ['主要', 0], ['完善低保', 2], 'deleted')
    expect(lines(toText(after.doc))).toEqual(['工作总结', '开头。', '一、基层治理', '建好班子。', '一是低保动态管理；', '二是用好临时救助。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'])
  })

  it('from the start of 一、 into the body of its （一）, typed over: the heading takes what is typed, the rest of the item stays a work item of its section', () => {
    const after = edit(nested, ['主要', 0], ['完善低保', 2], '和')
    expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', '一、和', '一是低保动态管理；', '二是用好临时救助。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'])
    expect(caret(after)).toEqual(['heading', '和', ''])
  })

  for (const how of ['deleted', 'Enter']) {
    it(`from the opening into the middle of （一）’s heading, ${how}: 一、 goes with its heading, （一） keeps the rest of its heading, a level up`, () => {
      const after = edit(nested, ['开头', 2], ['兜底保障', 2], how)
      expect(lines(toText(after.doc))).toEqual(['工作总结', '开头', '一、保障', '一是完善低保动态管理；', '二是用好临时救助。', '二、养老服务', '建设站点。', '三、社会事务', '办理婚姻登记。'])
      expect(caret(after)).toEqual(how === 'Enter' ? ['heading', '', '保障'] : ['paragraph', '开头', ''])
    })
  }

  for (const how of ['deleted', 'Enter']) {
    it(`from the start of a run-in title into its first work item, ${how}: no empty title; the rest of the item stays a work item, of the section above`, () => {
      const after = edit(runIn, ['加强', 0], ['完善低保', 2], how)
      expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', '一、主要工作', '一是低保动态管理；二是用好临时救助。', '（一）兜底保障', '做好救助。'])
      expect(caret(after)).toEqual(['workItem', '', '低保动态管理；'])
    })
  }

  // Before, 二、 kept its heading, emptied (a section selected whole, deleted, left `二、` to type in), or
  // its body's emptied line under the section before; several sections, the first one's heading.
  for (const [what, from, to, expected, caretAt] of [
    ['二、 from the start of its heading', ['社会事务', 0], ['办理婚姻登记。', 7], ['工作总结', '开头一句。', '一、主要工作', '全年发放救助资金。', '（一）兜底保障', '一是完善低保动态管理；', '二是用好临时救助。', '（二）养老服务', '建设站点。'], ['paragraph', '建设站点。', '']],
    ['一、 and 二、, from the end of the opening', ['开头一句。', 5], ['办理婚姻登记。', 7], ['工作总结', '开头一句。'], ['paragraph', '开头一句。', '']],
    ['（一） from the start of its heading', ['兜底保障', 0], ['用好临时救助。', 7], ['工作总结', '开头一句。', '一、主要工作', '全年发放救助资金。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'], ['paragraph', '全年发放救助资金。', '']],
  ] as const) {
    it(`whole sections (整节), ${what} to the end of the last line, deleted: they go with their headings, no heading or line left empty, the caret at the end of what was before`, () => {
      const after = edit(nested, [...from], [...to], 'deleted')
      expect(lines(toText(after.doc))).toEqual(expected)
      expect(headings(after).some((h) => h.endsWith(':'))).toBe(false)
      expect(caret(after)).toEqual(caretAt)
    })
  }

  it('whole sections (整节), typed over from the first one’s heading start: that heading takes what is typed, the rest goes', () => {
    const after = edit(nested, ['主要', 0], ['办理婚姻登记。', 7], '和')
    expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', '一、和'])
    expect(caret(after)).toEqual(['heading', '和', ''])
  })

  it('takes no section whole from the middle of a heading, to the middle of a line, or ending in a section that goes on', () => {
    const doc = importText(nested).doc
    const whole = (from: [string, number], to: [string, number]) => sectionsSelectedWhole(EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, from[0]).from + from[1], rangeOf(doc, to[0]).from + to[1]) }))
    expect(whole(['社会事务', 0], ['办理婚姻登记。', 7])).not.toBeNull()
    expect(whole(['社会事务', 1], ['办理婚姻登记。', 7])).toBeNull()
    expect(whole(['社会事务', 0], ['办理婚姻登记。', 6])).toBeNull()
    expect(whole(['主要工作', 0], ['用好临时救助。', 7])).toBeNull()
    expect(whole(['开头一句。', 4], ['办理婚姻登记。', 7])).toBeNull()
  })

  it('from the start of a run-in title into its first work item, typed over: what is typed is the title, the rest of the item still its first work item', () => {
    const after = edit(runIn, ['加强', 0], ['完善低保', 2], '和')
    expect(lines(toText(after.doc))).toEqual(['工作总结', '开头一句。', '一、主要工作', '（一）和。一是低保动态管理；二是用好临时救助。', '（二）兜底保障', '做好救助。'])
    expect(caret(after)).toEqual(['heading', '和', ''])
  })
})
