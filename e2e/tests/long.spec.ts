/**
 * A long summary: the browser draws the top-level sections near the view first and each of the
 * others as the writer reaches it (content-visibility), so a county's compilation appears at once.
 * Nothing of it may show: an outline entry, the keyboard and typing reach a section not yet drawn;
 * printing draws every section; a field's hint at the end of a section is not covered by the next.
 */
import type { Page } from '@playwright/test'
import { chineseNumeral } from '@zongjie/model'
import { compose, content, editor, editorSelection, editorTest as test, expect, getText, openWith, placeCursor, press } from './helpers.ts'

/** A summary of `sections` top-level sections of twelve paragraphs, each paragraph about 100 characters. */
function longDraft(sections: number): string {
  const lines = ['示范县2024年工作汇编', '', '现将各部门全年工作汇总如下：', '']
  for (let i = 1; i <= sections; i++) {
    lines.push(`${chineseNumeral(i)}、第${i}部门工作`)
    for (let p = 1; p <= 12; p++) lines.push(`第${i}部门第${p}段：围绕年度目标，统筹推进重点任务落实，健全工作机制，加强督促检查，确保各项措施落地见效，群众满意度稳步提升。`)
  }
  return lines.join('\n') + '\n'
}

/** For each top-level section's heading: whether the browser draws it now (not skipped by content-visibility). */
function headingsDrawn(page: Page): Promise<boolean[]> {
  return page.evaluate(() => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    return [...root.querySelectorAll('.ProseMirror > section > .zj-heading')].map((h) => h.checkVisibility({ contentVisibilityAuto: true }))
  })
}

/** Whether the heading (or, with `selector`, other block) that reads `text` lies inside the editor's scrolling page, on screen. */
function headingOnScreen(page: Page, text: string, selector = '.zj-heading'): Promise<boolean> {
  return page.evaluate(([text, selector]) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    const heading = [...root.querySelectorAll(selector!)].find((h) => h.textContent === text)!
    const box = heading.getBoundingClientRect()
    const view = root.querySelector('.page-scroll')!.getBoundingClientRect()
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom
  }, [text, selector])
}

test('a long summary draws the sections near the view first, and the outline, the keyboard and typing reach the others', async ({ page }) => {
  await openWith(page, longDraft(30))
  const drawn = await headingsDrawn(page)
  expect(drawn).toHaveLength(30)
  expect(drawn[0]).toBe(true)
  expect(drawn[29]).toBe(false)

  // The outline's last entry: the caret in that heading, drawn and on screen.
  await editor(page).locator('.outline li').filter({ hasText: '第30部门工作' }).getByRole('button').click()
  await expect.poll(async () => (await headingsDrawn(page))[29]).toBe(true)
  await expect.poll(() => headingOnScreen(page, '第30部门工作')).toBe(true)
  await page.keyboard.press('End')
  await page.keyboard.type('情况')
  await expect.poll(() => getText(page)).toContain('三十、第30部门工作情况\n')

  // Back to the top with the keyboard, then typing in a section that was skipped when drawn.
  await page.keyboard.press('Control+Home')
  await expect.poll(async () => (await editorSelection(page)).from).toBeLessThan(5)
  await expect.poll(() => headingOnScreen(page, '示范县2024年工作汇编', '.zj-title')).toBe(true)
  await placeCursor(page, '第20部门第12段：', 'end')
  await page.keyboard.type('新增')
  await expect.poll(() => getText(page)).toContain('第20部门第12段：新增围绕年度目标')

  // To the end with the keyboard, from a section far above it.
  await page.keyboard.press('Control+End')
  await page.keyboard.type('完')
  await expect.poll(async () => (await getText(page)).trimEnd()).toMatch(/第30部门第12段：.*提升。完$/)
})

test('the arrow keys and Page Down go from section to section of a long summary, and typing and the input method follow', async ({ page }) => {
  await openWith(page, longDraft(30))
  // From the end of section 5 down into section 6, a line at a time.
  await placeCursor(page, '第5部门第12段：', 'end')
  for (let i = 0; i < 4; i++) await press(page, 'ArrowDown')
  await press(page, 'Home')
  await page.keyboard.type('甲')
  await compose(page, ['yi'], '乙')
  const lines = (await getText(page)).split('\n')
  const at = lines.findIndex((l) => l.includes('甲乙'))
  expect(at).toBeGreaterThan(lines.indexOf('六、第6部门工作') - 1)
  expect(lines[at]).toMatch(/^(六、甲乙第6部门工作|甲乙第6部门第1段：)/)

  // Page Down several times from the top, then type: the text goes where the caret is.
  await page.keyboard.press('Control+Home')
  for (let i = 0; i < 12; i++) await page.keyboard.press('PageDown')
  const { from } = await editorSelection(page)
  expect(from).toBeGreaterThan(1000)
  await page.keyboard.type('丙')
  const after = await page.evaluate(() => (document.querySelector('zongjie-editor') as any).view.state.doc.textBetween(0, (document.querySelector('zongjie-editor') as any).view.state.selection.from, '\n'))
  expect(after.endsWith('丙')).toBe(true)
  expect((await getText(page)).split('丙')).toHaveLength(2)
})

test('printing draws every section of a long summary', async ({ page }) => {
  await openWith(page, longDraft(30))
  expect((await headingsDrawn(page)).filter((d) => !d).length).toBeGreaterThan(0)
  await page.emulateMedia({ media: 'print' })
  expect(await headingsDrawn(page)).toEqual(Array(30).fill(true))
  await page.emulateMedia({ media: 'screen' })
})

test("a field's hint at the end of a section shows above the next section", async ({ page }) => {
  await openWith(page, longDraft(2).replace('第1部门第12段：围绕年度目标，统筹推进重点任务落实，健全工作机制，加强督促检查，确保各项措施落地见效，群众满意度稳步提升。', '全年培训X名'))
  await placeCursor(page, '全年培训', 'end')
  await press(page, 'ArrowRight')
  await page.keyboard.press('F2')
  await expect(content(page).locator('.zj-field-input')).toBeFocused()
  await page.keyboard.type('a')
  const hint = content(page).locator('.zj-field-hint')
  await expect(hint).toBeVisible()
  await hint.scrollIntoViewIfNeeded()
  // What is drawn at the hint's middle, and at its bottom edge, is the hint itself.
  const onTop = await hint.evaluate((el) => {
    const root = el.getRootNode() as ShadowRoot
    const box = el.getBoundingClientRect()
    return [box.top + box.height / 2, box.bottom - 2].map((y) => root.elementFromPoint(box.left + box.width / 2, y) === el)
  })
  expect(onTop).toEqual([true, true])
})

/** The editor's scrolling page: its scroll offset, and whether the caret (the selection's head) lies inside its box. */
function caretPlace(page: Page): Promise<{ scrollTop: number; inView: boolean }> {
  return page.evaluate(() => {
    const el = document.querySelector('zongjie-editor') as any
    const scroller = el.shadowRoot!.querySelector('.page-scroll')!
    const caret = el.view.coordsAtPos(el.view.state.selection.head)
    const box = scroller.getBoundingClientRect()
    return { scrollTop: scroller.scrollTop, inView: caret.top >= box.top && caret.bottom <= box.top + scroller.clientHeight }
  })
}

test('typing with the caret in view scrolls nothing; an edit after the page was scrolled away from the caret brings it back into view', async ({ page }) => {
  await openWith(page, longDraft(30))
  await placeCursor(page, '现将各部门全年工作汇总如下', 'end')
  const before = await caretPlace(page)
  expect(before.inView).toBe(true)
  await page.keyboard.type('甲')
  await compose(page, ['yi'], '乙')
  expect(await caretPlace(page)).toEqual(before)

  // The page scrolled far down by the writer (the wheel), the caret left above it. Enter (the
  // editor's own, not the browser's, which would scroll by itself) brings the caret back.
  const scrollAway = () =>
    page.evaluate(() => {
      ;(document.querySelector('zongjie-editor') as any).shadowRoot.querySelector('.page-scroll').scrollTop += 4000
    })
  await scrollAway()
  expect((await caretPlace(page)).inView).toBe(false)
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await caretPlace(page)).inView).toBe(true)
  // So does any change made with `scrollIntoView`.
  await scrollAway()
  expect((await caretPlace(page)).inView).toBe(false)
  await page.evaluate(() => {
    const view = (document.querySelector('zongjie-editor') as any).view
    view.dispatch(view.state.tr.insertText('丙').scrollIntoView())
  })
  await expect.poll(async () => (await caretPlace(page)).inView).toBe(true)
  expect(await getText(page)).toContain('现将各部门全年工作汇总如下甲乙\n丙：')
})
