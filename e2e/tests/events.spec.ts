/**
 * The element's events: `input` after every change of the document, with `detail.summary` as it
 * is after that change; `change` when the editor loses focus after a change, and only then. Both
 * are the element's own CustomEvents (bubbling, composed); the native events of the editable area
 * and the field inputs stay inside the shadow root.
 */
import type { Page } from '@playwright/test'
import {
  content,
  editorTest as test,
  expect,
  focusEditor,
  openWith,
  paste,
  placeCursor,
  press,
  recordEvents,
  recordedEvents,
  typeText,
  shortDraft,
} from './helpers.ts'

const text = shortDraft

/** Moves the focus out of the editor, to the demo form's 联系人 field. */
async function blur(page: Page) {
  await page.getByLabel('联系人').focus()
  await expect(page.getByLabel('联系人')).toBeFocused()
}

async function events(page: Page, type?: string) {
  const all = await recordedEvents(page)
  return type ? all.filter((e) => e.type === type) : all
}

/** The text of section 二's first paragraph in a recorded summary. */
const s2 = (e: { summary?: { sections: { body: unknown[] }[] } }) => (e.summary!.sections[1]!.body[0] as { text: string }).text

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
  await recordEvents(page)
})

test('input fires once for each typed character, with the summary after it', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await typeText(page, 'ABC')
  const inputs = await events(page, 'input')
  expect(inputs.map(s2)).toEqual(['办理婚姻登记。A', '办理婚姻登记。AB', '办理婚姻登记。ABC'])
  for (const e of inputs) expect(e).toMatchObject({ isCustom: true, bubbles: true, composed: true })
  // No change while the editor keeps the focus.
  expect(await events(page, 'change')).toEqual([])
})

test('input fires for structure changes, fills, paste and undo, once each', async ({ page }) => {
  await placeCursor(page, '社会事务', 'end')
  await press(page, 'Tab')
  let inputs = await events(page, 'input')
  expect(inputs).toHaveLength(1)
  expect(inputs[0]!.summary!.sections[0]!.sections.map((s) => s.number + s.title)).toEqual(['（一）社会事务'])

  await press(page, 'Control+z')
  inputs = await events(page, 'input')
  expect(inputs).toHaveLength(2)
  expect(inputs[1]!.summary!.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务'])

  await content(page).locator('.zj-metric').click()
  await page.keyboard.type('25')
  await page.keyboard.press('Enter')
  await expect(content(page).locator('.zj-field-input')).toHaveCount(0)
  inputs = await events(page, 'input')
  expect(inputs).toHaveLength(3)
  expect(inputs[2]!.summary!.metrics[0]).toMatchObject({ text: '25名', filled: true })

  await placeCursor(page, '办理婚姻登记。', 'end')
  await paste(page, { text: '三、基层治理\n培训社区工作者。' })
  inputs = await events(page, 'input')
  expect(inputs).toHaveLength(4)
  expect(inputs[3]!.summary!.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理'])
})

test('moving the cursor, selecting and copying fire no input', async ({ page }) => {
  await focusEditor(page)
  await placeCursor(page, '婚姻', 'start')
  for (const key of ['ArrowRight', 'ArrowLeft', 'Shift+ArrowRight', 'End', 'Home', 'ArrowUp', 'ArrowDown']) await press(page, key)
  await page.keyboard.press('Control+c')
  await content(page).locator('.zj-heading').first().click()
  // Typing nothing and pressing Tab where it does not apply changes nothing either.
  await placeCursor(page, '主要工作', 'end')
  await press(page, 'Tab')
  await blur(page)
  expect(await events(page)).toEqual([])
})

test('change fires on blur after a change, once, with the summary', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await typeText(page, '补充')
  expect(await events(page, 'change')).toEqual([])
  await blur(page)
  const changes = await events(page, 'change')
  expect(changes).toHaveLength(1)
  expect(s2(changes[0]!)).toBe('办理婚姻登记。补充')
  expect(changes[0]).toMatchObject({ isCustom: true, bubbles: true, composed: true })

  // Focus and blur again without a change: no second change.
  await focusEditor(page)
  await press(page, 'ArrowLeft')
  await blur(page)
  expect(await events(page, 'change')).toHaveLength(1)

  // Another change, another blur: another change event.
  await placeCursor(page, '补充', 'end')
  await typeText(page, '说明')
  await blur(page)
  const after = await events(page, 'change')
  expect(after).toHaveLength(2)
  expect(s2(after[1]!)).toBe('办理婚姻登记。补充说明')
})

test('focus and blur without a change fire no change', async ({ page }) => {
  await focusEditor(page)
  await placeCursor(page, '社会事务', 'end')
  await blur(page)
  await focusEditor(page)
  await blur(page)
  expect(await events(page)).toEqual([])
})

test('focus moving into a field input or the toolbar is not a blur', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await typeText(page, '补充')
  // Into the metric's input and back: still inside the editor.
  await content(page).locator('.zj-metric').click()
  await expect(content(page).locator('.zj-field-input')).toBeFocused()
  await page.keyboard.type('8')
  await page.keyboard.press('Enter')
  await expect(content(page)).toBeFocused()
  // The toolbar's unit picker.
  await page.locator('zongjie-editor .toolbar select').focus()
  await page.locator('zongjie-editor .toolbar select').selectOption('人次')
  expect(await events(page, 'change')).toEqual([])
  await blur(page)
  const changes = await events(page, 'change')
  expect(changes).toHaveLength(1)
  expect(changes[0]!.summary!.metrics[0]).toMatchObject({ text: '8名' })
  expect(s2(changes[0]!)).toBe('办理婚姻登记。补充')
})

test('a field input left by moving the focus out of the editor fills the field and fires change', async ({ page }) => {
  await content(page).locator('.zj-metric').click()
  await page.keyboard.type('12')
  await blur(page)
  await expect(content(page).locator('.zj-field-input')).toHaveCount(0)
  const inputs = await events(page, 'input')
  expect(inputs.at(-1)!.summary!.metrics[0]).toMatchObject({ text: '12名', filled: true })
  const changes = await events(page, 'change')
  expect(changes).toHaveLength(1)
  expect(changes[0]!.summary!.metrics[0]).toMatchObject({ text: '12名', filled: true })
})

test("the editable area's own input and change events do not leave the element", async ({ page }) => {
  await page.evaluate(() => {
    const w = window as unknown as { __native: string[] }
    w.__native = []
    for (const type of ['input', 'change']) {
      document.addEventListener(type, (e) => {
        if (!(e instanceof CustomEvent)) w.__native.push(`${type} from ${(e.target as Element).localName}`)
      })
    }
  })
  await placeCursor(page, '办理婚姻登记。', 'end')
  await typeText(page, '补充')
  await content(page).locator('.zj-metric').click()
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await blur(page)
  const native = await page.evaluate(() => (window as unknown as { __native: string[] }).__native)
  expect(native).toEqual([])
  expect((await events(page)).every((e) => e.isCustom)).toBe(true)
})
