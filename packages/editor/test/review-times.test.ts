// @vitest-environment happy-dom
/**
 * The times the editor shows (the comments, suggestions and versions panels) are the review
 * HTML's: Beijing time (UTC+8), whatever the zone of the writer's machine. The tests run in UTC,
 * where a time late in the evening is already the next day in Beijing.
 */
import { describe, it, expect } from 'vitest'
import { importText, schema, toSummary, type CommentThread, type Suggestion } from '@zongjie/model'
import { Transform } from 'prosemirror-transform'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。'].join('\n')

/** 17:30 UTC on 7 December: 01:30 on 8 December in Beijing. */
const lateEvening = '2026-12-07T17:30:00Z'
const reply = '2026-12-07T23:59:00Z'
const zhang = { id: 'u1', name: '张三', role: '办公室' }

/** The editor with a comment (answered) and a suggestion made late in the evening UTC, every review panel shown. */
async function reviewed(lang?: string): Promise<ZongjieEditor> {
  const el = await mountEditor(draft, { comments: '', suggestions: '', versions: '', ...(lang ? { lang } : {}) })
  const doc = importText(draft).doc
  const at = posOf(doc, '社区')
  const thread: CommentThread = { id: 'c1', author: zhang, time: lateEvening, text: '请核实', replies: [{ id: 'r1', author: zhang, time: reply, text: '已核实' }], resolved: false, quote: '社区', scope: 'text' }
  const suggestion: Suggestion = { id: 's1', author: zhang, time: lateEvening, kind: 'insert' }
  const tr = new Transform(doc)
    .addMark(at, at + 2, schema.marks.comment!.create({ id: 'c1' }))
    .insert(posOf(doc, '养老'), schema.text('居家', [schema.marks.insertion!.create({ id: 's1' })]))
    .setDocAttribute('comments', [thread])
    .setDocAttribute('suggestions', [suggestion])
  el.summary = toSummary(tr.doc)
  el.versions = [{ id: 'v1', label: '初稿', author: zhang, time: lateEvening, summary: toSummary(doc) }]
  await expect.poll(() => el.shadowRoot!.querySelectorAll('[part="comments"] time, [part="suggestions"] time, [part="versions"] time').length).toBe(4)
  await el.updateComplete
  return el
}

const times = (el: ZongjieEditor, part: string) => [...el.shadowRoot!.querySelectorAll(`[part="${part}"] time`)].map((t) => t.textContent!.trim())

describe('times in the review panels', () => {
  it('are shown in Beijing time, as the review HTML shows them: the comments, the suggestions and the versions panels', async () => {
    const el = await reviewed()
    const html = el.getHTML()
    // The review HTML's own times, comment, reply and suggestion.
    const written = [...html.matchAll(/<time datetime="[^"]+">([^<]+)<\/time>/g)].map((m) => m[1])
    expect(written).toEqual(['2026年12月8日 01:30', '2026年12月8日 07:59', '2026年12月8日 01:30'])
    expect(times(el, 'comments')).toEqual(['2026年12月8日 01:30', '2026年12月8日 07:59'])
    expect(times(el, 'suggestions')).toEqual(['2026年12月8日 01:30'])
    expect(times(el, 'versions')).toEqual(['2026年12月8日 01:30'])
    // The machine-readable time stays the ISO time.
    expect(el.shadowRoot!.querySelector('[part="comments"] time')!.getAttribute('datetime')).toBe(lateEvening)
  })

  it('in English, the same Beijing time, said to be UTC+8', async () => {
    const el = await reviewed('en')
    await expect.poll(() => times(el, 'versions')[0]).toMatch(/^Dec 8, 2026, 1:30\sAM \(UTC\+8\)$/)
    expect(times(el, 'comments')[0]).toMatch(/^Dec 8, 2026, 1:30\sAM \(UTC\+8\)$/)
    expect(times(el, 'suggestions')[0]).toMatch(/^Dec 8, 2026, 1:30\sAM \(UTC\+8\)$/)
  })
})
