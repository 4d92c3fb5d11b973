// @vitest-environment happy-dom
/**
 * Mounting shows the text first: the toolbar's checks and the modules of the panels that load on
 * use wait for the first frame, then the toolbar tells what applies where the caret is and the
 * panels come.
 */
import { describe, it, expect, vi } from 'vitest'
import { loading, mountEditor } from './element.ts'

const requested: string[] = []
vi.mock('../src/zongjie-editor/parts.ts', async (original) => {
  const parts = await original<typeof import('../src/zongjie-editor/parts.ts')>()
  return {
    ...parts,
    loadPart: <T>(part: Parameters<typeof parts.loadPart>[0], load: () => Promise<T>) => {
      requested.push(part)
      return parts.loadPart(part, load)
    },
  }
})

const text = '示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。\n一、主要工作\n全年培训基层干部X名。'

describe('the first frame', () => {
  it('comes before the toolbar is checked: then a button that does not apply where the caret is turns off', async () => {
    const el = await mountEditor(text, { toolbar: '' })
    const demote = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((b) => b.textContent!.trim() === '降级')!
    // Drawn with the text, not yet checked: the caret is in the title, where nothing can be demoted.
    expect(demote()).toBeDefined()
    expect(demote().disabled).toBe(false)
    await vi.waitFor(() => expect(demote().disabled).toBe(true), loading)
    // A click before the check does nothing where the command does not apply.
    const before = el.getText()
    demote().click()
    expect(el.getText()).toBe(before)
  })

  it('comes before a panel that loads on use is asked for; then the panel loads and shows', async () => {
    requested.length = 0
    const el = await mountEditor(text, { metrics: '' })
    expect(requested).not.toContain('metrics')
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('.metrics tbody tr')).toHaveLength(1), loading)
    expect(requested).toContain('metrics')
  })

  it('has passed when a panel is switched on later: its module is asked for at once', async () => {
    const el = await mountEditor(text)
    await vi.waitFor(() => expect((el as unknown as { drawn: boolean }).drawn).toBe(true), loading)
    requested.length = 0
    el.metrics = true
    await el.updateComplete
    expect(requested).toEqual(['metrics'])
  })

  it('is not waited for by an element that leaves the page before it: its panels load once it is back', async () => {
    requested.length = 0
    const el = await mountEditor(text, { metrics: '' })
    const parent = el.parentNode!
    el.remove()
    await new Promise((ok) => setTimeout(ok, 700))
    expect(requested).not.toContain('metrics')
    expect((el as unknown as { drawn: boolean }).drawn).toBe(false)
    parent.append(el)
    await vi.waitFor(() => expect(el.shadowRoot!.querySelectorAll('.metrics tbody tr')).toHaveLength(1), loading)
    expect(requested).toContain('metrics')
  })
})
