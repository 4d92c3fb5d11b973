/**
 * Versions on the demo page: a writer set by the page saves a version with a label typed in the
 * versions panel, edits the draft (a metric's value, a new paragraph, a retitled section),
 * compares the version with the draft and sees exactly those changes, the changed words marked;
 * an entry leads to its place; restoring the version is one step Ctrl-Z takes back.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, openWith, editor, editorSelection, getSummary, placeCursor, press, typeText, summaryOf } from './helpers.ts'

const draft = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、主要工作
（一）养老服务
新建社区养老服务站6个。
（二）社会救助
发放救助金。
二、存在的问题
一是力量不足。
三、下半年工作计划
一是补齐短板。
`

/** The `version` events the editor fired since the page loaded, as their details. */
function versionEvents(page: Page): Promise<{ label: string; author: unknown; time: string }[]> {
  return page.evaluate(() => (window as unknown as { __versions: { label: string; author: unknown; time: string }[] }).__versions)
}

test('save a version, edit, compare with the draft, go to a change, restore and undo the restore', async ({ page }) => {
  await openWith(page, draft)
  const panel = editor(page).locator('[part="versions"]')
  await expect(panel).toContainText('尚未保存版本')
  await page.evaluate(() => {
    const el = document.querySelector('zongjie-editor')!
    ;(el as unknown as { user: unknown }).user = { id: 'zhang', name: '张三', role: '办公室' }
    const w = window as unknown as { __versions: unknown[] }
    w.__versions = []
    el.addEventListener('version', (e) => w.__versions.push((e as CustomEvent).detail))
  })

  // 保存版本 asks for a label in place; Enter saves, and the focus goes back to the button.
  await panel.getByRole('button', { name: '保存版本' }).click()
  const name = panel.getByRole('textbox', { name: '版本名称' })
  await expect(name).toBeFocused()
  await name.fill('初稿')
  await name.press('Enter')
  await expect(name).toHaveCount(0)
  await expect(panel.getByRole('button', { name: '保存版本' })).toBeFocused()
  const entry = panel.locator('.version-list li')
  await expect(entry).toHaveCount(1)
  await expect(entry.locator('.version-label')).toHaveText('初稿')
  await expect(entry.locator('.author')).toHaveText('张三（办公室）')
  await expect(entry.locator('time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
  const saved = await versionEvents(page)
  expect(saved).toHaveLength(1)
  expect(saved[0]).toMatchObject({ label: '初稿', author: { id: 'zhang', name: '张三', role: '办公室' } })
  expect(await entry.locator('time').getAttribute('datetime')).toBe(saved[0]!.time)
  const original = await getSummary(page)

  // A review round: 6个 → 8个 in the metrics table, a new paragraph, a retitled section.
  const row = editor(page).locator('.metrics tbody tr').filter({ hasText: '新建社区养老服务站' })
  await row.locator('input').fill('8')
  await row.locator('input').press('Enter')
  await placeCursor(page, '发放救助金。', 'end')
  await press(page, 'Enter')
  await typeText(page, '开展救助政策宣传。')
  await placeCursor(page, '社会救助', 'end')
  await typeText(page, '与慈善')
  const edited = await getSummary(page)
  expect(edited.sections[0]!.sections[1]!.title).toBe('社会救助与慈善')

  // 与当前稿比较: exactly these three changes, the old value deleted and the new one inserted.
  await entry.getByRole('button', { name: '与当前稿比较' }).click()
  await expect(panel.locator('.comparison-title')).toContainText('当前稿与“初稿”相比：3 处改动')
  const changes = panel.locator('.changes li')
  await expect(changes).toHaveText([
    '修改指标一、（一）第1段新建社区养老服务站：6个 → 8个',
    '修改章节标题一、（二）社会救助 → 社会救助与慈善',
    '新增段落一、（二）第2段开展救助政策宣传。',
  ])
  await expect(entry).toHaveAttribute('aria-current', 'true')
  const metric = changes.nth(0)
  await expect(metric.locator('del')).toHaveText('6个')
  await expect(metric.locator('ins')).toHaveText('8个')
  await expect(changes.nth(2).locator('ins')).toHaveText('开展救助政策宣传。')
  // Marked as well as said: deleted words struck through, inserted ones on another background.
  const look = await metric.evaluate((li) => {
    const del = getComputedStyle(li.querySelector('del')!)
    const ins = getComputedStyle(li.querySelector('ins')!)
    const line = getComputedStyle(li.querySelector('.change')!)
    return { del: del.textDecorationLine, insBackground: ins.backgroundColor, lineBackground: line.backgroundColor }
  })
  expect(look.del).toBe('line-through')
  expect(look.insBackground).not.toBe(look.lineBackground)

  // Nothing serious for axe with the comparison shown.
  const { violations } = await new AxeBuilder({ page }).include('zongjie-editor').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`)).toEqual([])

  // An entry puts the cursor at its place: the metric, selected; the new paragraph.
  await metric.getByRole('button').click()
  const selected = await editorSelection(page)
  expect(selected.kind).toBe('NodeSelection')
  expect(await page.evaluate((pos) => (document.querySelector('zongjie-editor') as any).view.state.doc.nodeAt(pos).attrs.value, selected.from)).toBe(8)
  await changes.nth(2).getByRole('button').click()
  const { from } = await editorSelection(page)
  expect(await page.evaluate((pos) => (document.querySelector('zongjie-editor') as any).view.state.doc.resolve(pos).parent.textContent, from)).toBe('开展救助政策宣传。')

  // 恢复: the version in place of the draft; the comparison, made again, finds nothing; Ctrl-Z brings the edits back.
  await entry.getByRole('button', { name: '恢复' }).click()
  await expect.poll(() => getSummary(page)).toEqual(original)
  await expect(editor(page).locator('[part="hint"]')).toContainText('已恢复到“初稿”')
  await expect(panel.locator('.comparison-title')).toContainText('当前稿与“初稿”相同')
  await expect(changes).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect.poll(() => getSummary(page)).toEqual(edited)
  await expect(changes).toHaveCount(3)
})

test('the page gives back the versions it stored; a bad list is refused with an error naming the field', async ({ page }) => {
  await openWith(page, draft)
  const stored = [
    { id: 'a', label: '初稿', author: { id: 'li', name: '李四' }, time: '2024-07-01T02:00:00.000Z', summary: summaryOf(draft) },
    { id: 'b', label: '', author: null, time: '2024-07-02T02:00:00.000Z', summary: summaryOf(draft.replace('6个', '7个')) },
  ]
  const refused = await page.evaluate((stored) => {
    const el = document.querySelector('zongjie-editor') as unknown as HTMLElement & { versions: unknown }
    const errors: { message: string; path?: string }[] = []
    el.addEventListener('error', (e) => errors.push((e as unknown as CustomEvent).detail))
    el.versions = stored
    el.versions = [{ ...stored[0], time: 'yesterday' }]
    return errors.map((e) => ({ message: e.message, path: e.path }))
  }, stored)
  expect(refused).toEqual([{ message: expect.stringContaining('无法载入版本：$[0].time'), path: '$[0].time' }])
  const panel = editor(page).locator('[part="versions"]')
  // Oldest first; a version without a label is named by its place.
  await expect(panel.locator('.version-label')).toHaveText(['初稿', '版本 2'])
  await expect(panel.locator('.version-meta').nth(0)).toContainText('李四')
  await expect(panel.locator('.version-meta').nth(1)).toContainText('未署名')
  // Between two versions, through the element's API.
  const changes = await page.evaluate(() => (document.querySelector('zongjie-editor') as any).compareVersions('a', 'b'))
  expect(changes).toEqual([{ kind: 'metric-changed', where: '一、（一）', paragraph: 1, context: '新建社区养老服务站', old: '6个', new: '7个' }])
})

test('under a strict CSP with Trusted Types the panel loads, its styles apply and a comparison shows, and nothing is reported', async ({ page }) => {
  test.setTimeout(90_000)
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /trusted|content.security|CSP|policy/i.test(m.text())) consoleErrors.push(m.text())
  })
  await page.goto('csp.html', { timeout: 80_000 })
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  await page.evaluate((summary) => {
    const el = document.querySelector('zongjie-editor') as unknown as HTMLElement & { summary: unknown; user: unknown }
    el.summary = summary
    el.user = { id: 'zhang', name: '张三' }
    el.setAttribute('versions', '')
  }, summaryOf(draft))
  const panel = editor(page).locator('[part="versions"]')
  await panel.getByRole('button', { name: '保存版本' }).click()
  await panel.getByRole('textbox', { name: '版本名称' }).press('Enter')
  await expect(panel.locator('.version-label')).toHaveText(['版本 1'])
  // The writer's colour, set through the CSSOM, and the panel's own styles, adopted when it loaded.
  const dot = await panel.locator('.author').evaluate((el) => getComputedStyle(el, '::before').color)
  expect(dot).not.toBe('rgb(107, 114, 128)')
  await placeCursor(page, '力量不足。', 'end')
  await typeText(page, '人员偏少。')
  await panel.getByRole('button', { name: '与当前稿比较' }).click()
  await expect(panel.locator('.changes li')).toHaveText(['修改段落二、第1段一是力量不足。人员偏少。'])
  expect(await panel.locator('.changes ins').evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)')
  expect(await page.evaluate(() => (window as unknown as { cspViolations: unknown[] }).cspViolations)).toEqual([])
  expect(consoleErrors).toEqual([])
})
