/**
 * Co-editing on the demo's co-editing page (demo/collab.html) with the co-editing server
 * (packages/server, started for the browser tests in development mode): two and three writers,
 * each in a browser of their own, join one document by name and role. Interleaved edits from all
 * of them (typing in the same and in different paragraphs, Enter, a new section typed with 二、,
 * a field's value, an input method's composition) converge on one valid summary with the same
 * numbers on every page; the pinyin of a composition never reaches the others; a reader cannot
 * write; a reviewer's edits are suggestions; undo takes back a writer's own changes in the steps
 * it would without co-editing, and an undo that brings back a subsection beside another writer's
 * new kind of subsection is repaired by the server, the page reading no mixed structure meanwhile.
 */
import type { Browser, Page } from '@playwright/test'
import { test, expect, press, typeText, paste, summaryOf, reviewDraft } from './helpers.ts'
import { cursorAt, headings, join, opening, recordOf, summary, text, typeSectionAfter, unique, writeOpening } from './collab-helpers.ts'

test('three writers edit at once and converge on one valid summary with the same numbers', async ({ browser }) => {
  const name = unique()
  const [a, b, c] = [await join(browser, name, '张三'), await join(browser, name, '李四'), await join(browser, name, '王五')]
  // A new document: the server's empty summary, the same on every page.
  expect(await summary(b)).toBe(await summary(a))
  expect(await summary(c)).toBe(await summary(a))

  // 张三 writes the title and an opening; 李四 and 王五 write into it as it arrives.
  await a.evaluate(() => {
    const view = (document.querySelector('zongjie-editor') as any).view
    view.dispatch(view.state.tr.insertText('示范县民政局2024年上半年工作总结', 1))
  })
  await expect.poll(() => text(b)).toContain('示范县民政局2024年上半年工作总结')
  await b.bringToFront()
  await b.locator('zongjie-editor .zj-preamble p').first().click()
  await b.keyboard.type('上半年，我局稳步推进各项工作。')
  await b.keyboard.press('Enter')
  await b.keyboard.type('一、主要工作')
  await b.keyboard.press('Enter')
  await b.keyboard.type('新建社区养老服务站六个。')
  await expect.poll(() => headings(c)).toEqual(['一、主要工作'])

  // At once: 张三 types into the opening, 王五 adds a section after 李四's, 李四 types in his paragraph.
  await cursorAt(a, '稳步推进')
  await a.keyboard.type('全面')
  await typeSectionAfter(c, '服务站六个。', '二、存在的问题', '力量不足。')
  await cursorAt(b, '新建', 'start')
  await b.keyboard.type('年内')

  await expect.poll(async () => new Set([await summary(a), await summary(b), await summary(c)]).size, { timeout: 10_000 }).toBe(1)
  const final = await text(a)
  expect(final).toContain('上半年，我局稳步推进全面各项工作。')
  expect(final).toContain('年内新建社区养老服务站六个。')
  for (const page of [a, b, c]) expect(await headings(page)).toEqual(['一、主要工作', '二、存在的问题'])
  // Valid: the summary reads back as the same document on every page.
  const valid = await a.evaluate(() => {
    const el = document.querySelector('zongjie-editor') as any
    const before = JSON.stringify(el.summary)
    el.summary = JSON.parse(before)
    return JSON.stringify(el.summary) === before
  })
  expect(valid).toBe(true)
  for (const page of [a, b, c]) await page.context().close()
})

test('Ctrl-Z in co-editing takes back a quick deletion after a new selection alone, then the typing before it', async ({ browser }) => {
  const name = unique()
  const a = await join(browser, name, '张三')
  await writeOpening(a)
  await cursorAt(a, '稳步推进')
  // Typed, selected with Shift and the arrow keys and deleted in one quick run (each key once the editor has taken the one before).
  await typeText(a, 'adds')
  await press(a, 'Shift+ArrowLeft')
  await press(a, 'Shift+ArrowLeft')
  await press(a, 'Backspace')
  await expect.poll(() => text(a)).toContain('稳步推进ad各项工作')
  await a.keyboard.press('Control+z')
  await expect.poll(() => text(a)).toContain('稳步推进adds各项工作')
  await a.keyboard.press('Control+z')
  await expect.poll(() => text(a)).toContain('稳步推进各项工作')
  await a.context().close()
})

/** Two writers on a new document: 张三 has written the opening and pasted `pasted` after it. */
async function twoWritersAfterPaste(browser: Browser, pasted: string): Promise<[Page, Page]> {
  const name = unique()
  const [a, b] = [await join(browser, name, '张三'), await join(browser, name, '李四')]
  await writeOpening(a)
  await cursorAt(a, opening)
  await a.keyboard.press('Enter')
  expect(await paste(a, { text: pasted })).toBe(true)
  return [a, b]
}

/** Checks that no page was told of a refused change or failed, and closes them. */
async function closeUnrefused(pages: Page[]) {
  for (const page of pages) await expect(page.locator('zongjie-editor .hint', { hasText: '服务器拒绝' })).toHaveCount(0)
  for (const page of pages) expect((await recordOf(page)).errors).toEqual([])
  for (const page of pages) await page.context().close()
}

test("a writer's undo of a section they added keeps it whole when another writer has written in it since", async ({ browser }) => {
  // 张三 adds two sections in one paste (one undo step: he moves the cursor after it).
  const [a, b] = await twoWritersAfterPaste(browser, '一、队伍建设\n队伍建设得到加强。\n二、制度建设\n制度更加健全。\n')
  await cursorAt(a, opening)
  await expect.poll(() => headings(b)).toEqual(['一、队伍建设', '二、制度建设'])
  // 李四 writes a paragraph of his own into 一、.
  await cursorAt(b, '队伍建设得到加强。')
  await b.keyboard.press('Enter')
  await b.keyboard.type('李四补充的段落。')
  await expect.poll(() => text(a)).toContain('李四补充的段落。')

  // 张三 takes his paste back: 二、, which nobody else touched, goes; 一、 stays whole, with 李四's paragraph.
  await a.keyboard.press('Control+z')
  await expect.poll(() => headings(a)).toEqual(['一、队伍建设'])
  await expect.poll(() => headings(b)).toEqual(['一、队伍建设'])
  for (const page of [a, b]) expect(await text(page)).toMatch(/一、队伍建设\n队伍建设得到加强。\n李四补充的段落。/)
  expect(await summary(a)).toBe(await summary(b))
  // Redo brings 二、 back.
  await a.keyboard.press('Control+Shift+z')
  await expect.poll(() => headings(b)).toEqual(['一、队伍建设', '二、制度建设'])
  await closeUnrefused([a, b])
})

test('undo bringing back a subsection beside another writer\'s new kind of subsection: the server makes them one kind, both kept, and the page never reads the mixed structure', async ({ browser }) => {
  const [a, b] = await twoWritersAfterPaste(browser, '一、主要工作\n全年培训基层干部120名。\n（一）强化队伍建设\n队伍建设得到加强。\n')
  await expect.poll(() => headings(b)).toEqual(['一、主要工作', '（一）强化队伍建设'])

  // 张三 deletes his （一） as one change (an undo step of its own: he moved the cursor first); 李四
  // then adds a 1. under 一、, valid now that it has no （一）.
  await cursorAt(a, '队伍建设得到')
  await a.evaluate(() => {
    const view = (document.querySelector('zongjie-editor') as any).view
    let from = -1
    let size = 0
    view.state.doc.descendants((node: any, pos: number) => {
      if (node.type.name === 'section2') {
        from = pos
        size = node.nodeSize
      }
      return from < 0
    })
    view.dispatch(view.state.tr.delete(from, from + size))
  })
  await expect.poll(() => headings(b)).toEqual(['一、主要工作'])
  await typeSectionAfter(b, '全年培训基层干部', '1.完善工作制度', '制度更加健全。')
  await expect.poll(() => headings(a)).toEqual(['一、主要工作', '1.完善工作制度'])

  // 张三 takes his deletion back: the （一） returns beside 李四's 1. (two kinds of subsection, which
  // the schema does not allow), and the server repairs the merge once the changes pause.
  const mixed: string[] = []
  const watch = (page: Page) =>
    page.evaluate(() => {
      const el = document.querySelector('zongjie-editor') as any
      let valid = true
      try {
        el.view.state.doc.check()
      } catch {
        valid = false
      }
      const read = JSON.stringify(el.summary) + el.value + el.getText()
      return valid || !(read.includes('强化队伍建设') && read.includes('完善工作制度')) ? null : read
    })
  await cursorAt(a, opening)
  await a.keyboard.press('Control+z')
  const valid = (page: Page) =>
    page.evaluate(() => {
      try {
        ;(document.querySelector('zongjie-editor') as any).view.state.doc.check()
        return true
      } catch {
        return false
      }
    })
  await expect
    .poll(
      async () => {
        for (const page of [a, b]) {
          const read = await watch(page)
          if (read) mixed.push(read)
        }
        const [ha, hb] = [await headings(a), await headings(b)]
        return (await valid(a)) && (await valid(b)) && ha.length === 3 && JSON.stringify(ha) === JSON.stringify(hb)
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  expect(await summary(a)).toBe(await summary(b))
  const shown = await headings(a)
  expect(shown.slice(1).map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）'])
  expect(shown.slice(1).map((h) => h.slice(3)).sort()).toEqual(['完善工作制度', '强化队伍建设'].sort())
  const final = await text(a)
  expect(final).toContain('全年培训基层干部120名。')
  expect(final).toMatch(/强化队伍建设\n队伍建设得到加强。/)
  expect(final).toMatch(/完善工作制度\n制度更加健全。/)
  expect(mixed).toEqual([])
  await closeUnrefused([a, b])
})

test("an input method's pinyin never reaches the other writer, and their change waits for the composition", async ({ browser }) => {
  const name = unique()
  const a = await join(browser, name, '张三')
  const b = await join(browser, name, '李四')
  await writeOpening(a)
  await expect.poll(() => text(b)).toContain('稳步推进各项工作')
  await cursorAt(a, '稳步推进')
  const cdp = await a.context().newCDPSession(a)
  const seen = new Set<string>()
  for (const step of ['n', 'ni', 'nih', 'niha', 'nihao', '你好']) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
    await a.waitForTimeout(100)
    // 李四 types before 张三's place in the same paragraph while 张三 composes, and at its end.
    if (step === 'nih') await b.evaluate(() => {
      const view = (document.querySelector('zongjie-editor') as any).view
      view.dispatch(view.state.tr.insertText('总体上，', 4))
      const { doc } = view.state
      view.dispatch(view.state.tr.insertText('总体平稳。', doc.child(0).nodeSize + doc.child(1).nodeSize - 2))
    })
    seen.add(await text(b))
  }
  // The composition went on undisturbed.
  expect(await a.evaluate(() => (document.querySelector('zongjie-editor') as any).view.composing)).toBe(true)
  await cdp.send('Input.insertText', { text: '你好' })
  await expect.poll(async () => (await text(a)) === (await text(b)) && (await text(b)).includes('推进你好各项工作')).toBe(true)
  for (const shown of seen) expect(shown).not.toMatch(/[a-z]/)
  expect(await text(a)).toContain('总体上，上半年，我局稳步推进你好各项工作。总体平稳。')
  await a.context().close()
  await b.context().close()
})

test("a summary the page loads into one writer's editor reaches the other writer, and stays when the other types", async ({ browser }) => {
  const name = unique()
  const a = await join(browser, name, '张三')
  const b = await join(browser, name, '李四')
  // 张三's page loads the summary kept in the OA system (its `summary`), as a page does on opening a draft.
  await a.evaluate((loaded) => {
    ;(document.querySelector('zongjie-editor') as any).summary = loaded
  }, summaryOf(reviewDraft) as unknown)
  await expect.poll(() => text(b), { timeout: 5_000 }).toContain('新建社区养老服务站6个。')
  await expect.poll(() => summary(b)).toBe(await summary(a))
  // 李四 writes in it: 张三 keeps what his page loaded, with 李四's words.
  await cursorAt(b, '稳步推进')
  await b.keyboard.type('全面')
  await expect.poll(async () => (await summary(a)) === (await summary(b)) && (await text(a)).includes('稳步推进全面各项工作')).toBe(true)
  expect(await text(a)).toContain('二、存在的问题\n一是力量不足。')
  expect(await headings(a)).toEqual(['一、主要工作', '二、存在的问题'])
  for (const page of [a, b]) expect((await recordOf(page)).errors).toEqual([])
  await a.context().close()
  await b.context().close()
})

test('a reader cannot write; a reviewer writes suggestions', async ({ browser }) => {
  const name = unique()
  const a = await join(browser, name, '张三')
  await writeOpening(a)
  const reader = await join(browser, name, '赵六', 'reader')
  await expect.poll(() => text(reader)).toContain('稳步推进各项工作')
  expect(await reader.evaluate(() => (document.querySelector('zongjie-editor') as any).editable)).toBe(false)
  // Even a write the page would let through is refused by the server: it reaches no one.
  await reader.evaluate(() => {
    const el = document.querySelector('zongjie-editor') as any
    el.session.ydoc.getXmlFragment('summary').get(1).get(0).get(0).insert(0, '读者')
  })
  await a.waitForTimeout(500)
  expect(await text(a)).not.toContain('读者')

  const reviewer = await join(browser, name, '李科长', 'reviewer')
  // The reviewer puts the caret in the text once it has arrived, as a writer does.
  await expect.poll(() => text(reviewer)).toContain('稳步推进各项工作')
  await cursorAt(reviewer, '稳步推进')
  await reviewer.keyboard.type('全面')
  await expect.poll(() => text(a)).toContain('稳步推进全面各项工作')
  const suggestions = await a.evaluate(() => (document.querySelector('zongjie-editor') as any).summary.suggestions)
  expect(suggestions).toMatchObject([{ kind: 'insert', author: { name: '李科长' } }])
  for (const page of [a, reader, reviewer]) await page.context().close()
})
