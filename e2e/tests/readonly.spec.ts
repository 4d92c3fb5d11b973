/**
 * The `readonly` attribute: the summary can be read, selected and copied, but typing, pasting,
 * keys and toolbar change nothing and fields do not open; removing the attribute makes the editor
 * editable again.
 */
import type { Page } from '@playwright/test'
import {
  content,
  copy,
  editor,
  editorTest as test,
  expect,
  getSummary,
  openWith,
  paste,
  positionOf,
  recordEvents,
  recordedEvents,
  selectRange,
  typeText,
  shortDraft,
} from './helpers.ts'

const text = shortDraft

const toolbarButtons = (page: Page) => page.locator('zongjie-editor .toolbar button')

async function setReadonly(page: Page, on: boolean) {
  await editor(page).evaluate((el, on) => (on ? el.setAttribute('readonly', '') : el.removeAttribute('readonly')), on)
  await expect(content(page)).toHaveAttribute('contenteditable', on ? 'false' : 'true')
}

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
})

test('readonly: typing, keys and paste change nothing, fields do not open, the toolbar is disabled', async ({ page }) => {
  // The cursor is in the text when the editor turns read-only.
  await selectRange(page, await positionOf(page, '婚姻登记', 'start'))
  await setReadonly(page, true)
  expect(await editor(page).evaluate((el) => (el as unknown as { readonly: boolean }).readonly)).toBe(true)
  const before = await getSummary(page)
  await recordEvents(page)

  // Every toolbar button that changes the document is disabled (打开 too), and so is the unit
  // picker; exporting a Word file stays possible: it reads the summary.
  const buttons = toolbarButtons(page)
  expect(await buttons.count()).toBeGreaterThan(10)
  for (const button of await buttons.all()) {
    if ((await button.getAttribute('title'))?.startsWith('导出为 Word')) await expect(button).toBeEnabled()
    else await expect(button).toBeDisabled()
  }
  await expect(page.locator('zongjie-editor .toolbar select')).toBeDisabled()

  // Typing, Enter, Backspace, Tab, Alt-↑, Ctrl-Z, then again after clicking into the text.
  await page.keyboard.type('一、新增')
  await content(page).locator('.zj-paragraph', { hasText: '婚姻' }).click()
  await page.keyboard.type('一、新增')
  await page.keyboard.insertText('插入')
  for (const key of ['Enter', 'Backspace', 'Delete', 'Tab', 'Shift+Tab', 'Alt+ArrowUp', 'Control+z', 'Control+b']) await page.keyboard.press(key)
  expect(await paste(page, { text: '三、基层治理\n培训社区工作者。' })).toBe(false)

  // Fields: a click (which selects the field) or a key does not open them.
  await content(page).locator('.zj-metric').click()
  await page.keyboard.press('F2')
  await page.keyboard.press('Enter')
  await page.keyboard.press('5')
  await expect(content(page).locator('.zj-field-input')).toHaveCount(0)

  expect(await getSummary(page)).toEqual(before)
  await expect(content(page).locator('.zj-paragraph', { hasText: '婚姻' })).toHaveText('办理婚姻登记。')
  expect((await recordedEvents(page)).filter((e) => e.type === 'input')).toEqual([])
})

test('readonly: the summary can still be selected and copied', async ({ page }) => {
  const from = await positionOf(page, '社会事务', 'start')
  const to = await positionOf(page, '办理婚姻登记。', 'end')
  await selectRange(page, from, to)
  await setReadonly(page, true)
  const copied = await copy(page)
  expect(copied.text).toBe('二、社会事务\n办理婚姻登记。')
  expect(copied.html).toContain('二、')
})

test('readonly: cut copies but takes nothing out', async ({ page }) => {
  const from = await positionOf(page, '社会事务', 'start')
  const to = await positionOf(page, '办理婚姻登记。', 'end')
  await selectRange(page, from, to)
  await setReadonly(page, true)
  const before = await getSummary(page)
  await recordEvents(page)
  const cut = await copy(page, 'cut')
  expect(cut.text).toBe('二、社会事务\n办理婚姻登记。')
  expect(await getSummary(page)).toEqual(before)
  expect(await recordedEvents(page)).toEqual([])
})

test('removing readonly makes typing, fields and the toolbar work again', async ({ page }) => {
  await setReadonly(page, true)
  await setReadonly(page, false)
  expect(await editor(page).evaluate((el) => (el as unknown as { readonly: boolean }).readonly)).toBe(false)
  await expect(page.locator('zongjie-editor .toolbar button').filter({ hasText: /^\s*一、\s*$/ })).toBeEnabled()
  await expect(page.locator('zongjie-editor .toolbar select')).toBeEnabled()

  const at = await positionOf(page, '办理婚姻登记。', 'end')
  await selectRange(page, at)
  await typeText(page, '新增')
  expect((await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。新增' }])

  await content(page).locator('.zj-metric').click()
  await expect(content(page).locator('.zj-field-input')).toBeFocused()
  await page.keyboard.type('30')
  await page.keyboard.press('Enter')
  expect((await getSummary(page)).metrics[0]).toMatchObject({ text: '30名', filled: true })

  await selectRange(page, await positionOf(page, '办理婚姻登记。', 'end'))
  await page.locator('zongjie-editor .toolbar button').filter({ hasText: /^\s*一、\s*$/ }).click()
  await typeText(page, '基层治理')
  expect((await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理'])
})

test('the readonly property reflects to the attribute', async ({ page }) => {
  await editor(page).evaluate((el) => {
    ;(el as unknown as { readonly: boolean }).readonly = true
  })
  await expect(editor(page)).toHaveAttribute('readonly', '')
  await expect(content(page)).toHaveAttribute('contenteditable', 'false')
  await editor(page).evaluate((el) => {
    ;(el as unknown as { readonly: boolean }).readonly = false
  })
  await expect(editor(page)).not.toHaveAttribute('readonly')
  await expect(content(page)).toHaveAttribute('contenteditable', 'true')
})
