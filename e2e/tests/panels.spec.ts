/** The outline (提纲) and findings (检查结果) panels: what they list, that they follow the draft, and that an entry takes the writer there. */
import type { Page } from '@playwright/test'
import { editor, editorSelection, expect, openWith, placeCursor, press, shortDraft, test } from './helpers.ts'

/** The text of the textblock the selection starts in. */
async function textblockAtSelection(page: Page): Promise<string> {
  const { from } = await editorSelection(page)
  return page.evaluate((pos) => (document.querySelector('zongjie-editor') as any).view.state.doc.resolve(pos).parent.textContent, from)
}

/** The unit of the metric the selection starts at, if it is one. */
async function unitAtSelection(page: Page): Promise<string | undefined> {
  const { from } = await editorSelection(page)
  return page.evaluate((pos) => (document.querySelector('zongjie-editor') as any).view.state.doc.nodeAt(pos)?.attrs.unit, from)
}

const draft = `${shortDraft}（一）婚姻登记
办理婚姻登记X对。
三、存在的问题
人员不足。
`

test('the outline lists every section with its number, follows a demotion, and an entry puts the cursor in its heading', async ({ page }) => {
  await openWith(page, draft)
  const entries = editor(page).locator('.outline li')
  await expect(entries).toHaveText(['一、主要工作', '二、社会事务', '（一）婚姻登记', '三、存在的问题'])
  await expect(entries.nth(2)).toHaveAttribute('data-level', '2')

  // Demote 二、: its subsection goes one level down with it and the problems section renumbers.
  await placeCursor(page, '社会事务')
  await press(page, 'Tab')
  await expect(entries).toHaveText(['一、主要工作', '（一）社会事务', '1.婚姻登记', '二、存在的问题'])

  await entries.filter({ hasText: '存在的问题' }).getByRole('button').click()
  expect(await textblockAtSelection(page)).toBe('存在的问题')
})

test('the findings list the unfilled metrics, and an entry selects the field', async ({ page }) => {
  await openWith(page, draft)
  const findings = editor(page).locator('.findings li')
  await expect(findings.filter({ hasText: 'X对' })).toHaveCount(1)
  await expect(findings.filter({ hasText: 'X名' })).toHaveCount(1)
  await findings.filter({ hasText: 'X对' }).getByRole('button').click()
  expect((await editorSelection(page)).kind).toBe('NodeSelection')
  expect(await unitAtSelection(page)).toBe('对')
})

test('typing in the opening keeps the outline, findings and metrics lists, and their entries still lead to the right places', async ({ page }) => {
  await openWith(page, draft)
  const outline = editor(page).locator('.outline ol')
  const findings = editor(page).locator('.findings ol')
  const metricRow = editor(page).locator('.metrics tbody tr').filter({ has: page.locator('td', { hasText: /^对$/ }) })
  await expect(editor(page).locator('.outline li')).toHaveCount(4)
  // Mark the lists the panels show now; a list built anew would not carry the mark.
  await outline.evaluate((ol) => ol.setAttribute('data-test-mark', ''))
  await findings.evaluate((ol) => ol.setAttribute('data-test-mark', ''))
  await metricRow.evaluate((tr) => tr.setAttribute('data-test-mark', ''))

  await placeCursor(page, '现将', 'start')
  await page.keyboard.type('今年')
  // The panels refresh after typing pauses; every heading and field has moved two places on.
  await expect(editor(page).locator('.status')).toContainText('字数')
  await page.waitForTimeout(400)
  await expect(outline).toHaveAttribute('data-test-mark', '')
  await expect(findings).toHaveAttribute('data-test-mark', '')
  await expect(metricRow).toHaveAttribute('data-test-mark', '')

  await editor(page).locator('.outline li').filter({ hasText: '婚姻登记' }).getByRole('button').click()
  expect(await textblockAtSelection(page)).toBe('婚姻登记')

  await editor(page).locator('.findings li').filter({ hasText: 'X对' }).getByRole('button').click()
  expect(await unitAtSelection(page)).toBe('对')

  // The metrics table's row finds its field where it is now, and fills it.
  await metricRow.locator('button.go').click()
  expect(await unitAtSelection(page)).toBe('对')
  await metricRow.locator('input').fill('5')
  await metricRow.locator('input').press('Enter')
  await expect.poll(() => page.evaluate(() => (document.querySelector('zongjie-editor') as any).summary.metrics.map((m: any) => `${m.value}${m.unit}`))).toEqual(['null名', '5对'])

  // A changed title draws the outline anew.
  await placeCursor(page, '社会事务')
  await page.keyboard.type('管理')
  await expect(editor(page).locator('.outline li').nth(1)).toHaveText('二、社会事务管理')
  await expect(outline).not.toHaveAttribute('data-test-mark', '')
})

/** The draft in a viewport of `width` × `height`, every panel drawn, the editor laid out for a narrow frame. */
async function openNarrow(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height })
  await openWith(page, draft)
  const el = editor(page)
  await expect(el.locator('.outline li')).toHaveCount(4)
  await expect(el.locator('.shell')).toHaveAttribute('data-narrow', '')
  return el
}

test('in a narrow frame the panels go under the page, which keeps a width to write in; wide again, they are beside it', async ({ page }) => {
  const el = await openNarrow(page, 700, 900)
  const box = async (selector: string) => (await el.locator(selector).first().boundingBox())!
  const text = await box('.page')
  const outline = await box('.outline')
  const side = await box('.side')
  // Beside the outline (220 px) and the side panels (280 px), the page would have had about 100 px.
  expect(text.width).toBeGreaterThan(400)
  expect(outline.y).toBeGreaterThanOrEqual((await box('.page-scroll')).y + (await box('.page-scroll')).height - 1)
  expect(side.y).toBeGreaterThanOrEqual(outline.y + outline.height - 1)
  // Nothing spills out of the frame: the panels scroll within it, above the status line.
  const shell = await box('.shell')
  expect(side.y + side.height).toBeLessThanOrEqual((await box('.status')).y + 1)
  expect((await box('.status')).y + (await box('.status')).height).toBeLessThanOrEqual(shell.y + shell.height + 1)
  // An entry of the outline still leads to its heading.
  await el.locator('.outline li').filter({ hasText: '存在的问题' }).getByRole('button').click()
  expect(await textblockAtSelection(page)).toBe('存在的问题')

  await page.setViewportSize({ width: 1400, height: 900 })
  await expect(el.locator('.shell')).not.toHaveAttribute('data-narrow', '')
  const wide = { outline: await box('.outline'), page: await box('.page-scroll'), side: await box('.side') }
  expect(wide.outline.x + wide.outline.width).toBeLessThanOrEqual(wide.page.x + 1)
  expect(wide.side.x).toBeGreaterThanOrEqual(wide.page.x + wide.page.width - 1)
})

test('a panel turned off while the editor is hidden (a tab of the page not shown): shown again, the layout fits the panels left', async ({ page }) => {
  const el = await openNarrow(page, 900, 900)
  await el.evaluate((e) => ((e as HTMLElement).style.display = 'none'))
  await el.evaluate((e) => e.removeAttribute('outline'))
  await page.waitForTimeout(100)
  await el.evaluate((e) => ((e as HTMLElement).style.display = ''))
  // Without the outline, the side panels and a 420-px page fit beside each other.
  await expect(el.locator('.shell')).not.toHaveAttribute('data-narrow', '')
  const text = (await el.locator('.page-scroll').boundingBox())!
  const side = (await el.locator('.side').boundingBox())!
  expect(side.x).toBeGreaterThanOrEqual(text.x + text.width - 1)
})

test('in a narrow and short frame the page and the panels keep a usable height, scrolling together where the frame is shorter', async ({ page }) => {
  const el = await openNarrow(page, 700, 560)
  const height = async (selector: string) => (await el.locator(selector).boundingBox())!.height
  expect(await height('.page-scroll')).toBeGreaterThanOrEqual(239)
  expect(await height('.outline')).toBeGreaterThanOrEqual(63)
  expect(await height('.side')).toBeGreaterThanOrEqual(111)
  // The findings, at the bottom, are reached by scrolling the frame's body.
  await el.locator('.findings li').first().scrollIntoViewIfNeeded()
  await expect(el.locator('.findings li').first()).toBeInViewport()
})
