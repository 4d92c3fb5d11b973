// @vitest-environment happy-dom
/**
 * Who is writing and the versions of a summary: `user` and its colour, `saveVersion()` with its
 * `version` event, `versions` (read, given back by the page, a bad list refused with the place of
 * the fault), `compareVersions()` knowing the structure, `restoreVersion()` as one undoable step,
 * the versions panel, and where each difference is in the draft.
 */
import { describe, it, expect } from 'vitest'
import { undo } from 'prosemirror-history'
import { TextSelection } from 'prosemirror-state'
import { importText, toSummary, type Change } from '@zongjie/model'
import { fillField } from '@zongjie/commands'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import type { ZongjieErrorDetail, Version } from '../src/index.ts'
import { userColor, userColors } from '../src/index.ts'
import { readVersions } from '../src/review/versions.ts'
import { placeOfChange } from '../src/review/places.ts'
import { posOf } from './positions.ts'
import { mountEditor } from './element.ts'


const draft = [
  '示范县民政局2024年上半年工作总结',
  '上半年，我局稳步推进各项工作。',
  '一、主要工作',
  '（一）养老服务',
  '新建社区养老服务站6个。',
  '（二）社会救助',
  '发放救助金。',
  '二、存在的问题',
  '一是力量不足。',
  '三、下半年工作计划',
  '一是补齐短板。',
].join('\n')

/** A rendered `<zongjie-editor>` holding the draft. */
const mount = (attributes: Record<string, string> = {}) => mountEditor(draft, attributes)

/** The `error` events the element fires from now on. */
function errors(el: ZongjieEditor): ZongjieErrorDetail[] {
  const seen: ZongjieErrorDetail[] = []
  el.addEventListener('error', (e) => seen.push(e.detail))
  return seen
}


/** The three edits of a review round: a metric's value, a paragraph added, a section retitled. */
function edit(el: ZongjieEditor) {
  const view = el.view!
  let metric = -1
  view.state.doc.descendants((node, pos) => {
    if (metric < 0 && node.type.name === 'metric') metric = pos
    return metric < 0
  })
  expect(fillField(metric, 8)(view.state, view.dispatch)).toBe(true)
  // A new paragraph after 发放救助金。
  const end = posOf(view.state.doc, '发放救助金。', '发放救助金。'.length)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, end)))
  view.dispatch(view.state.tr.split(end).insertText('开展救助政策宣传。'))
  // 社会救助 → 社会救助与慈善
  const heading = posOf(view.state.doc, '社会救助', '社会救助'.length)
  view.dispatch(view.state.tr.insertText('与慈善', heading))
}

const theEdits: Change[] = [
  { kind: 'metric-changed', where: '一、（一）', paragraph: 1, context: '新建社区养老服务站', old: '6个', new: '8个' },
  { kind: 'section-retitled', where: '一、（二）', old: '社会救助', new: '社会救助与慈善' },
  { kind: 'paragraph-added', where: '一、（二）', paragraph: 2, text: '开展救助政策宣传。' },
]

describe('user', () => {
  it('has a colour of its own, or one of the palette chosen by its id, the same every time', () => {
    expect(userColor({ id: 'zhang', color: '#123456' })).toBe('#123456')
    const c = userColor({ id: 'zhang' })
    expect(userColors).toContain(c)
    expect(userColor({ id: 'zhang' })).toBe(c)
    const spread = new Set(['zhang', 'li', 'wang', 'zhao', 'liu', 'chen', 'yang', 'huang'].map((id) => userColor({ id })))
    expect(spread.size).toBeGreaterThan(3)
  })

  it('is set by the page, copied, and a value that is not a writer is refused with an error event naming the field', async () => {
    const el = await mount()
    const seen = errors(el)
    expect(el.user).toBeNull()
    const user = { id: 'u1', name: '张三', role: '办公室' }
    el.user = user
    expect(el.user).toEqual(user)
    el.user = { id: '', name: '李四' }
    el.user = { id: 'u2' } as never
    el.user = { id: 'u2', name: '李四', role: '' }
    el.user = { id: 'u2', name: '李四', color: 7 } as never
    el.user = 'u3' as never
    expect(seen.map((e) => e.path)).toEqual(['$.id', '$.name', '$.role', '$.color', '$'])
    expect(seen[0]!.message).toMatch(/^无法设置用户：\$\.id: 应为不空的字符串/)
    expect(el.user).toEqual(user)
    el.user = null
    expect(el.user).toBeNull()
  })
})

describe('saveVersion and versions', () => {
  it('keeps the draft with its label, author and time, fires `version` with it, and lists the versions oldest first', async () => {
    const el = await mount()
    el.user = { id: 'u1', name: '张三' }
    const fired: Version[] = []
    el.addEventListener('version', (e) => fired.push(e.detail))
    const before = Date.now()
    const first = el.saveVersion('初稿')
    expect(first).toMatchObject({ label: '初稿', author: { id: 'u1', name: '张三' } })
    expect(first.summary).toEqual(JSON.parse(JSON.stringify(el.summary)))
    expect(Date.parse(first.time)).toBeGreaterThanOrEqual(before - 1)
    expect(first.time).toBe(new Date(first.time).toISOString())
    edit(el)
    el.user = null
    const second = el.saveVersion()
    expect(second).toMatchObject({ label: '', author: null })
    expect(second.id).not.toBe(first.id)
    expect(fired).toEqual([first, second])
    expect(el.versions).toEqual([first, second])
    // The list given out is a copy: changing it changes nothing.
    el.versions.pop()
    expect(el.versions).toHaveLength(2)
    // What was saved stays as it was when the draft changes.
    expect(first.summary.sections[0]!.sections[1]!.title).toBe('社会救助')
  })

  it('takes back a list the page stored, as JSON', async () => {
    const el = await mount()
    el.user = { id: 'u1', name: '张三', color: '#0000aa' }
    el.saveVersion('初稿')
    edit(el)
    el.saveVersion('送审稿')
    const stored = JSON.parse(JSON.stringify(el.versions))
    const other = await mount()
    const seen = errors(other)
    other.versions = stored
    expect(seen).toEqual([])
    expect(other.versions).toEqual(stored)
    expect(await other.compareVersions(stored[0].id, stored[1].id)).toEqual(theEdits)
  })

  it('refuses a list that is not one, with an error event naming the offending field, and keeps its own', async () => {
    const el = await mount()
    const kept = el.saveVersion('初稿')
    const seen = errors(el)
    const good = JSON.parse(JSON.stringify(kept))
    const bad: [unknown, string][] = [
      [{ ...good }, '$'],
      [[{ ...good, id: 7 }], '$[0].id'],
      [[good, { ...good }], '$[1].id'],
      [[{ ...good, label: undefined }], '$[0].label'],
      [[{ ...good, author: { name: '张三' } }], '$[0].author.id'],
      [[{ ...good, author: '张三' }], '$[0].author'],
      [[{ ...good, time: '昨天' }], '$[0].time'],
      [[{ ...good, summary: { ...good.summary, title: 3 } }], '$[0].summary.title'],
      [[{ ...good, summary: { ...good.summary, preamble: '开头' } }], '$[0].summary.preamble'],
      [[good, { ...good, id: 'other', summary: null }], '$[1].summary'],
    ]
    for (const [value] of bad) el.versions = value as Version[]
    expect(seen.map((e) => e.path)).toEqual(bad.map(([, path]) => path))
    for (const e of seen) expect(e.message).toMatch(/^无法载入版本：\$/)
    expect(seen[6]!.message).toContain('ISO 8601')
    expect(el.versions).toEqual([kept])
    // Fields the editor does not know are left out; an empty list is a list.
    el.versions = [{ ...good, note: 'x' }]
    expect(el.versions).toEqual([good])
    el.versions = []
    expect(el.versions).toEqual([])
    expect(seen).toHaveLength(bad.length)
  })

  it('reads a list with readVersions, copying what it keeps', () => {
    const summary = toSummary(importText(draft).doc)
    const [v] = readVersions([{ id: 'a', label: '', author: null, time: '2024-07-10T06:05:00.000Z', summary }])
    expect(v!.summary).toEqual(summary)
    expect(v!.summary).not.toBe(summary)
  })
})

describe('compareVersions and restoreVersion', () => {
  it('lists what changed since a version, by metric, paragraph and section, and between two versions', async () => {
    const el = await mount()
    const v = el.saveVersion('初稿')
    expect(await el.compareVersions(v.id)).toEqual([])
    edit(el)
    expect(await el.compareVersions(v.id)).toEqual(theEdits)
    const w = el.saveVersion('二稿')
    expect(await el.compareVersions(v.id, w.id)).toEqual(theEdits)
    expect(await el.compareVersions(w.id, v.id)).toEqual([
      { kind: 'metric-changed', where: '一、（一）', paragraph: 1, context: '新建社区养老服务站', old: '8个', new: '6个' },
      { kind: 'section-retitled', where: '一、（二）', old: '社会救助与慈善', new: '社会救助' },
      { kind: 'paragraph-removed', where: '一、（二）', paragraph: 2, text: '开展救助政策宣传。' },
    ])
    await expect(el.compareVersions('nope')).rejects.toThrow('没有 id 为“nope”的版本')
    await expect(el.compareVersions(v.id, 'nope')).rejects.toThrow('“nope”')
  })

  it('restores a version in one step that undo takes back, with an input event', async () => {
    const el = await mount()
    const v = el.saveVersion('初稿')
    edit(el)
    const edited = el.summary
    let inputs = 0
    el.addEventListener('input', () => inputs++)
    el.restoreVersion(v.id)
    expect(inputs).toBe(1)
    expect(el.summary).toEqual(v.summary)
    const view = el.view!
    expect(undo(view.state, view.dispatch)).toBe(true)
    expect(el.summary).toEqual(edited)
    expect(() => el.restoreVersion('nope')).toThrow('没有 id 为“nope”的版本')
  })
})

describe('placeOfChange', () => {
  it('finds each difference in the draft: the metric, the paragraph, the heading, the title, the sign-off', () => {
    const doc = importText(`${draft}\n\n示范县民政局\n2024年7月10日`).doc
    const at = (change: Change) => {
      const place = placeOfChange(doc, change)
      if (!place) return null
      const node = doc.nodeAt(place.pos)!
      return `${node.type.name}${place.field ? '!' : ''}:${node.textContent}`
    }
    // The metric of that paragraph whose value is the new one: here the draft's own 6个.
    const metric = { ...theEdits[0]!, new: '6个' } as Change
    expect(at(metric)).toBe('metric!:')
    expect(doc.nodeAt(placeOfChange(doc, metric)!.pos)!.attrs.value).toBe(6)
    expect(at(theEdits[0]!)).toBe('paragraph:新建社区养老服务站。')
    expect(at(theEdits[1]!)).toBe('heading:社会救助')
    expect(at({ kind: 'paragraph-changed', where: '二、', paragraph: 1, old: '', new: '', pieces: [] })).toBe('workItem:力量不足。')
    expect(at({ kind: 'paragraph-added', where: '导语', paragraph: 1, text: '' })).toBe('paragraph:上半年，我局稳步推进各项工作。')
    expect(at({ kind: 'section-moved', title: '存在的问题', from: '三、', to: '二、' })).toBe('heading:存在的问题')
    expect(at({ kind: 'title', old: '', new: '' })).toBe('title:示范县民政局2024年上半年工作总结')
    expect(at({ kind: 'sign-off', old: '', new: '' })).toMatch(/^organization:示范县民政局/)
    // A removed paragraph: the one now in its place, or the part's start when none is.
    expect(at({ kind: 'paragraph-removed', where: '一、（二）', paragraph: 5, text: '' })).toBe('paragraph:发放救助金。')
    expect(at({ kind: 'section-removed', where: '四、', title: '' })).toBeNull()
    expect(at({ kind: 'section-added', where: '四、', title: '' })).toBeNull()
  })
})

describe('the versions panel', () => {
  it('lists the versions with author and time, saves one with a label typed in place, and shows a comparison with the changed words marked', async () => {
    const el = await mount({ versions: '' })
    expect(el.versionsPanel).toBe(true)
    // happy-dom cannot focus inside a shadow root; the browser tests go through the focus.
    el.view!.focus = () => {}
    const root = el.shadowRoot!
    // The panel loads the first time it is shown.
    await expect.poll(() => root.querySelector('[part="versions"]')).not.toBeNull()
    expect(root.querySelector('[part="versions"]')!.textContent).toContain('尚未保存版本')
    el.user = { id: 'u1', name: '张三', role: '办公室' }

    root.querySelector<HTMLButtonElement>('.versions .save')!.click()
    await el.updateComplete
    const input = root.querySelector<HTMLInputElement>('.versions .version-name')!
    expect(input.getAttribute('aria-label')).toBe('版本名称')
    input.value = ' 送审稿 '
    root.querySelector<HTMLButtonElement>('.versions .confirm')!.click()
    await el.updateComplete
    expect(root.querySelector('.versions .version-name')).toBeNull()
    expect(el.versions.map((v) => v.label)).toEqual(['送审稿'])
    const entry = root.querySelector('.version-list li')!
    expect(entry.querySelector('.version-label')!.textContent).toBe('送审稿')
    expect(entry.querySelector('.author')!.textContent).toBe('张三（办公室）')
    expect((entry.querySelector('.author') as HTMLElement).style.getPropertyValue('--zj-user-color')).toBe(userColor({ id: 'u1' }))
    expect(entry.querySelector('time')!.getAttribute('datetime')).toBe(el.versions[0]!.time)

    edit(el)
    entry.querySelector<HTMLButtonElement>('.compare')!.click()
    await expect.poll(() => root.querySelectorAll('.changes li').length).toBe(3)
    await el.updateComplete
    expect(root.querySelector('.comparison-title')!.textContent).toContain('当前稿与“送审稿”相比：3 处改动')
    const lines = [...root.querySelectorAll('.changes li')]
    expect(lines.map((li) => li.textContent)).toEqual([
      '修改指标一、（一）第1段新建社区养老服务站：6个 → 8个',
      '修改章节标题一、（二）社会救助 → 社会救助与慈善',
      '新增段落一、（二）第2段开展救助政策宣传。',
    ])
    expect(lines[0]!.querySelector('del')!.textContent).toBe('6个')
    expect(lines[0]!.querySelector('ins')!.textContent).toBe('8个')
    expect(lines[2]!.querySelector('ins')!.textContent).toBe('开展救助政策宣传。')
    // An entry puts the cursor at its place: the metric, selected.
    lines[0]!.querySelector('button')!.click()
    expect(el.view!.state.selection.from).toBe(placeOfChange(el.doc, theEdits[0]!)!.pos)

    // Restore: the draft is the version again, and the comparison says so once it is made again.
    entry.querySelector<HTMLButtonElement>('.restore')!.click()
    expect(el.summary).toEqual(el.versions[0]!.summary)
    await expect.poll(() => root.querySelector('.comparison-title')?.textContent ?? '').toContain('当前稿与“送审稿”相同')
  })
})
