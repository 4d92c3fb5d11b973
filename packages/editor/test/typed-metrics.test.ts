// @vitest-environment happy-dom
/**
 * Metrics typed in the text as a writer types them, key by key or committed by an input method:
 * a number and its unit become a metric field once the next character says where they end, read as
 * the importer reads the same words pasted (`120名`, `12.50万元`, `3000-5000元`, `X名`), so that the
 * Summary JSON has them; a year, a date, an ordinal or digits in a word stay text, and Backspace
 * right after gives back the text as typed.
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { displayText, importText, toSummary } from '@zongjie/model'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import { typeKeys, compose } from './typing.ts'
import { loadPasteReader } from '../src/plugins/clipboard.ts'

const head = ['某区统计局2024年工作总结', '开头。', '一、主要工作', '（一）做好普查工作', '开展普查。']

/** The element holding the head, what reads pastes loaded (unless `loaded` is false), the caret at the end of `at`. */
async function caretAfter(at: string, loaded = true, attributes: Record<string, string> = {}) {
  const el = await mountEditor(head.join('\n'), attributes)
  if (loaded) await loadPasteReader()
  const view = el.view!
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, at, at.length))))
  return { el, view }
}

const backspace = (view: EditorView) => view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key: 'Backspace', keyCode: 8 })))

/** The paragraph the caret is in, fields as `[text]`, and the caret as `|`. */
function caretLine(view: EditorView): string {
  const { $head } = view.state.selection
  let out = ''
  $head.parent.forEach((node, offset) => {
    const at = $head.parentOffset - offset
    if (node.isText && at > 0 && at < node.nodeSize) out += `${node.text!.slice(0, at)}|${node.text!.slice(at)}`
    else out += (at === 0 ? '|' : '') + (node.isText ? node.text : `[${displayText(node)}]`)
  })
  return $head.parentOffset === $head.parent.content.size ? `${out}|` : out
}

/** The metrics of the element's summary, as the Summary JSON lists them. */
const metricsOf = (el: Awaited<ReturnType<typeof mountEditor>>) => el.summary.metrics.map((m) => ({ value: m.value, unit: m.unit }))

/** The metrics the importer reads in the head with `line` after it. */
const importedMetrics = (line: string) => toSummary(importText([...head, line].join('\n')).doc).metrics.map((m) => ({ value: m.value, unit: m.unit }))

describe('a metric typed in the text', () => {
  // First: once loaded, what reads pastes stays for the file's other tests.
  it('stays text until what reads pastes has loaded (the writer’s first focus)', async () => {
    const { el, view } = await caretAfter('开展普查。', false)
    typeKeys(view, '培训120名，')
    expect(caretLine(view)).toBe('开展普查。培训120名，|')
    expect(el.summary.metrics).toEqual([])
  })

  it('`今年培训干部120名，` key by key: `120名` is a metric field, the `，` after it, the caret after that; as the importer reads it', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '今年培训干部120名，')
    expect(caretLine(view)).toBe('开展普查。今年培训干部[120名]，|')
    expect(metricsOf(el)).toEqual([{ value: 120, unit: '名' }])
    expect(metricsOf(el)).toEqual(importedMetrics('开展普查。今年培训干部120名，'))
  })

  it('decimals, a scale in the unit, a range and an unfilled `X`: each one metric, as the importer reads them', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '投入12.50万元，补助3000-5000元；用时10个工作日、覆盖X名。')
    expect(caretLine(view)).toBe('开展普查。投入[12.50万元]，补助[3000-5000元]；用时[10个工作日]、覆盖[X名]。|')
    expect(el.summary.metrics.map((m) => m.text)).toEqual(['12.50万元', '3000-5000元', '10个工作日', 'X名'])
    expect(metricsOf(el)).toEqual(importedMetrics('开展普查。投入12.50万元，补助3000-5000元；用时10个工作日、覆盖X名。'))
  })

  it('a unit that may go on (`3个` then `百`) waits for the whole unit: `3个百分点，` is one metric', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '提高3个百分点，')
    expect(caretLine(view)).toBe('开展普查。提高[3个百分点]，|')
    expect(metricsOf(el)).toEqual([{ value: 3, unit: '个百分点' }])
  })

  it('a year, a date, an ordinal, a section number and digits in a word stay text, as the importer reads them', async () => {
    const { el, view } = await caretAfter('开展普查。')
    const typed = '2025年6月底完成第2批，ISO9001认证，1.做好'
    typeKeys(view, typed)
    expect(caretLine(view)).toBe(`开展普查。${typed}|`)
    expect(el.summary.metrics).toEqual([])
    expect(importedMetrics(`开展普查。${typed}`)).toEqual([])
  })

  it('Backspace right after gives back the text as typed, the `，` too', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '培训120名，')
    expect(caretLine(view)).toBe('开展普查。培训[120名]，|')
    backspace(view)
    expect(caretLine(view)).toBe('开展普查。培训120名，|')
    expect(el.summary.metrics).toEqual([])
  })

  it('`万元，` committed by an input method after `3.5`: a metric, the caret after the `，`; Backspace gives back the text', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '投入3.5')
    await compose(view, '万元，')
    expect(caretLine(view)).toBe('开展普查。投入[3.5万元]，|')
    expect(metricsOf(el)).toEqual([{ value: 3.5, unit: '万元' }])
    backspace(view)
    expect(caretLine(view)).toBe('开展普查。投入3.5万元，|')
  })

  it('`名` then `。` each committed by an input method: the metric once the `。` says where it ends', async () => {
    const { el, view } = await caretAfter('开展普查。')
    typeKeys(view, '培训120')
    await compose(view, '名')
    expect(caretLine(view)).toBe('开展普查。培训120名|')
    await compose(view, '。')
    expect(caretLine(view)).toBe('开展普查。培训[120名]。|')
    expect(metricsOf(el)).toEqual([{ value: 120, unit: '名' }])
  })

  it('in a heading’s title and in the summary’s title too, as the importer reads them', async () => {
    const { el, view } = await caretAfter('做好普查工作')
    typeKeys(view, '，培训120名 ')
    expect(caretLine(view)).toBe('做好普查工作，培训[120名] |')
    expect(metricsOf(el)).toEqual([{ value: 120, unit: '名' }])
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '工作总结'))))
    typeKeys(view, '（培训120名）')
    expect(caretLine(view)).toBe('某区统计局2024年（培训[120名]）|工作总结')
    expect(toSummary(importText('某区统计局2024年（培训120名）工作总结').doc).metrics.map((m) => m.text)).toEqual(['120名'])
    expect(el.summary.metrics.map((m) => m.text)).toEqual(['120名', '120名'])
  })

  it('in suggestion mode, a mark typed after a number and unit that were there goes in as a suggested insertion; they stay text', async () => {
    const { el, view } = await caretAfter('开展普查。')
    view.dispatch(view.state.tr.insertText('培训120名'))
    el.user = { id: 'u1', name: '张三' }
    el.suggesting = true
    await el.updateComplete
    const at = view.state.selection.from
    // Once what makes suggestions has loaded (until then an edit is refused).
    await expect
      .poll(() => {
        view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)))
        typeKeys(view, '，')
        return el.summary.suggestions?.length ?? 0
      })
      .toBeGreaterThan(0)
    expect(caretLine(view)).toBe('开展普查。培训120名，|')
    expect(el.summary.suggestions!.map((s) => s.kind)).toEqual(['insert'])
    expect(el.summary.metrics).toEqual([])
  })

  it('in suggestion mode, stays text as typed: a suggested insertion of the words', async () => {
    const { el, view } = await caretAfter('开展普查。', true, { suggesting: '' })
    el.user = { id: 'u1', name: '张三' }
    // Once what makes suggestions has loaded (until then an edit is refused).
    await expect.poll(() => (typeKeys(view, el.summary.suggestions?.length ? '' : '培'), el.summary.suggestions?.length ?? 0)).toBeGreaterThan(0)
    typeKeys(view, '训120名，')
    expect(caretLine(view)).toBe('开展普查。培训120名，|')
    typeKeys(view, '补助3.5')
    await compose(view, '万元，')
    expect(caretLine(view)).toBe('开展普查。培训120名，补助3.5万元，|')
    expect(el.summary.metrics).toEqual([])
  })
})
