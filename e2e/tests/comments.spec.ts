/**
 * Comments (批注) on the demo page: two writers in turn on one page (the page sets `user`). 张三
 * selects text, 添加批注 and types the comment; 李四 replies and resolves, and cannot delete 张三's
 * thread; 张三 reopens and deletes it. The panel and the text show exactly that. Typing inside the
 * commented text keeps the thread anchored; deleting all of its text shows it detached; Ctrl-Z
 * brings text and anchor back. Axe finds nothing serious with the panel on. With the keyboard only,
 * the focus stays where the reviewer is after each action in the panel, and Ctrl+Z there takes the
 * action back; with many threads, the one the cursor is in is scrolled into the panel's view.
 * 修改 changes one's own comment or reply in place, as one undo step; every action says, to screen
 * readers, which thread it belongs to, and what it did is announced.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import { test, expect, openWith, editor, placeCursor, press, typeText, setUser, reviewDraft } from './helpers.ts'

const draft = reviewDraft

const zhang = { id: 'zhang', name: '张三', role: '办公室' }
const li = { id: 'li', name: '李四' }

/** Selects `text` (in one text node) with the keyboard: the cursor before it, then Shift+→ over it. */
async function selectText(page: Page, text: string) {
  await placeCursor(page, text, 'start')
  for (let i = 0; i < text.length; i++) await press(page, 'Shift+ArrowRight')
}

/**
 * Comments on `text` by keyboard as in Word and WPS (Ctrl+Alt+M, then Ctrl+Enter): selects it,
 * opens the new comment's box (checked by `box`: by default, that it has the focus), types `comment`.
 */
async function commentOn(page: Page, text: string, comment: string, box: (input: Locator) => Promise<void> = (input) => expect(input).toBeFocused()) {
  await selectText(page, text)
  await page.keyboard.press('Control+Alt+m')
  await box(editor(page).locator('[part="comments"]').getByRole('textbox', { name: '批注内容' }))
  await page.keyboard.type(comment)
  await page.keyboard.press('Control+Enter')
}

/** The threads as the document keeps them. */
function threads(page: Page): Promise<{ id: string; text: string; resolved: boolean; replies: { text: string }[] }[]> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { doc: { attrs: { comments: never } } }).doc.attrs.comments)
}

/** The texts of the commented stretches in the page. */
function commented(page: Page): Promise<string[]> {
  return editor(page).locator('.ProseMirror .zj-comment').allTextContents()
}

test('two writers in turn: comment, reply, resolve, reopen, delete; only the author deletes a thread', async ({ page }) => {
  await openWith(page, draft)
  const panel = editor(page).locator('[part="comments"]')
  await expect(panel).toContainText('暂无批注')

  // 张三 comments on 社区养老服务站 from the toolbar.
  await setUser(page, zhang)
  await selectText(page, '社区养老服务站')
  await editor(page).locator('.toolbar').getByRole('button', { name: '添加批注' }).click()
  const input = panel.getByRole('textbox', { name: '批注内容' })
  await expect(input).toBeFocused()
  await expect(panel.locator('.new-thread .on')).toHaveText('批注“社区养老服务站”')
  await page.keyboard.type('数字请核实')
  await panel.getByRole('button', { name: '确定' }).click()
  const thread = panel.locator('.thread')
  await expect(thread).toHaveCount(1)
  await expect(thread.locator('.quote')).toHaveText('社区养老服务站')
  await expect(thread.locator('.author')).toHaveText('张三（办公室）')
  await expect(thread.locator('.text')).toHaveText('数字请核实')
  await expect(thread).toHaveAttribute('aria-current', 'true')
  await expect(panel.locator('.panel-title > span')).toHaveText('批注（1 条待处理）')
  expect(await commented(page)).toEqual(['社区养老服务站'])
  await expect(editor(page).locator('.ProseMirror .zj-comment-active')).toHaveText('社区养老服务站')
  expect(await threads(page)).toMatchObject([{ text: '数字请核实', resolved: false, replies: [] }])

  // 李四 replies and resolves; 张三's thread has no 删除 for him.
  await setUser(page, li)
  await expect(thread.getByRole('button', { name: '删除', exact: true })).toHaveCount(0)
  await thread.getByRole('button', { name: '回复' }).click()
  await expect(thread.getByRole('textbox', { name: '回复内容' })).toBeFocused()
  await page.keyboard.type('已核实，为6个')
  await thread.getByRole('button', { name: '发送' }).click()
  await expect(thread.locator('.reply .text')).toHaveText(['已核实，为6个'])
  await expect(thread.locator('.reply .author')).toHaveText(['李四'])
  await thread.getByRole('button', { name: '解决' }).click()
  expect(await threads(page)).toMatchObject([{ resolved: true, replies: [{ text: '已核实，为6个' }] }])
  // Folded once the cursor is elsewhere: the quote, who and 已解决, not the text.
  await placeCursor(page, '力量')
  await expect(thread).toHaveClass(/resolved/)
  await expect(thread.locator('.state')).toHaveText('已解决')
  await expect(thread.locator('.text')).toHaveCount(0)
  // None open: the heading counts none.
  await expect(panel.locator('.panel-title > span')).toHaveText('批注')

  // 张三 reopens and deletes.
  await setUser(page, zhang)
  await thread.getByRole('button', { name: '重新打开' }).click()
  await expect(thread).not.toHaveClass(/resolved/)
  await expect(thread.locator('.reply .text')).toHaveText(['已核实，为6个'])
  await thread.getByRole('button', { name: '删除', exact: true }).click()
  await expect(panel.locator('.thread')).toHaveCount(0)
  await expect(panel).toContainText('暂无批注')
  expect(await commented(page)).toEqual([])
  expect(await threads(page)).toEqual([])
})

test('typing inside keeps the thread anchored; deleting its text detaches it; Ctrl-Z brings both back', async ({ page }) => {
  await openWith(page, draft)
  await setUser(page, zhang)
  const panel = editor(page).locator('[part="comments"]')
  await commentOn(page, '力量不足', '要具体')
  const quote = panel.locator('.thread .quote')
  await expect(quote).toHaveText('力量不足')

  await placeCursor(page, '力量')
  await typeText(page, '明显')
  await expect(quote).toHaveText('力量明显不足')
  expect(await commented(page)).toEqual(['力量明显不足'])

  // A writer's pause: changes next to each other within half a second are one undo step (ProseMirror's history).
  await page.waitForTimeout(600)
  await selectText(page, '力量明显不足')
  await press(page, 'Backspace')
  await expect(quote).toHaveText('原文已删除「力量不足」')
  expect(await commented(page)).toEqual([])

  await press(page, 'Control+z')
  await expect(quote).toHaveText('力量明显不足')
  expect(await commented(page)).toEqual(['力量明显不足'])
})

test('without a user, 添加批注 says the page must set one; read-only shows the threads without actions; no serious accessibility violation', async ({ page }) => {
  await openWith(page, draft)
  const panel = editor(page).locator('[part="comments"]')
  await page.evaluate(() => {
    const w = window as unknown as { __errors: string[] }
    w.__errors = []
    document.querySelector('zongjie-editor')!.addEventListener('error', (e) => w.__errors.push((e as CustomEvent).detail.message))
  })
  await setUser(page, null)
  await selectText(page, '力量不足')
  await panel.getByRole('button', { name: '添加批注' }).click()
  await expect(editor(page).locator('[part="hint"]')).toContainText('页面尚未设置当前用户')
  expect(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors)).toEqual([expect.stringContaining('user')])

  await setUser(page, zhang)
  await selectText(page, '力量不足')
  await panel.getByRole('button', { name: '添加批注' }).click()
  await page.keyboard.type('要具体')
  await panel.getByRole('button', { name: '确定' }).click()
  await expect(panel.locator('.thread')).toHaveCount(1)
  await panel.locator('.thread').getByRole('button', { name: '回复' }).click()

  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([])

  await editor(page).evaluate((el) => el.setAttribute('readonly', ''))
  await expect(panel.locator('.thread .text')).toHaveText('要具体')
  await expect(panel.getByRole('button')).toHaveText(['力量不足'])
})

/** The panel element the keyboard focus is on, as `class "text"`, or what has it outside the panel. */
function focused(page: Page): Promise<string> {
  return editor(page).evaluate((el) => {
    const a = el.shadowRoot!.activeElement as HTMLElement | null
    if (!a) return document.activeElement?.tagName ?? ''
    return a.closest('[part="comments"]') ? `${a.className} "${(a.textContent ?? '').trim()}"` : (a.closest('[part]')?.getAttribute('part') ?? a.tagName)
  })
}

test('keyboard only: the focus stays in the panel after replying, cancelling and deleting, never on another thread\'s 删除; Ctrl+Z there takes it back', async ({ page }) => {
  await openWith(page, draft)
  await setUser(page, zhang)
  const panel = editor(page).locator('[part="comments"]')
  for (const [text, comment] of [['社区养老服务站', '数字请核实'], ['力量不足', '要具体']] as const) await commentOn(page, text, comment)
  const first = panel.locator('.thread').first()
  await expect(panel.locator('.thread')).toHaveCount(2)

  // 回复 with Enter, Ctrl+Enter sends: the focus is back on the thread's 回复, not lost to the page.
  await first.getByRole('button', { name: '回复' }).focus()
  await page.keyboard.press('Enter')
  await expect(first.getByRole('textbox', { name: '回复内容' })).toBeFocused()
  await page.keyboard.type('已核实')
  await page.keyboard.press('Control+Enter')
  await expect(first.locator('.reply .text')).toHaveText(['已核实'])
  expect(await focused(page)).toBe('reply "回复"')
  // Ctrl+Z from the panel takes the reply back.
  await page.keyboard.press('Control+z')
  await expect(first.locator('.reply .text')).toHaveCount(0)
  expect((await threads(page))[0]!.replies).toEqual([])
  await page.keyboard.press('Control+y')
  await expect(first.locator('.reply .text')).toHaveText(['已核实'])

  // Esc in a reply closes it, the focus back on 回复.
  await page.keyboard.press('Enter')
  await expect(first.getByRole('textbox', { name: '回复内容' })).toBeFocused()
  await page.keyboard.press('Escape')
  expect(await focused(page)).toBe('reply "回复"')

  // 删除 with Enter: the focus goes to the thread now in its place, not to its 删除; Enter again deletes nothing.
  await first.getByRole('button', { name: '删除', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(panel.locator('.thread')).toHaveCount(1)
  expect(await focused(page)).toBe('quote "力量不足"')
  await page.keyboard.press('Enter')
  await expect(panel.locator('.thread')).toHaveCount(1)
  // As the hint says, Ctrl+Z takes it back, from where the focus is.
  await expect(editor(page).locator('[part="hint"]')).toContainText('Ctrl+Z 可撤销')
  await page.keyboard.press('Control+z')
  await expect(panel.locator('.thread')).toHaveCount(2)
  expect(await commented(page)).toEqual(['社区养老服务站', '力量不足'])

  // The last thread deleted, the focus is on 添加批注.
  await panel.locator('.thread').first().getByRole('button', { name: '删除', exact: true }).click()
  await panel.locator('.thread').first().getByRole('button', { name: '删除', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(panel.locator('.thread')).toHaveCount(0)
  expect(await focused(page)).toBe('add "添加批注"')
})

test('with many threads, the one the cursor moves into is scrolled into the panel\'s view, and the page does not move', async ({ page }) => {
  await openWith(page, draft)
  await setUser(page, zhang)
  const panel = editor(page).locator('[part="comments"]')
  // Twelve long comments, one on each of twelve characters of the text.
  const last = await editor(page).evaluate(async (el) => {
    const e = el as unknown as { view: any; addComment(text: string): Promise<string> }
    const view = e.view
    const positions: number[] = []
    view.state.doc.descendants((node: { isText: boolean; text?: string }, pos: number) => {
      if (node.isText) for (let i = 0; i < node.text!.length && positions.length < 12; i += 2) positions.push(pos + i)
      return positions.length < 12
    })
    const Selection = view.state.selection.constructor
    for (const at of positions) {
      view.dispatch(view.state.tr.setSelection(Selection.create(view.state.doc, at, at + 1)))
      await e.addComment('这一处的表述需要再斟酌，请结合上级文件的要求修改。'.repeat(3))
    }
    return positions[positions.length - 1]!
  })
  await expect(panel.locator('.thread')).toHaveCount(12)
  const scrolled = await panel.evaluate((p) => p.scrollHeight > p.clientHeight)
  expect(scrolled).toBe(true)
  const pageY = await page.evaluate(() => window.scrollY)
  await editor(page).evaluate((el, at) => {
    const view = (el as unknown as { view: any }).view
    view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.near(view.state.doc.resolve(at + 1))))
  }, last)
  const current = panel.locator('.thread[aria-current="true"]')
  await expect(current).toHaveCount(1)
  await expect
    .poll(() =>
      current.evaluate((item) => {
        const box = item.closest('[part="comments"]')!.getBoundingClientRect()
        const r = item.getBoundingClientRect()
        return r.top >= box.top - 1 && r.top < box.bottom
      }),
    )
    .toBe(true)
  expect(await page.evaluate(() => window.scrollY)).toBe(pageY)
})

/** The threads as `value`'s Summary JSON has them: text and time of each, and of its replies. */
function valueThreads(page: Page): Promise<{ text: string; time: string; replies: { text: string; time: string }[] }[]> {
  return page.evaluate(() => JSON.parse((document.querySelector('zongjie-editor') as unknown as { value: string }).value).comments ?? [])
}

test('修改 by its author only: by keyboard (Ctrl+Enter saves, Esc cancels) and by mouse, one undo step, the edited text in value, the focus back on 修改', async ({ page }) => {
  await openWith(page, draft)
  const panel = editor(page).locator('[part="comments"]')
  await setUser(page, zhang)
  await commentOn(page, '社区养老服务站', '数字请核实')
  const thread = panel.locator('.thread')
  await expect(thread.locator('.text')).toHaveText('数字请核实')
  const [{ time }] = await valueThreads(page)

  // 李四 cannot change 张三's comment; he replies, and can change his reply.
  await setUser(page, li)
  await expect(thread.getByRole('button', { name: '修改' })).toHaveCount(0)
  await thread.getByRole('button', { name: '回复' }).click()
  await page.keyboard.type('已核实，为5个')
  await page.keyboard.press('Control+Enter')
  const reply = thread.locator('.reply')
  await expect(reply.locator('.text')).toHaveText('已核实，为5个')
  await expect(thread.locator('.actions').getByRole('button', { name: '修改' })).toHaveCount(0)

  // By mouse: 修改 on his reply opens its text in place; 保存 saves it.
  await reply.getByRole('button', { name: '修改' }).click()
  const replyBox = reply.getByRole('textbox', { name: '修改内容' })
  await expect(replyBox).toBeFocused()
  await expect(replyBox).toHaveValue('已核实，为5个')
  await replyBox.fill('已核实，为6个')
  await reply.getByRole('button', { name: '保存' }).click()
  await expect(reply.locator('.text')).toHaveText('已核实，为6个')
  await expect(reply.getByRole('textbox')).toHaveCount(0)
  expect(await focused(page)).toBe('edit-reply "修改"')
  expect((await valueThreads(page))[0]!.replies.map((r) => r.text)).toEqual(['已核实，为6个'])
  // 取消 by mouse changes nothing.
  await reply.getByRole('button', { name: '修改' }).click()
  await reply.getByRole('textbox', { name: '修改内容' }).fill('不要')
  await reply.getByRole('button', { name: '取消' }).click()
  await expect(reply.locator('.text')).toHaveText('已核实，为6个')

  // 张三 sees no 修改 on 李四's reply; by keyboard he changes his own comment.
  await setUser(page, zhang)
  await expect(reply.getByRole('button', { name: '修改' })).toHaveCount(0)
  const edit = thread.locator('.actions').getByRole('button', { name: '修改' })
  await edit.focus()
  await page.keyboard.press('Enter')
  const box = thread.getByRole('textbox', { name: '修改内容' })
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('数字请核实')
  // The caret at the end: typing goes on from there.
  await page.keyboard.type('，并注明来源')
  await page.keyboard.press('Control+Enter')
  await expect(thread.locator(':scope > .text')).toHaveText('数字请核实，并注明来源')
  expect(await focused(page)).toBe('edit "修改"')
  await expect(editor(page).locator('[part="hint"]')).toHaveText('已保存修改（Ctrl+Z 可撤销）')
  // In value's Summary JSON, the time that of its writing (the document keeps no time of change).
  expect(await valueThreads(page)).toMatchObject([{ text: '数字请核实，并注明来源', time, replies: [{ text: '已核实，为6个' }] }])
  expect(await threads(page)).toMatchObject([{ text: '数字请核实，并注明来源' }])

  // One undo step, from the panel: Ctrl+Z takes back the edit only, Ctrl+Y brings it again.
  await page.keyboard.press('Control+z')
  await expect(thread.locator(':scope > .text')).toHaveText('数字请核实')
  await expect(reply.locator('.text')).toHaveText('已核实，为6个')
  await page.keyboard.press('Control+y')
  await expect(thread.locator(':scope > .text')).toHaveText('数字请核实，并注明来源')

  // Esc cancels: nothing changes, the focus back on 修改.
  await page.keyboard.press('Enter')
  await expect(box).toBeFocused()
  await page.keyboard.type('！！')
  await page.keyboard.press('Escape')
  await expect(thread.getByRole('textbox')).toHaveCount(0)
  await expect(thread.locator(':scope > .text')).toHaveText('数字请核实，并注明来源')
  expect(await focused(page)).toBe('edit "修改"')
  // Emptied, it is not saved: the box stays open for the text.
  await page.keyboard.press('Enter')
  await box.fill('  ')
  await page.keyboard.press('Control+Enter')
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
  expect((await valueThreads(page))[0]!.text).toBe('数字请核实，并注明来源')

  // Resolved, a thread is not changed: no 修改 until it is reopened.
  await thread.getByRole('button', { name: '解决' }).click()
  await expect(thread.getByRole('button', { name: '修改' })).toHaveCount(0)
})

test('for screen readers: every action says which thread it belongs to, the new-comment box what it is on, and replying, resolving, reopening and saving are announced', async ({ page }) => {
  await openWith(page, draft)
  const panel = editor(page).locator('[part="comments"]')
  // The hint, in the element's polite live region (role="status"), where adding and deleting are announced.
  const status = editor(page).locator('[role="status"] > [part="hint"]')
  await setUser(page, zhang)
  await commentOn(page, '社区养老服务站', '数字请核实', (box) => expect(box).toHaveAccessibleDescription('批注“社区养老服务站”'))
  await expect(status).toHaveText('已添加批注')
  await commentOn(page, '力量不足', '要具体')
  const [first, second] = [panel.locator('.thread').first(), panel.locator('.thread').nth(1)]

  for (const [thread, quote] of [[first, '社区养老服务站'], [second, '力量不足']] as const) {
    const buttons = thread.locator('.actions').getByRole('button')
    await expect(buttons).toHaveText(['回复', '解决', '修改', '删除'])
    for (const button of await buttons.all()) await expect(button).toHaveAccessibleDescription(`张三（办公室）的批注“${quote}”`)
  }

  // 李四's reply: its own 修改 and 删除回复 say whose reply, on which thread.
  await setUser(page, li)
  await first.getByRole('button', { name: '回复' }).click()
  await expect(first.getByRole('textbox', { name: '回复内容' })).toHaveAccessibleDescription('张三（办公室）的批注“社区养老服务站”')
  await page.keyboard.type('已核实')
  await page.keyboard.press('Control+Enter')
  await expect(status).toHaveText('已发送回复')
  const replyButtons = first.locator('.reply').getByRole('button')
  await expect(replyButtons).toHaveText(['修改', '删除回复'])
  for (const button of await replyButtons.all()) await expect(button).toHaveAccessibleDescription('李四对批注“社区养老服务站”的回复')
  await replyButtons.first().click()
  await expect(first.getByRole('textbox', { name: '修改内容' })).toHaveAccessibleDescription('李四对批注“社区养老服务站”的回复')
  await page.keyboard.type('，6个')
  await page.keyboard.press('Control+Enter')
  await expect(status).toHaveText('已保存修改（Ctrl+Z 可撤销）')

  await first.getByRole('button', { name: '解决' }).click()
  await expect(status).toHaveText('已解决批注')
  await first.getByRole('button', { name: '重新打开' }).click()
  await expect(status).toHaveText('已重新打开批注')
  await first.locator('.reply').getByRole('button', { name: '删除回复' }).click()
  await expect(status).toHaveText('已删除回复（Ctrl+Z 可撤销）')

  // A long text is cut in the description.
  await setUser(page, zhang)
  await commentOn(page, '上半年，我局稳步推进各项工作。', '概括', (box) => expect(box).toHaveAccessibleDescription('批注“上半年，我局稳步推进各项工作。”'))
  await expect(panel.locator('.thread').first().getByRole('button', { name: '回复' })).toHaveAccessibleDescription('张三（办公室）的批注“上半年，我局稳步推进各项…”')
})
