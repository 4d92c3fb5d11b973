// @vitest-environment happy-dom
/**
 * The element's `value`: the Summary JSON as one string, the one a `<form>` submits, for
 * `v-model` and frameworks that bind a control's value. Setting it loads a summary; setting the
 * string the editor already gives (as Vue's `v-model` does after every `input`) changes nothing.
 */
import { describe, it, expect, afterEach, vi } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { importText, readSummary, toSummary } from '@zongjie/model'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import type { ZongjieErrorDetail } from '../src/index.ts'
import '../src/zongjie-editor/zongjie-editor.ts'

// happy-dom has no ElementInternals: enough of it for a form-associated element.
HTMLElement.prototype.attachInternals ??= function () {
  return { form: null, validity: { valid: true }, validationMessage: '', setFormValue() {}, setValidity() {}, checkValidity: () => true, reportValidity: () => true } as unknown as ElementInternals
}

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个。', '二、存在的问题', '一是力量不足。', '三、下半年工作计划', '一是补齐短板。'].join('\n')
const other = ['示范县卫健局2024年工作总结', '全年工作平稳。', '一、主要工作', '一是完成体检。'].join('\n')
const json = (text: string) => JSON.stringify(toSummary(importText(text).doc))

const elements: ZongjieEditor[] = []
afterEach(() => {
  for (const el of elements.splice(0)) el.remove()
})

/** A rendered `<zongjie-editor>` in the page, with `value` set before it renders when given. */
async function mount(value?: string, attributes: Record<string, string> = {}): Promise<ZongjieEditor> {
  const el = document.createElement('zongjie-editor')
  for (const [name, v] of Object.entries(attributes)) el.setAttribute(name, v)
  if (value !== undefined) el.value = value
  document.body.append(el)
  elements.push(el)
  await el.updateComplete
  expect(el.view).not.toBeNull()
  return el
}

/** The `error` events the element fires from now on. */
function errors(el: ZongjieEditor): ZongjieErrorDetail[] {
  const seen: ZongjieErrorDetail[] = []
  el.addEventListener('error', (e) => seen.push((e as CustomEvent<ZongjieErrorDetail>).detail))
  return seen
}

describe('value', () => {
  it('is the Summary JSON as the form gets it, and follows every change', async () => {
    const el = await mount(json(draft))
    expect(el.value).toBe(JSON.stringify(readSummary(el.doc)))
    expect(JSON.parse(el.value)).toEqual(JSON.parse(JSON.stringify(el.summary)))
    expect(JSON.parse(el.value).title).toBe('示范县民政局2024年上半年工作总结')

    const seen: string[] = []
    el.addEventListener('input', () => seen.push(el.value))
    const view = el.view!
    view.dispatch(view.state.tr.insertText('（修订）', view.state.doc.child(0).nodeSize - 1))
    expect(seen).toHaveLength(1)
    expect(JSON.parse(seen[0]!).title).toBe('示范县民政局2024年上半年工作总结（修订）')
    expect(el.value).toBe(seen[0])
  })

  it('loads a summary when set, before or after the element renders', async () => {
    const el = await mount(json(draft))
    expect(el.getText()).toContain('新建社区养老服务站X个。')
    el.value = json(other)
    expect(el.summary.title).toBe('示范县卫健局2024年工作总结')
    expect(el.getText()).toContain('一是完成体检。')
    expect(el.getText()).not.toContain('养老')
  })

  it('draws every block of a summary set from its own nodes, also the blocks equal to those it replaces', async () => {
    const el = await mount(json(draft))
    // The same title and opening, another body: ProseMirror would keep the old drawing of the equal blocks.
    el.value = json([draft.split('\n')[0], draft.split('\n')[1], '一、重点工作', '一是完成体检。'].join('\n'))
    const drawn = (el.view as unknown as { docView: { children: { node: unknown }[] } }).docView.children.map((d) => d.node)
    const doc = el.view!.state.doc
    expect(drawn.length).toBe(doc.childCount)
    drawn.forEach((node, i) => expect(node === doc.child(i), `block ${i} drawn from the summary's own node`).toBe(true))
  })

  it('does nothing when set to the string it gives, or to one describing the same document: the state, selection and undo history stay', async () => {
    const el = await mount(json(draft))
    const view = el.view!
    view.dispatch(view.state.tr.insertText('（修订）', view.state.doc.child(0).nodeSize - 1))
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, 3)))
    const state = view.state
    // What Vue's v-model writes back after each input.
    el.value = el.value
    expect(view.state).toBe(state)
    // The same summary written differently (indented, keys in another order).
    const { version, ...rest } = JSON.parse(el.value)
    el.value = JSON.stringify({ ...rest, version }, null, 2)
    expect(view.state).toBe(state)
    expect(view.state.selection.from).toBe(3)
  })

  it('refuses a string that is not Summary JSON with an error event, keeping the content', async () => {
    const el = await mount(json(draft))
    const seen = errors(el)
    const before = el.value
    el.value = '{"version": 1, "title": '
    el.value = JSON.stringify({ ...JSON.parse(before), sections: 'none' })
    expect(seen).toHaveLength(2)
    expect(seen[0]!.message).toMatch(/^无法载入：/)
    expect(seen[1]!.path).toBe('$.sections')
    expect(el.value).toBe(before)
  })

  it('says in Chinese why a value was refused, to the page and to the writer, also when it is not JSON at all', async () => {
    // An OA form whose stored summary is damaged: the writer is told, not left with an empty editor.
    const el = await mount()
    const seen = errors(el)
    el.value = '{"version": 1, "title": '
    expect(seen[0]!.message).toBe('无法载入：内容不是有效的 JSON')
    expect(seen[0]!.error).toBeInstanceOf(SyntaxError)
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[part=hint]')?.textContent).toBe('无法载入：内容不是有效的 JSON')

    el.value = JSON.stringify({ ...JSON.parse(json(draft)), version: 99 })
    await el.updateComplete
    expect(seen[1]!.path).toBe('$.version')
    expect(el.shadowRoot!.querySelector('[part=hint]')?.textContent).toBe(seen[1]!.message)
    expect(seen[1]!.message).toMatch(/^无法载入：\$\.version: /)
  })

  it('is read from the value attribute a page rendered on the server wrote, as set by script, and refused the same way', async () => {
    // `<zongjie-editor value='{"version":1,"title":…}'>` in the HTML an OA system sends.
    const host = document.createElement('div')
    host.innerHTML = `<zongjie-editor value='${json(draft).replace(/'/g, '&#39;')}'></zongjie-editor>`
    const el = host.firstElementChild as ZongjieEditor
    document.body.append(host)
    elements.push(el)
    await el.updateComplete
    expect(el.summary.title).toBe('示范县民政局2024年上半年工作总结')
    expect(el.value).toBe(json(draft))

    // A damaged one: the page gets the same error event as for a value set by script, the writer the same hint.
    const bad = document.createElement('zongjie-editor')
    bad.setAttribute('value', '{"version": 1, "title": ')
    const seen = errors(bad)
    document.body.append(bad)
    elements.push(bad)
    await bad.updateComplete
    expect(seen.map((e) => e.message)).toEqual(['无法载入：内容不是有效的 JSON'])
    expect(bad.shadowRoot!.querySelector('[part=hint]')?.textContent).toBe('无法载入：内容不是有效的 JSON')
    expect(bad.summary.sections).toEqual([])
  })

  it("is a new summary when set to '': an empty one, or the template's", async () => {
    const el = await mount(json(draft))
    el.value = ''
    expect(el.summary.sections).toEqual([])
    expect(el.getText().trim()).toBe('')

    const fromTemplate = await mount(undefined, { template: 'hospital', organization: '示范县人民医院', year: '2024', period: 'year' })
    const started = fromTemplate.value
    expect(JSON.parse(started).sections.length).toBeGreaterThan(0)
    const state = fromTemplate.view!.state
    // v-model with an empty model writes '' on mounting: the template stays, unreloaded.
    fromTemplate.value = ''
    expect(fromTemplate.view!.state).toBe(state)
    fromTemplate.value = json(other)
    fromTemplate.value = ''
    expect(fromTemplate.value).toBe(started)
  })

  it('is what the form gets', async () => {
    const el = document.createElement('zongjie-editor')
    const internals = (el as unknown as { internals: { setFormValue: unknown; form: unknown } }).internals
    internals.form = document.createElement('form')
    internals.setFormValue = vi.fn()
    el.value = json(draft)
    document.body.append(el)
    elements.push(el)
    await el.updateComplete
    el.checkValidity()
    expect(internals.setFormValue).toHaveBeenLastCalledWith(el.value, el.value)
  })
})
