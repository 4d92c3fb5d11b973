// @vitest-environment happy-dom
/**
 * A selection that takes a section's heading whole and ends inside the section, as the element
 * takes it (its guard, its keys, the settling of run-in titles): deleted, the section goes with
 * its heading, no heading left empty; typed or composed over from the heading's start, the heading
 * takes the text; taken by Enter, the text after the selection stays on its own line, the caret at
 * its start. One undo brings everything back.
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { undo } from 'prosemirror-history'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import { loadPasteReader } from '../src/plugins/clipboard.ts'

const nested = ['某县民政局2024年工作总结', '开头一句。', '一、主要工作', '全年发放救助资金。', '（一）兜底保障', '一是完善低保动态管理；', '二是用好临时救助。', '（二）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。']
const runIn = ['某县民政局2024年工作总结', '开头一句。', '一、主要工作', '（一）加强队伍建设。一是完善低保动态管理；二是用好临时救助。', '（二）兜底保障', '做好救助。']

/** The element holding `summary`, with what reads the parts the writer types loaded (as on the first focus), and the selection from `from` to `to` (a text and an offset into it). */
async function selected(summary: string[], from: [string, number], to: [string, number]) {
  const el = await mountEditor(summary.join('\n'))
  await loadPasteReader()
  const view = el.view!
  const { doc } = view.state
  view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, posOf(doc, ...from), posOf(doc, ...to))))
  return { el, view }
}

type View = Awaited<ReturnType<typeof selected>>['view']

/** `how` done in the element's view: a key pressed as its keymap takes it, an input method's composition of `和`, or `和` typed. */
function edit(view: View, how: 'Backspace' | 'Delete' | 'Enter' | 'typed' | 'composed') {
  if (how === 'typed') {
    const { from, to } = view.state.selection
    if (!view.someProp('handleTextInput', (f) => f(view, from, to, '和', () => view.state.tr.insertText('和')))) view.dispatch(view.state.tr.insertText('和'))
  } else if (how === 'composed') {
    view.dom.dispatchEvent(new CompositionEvent('compositionstart'))
    view.dispatch(view.state.tr.insertText('和'))
  } else view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key: how, keyCode: { Backspace: 8, Delete: 46, Enter: 13 }[how] })))
}

/** The caret's textblock: its type, and its text before and after the caret. */
function caret(view: View) {
  const { $head } = view.state.selection
  return [$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset), $head.parent.textContent.slice($head.parentOffset)]
}

/** The text of the summary as lines, and whether any heading is empty. */
const lines = (el: Awaited<ReturnType<typeof selected>>['el']) => el.getText().split('\n').filter(Boolean)
function emptyHeading(view: View): boolean {
  let empty = false
  view.state.doc.descendants((node) => {
    if (node.type.name === 'heading' && !node.content.size) empty = true
    return !empty
  })
  return empty
}

describe('a selection from the start of a run-in title into its first work item', () => {
  for (const how of ['Backspace', 'Delete', 'Enter'] as const) {
    it(`${how}: no empty title (（一）。); the rest of the item stays a work item, the caret at its start; one undo brings it all back`, async () => {
      const { el, view } = await selected(runIn, ['加强队伍建设', 0], ['完善低保', 2])
      edit(view, how)
      expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头一句。', '一、主要工作', '一是低保动态管理；二是用好临时救助。', '（一）兜底保障', '做好救助。'])
      expect(emptyHeading(view)).toBe(false)
      expect(caret(view)).toEqual(['workItem', '', '低保动态管理；'])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(runIn)
    })
  }

  for (const how of ['typed', 'composed'] as const) {
    it(`${how} over: what is typed is the title, the rest of the item still its first work item; one undo brings it all back`, async () => {
      const { el, view } = await selected(runIn, ['加强队伍建设', 0], ['完善低保', 2])
      edit(view, how)
      expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头一句。', '一、主要工作', '（一）和。一是低保动态管理；二是用好临时救助。', '（二）兜底保障', '做好救助。'])
      expect(caret(view)).toEqual(['heading', '和', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(runIn)
    })
  }
})

describe('a selection from 一、 into its （一）', () => {
  for (const how of ['Backspace', 'Delete', 'Enter', 'typed', 'composed'] as const) {
    it(`from the middle of the heading into a work item, ${how}: no empty （一） left, the rest of the item a work item under 一、; one undo brings it all back`, async () => {
      const { el, view } = await selected(nested, ['主要工作', 2], ['完善低保', 2])
      edit(view, how)
      const typed = how === 'typed' || how === 'composed' ? '和' : ''
      expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头一句。', `一、主要${typed}`, '一是低保动态管理；', '二是用好临时救助。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'])
      expect(emptyHeading(view)).toBe(false)
      expect(caret(view)).toEqual(how === 'Enter' ? ['workItem', '', '低保动态管理；'] : ['heading', `主要${typed}`, ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(nested)
    })
  }

  for (const how of ['Backspace', 'typed'] as const) {
    it(`from the start of the heading into the body of （一）, ${how}: ${how === 'typed' ? 'the heading takes what is typed' : 'the section goes with its heading'}, no heading left empty; one undo brings it all back`, async () => {
      const { el, view } = await selected(nested, ['主要工作', 0], ['完善低保', 2])
      edit(view, how)
      expect(lines(el)).toEqual(
        how === 'typed'
          ? ['某县民政局2024年工作总结', '开头一句。', '一、和', '一是低保动态管理；', '二是用好临时救助。', '（一）养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。']
          : ['某县民政局2024年工作总结', '开头一句。', '一是低保动态管理；', '二是用好临时救助。', '一、养老服务', '建设站点。', '二、社会事务', '办理婚姻登记。'],
      )
      expect(emptyHeading(view)).toBe(false)
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(nested)
    })
  }
})

describe('a selection from the opening into the middle of a （一） heading', () => {
  for (const how of ['Delete', 'Enter'] as const) {
    it(`${how}: 一、 goes with its heading, the rest of （一）'s heading heads its section, no heading left empty; one undo brings it all back`, async () => {
      const { el, view } = await selected(nested, ['开头一句', 2], ['兜底保障', 2])
      edit(view, how)
      expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头', '一、保障', '一是完善低保动态管理；', '二是用好临时救助。', '二、养老服务', '建设站点。', '三、社会事务', '办理婚姻登记。'])
      expect(emptyHeading(view)).toBe(false)
      expect(caret(view)).toEqual(how === 'Enter' ? ['heading', '', '保障'] : ['paragraph', '开头', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(nested)
    })
  }
})
