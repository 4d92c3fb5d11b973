// @vitest-environment happy-dom
/**
 * Fill mode loads the first time it is on; the editor waits read-only until it is in, so that no
 * change escapes its rules. When it cannot be loaded, the writer is told in one line (with an
 * `error` event naming the part) and the editor stays read-only in fill mode.
 */
import { describe, it, expect, vi } from 'vitest'
import type { ZongjieErrorDetail } from '../src/index.ts'
import { loading, mountEditor } from './element.ts'

// Fill mode's chunk as the test has it: held back until let through, or failing as a browser that cannot fetch it.
let failFill = false
let release: () => void = () => {}
vi.mock('../src/zongjie-editor/parts.ts', async (original) => {
  const parts = await original<typeof import('../src/zongjie-editor/parts.ts')>()
  return {
    ...parts,
    loadPart: <T>(part: Parameters<typeof parts.loadPart>[0], load: () => Promise<T>) => {
      if (part !== 'fill') return parts.loadPart(part, load)
      if (failFill) return parts.loadPart(part, () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')))
      return parts.loadPart(part, () => new Promise<void>((ok) => (release = ok)).then(load))
    },
  }
})

const text = '示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。'

describe('fill mode loading', () => {
  it('is in before the editor takes edits in fill mode; off again, the editor edits as before', async () => {
    failFill = false
    const el = await mountEditor(text, { mode: 'fill' })
    expect(el.editable).toBe(false)
    expect(el.view!.dom.getAttribute('contenteditable')).toBe('false')
    release()
    await vi.waitFor(() => expect(el.editable).toBe(true), loading)
    expect(el.view!.dom.getAttribute('contenteditable')).toBe('true')
    el.mode = 'free'
    await el.updateComplete
    expect(el.editable).toBe(true)
  })

  it('that cannot be loaded is named in one line and by an error event; the editor stays read-only in fill mode', async () => {
    failFill = true
    const errors: ZongjieErrorDetail[] = []
    // The element's events bubble out of it: heard from the start, before the element is made.
    const listen = (e: Event) => e instanceof CustomEvent && errors.push(e.detail as ZongjieErrorDetail)
    document.addEventListener('error', listen)
    try {
      const el = await mountEditor(text, { mode: 'fill' })
      const message = '无法加载「填写模式」：网络连接失败，或编辑器已更新，请刷新页面后重试'
      await vi.waitFor(() => expect(el.shadowRoot!.querySelector('[part="hint"]')?.textContent).toBe(message), loading)
      expect(errors.map((e) => [e.message, e.path])).toEqual([[message, 'fill']])
      expect(el.editable).toBe(false)
      expect(el.view!.dom.getAttribute('contenteditable')).toBe('false')
    } finally {
      document.removeEventListener('error', listen)
    }
  })
})
