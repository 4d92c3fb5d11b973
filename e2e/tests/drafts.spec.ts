/**
 * Drafts kept in the browser (`draft-key`), on the form example with `?draft=`: the page closed in
 * the middle of typing, opened again, offers 恢复未保存的草稿 with its time; 恢复 brings back exactly
 * what was typed, 放弃 forgets it, and submitting the form forgets it too. Leaving the page with
 * changes not submitted asks first.
 */
import type { BrowserContext, Page } from '@playwright/test'
import { test, expect, placeCursor } from './helpers.ts'

/** The form example keeping its draft under `key`, ready. */
async function openForm(context: BrowserContext, key: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`/form.html?draft=${key}`)
  await page.waitForSelector('html[data-ready="true"]')
  await page.locator('zongjie-editor .ProseMirror').waitFor()
  // The editor has looked for a draft: its database is open, ready to keep one when the page goes.
  await page.waitForFunction(async () => (await indexedDB.databases()).some((d) => d.name === 'zongjie-drafts'))
  return page
}

const value = (page: Page) => page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { value: string }).value)
const offer = (page: Page) => page.locator('zongjie-editor [part="draft"]')

test('a page closed mid-typing offers its draft when opened again; 恢复 brings it back exactly, 放弃 forgets it', async ({ browser }) => {
  const context = await browser.newContext()
  const key = `e2e-${Date.now().toString(36)}`
  const first = await openForm(context, key)
  await expect(offer(first)).toHaveCount(0)
  await placeCursor(first, '稳步推进')
  await first.keyboard.type('全面')
  // Closed at once: less than the second after which the draft is kept while typing.
  const typed = await value(first)
  await first.close({ runBeforeUnload: false })

  const second = await openForm(context, key)
  await expect(offer(second)).toContainText('发现未保存的草稿')
  await expect(offer(second)).toContainText(/保存于 \d{4}年\d{1,2}月\d{1,2}日/)
  expect(await value(second)).not.toBe(typed)
  await offer(second).getByRole('button', { name: '恢复' }).click()
  await expect(offer(second)).toHaveCount(0)
  expect(await value(second)).toBe(typed)
  // Ctrl-Z takes the restoring back.
  await placeCursor(second, '稳步推进')
  await second.keyboard.press('Control+z')
  await expect.poll(() => value(second)).not.toBe(typed)
  await second.keyboard.press('Control+y')
  await expect.poll(() => value(second)).toBe(typed)
  await second.close({ runBeforeUnload: false })

  const third = await openForm(context, key)
  await expect(offer(third)).toBeVisible()
  await offer(third).getByRole('button', { name: '放弃' }).click()
  await expect(offer(third)).toHaveCount(0)
  await third.close({ runBeforeUnload: false })
  const fourth = await openForm(context, key)
  await fourth.waitForTimeout(500)
  await expect(offer(fourth)).toHaveCount(0)
  await context.close()
})

test('submitting the form forgets the draft; leaving with changes not submitted asks first', async ({ browser }) => {
  const context = await browser.newContext()
  const key = `e2e-${Date.now().toString(36)}`
  const page = await openForm(context, key)
  await placeCursor(page, '稳步推进')
  await page.keyboard.type('全面')
  let asked = false
  page.on('dialog', (dialog) => {
    asked = dialog.type() === 'beforeunload'
    void dialog.dismiss()
  })
  await page.close({ runBeforeUnload: true })
  await expect.poll(() => asked).toBe(true)
  expect(page.isClosed()).toBe(false)

  // The metric is filled so that the form may be submitted, then it is.
  await page.locator('zongjie-editor .zj-metric').first().click()
  await page.keyboard.type('6')
  await page.keyboard.press('Enter')
  await Promise.all([page.waitForURL(/\/echo/), page.locator('button[type="submit"]').click()])
  const again = await openForm(context, key)
  await again.waitForTimeout(500)
  await expect(offer(again)).toHaveCount(0)
  await context.close()
})
