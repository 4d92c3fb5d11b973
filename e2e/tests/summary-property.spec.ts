/**
 * The `summary` property refuses a value that is not valid Summary JSON: an `error` event with a
 * message and the JSON path of the offending field, no `input` event, and the content (and its
 * undo history) kept as it was. A valid value still loads afterwards.
 */
import type { Page } from '@playwright/test'
import {
  content,
  editorTest as test,
  expect,
  focusEditor,
  getHTML,
  getSummary,
  getText,
  openWith,
  press,
  recordEvents,
  recordedEvents,
  setSummary,
  summaryOf,
  type RecordedEvent,
} from './helpers.ts'
import type { Summary } from '@zongjie/model'

const text = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年培训干部X名。
（一）兜牢民生底线
发放低保金。
二、社会事务
办理婚姻登记。
`

const other = summaryOf(`青山区卫生健康局2024年工作总结

现将全年工作总结如下：

一、基层医疗
新建村卫生室X个。
`)

/** A deep copy of `s` changed by `change`. */
function altered(s: Summary, change: (s: any) => void): unknown {
  const copy = structuredClone(s)
  change(copy)
  return copy
}

/** Sets `value` on `summary` and returns the events it fired; checks that the content is as it was. */
async function refused(page: Page, value: unknown): Promise<RecordedEvent> {
  const before = { summary: await getSummary(page), text: await getText(page), html: await getHTML(page) }
  await recordEvents(page)
  await setSummary(page, value)
  const events = await recordedEvents(page)
  expect(events.map((e) => e.type)).toEqual(['error'])
  expect(await getSummary(page)).toEqual(before.summary)
  expect(await getText(page)).toBe(before.text)
  expect(await getHTML(page)).toBe(before.html)
  await expect(content(page).locator('.zj-heading').first()).toHaveText('主要工作')
  const error = events[0]!
  expect(error.message).toBeTruthy()
  expect(error.bubbles).toBe(true)
  expect(error.composed).toBe(true)
  return error
}

let valid: Summary

test.beforeEach(async ({ page }) => {
  valid = summaryOf(text)
  await openWith(page, valid)
})

test('a wrong section number is refused, naming its path', async ({ page }) => {
  const error = await refused(page, altered(valid, (s) => (s.sections[1].number = '五、')))
  expect(error.path).toBe('$.sections[1].number')
  expect(error.message).toContain('$.sections[1].number')
  expect(error.message).toContain('五、')
})

test('a sub-section number of the wrong format is refused', async ({ page }) => {
  const error = await refused(page, altered(valid, (s) => (s.sections[0].sections[0].number = '一、')))
  expect(error.path).toBe('$.sections[0].sections[0].number')
})

test('a field Summary JSON does not have is refused', async ({ page }) => {
  const error = await refused(page, altered(valid, (s) => (s.author = '张三')))
  expect(error.path).toBe('$.author')
  expect(error.message).toContain('author')
})

test('an extra field inside a section is refused', async ({ page }) => {
  const error = await refused(page, altered(valid, (s) => (s.sections[1].color = 'red')))
  expect(error.path).toBe('$.sections[1].color')
})

test('a metrics index that does not match the text is refused', async ({ page }) => {
  const error = await refused(page, altered(valid, (s) => (s.metrics = [])))
  expect(error.path).toMatch(/^\$\.metrics/)
})

test('a wrong version and a wrong type are refused', async ({ page }) => {
  expect((await refused(page, altered(valid, (s) => (s.version = 3)))).path).toBe('$.version')
  // Version 2 is a summary with comments: one without them is refused where they should be.
  expect((await refused(page, altered(valid, (s) => (s.version = 2)))).path).toBe('$.comments')
  expect((await refused(page, altered(valid, (s) => (s.title = 42)))).path).toBe('$.title')
  expect((await refused(page, altered(valid, (s) => (s.sections[0].runIn = 'yes')))).path).toBe('$.sections[0].runIn')
})

for (const [what, value] of [
  ['a string', '示范县民政局2024年上半年工作总结'],
  ['null', null],
  ['a number', 42],
  ['an array', []],
  ['undefined', undefined],
] as const) {
  test(`${what} instead of an object is refused`, async ({ page }) => {
    const error = await refused(page, value)
    expect(error.path).toBe('$')
  })
}

test('after a refused value, a valid one loads, and undo does not bring back the old content', async ({ page }) => {
  await refused(page, altered(valid, (s) => (s.sections[0].number = '二、')))
  await recordEvents(page)
  await setSummary(page, other)
  expect(await getSummary(page)).toEqual(other)
  // Loading is not an edit: no input event.
  expect((await recordedEvents(page)).map((e) => e.type)).toEqual([])
  await expect(content(page).locator('.zj-heading')).toHaveText(['基层医疗'])
  await focusEditor(page)
  await press(page, 'Control+z')
  expect(await getSummary(page)).toEqual(other)
})

test('a refused value keeps the undo history of the content', async ({ page }) => {
  await focusEditor(page)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('补充')
  const edited = await getSummary(page)
  expect(edited.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。补充' }])
  await refused(page, { ...edited, sections: 'none' })
  await focusEditor(page)
  await press(page, 'Control+z')
  expect(await getSummary(page)).toEqual(valid)
})
