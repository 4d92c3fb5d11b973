// @vitest-environment happy-dom
/**
 * English loads the first time an element is in English. Asked for twice while it loads (the
 * element connected in English, then its `lang` set to another English), it is shown once: the
 * view's state, and with it the undo history, is renewed once; and a language chosen meanwhile
 * that needs no load (Chinese) is not undone when English arrives.
 */
import { describe, it, expect, vi } from 'vitest'
import { loading, mountEditor } from './element.ts'

// The English strings' chunk, held back until the test lets it through.
let release: () => void = () => {}
vi.mock('../src/zongjie-editor/parts.ts', async (original) => {
  const parts = await original<typeof import('../src/zongjie-editor/parts.ts')>()
  return {
    ...parts,
    loadPart: <T>(part: Parameters<typeof parts.loadPart>[0], load: () => Promise<T>) =>
      part === 'english' ? parts.loadPart(part, () => new Promise<void>((ok) => (release = ok)).then(load)) : parts.loadPart(part, load),
  }
})

const text = '示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。'

describe('the English strings loading', () => {
  it('are shown once, however often they are asked for meanwhile; Chinese chosen meanwhile stays', async () => {
    const english = await mountEditor(text, { lang: 'en', toolbar: '' })
    const chinese = await mountEditor(text, { lang: 'en', toolbar: '' })
    const renewals = vi.spyOn(english.view!, 'updateState')
    const chineseRenewals = vi.spyOn(chinese.view!, 'updateState')
    // Asked again for the same load by one element; the other is put back in Chinese before English arrives.
    english.setAttribute('lang', 'en-GB')
    chinese.setAttribute('lang', 'zh-CN')
    await Promise.all([english.updateComplete, chinese.updateComplete])
    release()
    await vi.waitFor(() => expect(english.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')).toBe('Editing toolbar'), loading)
    await new Promise((ok) => setTimeout(ok, 50))
    expect(renewals).toHaveBeenCalledTimes(1)
    expect(chineseRenewals).not.toHaveBeenCalled()
    expect(chinese.shadowRoot!.querySelector('.toolbar')!.getAttribute('aria-label')).toBe('编辑工具栏')
  })
})
