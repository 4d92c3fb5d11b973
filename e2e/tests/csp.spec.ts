/**
 * The editor on a page with a strict Content-Security-Policy and Trusted Types (demo/csp.html, as
 * a government site might serve it): it mounts, typing, pasting from Word, pasting back what it
 * copied, the panels, a field's input and hint, `getHTML()`, 导出 Word (which loads the Word
 * support script through the editor's policy) and 打开 (a Word file, Word's HTML) all work, and the
 * page reports no violation at all. Each step checks the violations recorded so far, so that a
 * failure names the step that caused one.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import {
  content,
  copy,
  editor,
  editorSelection,
  expect,
  focusEditor,
  getHTML,
  getSummary,
  paste,
  placeCursor,
  selectRange,
  positionOf,
  test,
  textLines,
  typeText,
} from './helpers.ts'

/** The header the demo server sends with /csp.html (demo/vite.config.ts). */
const policy = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types zongjie lit-html ProseMirrorClipboard"

/**
 * Word's clipboard HTML: a `<style>` element, `style` attributes everywhere, text Word hides
 * (`mso-hide:all`), handler attributes and a script. Parsed as it is, each of these is a violation.
 */
const wordHTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document>
<style><!-- p.MsoNormal {margin:0cm; font-size:16.0pt; font-family:仿宋_GB2312;} @list l0:level1 {mso-level-text:"%1、";} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>青山区文化旅游局2024年上半年工作总结<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>上半年，我局扎实推进各项工作。现将有关情况总结如下：<span style='mso-hide:all'>隐藏的批注</span><o:p></o:p></span></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>一、</span><![endif]><span style='font-family:黑体'>主要工作<o:p></o:p></span></p>
<p class=MsoNormal onclick="window.__zjPwned='onclick'" style='text-indent:32.0pt'><span onmouseover="window.__zjPwned='mouseover'">全年举办文化惠民演出X场。</span><script>window.__zjPwned='script'</script></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>二、</span><span style='font-family:黑体'>存在的问题</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>文旅产品同质化问题较突出。</span></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>三、</span><span style='font-family:黑体'>下半年工作打算</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>继续办好文化惠民活动。</span></p>
<!--EndFragment-->
</body></html>`

/** What the page's first script recorded of `securitypolicyviolation` events. */
function violations(page: Page): Promise<{ directive: string; blocked: string; sample: string; source: string }[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: never[] }).cspViolations)
}

/** Asserts that the page reported no violation and logged no error about its policy so far. */
async function expectNothingReported(page: Page, consoleErrors: string[], when: string) {
  expect(await violations(page), `CSP violations ${when}`).toEqual([])
  expect(consoleErrors, `console errors about Trusted Types or CSP ${when}`).toEqual([])
}

test('under a strict CSP with Trusted Types the editor mounts, types, pastes, fills, exports, opens, and nothing is reported', async ({ page }) => {
  test.setTimeout(120_000)
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /trusted|content.security|CSP|policy/i.test(m.text())) consoleErrors.push(m.text())
  })
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname)
  })

  // The page, with the header; the first request may build the script.
  const response = await page.goto('csp.html', { timeout: 80_000 })
  expect(response!.headers()['content-security-policy']).toBe(policy)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  await expect(content(page)).toBeVisible()
  await expect(editor(page).locator('.toolbar')).toBeVisible()
  expect(await page.evaluate(() => typeof (window as unknown as { trustedTypes?: unknown }).trustedTypes)).toBe('object')
  await expectNothingReported(page, consoleErrors, 'when the editor mounts')

  // Word's HTML, pasted into the empty editor, becomes the summary; what Word hides stays out.
  await focusEditor(page)
  const handled = await paste(page, { html: wordHTML, text: '青山区文化旅游局2024年上半年工作总结' })
  await expectNothingReported(page, consoleErrors, "on pasting Word's HTML")
  expect(handled).toBe(true)
  const pasted = await getSummary(page)
  expect(pasted.title).toBe('青山区文化旅游局2024年上半年工作总结')
  expect(pasted.sections.map((s) => [s.number, s.title])).toEqual([
    ['一、', '主要工作'],
    ['二、', '存在的问题'],
    ['三、', '下半年工作打算'],
  ])
  expect(pasted.metrics.map((m) => m.text)).toEqual(['X场'])
  expect(JSON.stringify(pasted)).not.toContain('隐藏的批注')
  expect(await page.evaluate(() => (window as unknown as { __zjPwned?: string }).__zjPwned)).toBeUndefined()

  // Typing, key by key.
  await placeCursor(page, '继续办好文化惠民活动。')
  await typeText(page, '加强宣传。')
  expect(await textLines(page)).toContain('继续办好文化惠民活动。加强宣传。')
  await expectNothingReported(page, consoleErrors, 'on typing')

  // A copy carries the numbers; what the editor cuts pastes back as it was, read by ProseMirror.
  await selectRange(page, await positionOf(page, '存在的问题'), await positionOf(page, '文旅产品同质化问题较突出。', 'end'))
  expect((await copy(page)).html).toContain('<span class="zj-number">二、</span>')
  const before = await getSummary(page)
  await selectRange(page, await positionOf(page, '同质化'), await positionOf(page, '继续办好', 'end'))
  const cut = await copy(page, 'cut')
  expect(cut.html).toContain('data-pm-slice')
  expect(await textLines(page)).toContain('文旅产品文化惠民活动。加强宣传。')
  const pastedBack = await paste(page, { html: cut.html, text: cut.text })
  await expectNothingReported(page, consoleErrors, 'on copying, cutting and pasting back')
  expect(pastedBack).toBe(true)
  expect(await getSummary(page)).toEqual(before)

  // The outline: an entry puts the cursor in its heading.
  await editor(page).locator('.outline li').filter({ hasText: '三、下半年工作打算' }).getByRole('button').click()
  const { from: at } = await editorSelection(page)
  expect(await page.evaluate((pos) => (document.querySelector('zongjie-editor') as any).view.state.doc.resolve(pos).parent.textContent, at)).toBe('下半年工作打算')

  // The findings: an entry selects the unfilled metric; its input opens, refuses a letter with a
  // hint, and fills it.
  await editor(page).locator('.findings li').filter({ hasText: 'X场' }).getByRole('button').click()
  // (The script build is minified: the selection is told by what is shown, not by its class name.)
  await expect(content(page).locator('.zj-metric.ProseMirror-selectednode')).toHaveCount(1)
  await page.keyboard.press('F2')
  const input = content(page).locator('.zj-field-input')
  await expect(input).toBeFocused()
  await page.keyboard.type('a')
  await expect(content(page).locator('.zj-field-hint')).toBeVisible()
  await page.keyboard.type('12')
  await page.keyboard.press('Enter')
  await expect(input).toHaveCount(0)
  expect((await getSummary(page)).metrics.map((m) => m.text)).toEqual(['12场'])
  await expectNothingReported(page, consoleErrors, 'in the panels and the field input')

  // Export: HTML, and 导出 Word, which loads the Word support script through the editor's policy.
  const html = await getHTML(page)
  expect(html).toContain('青山区文化旅游局2024年上半年工作总结')
  expect(html).not.toMatch(/mso-|MsoNormal|onclick|<script/)
  expect(scripts).toEqual(['/csp-page.js', '/zongjie-editor.iife.js'])
  const download = page.waitForEvent('download', { timeout: 60_000 })
  const refused = page.waitForFunction(() => (window as unknown as { cspViolations: unknown[] }).cspViolations.length > 0, undefined, { timeout: 60_000 })
  refused.catch(() => {})
  await editor(page).getByRole('button', { name: '导出 Word' }).click()
  // A refused script is reported at once; otherwise the file comes.
  await Promise.race([download, refused])
  await expectNothingReported(page, consoleErrors, 'on exporting to Word')
  const file = await download
  expect(file.suggestedFilename()).toBe('青山区文化旅游局2024年上半年工作总结.docx')
  const stream = await file.createReadStream()
  const head: Buffer = await new Promise((resolve, reject) => stream.once('data', (b) => resolve(b as Buffer)).once('error', reject))
  expect(head.subarray(0, 2).toString()).toBe('PK')
  expect(scripts).toEqual(['/csp-page.js', '/zongjie-editor.iife.js', '/zongjie-docx.iife.js'])
  await expect(editor(page).locator('[part="hint"]')).toHaveCount(0)
  await expectNothingReported(page, consoleErrors, 'after exporting to Word')

  // 打开 (the file input): the Word file just exported reads back (its XML parsed through the
  // policy), and so does Word's HTML saved as a file.
  const exported = await getSummary(page)
  const open = async (name: string, buffer: Buffer) => {
    const chooser = page.waitForEvent('filechooser')
    await editor(page).getByRole('button', { name: '打开', exact: true }).click()
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer })
    await expect(editor(page).locator('[part="hint"]')).toContainText(`已打开“${name}”`)
  }
  await open('导出的总结.docx', readFileSync(await file.path()))
  expect(await getSummary(page)).toEqual(exported)
  await open('另存为网页.htm', Buffer.from(wordHTML))
  expect((await getSummary(page)).sections.map((s) => s.title)).toEqual(['主要工作', '存在的问题', '下半年工作打算'])
  expect(JSON.stringify(await getSummary(page))).not.toContain('隐藏的批注')

  // Nothing was refused, nothing reported, and the page says so.
  await expectNothingReported(page, consoleErrors, 'at the end')
  await expect(page.locator('#violations')).toHaveText('0')
})
