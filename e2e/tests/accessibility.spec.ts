/**
 * Accessibility after GB/T 37668-2019 and WCAG 2.1 AA: axe-core finds no serious or critical
 * violation on the demo page (the editor's shadow root included) with every panel on, in fill
 * mode and in English; the keyboard reaches toolbar, outline, page, comments, findings and metrics in turn.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, openDemo, editor, content, loadSample } from './helpers.ts'

/** Runs axe on the page and fails with the ids, impacts and targets of every serious or critical violation. */
async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)
  expect(described, `axe violations ${state}:\n${described.join('\n')}`).toEqual([])
  return violations
}

/** Waits until the panels have their data: outline entries, the findings and the metrics table. */
async function panelsReady(page: Page) {
  await expect(editor(page).locator('.outline li').first()).toBeVisible()
  await expect(editor(page).locator('.findings .panel-title')).toBeVisible()
  await expect(editor(page).locator('.metrics tbody tr').first()).toBeVisible()
}

test('the demo with the sample and every panel on has no serious accessibility violation', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  for (const panel of ['toolbar', 'outline', 'findings', 'status', 'metrics']) await expect(editor(page)).toHaveAttribute(panel, '')
  await panelsReady(page)
  const violations = await expectNoSeriousViolations(page, 'with the sample loaded')
  // The minor one too: every header cell of the metrics table says what its column holds.
  expect(violations.map((v) => v.id)).not.toContain('empty-table-header')
  // Toolbar buttons are named by their visible text; the tooltip describes them.
  const demote = editor(page).getByRole('button', { name: '降级', exact: true })
  await expect(demote).toHaveAccessibleDescription(/本节连同下级/)

  // Read-only, the text stays in the tab order (the keyboard scrolls the page) and says it is read-only.
  await editor(page).evaluate((el) => el.setAttribute('readonly', ''))
  await expect(content(page)).toHaveAttribute('aria-readonly', 'true')
  await editor(page).locator('.outline button').last().focus()
  await page.keyboard.press('Tab')
  await expect(content(page)).toBeFocused()
  await expectNoSeriousViolations(page, 'read-only')
})

test('in fill mode, with a field open, there is no serious accessibility violation', async ({ page }) => {
  await openDemo(page)
  await page.selectOption('#template', 'hospital')
  await page.locator('#fill-mode').check()
  await page.getByRole('button', { name: '按模板新建' }).click()
  await expect(editor(page)).toHaveAttribute('mode', 'fill')
  await expect(editor(page).locator('.metrics tbody tr').first()).toBeVisible()
  await expectNoSeriousViolations(page, 'in fill mode')

  // Tab goes to the first field; a digit opens its input, named after the metric and its unit.
  await editor(page).locator('.zj-title').click()
  await page.keyboard.press('Tab')
  const field = await editor(page).evaluate((el) => {
    type Attrs = { label: string; unit: string; scale: string; approx: string }
    const view = (el as unknown as { view: { state: { selection: { node?: { type: { name: string }; attrs: Attrs } } } } }).view
    const node = view.state.selection.node
    return node ? { type: node.type.name, label: node.attrs.label, unit: node.attrs.scale + node.attrs.approx + node.attrs.unit } : null
  })
  expect(field?.type).toBe('metric')
  await page.keyboard.press('1')
  const input = editor(page).locator('.zj-field-input')
  await expect(input).toBeFocused()
  await expect(input).toHaveAccessibleName(`${field!.label}（${field!.unit}）`)
  await expectNoSeriousViolations(page, 'in fill mode with a field open')

  // A refused change is announced politely: the hint appears inside a status region.
  await page.keyboard.press('Escape')
  await editor(page).locator('section.zj-problems > .zj-heading').click()
  await page.keyboard.press('End')
  await page.keyboard.type('改')
  await expect(editor(page).getByRole('status').filter({ hasText: '不能修改' })).toHaveCount(1)
  // The fill mode's count of what is left is a status too.
  await expect(editor(page).locator('.status [role="status"]')).toContainText('还需填写')
})

test('with lang="en" there is no serious accessibility violation', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  await editor(page).evaluate((el) => el.setAttribute('lang', 'en'))
  await expect(editor(page).locator('.toolbar')).toContainText('Demote')
  await panelsReady(page)
  await expectNoSeriousViolations(page, 'with lang="en"')
  await expect(editor(page).getByRole('button', { name: 'Demote', exact: true })).toHaveCount(1)
})

/** Where the focus is: the panel of the editor that holds it (its `part`), or `page` for the page, or `outside`. */
function focusedPart(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('zongjie-editor')!
    if (document.activeElement !== host) return 'outside'
    const active = host.shadowRoot!.activeElement
    const part = active?.closest('[part]')?.getAttribute('part')
    return part ?? 'none'
  })
}

test('Tab goes from the toolbar to the outline, the page, the suggestions, the comments, the findings and the metrics table', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  await panelsReady(page)
  // The last control of the toolbar: the unit chooser.
  await editor(page).locator('.toolbar select').focus()
  const visited = [await focusedPart(page)]
  for (let i = 0; i < 80 && visited.at(-1) !== 'metrics'; i++) {
    await page.keyboard.press('Tab')
    const part = await focusedPart(page)
    if (part !== visited.at(-1)) visited.push(part)
    if (part === 'page') await expect(content(page)).toBeFocused()
  }
  expect(visited).toEqual(['toolbar', 'outline', 'page', 'suggestions', 'comments', 'findings', 'metrics'])
  // In the metrics panel the first stop is its CSV button, then the table's first value.
  await expect(editor(page).locator('.metrics .csv')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(editor(page).locator('.metrics tbody input').first()).toBeFocused()
  // Shift-Tab goes back the same way.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  expect(await focusedPart(page)).toBe('findings')
})

test('the hint under the toolbar looks like a notice for a notice and like an error for an error, each legible (AA)', async ({ page }) => {
  await openDemo(page)
  await loadSample(page)
  const hint = editor(page).locator('[part=hint]')
  // A notice: Tab in the opening, where there is no section to demote.
  await editor(page).locator('.zj-preamble .zj-paragraph').first().click()
  await page.keyboard.press('Tab')
  await expect(hint).toHaveText('这里没有能降级的节；再按 Tab 离开正文')
  const notice = await hint.evaluate((e) => getComputedStyle(e).backgroundColor)
  await hint.screenshot({ path: test.info().outputPath('hint-notice.png') })
  await expectNoSeriousViolations(page, 'with a notice in the hint')
  // An error: a value the page set that is not a summary.
  await editor(page).evaluate((el) => ((el as unknown as { value: string }).value = '{"version": 1, "title": '))
  await expect(hint).toHaveText('无法载入：内容不是有效的 JSON')
  const error = await hint.evaluate((e) => getComputedStyle(e).backgroundColor)
  await hint.screenshot({ path: test.info().outputPath('hint-error.png') })
  await expectNoSeriousViolations(page, 'with an error in the hint')
  // Red for the error only; the notice a neutral grey (its red, green and blue alike).
  expect(error).toBe('rgb(127, 29, 29)')
  const [r, g, b] = notice.match(/\d+/g)!.map(Number)
  expect(Math.max(r!, g!, b!) - Math.min(r!, g!, b!), notice).toBeLessThan(40)
})
