// @vitest-environment happy-dom
/**
 * Suggestions (修订) in the element: suggestion mode makes edits suggestions by the `user` (not undo,
 * not comments, not a document loaded), a field's new value keeps its old one shown beside it, the
 * panel accepts and rejects; and the integrator's `addComment`.
 */
import { describe, it, expect } from 'vitest'
import { undo } from 'prosemirror-history'
import { Selection, TextSelection } from 'prosemirror-state'
import { toText, type Summary } from '@zongjie/model'
import { fillField } from '@zongjie/commands'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import { posOf } from './positions.ts'
import { mountEditor } from './element.ts'
import { withoutSuggestions } from '../src/plugins/pasted-marks.ts'
import { readPasted } from '../src/plugins/paste-read.ts'


const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。', '二、存在的问题', '一是力量不足。'].join('\n')
const zhang = { id: 'u1', name: '张三', role: '办公室' }
const li = { id: 'u2', name: '李四' }

const mount = (attributes: Record<string, string> = {}) => mountEditor(draft, attributes)

/** Types `text` after `after` through the view, as the keyboard's text input does. */
function type(el: ZongjieEditor, after: string, text: string) {
  const view = el.view!
  const pos = posOf(view.state.doc, after) + after.length
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)))
  view.dispatch(view.state.tr.insertText(text))
}

const suggestionsOf = (el: ZongjieEditor) => (el.summary.suggestions ?? []).map((s) => [s.kind, s.author.name])

/** Types in suggestion mode once what makes suggestions has loaded (until then an edit is refused and changes nothing). */
async function typeSuggesting(el: ZongjieEditor, after: string, text: string) {
  await expect
    .poll(() => {
      if (!suggestionsOf(el).length) type(el, after, text)
      return suggestionsOf(el).length
    })
    .toBeGreaterThan(0)
}

describe('suggestion mode in the element', () => {
  it('makes typing a suggestion by the user, shown in the text; undo takes it back without suggesting', async () => {
    const el = await mount({ suggesting: '' })
    el.user = zhang
    await typeSuggesting(el, '稳步推进', '全面')
    expect(suggestionsOf(el)).toEqual([['insert', '张三']])
    const ins = el.shadowRoot!.querySelector('.ProseMirror ins.zj-insertion')!
    expect(ins.textContent).toBe('全面')
    expect(ins.getAttribute('data-suggestion')).toBe(el.summary.suggestions![0]!.id)
    expect(el.getText()).toContain('稳步推进全面各项工作')
    undo(el.view!.state, el.view!.dispatch)
    expect(suggestionsOf(el)).toEqual([])
    expect(el.getText()).toContain('稳步推进各项工作')
  })

  it('with suggestion mode off, edits are made as they are; a comment in suggestion mode is no suggestion', async () => {
    const el = await mount({ suggesting: '' })
    el.user = li
    await typeSuggesting(el, '稳步推进', '全面')
    el.suggesting = false
    await el.updateComplete
    type(el, '力量不足', '，人手紧张')
    expect(suggestionsOf(el)).toEqual([['insert', '李四']])
    expect(el.getText()).toContain('力量不足，人手紧张')
    el.suggesting = true
    const view = el.view!
    const from = posOf(view.state.doc, '养老服务站')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + 5)))
    expect(await el.addComment('请核实')).toMatch(/^c/)
    expect(suggestionsOf(el)).toEqual([['insert', '李四']])
    expect(el.summary.comments).toHaveLength(1)
  })

  it("a metric's new value is a field suggestion, the old value shown struck out before it", async () => {
    const el = await mount({ suggesting: '' })
    el.user = zhang
    await typeSuggesting(el, '稳步推进', '全面')
    const view = el.view!
    let metric = -1
    view.state.doc.descendants((node, pos) => {
      if (node.type.name === 'metric' && metric < 0) metric = pos
      return metric < 0
    })
    fillField(metric, 8)(view.state, view.dispatch)
    expect(suggestionsOf(el)).toEqual([['insert', '张三'], ['field', '张三']])
    expect(el.shadowRoot!.querySelector('.ProseMirror del.zj-previous')?.textContent).toBe('6个')
    expect(toText(el.doc)).toContain('服务站8个')
    expect(toText(el.doc, { suggestions: 'original' })).toContain('服务站6个')
  })

  it('the panel accepts one, and rejects all of an author', async () => {
    const el = await mount({ suggesting: '', suggestions: '' })
    el.user = zhang
    await typeSuggesting(el, '稳步推进', '全面')
    el.user = li
    type(el, '力量不足', '，人手紧张')
    expect(suggestionsOf(el)).toEqual([['insert', '张三'], ['insert', '李四']])
    await expect.poll(() => el.shadowRoot!.querySelectorAll('[part="suggestions"] .suggestion').length).toBe(2)
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="suggestions"] .author-row')]
    expect(rows.map((r) => r.querySelector('.name')!.textContent)).toEqual(['张三（办公室）：1 处', '李四：1 处'])
    rows[1]!.querySelector<HTMLButtonElement>('.reject-author')!.click()
    expect(suggestionsOf(el)).toEqual([['insert', '张三']])
    expect(el.getText()).toContain('一是力量不足。')
    await el.updateComplete
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="suggestions"] .suggestion .accept')!.click()
    expect(suggestionsOf(el)).toEqual([])
    expect(el.getText()).toContain('稳步推进全面各项工作')
  })
})

describe('accepting the lines of an ending suggested at the end of the summary', () => {
  const withPlans = [draft, '三、下步打算', '加强统计培训。'].join('\n')
  const ending = ['总之，成效明显。', '示范县民政局', '2025年12月31日']

  /** Types the lines of `ending` at the end of the summary, each a new paragraph, as the writer does (Enter, then the text). */
  function typeEnding(el: ZongjieEditor) {
    for (const line of ending) {
      const view = el.view!
      const end = Selection.atEnd(view.state.doc).from
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, end)).split(end))
      view.dispatch(el.view!.state.tr.insertText(line))
    }
  }

  /** An editor over `withPlans` in suggestion mode, the ending typed by 张三 as suggestions (typed again until suggestion mode has loaded and takes them). */
  async function endingSuggested(): Promise<ZongjieEditor> {
    const el = await mountEditor(withPlans, { suggesting: '', suggestions: '' })
    el.user = zhang
    await expect.poll(() => {
      if (!suggestionsOf(el).length) typeEnding(el)
      return suggestionsOf(el).length
    }).toBeGreaterThan(0)
    return el
  }

  /** What the writer sees of the end of the summary (the anchors of suggested lines left out): the plans' paragraphs, the closing's, the sign-off. */
  const endOf = (el: ZongjieEditor) => {
    const summary = JSON.parse(el.value) as Summary
    const lines = (blocks: Summary['closing']) => blocks.map((b) => (b.type === 'paragraph' ? b.text.replaceAll('\u200b', '') : b.type))
    return { plans: lines(summary.sections.at(-1)!.body), closing: lines(summary.closing), signOff: summary.signOff ?? null }
  }
  const asAccepted = { plans: ['加强统计培训。'], closing: ['总之，成效明显。'], signOff: { organization: '示范县民政局', date: '2025年12月31日' } }

  for (const how of ['全部接受', '接受 on each, in the order made'] as const) {
    it(`typed as suggestions, they stay paragraphs; accepted (${how}) with suggestion mode still on, they become the closing and the sign-off, taken back by one undo`, async () => {
      const el = await endingSuggested()
      // Suggestions cannot say a change of parts: typed in suggestion mode, they are paragraphs of the plans.
      expect(endOf(el)).toEqual({ plans: ['加强统计培训。', ...ending], closing: [], signOff: null })
      // The reviewer's caret is elsewhere (the title).
      el.view!.dispatch(el.view!.state.tr.setSelection(TextSelection.create(el.view!.state.doc, 1)))
      await expect.poll(() => el.shadowRoot!.querySelector('[part="suggestions"] .accept-all')).not.toBeNull()
      const panel = el.shadowRoot!.querySelector('[part="suggestions"]')!
      if (how === '全部接受') panel.querySelector<HTMLButtonElement>('.accept-all')!.click()
      else
        while (panel.querySelector('.suggestion .accept')) {
          panel.querySelector<HTMLButtonElement>('.suggestion .accept')!.click()
          await el.updateComplete
        }
      expect(suggestionsOf(el)).toEqual([])
      expect(endOf(el)).toEqual(asAccepted)
      expect(el.getText()).toMatch(/加强统计培训。\n总之，成效明显。\n\n示范县民政局\n2025年12月31日\n$/)
      expect(el.view!.state.selection.from).toBe(1)
      if (how === '全部接受') {
        undo(el.view!.state, el.view!.dispatch)
        expect(endOf(el)).toEqual({ plans: ['加强统计培训。', ...ending], closing: [], signOff: null })
        expect(suggestionsOf(el).length).toBeGreaterThan(0)
      }
    })
  }

  it('with suggestion mode off, accepting them makes the closing and the sign-off too, wherever the caret is', async () => {
    const el = await endingSuggested()
    el.removeAttribute('suggesting')
    await el.updateComplete
    el.view!.dispatch(el.view!.state.tr.setSelection(TextSelection.create(el.view!.state.doc, 1)))
    await expect.poll(() => el.shadowRoot!.querySelector('[part="suggestions"] .accept-all')).not.toBeNull()
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="suggestions"] .accept-all')!.click()
    expect(endOf(el)).toEqual(asAccepted)
  })
})

describe('pasting suggestions', () => {
  it('a copy of suggested text pastes as its text with the suggestions accepted; HTML of a summary with suggestions, into a draft, too', async () => {
    const el = await mount({ suggesting: '' })
    el.user = zhang
    await typeSuggesting(el, '稳步推进', '全面')
    const view = el.view!
    // 各项 marked deleted as well.
    const at = posOf(view.state.doc, '各项')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at, at + 2)))
    view.dispatch(view.state.tr.deleteSelection())
    expect(suggestionsOf(el).map(([kind]) => kind)).toEqual(['insert'])
    const from = posOf(view.state.doc, '我局')
    const slice = view.state.doc.slice(from, posOf(view.state.doc, '工作。'))
    expect(slice.content.textBetween(0, slice.content.size)).toBe('我局稳步推进全面各项')
    const pasted = withoutSuggestions(slice)
    expect(pasted.content.textBetween(0, pasted.content.size)).toBe('我局稳步推进全面')
    let marks = 0
    pasted.content.descendants((node) => {
      marks += node.marks.length
      return true
    })
    expect(marks).toBe(0)

    const html = el.getHTML()
    expect(html).toContain('<ins')
    const read = readPasted(html, '', false)!
    expect(toText(read.doc)).toContain('我局稳步推进全面工作。')
    expect(read.doc.attrs.suggestions).toEqual([])
    expect(readPasted(html, '', true)!.doc.attrs.suggestions).toHaveLength(1)
  })
})

describe('addComment (for integrators)', () => {
  it('comments on the selection as the user; refuses without a user, with no text, with nothing selected, read only', async () => {
    const el = await mount()
    const refused = async (text: string) => {
      try {
        await el.addComment(text)
        return null
      } catch (e) {
        return [(e as Error).name, (e as { path: string }).path]
      }
    }
    el.user = null
    expect(await refused('请核实')).toEqual(['ReviewError', 'user'])
    el.user = zhang
    expect(await refused('  ')).toEqual(['ReviewError', 'text'])
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '养老服务站'))))
    expect(await refused('请核实')).toEqual(['ReviewError', 'selection'])
    const from = posOf(view.state.doc, '养老服务站')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + 5)))
    const id = await el.addComment(' 请核实 ')
    expect(el.summary.comments).toMatchObject([{ id, text: '请核实', quote: '养老服务站', author: { name: '张三', role: '办公室' }, scope: 'text' }])
    // With the cursor in a heading, on the whole section.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '存在的问题'))))
    await el.addComment('这一节太短')
    expect(el.summary.comments?.map((c) => [c.scope, c.quote])).toEqual([['text', '养老服务站'], ['section', '存在的问题']])
    el.readonly = true
    await el.updateComplete
    expect(await refused('再看看')).toEqual(['ReviewError', 'readonly'])
  })
})
