/**
 * Suggestions (修订) on the demo page. With 修订 on, what 张三 types is a suggested insertion and
 * what he deletes stays, struck out; a metric's new value keeps the old one beside it; an input
 * method's composition becomes one insertion of the committed text, never the pinyin (over a
 * selection across paragraphs or over a field too, the selection struck out); text typed or
 * composed inside words another reviewer suggested deleting is an insertion only, where the caret
 * was; text typed or composed after Backspace suggested joining two paragraphs goes in where the
 * caret is, the join still suggested; a number
 * typed at the start of a new paragraph makes its structure as a suggestion, or stays as typed
 * where suggestions cannot say that structure; 。 typed after a run-in heading with no body starts a
 * suggested body, and what is typed next goes into it, one insertion; Delete at the end of a run-in
 * title joins the body as a suggestion, the plain text reading it accepted. 李四 then accepts one, rejects one, replies to
 * 张三's comment and resolves it; panel and text show exactly that. Words 张三 suggested that 李四
 * deletes stay, underlined and struck out, 李四's deletion his own suggestion, which taking back
 * leaves 张三's whole. In review mode every change is
 * a suggestion and a reviewer only withdraws their own; reading only, comments and suggestions are
 * listed with no action.
 */
import type { Page } from '@playwright/test'
import { test, expect, openWith, editor, content, placeCursor, focusEditor, press, typeText, startComposition, getSummary, getText, validate, docText, shownNumbers, setUser, reviewDraft, summaryOf, selectRange, positionOf, fieldPositions } from './helpers.ts'

const draft = reviewDraft

const zhang = { id: 'zhang', name: '张三', role: '办公室' }
const li = { id: 'li', name: '李四', role: '科长' }

/** The suggestions as the Summary JSON lists them: kind and author's name. */
async function suggestions(page: Page): Promise<[string, string][]> {
  return ((await getSummary(page)).suggestions ?? []).map((s) => [s.kind, s.author.name])
}

/** What the text shows as inserted and as deleted. */
async function marked(page: Page): Promise<{ inserted: string[]; deleted: string[] }> {
  return {
    inserted: await content(page).locator('ins.zj-insertion').allTextContents(),
    deleted: await content(page).locator('del.zj-deletion').allTextContents(),
  }
}

/** The end of the summary as the Summary JSON has it: the last section's paragraphs, the closing's, the sign-off (the anchors of suggested lines left out). */
async function endOf(page: Page): Promise<{ plans: string[]; closing: string[]; signOff: unknown }> {
  const summary = await getSummary(page)
  const lines = (blocks: typeof summary.closing) => blocks.map((b) => (b.type === 'paragraph' ? b.text.replaceAll('\u200b', '') : b.type))
  return { plans: lines(summary.sections.at(-1)!.body), closing: lines(summary.closing), signOff: summary.signOff }
}

/** The headings with their numbers as shown (the invisible anchors of suggested blocks left out). */
async function headings(page: Page): Promise<string[]> {
  return (await shownNumbers(page)).headings.map((h) => h.replaceAll('\u200b', ''))
}

const toggle = (page: Page) => editor(page).locator('.toolbar').getByRole('button', { name: '修订', exact: true })
const panel = (page: Page) => editor(page).locator('[part="suggestions"]')

/** Signs in as `user` and turns 修订 on from the toolbar. */
async function suggestAs(page: Page, user: typeof zhang): Promise<void> {
  await setUser(page, user)
  await toggle(page).click()
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true')
}

/** Delete at the end of the run-in title `（一）加强管理。`, in suggestion mode: one suggested deletion of its stop, the text reading the title joined to its body. */
async function deleteAtTitleEnd(page: Page): Promise<void> {
  await placeCursor(page, '加强管理', 'end')
  await press(page, 'Delete')
  await expect.poll(() => suggestions(page)).toEqual([['delete', '张三']])
  expect(await getText(page)).toContain('（一）加强管理加大投入力度。完善制度。\n')
}

test('an input method in suggestion mode: one insertion of exactly the committed text, taken back by one undo', async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)
  await placeCursor(page, '稳步推进')
  const ime = await startComposition(page)
  for (const step of ['n', 'ni', 'nih', 'niha', 'nihao']) await ime.step(step)
  // While composing, the pinyin is the input method's, not yet a suggestion.
  expect(await suggestions(page)).toEqual([])
  await ime.step('你好')
  await ime.commit('你好')
  await expect.poll(() => suggestions(page)).toEqual([['insert', '张三']])
  expect(await marked(page)).toEqual({ inserted: ['你好'], deleted: [] })
  const text = await docText(page)
  expect(text).toContain('稳步推进你好各项工作')
  expect(text).not.toMatch(/[a-z]/)
  const runs = (await getSummary(page)).preamble[0]!
  expect(runs).toMatchObject({ runs: [{ text: '上半年，我局稳步推进' }, { text: '你好', inserted: expect.any(String) }, { text: '各项工作。' }] })
  await expect(panel(page).locator('.suggestion .text')).toHaveText(['你好'])

  // One undo takes the composition back whole, its suggestion with it; redo brings both back.
  await press(page, 'Control+z')
  await expect.poll(() => docText(page)).toContain('稳步推进各项工作')
  expect(await suggestions(page)).toEqual([])
  expect(await marked(page)).toEqual({ inserted: [], deleted: [] })
  await press(page, 'Control+Shift+z')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['你好'], deleted: [] })
  expect(await suggestions(page)).toEqual([['insert', '张三']])

  // Typing on after it continues the same suggestion (a later undo step: the checks above took
  // longer than the pause that ends one).
  await page.keyboard.type('们')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['你好们'], deleted: [] })
  expect(await suggestions(page)).toEqual([['insert', '张三']])
})

test('two writers in turn: 张三 suggests and comments, 李四 accepts one, rejects one, replies and resolves', async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)

  // 张三: an insertion, a deletion, a metric's new value.
  await placeCursor(page, '我局')
  await page.keyboard.type('全面')
  await placeCursor(page, '各项工作', 'start')
  for (let i = 0; i < 2; i++) await press(page, 'Shift+ArrowRight')
  await press(page, 'Backspace')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['全面'], deleted: ['各项'] })
  await content(page).locator('.zj-metric').first().click()
  const input = content(page).locator('.zj-field-input')
  await expect(input).toBeFocused()
  await page.keyboard.press('Control+a')
  await page.keyboard.type('8')
  await page.keyboard.press('Enter')
  await expect(input).toHaveCount(0)
  await expect(content(page).locator('.zj-previous')).toHaveText('6个')
  await expect(content(page).locator('.zj-modification .zj-metric')).toHaveText('8个')
  expect(await suggestions(page)).toEqual([['insert', '张三'], ['delete', '张三'], ['field', '张三']])
  await expect(panel(page).locator('.suggestion .kind')).toHaveText(['插入', '删除', '修改数值'])
  await expect(panel(page).locator('.suggestion .author').first()).toHaveText('张三（办公室）')

  // 张三 comments on 力量不足.
  await placeCursor(page, '力量不足', 'start')
  for (let i = 0; i < 4; i++) await press(page, 'Shift+ArrowRight')
  const comments = editor(page).locator('[part="comments"]')
  await comments.getByRole('button', { name: '添加批注' }).click()
  await page.keyboard.type('请补充具体措施')
  await comments.getByRole('button', { name: '确定' }).click()
  await expect(comments.locator('.thread')).toHaveCount(1)
  // A comment is no suggestion.
  expect(await suggestions(page)).toHaveLength(3)

  // 李四 accepts the insertion, rejects the deletion, replies and resolves.
  await setUser(page, li)
  const items = panel(page).locator('.suggestion')
  await items.filter({ hasText: '全面' }).getByRole('button', { name: '接受' }).click()
  await expect(items).toHaveCount(2)
  await items.filter({ hasText: '各项' }).getByRole('button', { name: '拒绝' }).click()
  await expect(items).toHaveCount(1)
  await expect(items.locator('.kind')).toHaveText(['修改数值'])
  await expect(panel(page).locator('.panel-title > span')).toHaveText('修订（1 处待处理）')
  expect(await marked(page)).toEqual({ inserted: [], deleted: [] })
  expect(await docText(page)).toContain('我局全面稳步推进各项工作。')
  const thread = comments.locator('.thread')
  await thread.getByRole('button', { name: '回复' }).click()
  await page.keyboard.type('已补充')
  await thread.getByRole('button', { name: '发送' }).click()
  await expect(thread.locator('.reply .text')).toHaveText(['已补充'])
  await thread.getByRole('button', { name: '解决' }).click()
  await expect(thread).toHaveClass(/resolved/)

  const summary = await getSummary(page)
  expect(summary.suggestions?.map((s) => [s.kind, s.author.name])).toEqual([['field', '张三']])
  expect(summary.comments).toMatchObject([{ text: '请补充具体措施', resolved: true, author: { name: '张三' }, replies: [{ text: '已补充', author: { name: '李四' } }] }])
  // Plain text reads with the remaining suggestion accepted.
  expect(await getText(page)).toContain('新建社区养老服务站8个。')
  expect(await getText(page)).toContain('我局全面稳步推进各项工作。')
})

test("李四 deleting words 张三 suggested: they stay, underlined in 张三's colour and struck out in 李四's, each suggestion settled on its own", async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)
  await placeCursor(page, '我局')
  await page.keyboard.type('全面深入')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['全面深入'], deleted: [] })

  await setUser(page, li)
  await placeCursor(page, '深入', 'start')
  for (let i = 0; i < 2; i++) await press(page, 'Shift+ArrowRight')
  await press(page, 'Backspace')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['全面深入'], deleted: ['深入'] })
  const nested = content(page).locator('ins.zj-insertion del.zj-deletion')
  const colour = (selector: string) => content(page).locator(selector).first().evaluate((e) => getComputedStyle(e).color)
  expect(await colour('ins.zj-insertion')).not.toBe(await colour('ins.zj-insertion del.zj-deletion'))
  await expect(nested).toHaveCSS('text-decoration-line', 'line-through')
  expect(await suggestions(page)).toEqual([['insert', '张三'], ['delete', '李四']])
  const items = panel(page).locator('.suggestion')
  await expect(items.locator('.kind')).toHaveText(['插入', '删除'])
  expect(await getText(page)).toContain('我局全面稳步推进')

  // 李四 takes his deletion back: 张三's insertion is whole again, still to settle.
  await items.filter({ hasText: '李四' }).getByRole('button', { name: /拒绝|撤回/ }).click()
  await expect.poll(() => marked(page)).toEqual({ inserted: ['全面深入'], deleted: [] })
  expect(await suggestions(page)).toEqual([['insert', '张三']])
  expect(await getText(page)).toContain('我局全面深入稳步推进')
})

test('the text shown as final or as original; a new section suggested is numbered, and accepting it renumbers', async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)
  await placeCursor(page, '稳步推进')
  await page.keyboard.type('全面')
  await placeCursor(page, '各项工作', 'start')
  for (let i = 0; i < 2; i++) await press(page, 'Shift+ArrowRight')
  await press(page, 'Delete')
  const opening = content(page).locator('.zj-preamble p').first()
  await expect(opening).toHaveText('上半年，我局稳步推进全面各项工作。')
  await panel(page).getByLabel('最终稿').check()
  await expect(opening).toHaveJSProperty('innerText', '上半年，我局稳步推进全面工作。')
  await panel(page).getByLabel('原稿').check()
  await expect(opening).toHaveJSProperty('innerText', '上半年，我局稳步推进各项工作。')
  await panel(page).getByLabel('修订标记').check()
  await expect(opening).toHaveJSProperty('innerText', '上半年，我局稳步推进全面各项工作。')

  // A new section typed with 二、 is a suggestion of the whole block, numbered at once.
  await placeCursor(page, '新建社区养老服务站', 'start')
  await press(page, 'End')
  await press(page, 'Enter')
  await page.keyboard.type('二、加强队伍建设')
  await expect.poll(() => headings(page)).toEqual(['一、主要工作', '二、加强队伍建设', '三、存在的问题'])
  await expect(content(page).locator('ins.zj-insertion > section')).toHaveText(['加强队伍建设\u200b'])
  // 全面 typed and 各项 deleted next to it are one replacement (各项 struck, 全面 in its place); the new section is another.
  await expect(panel(page).locator('.suggestion .text')).toHaveText(['全面', '加强队伍建设'])
  await expect(panel(page).locator('.suggestion .deleted')).toHaveText(['各项'])
  await expect(panel(page).locator('.suggestion .kind')).toHaveText(['替换', '插入'])
  // Rejecting it takes the section away; the numbers follow.
  await panel(page).locator('.suggestion').filter({ hasText: '加强队伍建设' }).getByRole('button', { name: '拒绝' }).click()
  await expect.poll(() => headings(page)).toEqual(['一、主要工作', '二、存在的问题'])
  await panel(page).getByRole('button', { name: '全部接受' }).click()
  await expect(panel(page).locator('.suggestion')).toHaveCount(0)
  expect(await getText(page)).toContain('上半年，我局稳步推进全面工作。')
})

test('review mode: every change is a suggestion, suggestion mode stays on, and a reviewer only withdraws their own', async ({ page }) => {
  await openWith(page, draft)
  await setUser(page, li)
  await page.evaluate(() => document.querySelector('zongjie-editor')!.setAttribute('mode', 'review'))
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true')
  await toggle(page).click()
  await expect(editor(page).locator('[part="hint"]')).toHaveText('审阅模式下所有修改均记为修订，不能关闭修订')
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true')
  await placeCursor(page, '力量不足')
  await page.keyboard.type('，人员紧张')
  await expect.poll(() => suggestions(page)).toEqual([['insert', '李四']])
  await expect(panel(page).getByRole('button', { name: '接受' })).toHaveCount(0)
  await expect(panel(page).getByRole('button', { name: '全部接受' })).toHaveCount(0)
  await panel(page).getByRole('button', { name: '撤回' }).click()
  await expect.poll(() => suggestions(page)).toEqual([])
  expect(await getText(page)).toContain('一是力量不足。')
})

test('suggestion mode without a user refuses edits and says why; reading only, comments and suggestions are listed with no action', async ({ page }) => {
  await openWith(page, draft)
  const errors = await page.evaluateHandle(() => {
    const seen: string[] = []
    document.querySelector('zongjie-editor')!.addEventListener('error', (e) => seen.push((e as CustomEvent<{ message: string }>).detail.message))
    return seen
  })
  await setUser(page, null)
  await page.evaluate(() => document.querySelector('zongjie-editor')!.setAttribute('suggesting', ''))
  await placeCursor(page, '稳步推进')
  await page.keyboard.type('全面')
  await expect(editor(page).locator('[part="hint"]')).toContainText('页面尚未设置当前用户')
  expect(await docText(page)).toContain('稳步推进各项工作')
  expect(await errors.evaluate((seen) => seen.length)).toBeGreaterThan(0)

  // A draft with a comment and a suggestion, read only.
  await setUser(page, zhang)
  await placeCursor(page, '稳步推进')
  await page.keyboard.type('全面')
  await expect.poll(() => suggestions(page)).toEqual([['insert', '张三']])
  await placeCursor(page, '力量不足', 'start')
  for (let i = 0; i < 4; i++) await press(page, 'Shift+ArrowRight')
  const comments = editor(page).locator('[part="comments"]')
  await comments.getByRole('button', { name: '添加批注' }).click()
  await page.keyboard.type('请核实')
  await comments.getByRole('button', { name: '确定' }).click()
  await expect(comments.locator('.thread')).toHaveCount(1)
  await page.evaluate(() => document.querySelector('zongjie-editor')!.setAttribute('readonly', ''))
  await expect(comments.locator('.thread .text')).toHaveText(['请核实'])
  await expect(comments.locator('.thread button:not(.quote)')).toHaveCount(0)
  await expect(comments.getByRole('button', { name: '添加批注' })).toHaveCount(0)
  await expect(panel(page).locator('.suggestion')).toHaveCount(1)
  await expect(panel(page).getByRole('button', { name: '接受' })).toHaveCount(0)
  await expect(panel(page).getByRole('button', { name: '拒绝' })).toHaveCount(0)
  await expect(toggle(page)).toBeDisabled()
  await panel(page).locator('.suggestion .quote').click()
  await expect(content(page).locator('ins.zj-insertion')).toHaveText('全面')
})

test('in suggestion mode, a phrase an input method commits whole with its number goes in as it stands, as one insertion', async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)
  await placeCursor(page, '上半年，我局稳步推进各项工作。', 'end')
  await press(page, 'Enter')
  const ime = await startComposition(page)
  await ime.step('yishijiaqiang')
  await ime.step('一是加强管理')
  await ime.commit('一是加强管理')
  await expect.poll(() => docText(page)).toContain('一是加强管理')
  expect((await marked(page)).inserted.join('')).toContain('一是加强管理')
})

/** A draft with two paragraphs in a section, the first with a metric, for selections across them. */
const twoParagraphs = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、主要工作
新建社区养老服务站6个。
完善救助制度，提高保障水平。
`

// The selection is deleted as the composition starts: made a suggestion there (struck out, kept in
// the page), the browser composed beside it and the pinyin stayed in, 全面 reading quan全面.
for (const [what, select, committed, accepted] of [
  ['across two paragraphs', async (page: Page) => selectRange(page, await positionOf(page, '服务站'), await positionOf(page, '救助制度')), '全面', '新建社区养老全面救助制度，提高保障水平。'],
  ['over a metric field', async (page: Page) => selectRange(page, await positionOf(page, '服务站'), (await fieldPositions(page))[0]! + 1), '十处', '新建社区养老十处。'],
] as const) {
  test(`in suggestion mode, a composition over a selection ${what}: the selection struck out, the committed text inserted, no pinyin; one undo takes both back`, async ({ page }) => {
    await openWith(page, twoParagraphs)
    await suggestAs(page, zhang)
    await select(page)
    const ime = await startComposition(page)
    for (const step of ['s', 'sh', 'shi', committed]) await ime.step(step)
    await ime.commit(committed)
    await expect.poll(async () => (await marked(page)).inserted).toEqual([committed])
    expect((await marked(page)).deleted.join('')).toContain('服务站')
    expect(await docText(page)).not.toMatch(/[a-z]/)
    expect(await getText(page)).toContain(accepted)
    expect(await getText(page)).not.toMatch(/[a-z]/)
    expect((await suggestions(page)).every(([, author]) => author === '张三')).toBe(true)
    await expect(panel(page).locator('.suggestion .text')).not.toContainText([/[a-z]/])

    await press(page, 'Control+z')
    await expect.poll(() => suggestions(page)).toEqual([])
    expect(await marked(page)).toEqual({ inserted: [], deleted: [] })
    expect(await getText(page)).toContain('新建社区养老服务站6个。\n完善救助制度，提高保障水平。')
  })
}

// Typed inside the struck words, the text took their deletion mark: struck out in 张三's colour
// (the first key's, the whole composition), and gone when the suggestions were accepted; and it
// went in after them (稳步推进深入), not where the caret was.
for (const how of ['typed', 'composed'] as const) {
  test(`in suggestion mode, text ${how} inside words another reviewer suggested deleting is an insertion only, where the caret was: not struck out, kept when accepted`, async ({ page }) => {
    await openWith(page, draft)
    await suggestAs(page, li)
    const from = await positionOf(page, '稳步推进')
    await selectRange(page, from, from + 4)
    await press(page, 'Backspace')
    await expect.poll(() => marked(page)).toEqual({ inserted: [], deleted: ['稳步推进'] })
    await setUser(page, zhang)
    await selectRange(page, from + 2)
    if (how === 'typed') await typeText(page, '深入')
    else {
      const ime = await startComposition(page)
      for (const step of ['shen', 'shenru', '深入']) await ime.step(step)
      await ime.commit('深入')
    }
    await expect.poll(() => marked(page)).toEqual({ inserted: ['深入'], deleted: ['稳步', '推进'] })
    await expect(content(page).locator('p', { hasText: '深入' })).toHaveText('上半年，我局稳步深入推进各项工作。')
    await expect(content(page).locator('ins.zj-insertion del, del.zj-deletion ins')).toHaveCount(0)
    expect(await suggestions(page)).toEqual([['delete', '李四'], ['insert', '张三']])
    expect(await getText(page)).toContain('我局深入各项工作。')
    await panel(page).getByRole('button', { name: '全部接受' }).first().click()
    await expect.poll(() => docText(page)).toContain('我局深入各项工作。')
  })
}

// Backspace suggested the join and left the caret at the end of the paragraph before, after the
// join's invisible marker: what was typed there was put after the join, which then could not be
// said, and every character was refused.
for (const how of ['typed', 'composed'] as const) {
  test(`in suggestion mode, Backspace at the start of a paragraph, then text ${how}: it goes in where the caret is, an insertion, the join still suggested`, async ({ page }) => {
    await openWith(page, twoParagraphs)
    await suggestAs(page, zhang)
    await placeCursor(page, '完善', 'start')
    await press(page, 'Backspace')
    await expect.poll(() => suggestions(page)).toEqual([['delete', '张三']])
    if (how === 'typed') await typeText(page, '进一步')
    else {
      const ime = await startComposition(page)
      for (const step of ['j', 'jin', 'jinyibu', '进一步']) await ime.step(step)
      await ime.commit('进一步')
    }
    await expect.poll(async () => (await marked(page)).inserted).toEqual(['进一步'])
    expect(await suggestions(page)).toEqual([['delete', '张三'], ['insert', '张三']])
    const lines = async () => (await content(page).locator('p').allTextContents()).map((t) => t.replaceAll('\u200b', ''))
    expect(await lines()).toEqual(expect.arrayContaining(['新建社区养老服务站6个。进一步', '完善救助制度，提高保障水平。']))
    await expect(editor(page).locator('[part="hint"]')).toHaveCount(0)
    expect(await getText(page)).toContain('新建社区养老服务站6个。进一步完善救助制度，提高保障水平。')
    // Typing goes on after it.
    await typeText(page, '健全')
    await expect.poll(async () => (await marked(page)).inserted).toEqual(['进一步健全'])
    await panel(page).getByRole('button', { name: '全部接受' }).first().click()
    await expect.poll(() => getText(page)).toContain('新建社区养老服务站6个。进一步健全完善救助制度，提高保障水平。')
  })
}

// Typed while what records suggestions was still loading, keys went nowhere and nothing said so.
test('in suggestion mode just turned on, what is typed before it has loaded is not made, and the writer is told; once loaded, typing is suggested', async ({ page }) => {
  let release!: () => void
  const released = new Promise<void>((ok) => (release = ok))
  await page.route('**/plugins/suggesting.ts*', async (route) => {
    await released
    await route.continue()
  })
  await openWith(page, twoParagraphs)
  await setUser(page, zhang)
  await placeCursor(page, '完善', 'start')
  await toggle(page).click()
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true')
  await placeCursor(page, '完善', 'start')
  await typeText(page, '进')
  await expect(editor(page).locator('[part="hint"]')).toHaveText('修订功能正在载入，此修改未执行，请稍候再改')
  expect(await docText(page)).toContain('服务站。完善救助制度')
  release()
  await expect.poll(async () => {
    await typeText(page, '进')
    return (await marked(page)).inserted.join('')
  }).toContain('进')
})

/** A draft whose opening and first section go on after the paragraph the writer breaks. */
const fullerDraft = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。全局上下团结一心。

一、主要工作
新建社区养老服务站。
完善救助制度。
一是加强监管。
二、存在的问题
一是力量不足。
`

test('in suggestion mode, a number typed key by key at the start of a new paragraph loses nothing: where suggestions cannot say the structure, the text stays as typed', async ({ page }) => {
  await openWith(page, fullerDraft)
  await suggestAs(page, zhang)
  const shown = async () => (await docText(page)).replaceAll('\u200b', '')

  // A paragraph broken before text that was there: made a work item or a section, that text would
  // change with it, which suggestions cannot say; the number stays as typed, a suggested insertion.
  for (const typed of ['一是加强管理', '二、加强管理']) {
    await placeCursor(page, '全局上下团结一心。', 'start')
    await press(page, 'Enter')
    await typeText(page, typed)
    await expect.poll(shown).toContain(`各项工作。${typed}全局上下团结一心。`)
    expect((await marked(page)).inserted.join('')).toContain(typed)
    expect(await headings(page)).toEqual(['一、主要工作', '二、存在的问题'])
    for (let i = 0; i < 2; i++) await press(page, 'Control+z')
    await expect.poll(shown).toContain('各项工作。全局上下团结一心。')
  }

  // （一） after a paragraph the section goes on from: the subsection would take what follows.
  await placeCursor(page, '新建社区养老服务站。', 'end')
  await press(page, 'Enter')
  await typeText(page, '（一）加强管理')
  await expect.poll(shown).toContain('新建社区养老服务站。（一）加强管理完善救助制度。')
  expect((await marked(page)).inserted.join('')).toContain('（一）加强管理')
  expect(await headings(page)).toEqual(['一、主要工作', '二、存在的问题'])

  // Where suggestions can say it, the number still makes the structure, as a suggestion.
  await placeCursor(page, '完善救助制度。', 'end')
  await press(page, 'Enter')
  await typeText(page, '一是加强管理')
  await expect.poll(async () => (await shownNumbers(page)).items.map((i) => i.replaceAll('\u200b', ''))).toEqual(['一是加强管理', '二是加强监管。', '一是力量不足。'])
  expect(await shown()).not.toContain('一是加强管理')
})

test('in suggestion mode, 。 typed at the end of a run-in heading with no body starts the body, and what is typed next goes there as a suggestion', async ({ page }) => {
  // （一）加强管理。 with nothing after it on its line: a run-in section with no body yet.
  const summary = summaryOf(`示范县民政局2024年上半年工作总结

一、主要工作
（一）加强管理
二、存在的问题
一是力量不足。
`)
  Object.assign(summary.sections[0]!.sections[0]!, { runIn: true })
  await openWith(page, summary)
  await suggestAs(page, zhang)
  await placeCursor(page, '加强管理', 'end')
  await typeText(page, '。')
  await typeText(page, '加大投入')
  await expect.poll(async () => (await marked(page)).inserted.join('')).toContain('加大投入')
  const sections = (await getSummary(page)).sections
  expect(sections.map((s) => s.title)).toEqual(['主要工作', '存在的问题'])
  expect(sections[0]!.sections[0]).toMatchObject({ title: '加强管理', runIn: true, body: [{ type: 'paragraph', text: '加大投入' }] })
  // The new body with the text in it is one suggested insertion of 张三's; nothing else changed.
  expect(await suggestions(page)).toEqual([['insert', '张三']])
  await expect(content(page).locator('.zj-heading', { hasText: '存在的问题' })).toHaveText('存在的问题')
  // Rejected, it leaves the section as it was and no suggestion behind.
  await panel(page).getByRole('button', { name: '拒绝', exact: true }).click()
  await expect.poll(() => suggestions(page)).toEqual([])
  expect((await getSummary(page)).sections[0]!.sections[0]).toMatchObject({ title: '加强管理', runIn: true, body: [] })
})

test('in suggestion mode, Delete at the end of a run-in title joins its body as a suggestion; the plain text reads it accepted, the stop once', async ({ page }) => {
  const summary = summaryOf(`示范县民政局2024年上半年工作总结

一、主要工作
（一）加强管理。加大投入力度。
完善制度。
二、存在的问题
一是力量不足。
`)
  await openWith(page, summary)
  await suggestAs(page, zhang)
  await deleteAtTitleEnd(page)
  expect(await getText(page)).not.toContain('。。')
  // Accepted, the text reads the same.
  await panel(page).getByRole('button', { name: '全部接受' }).click()
  await expect.poll(() => suggestions(page)).toEqual([])
  expect(await getText(page)).toContain('（一）加强管理加大投入力度。完善制度。\n')
})

test('with 修订 on, the lines of an ending typed at the end stay paragraphs; 全部接受 with 修订 still on makes the closing and the sign-off, one undo takes both back', async ({ page }) => {
  await openWith(page, `${draft}三、下步打算
加强统计培训。
`)
  await suggestAs(page, zhang)
  await placeCursor(page, '加强统计培训。', 'end')
  const ending = ['总之，成效明显。', '示范县民政局', '2025年12月31日']
  for (const line of ending) {
    await press(page, 'Enter')
    await typeText(page, line)
  }
  const typed = { plans: ['加强统计培训。', ...ending], closing: [], signOff: undefined }
  // The lines of the plans, as what they are: suggestions cannot say a closing or a sign-off.
  await expect.poll(() => endOf(page)).toEqual(typed)
  expect(await suggestions(page)).not.toEqual([])
  await panel(page).getByRole('button', { name: '全部接受' }).click()
  await expect.poll(() => suggestions(page)).toEqual([])
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true')
  expect(await endOf(page)).toEqual({ plans: ['加强统计培训。'], closing: ['总之，成效明显。'], signOff: { organization: '示范县民政局', date: '2025年12月31日' } })
  expect(await getText(page)).toMatch(/加强统计培训。\n总之，成效明显。\n\n示范县民政局\n2025年12月31日\n$/)
  await expect(content(page).locator('.zj-sign-off .zj-organization')).toHaveText('示范县民政局')
  // One undo takes the accepting back whole: the suggestions and the lines where they were typed.
  await focusEditor(page)
  await press(page, 'Control+z')
  await expect.poll(() => endOf(page)).toEqual(typed)
  expect(await suggestions(page)).not.toEqual([])
})

test('in suggestion mode, Delete at the end of a run-in title whose body is one paragraph: the findings read the text accepted, no empty section', async ({ page }) => {
  await openWith(
    page,
    summaryOf(`示范县民政局2024年上半年工作总结

一、主要工作
（一）加强管理。加大投入力度。完善制度。
二、存在的问题
一是力量不足。
三、下步打算
一是加强培训。
`),
  )
  expect(await validate(page)).toEqual([])
  await suggestAs(page, zhang)
  await deleteAtTitleEnd(page)
  // As it reads accepted, the section has its body: nothing to find, as once it is accepted.
  expect(await validate(page)).toEqual([])
  await panel(page).getByRole('button', { name: '全部接受' }).click()
  await expect.poll(() => suggestions(page)).toEqual([])
  expect(await validate(page)).toEqual([])
})

/** A draft with two sections after the opening, for selections that cross a heading. */
const twoSections = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、兜底保障
完善救助制度，提高保障水平。

二、基层治理
按期完成换届选举。
`

// Typed over a selection from the opening into the first heading, or from a section's body into
// the next heading, the selection was deleted across the parts first and each of its pieces (the
// opening's words, the heading's, the paragraphs between) made a suggestion of its own, the typed
// text another, after the struck words (in the heading): one edit listed as three or more. Now the
// typed text replaces the words where the selection began; the heading's words struck from the
// opening are a suggestion apart (one with them, accepting would join the opening to the heading).
for (const [where, from, to, struck, entries, replaced] of [
  ['from the opening into the first heading', '稳步', '保障', ['稳步推进各项工作。', '兜底'], [['insert', '张三'], ['delete', '张三']], '稳步推进各项工作。'],
  ["from a section's body into the next heading", '提高', '治理', ['提高保障水平。', '基层'], [['insert', '张三']], '提高保障水平。基层'],
] as const) {
  for (const how of ['keys', 'typed', 'composed'] as const) {
    const typed = how === 'keys' ? '2025' : '全面'
    test(`in suggestion mode, text ${how} over a selection ${where}: a replacement, every piece struck, the text at its start; accepted as with 修订 off, rejected as before, one undo`, async ({ page }) => {
      await openWith(page, twoSections)
      const original = await getText(page)
      const titles = await headings(page)
      const over = async () => {
        await selectRange(page, await positionOf(page, from), await positionOf(page, to))
        if (how === 'composed') {
          const ime = await startComposition(page)
          for (const step of ['q', 'quan', 'quanmian', typed]) await ime.step(step)
          await ime.commit(typed)
        } else await typeText(page, typed)
      }
      // As with 修订 off.
      await over()
      const plain = await getText(page)
      expect(plain).toContain(`${from === '稳步' ? '上半年，我局' : '完善救助制度，'}${typed}`)
      await openWith(page, twoSections)
      await suggestAs(page, zhang)
      await over()
      await expect.poll(() => suggestions(page)).toEqual(entries)
      const { inserted, deleted } = await marked(page)
      expect(inserted).toEqual([typed])
      for (const words of struck) expect(deleted.join('')).toContain(words)
      // Nothing joined or taken away until accepted; the text inserted where the selection began.
      expect(await headings(page)).toEqual(titles)
      await expect(content(page).locator('p, h2, h3', { hasText: typed })).toContainText(from === '稳步' ? `上半年，我局${typed}稳步` : `完善救助制度，${typed}提高`)
      // The panel says what accepting does: these words go, that text comes in their place.
      await expect(panel(page).locator('.suggestion')).toHaveCount(entries.length)
      await expect(panel(page).locator('.suggestion .kind')).toHaveText(entries.length === 1 ? ['替换'] : ['替换', '删除'])
      await expect(panel(page).locator('.suggestion .deleted')).toHaveText([replaced])
      await expect(panel(page).locator('.suggestion .text').first()).toHaveText(typed)
      expect(await getText(page)).toBe(plain)

      // One undo takes it all back.
      await press(page, 'Control+z')
      await expect.poll(() => suggestions(page)).toEqual([])
      expect(await marked(page)).toEqual({ inserted: [], deleted: [] })
      expect(await getText(page)).toBe(original)

      // Rejected, the summary is as it was.
      await over()
      await expect.poll(() => suggestions(page)).toEqual(entries)
      await panel(page).getByRole('button', { name: '全部拒绝' }).first().click()
      await expect.poll(() => suggestions(page)).toEqual([])
      expect(await getText(page)).toBe(original)
      expect(await headings(page)).toEqual(titles)
    })
  }
}

// Typed inside one's own struck words, the text went on with that deletion, and the panel listed
// it as 删除 with the typed words struck out among the others: accepted, they stay.
test('in suggestion mode, text typed inside words one suggested deleting: the panel lists a replacement, the struck words and the words that take their place', async ({ page }) => {
  await openWith(page, draft)
  await suggestAs(page, zhang)
  const from = await positionOf(page, '稳步推进')
  await selectRange(page, from, from + 4)
  await press(page, 'Backspace')
  await expect.poll(() => marked(page)).toEqual({ inserted: [], deleted: ['稳步推进'] })
  await selectRange(page, from + 2)
  await typeText(page, '深入')
  await expect.poll(() => marked(page)).toEqual({ inserted: ['深入'], deleted: ['稳步', '推进'] })
  expect(await suggestions(page)).toEqual([['insert', '张三']])
  await expect(panel(page).locator('.suggestion .kind')).toHaveText(['替换'])
  await expect(panel(page).locator('.suggestion .deleted')).toHaveText(['稳步推进'])
  await expect(panel(page).locator('.suggestion .text')).toHaveText(['深入'])
  await panel(page).locator('.suggestion .accept').click()
  await expect.poll(() => docText(page)).toContain('我局深入各项工作。')
})

/** A draft whose first section ends with a list of work items, for a deletion from it into the next heading. */
const itemsThenSection = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、兜底保障
一是完善救助制度；
二是提高保障水平。

二、基层治理
按期完成换届选举。
`

// Every refused edit showed one hint, whose example (合并两节或两组工作事项) did not fit most.
test('in suggestion mode, an edit suggestions cannot say is refused with a hint that names it: joining a section to the next', async ({ page }) => {
  await openWith(page, itemsThenSection)
  await suggestAs(page, zhang)
  const before = await getText(page)
  await selectRange(page, await positionOf(page, '水平'), await positionOf(page, '治理'))
  await press(page, 'Backspace')
  await expect(editor(page).locator('[part="hint"]')).toHaveText('修订模式下无法把这两处合并（两节、两组工作事项，或标题与正文）记为修订，此修改未执行；可先接受或拒绝相关修订，或关闭修订后再改')
  expect(await getText(page)).toBe(before)
  expect(await suggestions(page)).toEqual([])
})

const subsections = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、兜底保障
（一）完善救助制度
健全制度。
（二）提高保障水平
提高标准。
（三）加强资金管理
规范使用。

二、基层治理
按期完成换届选举。
`

// Tab right after Shift-Tab demoted the promoted section as a new suggestion on top of the first:
// （二） came back with its former sibling （三） as a subsection of its own, 1.加强资金管理.
test('in suggestion mode, Shift-Tab then Tab gives back what was there: the promotion suggested, then taken back, no suggestion left', async ({ page }) => {
  await openWith(page, subsections)
  await suggestAs(page, zhang)
  const before = await getText(page)
  const titles = await headings(page)
  await placeCursor(page, '提高标准')
  await press(page, 'Shift+Tab')
  await expect.poll(() => suggestions(page)).toEqual([['structure', '张三']])
  expect(await headings(page)).toContain('二、提高保障水平')
  await press(page, 'Tab')
  await expect.poll(() => suggestions(page)).toEqual([])
  expect(await headings(page)).toEqual(titles)
  expect(await getText(page)).toBe(before)
  // The caret where it was.
  const head = await page.evaluate(() => (document.querySelector('zongjie-editor') as any).view.state.selection.$head.parent.textContent)
  expect(head).toBe('提高标准。')
})
