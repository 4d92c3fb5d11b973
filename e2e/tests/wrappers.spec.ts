import type { Page } from '@playwright/test'
import { test, expect, getText, placeCursor, typeText } from './helpers.ts'

// The editor in three frameworks' forms: React through @zongjie/react (react.html), Vue 3 with
// v-model on the element's value (vue.html), and Vue 2.7 with Element UI from classic script tags
// (vue2.html). In each, 提交 is refused while a metric is unfilled, the line the framework
// computes follows the typing, and once everything is filled the Summary JSON arrives at the
// server as the editor holds it.

/** Opens an example page and waits until its application has mounted and the editor shows its draft. */
async function open(page: Page, path: string) {
  // The Vue 2 page's first request may build the editor's script.
  await page.goto(path, { timeout: 80_000 })
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true', undefined, { timeout: 60_000 })
  await expect(page.locator('zongjie-editor .zj-metric')).toHaveCount(2)
}

/** Fills the `n`th metric field as a writer does: click it, type the digits, Enter. */
async function fillMetric(page: Page, n: number, digits: string) {
  await page.locator('zongjie-editor .zj-metric').nth(n).click()
  await page.keyboard.type(digits)
  await page.keyboard.press('Enter')
}

/** Types after the title, key by key, each key an `input` the framework answers with a new render. */
async function reviseTitle(page: Page) {
  await placeCursor(page, '上半年工作总结', 'end')
  await typeText(page, '（修订）')
}

/** The element's `value`, the string a form submits. */
function elementValue(page: Page): Promise<string> {
  return page.locator('zongjie-editor').evaluate((el) => (el as unknown as { value: string }).value)
}

const revised = '示范县民政局2024年上半年工作总结（修订）'

test('React: <ZongjieEditor> follows onInput without losing what is typed, 提交 through the ref is refused while a metric is unfilled, then posts the Summary JSON', async ({ page }) => {
  await open(page, 'react.html')
  await expect(page.locator('#react-unfilled')).toHaveText('2')

  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#react-errors li')).toHaveCount(2)
  await expect(page.locator('#react-errors li').first()).toContainText('新建社区养老服务站X个')
  await expect(page.locator('#react-received')).toHaveCount(0)

  // Every key re-renders the application (onInput sets its state): the summary prop, unchanged,
  // is not set again, so the text and the cursor stay.
  await reviseTitle(page)
  await expect(page.locator('#react-title')).toHaveText(revised)
  expect(await getText(page)).toContain(revised)

  await fillMetric(page, 0, '3')
  await expect(page.locator('#react-unfilled')).toHaveText('1')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#react-errors li')).toHaveCount(1)
  await expect(page.locator('#react-errors li')).toContainText('培训社工X名')

  await fillMetric(page, 1, '12')
  await expect(page.locator('#react-unfilled')).toHaveText('0')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#react-received')).toBeVisible()
  await expect(page.locator('#react-errors')).toHaveCount(0)
  const received = JSON.parse((await page.locator('#react-received').textContent())!)
  expect(received).toEqual(JSON.parse(await elementValue(page)))
  expect(received.title).toBe(revised)
  expect(received.metrics.map((m: { value: number; filled: boolean }) => [m.value, m.filled])).toEqual([
    [3, true],
    [12, true],
  ])
})

test('Vue 3: v-model binds the element’s value both ways; 提交 is refused while a metric is unfilled, then posts the bound Summary JSON', async ({ page }) => {
  await open(page, 'vue.html')
  await expect(page.locator('#vue-unfilled')).toHaveText('2')
  const length = Number(await page.locator('#vue-length').textContent())
  expect(length).toBeGreaterThan(100)

  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#vue-errors li')).toHaveCount(2)
  await expect(page.locator('#vue-received')).toHaveCount(0)

  // v-model writes the element's value back after each input: the same string, so nothing reloads
  // and the keys land one after the other.
  await reviseTitle(page)
  await expect(page.locator('#vue-title')).toHaveText(revised)
  expect(await getText(page)).toContain(revised)
  await expect(page.locator('#vue-length')).toHaveText(String((await elementValue(page)).length))
  expect(Number(await page.locator('#vue-length').textContent())).toBe(length + '（修订）'.length)

  await fillMetric(page, 0, '3')
  await fillMetric(page, 1, '12')
  await expect(page.locator('#vue-unfilled')).toHaveText('0')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#vue-received')).toBeVisible()
  await expect(page.locator('#vue-errors')).toHaveCount(0)
  const received = JSON.parse((await page.locator('#vue-received').textContent())!)
  expect(received).toEqual(JSON.parse(await elementValue(page)))
  expect(received.title).toBe(revised)
  expect(received.metrics.map((m: { value: number }) => m.value)).toEqual([3, 12])

  // The application sets the bound value: the editor loads it.
  await page.getByRole('button', { name: '恢复初稿' }).click()
  await expect(page.locator('#vue-unfilled')).toHaveText('2')
  await expect(page.locator('#vue-length')).toHaveText(String(length))
  await expect.poll(() => getText(page)).not.toContain('（修订）')
  await expect(page.locator('zongjie-editor .zj-metric.zj-unfilled')).toHaveCount(2)
})

test('Vue 2.7 and Element UI from classic scripts: v-model through a wrapper component, an el-form rule that asks the editor, then the posted Summary JSON', async ({ page }) => {
  test.setTimeout(90_000)
  await open(page, 'vue2.html')
  // An old OA page: Vue 2 and Element UI are globals from classic scripts, and the page loads no
  // module of its own (the development server's client aside).
  expect(await page.evaluate(() => (window as unknown as { Vue: { version: string } }).Vue.version)).toBe('2.7.16')
  expect(await page.evaluate(() => typeof (window as unknown as { ELEMENT?: { version: string } }).ELEMENT?.version)).toBe('string')
  expect(await page.evaluate(() => [...document.scripts].filter((s) => s.type === 'module' && !s.src.includes('/@vite/')).length)).toBe(0)
  await expect(page.locator('#vue2-unfilled')).toHaveText('2')
  const length = Number(await page.locator('#vue2-length').textContent())

  const summaryItem = page.locator('.el-form-item').filter({ has: page.locator('zongjie-editor') })
  const submit = page.getByRole('button', { name: '提交' })
  await submit.click()
  await expect(summaryItem.locator('.el-form-item__error')).toContainText('新建社区养老服务站X个')
  await expect(page.locator('.el-form-item').filter({ hasText: '联系人' }).locator('.el-form-item__error')).toHaveText('请填写联系人')
  await expect(page.locator('#vue2-received')).toHaveCount(0)

  await page.locator('#contact').fill('王明 0123-4567890')
  await page.locator('#unit').click()
  await page.locator('.el-select-dropdown__item').filter({ hasText: '示范县卫生健康局' }).click()
  await expect(page.locator('#unit')).toHaveValue('示范县卫生健康局')

  await reviseTitle(page)
  await expect(page.locator('#vue2-title')).toHaveText(revised)
  expect(await getText(page)).toContain(revised)
  await expect(page.locator('#vue2-length')).toHaveText(String((await elementValue(page)).length))

  // Once 提交 has been tried, the editor's field is checked again at each change: the message
  // moves on to the next unfilled metric, then goes.
  await fillMetric(page, 0, '3')
  await expect(page.locator('#vue2-unfilled')).toHaveText('1')
  await expect(summaryItem.locator('.el-form-item__error')).toContainText('培训社工X名')
  await fillMetric(page, 1, '12')
  await expect(summaryItem.locator('.el-form-item__error')).toHaveCount(0)

  await submit.click()
  await expect(page.locator('#vue2-received')).toBeVisible()
  const received = JSON.parse((await page.locator('#vue2-received').textContent())!)
  expect(received).toEqual(JSON.parse(await elementValue(page)))
  expect(received.title).toBe(revised)
  expect(received.metrics.map((m: { value: number }) => m.value)).toEqual([3, 12])

  // 重置 (the form's resetFields) sets the model back: the editor loads the draft again.
  await page.getByRole('button', { name: '重置' }).click()
  await expect(page.locator('#vue2-unfilled')).toHaveText('2')
  await expect(page.locator('#vue2-length')).toHaveText(String(length))
  await expect.poll(() => getText(page)).not.toContain('（修订）')
  await expect(page.locator('#contact')).toHaveValue('')
})
