/** The outline (提纲) and findings (检查结果) panels: what they list, that they follow the draft, and that an entry takes the writer there. */
import { editor, editorSelection, expect, openWith, placeCursor, press, shortDraft, test } from './helpers.ts'

const draft = `${shortDraft}（一）婚姻登记
办理婚姻登记X对。
三、存在的问题
人员不足。
`

test('the outline lists every section with its number, follows a demotion, and an entry puts the cursor in its heading', async ({ page }) => {
  await openWith(page, draft)
  const entries = editor(page).locator('.outline li')
  await expect(entries).toHaveText(['一、主要工作', '二、社会事务', '（一）婚姻登记', '三、存在的问题'])
  await expect(entries.nth(2)).toHaveAttribute('data-level', '2')

  // Demote 二、: its subsection goes one level down with it and the problems section renumbers.
  await placeCursor(page, '社会事务')
  await press(page, 'Tab')
  await expect(entries).toHaveText(['一、主要工作', '（一）社会事务', '1.婚姻登记', '二、存在的问题'])

  await entries.filter({ hasText: '存在的问题' }).getByRole('button').click()
  const sel = await editorSelection(page)
  const heading = await page.evaluate((pos) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    return view.state.doc.resolve(pos).parent.textContent
  }, sel.from)
  expect(heading).toBe('存在的问题')
})

test('the findings list the unfilled metrics, and an entry selects the field', async ({ page }) => {
  await openWith(page, draft)
  const findings = editor(page).locator('.findings li')
  await expect(findings.filter({ hasText: 'X对' })).toHaveCount(1)
  await expect(findings.filter({ hasText: 'X名' })).toHaveCount(1)
  await findings.filter({ hasText: 'X对' }).getByRole('button').click()
  const sel = await editorSelection(page)
  expect(sel.kind).toBe('NodeSelection')
  const field = await page.evaluate((pos) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    return view.state.doc.nodeAt(pos).attrs.unit
  }, sel.from)
  expect(field).toBe('对')
})
