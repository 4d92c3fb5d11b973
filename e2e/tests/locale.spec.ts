import { test, expect, openDemo, loadSample, editor } from './helpers.ts'

test('lang="en" shows the editor’s own strings in English: no Chinese in its toolbar, panels, status or guidance', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  await editor(page).evaluate((el) => {
    el.setAttribute('metrics', '')
    // The page's own guidance (the demo's is Chinese) is the page's to translate.
    el.removeAttribute('placeholder')
    el.setAttribute('lang', 'en')
  })
  await page.waitForTimeout(200)
  // An empty paragraph and an empty heading show their guidance.
  await editor(page).evaluate((el) => {
    const view = (el as unknown as { view: { state: any; dispatch(tr: unknown): void } }).view
    const { state } = view
    view.dispatch(state.tr.insert(state.doc.child(0).nodeSize + 1, state.schema.nodes.paragraph.create()))
  })
  const ui = await editor(page).evaluate((el) => {
    const root = el.shadowRoot!
    const texts: string[] = []
    for (const n of root.querySelectorAll('.toolbar button, .panel-title, .status, .metrics th, .metrics .csv, .findings .none')) texts.push(n.textContent ?? '')
    // Document data stays as written: headings in the outline, metric labels and units.
    for (const n of root.querySelectorAll('[title], [aria-label]')) {
      if (n.closest('.ProseMirror') || n.closest('.outline li') || n.closest('.metrics tbody')) continue
      texts.push(n.getAttribute('title') ?? '', n.getAttribute('aria-label') ?? '')
    }
    for (const n of root.querySelectorAll('[data-placeholder]')) texts.push(n.getAttribute('data-placeholder') ?? '')
    // The unit a metric button inserts is a measure word of the document (名), not an interface string.
    return texts.map((t) => t.trim()).filter(Boolean).map((t) => t.replace(/X[\u4e00-\u9fff%]+|unit [\u4e00-\u9fff%]+/g, (m) => m.replace(/[\u4e00-\u9fff]/g, '')))
  })
  expect(ui.length).toBeGreaterThan(20)
  const chinese = ui.filter((t) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(t))
  expect(chinese).toEqual([])
  expect(ui).toContain('Demote')
  expect(ui.some((t) => t.startsWith('Text'))).toBe(true)

  // Back to Chinese.
  await editor(page).evaluate((el) => el.setAttribute('lang', 'zh-CN'))
  await expect(editor(page).locator('.toolbar')).toContainText('降级')
})

test('the page switched to English after the editor loaded (lang="en" on <html>): the editor follows at once, English loaded then, and back to Chinese', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  await expect(editor(page).locator('.toolbar')).toContainText('降级')
  // No element of the page has been in English yet: the English strings load now.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'))
  await expect(editor(page).locator('.toolbar')).toContainText('Demote')
  await expect(editor(page).locator('.ProseMirror')).toHaveAttribute('aria-label', 'Work summary')
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'))
  await expect(editor(page).locator('.toolbar')).toContainText('降级')
  await expect(editor(page).locator('.ProseMirror')).toHaveAttribute('aria-label', '工作总结')
})
