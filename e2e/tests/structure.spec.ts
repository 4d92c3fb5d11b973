/**
 * Numbers follow the structure: inserting sections from the toolbar (一、 （一） 1. （1）), demoting
 * and promoting them (Tab / Shift-Tab), moving them (Alt-↑ / Alt-↓), deleting them, and undo and
 * redo (Ctrl-Z, Ctrl-Y, Ctrl-Shift-Z). Each check reads the numbers three ways: `getText()`, the
 * `data-number` / `data-ordinal` attributes in the shadow DOM, and the generated content the
 * writer sees.
 */
import type { Page } from '@playwright/test'
import {
  compose,
  content,
  copy,
  editor,
  editorSelection,
  firstFocusPartsLoaded,
  editorTest as test,
  expect,
  generatedNumbers,
  getSummary,
  openWith,
  paste,
  placeCursor,
  positionOf,
  press,
  selectRange,
  shownNumbers,
  textLines,
  typeText,
} from './helpers.ts'

const text = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
（一）兜牢民生底线
发放低保金。
（二）提升养老服务
一是建设养老服务站。
二是实施适老化改造。
二、社会事务
办理婚姻登记。
三、基层治理
培训社区工作者。
四、存在的问题
基层力量不足。
五、下半年工作计划
持续做好社会救助。
`

const original = [
  '一、主要工作',
  '（一）兜牢民生底线',
  '（二）提升养老服务',
  '二、社会事务',
  '三、基层治理',
  '四、存在的问题',
  '五、下半年工作计划',
]

/** The toolbar button whose label is `label` (一、 （一） 1. （1） 降级 …). */
function toolbarButton(page: Page, label: string) {
  return page.locator('zongjie-editor .toolbar button').filter({ hasText: new RegExp(`^\\s*${label.replace(/[.()]/g, '\\$&')}\\s*$`) })
}

/**
 * The headings as numbered three ways, which must agree: the `data-number` attributes, the CSS
 * generated content, and the heading lines of `getText()`. Returns the attribute version.
 */
async function headings(page: Page): Promise<string[]> {
  const shown = (await shownNumbers(page)).headings
  const generated = await generatedNumbers(page)
  const titles = await page.evaluate(() =>
    [...document.querySelector('zongjie-editor')!.shadowRoot!.querySelectorAll('.ProseMirror .zj-heading')].map((h) => (h.textContent ?? '').replaceAll('\u2060', '')),
  )
  expect(generated.map((n, i) => n + titles[i])).toEqual(shown)
  const lines = await textLines(page)
  for (const h of shown) if (!h.endsWith('、') && !h.endsWith('）') && !h.endsWith('.')) expect(lines).toContain(h)
  return shown
}

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
})

test('the loaded summary is numbered in the shadow DOM, in getText() and on screen', async ({ page }) => {
  expect(await headings(page)).toEqual(original)
  expect((await shownNumbers(page)).items).toEqual(['一是建设养老服务站。', '二是实施适老化改造。'])
  expect(await generatedNumbers(page, '.zj-work-item')).toEqual(['一是', '二是'])
})

test('toolbar 一、 inserts a section after the current one and renumbers the rest', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await toolbarButton(page, '一、').click()
  await typeText(page, '民政服务')
  expect(await headings(page)).toEqual([
    '一、主要工作',
    '（一）兜牢民生底线',
    '（二）提升养老服务',
    '二、社会事务',
    '三、民政服务',
    '四、基层治理',
    '五、存在的问题',
    '六、下半年工作计划',
  ])
  const summary = await getSummary(page)
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、民政服务', '四、基层治理', '五、存在的问题', '六、下半年工作计划'])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
})

test('toolbar （一） in a （一） section inserts the next one and renumbers those after it', async ({ page }) => {
  await placeCursor(page, '发放低保金。', 'end')
  await toolbarButton(page, '（一）').click()
  await typeText(page, '健全救助体系')
  expect(await headings(page)).toEqual([
    '一、主要工作',
    '（一）兜牢民生底线',
    '（二）健全救助体系',
    '（三）提升养老服务',
    '二、社会事务',
    '三、基层治理',
    '四、存在的问题',
    '五、下半年工作计划',
  ])
  expect((await getSummary(page)).sections[0]!.sections.map((s) => s.number)).toEqual(['（一）', '（二）', '（三）'])
})

test('toolbar 1. and （1） insert lower levels under the section at the cursor', async ({ page }) => {
  await placeCursor(page, '培训社区工作者。', 'end')
  await toolbarButton(page, '1.').click()
  await typeText(page, '网格管理')
  await toolbarButton(page, '（1）').click()
  await typeText(page, '网格员培训')
  await toolbarButton(page, '（1）').click()
  await typeText(page, '网格员考核')
  await placeCursor(page, '网格管理', 'end')
  await toolbarButton(page, '1.').click()
  await typeText(page, '社区协商')
  expect(await headings(page)).toEqual([
    ...original.slice(0, 4),
    '三、基层治理',
    '1.网格管理',
    '（1）网格员培训',
    '（2）网格员考核',
    '2.社区协商',
    '四、存在的问题',
    '五、下半年工作计划',
  ])
  const s3 = (await getSummary(page)).sections[2]!
  expect(s3.body).toEqual([{ type: 'paragraph', text: '培训社区工作者。' }])
  expect(s3.sections.map((s) => [s.level, s.number, s.title, s.sections.map((c) => c.number + c.title)])).toEqual([
    [2, '1.', '网格管理', ['（1）网格员培训', '（2）网格员考核']],
    [2, '2.', '社区协商', []],
  ])
})

test('Tab demotes a section under the one before it; Shift-Tab promotes it back', async ({ page }) => {
  await placeCursor(page, '社会事务', 'end')
  await press(page, 'Tab')
  expect(await headings(page)).toEqual([
    '一、主要工作',
    '（一）兜牢民生底线',
    '（二）提升养老服务',
    '（三）社会事务',
    '二、基层治理',
    '三、存在的问题',
    '四、下半年工作计划',
  ])
  // The body went along, and the cursor stayed in the heading.
  expect((await getSummary(page)).sections[0]!.sections[2]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  await typeText(page, '服务')
  await press(page, 'Shift+Tab')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、社会事务服务', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
  expect((await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
})

test('Shift-Tab then Tab gives back what was there: the sections Shift-Tab made subsections are siblings again', async ({ page }) => {
  const at = await placeCursor(page, '兜牢民生底线', 'end')
  const before = await getSummary(page)
  await firstFocusPartsLoaded(page)
  await press(page, 'Shift+Tab')
  // （二） followed （一） at its level: promoted, （一） takes it in, in reading order.
  expect(await headings(page)).toEqual(['一、主要工作', '二、兜牢民生底线', '（一）提升养老服务', '三、社会事务', '四、基层治理', '五、存在的问题', '六、下半年工作计划'])
  await press(page, 'Tab')
  expect(await headings(page)).toEqual(original)
  expect(await getSummary(page)).toEqual(before)
  // The caret is where it was, at the end of the heading.
  expect(await editorSelection(page)).toMatchObject({ from: at, to: at })
  // And Tab then Shift-Tab, as before.
  await placeCursor(page, '提升养老服务', 'end')
  await press(page, 'Tab')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '1.提升养老服务', '二、社会事务', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
  await press(page, 'Shift+Tab')
  expect(await getSummary(page)).toEqual(before)
})

test('the toolbar’s 升级 then 降级 give back what was there, as Shift-Tab then Tab do', async ({ page }) => {
  const at = await placeCursor(page, '兜牢民生底线', 'end')
  const before = await getSummary(page)
  await firstFocusPartsLoaded(page)
  await toolbarButton(page, '升级').click()
  expect(await headings(page)).toEqual(['一、主要工作', '二、兜牢民生底线', '（一）提升养老服务', '三、社会事务', '四、基层治理', '五、存在的问题', '六、下半年工作计划'])
  await toolbarButton(page, '降级').click()
  expect(await headings(page)).toEqual(original)
  expect(await getSummary(page)).toEqual(before)
  expect(await editorSelection(page)).toMatchObject({ from: at, to: at })
  // The button and the key take each other back too.
  await toolbarButton(page, '升级').click()
  await press(page, 'Tab')
  expect(await getSummary(page)).toEqual(before)
  await press(page, 'Shift+Tab')
  await toolbarButton(page, '降级').click()
  expect(await getSummary(page)).toEqual(before)
})

test('Tab or Shift-Tab where no section can move keeps the text and the focus and says why; the same key again goes on out of the text', async ({ page }) => {
  await placeCursor(page, '现将上半年工作总结如下：', 'end')
  await typeText(page, '一')
  const before = await getSummary(page)
  const hint = editor(page).getByRole('status').filter({ hasText: '这里没有能降级的节；再按 Tab 离开正文' })
  await page.keyboard.press('Tab')
  await expect(hint).toHaveCount(1)
  await expect(content(page)).toBeFocused()
  expect(await getSummary(page)).toEqual(before)
  // Shift-Tab, on the first 一、, neither: said too.
  await placeCursor(page, '主要工作', 'end')
  await page.keyboard.press('Shift+Tab')
  await expect(editor(page).getByRole('status').filter({ hasText: '这里没有能升级的节' })).toHaveCount(1)
  await expect(content(page)).toBeFocused()
  expect(await getSummary(page)).toEqual(before)
  // The same key again at once leaves the text, as from any control: the keyboard is never held.
  await page.keyboard.press('Shift+Tab')
  await expect(content(page)).not.toBeFocused()
  expect(await getSummary(page)).toEqual(before)
  // Come back into the text by the keyboard, Tab goes on out at once, as through a form.
  await page.keyboard.press('Tab')
  await expect(content(page)).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(content(page)).not.toBeFocused()
  expect(await getSummary(page)).toEqual(before)
})

test('Tab on a （二） section makes it the 1. of the （一） before it, with its work items', async ({ page }) => {
  await placeCursor(page, '提升养老服务', 'start')
  await press(page, 'Tab')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '1.提升养老服务', '二、社会事务', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
  expect((await shownNumbers(page)).items).toEqual(['一是建设养老服务站。', '二是实施适老化改造。'])
  expect(await textLines(page)).toEqual(expect.arrayContaining(['1.提升养老服务', '一是建设养老服务站。']))
})

test('Tab on the first section of its level changes nothing', async ({ page }) => {
  await placeCursor(page, '主要工作', 'end')
  const before = await getSummary(page)
  await press(page, 'Tab')
  expect(await getSummary(page)).toEqual(before)
  expect(await headings(page)).toEqual(original)
})

test('Alt-ArrowUp and Alt-ArrowDown move a section with its body and renumber', async ({ page }) => {
  await placeCursor(page, '基层治理', 'end')
  await press(page, 'Alt+ArrowUp')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、基层治理', '三、社会事务', '四、存在的问题', '五、下半年工作计划'])
  let summary = await getSummary(page)
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '培训社区工作者。' }])
  // The cursor moved along: typing goes on in the moved heading.
  await typeText(page, '创新')
  await press(page, 'Alt+ArrowDown')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、社会事务', '三、基层治理创新', '四、存在的问题', '五、下半年工作计划'])
  summary = await getSummary(page)
  expect(summary.sections[2]!.body).toEqual([{ type: 'paragraph', text: '培训社区工作者。' }])
})

test('Alt-ArrowDown moves a （一） section with its work items past the next one', async ({ page }) => {
  await placeCursor(page, '发放低保金。', 'end')
  await press(page, 'Alt+ArrowDown')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）提升养老服务', '（二）兜牢民生底线', ...original.slice(3)])
  const sub = (await getSummary(page)).sections[0]!.sections
  expect(sub[0]!.body).toMatchObject([{ type: 'workItems', items: [{ text: '建设养老服务站。' }, { text: '实施适老化改造。' }] }])
  expect(sub[1]!.body).toEqual([{ type: 'paragraph', text: '发放低保金。' }])
  // A section of the main work does not move past the problems section.
  await placeCursor(page, '基层治理', 'end')
  await press(page, 'Alt+ArrowDown')
  expect((await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
})

test('selecting a whole section from its heading to the next heading and deleting it renumbers the rest', async ({ page }) => {
  const from = await positionOf(page, '社会事务', 'start')
  const to = await positionOf(page, '基层治理', 'start')
  await selectRange(page, from, to)
  await press(page, 'Delete')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、基层治理', '三、存在的问题', '四、下半年工作计划'])
  const summary = await getSummary(page)
  expect(summary.sections[1]).toMatchObject({ number: '二、', title: '基层治理', body: [{ type: 'paragraph', text: '培训社区工作者。' }] })
  expect(await textLines(page)).not.toContain('办理婚姻登记。')
})

test('selecting a （一） section with Shift-arrows and Backspace removes it and renumbers', async ({ page }) => {
  const from = await positionOf(page, '兜牢民生底线', 'start')
  const to = await positionOf(page, '提升养老服务', 'start')
  await selectRange(page, from, to)
  await press(page, 'Backspace')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）提升养老服务', ...original.slice(3)])
  expect((await getSummary(page)).sections[0]!.body).toEqual([{ type: 'paragraph', text: '全年发放救助资金。' }])
})

// Before, Backspace or a cut over a whole section (from its heading's start to the end of its last
// line) left its heading behind, empty (二、), or its last line's emptied paragraph under the section before.
for (const how of ['Backspace', 'cut'] as const) {
  test(`a whole section selected from its heading's start to the end of its last line, ${how === 'cut' ? 'cut' : 'with Backspace'}: it goes with its heading, no empty 二、 or line left, the rest renumbered, the caret at the end of the line before; one Ctrl-Z restores all`, async ({ page }) => {
    const start = await textLines(page)
    // What takes whole sections comes with the chunk the first focus loads, as a writer's first click does.
    await placeCursor(page, '社会事务')
    await page.waitForLoadState('networkidle')
    await selectRange(page, await positionOf(page, '社会事务', 'start'), await positionOf(page, '办理婚姻登记。', 'end'))
    if (how === 'cut') expect((await copy(page, 'cut')).text).toContain('办理婚姻登记。')
    else await press(page, 'Backspace')
    expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、基层治理', '三、存在的问题', '四、下半年工作计划'])
    expect(await textLines(page)).toEqual(start.filter((line) => line !== '二、社会事务' && line !== '办理婚姻登记。').map((line) => line.replace(/^[三四五](?=、)/, (n) => '二三四'['三四五'.indexOf(n)]!)))
    expect((await getSummary(page)).sections[0]!.sections[1]!.body.at(-1)).toMatchObject({ type: 'workItems' })
    expect((await editorSelection(page)).head).toBe(await positionOf(page, '实施适老化改造。', 'end'))
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  })
}

// Selected with the keyboard (Shift-↓ from the heading's start, Shift-← back to the end of the last
// line). Before, Delete left the first heading behind, empty (二、); typed over, that heading takes the text.
test('two whole sections selected with Shift-arrows: Delete takes them with their headings, no empty 二、 left; typed over, the first heading takes the text; one Ctrl-Z restores all', async ({ page }) => {
  const start = await textLines(page)
  await placeCursor(page, '社会事务', 'start')
  await page.waitForLoadState('networkidle')
  for (const how of ['Delete', 'typed'] as const) {
    await placeCursor(page, '社会事务', 'start')
    for (const key of ['Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowLeft']) await press(page, key)
    const selected = await editorSelection(page)
    expect([selected.anchor, selected.head]).toEqual([await positionOf(page, '社会事务', 'start'), await positionOf(page, '培训社区工作者。', 'end')])
    if (how === 'Delete') await press(page, 'Delete')
    else await typeText(page, 'x')
    const typed = how === 'typed' ? ['二、x'] : []
    expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', ...typed, `${typed.length ? '三' : '二'}、存在的问题`, `${typed.length ? '四' : '三'}、下半年工作计划`])
    const end = ['二是实施适老化改造。', ...typed, `${typed.length ? '三' : '二'}、存在的问题`, '基层力量不足。', `${typed.length ? '四' : '三'}、下半年工作计划`, '持续做好社会救助。']
    expect((await textLines(page)).slice(-end.length - 1)).toEqual(['一是建设养老服务站。', ...end])
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  }
})

// Before, Enter split the selection's first heading at its start: （一） stayed behind, an empty heading owning the rest.
test('Enter over a selection from a （一） heading to the next heading deletes that section, then opens an empty line above the heading, as at its start', async ({ page }) => {
  await selectRange(page, await positionOf(page, '兜牢民生底线', 'start'), await positionOf(page, '提升养老服务', 'start'))
  await press(page, 'Enter')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）提升养老服务', ...original.slice(3)])
  expect((await getSummary(page)).sections[0]!.body).toEqual([
    { type: 'paragraph', text: '全年发放救助资金。' },
    { type: 'paragraph', text: '' },
  ])
  await typeText(page, '新')
  expect((await getSummary(page)).sections[0]!.sections[0]!.title).toBe('新提升养老服务')
})

test('Backspace at the start of a section body joins it to the heading; in the heading text it deletes a character', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'start')
  await press(page, 'Backspace')
  let summary = await getSummary(page)
  expect(summary.sections[1]).toMatchObject({ number: '二、', title: '社会事务办理婚姻登记。', body: [] })
  await press(page, 'Backspace')
  summary = await getSummary(page)
  expect(summary.sections[1]).toMatchObject({ number: '二、', title: '社会事办理婚姻登记。' })
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、社会事办理婚姻登记。', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
})

test('Backspace at the start of a heading merges the section into the one before and renumbers', async ({ page }) => {
  await placeCursor(page, '基层治理', 'start')
  await page.keyboard.press('Backspace')
  // Nothing is selected for a second Backspace to delete: the merge happened, the cursor is in text.
  await expect.poll(async () => (await editorSelection(page)).kind).toBe('TextSelection')
  const summary = await getSummary(page)
  // The 三、 heading is gone; its words and its body stay in 二、, in reading order.
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、存在的问题', '四、下半年工作计划'])
  const words = JSON.stringify(summary.sections[1])
  expect(words).toContain('办理婚姻登记。')
  expect(words).toContain('基层治理')
  expect(words).toContain('培训社区工作者。')
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、社会事务', '三、存在的问题', '四、下半年工作计划'])
})

// Before, the first press selected the neighbouring part whole and the second deleted it with all
// it holds (ProseMirror's selectNodeBackward / selectNodeForward).
for (const [key, at, side] of [
  ['Backspace', '存在的问题', 'start'],
  ['Delete', '现将上半年工作总结如下：', 'end'],
  ['Delete', '培训社区工作者。', 'end'],
] as const) {
  test(`${key} held at the ${side} of 「${at}」 never takes a part whole: the sections stay, characters go one a key`, async ({ page }) => {
    await placeCursor(page, at, side)
    let length = (await textLines(page)).join('').length
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press(key)
      expect((await editorSelection(page)).kind).toBe('TextSelection')
      const now = (await textLines(page)).join('').length
      expect(length - now).toBeLessThanOrEqual(1)
      length = now
    }
    // Every section is still there, numbered as before (the keys went on into the next heading's text at most).
    expect((await headings(page)).map((h) => h.match(/^(?:[一二三四五]、|（[一二]）)/)![0])).toEqual(original.map((h) => h.match(/^(?:[一二三四五]、|（[一二]）)/)![0]))
  })
}

// Before, the later section stayed behind with an empty heading (二、 with no title) owning its body.
for (const how of ['Backspace', 'composed'] as const) {
  test(`a selection from a paragraph to the middle of a later heading, ${how === 'Backspace' ? 'deleted' : 'typed over through an input method'}, joins them; that section's body follows`, async ({ page }) => {
    await selectRange(page, await positionOf(page, '发放低保金。', 'start') + 2, await positionOf(page, '社会事务', 'start') + 2)
    if (how === 'Backspace') await press(page, 'Backspace')
    else await compose(page, ['z', 'zhong'], '中')
    const summary = await getSummary(page)
    expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、基层治理', '三、存在的问题', '四、下半年工作计划'])
    expect(summary.sections[0]!.sections.map((s) => s.number + s.title)).toEqual(['（一）兜牢民生底线'])
    expect(summary.sections[0]!.sections[0]!.body).toEqual([
      { type: 'paragraph', text: how === 'Backspace' ? '发放事务' : '发放中事务' },
      { type: 'paragraph', text: '办理婚姻登记。' },
    ])
  })
}

// Before, the （二） whose heading the selection took stayed behind with an empty heading, the
// rest of its item joined to 一、's heading (Enter: split from it as a paragraph).
for (const how of ['Backspace', 'composed', 'Enter'] as const) {
  test(`a selection from the middle of 一、 into a work item of its （二）, ${how === 'composed' ? 'typed over through an input method' : `with ${how}`}: the （二） goes with its heading, the rest of the item stays a work item, one Ctrl-Z restores all`, async ({ page }) => {
    const start = await textLines(page)
    // What takes a section apart with its heading comes with the chunk the first focus loads, as a writer's first click does.
    await placeCursor(page, '主要工作')
    await page.waitForLoadState('networkidle')
    await selectRange(page, (await positionOf(page, '主要工作', 'start')) + 2, (await positionOf(page, '建设养老服务站。', 'start')) + 2)
    if (how === 'composed') await compose(page, ['h', 'he'], '和')
    else await press(page, how)
    const heading = how === 'composed' ? '一、主要和' : '一、主要'
    expect((await textLines(page)).slice(2, 6)).toEqual([heading, '一是养老服务站。', '二是实施适老化改造。', '二、社会事务'])
    const summary = await getSummary(page)
    expect(summary.sections[0]!.sections).toEqual([])
    expect(summary.sections[0]!.body.map((block) => ('items' in block ? block.items.map((item) => item.text) : block.type))).toEqual([['养老服务站。', '实施适老化改造。']])
    // After Enter, the caret is at the start of the item's rest; else after what was kept (and typed) of the heading.
    expect((await editorSelection(page)).head).toBe(how === 'Enter' ? await positionOf(page, '养老服务站。', 'start') : (await positionOf(page, heading.slice(2), 'start')) + heading.length - 2)
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  })
}

// Before, ProseMirror's deletion merged the plans into the problems: their heading's rest joined the
// problems' last paragraph, their body followed it, and the summary had no plans section.
for (const how of ['Backspace', 'Delete', 'typed', 'composed', 'Enter'] as const) {
  test(`a selection from the problems' last paragraph to the middle of the plans heading, ${how === 'typed' || how === 'composed' ? `${how} over` : `with ${how}`}: the plans stay the plans, one Ctrl-Z restores all`, async ({ page }) => {
    const start = await textLines(page)
    const from = (await positionOf(page, '基层力量不足。', 'start')) + 2
    const to = (await positionOf(page, '下半年工作计划', 'start')) + 3
    // With Delete, selected the other way, from the plans heading up into the problems.
    if (how === 'Delete') await selectRange(page, to, from)
    else await selectRange(page, from, to)
    if (how === 'typed') await typeText(page, '新')
    else if (how === 'composed') await compose(page, ['x', 'xin'], '新')
    else await press(page, how)
    const kept = how === 'typed' || how === 'composed' ? '基层新' : '基层'
    expect((await textLines(page)).slice(-5)).toEqual(['培训社区工作者。', '四、存在的问题', kept, '五、工作计划', '持续做好社会救助。'])
    expect((await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理', '四、存在的问题', '五、工作计划'])
    // The caret is where the selection began, after what was typed; after Enter, at the start of the plans heading.
    const caret = how === 'Enter' ? await positionOf(page, '工作计划', 'start') : from + kept.length - 2
    expect((await editorSelection(page)).head).toBe(caret)
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  })
}

// Cut, pasted over and dragged away, the selection goes as Backspace deletes it: the plans stay the plans.
// Before, dragged away and dropped in the plans' body, it went as ProseMirror's deletion takes it: the
// plans heading's rest joined the problems, and the heading dragged made a plans section 下半年.
for (const how of ['cut', 'pasted text', 'pasted from the editor', 'dragged away'] as const) {
  test(`a selection from the problems' last paragraph to the middle of the plans heading, ${how}: the plans stay the plans, one Ctrl-Z restores all`, async ({ page }) => {
    const start = await textLines(page)
    let copied = { text: '新', html: '' }
    if (how === 'pasted from the editor') {
      const at = await positionOf(page, '持续做好社会救助。', 'start')
      await selectRange(page, at + 4, at + 5)
      copied = await copy(page)
    }
    const from = (await positionOf(page, '基层力量不足。', 'start')) + 2
    const to = (await positionOf(page, '下半年工作计划', 'start')) + 3
    await selectRange(page, from, to)
    if (how === 'cut') expect((await copy(page, 'cut')).text).toContain('力量不足。')
    else if (how === 'dragged away') await dragSelectionTo(page, '持续做好社会救助。')
    else await paste(page, how === 'pasted text' ? { text: '新' } : copied)
    const kept = how === 'pasted text' ? '基层新' : how === 'pasted from the editor' ? '基层社' : '基层'
    // Dragged away, it goes in after the plans' paragraph, where it was dropped, the heading dragged a （一） of the plans.
    const end = how === 'dragged away' ? ['持续做好社会救助。力量不足。', '（一）下半年'] : ['持续做好社会救助。']
    const expected = ['培训社区工作者。', '四、存在的问题', kept, '五、工作计划', ...end]
    expect((await textLines(page)).slice(-expected.length)).toEqual(expected)
    expect((await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、基层治理', '四、存在的问题', '五、工作计划'])
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  })
}

// A drop goes in as a paste of what was dragged would go there, before the selection as after it.
// Before, a drop at the start of the opening of a selection from the opening into a heading did
// nothing (ProseMirror's replace threw); a section selected from its heading's start and dropped in
// the plans' body had its title joined to their paragraph; dropped at the start of the plans heading,
// it took the plans' title, which became a line of its body; and either way it left its heading
// behind, empty (二、).
for (const [what, from, to, at, side, expected] of [
  [
    'a selection across sections dropped before where it starts (upward)',
    ['办理婚姻登记。', 2],
    ['培训社区工作者。', 2],
    '全年发放救助资金。',
    'end',
    ['一、主要工作', '全年发放救助资金。婚姻登记。', '二、基层治理', '培训', '（一）兜牢民生底线'],
  ],
  [
    'a selection from the opening into a heading dropped at the start of the opening',
    ['现将上半年工作总结如下：', 2],
    ['社会事务', 4],
    '现将上半年工作总结如下：',
    'start',
    ['上半年工作总结如下：', '主要工作', '全年发放救助资金。'],
  ],
  [
    "a section selected from its heading's start dropped in the plans' body, where it becomes a subsection of the plans",
    ['社会事务', 0],
    ['办理婚姻登记。', 7],
    '持续做好社会救助。',
    'end',
    ['四、下半年工作计划', '持续做好社会救助。', '（一）社会事务', '办理婚姻登记。'],
  ],
  [
    'a section dropped at the start of the plans heading, where it goes in before the plans, which keep their title',
    ['社会事务', 0],
    ['办理婚姻登记。', 7],
    '下半年工作计划',
    'start',
    ['基层力量不足。', '（一）社会事务', '办理婚姻登记。', '四、下半年工作计划', '持续做好社会救助。'],
  ],
] as const) {
  test(`${what}: it moves there as a paste of it would go, one Ctrl-Z restores all`, async ({ page }) => {
    const start = await textLines(page)
    await selectRange(page, (await positionOf(page, from[0], 'start')) + from[1], (await positionOf(page, to[0], 'start')) + to[1])
    await dragSelectionTo(page, at, side)
    const lines = await textLines(page)
    expect(lines.join('\n')).toContain(expected.join('\n'))
    expect(lines).not.toEqual(start)
    expect(lines).not.toContain('二、')
    await press(page, 'Control+z')
    expect(await textLines(page)).toEqual(start)
  })
}

test('a selection across sections dropped in the title, which holds one line: it stays where it was, and the writer is told why', async ({ page }) => {
  const start = await textLines(page)
  await selectRange(page, (await positionOf(page, '办理婚姻登记。', 'start')) + 2, (await positionOf(page, '培训社区工作者。', 'start')) + 2)
  await dragSelectionTo(page, '示范县民政局')
  await expect(page.locator('zongjie-editor [role="status"] > [part="hint"]')).toHaveText('拖动的内容放不进这里（如标题只能有一行），已留在原处')
  expect(await textLines(page)).toEqual(start)
})

// Before, ProseMirror could not delete it and the block-by-block deletion left each section between
// with an empty heading (二、 with no title and no body); from the title, ProseMirror's deletion made
// the heading's rest the title and its body the opening's.
for (const [what, start, offset, end, endOffset, sections] of [
  ['the opening to the middle of the problems heading', '现将上半年工作总结如下：', 2, '存在的问题', 2, ['一、的问题', '二、下半年工作计划']],
  ['the opening to the middle of a section\'s heading', '现将上半年工作总结如下：', 2, '社会事务', 2, ['一、事务', '二、基层治理', '三、存在的问题', '四、下半年工作计划']],
  ['the title to the middle of a section\'s heading', '示范县民政局2024年上半年工作总结', 6, '社会事务', 2, ['一、事务', '二、基层治理', '三、存在的问题', '四、下半年工作计划']],
] as const) {
  for (const how of ['Backspace', 'typed'] as const) {
    test(`a selection from ${what}, ${how === 'typed' ? 'typed over' : 'deleted'}: the sections between go, the last keeps its heading's rest, one Ctrl-Z restores all`, async ({ page }) => {
      const before = await textLines(page)
      const from = (await positionOf(page, start, 'start')) + offset
      await selectRange(page, from, (await positionOf(page, end, 'start')) + endOffset)
      if (how === 'typed') await typeText(page, '新')
      else await press(page, how)
      const typed = how === 'typed' ? '新' : ''
      const lines = await textLines(page)
      const kept = start.slice(0, offset) + typed
      const title = sections[0]!
      expect(lines.slice(0, lines.indexOf(title) + 1)).toEqual(start.startsWith('现将') ? [before[0], kept, title] : [kept, title])
      expect((await getSummary(page)).sections.map((s) => s.number + s.title)).toEqual(sections)
      // The caret is where the selection began, after what was typed.
      expect((await editorSelection(page)).head).toBe(from + typed.length)
      await press(page, 'Control+z')
      expect(await textLines(page)).toEqual(before)
    })
  }
}

test('Ctrl-Z undoes structure changes step by step; Ctrl-Y and Ctrl-Shift-Z redo them', async ({ page }) => {
  const start = await textLines(page)
  await placeCursor(page, '基层治理', 'end')
  await press(page, 'Alt+ArrowUp')
  const moved = await textLines(page)
  await press(page, 'Tab')
  const demoted = await textLines(page)
  expect(demoted).toContain('（三）基层治理')
  await toolbarButton(page, '1.').click()
  const inserted = await textLines(page)
  expect((await headings(page)).filter((h) => h.startsWith('1.'))).toEqual(['1.'])

  await press(page, 'Control+z')
  expect(await textLines(page)).toEqual(demoted)
  await press(page, 'Control+z')
  expect(await textLines(page)).toEqual(moved)
  await press(page, 'Control+z')
  expect(await textLines(page)).toEqual(start)
  expect(await headings(page)).toEqual(original)

  await press(page, 'Control+y')
  expect(await textLines(page)).toEqual(moved)
  expect(await headings(page)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）提升养老服务', '二、基层治理', '三、社会事务', '四、存在的问题', '五、下半年工作计划'])
  await press(page, 'Control+Shift+z')
  expect(await textLines(page)).toEqual(demoted)
  await press(page, 'Control+Shift+Z')
  expect(await textLines(page)).toEqual(inserted)
})

test('Ctrl-Z undoes typing and a section typed with 一、', async ({ page }) => {
  const start = await getSummary(page)
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await typeText(page, '二、')
  // A heading once a word follows its number.
  expect((await getSummary(page)).sections).toHaveLength(5)
  await typeText(page, '新')
  expect((await getSummary(page)).sections).toHaveLength(6)
  await typeText(page, '工作')
  expect(await headings(page)).toContain('三、新工作')
  for (let i = 0; i < 5 && JSON.stringify(await getSummary(page)) !== JSON.stringify(start); i++) await press(page, 'Control+z')
  expect(await getSummary(page)).toEqual(start)
  expect(await headings(page)).toEqual(original)
})

test('deleting a work item renumbers the items after it', async ({ page }) => {
  const from = await positionOf(page, '建设养老服务站。', 'start')
  const to = await positionOf(page, '实施适老化改造。', 'start')
  await selectRange(page, from, to)
  await press(page, 'Backspace')
  expect((await shownNumbers(page)).items).toEqual(['一是实施适老化改造。'])
  expect(await generatedNumbers(page, '.zj-work-item')).toEqual(['一是'])
  expect(await textLines(page)).toContain('一是实施适老化改造。')
  expect((await getSummary(page)).sections[0]!.sections[1]!.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '实施适老化改造。' }] }])
})

test('Shift-Tab on a （一） section makes it a 一、 section; the （二） after it becomes its （一）', async ({ page }) => {
  await placeCursor(page, '兜牢民生底线', 'end')
  await press(page, 'Shift+Tab')
  expect(await headings(page)).toEqual(['一、主要工作', '二、兜牢民生底线', '（一）提升养老服务', '三、社会事务', '四、基层治理', '五、存在的问题', '六、下半年工作计划'])
  const summary = await getSummary(page)
  expect(summary.sections[0]!.body).toEqual([{ type: 'paragraph', text: '全年发放救助资金。' }])
  expect(summary.sections[0]!.sections).toEqual([])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '发放低保金。' }])
  await press(page, 'Control+z')
  expect(await headings(page)).toEqual(original)
})

/**
 * Drags the selection away and drops it after the last character of the paragraph `text` (before
 * its first, with `side` `start`), as a writer moving text does: ProseMirror's own dragstart and
 * drop, with one DataTransfer.
 */
async function dragSelectionTo(page: Page, text: string, side: 'start' | 'end' = 'end'): Promise<void> {
  // What puts a drop in comes with the chunk the first focus loads (the selection made focused the
  // editor): loaded, the drop lands at once, as for a writer, who selects before dragging.
  await page.waitForLoadState('networkidle')
  await page.evaluate(
    ({ text, side }) => {
      const pm = document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror') as HTMLElement
      const walker = document.createTreeWalker(pm, NodeFilter.SHOW_TEXT)
      let node: Text | null = null
      while (walker.nextNode()) if ((walker.currentNode as Text).data.includes(text)) node = walker.currentNode as Text
      const range = document.createRange()
      const at = side === 'end' ? node!.data.length - 1 : node!.data.indexOf(text)
      range.setStart(node!, at)
      range.setEnd(node!, at + 1)
      const box = range.getBoundingClientRect()
      const dataTransfer = new DataTransfer()
      pm.dispatchEvent(new DragEvent('dragstart', { dataTransfer, bubbles: true, cancelable: true, composed: true }))
      const clientX = side === 'end' ? box.right - 1 : box.left + 1
      pm.dispatchEvent(new DragEvent('drop', { dataTransfer, clientX, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, composed: true }))
    },
    { text, side },
  )
}
