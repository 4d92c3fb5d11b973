// @vitest-environment happy-dom
/**
 * Heading numbers typed as a writer types them in a word processor, key by key or committed by an
 * input method, read as the importer reads the same line: `1、` as `1.` (but not `1、2月`), and a
 * heading's number and words composed in the empty item that Enter after a work item leaves.
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { importText, toSummary } from '@zongjie/model'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import { loadPasteReader } from '../src/plugins/clipboard.ts'

const head = ['某区统计局2024年工作总结', '开头。', '一、主要工作', '（一）做好普查工作']

/** The element holding `lines` after the head, what reads the parts loaded, the caret at the end of `at` (at its start, with `atStart`). */
async function caretAfter(lines: readonly string[], at: string, atStart = false) {
  const el = await mountEditor([...head, ...lines].join('\n'))
  await loadPasteReader()
  const view = el.view!
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, at, atStart ? 0 : at.length))))
  return { el, view }
}

/** Types `text` at the caret as the keyboard's text input does. */
function typeKeys(view: EditorView, text: string) {
  for (const ch of text) {
    const { from, to } = view.state.selection
    if (!view.someProp('handleTextInput', (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch)))) view.dispatch(view.state.tr.insertText(ch))
  }
}

/** `text` committed by an input method at the caret: the composition's start, its text, its end, and what runs after it. */
async function compose(view: EditorView, text: string) {
  view.someProp('handleDOMEvents', (h) => void h.compositionstart?.(view, new Event('compositionstart') as CompositionEvent))
  view.dispatch(view.state.tr.insertText(text))
  view.someProp('handleDOMEvents', (h) => void h.compositionend?.(view, new Event('compositionend') as CompositionEvent))
  await new Promise((resolve) => setTimeout(resolve, 30))
}

/** Enter pressed as the element's keymap takes it. */
const enter = (view: EditorView) => view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13 })))

/** The （一） section of the element's summary, and of the importer's reading of the same lines. */
function typedAndImported(el: Awaited<ReturnType<typeof mountEditor>>, lines: readonly string[]) {
  return [el.summary.sections[0]!.sections[0], toSummary(importText([...head, ...lines].join('\n')).doc).sections[0]!.sections[0]]
}

describe('`1、` typed at the start of a paragraph', () => {
  it('key by key, `1、组织动员。召开动员会议。`: a `1.` section, run-in, as the importer reads the line', async () => {
    const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
    enter(view)
    typeKeys(view, '1、组织动员。召开动员会议。')
    const [typed, imported] = typedAndImported(el, ['开展普查。', '1、组织动员。召开动员会议。'])
    expect(typed).toEqual(imported)
    expect(typed!.sections).toMatchObject([{ number: '1.', title: '组织动员', runIn: true }])
    const { $head } = view.state.selection
    expect($head.parent.textContent.slice(0, $head.parentOffset)).toBe('召开动员会议。')
  })

  it('with the words after `1、` committed by an input method: the same `1.` section', async () => {
    const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
    enter(view)
    typeKeys(view, '1、')
    await compose(view, '组织动员')
    expect(el.summary.sections[0]!.sections[0]!.sections).toMatchObject([{ number: '1.', title: '组织动员' }])
    const { $head } = view.state.selection
    expect([$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]).toEqual(['heading', '组织动员'])
  })

  it('`1、2月份` stays a paragraph, as the importer reads it', async () => {
    const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
    enter(view)
    typeKeys(view, '1、2月份完成登记。')
    const [typed, imported] = typedAndImported(el, ['开展普查。', '1、2月份完成登记。'])
    expect(typed).toEqual(imported)
    expect(typed!.sections).toEqual([])
  })
})

describe('a heading composed in the empty work item Enter leaves after the last item', () => {
  it('`（二）完善保障` committed whole: the list ends, a `（二）` section follows, as the importer reads the lines', async () => {
    const { el, view } = await caretAfter(['一是开展排查。'], '开展排查。')
    enter(view)
    await compose(view, '（二）完善保障')
    const summary = el.summary.sections[0]!
    const imported = toSummary(importText([...head, '一是开展排查。', '（二）完善保障'].join('\n')).doc).sections[0]!
    expect(summary.sections).toEqual(imported.sections)
    expect(summary.sections.map((s) => s.title)).toEqual(['做好普查工作', '完善保障'])
    const { $head } = view.state.selection
    expect([$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]).toEqual(['heading', '完善保障'])
  })

  it('composed at the start of an item with text after it: the text stays the item', async () => {
    const { el, view } = await caretAfter(['一是开展排查。'], '开展排查。', true)
    await compose(view, '（二）完善')
    expect(el.summary.sections[0]!.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ text: '（二）完善开展排查。' }] }])
  })
})
