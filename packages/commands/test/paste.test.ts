import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText, toSummary, toText } from '@zongjie/model'
import { copiedSlice, insertImported, pasteSlice, settleClosingIn } from '../src/index.ts'
import { rangeOf } from './ranges.ts'

const text = [
  '示范县民政局2024年上半年工作总结',
  '现将上半年工作总结如下：',
  '一、主要工作',
  '全年发放救助资金。',
  '（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。',
  '（二）提升养老服务',
  '一是建设社区养老服务站。',
  '二是实施居家适老化改造X户。',
  '二、社会事务',
  '办理婚姻登记。',
  '三、存在的问题',
  '基层力量不足。',
  '四、下半年工作计划',
  '继续做好救助。',
].join('\n')

/** The state after cutting from the start of `from` to the start or end of `to`, with what the cut put on the clipboard. */
function cut(fromText: string, toText: string, at: 'start' | 'end') {
  const doc = importText(text).doc
  const to = rangeOf(doc, toText)
  let state = EditorState.create({ doc })
  state = state.apply(state.tr.setSelection(TextSelection.create(doc, rangeOf(doc, fromText).from, at === 'start' ? to.from : to.to)))
  const { slice } = copiedSlice(state.selection)
  return { original: doc, state: state.apply(state.tr.deleteSelection()), slice }
}

function paste(state: EditorState, slice: ReturnType<typeof cut>['slice']) {
  let out: EditorState | null = null
  const done = pasteSlice(slice)(state, (tr) => (out = state.apply(tr)))
  return done ? out! : null
}

describe('pasting what the editor cut back where it was', () => {
  for (const [name, from, to, at] of [
    ['a whole 二、 section, to the end of its text', '社会事务', '办理婚姻登记。', 'end'],
    ['a whole 二、 section, to the next heading', '社会事务', '存在的问题', 'start'],
    ['the last subsection of 一、, to the next 二、', '提升养老服务', '社会事务', 'start'],
    ['the plans section, to the end of the summary', '下半年工作计划', '继续做好救助。', 'end'],
  ] as const) {
    it(name, () => {
      const { original, state, slice } = cut(from, to, at)
      expect(toText(state.doc)).not.toBe(toText(original))
      const after = paste(state, slice)
      expect(after).not.toBeNull()
      expect(toSummary(after!.doc)).toEqual(toSummary(original))
    })
  }
})

describe('pasting sections at the start of a heading', () => {
  /** The state with the caret at the start of the heading `at`, and the slice a copy from the start of heading `from` to the start of heading `to` takes. */
  function copyThenCaret(from: string, to: string, at: string) {
    const doc = importText(text).doc
    let state = EditorState.create({ doc })
    state = state.apply(state.tr.setSelection(TextSelection.create(doc, rangeOf(doc, from).from, rangeOf(doc, to).from)))
    const { slice } = copiedSlice(state.selection)
    return { slice, state: state.apply(state.tr.setSelection(TextSelection.create(doc, rangeOf(doc, at).from))) }
  }
  const headings = (s: EditorState) => toText(s.doc).split('\n').filter((l) => /^(?:[一二三四五六]、|（[一二三四五六]）)/.test(l))

  it('a subsection goes in as the last subsection of the part before, the caret staying at the heading', () => {
    const { slice, state } = copyThenCaret('兜牢民生底线', '提升养老服务', '存在的问题')
    const after = paste(state, slice)!
    expect(headings(after)).toEqual(['一、主要工作', '（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '（二）提升养老服务', '二、社会事务', '（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '三、存在的问题', '四、下半年工作计划'])
    expect(after.selection.$from.parent.textContent).toBe('存在的问题')
    expect(after.selection.$from.parentOffset).toBe(0)
  })
  it('a top-level section goes in before the heading\'s section, renumbering those after', () => {
    const { slice, state } = copyThenCaret('社会事务', '存在的问题', '主要工作')
    expect(headings(paste(state, slice)!).filter((h) => /^[一二三四五六]、/.test(h))).toEqual(['一、社会事务', '二、主要工作', '三、社会事务', '四、存在的问题', '五、下半年工作计划'])
  })
  // Before, the first line became the heading's title and the title a line of the body (三、婚姻登记。 / 开展殡葬存在的问题).
  it('lines go in as the last lines of the part before, the heading keeping its title, as pasted text does', () => {
    const doc = importText(text.replace('办理婚姻登记。', '办理婚姻登记。\n开展殡葬改革。')).doc
    const copied = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, '婚姻登记。').from, rangeOf(doc, '开展殡葬').to) })
    const after = paste(EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, '存在的问题').from) }), copiedSlice(copied.selection).slice)!
    expect(toText(after.doc).split('\n').filter(Boolean).slice(8, 14)).toEqual(['二、社会事务', '办理婚姻登记。', '开展殡葬改革。', '婚姻登记。', '开展殡葬', '三、存在的问题'])
  })
  it('is refused, changing nothing, where the sections cannot go in whole (a second problems section)', () => {
    const { slice, state } = copyThenCaret('存在的问题', '下半年工作计划', '社会事务')
    expect(paste(state, slice)).toBeNull()
  })
})

describe('pasting sections into a section\'s body', () => {
  const deeper = [
    '示范县民政局2024年上半年工作总结',
    '现将上半年工作总结如下：',
    '一、主要工作',
    '全年发放救助资金。',
    '（一）兜牢民生底线',
    '发放低保金。',
    '二、社会事务',
    '办理婚姻登记。',
    '（一）婚姻登记',
    '1.规范登记',
    '（1）窗口服务',
    '推行预约办理。',
    '三、存在的问题',
    '基层力量不足。',
    '四、下半年工作计划',
    '继续做好救助。',
  ].join('\n')
  /** The slice a copy of `source` from the start of heading `from` to the start of heading `to` takes, and the state with the caret at the end of the line `at`. */
  function copyThenCaret(source: string, from: string, to: string, at: string) {
    const doc = importText(source).doc
    const copied = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, from).from, rangeOf(doc, to).from) })
    return { slice: copiedSlice(copied.selection).slice, state: EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, at).to) }) }
  }
  /** The summary's lines from the line `from` on. */
  const linesFrom = (s: EditorState, from: string) => {
    const lines = toText(s.doc).split('\n').filter(Boolean)
    return lines.slice(lines.indexOf(from))
  }

  // Before, the first's subsections and the second became more of the plans' （）s: （二）兜牢民生底线, （三）提升养老服务, （四）社会事务.
  it('two 一、 sections pasted into the plans\' body become its （一） and （二）, each with its subsections one level down', () => {
    const { slice, state } = copyThenCaret(text, '主要工作', '存在的问题', '继续做好救助。')
    expect(linesFrom(paste(state, slice)!, '四、下半年工作计划')).toEqual([
      '四、下半年工作计划',
      '继续做好救助。',
      '（一）主要工作',
      '全年发放救助资金。',
      '1.兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。',
      '2.提升养老服务',
      '一是建设社区养老服务站。',
      '二是实施居家适老化改造X户。',
      '（二）社会事务',
      '办理婚姻登记。',
    ])
  })
  // Before, the paste was refused (a second problems section), the editor pasting its text instead; sections without one split the 一、, its （一） going on under an empty heading.
  it('into the body of a 一、 before its （一）: its first （一） and （二）, its own （一） numbered on as （三）', () => {
    const { slice, state } = copyThenCaret(text, '社会事务', '下半年工作计划', '全年发放救助资金。')
    expect(linesFrom(paste(state, slice)!, '一、主要工作').slice(0, 8)).toEqual([
      '一、主要工作',
      '全年发放救助资金。',
      '（一）社会事务',
      '办理婚姻登记。',
      '（二）存在的问题',
      '基层力量不足。',
      '（三）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。',
      '（四）提升养老服务',
    ])
  })
  // Before, at the end of the heading they were taken apart: （一）主要工作 lost its subsections, which came in as （二） and （三）.
  describe('at the end of the plans\' heading, the plans with no body yet: as into its body', () => {
    const headingOnly = text.replace('\n继续做好救助。', '')
    for (const [what, from, to, expected, caretIn] of [
      ['two 一、 sections: its （一） and （二）, each with its subsections one level down', '主要工作', '存在的问题', ['（一）主要工作', '全年发放救助资金。', '1.兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '2.提升养老服务', '一是建设社区养老服务站。', '二是实施居家适老化改造X户。', '（二）社会事务', '办理婚姻登记。'], '办理婚姻登记。'],
      ['two （一） sections: its （一） and （二）', '兜牢民生底线', '社会事务', ['（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '（二）提升养老服务', '一是建设社区养老服务站。', '二是实施居家适老化改造X户。'], '实施居家适老化改造。'],
    ] as const) {
      it(what, () => {
        const { slice, state } = copyThenCaret(headingOnly, from, to, '下半年工作计划')
        const pasted = paste(state, slice)!
        expect(linesFrom(pasted, '四、下半年工作计划')).toEqual(['四、下半年工作计划', ...expected])
        const plans = toSummary(pasted.doc).sections.at(-1)!
        expect([plans.role, plans.body]).toEqual(['plans', []])
        // The same as pasted at an empty line of its body.
        const { state: atLine } = copyThenCaret(headingOnly + '\n甲乙', from, to, '甲乙')
        const emptied = atLine.apply(atLine.tr.delete(atLine.selection.from - 2, atLine.selection.from))
        expect(toSummary(paste(emptied, slice)!.doc).sections.at(-1)!.sections).toEqual(plans.sections)
        // The caret at the end of what was pasted (the last line's text, without its ordinal and field).
        const { $head } = pasted.selection
        expect([$head.parent.textContent, $head.parentOffset === $head.parent.content.size]).toEqual([caretIn, true])
      })
    }
  })
  it('where a level would go below （1）, as ProseMirror fits them, every line kept in order', () => {
    const { slice, state } = copyThenCaret(deeper, '主要工作', '存在的问题', '继续做好救助。')
    const lines = linesFrom(paste(state, slice)!, '继续做好救助。').map((l) => l.replace(/^(?:（[一二三四五六]）|\d\.|（\d）)/, ''))
    expect(lines).toEqual(['继续做好救助。', '主要工作', '全年发放救助资金。', '兜牢民生底线', '发放低保金。', '社会事务', '办理婚姻登记。', '婚姻登记', '规范登记', '窗口服务', '推行预约办理。'])
  })
})

describe('pasting the end of a summary at the end of the plans', () => {
  /** The summary after `clip` is pasted (read as the editor reads pasted text, then settled as it settles an edit) with the caret at the end of `needle`, or on a new empty line after it. */
  function pasteAtEnd(clip: string, needle = '继续做好救助。', newLine = false) {
    const doc = importText(text).doc
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, needle).to) })
    if (newLine) state = state.apply(state.tr.split(state.selection.from))
    const read = importText(clip, { fragment: true })
    insertImported(read.doc, read.topRank, clip)(state, (tr) => (state = state.apply(tr)))
    const settle = state.tr
    if (settleClosingIn(settle)) state = state.apply(settle)
    state.doc.check()
    const summary = toSummary(state.doc)
    const body = (b: (typeof summary.closing)[number]) => (b.type === 'paragraph' ? b.text : b.type)
    return { closing: summary.closing.map(body), signOff: summary.signOff, plans: summary.sections.at(-1)!.body.map(body), caret: [state.selection.$head.parent.type.name, state.selection.$head.parentOffset] }
  }

  it('a closing, an organisation and a date: the closing and the sign-off, as the importer reads the same text', () => {
    expect(pasteAtEnd('加强督导检查。\n总之，我们将再接再厉。\n某县民政局\n2024年7月10日')).toEqual({
      closing: ['总之，我们将再接再厉。'],
      signOff: { organization: '某县民政局', date: '2024年7月10日' },
      plans: ['继续做好救助。加强督导检查。'],
      caret: ['date', '2024年7月10日'.length],
    })
    // On an empty line of its own: the line gives way to the closing.
    expect(pasteAtEnd('总之，我们将再接再厉。\n某县民政局\n2024年7月10日', undefined, true)).toMatchObject({
      closing: ['总之，我们将再接再厉。'],
      signOff: { organization: '某县民政局', date: '2024年7月10日' },
      plans: ['继续做好救助。'],
    })
  })

  it('a last paragraph ending with ！ before the sign-off is the closing, as the importer reads it', () => {
    const clip = '加强督导检查。\n奋力谱写民政事业新篇章！\n某县民政局\n2024年7月10日'
    expect(pasteAtEnd(clip)).toMatchObject({ closing: ['奋力谱写民政事业新篇章！'], signOff: { organization: '某县民政局', date: '2024年7月10日' }, plans: ['继续做好救助。加强督导检查。'] })
    const whole = toSummary(importText(`${text}\n${clip}`).doc)
    expect(whole.closing).toEqual([{ type: 'paragraph', text: '奋力谱写民政事业新篇章！' }])
  })

  it('a closing with no sign-off, or the same lines pasted in the middle of the summary, stay paragraphs where pasted', () => {
    expect(pasteAtEnd('\n总之，我们将再接再厉。')).toMatchObject({ closing: [], signOff: undefined })
    expect(pasteAtEnd('总之，我们将再接再厉。\n某县民政局\n2024年7月10日', '办理婚姻登记。')).toMatchObject({ closing: [], signOff: undefined })
  })
})
