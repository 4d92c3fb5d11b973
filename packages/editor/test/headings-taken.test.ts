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
import { acceptAll, rejectAll } from '@zongjie/commands'

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

describe('a selection of whole sections (整节), from the start of a heading or the end of the line before it to the end of a section’s last line', () => {
  const summary = [...nested, '三、存在的问题', '基层力量不足。', '四、下一步工作打算', '一是继续做好救助；', '二是加强队伍建设。']
  /** `summary` without the lines from `first` to `last`, both included. */
  const without = (first: string, last: string) => summary.filter((_, i) => i < summary.indexOf(first) || i > summary.indexOf(last))
  /** The number of empty textblocks: a deletion that took whole sections leaves none. */
  function emptyLines(view: View): number {
    let empty = 0
    view.state.doc.descendants((node) => {
      if (node.isTextblock && !node.content.size) empty++
      return !node.isTextblock
    })
    return empty
  }
  /** The sections' numbers and titles, and their roles, as the summary gives them. */
  const sections = (el: Awaited<ReturnType<typeof selected>>['el']) => el.summary.sections.map((s) => `${s.role}:${s.number}${s.title}`)
  /** Cuts the selection, as Ctrl-X does: the clipboard plugin's `cut`. */
  function cut(view: View) {
    const data = new Map<string, string>()
    const clipboardData = { clearData: () => data.clear(), setData: (type: string, value: string) => void data.set(type, value), getData: (type: string) => data.get(type) ?? '' }
    view.someProp('handleDOMEvents', (handlers) => handlers.cut?.(view, { clipboardData, preventDefault() {} } as unknown as ClipboardEvent))
    return data.get('text/plain')
  }

  for (const how of ['Backspace', 'Delete', 'cut'] as const) {
    for (const [start, from] of [
      ['the start of its heading', ['社会事务', 0]],
      ['the end of the line before', ['建设站点。', 5]],
    ] as const) {
      it(`二、 from ${start} to the end of its last line, ${how}: it goes with its heading, no empty heading or line left, what follows renumbered, the caret at the end of what was before; one undo brings it back`, async () => {
        const { el, view } = await selected(summary, [from[0], from[1]], ['办理婚姻登记。', 7])
        if (how === 'cut') expect(cut(view)).toContain('社会事务')
        else edit(view, how)
        expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => l.replace('三、存在', '二、存在').replace('四、下一步', '三、下一步')))
        expect(emptyHeading(view)).toBe(false)
        expect(emptyLines(view)).toBe(0)
        expect(caret(view)).toEqual(['paragraph', '建设站点。', ''])
        undo(view.state, view.dispatch)
        expect(lines(el)).toEqual(summary)
      })
    }
  }

  for (const how of ['Backspace', 'cut'] as const) {
    it(`several sections (一、 with its subsections, and 二、), ${how}: they go with their headings, the problems and plans renumbered 一、 and 二、, the caret at the end of the opening`, async () => {
      const { el, view } = await selected(summary, ['主要工作', 0], ['办理婚姻登记。', 7])
      if (how === 'cut') cut(view)
      else edit(view, how)
      expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头一句。', '一、存在的问题', '基层力量不足。', '二、下一步工作打算', '一是继续做好救助；', '二是加强队伍建设。'])
      expect(sections(el)).toEqual(['problems:一、存在的问题', 'plans:二、下一步工作打算'])
      expect(emptyLines(view)).toBe(0)
      expect(caret(view)).toEqual(['paragraph', '开头一句。', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(summary)
    })

    it(`a whole （二） subsection, ${how}: it goes with its heading, 一、 keeps its （一）, the caret at the end of its last work item`, async () => {
      const { el, view } = await selected(summary, ['养老服务', 0], ['建设站点。', 5])
      if (how === 'cut') cut(view)
      else edit(view, how)
      expect(lines(el)).toEqual(without('（二）养老服务', '建设站点。'))
      expect(emptyLines(view)).toBe(0)
      expect(caret(view)).toEqual(['workItem', '用好临时救助。', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(summary)
    })
  }

  for (const how of ['typed', 'composed'] as const) {
    it(`二、 from the start of its heading, ${how} over: the heading stays and takes what is typed, its body goes; one undo brings it back`, async () => {
      const { el, view } = await selected(summary, ['社会事务', 0], ['办理婚姻登记。', 7])
      edit(view, how)
      expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => (l === '三、存在的问题' ? '二、和\n三、存在的问题' : l)).flatMap((l) => l.split('\n')))
      expect(caret(view)).toEqual(['heading', '和', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(summary)
    })

    it(`二、 from the end of the line before, ${how} over: the text goes on that line, the section goes whole; one undo brings it back`, async () => {
      const { el, view } = await selected(summary, ['建设站点。', 5], ['办理婚姻登记。', 7])
      edit(view, how)
      expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => l.replace('建设站点。', '建设站点。和').replace('三、存在', '二、存在').replace('四、下一步', '三、下一步')))
      expect(caret(view)).toEqual(['paragraph', '建设站点。和', ''])
      undo(view.state, view.dispatch)
      expect(lines(el)).toEqual(summary)
    })
  }

  it('a whole run-in section (（一）加强队伍建设。一是……), from its title to the end of its line, Backspace: it goes, title and all, its （二） now （一）', async () => {
    const { el, view } = await selected(runIn, ['加强队伍建设', 0], ['用好临时救助。', 7])
    edit(view, 'Backspace')
    expect(lines(el)).toEqual(['某县民政局2024年工作总结', '开头一句。', '一、主要工作', '（一）兜底保障', '做好救助。'])
    expect(emptyHeading(view)).toBe(false)
    expect(emptyLines(view)).toBe(0)
    undo(view.state, view.dispatch)
    expect(lines(el)).toEqual(runIn)
  })

  it('Enter over a whole section: it goes with its heading, the caret at the start of what follows, no empty line', async () => {
    const { el, view } = await selected(summary, ['社会事务', 0], ['办理婚姻登记。', 7])
    edit(view, 'Enter')
    expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => l.replace('三、存在', '二、存在').replace('四、下一步', '三、下一步')))
    expect(emptyLines(view)).toBe(0)
    expect(caret(view)).toEqual(['heading', '', '存在的问题'])
  })

  // The problems and the plans taken whole go as any section does (as the parts wholly inside a
  // selection from the opening to the closing do); typed over from the heading's start, the section
  // stays, its role with it, its heading taking what is typed.
  for (const [what, first, last] of [
    ['the problems', '三、存在的问题', '基层力量不足。'],
    ['the plans', '四、下一步工作打算', '二是加强队伍建设。'],
  ] as const) {
    it(`${what}, Delete: the section goes whole, no empty heading; typed over, it stays ${what}, its heading taking the text`, async () => {
      const title = first.slice(2)
      const lastText = last.replace(/^二是/, '')
      const deleted = await selected(summary, [title, 0], [lastText, lastText.length])
      edit(deleted.view, 'Delete')
      expect(lines(deleted.el)).toEqual(without(first, last).map((l) => l.replace('四、下一步', '三、下一步')))
      expect(emptyHeading(deleted.view)).toBe(false)
      expect(emptyLines(deleted.view)).toBe(0)
      undo(deleted.view.state, deleted.view.dispatch)
      expect(lines(deleted.el)).toEqual(summary)

      const typed = await selected(summary, [title, 0], [lastText, lastText.length])
      edit(typed.view, 'typed')
      expect(sections(typed.el)).toEqual(['work:一、主要工作', 'work:二、社会事务', what === 'the problems' ? 'problems:三、和' : 'problems:三、存在的问题', what === 'the plans' ? 'plans:四、和' : 'plans:四、下一步工作打算'])
      expect(caret(typed.view)).toEqual(['heading', '和', ''])
    })
  }

  it('in suggestion mode (修订): a suggestion to delete the section whole, struck out, the text as accepted without it; rejected, it is back; accepted, it is gone', async () => {
    const el = await mountEditor(summary.join('\n'), { suggesting: '', suggestions: '' })
    el.user = { id: 'u1', name: '张三' }
    await loadPasteReader()
    const view = el.view!
    // Until what makes suggestions has loaded, an edit is refused and changes nothing.
    await expect
      .poll(() => {
        const { doc } = view.state
        view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, posOf(doc, '社会事务'), posOf(doc, '办理婚姻登记。', 7))))
        edit(view, 'Backspace')
        return el.summary.suggestions?.length ?? 0
      })
      .toBeGreaterThan(0)
    expect(el.summary.suggestions!.map((s) => [s.kind, s.blocks])).toEqual([['delete', [{ path: '$.sections[1]', mark: 'deletion' }]]])
    expect(el.shadowRoot!.querySelector('.ProseMirror del.zj-deletion')?.textContent).toContain('社会事务')
    expect(emptyHeading(view)).toBe(false)
    expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => l.replace('三、存在', '二、存在').replace('四、下一步', '三、下一步')))
    const suggested = view.state
    rejectAll()(view.state, view.dispatch)
    expect(el.summary.suggestions ?? []).toEqual([])
    expect(lines(el)).toEqual(summary)
    view.updateState(suggested)
    acceptAll()(view.state, view.dispatch)
    expect(el.summary.suggestions ?? []).toEqual([])
    expect(lines(el)).toEqual(without('二、社会事务', '办理婚姻登记。').map((l) => l.replace('三、存在', '二、存在').replace('四、下一步', '三、下一步')))
  })
})
