import { test, expect } from './helpers.ts'

// The editor as a form control (ElementInternals): it submits its Summary JSON under its name,
// `required` keeps the form from submitting while the validator reports errors, reset restores it.
test.describe('<zongjie-editor> in a <form>', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('form.html')
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  })

  test('required blocks submission while a metric is unfilled, and the form posts the Summary JSON once it is filled', async ({ page }) => {
    const el = page.locator('zongjie-editor')
    expect(await el.evaluate((e) => (e as unknown as { checkValidity(): boolean }).checkValidity())).toBe(false)
    expect(await el.evaluate((e) => (e as unknown as { validationMessage: string }).validationMessage)).toContain('X个')
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForTimeout(300)
    expect(new URL(page.url()).pathname).toBe('/form.html')

    // Fill the metric with the keyboard: click it, type, Enter.
    await page.locator('zongjie-editor .zj-metric').click()
    await page.keyboard.type('6')
    await page.keyboard.press('Enter')
    expect(await el.evaluate((e) => (e as unknown as { checkValidity(): boolean }).checkValidity())).toBe(true)

    await Promise.all([page.waitForURL('**/echo'), page.getByRole('button', { name: '提交' }).click()])
    const received = JSON.parse((await page.locator('#received').textContent()) ?? '[]') as { name: string; value: string }[]
    const summary = JSON.parse(received.find((f) => f.name === 'summary')!.value)
    expect(received.find((f) => f.name === 'unit')?.value).toBe('示范县民政局')
    expect(summary.version).toBe(1)
    expect(summary.metrics).toHaveLength(1)
    expect(summary.metrics[0]).toMatchObject({ value: 6, unit: '个', filled: true })
    expect(summary.sections.map((s: { role: string }) => s.role)).toEqual(['work', 'problems', 'plans'])
  })

  test('reset restores the initial content; disabled leaves the editor out of the form', async ({ page }) => {
    const el = page.locator('zongjie-editor')
    const text = () => el.evaluate((e) => (e as unknown as { getText(): string }).getText())
    const before = await text()
    await page.locator('zongjie-editor .zj-paragraph').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type('新增一句。')
    expect(await text()).not.toBe(before)
    await page.getByRole('button', { name: '重置' }).click()
    expect(await text()).toBe(before)

    await el.evaluate((e) => e.setAttribute('disabled', ''))
    const entries = await page.evaluate(() => [...new FormData(document.querySelector('form')!).keys()])
    expect(entries).toEqual(['unit'])
    await page.locator('zongjie-editor .zj-paragraph').first().click()
    await page.keyboard.type('不应写入')
    expect(await text()).toBe(before)
  })

  test("the editor's label, clicked, puts the keyboard focus in its text, read-only too, as a native control's label does", async ({ page }) => {
    const el = page.locator('zongjie-editor')
    // What has the keyboard focus: the text box inside the editor's shadow root, or something else.
    const focused = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('role') ?? document.activeElement?.tagName)
    await el.evaluate((e) => {
      e.id = 'summary-editor'
      const label = document.createElement('label')
      label.htmlFor = 'summary-editor'
      label.textContent = '工作总结正文'
      label.id = 'summary-label'
      e.before(label)
    })
    await page.locator('#summary-label').click()
    expect(await focused()).toBe('textbox')
    await page.keyboard.type('从标签进入')
    expect(await el.evaluate((e) => (e as unknown as { getText(): string }).getText())).toContain('从标签进入')

    await page.locator('input[name=unit]').focus()
    await el.evaluate((e) => e.setAttribute('readonly', ''))
    await page.locator('#summary-label').click()
    expect(await focused()).toBe('textbox')
    await page.locator('input[name=unit]').focus()
    await el.evaluate((e) => (e as HTMLElement).focus())
    expect(await focused()).toBe('textbox')
  })

  test('an editor mounted outside a form and moved into one submits its Summary JSON', async ({ page }) => {
    const value = await page.evaluate(async () => {
      const el = document.createElement('zongjie-editor') as HTMLElement & { summary: { title: string } }
      const holder = document.createElement('div')
      holder.append(el)
      document.body.append(holder)
      await new Promise((ok) => setTimeout(ok, 600))
      const form = document.createElement('form')
      el.setAttribute('name', 'moved')
      form.append(el)
      document.body.append(form)
      return new FormData(form).get('moved')
    })
    expect(typeof value).toBe('string')
    expect(JSON.parse(value as string)).toMatchObject({ version: 1, preamble: [{ type: 'paragraph', text: '' }] })
  })
})
