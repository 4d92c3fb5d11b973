// @vitest-environment happy-dom
/**
 * A selection from a run-in title (`（一）兜牢基本民生底线。一是……`) into its first work item, written
 * `小标题。内容；` as the demo's sample writes its items, typed over, deleted or taken by Enter, as the
 * element does it (its keys, then the settling of run-in titles and of the clauses joined to them):
 * the title keeps its text up to the selection and what was typed, the rest of the item stays a
 * work item, and one undo brings everything back.
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { undo } from 'prosemirror-history'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import { typeKeys } from './typing.ts'
import { loadPasteReader } from '../src/plugins/clipboard.ts'
import { importText, toSummary } from '@zongjie/model'

const summary = ['某县民政局2024年工作总结', '开头。', '一、主要工作', '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核，新纳入低保X户；二是用好临时救助。实施临时救助X人次。', '（二）兜底保障', '做好救助。'].join('\n')
const before = '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核，新纳入低保X户；二是用好临时救助。实施临时救助X人次。'

/** The element holding `summary`, with what reads the parts the writer types loaded (as on the first focus), and the selection from `兜牢基本|` to `完善低保|`. */
async function selectedFromTitleIntoItem() {
  const el = await mountEditor(summary)
  await loadPasteReader()
  const view = el.view!
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '兜牢基本', 4), posOf(view.state.doc, '完善低保', 4))))
  return { el, view }
}

/** The run-in section as the writer sees it: its line of the summary's text, its title, and the texts of its body's work items. */
function runInSection(el: Awaited<ReturnType<typeof selectedFromTitleIntoItem>>['el']) {
  const section = el.summary.sections[0]!.sections[0]!
  const body = section.body.map((block) => ('items' in block ? block.items.map((item) => item.text) : block.type))
  return { line: el.getText().split('\n').find((line) => line.startsWith('（一）')), title: section.title, body }
}

describe('a selection from a run-in title into its first work item written 小标题。内容；', () => {
  const items = ['动态管理。全面开展年度复核，新纳入低保X户；', '用好临时救助。实施临时救助X人次。']

  for (const [how, key, typed] of [
    ['typed over', '', '和'],
    ['typed over with a stop', '', '。'],
    ['deleted with Backspace', 'Backspace', ''],
    ['deleted with Delete', 'Delete', ''],
  ] as const) {
    it(`${how}: what was typed ends the title, the rest of the item stays the first work item; one undo brings it all back`, async () => {
      const { el, view } = await selectedFromTitleIntoItem()
      if (key) view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key, keyCode: key === 'Delete' ? 46 : 8 })))
      else view.dispatch(view.state.tr.insertText(typed))
      const title = typed === '和' ? '兜牢基本和' : '兜牢基本'
      expect(runInSection(el)).toEqual({ line: `（一）${title}。一是${items[0]}二是${items[1]}`, title, body: [items] })
      undo(view.state, view.dispatch)
      expect(runInSection(el).line).toBe(before)
    })
  }

  it('taken by Enter: the title keeps its text up to the selection, the rest of the item stays a work item, the caret at its start; one undo brings it all back', async () => {
    const { el, view } = await selectedFromTitleIntoItem()
    view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 })))
    expect(runInSection(el)).toEqual({ line: `（一）兜牢基本。一是${items[0]}二是${items[1]}`, title: '兜牢基本', body: [items] })
    const { $head } = view.state.selection
    expect([$head.parent.type.name, $head.parentOffset]).toEqual(['workItem', 0])
    undo(view.state, view.dispatch)
    expect(runInSection(el).line).toBe(before)
  })
})

describe('a selection from a section title into a work item whose rest ends in 。, or into the list’s last item', () => {
  const head = ['某县民政局2024年工作总结', '开头。', '一、主要工作']
  const tail = ['（二）兜底保障', '做好救助。']
  // The list's only item, ending in 。; items joined on the title's line, the last ending in 。; the title on a line of its own.
  const single = '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核。'
  const joined = '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展年度复核；二是用好临时救助。实施临时救助X人次。'
  const ownLine = ['（一）兜牢基本民生底线', '一是完善低保动态管理。全面开展年度复核；', '二是用好临时救助。实施临时救助X人次。']

  /** The element holding the summary with `section` as its （一）, what reads the parts loaded, and the selection from `兜牢基本|` to the end of `to`. */
  async function selectedInto(section: readonly string[], to: string) {
    const el = await mountEditor([...head, ...section, ...tail].join('\n'))
    await loadPasteReader()
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '兜牢基本', 4), posOf(view.state.doc, to, to.length))))
    return { el, view }
  }

  /** The （一） section as the writer sees it: its lines of the summary's text, its title, and the texts of its body's work items. */
  function firstSubsection(el: Awaited<ReturnType<typeof selectedInto>>['el']) {
    const section = el.summary.sections[0]!.sections[0]!
    const lines = el.getText().split('\n')
    const body = section.body.map((block) => ('items' in block ? block.items.map((item) => item.text) : block.type))
    return { lines: lines.slice(lines.findIndex((line) => line.startsWith('（一）')), lines.indexOf(tail[0]!)), title: section.title, body }
  }

  /** `key` pressed in the element's view, as its keymap takes it; `typed` typed, without a key. */
  function edit(view: Awaited<ReturnType<typeof selectedInto>>['view'], key: string, typed: string) {
    if (key) view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key, keyCode: { Backspace: 8, Delete: 46, Enter: 13 }[key] })))
    else view.dispatch(view.state.tr.insertText(typed))
  }

  for (const [what, section, to, rest] of [
    ['its only item', [single], '完善低保', '动态管理。全面开展年度复核。'],
    ['the last item, past the first', [joined], '用好临时', '救助。实施临时救助X人次。'],
  ] as const) {
    for (const [how, key, typed] of [
      ['typed over', '', '和'],
      ['deleted with Backspace', 'Backspace', ''],
      ['deleted with Delete', 'Delete', ''],
    ] as const) {
      it(`into ${what}, ${how}: the title ends where the typing did, the rest stays a work item, the caret after the typing; one undo brings it all back`, async () => {
        const { el, view } = await selectedInto(section, to)
        edit(view, key, typed)
        const title = `兜牢基本${typed}`
        expect(firstSubsection(el)).toEqual({ lines: [`（一）${title}。一是${rest}`], title, body: [[rest]] })
        const { $head } = view.state.selection
        expect([$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]).toEqual(['heading', title])
        undo(view.state, view.dispatch)
        expect(firstSubsection(el).lines).toEqual(section)
      })
    }

    it(`into ${what}, taken by Enter: the title keeps its text up to the selection, the rest stays a work item, the caret at its start; one undo brings it all back`, async () => {
      const { el, view } = await selectedInto(section, to)
      edit(view, 'Enter', '')
      expect(firstSubsection(el)).toEqual({ lines: [`（一）兜牢基本。一是${rest}`], title: '兜牢基本', body: [[rest]] })
      const { $head } = view.state.selection
      expect([$head.parent.type.name, $head.parentOffset]).toEqual(['workItem', 0])
      undo(view.state, view.dispatch)
      expect(firstSubsection(el).lines).toEqual(section)
    })
  }

  it('from a title on its own line into its first item, taken by Enter: the rest stays the first work item, the caret at its start; one undo brings it all back', async () => {
    const { el, view } = await selectedInto(ownLine, '完善低保')
    edit(view, 'Enter', '')
    const items = ['动态管理。全面开展年度复核；', '用好临时救助。实施临时救助X人次。']
    expect(firstSubsection(el)).toEqual({ lines: ['（一）兜牢基本', `一是${items[0]}`, `二是${items[1]}`], title: '兜牢基本', body: [items] })
    const { $head } = view.state.selection
    expect([$head.parent.type.name, $head.parentOffset]).toEqual(['workItem', 0])
    undo(view.state, view.dispatch)
    expect(firstSubsection(el).lines).toEqual(ownLine)
  })
})

describe('a heading on its own line typed on past its first stop, as in a word processor', () => {
  const summary = ['某县民政局2024年工作总结', '开头。', '一、主要工作', '（一）加强救助', '', '（二）兜底保障', '做好救助。'].join('\n')

  /** The element with the caret at the end of `（一）加强救助`, what reads the parts loaded (as on the first focus). */
  async function atTitleEnd() {
    const el = await mountEditor(summary)
    await loadPasteReader()
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '加强救助', 4))))
    return { el, view }
  }

  it('`。一是开展排查。` typed key by key: the section is run-in, its body the work item 一是开展排查。, as the importer reads the line', async () => {
    const { el, view } = await atTitleEnd()
    typeKeys(view, '。一是开展排查。')
    const section = el.summary.sections[0]!.sections[0]!
    expect([section.title, section.runIn]).toEqual(['加强救助', true])
    expect(section.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '开展排查。' }] }])
    expect(el.getText().split('\n')).toContain('（一）加强救助。一是开展排查。')
    // The caret is at the end of what was typed.
    expect(view.state.selection.$head.parent.textContent.slice(0, view.state.selection.$head.parentOffset)).toBe('开展排查。')
  })

  it('a stop and text committed at once (an input method): the same run-in section; the text after the stop in the body, the caret after it', async () => {
    const { el, view } = await atTitleEnd()
    // What an input method's commit leaves, then the settling of the committed text.
    view.dispatch(view.state.tr.insertText('。今年开展排查'))
    el.view!.dispatch(el.view!.state.tr)
    const section = el.summary.sections[0]!.sections[0]!
    expect([section.title, section.runIn, section.body]).toEqual(['加强救助', true, [{ type: 'paragraph', text: '今年开展排查' }]])
    expect(view.state.selection.$head.parent.textContent.slice(0, view.state.selection.$head.parentOffset)).toBe('今年开展排查')
  })

  it('a stop at the end of the title with nothing after it keeps the heading on its own line', async () => {
    const { el, view } = await atTitleEnd()
    typeKeys(view, '。')
    const section = el.summary.sections[0]!.sections[0]!
    expect([section.title, section.runIn]).toEqual(['加强救助。', false])
  })
})

describe('an ordinal typed at the start of a work item, by habit', () => {
  it('Enter after 一是……, then 二是 typed: the item reads 二是发放资金 once', async () => {
    const el = await mountEditor(['某县民政局2024年工作总结', '开头。', '一、主要工作', '一是开展排查。'].join('\n'))
    await loadPasteReader()
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '开展排查。', 5))))
    view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 })))
    for (const ch of '二是发放资金') {
      const { from, to } = view.state.selection
      if (!view.someProp('handleTextInput', (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch)))) view.dispatch(view.state.tr.insertText(ch))
    }
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '开展排查。' }, { ordinal: '二是', text: '发放资金' }] }])
    expect(el.getText()).toContain('\n二是发放资金')
  })
})

describe('work items typed run together on one line, as in a word processor', () => {
  const head = ['某县民政局2024年工作总结', '开头。', '一、主要工作']

  /** The element holding `lines` after the head, what reads the parts loaded, the caret at the end of `at`. */
  async function caretAfter(lines: readonly string[], at: string) {
    const el = await mountEditor([...head, ...lines].join('\n'))
    await loadPasteReader()
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, at, at.length))))
    return { el, view }
  }

  /** The text before the caret in its textblock, and that textblock's kind. */
  const caret = (view: NonNullable<Awaited<ReturnType<typeof mountEditor>>['view']>) => {
    const { $head } = view.state.selection
    return [$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]
  }

  it('`；二是落实救助。` typed key by key after 一是……: two work items on one line, as the importer reads the line', async () => {
    const { el, view } = await caretAfter(['一是完善低保管理'], '完善低保管理')
    typeKeys(view, '；二是落实救助。')
    const line = '一是完善低保管理；二是落实救助。'
    expect(el.summary.sections[0]!.body).toEqual(toSummary(importText([...head, line].join('\n')).doc).sections[0]!.body)
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', layout: 'joined', items: [{ ordinal: '一是', text: '完善低保管理；' }, { ordinal: '二是', text: '落实救助。' }] }])
    expect(el.getText().split('\n')).toContain(line)
    expect(caret(view)).toEqual(['workItem', '落实救助。'])
  })

  it('the same committed at once by an input method: the same two work items, the caret after the text', async () => {
    const { el, view } = await caretAfter(['一是完善低保管理'], '完善低保管理')
    view.dispatch(view.state.tr.insertText('；二是落实救助'))
    view.dispatch(view.state.tr)
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', layout: 'joined', items: [{ text: '完善低保管理；' }, { ordinal: '二是', text: '落实救助' }] }])
    expect(caret(view)).toEqual(['workItem', '落实救助'])
  })

  it('a run-in title typed on with 一是……；二是……: its body is the two work items', async () => {
    const { el, view } = await caretAfter(['（一）加强救助', ''], '加强救助')
    typeKeys(view, '。一是完善低保；二是落实救助。')
    const line = '（一）加强救助。一是完善低保；二是落实救助。'
    expect(el.summary.sections[0]!.sections[0]).toEqual(toSummary(importText([...head, line].join('\n')).doc).sections[0]!.sections[0])
    expect(el.getText().split('\n')).toContain(line)
  })

  it('a paragraph `重点抓了两件事：一是……；二是……`: its introduction and two work items, as the importer reads the line', async () => {
    const { el, view } = await caretAfter(['重点抓了两件事'], '重点抓了两件事')
    typeKeys(view, '：一是完善低保；二是落实救助。')
    const line = '重点抓了两件事：一是完善低保；二是落实救助。'
    expect(el.summary.sections[0]!.body).toEqual(toSummary(importText([...head, line].join('\n')).doc).sections[0]!.body)
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', intro: '重点抓了两件事：' }])
    expect(caret(view)).toEqual(['workItem', '落实救助。'])
  })

  it('in the problems section, `主要是：一是……；二是……` typed in a paragraph: its introduction and two work items', async () => {
    const el = await mountEditor([...head, '做好救助。', '二、存在的问题', '主要是'].join('\n'))
    await loadPasteReader()
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '主要是', 3))))
    typeKeys(view, '：一是力量不足；二是经费紧张。')
    const problems = el.summary.sections[1]!
    expect(problems.role).toBe('problems')
    expect(problems.body).toMatchObject([{ type: 'workItems', layout: 'joined', intro: '主要是：', items: [{ ordinal: '一是', text: '力量不足；' }, { ordinal: '二是', text: '经费紧张。' }] }])
  })

  it('`三是` typed in the last item of a joined list: a third item; in the second of a list written one a line, it stays text, as the importer reads those lines', async () => {
    const joined = await caretAfter(['一是完善低保；二是落实救助'], '落实救助')
    typeKeys(joined.view, '；三是')
    expect(joined.el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ text: '完善低保；' }, { text: '落实救助；' }, { ordinal: '三是', text: '' }] }])
    const separate = await caretAfter(['一是完善低保；', '二是落实救助'], '落实救助')
    typeKeys(separate.view, '；三是资助')
    const lines = ['一是完善低保；', '二是落实救助；三是资助']
    expect(separate.el.summary.sections[0]!.body).toEqual(toSummary(importText([...head, ...lines].join('\n')).doc).sections[0]!.body)
  })

  it('one undo takes the ordinal and the split back', async () => {
    const { el, view } = await caretAfter(['一是完善低保管理'], '完善低保管理')
    typeKeys(view, '；二是')
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ text: '完善低保管理；' }, { ordinal: '二是', text: '' }] }])
    undo(view.state, view.dispatch)
    expect(el.summary.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ text: '完善低保管理' }] }])
  })
})
