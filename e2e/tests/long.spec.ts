/**
 * A long summary (a county's compilation of many departments): an outline entry far down puts the
 * cursor in its heading and brings the heading into view, and typing goes there.
 */
import type { Page } from '@playwright/test'
import { chineseNumeral } from '@zongjie/model'
import { editor, editorTest as test, expect, getText, openWith } from './helpers.ts'

/** A summary of `sections` top-level sections of twelve paragraphs, each paragraph about 100 characters. */
function longDraft(sections: number): string {
  const lines = ['示范县2024年工作汇编', '', '现将各部门全年工作汇总如下：', '']
  for (let i = 1; i <= sections; i++) {
    lines.push(`${chineseNumeral(i)}、第${i}部门工作`)
    for (let p = 1; p <= 12; p++) lines.push(`第${i}部门第${p}段：围绕年度目标，统筹推进重点任务落实，健全工作机制，加强督促检查，确保各项措施落地见效，群众满意度稳步提升。`)
  }
  return lines.join('\n') + '\n'
}

/** Whether the heading that reads `text` lies inside the editor's scrolling page. */
function headingOnScreen(page: Page, text: string): Promise<boolean> {
  return page.evaluate((text) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    const heading = [...root.querySelectorAll('.zj-heading')].find((h) => h.textContent === text)!
    const box = heading.getBoundingClientRect()
    const view = root.querySelector('.page-scroll')!.getBoundingClientRect()
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom
  }, text)
}

test('an outline entry far down a long summary brings its heading into view, and typing goes there', async ({ page }) => {
  await openWith(page, longDraft(30))
  expect(await headingOnScreen(page, '第30部门工作')).toBe(false)
  await editor(page).locator('.outline li').filter({ hasText: '第30部门工作' }).getByRole('button').click()
  await expect.poll(() => headingOnScreen(page, '第30部门工作')).toBe(true)
  await page.keyboard.press('End')
  await page.keyboard.type('情况')
  await expect.poll(() => getText(page)).toContain('三十、第30部门工作情况\n')
})
