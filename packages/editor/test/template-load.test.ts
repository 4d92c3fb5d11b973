// @vitest-environment happy-dom
/**
 * The templates load on first use; when they cannot be loaded (the network gone, or the site
 * updated and the old chunk removed), starting from a template says so in one line, with an
 * `error` event naming the part, and the editor goes on with what it had.
 */
import { describe, it, expect, vi } from 'vitest'
import type { ZongjieErrorDetail } from '../src/index.ts'
import { mountEditor } from './element.ts'

// The templates' chunk as a browser that cannot fetch it sees it (the model's own entry imports
// the templates, so the chunk is failed where the element loads it).
vi.mock('../src/zongjie-editor/parts.ts', async (original) => {
  const parts = await original<typeof import('../src/zongjie-editor/parts.ts')>()
  return {
    ...parts,
    loadPart: <T>(part: Parameters<typeof parts.loadPart>[0], load: () => Promise<T>) =>
      part === 'templates' ? parts.loadPart(part, () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))) : parts.loadPart(part, load),
  }
})

describe('templates that cannot be loaded', () => {
  it('are named in one line and by an error event; the content stays, and asking again tries again', async () => {
    const el = await mountEditor('示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。')
    const errors: ZongjieErrorDetail[] = []
    el.addEventListener('error', (e) => errors.push(e.detail))
    const before = el.getText()
    const message = '无法加载「模板」：网络连接失败，或编辑器已更新，请刷新页面后重试'
    await expect(el.newFromTemplate('hospital')).rejects.toMatchObject({ name: 'PartLoadError', part: 'templates' })
    await el.updateComplete
    expect(el.shadowRoot!.querySelector('[part="hint"]')?.textContent).toBe(message)
    expect(errors.map((e) => [e.message, e.path])).toEqual([[message, 'templates']])
    expect(el.getText()).toBe(before)
    // Asked again, they are looked for again (and fail again, told again).
    await expect(el.newFromTemplate('hospital')).rejects.toMatchObject({ part: 'templates' })
    expect(errors).toHaveLength(2)
  })
})
