/**
 * Typing and editing in `<zongjie-editor>`'s shadow root, with the keyboard: text, Backspace and
 * Delete, typing over a selection, Enter in headings and work items, and the input rules that turn
 * `一、` `（一）` `(一)` `1.` `（1）` `一是` typed at the start of a paragraph into structure (and
 * Backspace right after, which takes the conversion back).
 */
import {
  content,
  editor,
  editorTest as test,
  expect,
  focusEditor,
  getSummary,
  openDemo,
  openWith,
  placeCursor,
  positionOf,
  press,
  selectRange,
  shownNumbers,
  textLines,
  typeText,
  compose,
  validate,
  waitForEditorSelection,
} from './helpers.ts'
import type { Page } from '@playwright/test'

const structured = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
（一）兜牢民生底线
一是完善低保动态管理。
二是用好临时救助。
二、社会事务
办理婚姻登记。
`

/** Types each of `lines` with the keyboard, each followed by Enter. */
async function typeLines(page: Page, lines: string[]) {
  for (const line of lines) {
    await typeText(page, line)
    await press(page, 'Enter')
  }
}

test.describe('typing in an empty summary', () => {
  test.beforeEach(async ({ page }) => {
    await openDemo(page)
    await focusEditor(page)
  })

  test('typing the title and the opening, Enter between them, Backspace deletes one character', async ({ page }) => {
    await typeText(page, '示范县民政局2024年工作总结')
    await press(page, 'Enter')
    await typeText(page, '现将全年工作总结如下：：')
    await press(page, 'Backspace')
    const summary = await getSummary(page)
    expect(summary.title).toBe('示范县民政局2024年工作总结')
    expect(summary.preamble).toEqual([{ type: 'paragraph', text: '现将全年工作总结如下：' }])
    // What the writer sees in the shadow root.
    await expect(content(page).locator('.zj-title')).toHaveText('示范县民政局2024年工作总结')
    await expect(content(page).locator('.zj-preamble .zj-paragraph')).toHaveText('现将全年工作总结如下：')
  })

  test('存在的问题 and 下半年工作计划 typed as 一、 sections become the problems and plans sections, through the input method too', async ({ page }) => {
    await typeLines(page, ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '全年发放救助资金。'])
    await typeText(page, '二、')
    await compose(page, ['cunzai', '存在的问题'], '存在的问题')
    await press(page, 'Enter')
    await typeText(page, '基层力量不足。')
    await press(page, 'Enter')
    await typeText(page, '三、下半年工作计划')
    await press(page, 'Enter')
    await typeText(page, '继续做好救助。')
    const summary = await getSummary(page)
    expect(summary.sections.map((s) => [s.number, s.title, s.role])).toEqual([
      ['一、', '主要工作', 'work'],
      ['二、', '存在的问题', 'problems'],
      ['三、', '下半年工作计划', 'plans'],
    ])
    expect(summary.sections[2]!.body).toEqual([{ type: 'paragraph', text: '继续做好救助。' }])
    const codes = await page.locator('zongjie-editor').evaluate((el) => (el as unknown as { validate(): { code: string }[] }).validate().map((f) => f.code))
    expect(codes).not.toContain('problems-missing')
    expect(codes).not.toContain('plans-missing')
  })

  test('a closing (总之，…) typed at the end of the plans and a sign-off (organisation, date) typed last become the closing and the sign-off', async ({ page }) => {
    // Before the plans, 总之 is a sentence of the section: more sections may follow.
    await typeLines(page, ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '总之，救助工作要抓紧。', '二、下半年工作计划', '继续做好救助。'])
    await compose(page, ['zongzhi', '总之'], '总之')
    await typeText(page, '，上半年工作取得实效。')
    await press(page, 'Enter')
    await typeText(page, '示范县民政局')
    await press(page, 'Enter')
    await typeText(page, '2024年7月10')
    await compose(page, ['ri'], '日')
    const summary = await getSummary(page)
    expect(summary.sections.map((s) => [s.number, s.title, s.role, s.body])).toEqual([
      ['一、', '主要工作', 'work', [{ type: 'paragraph', text: '总之，救助工作要抓紧。' }]],
      ['二、', '下半年工作计划', 'plans', [{ type: 'paragraph', text: '继续做好救助。' }]],
    ])
    expect(summary.closing).toEqual([{ type: 'paragraph', text: '总之，上半年工作取得实效。' }])
    expect(summary.signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
    // Drawn as a sign-off, set right, on the lines where they were typed; the caret stays in the date.
    await expect(content(page).locator('.zj-sign-off .zj-organization')).toHaveText('示范县民政局')
    await expect(content(page).locator('.zj-sign-off')).toHaveCSS('text-align', 'right')
    // Written on, the date is a sentence: the two lines are paragraphs again, the caret where it was.
    await typeText(page, '前完成复核')
    expect((await getSummary(page)).signOff).toBeUndefined()
    expect((await getSummary(page)).closing.map((b) => b.type === 'paragraph' && b.text)).toEqual(['总之，上半年工作取得实效。', '示范县民政局', '2024年7月10日前完成复核'])
    // Undo takes back the last typing with the reading that came with it.
    await press(page, 'Control+z')
    expect((await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
  })

  test('总之… typed as the first paragraph of the plans\' last （二）, which holds only its heading, starts the closing; the （二） stays in the plans', async ({ page }) => {
    await typeLines(page, ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '救助工作平稳。', '二、下半年工作计划', '（一）做好救助', '继续做好救助。', '（二）加强队伍建设'])
    await typeText(page, '总之，上半年工作取得实效。')
    const summary = await getSummary(page)
    expect(summary.sections[1]!.role).toBe('plans')
    expect(summary.sections[1]!.sections.map((s) => [s.number, s.title, s.body])).toEqual([
      ['（一）', '做好救助', [{ type: 'paragraph', text: '继续做好救助。' }]],
      ['（二）', '加强队伍建设', []],
    ])
    expect(summary.closing).toEqual([{ type: 'paragraph', text: '总之，上半年工作取得实效。' }])
  })

  test('Enter at the end of the sign-off\'s date, the summary\'s last line, leaves the summary as it is and the caret in the date, and says why', async ({ page }) => {
    await typeLines(page, ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '救助工作平稳。', '二、下半年工作计划', '继续做好救助。', '总之，成效明显。', '示范县民政局'])
    await typeText(page, '2024年7月10日')
    expect((await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
    const before = await textLines(page)
    await press(page, 'Enter')
    // The hint line says why, in the live region a screen reader announces.
    await expect(page.locator('zongjie-editor .hint')).toHaveText('落款日期是总结的最后一行')
    expect(await textLines(page)).toEqual(before)
    expect((await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
    // The caret stays at the end of the date: what is typed next goes there.
    await typeText(page, '前完成')
    expect((await getSummary(page)).closing.map((b) => b.type === 'paragraph' && b.text)).toEqual(['总之，成效明显。', '示范县民政局', '2024年7月10日前完成'])
  })

  test('Enter inside the sign-off\'s organisation, with a date there, goes on to the start of the date, both lines left whole', async ({ page }) => {
    await typeLines(page, ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '救助工作平稳。', '二、下半年工作计划', '继续做好救助。', '总之，成效明显。', '示范县民政局'])
    await typeText(page, '2024年7月10日')
    // The caret after 示范县 in the organisation (the title holds the same words first).
    await selectRange(page, (await positionOf(page, '示范县民政局', 'start', 1)) + 3)
    await press(page, 'Enter')
    expect((await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
    // What is typed next goes at the start of the date.
    await typeText(page, '于')
    expect((await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '于2024年7月10日' })
  })

  test('typing 一、 at the start of the opening paragraph makes a 一、 section', async ({ page }) => {
    await press(page, 'Enter')
    await typeText(page, '一、主要工作')
    const summary = await getSummary(page)
    expect(summary.sections).toHaveLength(1)
    expect(summary.sections[0]).toMatchObject({ level: 1, number: '一、', title: '主要工作', role: 'work', body: [] })
    expect((await shownNumbers(page)).headings).toEqual(['一、主要工作'])
    expect(await textLines(page)).toEqual(['一、主要工作'])
  })

  test('一、 typed alone stays as typed until what follows says the line is a heading: a word makes it one, 二季度 leaves a paragraph', async ({ page }) => {
    await press(page, 'Enter')
    await typeText(page, '一、')
    let summary = await getSummary(page)
    expect(summary.sections).toEqual([])
    expect(summary.preamble).toEqual([{ type: 'paragraph', text: '一、' }])
    await typeText(page, '主要工作')
    summary = await getSummary(page)
    expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作'])
    expect(await textLines(page)).toEqual(['一、主要工作'])
    // Numerals listed before what they count: a sentence, as the importer reads the line.
    await press(page, 'Enter')
    await typeText(page, '一、二季度，全市完成投资。')
    summary = await getSummary(page)
    expect(summary.sections.map((s) => [s.number + s.title, s.body])).toEqual([['一、主要工作', [{ type: 'paragraph', text: '一、二季度，全市完成投资。' }]]])
    expect(await textLines(page)).toEqual(['一、主要工作', '一、二季度，全市完成投资。'])
  })

  test('an empty block is one line tall with its guidance on that line; the arrow keys go into empty blocks', async ({ page }) => {
    /**
     * How many lines tall each empty block is (its height over its line height), by its class; and
     * that none is positioned (a positioned block breaks composition in WebKit).
     */
    const emptyLines = () =>
      content(page).evaluate((root) =>
        [...root.querySelectorAll('.zj-empty')].map((el) => {
          const style = getComputedStyle(el)
          const h = el.getBoundingClientRect().height
          return `${el.classList[0]} ${Math.round(h / parseFloat(style.lineHeight))}${style.position === 'static' ? '' : ` ${style.position}`}`
        }),
      )
    await press(page, 'Enter')
    await press(page, 'ArrowUp')
    expect(await emptyLines()).toEqual(['zj-title 1', 'zj-paragraph 1'])
    // Down into the empty opening and back up into the empty title: what is typed lands there.
    await press(page, 'ArrowDown')
    // （`一、` is a heading once a word follows it: the word typed and taken back leaves the heading empty.）
    await typeText(page, '一、主')
    await press(page, 'Backspace')
    expect(await emptyLines()).toEqual(['zj-title 1', 'zj-heading 1'])
    await press(page, 'ArrowUp')
    await typeText(page, '总结')
    await press(page, 'ArrowDown')
    await typeText(page, '主要工作')
    await press(page, 'Enter')
    await typeText(page, '一是')
    expect(await emptyLines()).toEqual(['zj-work-item 1'])
    const summary = await getSummary(page)
    expect(summary.title).toBe('总结')
    expect(summary.sections[0]).toMatchObject({ number: '一、', title: '主要工作', body: [{ type: 'workItems', items: [{ ordinal: '一是', text: '' }] }] })
  })

  test('typing 一是 in the opening makes a work item; Backspace right after takes it back', async ({ page }) => {
    await press(page, 'Enter')
    await typeText(page, '一是')
    let summary = await getSummary(page)
    expect(summary.preamble).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '' }] }])
    await press(page, 'Backspace')
    summary = await getSummary(page)
    expect(summary.preamble).toEqual([{ type: 'paragraph', text: '一是' }])
  })
})

test.describe('clicking into an empty summary', () => {
  test.beforeEach(async ({ page }) => {
    await openDemo(page)
  })

  test('a click on the opening’s empty line puts the caret in the empty title: what is typed first is the title; then a click goes where it lands', async ({ page }) => {
    await content(page).locator('.zj-preamble .zj-paragraph').click()
    await waitForEditorSelection(page)
    await typeText(page, '示范县民政局2024年工作总结')
    let summary = await getSummary(page)
    expect(summary.title).toBe('示范县民政局2024年工作总结')
    expect(summary.preamble).toEqual([{ type: 'paragraph', text: '' }])
    expect((await validate(page)).map((f) => f.message).join('\n')).not.toContain('标题为空')
    // With the title written, the opening takes the click.
    await content(page).locator('.zj-preamble .zj-paragraph').click()
    await waitForEditorSelection(page)
    await typeText(page, '现将全年工作总结如下：')
    summary = await getSummary(page)
    expect(summary.title).toBe('示范县民政局2024年工作总结')
    expect(summary.preamble).toEqual([{ type: 'paragraph', text: '现将全年工作总结如下：' }])
  })

  test('a click on the empty page below the text, or in its margin, puts the caret in the title too', async ({ page }) => {
    const sheet = editor(page).locator('.page')
    const box = (await sheet.boundingBox())!
    for (const [x, y] of [
      [box.width / 2, box.height * 0.8],
      [8, box.height / 3],
    ] as const) {
      await content(page).evaluate((el) => el.blur())
      await sheet.click({ position: { x, y } })
      await expect(content(page)).toBeFocused()
      await waitForEditorSelection(page)
      await typeText(page, '标')
      expect((await getSummary(page)).title).toBe('标')
      await press(page, 'Backspace')
    }
    expect(await getSummary(page)).toMatchObject({ title: '', preamble: [{ type: 'paragraph', text: '' }] })
  })
})

test.describe('clicking below the text of a summary', () => {
  test.beforeEach(async ({ page }) => {
    await openWith(page, structured)
  })

  test('a click on the blank page below the last line puts the caret at the end of the summary, as in Word; on the text, where it lands', async ({ page }) => {
    const sheet = editor(page).locator('.page')
    const box = (await sheet.boundingBox())!
    const text = (await content(page).boundingBox())!
    expect(box.y + box.height - 12).toBeGreaterThan(text.y + text.height)
    await content(page).evaluate((el) => el.blur())
    await sheet.click({ position: { x: box.width / 2, y: box.height - 12 } })
    await expect(content(page)).toBeFocused()
    expect(await waitForEditorSelection(page)).toMatchObject({ empty: true })
    await typeText(page, '另起')
    expect((await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。另起' }])
    expect((await textLines(page)).at(-1)).toBe('办理婚姻登记。另起')
    // On the text, the click goes where it lands.
    await content(page).getByText('主要工作').click()
    await typeText(page, '甲')
    expect((await getSummary(page)).sections[0]!.title).toMatch(/甲/)
  })

  test('read-only, a click below the text only puts the focus in it (for the keys that scroll)', async ({ page }) => {
    await editor(page).evaluate((el) => el.setAttribute('readonly', ''))
    const before = await getSummary(page)
    const sheet = editor(page).locator('.page')
    const box = (await sheet.boundingBox())!
    await sheet.click({ position: { x: box.width / 2, y: box.height - 12 } })
    await expect(content(page)).toBeFocused()
    await page.keyboard.type('字')
    expect(await getSummary(page)).toEqual(before)
  })
})

test.describe('editing a structured summary', () => {
  test.beforeEach(async ({ page }) => {
    await openWith(page, structured)
  })

  test('typing in a heading changes its title, not its number', async ({ page }) => {
    await placeCursor(page, '社会事务', 'end')
    await typeText(page, '服务')
    const summary = await getSummary(page)
    expect(summary.sections[1]).toMatchObject({ number: '二、', title: '社会事务服务' })
    expect(await textLines(page)).toContain('二、社会事务服务')
  })

  test('selecting a word and deleting it, and typing over a selection', async ({ page }) => {
    // Select 「临时」 with Shift-ArrowRight and delete it.
    await placeCursor(page, '临时救助', 'start')
    await press(page, 'Shift+ArrowRight')
    await press(page, 'Shift+ArrowRight')
    await press(page, 'Backspace')
    let summary = await getSummary(page)
    expect(summary.sections[0]!.sections[0]!.body[0]).toMatchObject({ items: [{ text: '完善低保动态管理。' }, { text: '用好救助。' }] })
    // Select 「婚姻登记」 and type over it.
    const from = await positionOf(page, '婚姻登记', 'start')
    await selectRange(page, from, from + 4)
    await typeText(page, '收养登记')
    summary = await getSummary(page)
    expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理收养登记。' }])
    // Delete removes the character after the cursor.
    await placeCursor(page, '办理', 'end')
    await press(page, 'Delete')
    expect((await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理养登记。' }])
  })

  test('Ctrl-Z after selecting what was just typed and deleting it at once takes back the deletion alone, then the typing', async ({ page }) => {
    const body = async () => (await getSummary(page)).sections[1]!.body
    await placeCursor(page, '办理', 'end')
    // Typed, selected with Shift and the arrow keys and deleted in one quick run, as a writer
    // correcting themselves does (each key once the editor has taken the one before).
    await typeText(page, 'adds')
    await press(page, 'Shift+ArrowLeft')
    await press(page, 'Shift+ArrowLeft')
    await press(page, 'Backspace')
    await expect.poll(body).toEqual([{ type: 'paragraph', text: '办理ad婚姻登记。' }])
    await press(page, 'Control+z')
    await expect.poll(body).toEqual([{ type: 'paragraph', text: '办理adds婚姻登记。' }])
    await press(page, 'Control+z')
    await expect.poll(body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  })

  test('Enter at the end of a heading goes to its body', async ({ page }) => {
    await placeCursor(page, '社会事务', 'end')
    await press(page, 'Enter')
    await typeText(page, '新的第一段。')
    const summary = await getSummary(page)
    expect(summary.sections[1]).toMatchObject({ number: '二、', title: '社会事务' })
    expect(summary.sections[1]!.body).toEqual([
      { type: 'paragraph', text: '新的第一段。' },
      { type: 'paragraph', text: '办理婚姻登记。' },
    ])
    expect(summary.sections).toHaveLength(2)
  })

  test('Enter at the start of a heading opens an empty line above it, as in Word; what is typed next stays in the heading', async ({ page }) => {
    await placeCursor(page, '社会事务', 'start')
    await press(page, 'Enter')
    await typeText(page, '基本')
    const summary = await getSummary(page)
    expect(summary.sections[1]).toMatchObject({ number: '二、', title: '基本社会事务' })
    // The empty line ends what comes before the heading: the last subsection of 一、.
    expect(summary.sections[0]!.sections.at(-1)!.body.at(-1)).toEqual({ type: 'paragraph', text: '' })
    // The line above takes text: the writer goes up to it.
    await press(page, 'ArrowUp')
    await typeText(page, '补充。')
    expect((await getSummary(page)).sections[0]!.sections.at(-1)!.body.at(-1)).toEqual({ type: 'paragraph', text: '补充。' })
  })

  test('Enter in the middle of a heading moves the rest into the body; Backspace joins it back', async ({ page }) => {
    await placeCursor(page, '主要工作', 'start')
    await press(page, 'ArrowRight')
    await press(page, 'ArrowRight')
    await press(page, 'Enter')
    let summary = await getSummary(page)
    expect(summary.sections[0]).toMatchObject({ title: '主要' })
    expect(summary.sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '工作' })
    await press(page, 'Backspace')
    summary = await getSummary(page)
    expect(summary.sections[0]).toMatchObject({ title: '主要工作' })
    expect(summary.sections[0]!.body).toEqual([{ type: 'paragraph', text: '全年发放救助资金。' }])
  })

  test('Enter after the last work item starts the next one; Enter in the empty item ends the list', async ({ page }) => {
    await placeCursor(page, '用好临时救助。', 'end')
    await press(page, 'Enter')
    expect((await shownNumbers(page)).items).toEqual(['一是完善低保动态管理。', '二是用好临时救助。', '三是'])
    await press(page, 'Enter')
    await typeText(page, '以上工作稳步推进。')
    const summary = await getSummary(page)
    const sub = summary.sections[0]!.sections[0]!
    expect(sub.body).toEqual([
      { type: 'workItems', layout: 'separate', items: [{ ordinal: '一是', lead: '完善低保动态管理', text: '完善低保动态管理。' }, { ordinal: '二是', lead: '用好临时救助', text: '用好临时救助。' }] },
      { type: 'paragraph', text: '以上工作稳步推进。' },
    ])
    expect((await shownNumbers(page)).items).toEqual(['一是完善低保动态管理。', '二是用好临时救助。'])
  })

  test('typing （一） and (一) at the start of a body paragraph makes （一） sections', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    await typeText(page, '（一）规范婚姻登记')
    await press(page, 'Enter')
    await typeText(page, '推行跨省通办。')
    await press(page, 'Enter')
    await typeText(page, '(一)深化殡葬改革')
    const summary = await getSummary(page)
    expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
    expect(summary.sections[1]!.sections.map((s) => [s.level, s.number, s.title])).toEqual([
      [2, '（一）', '规范婚姻登记'],
      [2, '（二）', '深化殡葬改革'],
    ])
    expect(summary.sections[1]!.sections[0]!.body).toEqual([{ type: 'paragraph', text: '推行跨省通办。' }])
    expect((await shownNumbers(page)).headings).toEqual(['一、主要工作', '（一）兜牢民生底线', '二、社会事务', '（一）规范婚姻登记', '（二）深化殡葬改革'])
  })

  test('typing 1. and （1） at the start of a paragraph makes 1. and （1） sections', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    await typeText(page, '1.婚姻登记')
    await press(page, 'Enter')
    await typeText(page, '（1）跨省通办')
    await press(page, 'Enter')
    await typeText(page, '全年办理X件。')
    const summary = await getSummary(page)
    const s1 = summary.sections[1]!.sections[0]!
    expect(s1).toMatchObject({ level: 2, number: '1.', title: '婚姻登记' })
    expect(s1.sections.map((s) => [s.level, s.number, s.title])).toEqual([[3, '（1）', '跨省通办']])
    expect(s1.sections[0]!.body).toMatchObject([{ type: 'paragraph', text: '全年办理X件。' }])
    expect(await textLines(page)).toEqual(expect.arrayContaining(['二、社会事务', '1.婚姻登记', '（1）跨省通办']))
  })

  test('typing 一是 at the start of a body paragraph makes a work item, and 二是 after it the next one', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    await typeText(page, '一是推行跨省通办。')
    await press(page, 'Enter')
    await typeText(page, '整治散埋乱葬。')
    const summary = await getSummary(page)
    expect(summary.sections[1]!.body).toMatchObject([
      { type: 'paragraph', text: '办理婚姻登记。' },
      { type: 'workItems', items: [{ ordinal: '一是', text: '推行跨省通办。' }, { ordinal: '二是', text: '整治散埋乱葬。' }] },
    ])
    expect((await shownNumbers(page)).items.slice(-2)).toEqual(['一是推行跨省通办。', '二是整治散埋乱葬。'])
  })

  test('Backspace right after typing （一） takes the heading back to text', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    await typeText(page, '（一）')
    expect((await getSummary(page)).sections[1]!.sections).toHaveLength(1)
    await press(page, 'Backspace')
    const summary = await getSummary(page)
    expect(summary.sections[1]!.sections).toEqual([])
    expect(summary.sections[1]!.body).toEqual([
      { type: 'paragraph', text: '办理婚姻登记。' },
      { type: 'paragraph', text: '（一）' },
    ])
  })

  test('a number typed in the middle of a paragraph stays text', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await typeText(page, '一、（一）1.一是')
    const summary = await getSummary(page)
    expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。一、（一）1.一是' }])
    expect(summary.sections[1]!.sections).toEqual([])
  })

  test('typing 一、 in an empty work item ends the list and starts a new 一、 section', async ({ page }) => {
    await placeCursor(page, '用好临时救助。', 'end')
    await press(page, 'Enter')
    await typeText(page, '二、')
    await typeText(page, '社会保障')
    const summary = await getSummary(page)
    expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会保障', '三、社会事务'])
    expect(summary.sections[0]!.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是' }, { ordinal: '二是' }] }])
    expect((await shownNumbers(page)).items).toEqual(['一是完善低保动态管理。', '二是用好临时救助。'])
  })
  test('Backspace right after each kind of conversion takes it back to the typed text', async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    // (`1.` and `一、` are headings once a word follows them, see the test of `一、` typed alone.)
    for (const [typed, number] of [
      ['（一）', '（一）'],
      ['(一)', '（一）'],
      ['（1）', '（1）'],
    ] as const) {
      await typeText(page, typed)
      const converted = await getSummary(page)
      expect(converted.sections[1]!.sections.map((s) => s.number), typed).toEqual([number])
      expect(converted.sections[1]!.body, typed).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
      await press(page, 'Backspace')
      const back = await getSummary(page)
      expect(back.sections[1]!.sections, typed).toEqual([])
      expect(back.sections[1]!.body, typed).toEqual([
        { type: 'paragraph', text: '办理婚姻登记。' },
        { type: 'paragraph', text: typed },
      ])
      for (let i = 0; i < typed.length; i++) await press(page, 'Backspace')
      expect((await getSummary(page)).sections[1]!.body).toEqual([
        { type: 'paragraph', text: '办理婚姻登记。' },
        { type: 'paragraph', text: '' },
      ])
    }
  })
})

test('deleting the paragraph between two lists of work items makes one list, numbered on', async ({ page }) => {
  await openWith(page, ['某局工作总结', '', '开头。', '', '一、主要工作', '一是抓学习。', '二是抓制度。', '另起。', '一是抓落实。', '二是抓督查。', '二、其他工作', '办理登记。'].join('\n'))
  await placeCursor(page, '另起。', 'end')
  for (let i = 0; i < 4; i++) await press(page, 'Backspace')
  expect((await shownNumbers(page)).items).toEqual(['一是抓学习。', '二是抓制度。', '三是抓落实。', '四是抓督查。'])
  const body = (await getSummary(page)).sections[0]!.body
  expect(body).toHaveLength(1)
  // One undo step brings the paragraph and the two lists back.
  await press(page, 'Control+z')
  expect((await shownNumbers(page)).items).toEqual(['一是抓学习。', '二是抓制度。', '一是抓落实。', '二是抓督查。'])
})

test('typing 二、 in a （一） section that has a （二） after it starts a 二、 section, in reading order', async ({ page }) => {
  await openWith(
    page,
    `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
（一）兜牢民生底线
发放低保金。
（二）提升养老服务
建设养老服务站。
二、社会事务
办理婚姻登记。
`,
  )
  await placeCursor(page, '发放低保金。', 'end')
  await press(page, 'Enter')
  await typeText(page, '二、')
  await typeText(page, '社会救助')
  expect((await shownNumbers(page)).headings).toEqual(['一、主要工作', '（一）兜牢民生底线', '二、社会救助', '（一）提升养老服务', '三、社会事务'])
  const summary = await getSummary(page)
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会救助', '三、社会事务'])
  expect(summary.sections[0]!.sections[0]!.body).toEqual([{ type: 'paragraph', text: '发放低保金。' }])
  expect(summary.sections[1]!.sections.map((s) => s.number + s.title)).toEqual(['（一）提升养老服务'])
})

test.describe('typing over a selection that crosses parts', () => {
  const summary = ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '（一）提升养老服务。一是建设养老甲站点；二是改造适老住房。', '二、下半年工作计划', '继续做好救助。', '总之，我们将再接再厉。', '示范县民政局', '2024年7月10日'].join('\n')
  const typings: [string, (page: Page, text: string) => Promise<unknown>][] = [
    ['typed', (page, text) => typeText(page, text)],
    ['through the input method', (page, text) => compose(page, [text], text)],
  ]

  test.beforeEach(async ({ page }) => {
    await openWith(page, summary)
    // What reads the parts the writer types loads on the first focus.
    await focusEditor(page)
    await page.waitForLoadState('networkidle')
  })

  for (const [how, type] of typings) {
    test(`from a run-in title into its first work item, ${how}: the title keeps what was typed, the rest of the item stays an item`, async ({ page }) => {
      await selectRange(page, await positionOf(page, '提升养老', 'end'), await positionOf(page, '建设养老', 'end'))
      await type(page, '和')
      const section = (await getSummary(page)).sections[0]!.sections[0]!
      expect(section.title).toBe('提升养老和')
      expect(section.body[0]).toMatchObject({ items: [{ text: '甲站点；' }, { text: '改造适老住房。' }] })
      expect(await textLines(page)).toContain('（一）提升养老和。一是甲站点；二是改造适老住房。')
    })

    test(`over the whole sign-off, ${how}: a paragraph of the closing, the sign-off gone`, async ({ page }) => {
      await selectRange(page, await positionOf(page, '示范县民政局', 'start', 1), await positionOf(page, '2024年7月10日', 'end'))
      await type(page, '特此报告')
      const after = await getSummary(page)
      expect(after.signOff).toBeUndefined()
      expect(after.closing).toEqual([{ type: 'paragraph', text: '总之，我们将再接再厉。' }, { type: 'paragraph', text: '特此报告' }])
      // One undo brings the sign-off back whole.
      await press(page, 'Control+z')
      await expect.poll(async () => (await getSummary(page)).signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
      expect((await getSummary(page)).closing).toEqual([{ type: 'paragraph', text: '总之，我们将再接再厉。' }])
    })
  }
})

/** A selection from the end of `兜牢基本` in a title into a work item, typed over (by keys, through the input method) or deleted: how, the edit, the title after it. */
const overTitle = [
  ['typed', (page: Page) => typeText(page, '和'), '兜牢基本和'],
  ['typed through the input method', (page: Page) => compose(page, ['he'], '和'), '兜牢基本和'],
  ['deleted with Backspace', (page: Page) => press(page, 'Backspace'), '兜牢基本'],
  ['deleted with Delete', (page: Page) => press(page, 'Delete'), '兜牢基本'],
] as const

test.describe('a selection from a run-in title into its first work item written 小标题。内容；', () => {
  // As the demo's sample writes its items: a short title ending in 。, then its content.
  const summary = ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作', '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展低保年度复核；二是用好临时救助。及时实施临时救助。', '（二）规范婚姻登记', '办理婚姻登记。'].join('\n')
  const line = '（一）兜牢基本民生底线。一是完善低保动态管理。全面开展低保年度复核；二是用好临时救助。及时实施临时救助。'
  const items = [{ text: '动态管理。全面开展低保年度复核；' }, { text: '用好临时救助。及时实施临时救助。' }]

  test.beforeEach(async ({ page }) => {
    await openWith(page, summary)
    // What reads the parts the writer types loads on the first focus.
    await focusEditor(page)
    await page.waitForLoadState('networkidle')
    await selectRange(page, await positionOf(page, '兜牢基本', 'end'), await positionOf(page, '完善低保', 'end'))
  })

  /** The run-in section's title and first body block, and its line of the summary's text. */
  async function runInSection(page: Page) {
    const section = (await getSummary(page)).sections[0]!.sections[0]!
    return { title: section.title, first: section.body[0], line: (await textLines(page)).find((l) => l.startsWith('（一）')) }
  }

  for (const [how, edit, title] of overTitle) {
    test(`${how}: the title ends where the selection began, the rest of the item stays the first item; one undo brings all back`, async ({ page }) => {
      await edit(page)
      await expect.poll(() => runInSection(page)).toMatchObject({ title, first: { items }, line: `（一）${title}。一是动态管理。全面开展低保年度复核；二是用好临时救助。及时实施临时救助。` })
      await press(page, 'Control+z')
      await expect.poll(async () => (await runInSection(page)).line).toBe(line)
    })
  }

  test('taken by Enter: the title keeps its text up to the selection, the rest of the item stays a work item, the caret at its start', async ({ page }) => {
    await press(page, 'Enter')
    expect(await runInSection(page)).toMatchObject({ title: '兜牢基本', first: { items }, line: '（一）兜牢基本。一是动态管理。全面开展低保年度复核；二是用好临时救助。及时实施临时救助。' })
    await typeText(page, '甲')
    expect((await runInSection(page)).first).toMatchObject({ items: [{ text: '甲动态管理。全面开展低保年度复核；' }, items[1]] })
    await press(page, 'Control+z')
    await press(page, 'Control+z')
    await expect.poll(async () => (await runInSection(page)).line).toBe(line)
  })
})

test.describe('a selection from a section title into a work item whose rest ends in 。, or into the list’s last item', () => {
  const head = ['示范县民政局2024年上半年工作总结', '现将上半年工作总结如下：', '一、主要工作']
  const tail = ['（二）规范婚姻登记', '办理婚姻登记。']

  /** The （一） section: its title, its first body block, and its lines of the summary's text. */
  async function firstSubsection(page: Page) {
    const section = (await getSummary(page)).sections[0]!.sections[0]!
    const lines = await textLines(page)
    return { title: section.title, first: section.body[0], lines: lines.slice(lines.findIndex((l) => l.startsWith('（一）')), lines.indexOf(tail[0]!)) }
  }

  /** Where the caret is: the text of its block before it (a title, a work item), and after it. */
  function caretText(page: Page): Promise<[string, string]> {
    return page.evaluate(() => {
      const { $head } = (document.querySelector('zongjie-editor') as any).view.state.selection
      return [$head.parent.textContent.slice(0, $head.parentOffset), $head.parent.textContent.slice($head.parentOffset)]
    })
  }

  for (const [what, section, to, rest] of [
    // The list's only item, ending in 。.
    ['its only item', ['（一）兜牢基本民生底线。一是完善低保动态管理。全面开展低保年度复核。'], '完善低保', '动态管理。全面开展低保年度复核。'],
    // Items joined on the title's line, the selection past the first into the last.
    ['the last item', ['（一）兜牢基本民生底线。一是完善低保动态管理。全面开展低保年度复核；二是用好临时救助。及时实施临时救助。'], '用好临时', '救助。及时实施临时救助。'],
  ] as const) {
    test.describe(`from a run-in title into ${what}`, () => {
      test.beforeEach(async ({ page }) => {
        await openWith(page, [...head, ...section, ...tail].join('\n'))
        // What reads the parts the writer types loads on the first focus.
        await focusEditor(page)
        await page.waitForLoadState('networkidle')
        await selectRange(page, await positionOf(page, '兜牢基本', 'end'), await positionOf(page, to, 'end'))
      })

      for (const [how, edit, title] of overTitle) {
        test(`${how}: the title ends where the selection began, the rest stays a work item, the caret in the title; one undo brings all back`, async ({ page }) => {
          await edit(page)
          await expect.poll(() => firstSubsection(page)).toMatchObject({ title, first: { type: 'workItems', items: [{ text: rest }] }, lines: [`（一）${title}。一是${rest}`] })
          expect(await caretText(page)).toEqual([title, ''])
          await press(page, 'Control+z')
          await expect.poll(async () => (await firstSubsection(page)).lines).toEqual(section)
        })
      }

      test('taken by Enter: the title keeps its text up to the selection, the rest stays a work item, the caret at its start', async ({ page }) => {
        await press(page, 'Enter')
        await expect.poll(() => firstSubsection(page)).toMatchObject({ title: '兜牢基本', first: { items: [{ text: rest }] }, lines: [`（一）兜牢基本。一是${rest}`] })
        await typeText(page, '甲')
        expect((await firstSubsection(page)).first).toMatchObject({ items: [{ text: `甲${rest}` }] })
        await press(page, 'Control+z')
        await press(page, 'Control+z')
        await expect.poll(async () => (await firstSubsection(page)).lines).toEqual(section)
      })
    })
  }

  test('Enter over a selection from a title on its own line into its first item: the rest stays the first work item, the caret at its start', async ({ page }) => {
    const section = ['（一）兜牢基本民生底线', '一是完善低保动态管理。全面开展低保年度复核；', '二是用好临时救助。及时实施临时救助。']
    await openWith(page, [...head, ...section, ...tail].join('\n'))
    await focusEditor(page)
    await selectRange(page, await positionOf(page, '兜牢基本', 'end'), await positionOf(page, '完善低保', 'end'))
    await press(page, 'Enter')
    const items = [{ text: '动态管理。全面开展低保年度复核；' }, { text: '用好临时救助。及时实施临时救助。' }]
    expect(await firstSubsection(page)).toMatchObject({ title: '兜牢基本', first: { items }, lines: ['（一）兜牢基本', '一是动态管理。全面开展低保年度复核；', '二是用好临时救助。及时实施临时救助。'] })
    expect(await caretText(page)).toEqual(['', items[0]!.text])
    await press(page, 'Control+z')
    await expect.poll(async () => (await firstSubsection(page)).lines).toEqual(section)
  })
})
