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

  test('disabled, by its attribute or a disabled fieldset, a click on the text or the page puts no focus in it, as on a disabled native control, and the text can still be selected', async ({ page }) => {
    const el = page.locator('zongjie-editor')
    const paragraph = el.locator('.zj-paragraph').first()
    /** Where the focus is: what of the editor holds it, or `outside`. */
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement
        if (a?.tagName.toLowerCase() !== 'zongjie-editor') return 'outside'
        const inner = a.shadowRoot!.activeElement
        return inner ? `editor ${inner.getAttribute('role') ?? inner.className}` : 'editor'
      })
    for (const disable of ['attribute', 'fieldset'] as const) {
      await el.evaluate((e, disable) => {
        if (disable === 'attribute') return e.setAttribute('disabled', '')
        const fieldset = document.createElement('fieldset')
        e.before(fieldset)
        fieldset.append(e)
        fieldset.disabled = true
      }, disable)
      await expect(page.getByRole('textbox', { name: '工作总结' })).toHaveAttribute('aria-disabled', 'true')
      await page.locator('input[name=unit]').focus()
      await paragraph.click()
      expect(await focused(), `${disable}: a click on the text`).toBe('outside')
      // Below the text, on the page's paper, and on its margin.
      const box = (await el.locator('.page').boundingBox())!
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 4)
      await page.mouse.click(box.x - 6, box.y + 40)
      expect(await focused(), `${disable}: a click on the page`).toBe('outside')
      // The text can still be selected (and copied): dragged over, its first words are.
      const line = (await paragraph.boundingBox())!
      await page.mouse.move(line.x + 2, line.y + line.height / 2)
      await page.mouse.down()
      await page.mouse.move(line.x + 120, line.y + line.height / 2, { steps: 4 })
      await page.mouse.up()
      const selected = await el.evaluate((e) => (e.shadowRoot as ShadowRoot & { getSelection(): Selection }).getSelection().toString())
      expect(selected, disable).toMatch(/^上半年/)
      expect(await focused(), `${disable}: a selection`).toBe('outside')
      await el.evaluate((e, disable) => {
        if (disable === 'attribute') e.removeAttribute('disabled')
        else {
          const fieldset = e.closest('fieldset')!
          fieldset.before(e)
          fieldset.remove()
        }
      }, disable)
    }
    // Enabled again, a click puts the caret in the text.
    await paragraph.click()
    expect(await focused()).toBe('editor textbox')
  })

  test('disabled, by its attribute or a disabled fieldset, the editor leaves the tab order, its toolbar and panels too, and its text is announced as disabled; enabled again, all is back', async ({ page }) => {
    const el = page.locator('zongjie-editor')
    await el.evaluate((e) => ['toolbar', 'outline', 'metrics'].forEach((a) => e.setAttribute(a, '')))
    await expect(el.locator('.outline')).toBeVisible()
    const text = page.getByRole('textbox', { name: '工作总结' })
    // What Tab reaches from the unit's input, up to the form's 提交: inside the editor, the element's role and text.
    const tabStops = async () => {
      await page.locator('input[name=unit]').focus()
      const stops: string[] = []
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab')
        const stop = await page.evaluate(() => {
          const a = document.activeElement
          const inner = a?.shadowRoot?.activeElement
          return inner ? `editor ${inner.getAttribute('role') ?? inner.tagName.toLowerCase()} ${inner.textContent!.trim().slice(0, 8)}` : `${a?.tagName.toLowerCase()} ${a?.textContent!.trim()}`
        })
        stops.push(stop)
        if (stop === 'button 提交') break
      }
      return stops
    }
    // Chromium's own accessibility tree (what a screen reader gets), not a reading of the DOM: the text box's state and text, and what of the toolbar is there.
    const cdp = await page.context().newCDPSession(page)
    const chromiumSees = async () => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean; properties?: { name: string; value: { value: unknown } }[] }[] }
      const box = nodes.find((n) => n.role?.value === 'textbox' && n.name?.value === '工作总结' && !n.ignored)
      return {
        textBox: box ? { disabled: box.properties?.some((p) => p.name === 'disabled' && p.value.value === true) ?? false } : null,
        text: nodes.some((n) => !n.ignored && n.role?.value === 'StaticText' && n.name?.value === '上半年，我局稳步推进各项工作。'),
        exportWord: nodes.some((n) => !n.ignored && n.role?.value === 'button' && n.name?.value === '导出 Word'),
      }
    }
    const enabledStops = await tabStops()
    for (const stop of ['editor button 导出 Word', 'editor button 一、主要工作', 'editor textbox 示范县民政局', 'editor button 导出 CSV']) {
      expect(enabledStops.some((s) => s.startsWith(stop)), stop).toBe(true)
    }
    expect(await chromiumSees()).toEqual({ textBox: { disabled: false }, text: true, exportWord: true })

    for (const disable of ['attribute', 'fieldset'] as const) {
      await el.evaluate((e, disable) => {
        if (disable === 'attribute') return e.setAttribute('disabled', '')
        const fieldset = document.createElement('fieldset')
        e.before(fieldset)
        fieldset.append(e)
        fieldset.disabled = true
      }, disable)
      await expect(text).toHaveAttribute('aria-disabled', 'true')
      // From the input to the form's button: nothing of the editor between, no frame or scroller either.
      expect(await tabStops(), disable).toEqual(['button 提交'])
      await expect(text).toBeDisabled()
      // focus() leaves the focus where it was, as on a disabled native control.
      await page.locator('input[name=unit]').focus()
      await el.evaluate((e) => (e as HTMLElement).focus())
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name')), disable).toBe('unit')
      expect(await chromiumSees(), disable).toEqual({ textBox: { disabled: true }, text: true, exportWord: false })
      await expect(el.locator('.zj-paragraph').first()).toHaveText('上半年，我局稳步推进各项工作。')
      // Narrow, the panels under the page scroll with it in one frame: that is not reached either.
      await el.evaluate((e) => ((e as HTMLElement).style.width = '520px'))
      await expect(el.locator('.shell[data-narrow]')).toBeAttached()
      expect(await tabStops(), `${disable}, narrow`).toEqual(['button 提交'])
      await el.evaluate((e) => ((e as HTMLElement).style.width = ''))
      await expect(el.locator('.shell[data-narrow]')).not.toBeAttached()

      await el.evaluate((e, disable) => {
        if (disable === 'attribute') e.removeAttribute('disabled')
        else (e.closest('fieldset') as HTMLFieldSetElement).disabled = false
      }, disable)
      await expect(text).toHaveAttribute('aria-disabled', 'false')
      expect(await tabStops(), `${disable}, enabled again`).toEqual(enabledStops)
      expect(await chromiumSees()).toEqual({ textBox: { disabled: false }, text: true, exportWord: true })
    }
    // Enabled again, the writer types.
    await el.locator('.zj-paragraph').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type('再次启用。')
    await expect(el.locator('.zj-paragraph').first()).toHaveText('上半年，我局稳步推进各项工作。再次启用。')
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

  test('what was typed the moment before the page reads the form, by new FormData or a submission from a script, is in what it reads', async ({ page }) => {
    await page.locator('zongjie-editor .zj-paragraph').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type('刚写的一句。')
    // At once, as an OA page's Ctrl+S handler reads the form for its save request.
    const read = await page.evaluate(() => {
      const form = document.querySelector('form')!
      const data = new FormData(form)
      return { keys: [...data.keys()], summary: String(data.get('summary')) }
    })
    expect(read.keys).toEqual(['unit', 'summary'])
    expect(read.summary).toContain('刚写的一句。')
    // Moments later the same.
    await page.keyboard.type('又一句。')
    const again = await page.evaluate(() => String(new FormData(document.querySelector('form')!).get('summary')))
    expect(again).toContain('刚写的一句。又一句。')
  })

  test('an editor put in the form and read at once, before its first frame, gives the summary the page set', async ({ page }) => {
    const value = await page.evaluate(() => {
      const el = document.createElement('zongjie-editor') as HTMLElement & { value: string }
      el.setAttribute('name', 'second')
      document.querySelector('form')!.append(el)
      const summary = JSON.parse((document.querySelector('zongjie-editor[name=summary]') as HTMLElement & { value: string }).value)
      el.value = JSON.stringify({ ...summary, title: '第二份' })
      return new FormData(document.querySelector('form')!).get('second')
    })
    expect(JSON.parse(value as string)).toMatchObject({ title: '第二份', preamble: [{ text: '上半年，我局稳步推进各项工作。' }] })
  })

  test('lang changed at runtime: the validation message is said in the new language', async ({ page }) => {
    const el = page.locator('zongjie-editor')
    const message = () => el.evaluate((e) => (e as unknown as { validationMessage: string }).validationMessage)
    await expect.poll(message).toContain('共 1 处须处理')
    await el.evaluate((e) => e.setAttribute('lang', 'en'))
    await expect(el.getByRole('textbox', { name: 'Work summary' })).toBeVisible()
    await expect.poll(message).toContain('1 to resolve')
    await el.evaluate((e) => e.removeAttribute('lang'))
    await expect.poll(message).toContain('共 1 处须处理')
  })

  test('a template set after the editor has rendered, the page having set no summary, starts the document', async ({ page }) => {
    const text = await page.evaluate(async () => {
      const el = document.createElement('zongjie-editor') as HTMLElement & { template: string; organization: string; updateComplete: Promise<boolean>; getText(): string }
      document.body.append(el)
      await el.updateComplete
      await new Promise((ok) => setTimeout(ok, 600))
      // As an OA page does once it has fetched the form's settings.
      el.organization = '某镇'
      el.template = 'township'
      await el.updateComplete
      return el.getText()
    })
    expect(text).toContain('某镇')
    expect(text).toContain('工作总结')
  })
})
