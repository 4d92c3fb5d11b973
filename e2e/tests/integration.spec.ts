import { test, expect, summaryOf } from './helpers.ts'

test.describe('integration examples', () => {
  test('one script tag: the form posts the Summary JSON, required blocks it while a metric is unfilled, the OA textarea follows, reset restores', async ({ page }) => {
    test.setTimeout(90_000)
    // The first request may build the script bundle.
    await page.goto('script-tag.html', { timeout: 80_000 })
    await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
    expect(await page.evaluate(() => typeof (window as unknown as { Zongjie?: { importText?: unknown } }).Zongjie?.importText)).toBe('function')
    // The page loads no module of its own (the dev server's client aside): everything comes from the script build.
    expect(await page.evaluate(() => [...document.scripts].filter((s) => s.type === 'module' && !s.src.includes('/@vite/')).length)).toBe(0)

    const textarea = page.locator('#summary-text')
    expect(await textarea.inputValue()).toContain('新建社区养老服务站X个。')
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForTimeout(300)
    expect(new URL(page.url()).pathname).toBe('/script-tag.html')

    await page.locator('zongjie-editor .zj-metric').click()
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    await expect.poll(() => textarea.inputValue()).toContain('新建社区养老服务站5个。')

    await Promise.all([page.waitForURL('**/echo'), page.getByRole('button', { name: '提交' }).click()])
    const received = JSON.parse((await page.locator('#received').textContent()) ?? '[]') as { name: string; value: string }[]
    const summary = JSON.parse(received.find((f) => f.name === 'summary')!.value)
    expect(summary.metrics[0]).toMatchObject({ value: 5, filled: true })
    expect(received.find((f) => f.name === 'summary_text')?.value).toContain('新建社区养老服务站5个。')

    await page.goBack()
    await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
    await page.locator('zongjie-editor .zj-metric').click()
    await page.keyboard.type('9')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: '重置' }).click()
    const after = await page.locator('zongjie-editor').evaluate((el) => (el as unknown as { getText(): string }).getText())
    expect(after).toContain('新建社区养老服务站X个。')
  })

  test('iframe bridge: the host asks to save; the editor answers with the findings, then, filled, with the Summary JSON', async ({ page }) => {
    await page.goto('bridge.html')
    const frame = page.frameLocator('#frame')
    await frame.locator('zongjie-editor .zj-metric').waitFor()
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.locator('#result')).toContainText('不能保存：1 处须处理')
    expect(await page.locator('#payload').textContent()).toContain('metric-unfilled')

    await frame.locator('zongjie-editor .zj-metric').click()
    await page.keyboard.type('12')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.locator('#result')).toHaveText('已保存')
    const summary = JSON.parse((await page.locator('#payload').textContent()) ?? '{}')
    expect(summary.version).toBe(1)
    expect(summary.metrics[0]).toMatchObject({ value: 12, unit: '个' })
  })
})

test('a Vue application binds the editor with v-model on its value and follows it', async ({ page }) => {
  await page.goto('vue.html')
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
  await expect(page.locator('#vue-unfilled')).toHaveText('2')
  await expect(page.locator('zongjie-editor .zj-heading').first()).toBeVisible()
  await page.locator('zongjie-editor .zj-metric').first().click()
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(page.locator('#vue-unfilled')).toHaveText('1')
  await page.locator('zongjie-editor .zj-title').click()
  await page.keyboard.press('End')
  await page.keyboard.type('（修订）')
  await expect(page.locator('#vue-title')).toHaveText('示范县民政局2024年上半年工作总结（修订）')
})

test('what a page set on the editors before the script defined them is loaded, and set again later too', async ({ page }) => {
  test.setTimeout(90_000)
  const first = JSON.stringify(summaryOf('示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。'))
  const second = summaryOf('示范县卫健局2024年工作总结\n全年工作平稳。')
  // An OA page's own script runs before the editor's script tag at the end of the page.
  await page.route('**/before-defined.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>
        <zongjie-editor id="by-value"></zongjie-editor><zongjie-editor id="by-summary"></zongjie-editor>
        <script>
          document.getElementById('by-value').value = ${JSON.stringify(first)}
          document.getElementById('by-summary').summary = ${JSON.stringify(second)}
          document.getElementById('by-summary').user = { id: 'u1', name: '张三' }
        </script>
        <script src="/zongjie-editor.iife.js"></script>`,
    }),
  )
  await page.goto('before-defined.html', { timeout: 80_000 })
  await page.locator('#by-value .zj-title').waitFor()
  await expect(page.locator('#by-value .zj-title')).toHaveText('示范县民政局2024年上半年工作总结')
  await expect(page.locator('#by-summary .zj-title')).toHaveText('示范县卫健局2024年工作总结')
  expect(await page.locator('#by-summary').evaluate((el) => (el as unknown as { user: { name: string } | null }).user?.name)).toBe('张三')

  // Set again, the value loads: it is no longer kept beside the editor.
  await page.locator('#by-value').evaluate((el, value) => ((el as unknown as { value: string }).value = value), JSON.stringify(second))
  await expect(page.locator('#by-value .zj-title')).toHaveText('示范县卫健局2024年工作总结')
  expect(await page.locator('#by-value').evaluate((el) => (el as unknown as { getText(): string }).getText())).toContain('全年工作平稳。')
})
