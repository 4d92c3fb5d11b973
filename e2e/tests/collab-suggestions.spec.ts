/**
 * Suggestions of whole blocks in co-editing: a reviewer (every change a suggestion) adds a section
 * by typing 二、 on a new line; the editor's page shows it suggested for insertion, numbered, in the
 * reviewer's name, and the server takes it (a suggestion, not an edit); accepting it on one page
 * makes it plain text on the other.
 */
import { test, expect } from './helpers.ts'
import { join, text, cursorAt, headings, unique } from './collab-helpers.ts'
import type { Page } from '@playwright/test'

/** The sections shown as suggested for insertion, by their headings' text. */
function suggestedSections(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('zongjie-editor')!.shadowRoot!.querySelectorAll('ins.zj-insertion > section .zj-heading')].map((h) => {
      // Another writer's caret (with their name) is not part of the heading.
      const copy = h.cloneNode(true) as Element
      for (const caret of copy.querySelectorAll('.ProseMirror-yjs-cursor')) caret.remove()
      return copy.textContent!.replaceAll('\u200b', '')
    }),
  )
}

/** The suggestions as Summary JSON lists them: kind and author's name. */
function suggestions(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => ((document.querySelector('zongjie-editor') as any).summary.suggestions ?? []).map((s: any) => [s.kind, s.author.name]))
}

test("a reviewer's new section travels as a suggestion of the whole block, and accepting it on one page settles it on the other", async ({ browser }) => {
  const name = unique()
  const editor = await join(browser, name, '张三')
  await editor.locator('zongjie-editor .zj-preamble p').first().click()
  await editor.keyboard.type('上半年，我局稳步推进各项工作。')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('一、主要工作')
  await editor.keyboard.press('Enter')
  await editor.keyboard.type('新建社区养老服务站六个。')
  const reviewer = await join(browser, name, '李科长', 'reviewer')
  await expect.poll(() => text(reviewer)).toContain('新建社区养老服务站六个。')

  await cursorAt(reviewer, '服务站六个。')
  await reviewer.keyboard.press('End')
  await reviewer.keyboard.press('Enter')
  await reviewer.keyboard.type('二、加强队伍建设')
  await expect.poll(() => suggestedSections(reviewer)).toEqual(['加强队伍建设'])

  // The editor's page: the same section, suggested whole, numbered, by 李科长; the server took it.
  await expect.poll(() => suggestedSections(editor)).toEqual(['加强队伍建设'])
  await expect.poll(() => headings(editor)).toEqual(['一、主要工作', '二、加强队伍建设\u200b'])
  expect(await suggestions(editor)).toEqual([['insert', '李科长']])
  await expect(reviewer.locator('zongjie-editor .status .collab')).toHaveText('协同：已连接')

  // 张三 accepts it: on 李科长's page too it is a plain section now.
  await editor.locator('zongjie-editor [part="suggestions"]').getByRole('button', { name: '全部接受' }).click()
  await expect.poll(() => suggestedSections(reviewer)).toEqual([])
  await expect.poll(() => suggestions(reviewer)).toEqual([])
  expect((await headings(reviewer)).map((h) => h.replaceAll('\u200b', ''))).toEqual(['一、主要工作', '二、加强队伍建设'])
  expect(await text(reviewer)).toBe(await text(editor))
  await editor.context().close()
  await reviewer.context().close()
})
