/**
 * Comments (批注) on the demo page: two writers in turn on one page (the page sets `user`). 张三
 * selects text, 添加批注 and types the comment; 李四 replies and resolves, and cannot delete 张三's
 * thread; 张三 reopens and deletes it. The panel and the text show exactly that. Typing inside the
 * commented text keeps the thread anchored; deleting all of its text shows it detached; Ctrl-Z
 * brings text and anchor back. Axe finds nothing serious with the panel on. With the keyboard only,
 * the focus stays where the reviewer is after each action in the panel, and Ctrl+Z there takes the
 * action back; with many threads, the one the cursor is in is scrolled into the panel's view.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, openWith, editor, placeCursor, press, typeText, setUser, reviewDraft } from './helpers.ts'

const draft = reviewDraft

const zhang = { id: 'zhang', name: '张三', role: '办公室' }
const li = { id: 'li', name: '李四' }

/** Selects `text` (in one text node) with the keyboard: the cursor before it, then Shift+→ over it. */
async function selectText(page: Page, text: string) {
  await placeCursor(page, text, 'start')
  for (let i = 0; i < text.length; i++) await press(page, 'Shift+ArrowRight')
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
  await selectText(page, '力量不足')
  // Ctrl+Alt+M, as in Word and WPS.
  await page.keyboard.press('Control+Alt+m')
  await expect(panel.getByRole('textbox', { name: '批注内容' })).toBeFocused()
  await page.keyboard.type('要具体')
  await page.keyboard.press('Control+Enter')
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
  for (const [text, comment] of [['社区养老服务站', '数字请核实'], ['力量不足', '要具体']] as const) {
    await selectText(page, text)
    await page.keyboard.press('Control+Alt+m')
    await expect(panel.getByRole('textbox', { name: '批注内容' })).toBeFocused()
    await page.keyboard.type(comment)
    await page.keyboard.press('Control+Enter')
  }
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
