// @vitest-environment happy-dom
/**
 * The page's language switched after the editor loaded (`lang` set on `<html>`, or on the block
 * around the editor): the editor's own strings follow, English loaded the first time it is asked
 * for that way, as when the element's own `lang` is set.
 */
import { describe, it, expect, vi, afterEach } from 'vitest'
import { Selection } from 'prosemirror-state'
import { loading, mountEditor } from './element.ts'

const text = '示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。'

afterEach(() => document.documentElement.removeAttribute('lang'))

describe('lang set on an ancestor after the editor loaded', () => {
  it('switches the toolbar and the text area to English, loading it, and back to Chinese', async () => {
    const el = await mountEditor(text, { toolbar: '' })
    const toolbar = () => el.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')
    const textArea = () => el.view!.dom.getAttribute('aria-label')
    expect([toolbar(), textArea()]).toEqual(['编辑工具栏', '工作总结'])
    // English has not been loaded yet in this page.
    document.documentElement.setAttribute('lang', 'en')
    await vi.waitFor(() => expect([toolbar(), textArea()]).toEqual(['Editing toolbar', 'Work summary']), loading)
    document.documentElement.setAttribute('lang', 'zh-CN')
    await vi.waitFor(() => expect([toolbar(), textArea()]).toEqual(['编辑工具栏', '工作总结']), loading)
  })

  it('takes away a hint said in the language before', async () => {
    const el = await mountEditor(`${text}\n示范县民政局\n2024年7月10日`, { toolbar: '' })
    const view = el.view!
    const hint = () => el.shadowRoot!.querySelector('[part="hint"]')?.textContent ?? ''
    view.dispatch(view.state.tr.setSelection(Selection.atEnd(view.state.doc)))
    view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }))
    await vi.waitFor(() => expect(hint()).toBe('落款日期是总结的最后一行'), loading)
    document.documentElement.setAttribute('lang', 'en')
    await vi.waitFor(() => expect(el.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')).toBe('Editing toolbar'), loading)
    expect(hint()).toBe('')
  })

  it('follows the closest ancestor with lang, a block of the page around the editor', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN')
    const el = await mountEditor(text, { toolbar: '' })
    const block = document.createElement('div')
    el.replaceWith(block)
    block.append(el)
    await el.updateComplete
    const toolbar = () => el.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')
    expect(toolbar()).toBe('编辑工具栏')
    block.lang = 'en-GB'
    await vi.waitFor(() => expect(toolbar()).toBe('Editing toolbar'), loading)
    block.remove()
  })

  it("follows the page's lang from inside another component's shadow root", async () => {
    // An OA form built of components: the editor sits in a shadow root, the language is the page's.
    document.documentElement.setAttribute('lang', 'en')
    const host = document.createElement('div')
    document.body.append(host)
    const el = await mountEditor(text, { toolbar: '' })
    host.attachShadow({ mode: 'open' }).append(el)
    await el.updateComplete
    const toolbar = () => el.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')
    await vi.waitFor(() => expect(toolbar()).toBe('Editing toolbar'), loading)
    host.lang = 'zh-CN'
    await vi.waitFor(() => expect(toolbar()).toBe('编辑工具栏'), loading)
    host.remove()
  })
})
