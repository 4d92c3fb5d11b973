import { test, expect, openDemo, editor, getText, getSummary, press } from './helpers.ts'
import type { Page } from '@playwright/test'

/** Starts the hospital template from the demo's chooser, in fill mode. */
async function hospitalInFillMode(page: Page) {
  await openDemo(page)
  await page.selectOption('#template', 'hospital')
  await page.locator('#fill-mode').check()
  await page.getByRole('button', { name: '按模板新建' }).click()
  await expect(editor(page)).toHaveAttribute('mode', 'fill')
  // The templates load on first use: the summary is the template's once they have.
  await expect.poll(async () => (await getSummary(page)).meta?.template).toBe('hospital')
}

const status = (page: Page) => editor(page).locator('.status').textContent()

test('fill mode: every field of the hospital template is reached with Tab and filled with the keyboard alone', async ({ page }) => {
  await hospitalInFillMode(page)
  const summary = await getSummary(page)
  expect(summary.meta?.template).toBe('hospital')
  const fields = summary.metrics.length + summary.blanks.length
  expect(fields).toBeGreaterThan(5)
  await expect.poll(() => status(page)).toContain(`还需填写 ${fields} 处`)

  await editor(page).locator('.zj-title').click()
  for (let i = 0; i < fields; i++) {
    await press(page, 'Tab')
    const sel = await editor(page).evaluate((el) => {
      const s = (el as unknown as { view: { state: { selection: { node?: { type: { name: string } } } } } }).view.state.selection
      return s.node?.type.name ?? null
    })
    expect(['metric', 'blank']).toContain(sel)
    // A metric opens on a digit; a blank on Enter, then takes a name.
    if (sel === 'metric') await page.keyboard.type(String(10 + i))
    else {
      await page.keyboard.press('Enter')
      await page.keyboard.type('东风')
    }
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
  let kind = ''
  while (kind !== 'metric') {
    await press(page, 'Tab')
    kind = await editor(page).evaluate((el) => (el as any).view.state.selection.node?.type.name ?? '')
  }
  await page.keyboard.type('12')
  await page.keyboard.press('Tab')
  // Filled, and the next field to fill is selected in the text: what is typed next goes there.
  await expect.poll(async () => (await getSummary(page)).metrics.filter((m) => m.filled).map((m) => m.value)).toEqual([12])
  expect(await editor(page).evaluate((el) => el.shadowRoot!.activeElement?.classList.contains('ProseMirror') ?? false)).toBe(true)
  const next = await editor(page).evaluate((el) => (el as any).view.state.selection.node?.type.name ?? null)
  expect(['metric', 'blank']).toContain(next)
  await expect.poll(() => status(page)).toContain(`还需填写 ${fields - 1} 处`)
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

test('the metrics table: a value changed in the table changes the text, one changed in the text changes the table, CSV has every metric', async ({ page }) => {
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
})
