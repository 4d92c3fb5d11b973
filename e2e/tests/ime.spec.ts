/**
 * Chinese typed through an input method: CDP `Input.imeSetComposition` steps (the pinyin, then the
 * candidates as the input method shows them inline) and `Input.insertText` to commit, as Chromium
 * does for a real IME. The committed characters arrive exactly once, nothing typed before is lost,
 * the document keeps its structure while the composition is open, and `一、` `（一）` `一是`
 * committed at the start of a paragraph become structure only once committed.
 */
import {
  compose,
  content,
  docText,
  editor,
  editorTest as test,
  focusEditor,
  expect,
  fieldPositions,
  getSummary,
  isComposing,
  openWith,
  placeCursor,
  press,
  selectRange,
  setUser,
  shownNumbers,
  startComposition,
  textLines,
  typeText,
} from './helpers.ts'
import type { Page } from '@playwright/test'

const text = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
培训X名干部，发放补贴X万元
二、社会事务
办理婚姻登记。
`

/** The structure of the summary: every section's number and title, and the body blocks' types. */
async function outline(page: Page): Promise<string[]> {
  const s = await getSummary(page)
  const out: string[] = []
  const walk = (sections: typeof s.sections) => {
    for (const sec of sections) {
      out.push(`${sec.number}${sec.title}|${sec.body.map((b) => b.type).join(',')}`)
      walk(sec.sections)
    }
  }
  out.push(`preamble|${s.preamble.map((b) => b.type).join(',')}`)
  walk(s.sections)
  return out
}

/** The text of the first `.zj-paragraph` in the shadow DOM that contains `needle`: what the writer sees. */
function shownParagraph(page: Page, needle: string): Promise<string> {
  return page.evaluate((needle) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    const p = [...root.querySelectorAll('.ProseMirror p, .ProseMirror h2')].find((e) => e.textContent!.includes(needle))
    return p?.textContent ?? ''
  }, needle)
}

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
})

test('a composition in body text commits the characters once, in place', async ({ page }) => {
  const before = await outline(page)
  await placeCursor(page, '全年发放', 'end')
  const ime = await startComposition(page)
  for (const step of ['z', 'zh', 'zhuan', 'zhuanx', 'zhuanxiang', '专项']) {
    await ime.step(step)
    expect(await isComposing(page)).toBe(true)
    // The composition shows once, where the cursor was; the document keeps its structure.
    expect(await shownParagraph(page, '救助资金')).toBe(`全年发放${step}救助资金。`)
    expect(await outline(page)).toEqual(before)
  }
  await ime.commit('专项')
  const summary = await getSummary(page)
  expect(summary.sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '全年发放专项救助资金。' })
  expect(await docText(page)).not.toMatch(/[a-z]/)
  expect(await outline(page)).toEqual(before)
})

test('several compositions in a row keep every character', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await compose(page, ['j', 'jia', 'jiaq', 'jiaqiang'], '加强')
  await compose(page, ['d', 'dui', 'duiwu'], '队伍')
  await compose(page, ['j', 'jian', 'jianshe'], '建设')
  await compose(page, ['。'], '。')
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。加强队伍建设。' }])
  await expect(content(page).locator('.zj-paragraph', { hasText: '婚姻' })).toHaveText('办理婚姻登记。加强队伍建设。')
})

test('a composition in a heading changes its title only', async ({ page }) => {
  await placeCursor(page, '社会事务', 'end')
  const ime = await startComposition(page)
  for (const step of ['f', 'fu', 'fuwu', '服务']) {
    await ime.step(step)
    expect((await getSummary(page)).sections.map((s) => s.number)).toEqual(['一、', '二、'])
  }
  await ime.commit('服务')
  const summary = await getSummary(page)
  expect(summary.sections.map((s) => [s.number, s.title])).toEqual([
    ['一、', '主要工作'],
    ['二、', '社会事务服务'],
  ])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  expect((await shownNumbers(page)).headings).toEqual(['一、主要工作', '二、社会事务服务'])
})

test('a composition right after a metric field', async ({ page }) => {
  const [metric] = await fieldPositions(page)
  await selectRange(page, metric! + 1)
  await compose(page, ['j', 'ji', 'jic', 'jiceng'], '基层')
  const summary = await getSummary(page)
  const para = summary.sections[0]!.body[1]!
  expect(para).toMatchObject({ type: 'paragraph', text: '培训X名基层干部，发放补贴X万元' })
  expect(summary.metrics.map((m) => m.text)).toEqual(['X名', 'X万元'])
  await expect(content(page).locator('.zj-metric')).toHaveText(['X名', 'X万元'])
})

test('a composition right before a metric field', async ({ page }) => {
  const [metric] = await fieldPositions(page)
  await selectRange(page, metric!)
  await compose(page, ['g', 'gong'], '共')
  const summary = await getSummary(page)
  expect(summary.sections[0]!.body[1]).toMatchObject({ type: 'paragraph', text: '培训共X名干部，发放补贴X万元' })
  expect(summary.metrics.map((m) => m.text)).toEqual(['X名', 'X万元'])
})

// Before, the browser composed over the field's widget: nothing went in and the composition never
// ended (the next composition was lost too).
for (const [how, select] of [
  ['selected with the arrow keys', async (page: Page, metric: number) => {
    await selectRange(page, metric)
    await press(page, 'ArrowRight')
  }],
  ['selected with Shift-arrow', async (page: Page, metric: number) => {
    await selectRange(page, metric)
    await press(page, 'Shift+ArrowRight')
  }],
] as const) {
  test(`a composition over a metric field ${how} replaces it, as a typed letter does, and ends`, async ({ page }) => {
    const [metric] = await fieldPositions(page)
    await select(page, metric!)
    await compose(page, ['l', 'le'], '了')
    expect(await isComposing(page)).toBe(false)
    const summary = await getSummary(page)
    expect(summary.sections[0]!.body[1]).toMatchObject({ type: 'paragraph', text: '培训了干部，发放补贴X万元' })
    expect(summary.metrics.map((m) => m.text)).toEqual(['X万元'])
    // The next composition goes in too.
    await compose(page, ['z', 'zai'], '再')
    expect((await getSummary(page)).sections[0]!.body[1]).toMatchObject({ text: '培训了再干部，发放补贴X万元' })
  })
}

test('a composition after a metric field that ends its paragraph', async ({ page }) => {
  const [, last] = await fieldPositions(page)
  await selectRange(page, last! + 1)
  await compose(page, ['y', 'yu'], '余')
  await compose(page, ['。'], '。')
  const summary = await getSummary(page)
  expect(summary.sections[0]!.body[1]).toMatchObject({ type: 'paragraph', text: '培训X名干部，发放补贴X万元余。' })
  expect(summary.metrics.map((m) => m.text)).toEqual(['X名', 'X万元'])
})

test('一、 composed at the start of a paragraph becomes a section once its title is committed', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  const before = await outline(page)
  const ime = await startComposition(page)
  for (const step of ['y', 'yi', '一', '一、']) {
    await ime.step(step)
    expect(await isComposing(page)).toBe(true)
    expect(await outline(page)).toEqual(before)
  }
  await ime.commit('一、')
  // Alone, `一、` stays as typed: what follows says whether the line is a heading (`一、二季度` is a sentence).
  let summary = await getSummary(page)
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务'])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }, { type: 'paragraph', text: '一、' }])
  // The heading's own text comes next, also composed.
  await compose(page, ['m', 'min', 'minzheng'], '民政')
  summary = await getSummary(page)
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、民政'])
  expect((await shownNumbers(page)).headings).toEqual(['一、主要工作', '二、社会事务', '三、民政'])
})

test('（一） composed at the start of a paragraph becomes a （一） section only when committed', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  const before = await outline(page)
  const ime = await startComposition(page)
  for (const step of ['（', '（y', '（yi', '（一', '（一）']) {
    await ime.step(step)
    expect(await outline(page)).toEqual(before)
  }
  await ime.commit('（一）')
  await compose(page, ['h', 'hun', 'hunyin'], '婚姻')
  const summary = await getSummary(page)
  expect(summary.sections[1]!.sections.map((s) => [s.level, s.number, s.title])).toEqual([[2, '（一）', '婚姻']])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  expect(await textLines(page)).toEqual(expect.arrayContaining(['二、社会事务', '办理婚姻登记。', '（一）婚姻']))
})

test('（一） typed as punctuation, a composed 一, punctuation: a （一） section', async ({ page }) => {
  // Chinese input methods commit full-width punctuation at once and compose only the numeral.
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await page.keyboard.insertText('（')
  await compose(page, ['y', 'yi'], '一')
  expect((await getSummary(page)).sections[1]!.sections).toEqual([])
  await page.keyboard.insertText('）')
  await compose(page, ['h', 'hun', 'hunyin'], '婚姻')
  const summary = await getSummary(page)
  expect(summary.sections[1]!.sections.map((s) => [s.number, s.title])).toEqual([['（一）', '婚姻']])
})

test('一是 composed at the start of a paragraph becomes a work item only when committed', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  const before = await outline(page)
  const ime = await startComposition(page)
  for (const step of ['y', 'yis', 'yishi', '一是']) {
    await ime.step(step)
    expect(await outline(page)).toEqual(before)
    expect(await shownNumbers(page)).toEqual({ headings: ['一、主要工作', '二、社会事务'], items: [] })
  }
  await ime.commit('一是')
  await compose(page, ['t', 'tui', 'tuixing'], '推行')
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toMatchObject([
    { type: 'paragraph', text: '办理婚姻登记。' },
    { type: 'workItems', items: [{ ordinal: '一是', text: '推行' }] },
  ])
  expect((await shownNumbers(page)).items).toEqual(['一是推行'])
})

test('a phrase committed whole with its number (一是加强管理, 二、…) makes the item or the heading; in the middle of a paragraph it stays text', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['yishijiaqiang', '一是加强'], '一是加强管理；')
  // Typing goes on where the phrase ended.
  await page.keyboard.type('X')
  let summary = await getSummary(page)
  expect(summary.sections[1]!.body).toMatchObject([
    { type: 'paragraph', text: '办理婚姻登记。' },
    { type: 'workItems', items: [{ ordinal: '一是', text: '加强管理；X' }] },
  ])
  // Backspace after the phrase deletes its last character, as after any composition.
  await press(page, 'Backspace')
  await press(page, 'Backspace')
  expect((await getSummary(page)).sections[1]!.body[1]).toMatchObject({ type: 'workItems', items: [{ ordinal: '一是', text: '加强管理' }] })

  await press(page, 'Enter')
  await press(page, 'Enter')
  await compose(page, ['sanjiandu', '三、监督'], '三、监督检查')
  summary = await getSummary(page)
  expect(summary.sections.map((s) => [s.number, s.title])).toEqual([['一、', '主要工作'], ['二、', '社会事务'], ['三、', '监督检查']])

  // A decimal composed whole at the start of a paragraph is a number, not the heading `12.`.
  await press(page, 'Enter')
  await compose(page, ['shierdianwu'], '12.5万元已拨付')
  expect((await getSummary(page)).sections[2]!.body).toEqual([{ type: 'paragraph', text: '12.5万元已拨付' }])

  // A phrase composed after text already in the paragraph is text.
  await placeCursor(page, '全年发放救助资金。', 'end')
  await compose(page, ['yishi'], '一是推进')
  expect((await getSummary(page)).sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '全年发放救助资金。一是推进' })
})

test('一是 composed alone, its item taken back by Backspace, then a character: the paragraph stays text', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['yishi'], '一是')
  expect((await getSummary(page)).sections[1]!.body[1]).toMatchObject({ type: 'workItems' })
  // Backspace right after the rule takes the item back: the writer meant the words 一是.
  await press(page, 'Backspace')
  expect((await getSummary(page)).sections[1]!.body[1]).toEqual({ type: 'paragraph', text: '一是' })
  await page.keyboard.insertText('加')
  expect((await getSummary(page)).sections[1]!.body[1]).toEqual({ type: 'paragraph', text: '一是加' })
})

test('Ctrl-Z after a composition takes out exactly the composed characters', async ({ page }) => {
  await placeCursor(page, '全年发放', 'end')
  await compose(page, ['z', 'zhuan', 'zhuanxiang'], '专项')
  expect((await getSummary(page)).sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '全年发放专项救助资金。' })
  await press(page, 'Control+z')
  expect((await getSummary(page)).sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '全年发放救助资金。' })
  await press(page, 'Control+y')
  expect((await getSummary(page)).sections[0]!.body[0]).toEqual({ type: 'paragraph', text: '全年发放专项救助资金。' })
})

test('a composition over a selection replaces it', async ({ page }) => {
  const from = (await placeCursor(page, '婚姻', 'start'))
  await selectRange(page, from, from + 2)
  await compose(page, ['s', 'shou', 'shouyang'], '收养')
  expect((await getSummary(page)).sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理收养登记。' }])
})

test('compositions in the empty title of a new summary, with its placeholder shown', async ({ page }) => {
  await page.getByRole('button', { name: '新建空白' }).click()
  await expect.poll(async () => (await getSummary(page)).sections.length).toBe(0)
  await expect(content(page).locator('.zj-title')).toHaveClass(/zj-empty/)
  await focusEditor(page)
  await compose(page, ['s', 'shif', 'shifan'], '示范')
  await compose(page, ['x', 'xian'], '县')
  await page.keyboard.insertText('2024')
  await compose(page, ['n', 'nian'], '年')
  await compose(page, ['g', 'gongzuo', 'gongzuozongjie'], '工作总结')
  expect((await getSummary(page)).title).toBe('示范县2024年工作总结')
  await expect(content(page).locator('.zj-title')).toHaveText('示范县2024年工作总结')
  await expect(content(page).locator('.zj-title')).not.toHaveClass(/zj-empty/)
})

// Blocks drawn on the line of the block before (items written together, the body after a run-in
// heading): before, the browser took the start of the new block for the end of the one before,
// and what the writer typed or composed after Enter went there.
const together = `示范县民政局2024年上半年工作总结

一、主要工作
（一）兜底保障。一是完善低保管理；二是用好临时救助。
二、存在的问题
一是力量不足；二是供给不均。
`

for (const how of ['typed', 'composed'] as const) {
  test(`Enter in items written together, then ${how}: the text goes into the new item`, async ({ page }) => {
    await openWith(page, together)
    await placeCursor(page, '力量', 'end')
    await press(page, 'Enter')
    if (how === 'typed') await typeText(page, '新')
    else await compose(page, ['x', 'xin'], '新')
    const items = (await getSummary(page)).sections[1]!.body[0]
    expect(items).toMatchObject({ type: 'workItems', items: [{ text: '力量' }, { text: '新不足；' }, { text: '供给不均。' }] })
  })

  test(`Enter at the end of a run-in heading, then ${how}: the text opens the body`, async ({ page }) => {
    await openWith(page, together)
    await placeCursor(page, '兜底保障', 'end')
    await press(page, 'Enter')
    if (how === 'typed') await typeText(page, '新')
    else await compose(page, ['x', 'xin'], '新')
    const section = (await getSummary(page)).sections[0]!.sections[0]!
    expect(section.title).toBe('兜底保障')
    expect(section.body[0]).toMatchObject({ type: 'paragraph', text: '新' })
  })
}

// A list whose items come onto one line after it was drawn (switched to written together, or
// brought up to a run-in heading's line when the paragraph between goes): its items are drawn anew
// with their caret stops, and what is typed or composed at the start of one goes into it.
const apart = `示范县民政局2024年上半年工作总结

一、主要工作
一是完善低保管理。
二是用好临时救助。
（一）兜底保障。做好兜底。
一是建设站点。
二是培训护理员。
`

for (const how of ['typed', 'composed'] as const) {
  const write = (page: Page) => (how === 'typed' ? typeText(page, '新') : compose(page, ['x', 'xin'], '新'))

  test(`a list switched to items written together, then ${how} at the start of its second item: the text goes there`, async ({ page }) => {
    await openWith(page, apart)
    await placeCursor(page, '完善', 'start')
    await page.locator('zongjie-editor .toolbar button', { hasText: '连写/分段' }).click()
    await expect.poll(async () => (await getSummary(page)).sections[0]!.body[0]).toMatchObject({ layout: 'joined' })
    await placeCursor(page, '用好', 'start')
    await write(page)
    expect((await getSummary(page)).sections[0]!.body[0]).toMatchObject({ items: [{ text: '完善低保管理。' }, { text: '新用好临时救助。' }] })
  })

  test(`a list brought onto a run-in heading's line, then ${how} at the start of its second item: the text goes there`, async ({ page }) => {
    await openWith(page, apart)
    const from = await placeCursor(page, '做好兜底', 'start')
    await selectRange(page, from, from + '做好兜底。'.length)
    await press(page, 'Backspace')
    await press(page, 'Delete')
    const section = () => getSummary(page).then((s) => s.sections[0]!.sections[0]!)
    await expect.poll(async () => (await section()).body.map((b) => b.type)).toEqual(['workItems'])
    await placeCursor(page, '培训', 'start')
    await write(page)
    expect((await section()).body[0]).toMatchObject({ items: [{ text: '建设站点。' }, { text: '新培训护理员。' }] })
  })
}

// Text that comes with no key press (an input method committing at once, as it does punctuation;
// an emoji or handwriting panel; dictation: CDP's Input.insertText) over a selection across blocks
// goes in as a typed key's: the browser's own edit across the blocks lost the fields' units and
// values after it.
test('text committed with no key press over a selection across items replaces it; the fields after keep their units and values', async ({ page }) => {
  await openWith(page, `示范县民政局2024年上半年工作总结

一、主要工作
一是建设社区养老服务站。
二是实施居家适老化改造，为X户困难老年人家庭完成改造，培育社区社会组织15家。
`)
  const from = await placeCursor(page, '社区养老', 'start')
  const to = await placeCursor(page, '居家适老化', 'start')
  await selectRange(page, from, to)
  await page.keyboard.insertText('、')
  await expect.poll(async () => (await getSummary(page)).sections[0]!.body[0]).toMatchObject({
    items: [{ text: '建设、居家适老化改造，为X户困难老年人家庭完成改造，培育社区社会组织15家。' }],
  })
  const summary = await getSummary(page)
  expect(summary.metrics.map((m) => [m.text, m.unit, m.value])).toEqual([
    ['X户', '户', null],
    ['15家', '家', 15],
  ])
})

// The stop of a run-in heading is drawn by the editor: 。 typed or composed at the heading's end
// goes on into the body on its line, rather than into the title, where it showed twice.
for (const how of ['typed', 'composed'] as const) {
  test(`。 ${how} at the end of a run-in heading goes on into its body: one stop, the title as it was`, async ({ page }) => {
    await openWith(page, together)
    await placeCursor(page, '兜底保障', 'end')
    if (how === 'typed') await typeText(page, '。')
    else await compose(page, ['。'], '。')
    await typeText(page, '新')
    const section = (await getSummary(page)).sections[0]!.sections[0]!
    expect(section.title).toBe('兜底保障')
    expect(section.body[0]).toMatchObject({ type: 'workItems', items: [{ text: '新完善低保管理；' }, { text: '用好临时救助。' }] })
    expect(await textLines(page)).toContain('（一）兜底保障。一是新完善低保管理；二是用好临时救助。')
  })
}

test('Backspace right after 。 moved the caret past a run-in heading\'s stop does not put the 。 into the title', async ({ page }) => {
  await openWith(page, together)
  await placeCursor(page, '兜底保障', 'end')
  await typeText(page, '。')
  await press(page, 'Backspace')
  const section = (await getSummary(page)).sections[0]!.sections[0]!
  expect(section.title).not.toMatch(/。/)
  expect(await textLines(page)).not.toContainEqual(expect.stringContaining('。。'))
})

// A run-in title is its section's first sentence: Backspace at the start of the body takes the
// drawn stop away (the body's first sentence joins the title), and a selection from the title into
// the body typed over leaves the title one sentence; before, the body's stop went into the title
// and showed twice.
const runInBody = `示范县民政局2024年上半年工作总结

一、主要工作
（一）兜底保障。做好兜底工作。加强临时救助。
`

test('Backspace at the start of a run-in body joins its first sentence to the title: one stop, the rest still the body', async ({ page }) => {
  await openWith(page, runInBody)
  await placeCursor(page, '做好', 'start')
  await press(page, 'Backspace')
  const section = (await getSummary(page)).sections[0]!.sections[0]!
  expect(section.title).toBe('兜底保障做好兜底工作')
  expect(section.body).toMatchObject([{ type: 'paragraph', text: '加强临时救助。' }])
  expect(await textLines(page)).toContain('（一）兜底保障做好兜底工作。加强临时救助。')
  await expect(content(page).locator('.zj-heading', { hasText: '兜底保障' })).not.toContainText('。')
  // One undo puts the stop back.
  await press(page, 'Control+z')
  expect(await textLines(page)).toContain('（一）兜底保障。做好兜底工作。加强临时救助。')
})

for (const how of ['typed', 'composed'] as const) {
  test(`a selection from a run-in title into its body, ${how} over: the title stays one sentence`, async ({ page }) => {
    await openWith(page, runInBody)
    const from = await placeCursor(page, '保障', 'start')
    const to = await placeCursor(page, '兜底工作', 'start')
    await selectRange(page, from, to)
    if (how === 'typed') await typeText(page, '新')
    else await compose(page, ['x', 'xin'], '新')
    const section = (await getSummary(page)).sections[0]!.sections[0]!
    expect(section.title).toBe('兜底新兜底工作')
    expect(section.body).toMatchObject([{ type: 'paragraph', text: '加强临时救助。' }])
    expect(await textLines(page)).not.toContainEqual(expect.stringContaining('。。'))
  })
}

for (const how of ['typed', 'composed'] as const) {
  test(`。 ${how} inside a run-in title ends the title there; the rest starts the body with the stop that was drawn after it`, async ({ page }) => {
    await openWith(page, runInBody)
    await placeCursor(page, '保障', 'start')
    if (how === 'typed') await typeText(page, '。')
    else await compose(page, ['。'], '。')
    const section = () => getSummary(page).then((s) => s.sections[0]!.sections[0]!)
    await expect.poll(async () => (await section()).title).toBe('兜底')
    expect((await section()).body).toMatchObject([{ type: 'paragraph', text: '保障。做好兜底工作。加强临时救助。' }])
    expect(await textLines(page)).toContain('（一）兜底。保障。做好兜底工作。加强临时救助。')
  })
}

test('suggestions accepted leave a run-in title one sentence', async ({ page }) => {
  await openWith(page, runInBody)
  await setUser(page, { id: 'zhang', name: '张三' })
  await editor(page).locator('.toolbar').getByRole('button', { name: '修订', exact: true }).click()
  const from = await placeCursor(page, '保障', 'start')
  const to = await placeCursor(page, '兜底工作', 'start')
  await selectRange(page, from, to)
  await typeText(page, '新')
  await expect.poll(async () => (await getSummary(page)).suggestions?.length ?? 0).toBeGreaterThan(0)
  await editor(page).locator('[part="suggestions"]').getByRole('button', { name: '全部接受' }).click()
  const section = () => getSummary(page).then((s) => s.sections[0]!.sections[0]!)
  await expect.poll(async () => (await section()).title).toBe('兜底新兜底工作')
  expect((await section()).body).toMatchObject([{ type: 'paragraph', text: '加强临时救助。' }])
  expect(await textLines(page)).not.toContainEqual(expect.stringContaining('。。'))
})

test('a heading composed as 存在的问题 (its section becoming the problems section), then Enter: the next compositions keep every character once', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['san'], '三、')
  await compose(page, ['cunzai', '存在的'], '存在的问题')
  await expect.poll(async () => (await getSummary(page)).sections[2]?.role).toBe('problems')
  await press(page, 'Enter')
  // Two steps before the commit: the section drawn anew after the heading's commit made the
  // second step start a composition of its own, the first character doubled (人人手不足).
  await compose(page, ['r', '人', '人手'], '人手不足。')
  await compose(page, ['j', '经', '经费'], '经费紧张。')
  let summary = await getSummary(page)
  expect(summary.sections[2]).toMatchObject({ role: 'problems', title: '存在的问题', body: [{ type: 'paragraph', text: '人手不足。经费紧张。' }] })
  // In the heading itself, after its section changed kind.
  await placeCursor(page, '存在的问题', 'end')
  await compose(page, ['j', '及', '及原'], '及原因')
  summary = await getSummary(page)
  expect(summary.sections[2]!.title).toBe('存在的问题及原因')
})

test('（一）加强救助。一是开展排查。 composed on one line: a run-in section whose body is that work item; Enter, then 二是 composed by habit: the ordinal once', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['yi'], '（一）')
  await compose(page, ['jiaqiang', '加强'], '加强救助。')
  await compose(page, ['yishi', '一是开展'], '一是开展排查。')
  let section = (await getSummary(page)).sections[1]!.sections[0]!
  expect(section).toMatchObject({ number: '（一）', title: '加强救助', runIn: true, body: [{ type: 'workItems', items: [{ ordinal: '一是', text: '开展排查。' }] }] })
  await press(page, 'Enter')
  await compose(page, ['ershi', '二是发放'], '二是发放资金')
  section = (await getSummary(page)).sections[1]!.sections[0]!
  expect(section.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '开展排查。' }, { ordinal: '二是', text: '发放资金' }] }])
  expect((await shownNumbers(page)).items).toEqual(['一是开展排查。', '二是发放资金'])
})

test('（一）加强救助。一是完善低保；二是落实救助。 composed on one line: a run-in section whose body is two work items run together, as the importer reads the line', async ({ page }) => {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['yi'], '（一）')
  await compose(page, ['jiaqiang', '加强'], '加强救助。')
  await compose(page, ['yishi', '一是完善'], '一是完善低保；')
  await compose(page, ['ershi', '二是落实'], '二是落实救助。')
  const section = (await getSummary(page)).sections[1]!.sections[0]!
  expect(section).toMatchObject({ title: '加强救助', runIn: true, body: [{ type: 'workItems', layout: 'joined', items: [{ ordinal: '一是', text: '完善低保；' }, { ordinal: '二是', text: '落实救助。' }] }] })
  expect(await textLines(page)).toContain('（一）加强救助。一是完善低保；二是落实救助。')
  // The next composition goes on in the second item, each character once.
  await compose(page, ['quanmian', '全面'], '全面')
  expect((await getSummary(page)).sections[1]!.sections[0]!.body).toMatchObject([{ items: [{ text: '完善低保；' }, { text: '落实救助。全面' }] }])
})

/** A new line after a `（一）登记` section made in 二、社会事务's body, through the input method: where a `1.` heading is typed. */
async function newSubsectionLine(page: Page) {
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await compose(page, ['yi'], '（一）')
  await compose(page, ['dengji'], '登记')
  await press(page, 'Enter')
}

test('1、 typed, then the title composed: a 1. section; Enter after a work item, then （二） and its title committed whole: the list ends, a （二） section follows', async ({ page }) => {
  await newSubsectionLine(page)
  await typeText(page, '1、')
  await compose(page, ['zuzhi', '组织'], '组织动员')
  let sections = (await getSummary(page)).sections[1]!.sections
  expect(sections[0]!.sections.map((s) => [s.number, s.title])).toEqual([['1.', '组织动员']])
  await press(page, 'Enter')
  await compose(page, ['yishi'], '一是开展排查。')
  await press(page, 'Enter')
  await compose(page, ['er', '（二）完善'], '（二）完善保障')
  sections = (await getSummary(page)).sections[1]!.sections
  expect(sections.map((s) => [s.number, s.title])).toEqual([['（一）', '登记'], ['（二）', '完善保障']])
  expect(sections[0]!.sections[0]!.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '开展排查。' }] }])
})

// Before, the number made a heading as soon as it was typed: 1.5万亩… gave the heading 1. with 5万亩…, 一、二季度… the heading 一、 with 二季度….
for (const [line, number, words] of [
  ['1.5万亩高标准农田已建成。', '1.5', '万亩高标准农田已建成。'],
  ['一、二季度，全市完成投资。', '一、', '二季度，全市完成投资。'],
] as const) {
  test(`${line} at the start of a new paragraph, ${number} typed and the words composed: a paragraph, as the importer reads the line`, async ({ page }) => {
    await placeCursor(page, '办理婚姻登记。', 'end')
    await press(page, 'Enter')
    // The numeral of 一、 through the input method, its mark (and the digits) from the keyboard.
    if (number === '一、') await compose(page, ['yi'], '一')
    await typeText(page, number === '一、' ? '、' : number)
    await compose(page, ['x', words.slice(0, 2)], words)
    const summary = await getSummary(page)
    expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务'])
    expect(summary.sections[1]!.body).toMatchObject([{ type: 'paragraph', text: '办理婚姻登记。' }, { type: 'paragraph', text: line }])
    expect(await textLines(page)).toContain(line)
    // The caret at the end of the line: what is typed next goes on there.
    await typeText(page, '好')
    expect((await getSummary(page)).sections[1]!.body[1]).toMatchObject({ text: line + '好' })
  })
}

test('1. typed, then the title composed: a 1. section, the caret after the title', async ({ page }) => {
  await newSubsectionLine(page)
  await typeText(page, '1.')
  // Alone, `1.` stays as typed: what follows says whether it is a heading (`1.5万` is a number).
  expect((await getSummary(page)).sections[1]!.sections[0]!.sections).toEqual([])
  await compose(page, ['zuzhi', '组织'], '组织动员')
  expect((await getSummary(page)).sections[1]!.sections[0]!.sections.map((s) => [s.number, s.title])).toEqual([['1.', '组织动员']])
  await typeText(page, '工作')
  expect((await getSummary(page)).sections[1]!.sections[0]!.sections.map((s) => s.title)).toEqual(['组织动员工作'])
})
