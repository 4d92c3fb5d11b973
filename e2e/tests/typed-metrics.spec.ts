/**
 * Metrics typed in the text, with the keyboard and through a Chinese input method (CDP
 * `Input.imeSetComposition` and `Input.insertText`, as Chromium does for a real IME): a number and
 * its unit become a metric field once the next character says where they end, so that the Summary
 * JSON the editor exports lists them with their value and unit, as it does for the same words pasted.
 */
import { compose, editorTest as test, expect, firstFocusPartsLoaded, getSummary, openWith, placeCursor, press, typeText } from './helpers.ts'
import type { Page } from '@playwright/test'

const text = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
`

/** The metrics of the Summary JSON the editor exports (its `summary`, as JSON): value, unit and text. */
async function exportedMetrics(page: Page) {
  const summary = JSON.parse(JSON.stringify(await getSummary(page))) as Awaited<ReturnType<typeof getSummary>>
  return summary.metrics.map((m) => ({ value: m.value, unit: m.unit, text: m.text }))
}

/** The paragraph that holds `needle`, as the writer sees it, with each field's text in brackets. */
function shownParagraph(page: Page, needle: string): Promise<string> {
  return page.evaluate((needle) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    const p = [...root.querySelectorAll('.ProseMirror p')].find((e) => e.textContent!.includes(needle))
    if (!p) return ''
    const clone = p.cloneNode(true) as Element
    for (const field of clone.querySelectorAll('.zj-metric')) field.textContent = `[${field.textContent}]`
    return clone.textContent!
  }, needle)
}

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
  await placeCursor(page, '全年发放救助资金。', 'end')
  await firstFocusPartsLoaded(page)
})

test('`今年培训干部120名，` typed with the keyboard: the exported Summary JSON has the metric 120 名', async ({ page }) => {
  await typeText(page, '今年培训干部120名，')
  await expect.poll(() => exportedMetrics(page)).toEqual([{ value: 120, unit: '名', text: '120名' }])
  expect(await shownParagraph(page, '今年培训干部')).toBe('全年发放救助资金。今年培训干部[120名]，')
  // Typing goes on after the `，`.
  await typeText(page, '覆盖')
  expect(await shownParagraph(page, '今年培训干部')).toBe('全年发放救助资金。今年培训干部[120名]，覆盖')
})

test('Backspace right after gives back the text as typed: no metric in the Summary JSON', async ({ page }) => {
  await typeText(page, '培训120名，')
  await expect.poll(() => exportedMetrics(page)).toHaveLength(1)
  await press(page, 'Backspace')
  expect(await shownParagraph(page, '培训120名')).toBe('全年发放救助资金。培训120名，')
  expect(await exportedMetrics(page)).toEqual([])
})

test('a year and an ordinal typed stay text', async ({ page }) => {
  await typeText(page, '2025年完成第2批，')
  expect(await shownParagraph(page, '2025年')).toBe('全年发放救助资金。2025年完成第2批，')
  expect(await exportedMetrics(page)).toEqual([])
})

test('through an input method: `3.5` then `万元，` composed, and `120` then `名` and `。` composed: each a metric in the Summary JSON', async ({ page }) => {
  await typeText(page, '投入3.5')
  await compose(page, ['w', 'wan', 'wanyuan'], '万元，')
  await expect.poll(() => exportedMetrics(page)).toEqual([{ value: 3.5, unit: '万元', text: '3.5万元' }])
  await compose(page, ['p', 'pei', 'peixun'], '培训')
  await typeText(page, '120')
  await compose(page, ['m', 'ming'], '名')
  await compose(page, ['.'], '。')
  await expect.poll(() => exportedMetrics(page)).toEqual([
    { value: 3.5, unit: '万元', text: '3.5万元' },
    { value: 120, unit: '名', text: '120名' },
  ])
  expect(await shownParagraph(page, '投入')).toBe('全年发放救助资金。投入[3.5万元]，培训[120名]。')
})
