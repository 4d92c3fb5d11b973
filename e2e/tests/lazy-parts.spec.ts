/**
 * The parts of the editor that load on use: they work the first time they are used (a paste of
 * Word HTML right after mounting, a template, the metrics table), also while their module is
 * still on its way; and when they cannot be loaded (the network gone, or the site updated and the
 * old chunk removed) the writer is told in one line which part, an `error` event names it, and the
 * editor goes on working. In the ES build (the demo, every part a module of its own) and in the
 * one-script build (Word support its second script, the rest in the one script).
 */
import type { Page } from '@playwright/test'
import { test, expect, openDemo, openWith, editor, getSummary, getText, paste, placeCursor, shortDraft, copy, positionOf, selectRange } from './helpers.ts'

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

/**
 * On a page whose editor shows no panel (isolation.html), the module of a part (`route`) cannot be
 * fetched: turning `attribute` on names the part (`name`) in one line and in an `error` event
 * (`path`), and typing goes on.
 */
async function unreachablePartNamed(page: Page, route: string, attribute: string, name: string, path: string) {
  await page.route(route, (r) => r.abort('internetdisconnected'))
  await page.goto('isolation.html')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const errors = await errorsOf(page)
  await editor(page).evaluate((el, a) => el.setAttribute(a, ''), attribute)
  const message = `无法加载「${name}」：网络连接失败，或编辑器已更新，请刷新页面后重试`
  await expect(hint(page)).toHaveText(message)
  await expect.poll(errors).toEqual([{ message, path }])
  await editor(page).locator('.zj-preamble p').first().click()
  await page.keyboard.type('照常输入')
  await expect(editor(page).locator('.zj-preamble p').first()).toContainText('照常输入')
}

test('a panel whose module cannot be loaded is named in one line, and the editor goes on', async ({ page }) => {
  // The versions panel's module is not loaded until the panel is shown.
  await unreachablePartNamed(page, '**/panels/versions.ts*', 'versions', '版本面板', 'versions')
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

/** A part of a Word document as the clipboard has it: a 一、 heading numbered by Word's list, and a paragraph. */
const wordSection = `<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>三、</span><![endif]><span style='font-family:黑体'>基层治理</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>培训社区工作者X名。</span></p>`

/** Holds back the module that reads pastes (ES build) until `release` is called. */
async function holdPasteReader(page: Page): Promise<() => void> {
  let release!: () => void
  const released = new Promise<void>((ok) => (release = ok))
  await page.route('**/plugins/paste-read.ts*', async (route) => {
    await released
    await route.continue()
  })
  return release
}

test('Word HTML pasted right after mounting, its reader still loading, lands where the caret was; what is typed meanwhile stays', async ({ page }) => {
  const release = await holdPasteReader(page)
  await openWith(page, shortDraft)
  await placeCursor(page, '办理婚姻登记。', 'end')
  expect(await paste(page, { html: wordSection, text: '三、基层治理\n培训社区工作者X名。' }, false)).toBe(true)
  // The writer goes on typing while the reader loads.
  await page.keyboard.type('另起')
  expect(await getText(page)).not.toContain('基层治理')
  release()
  await expect.poll(async () => (await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理'])
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。另起' }])
  expect(summary.sections[2]!.body).toMatchObject([{ type: 'paragraph', text: '培训社区工作者X名。' }])
  // The caret stayed with the writer: typing goes on after what they typed.
  await page.keyboard.type('再写')
  await expect.poll(async () => (await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。另起再写' }])
})

/** Cuts the 二、 part of the short draft, from its heading to the end of its text; returns the summary from before and what the cut put on the clipboard. */
async function cutSecondPart(page: Page) {
  await openWith(page, shortDraft)
  const original = await getSummary(page)
  await selectRange(page, await positionOf(page, '社会事务', 'start'), await positionOf(page, '办理婚姻登记。', 'end'))
  const cut = await copy(page, 'cut')
  expect(cut.handled).toBe(true)
  expect(await getText(page)).not.toContain('社会事务')
  return { original, cut }
}

test("the editor's own cut, pasted back before the reader has loaded, lands whole once it has", async ({ page }) => {
  const release = await holdPasteReader(page)
  const { original, cut } = await cutSecondPart(page)
  expect(await paste(page, { html: cut.html, text: cut.text }, false)).toBe(true)
  expect(await getText(page)).not.toContain('社会事务')
  release()
  await expect.poll(() => getSummary(page)).toEqual(original)
})

test("the editor's own cut, pasted back when the reader cannot be loaded, still goes in whole", async ({ page }) => {
  await page.route('**/plugins/paste-read.ts*', (route) => route.abort('internetdisconnected'))
  const { original, cut } = await cutSecondPart(page)
  expect(await paste(page, { html: cut.html, text: cut.text })).toBe(true)
  await expect(hint(page)).toHaveText('无法加载「粘贴」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  expect(await getSummary(page)).toEqual(original)
})

test('a paste whose reader cannot be loaded goes in as plain text, and the writer is told in one line', async ({ page }) => {
  await page.route('**/plugins/paste-read.ts*', (route) => route.abort('internetdisconnected'))
  await openWith(page, shortDraft)
  const errors = await errorsOf(page)
  await placeCursor(page, '办理婚姻登记。', 'end')
  expect(await paste(page, { html: wordSection, text: '培训社区工作者X名。' })).toBe(true)
  await expect(hint(page)).toHaveText('无法加载「粘贴」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await expect.poll(errors).toEqual([{ message: '无法加载「粘贴」：网络连接失败，或编辑器已更新，请刷新页面后重试', path: 'paste' }])
  // Nothing pasted is lost: its text is there, as text.
  expect(await getText(page)).toContain('办理婚姻登记。培训社区工作者X名。')
})

test('two pastes made at once while the reader fails to load both go in as plain text, each where it was made', async ({ page }) => {
  await page.route('**/plugins/paste-read.ts*', (route) => route.abort('internetdisconnected'))
  await openWith(page, shortDraft)
  await placeCursor(page, '办理婚姻登记。', 'end')
  // Two pastes in one task: the second is made before the first could be read.
  await page.evaluate(() => {
    const pm = document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror') as HTMLElement
    for (const text of ['甲乙', '丙丁']) {
      const dt = new DataTransfer()
      dt.setData('text/html', `<p class=MsoNormal>${text}</p>`)
      dt.setData('text/plain', text)
      pm.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }))
    }
  })
  await expect(hint(page)).toHaveText('无法加载「粘贴」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await expect.poll(() => getText(page)).toContain('办理婚姻登记。甲乙丙丁')
})

test('the metrics table on first use lists every metric; its module unreachable, it is named in one line', async ({ page }) => {
  await openWith(page, shortDraft)
  await editor(page).evaluate((el) => el.setAttribute('metrics', ''))
  await expect(editor(page).locator('.metrics tbody tr')).toHaveCount(1)
  await expect(editor(page).locator('.metrics tbody tr')).toContainText('名')

  // A page without the versions panel (which shares a module with the table).
  await unreachablePartNamed(await page.context().newPage(), '**/panels/metrics.ts*', 'metrics', '指标表', 'metrics')
})

test('the outline, findings and status line on first use show the draft; their module unreachable, they are named in one line', async ({ page }) => {
  await openWith(page, shortDraft)
  await expect(editor(page).locator('.outline li')).not.toHaveCount(0)
  await expect(editor(page).locator('.status')).toContainText('未填写')

  // A page whose editor shows none of them: their module is not loaded yet.
  await unreachablePartNamed(await page.context().newPage(), '**/panels/overview.ts*', 'outline', '提纲、检查结果和状态栏', 'panels')
})

test('in the one-script build, Word HTML pasted right after mounting, a template and the metrics table work on first use', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('script-tag.html', { timeout: 80_000 })
  await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
  await placeCursor(page, '上半年，我局稳步推进各项工作。', 'end')
  expect(await paste(page, { html: wordSection, text: '三、基层治理\n培训社区工作者X名。' })).toBe(true)
  await expect.poll(async () => (await getSummary(page)).sections.map((s) => s.title)).toContain('基层治理')
  await editor(page).evaluate((el) => el.setAttribute('metrics', ''))
  await expect(editor(page).locator('.metrics tbody tr')).not.toHaveCount(0)
  const template = await page.evaluate(async () => {
    const el = document.createElement('zongjie-editor') as HTMLElement & { updateComplete: Promise<boolean>; getText(): string }
    el.setAttribute('template', 'township')
    document.body.append(el)
    await el.updateComplete
    return el.getText()
  })
  expect(template).toMatch(/乡|镇/)
  // Opening a template from the script, too.
  const fromMethod = await page.evaluate(async () => {
    const el = document.querySelector('zongjie-editor') as HTMLElement & { newFromTemplate(id: string): Promise<void>; summary: { meta?: { template?: string } } }
    await el.newFromTemplate('hospital')
    return el.summary.meta?.template
  })
  expect(fromMethod).toBe('hospital')
})

test('drafts whose module cannot be loaded are named in one line, and typing goes on', async ({ page }) => {
  await page.route('**/drafts/drafts.ts*', (route) => route.abort('internetdisconnected'))
  await page.goto('/form.html?draft=unreachable')
  await page.waitForSelector('html[data-ready="true"]')
  const errors = await errorsOf(page)
  await expect(hint(page)).toHaveText('无法加载「草稿保存」：网络连接失败，或编辑器已更新，请刷新页面后重试')
  await editor(page).locator('.ProseMirror p').first().click()
  await page.keyboard.type('照常输入')
  await expect(editor(page).locator('.ProseMirror')).toContainText('照常输入')
  // Told once, not at every pause in typing.
  await page.waitForTimeout(1500)
  expect((await errors()).filter((e) => e.path === 'drafts').length).toBeLessThanOrEqual(1)
})
