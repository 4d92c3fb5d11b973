import { test, expect, openDemo, editor, getText, getSummary } from './helpers.ts'
import type { Page } from '@playwright/test'

/** Starts a template (the hospital's unless told) from the demo's chooser, in fill mode. */
async function hospitalInFillMode(page: Page, template = 'hospital') {
  await openDemo(page)
  await page.selectOption('#template', template)
  await page.locator('#fill-mode').check()
  await page.getByRole('button', { name: '按模板新建' }).click()
  await expect(editor(page)).toHaveAttribute('mode', 'fill')
  // The templates load on first use: the summary is the template's once they have.
  await expect.poll(async () => (await getSummary(page)).meta?.template).toBe(template)
}

const status = (page: Page) => editor(page).locator('.status').textContent()

/** The input of the open field. */
const fieldInput = (page: Page) => editor(page).locator('.zj-field-input')

/** The type of the node selected in the text (a field Tab reached), or null. */
const selectedNode = (page: Page) => editor(page).evaluate((el) => (el as any).view.state.selection.node?.type.name ?? null) as Promise<string | null>

/** Where the selection starts in the text. */
const selectedPos = (page: Page) => editor(page).evaluate((el) => (el as any).view.state.selection.from) as Promise<number>

/** Tabs on to the next field of `type` to fill, open; returns its position. */
async function tabTo(page: Page, type: 'metric' | 'blank'): Promise<number> {
  for (let i = 0; i < 50; i++) {
    await page.keyboard.press('Tab')
    if ((await selectedNode(page)) === type) {
      await expect(fieldInput(page)).toBeFocused()
      return selectedPos(page)
    }
  }
  throw new Error(`no ${type} reached with Tab`)
}

test('fill mode: every field of the hospital template is reached with Tab and filled with the keyboard alone', async ({ page }) => {
  await hospitalInFillMode(page)
  const summary = await getSummary(page)
  expect(summary.meta?.template).toBe('hospital')
  const fields = summary.metrics.length + summary.blanks.length
  expect(fields).toBeGreaterThan(5)
  await expect.poll(() => status(page)).toContain(`还需填写 ${fields} 处`)

  await editor(page).locator('.zj-title').click()
  for (let i = 0; i < fields; i++) {
    await page.keyboard.press('Tab')
    // The field reached is open, its input focused: a metric takes a number, a blank a name.
    await expect(fieldInput(page)).toBeFocused()
    const sel = await selectedNode(page)
    expect(['metric', 'blank']).toContain(sel)
    await page.keyboard.type(sel === 'metric' ? String(10 + i) : '东风')
    await page.keyboard.press('Enter')
  }
  await expect.poll(() => status(page)).toContain('已全部填写')
  // With nothing left to fill, Tab goes on out of the text, as from any control.
  await page.keyboard.press('Tab')
  expect(await editor(page).evaluate((el) => el.shadowRoot!.activeElement?.classList.contains('ProseMirror') ?? false)).toBe(false)
  const after = await getSummary(page)
  expect(after.metrics.every((m) => m.filled)).toBe(true)
  expect(after.blanks.every((b) => b.filled)).toBe(true)
  const verdict = await editor(page).evaluate((el) => {
    const findings = (el as unknown as { validate(): { severity: string }[] & { submittable: boolean } }).validate()
    return { submittable: findings.submittable, errors: findings.filter((f) => f.severity === 'error').length }
  })
  expect(verdict).toEqual({ submittable: true, errors: 0 })
})

test('fill mode: Tab in an open field fills it and goes on to the next field to fill, as from one form control to the next', async ({ page }) => {
  await hospitalInFillMode(page)
  const fields = await getSummary(page).then((s) => s.metrics.length + s.blanks.length)
  await editor(page).locator('.zj-title').click()
  // To the first metric (the hospital template opens with them), typed into: its input opens.
  await tabTo(page, 'metric')
  await page.keyboard.type('12')
  await page.keyboard.press('Tab')
  // Filled, and the next field to fill is open: what is typed next goes there.
  await expect.poll(async () => (await getSummary(page)).metrics.filter((m) => m.filled).map((m) => m.value)).toEqual([12])
  await expect(fieldInput(page)).toBeFocused()
  expect(['metric', 'blank']).toContain(await selectedNode(page))
  await expect.poll(() => status(page)).toContain(`还需填写 ${fields - 1} 处`)
})

test('fill mode: a name and a number composed through the input method go into the fields Tab opened; a field left as it was is passed both ways', async ({ page }) => {
  // The township's template has a name blank among its metrics.
  await hospitalInFillMode(page, 'township')
  const before = await getSummary(page)
  await editor(page).locator('.zj-title').click()
  const cdp = await page.context().newCDPSession(page)
  const composeCommit = async (steps: string[], text: string) => {
    for (const step of steps) await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
    await cdp.send('Input.insertText', { text })
  }
  // A name blank, typed the way Chinese is typed: it is filled, not replaced by the text.
  const blank = await tabTo(page, 'blank')
  await composeCommit(['z', 'zh', 'zhang', 'zhang hua'], '张华')
  await expect(fieldInput(page)).toHaveValue('张华')
  await page.keyboard.press('Enter')
  let after = await getSummary(page)
  expect(after.blanks.length).toBe(before.blanks.length)
  expect(after.blanks.filter((b) => b.filled).map((b) => b.value)).toEqual(['张华'])
  expect(await getText(page)).toContain('张华')

  // A metric, its digits committed by the input method.
  await tabTo(page, 'metric')
  await composeCommit(['12'], '12')
  await page.keyboard.press('Enter')
  after = await getSummary(page)
  expect(after.metrics.length).toBe(before.metrics.length)
  expect(after.metrics.filter((m) => m.filled).map((m) => m.value)).toEqual([12])
  await cdp.detach()

  // Tab past a field without typing: it stays to fill; Shift-Tab comes back to it, open.
  await page.keyboard.press('Tab')
  await expect(fieldInput(page)).toBeFocused()
  const passed = await selectedPos(page)
  await page.keyboard.press('Tab')
  await expect(fieldInput(page)).toBeFocused()
  expect(await selectedPos(page)).toBeGreaterThan(passed)
  await page.keyboard.press('Shift+Tab')
  await expect(fieldInput(page)).toBeFocused()
  expect(await selectedPos(page)).toBe(passed)
  expect(blank).toBeLessThan(passed)
  const last = await getSummary(page)
  expect(last.metrics.filter((m) => m.filled).length + last.blanks.filter((b) => b.filled).length).toBe(2)
})

test('fill mode: Shift-Tab goes back to the field just filled, open with its value selected, as in a form: a typo is typed over; Tab passes it again', async ({ page }) => {
  await hospitalInFillMode(page)
  await editor(page).locator('.zj-title').click()
  const typo = await tabTo(page, 'metric')
  await page.keyboard.type('12')
  await page.keyboard.press('Tab')
  await expect(fieldInput(page)).toBeFocused()
  const next = await selectedPos(page)
  expect(next).toBeGreaterThan(typo)
  // Back to the metric filled: its input open, its number selected, typed over as a form's is.
  await page.keyboard.press('Shift+Tab')
  await expect(fieldInput(page)).toBeFocused()
  expect(await selectedPos(page)).toBe(typo)
  await expect(fieldInput(page)).toHaveValue('12')
  await page.keyboard.type('21')
  await expect(fieldInput(page)).toHaveValue('21')
  // Tab fills it and goes on to what is left to fill, past nothing filled.
  await page.keyboard.press('Tab')
  await expect(fieldInput(page)).toBeFocused()
  expect(await selectedPos(page)).toBe(next)
  await expect.poll(async () => (await getSummary(page)).metrics.filter((m) => m.filled).map((m) => m.value)).toEqual([21])
})

test('fill mode: a fixed heading refuses edits and a required part refuses deletion, with a visible hint', async ({ page }) => {
  await hospitalInFillMode(page)
  const before = await getText(page)
  const problems = editor(page).locator('section.zj-problems > .zj-heading')
  await problems.click()
  await page.keyboard.press('End')
  await page.keyboard.type('改')
  await expect(editor(page).locator('.hint')).toContainText('不能修改')
  expect(await getText(page)).toBe(before)

  // Select the whole problems section and delete it.
  await editor(page).evaluate((el) => {
    const view = (el as unknown as { view: { state: any; dispatch(tr: unknown): void } }).view
    let from = -1
    let to = -1
    view.state.doc.forEach((child: any, offset: number) => {
      if (child.type.name === 'problems') {
        from = offset
        to = offset + child.nodeSize
      }
    })
    view.dispatch(view.state.tr.delete(from, to))
  })
  await expect(editor(page).locator('.hint')).toContainText('不能删除')
  expect(await getText(page)).toBe(before)

  // Free mode allows both.
  await page.locator('#fill-mode').uncheck()
  await problems.click()
  await page.keyboard.press('End')
  await page.keyboard.type('改')
  expect(await getText(page)).not.toBe(before)
})

test('the metrics table: a value changed in the table changes the text (zeros after the point kept), one changed in the text changes the table, CSV has every metric', async ({ page }) => {
  await openDemo(page)
  await page.selectOption('#template', 'generic')
  await page.getByRole('button', { name: '按模板新建' }).click()
  const table = editor(page).locator('.metrics')
  await expect(table).toBeVisible()
  const first = table.locator('input.metric-value').first()
  await first.fill('42')
  await first.press('Enter')
  await expect.poll(async () => (await getSummary(page)).metrics[0]?.value).toBe(42)
  expect(await getText(page)).toContain('42项')

  // In the text: click the second metric, type, Enter.
  await editor(page).locator('.zj-metric').nth(1).click()
  await page.keyboard.type('87')
  await page.keyboard.press('Enter')
  await expect(table.locator('input.metric-value').nth(1)).toHaveValue('87')

  const csv = await editor(page).evaluate((el) => (el as unknown as { getMetricsCSV(): string }).getMetricsCSV())
  const summary = await getSummary(page)
  const rows = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n')
  expect(rows).toHaveLength(summary.metrics.length + 1)
  expect(rows[1]).toContain(',42,')
  expect(rows[2]).toContain(',87,')
  summary.metrics.forEach((m, i) => expect(rows[i + 1]).toContain(m.label))

  // Zeros typed after the point stay, in the text and in the table.
  await first.fill('42.50')
  await first.press('Enter')
  await expect.poll(async () => (await getSummary(page)).metrics[0]?.text).toBe('42.50项')
  await expect(table.locator('input.metric-value').first()).toHaveValue('42.50')
})

test('fill mode: Shift-Tab on the first field, or Tab on the last, leaves the field as it is, the caret after it: an input method then types after it', async ({ page }) => {
  await hospitalInFillMode(page, 'township')
  const fields = await getSummary(page).then((s) => s.metrics.length + s.blanks.length)
  await editor(page).locator('.zj-title').click()
  await page.keyboard.press('Tab')
  await expect(fieldInput(page)).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(fieldInput(page)).toHaveCount(0)
  expect(await selectedNode(page)).toBeNull()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Input.imeSetComposition', { text: 'yibai', selectionStart: 5, selectionEnd: 5 })
  await cdp.send('Input.insertText', { text: '一百' })
  await cdp.detach()
  const after = await getSummary(page)
  expect(after.metrics.length + after.blanks.length).toBe(fields)
  expect(await getText(page)).toContain('一百')
})
