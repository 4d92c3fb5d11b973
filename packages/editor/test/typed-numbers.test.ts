// @vitest-environment happy-dom
/**
 * Heading numbers typed as a writer types them in a word processor, key by key or committed by an
 * input method, read as the importer reads the same line: `1、` as `1.` (but not `1、2月`), and a
 * heading's number and words composed in the empty item that Enter after a work item leaves; a
 * line that starts with a number that is no heading number (`1.5万亩`, `一、二季度`) stays a paragraph.
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { undo } from 'prosemirror-history'
import type { EditorView } from 'prosemirror-view'
import { displayText, importText, toSummary, type Summary } from '@zongjie/model'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import { typeKeys, compose } from './typing.ts'
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

describe('a line that starts with a number that is no heading number, typed on a new line', () => {
  /** A summary's sections as a writer sees them: numbers, titles, body paragraphs' text, subsections. */
  const outline = (sections: readonly Summary['sections'][number][]): unknown[] => sections.map((s) => [s.number + s.title, s.body.map((b) => (b.type === 'paragraph' ? b.text : b.type)), outline(s.sections)])
  /** The element's sections and the importer's reading of the same lines, as outlines. */
  const typedAndRead = (el: Awaited<ReturnType<typeof mountEditor>>, lines: readonly string[]) => [outline(el.summary.sections), outline(toSummary(importText([...head, ...lines].join('\n')).doc).sections)]
  /** The caret's textblock and the text before the caret in it, fields as displayed (a metric typed is one: `12亿元`). */
  const caret = (view: EditorView) => {
    const { $head } = view.state.selection
    return [$head.parent.type.name, displayText($head.parent.cut(0, $head.parentOffset))]
  }

  for (const line of ['1.5万亩高标准农田已建成。', '1．5万亩高标准农田已建成。', '一、二季度，全市完成投资12亿元。', '三、四月份开展专项检查。', '一、二年级学生全部参加。']) {
    it(`\`${line}\` key by key: a paragraph, as the importer reads it, the caret at its end`, async () => {
      const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
      enter(view)
      typeKeys(view, line)
      // (The importer reads `1．5万亩` as the metric 1.5万亩, written `1.5`; typed, it is read so too.)
      const read = line.replace('1．5', '1.5')
      const [typed, imported] = typedAndRead(el, ['开展普查。', read])
      expect(typed).toEqual(imported)
      expect(el.summary.sections[0]!.sections[0]!.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(['开展普查。', read])
      expect(caret(view)).toEqual(['paragraph', read])
    })

    it(`\`${line}\` through an input method, its numeral composed, its mark typed, then the words committed whole: a paragraph`, async () => {
      const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
      enter(view)
      const mark = line.search(/[、.．]/)
      await compose(view, line.slice(0, mark))
      typeKeys(view, line[mark]!)
      await compose(view, line.slice(mark + 1))
      expect(el.summary.sections[0]!.sections[0]!.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(['开展普查。', line])
      expect(caret(view)).toEqual(['paragraph', line])
    })

    it(`\`${line}\` committed whole by an input method: a paragraph`, async () => {
      const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
      enter(view)
      await compose(view, line)
      expect(el.summary.sections[0]!.sections[0]!.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(['开展普查。', line])
    })
  }

  for (const [line, title] of [
    ['二、主要工作', '主要工作'],
    ['二、二〇二五年工作打算', '二〇二五年工作打算'],
    ['1.组织动员', '组织动员'],
    ['1．组织动员', '组织动员'],
    ['（二）加强管理', '加强管理'],
  ] as const) {
    for (const how of ['key by key', 'its number typed, its words composed', 'committed whole'] as const) {
      it(`a heading still: \`${line}\` ${how}, the section the importer reads, the caret after its title`, async () => {
        const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
        enter(view)
        const words = line.indexOf(title)
        if (how === 'key by key') typeKeys(view, line)
        else if (how === 'committed whole') await compose(view, line)
        else {
          typeKeys(view, line.slice(0, words))
          await compose(view, title)
        }
        const [typed, read] = typedAndRead(el, ['开展普查。', line])
        expect(typed).toEqual(read)
        expect(JSON.stringify(typed)).toContain(`${line.startsWith('1') ? '1.' : line.slice(0, words)}${title}`)
        expect(caret(view)).toEqual(['heading', title])
      })
    }
  }

  it('`1.` typed alone stays as typed until the next character: a word after it makes the heading', async () => {
    const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
    enter(view)
    typeKeys(view, '1.')
    expect(el.summary.sections[0]!.sections[0]!.sections).toEqual([])
    expect(caret(view)).toEqual(['paragraph', '1.'])
    typeKeys(view, '组')
    expect(el.summary.sections[0]!.sections[0]!.sections).toMatchObject([{ number: '1.', title: '组' }])
    expect(caret(view)).toEqual(['heading', '组'])
  })

  it('`一、` typed alone, then numerals that may yet count something: as typed until a word says it is a heading', async () => {
    const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
    enter(view)
    typeKeys(view, '二、十四五')
    expect(el.summary.sections).toHaveLength(1)
    typeKeys(view, '规划')
    expect(el.summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、十四五规划'])
    expect(caret(view)).toEqual(['heading', '十四五规划'])
  })

  it('`1.` typed before the words of a paragraph that make it a heading: the heading at once, as before', async () => {
    const { el, view } = await caretAfter(['开展普查。', '组织动员'], '组织动员', true)
    typeKeys(view, '1.')
    expect(el.summary.sections[0]!.sections[0]!.sections).toMatchObject([{ number: '1.', title: '组织动员' }])
    expect(caret(view)).toEqual(['heading', ''])
  })

  for (const [typed, last] of [['1.', '组'], ['一、', '主'], ['（一', '）']] as const) {
    it(`Ctrl-Z right after \`${last}\` typed after \`${typed}\` and a pause has made the heading: the text typed before, as for the other numbers`, async () => {
      const { el, view } = await caretAfter(['开展普查。'], '开展普查。')
      enter(view)
      typeKeys(view, typed)
      await new Promise((resolve) => setTimeout(resolve, 600))
      typeKeys(view, last)
      expect(outline(el.summary.sections)).not.toEqual(outline(toSummary(importText([...head, '开展普查。', ''].join('\n')).doc).sections))
      undo(view.state, view.dispatch)
      expect(outline(el.summary.sections)).toEqual([['一、主要工作', [], [['（一）做好普查工作', ['开展普查。', typed], []]]]])
    })
  }
})
