/**
 * The parts of the editor that load on use, when they cannot be loaded (the network gone, or the
 * site updated and the old chunk removed): the writer is told in one line which part, an `error`
 * event names it, and the editor goes on working. In the ES build (the demo, every part a module
 * of its own) and in the one-script build (Word support its second script).
 */
import type { Page } from '@playwright/test'
import { test, expect, openDemo, editor } from './helpers.ts'

/** The `error` events' details from now on, as the page saw them. */
async function errorsOf(page: Page): Promise<() => Promise<{ message: string; path?: string }[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __errors: unknown[] }
    w.__errors = []
    document.querySelector('zongjie-editor')!.addEventListener('error', (e) => w.__errors.push({ ...(e as CustomEvent).detail, error: undefined }))
  })
  return () => page.evaluate(() => (window as unknown as { __errors: { message: string; path?: string }[] }).__errors)
}

const hint = (page: Page) => editor(page).locator('[part="hint"]')

test('a panel whose module cannot be loaded is named in one line, and the editor goes on', async ({ page }) => {
  // A page whose editor shows no review panel: the versions panel's module is not loaded yet.
  await page.route('**/panels/versions.ts*', (route) => route.abort('internetdisconnected'))
  await page.goto('isolation.html')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const errors = await errorsOf(page)
  await page.evaluate(() => document.querySelector('zongjie-editor')!.setAttribute('versions', ''))
  await expect(hint(page)).toHaveText('无法加载「版本面板」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await expect.poll(errors).toEqual([{ message: '无法加载「版本面板」：网络连接失败，或编辑器已更新，请刷新页面后重试', path: 'versions' }])
  // Typing still works.
  await editor(page).locator('.zj-preamble p').first().click()
  await page.keyboard.type('照常输入')
  await expect(editor(page).locator('.zj-preamble p').first()).toContainText('照常输入')
})

test('导出 Word with the Word writer unreachable says so in one line', async ({ page }) => {
  await openDemo(page, '?sample')
  await page.route('**/packages/docx/src/write/**', (route) => route.abort('internetdisconnected'))
  const errors = await errorsOf(page)
  await page.getByRole('button', { name: '导出 Word', exact: true }).click()
  await expect(hint(page)).toHaveText('无法加载「Word 支持」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await expect.poll(errors).toEqual([{ message: '无法加载「Word 支持」：网络连接失败，或编辑器已更新，请刷新页面后重试', path: 'word' }])
})

test('in the one-script build, Word support that cannot be fetched is named in one line', async ({ page }) => {
  test.setTimeout(120_000)
  await page.route('**/zongjie-docx.iife.js', (route) => route.abort('internetdisconnected'))
  // The first requests may build the scripts.
  await page.goto('script-tag.html', { timeout: 80_000 })
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
  const errors = await errorsOf(page)
  await page.evaluate(() => document.querySelector('zongjie-editor')!.setAttribute('toolbar', ''))
  await page.getByRole('button', { name: '导出 Word', exact: true }).click()
  await expect(hint(page)).toHaveText('无法加载「Word 支持」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await expect.poll(errors).toEqual([{ message: '无法加载「Word 支持」：网络连接失败，或编辑器已更新，请刷新页面后重试', path: 'word' }])
  // The integrator learns where it was looked for.
  const cause = await page.evaluate(() =>
    (document.querySelector('zongjie-editor') as unknown as { getDocx(): Promise<Blob> }).getDocx().then(
      () => '',
      (e: Error & { cause?: Error }) => `${e.name}: ${e.cause?.message}`,
    ),
  )
  expect(cause).toMatch(/^PartLoadError: 无法载入 Word 支持（.*zongjie-docx\.iife\.js）/)
})
