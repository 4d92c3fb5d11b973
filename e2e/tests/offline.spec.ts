/**
 * Co-editing without the server: a co-editing server of the test's own (packages/server, as
 * `pnpm serve` runs it, in development mode) is killed with SIGKILL while two writers type. Both
 * keep typing; the status line says they are offline with their changes kept in the browser; one
 * of them reloads the page with the server still down and finds what they typed; the server comes
 * back on the same port and data, and both pages and a newcomer converge on one summary holding
 * every writer's text, online and offline.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join as joinPath } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './helpers.ts'
import { join, text, summary, cursorAt, headings, writeOpening, opening, recordOf, typeSectionAfter } from './collab-helpers.ts'
import { paste } from './helpers.ts'
import { spawnServer, freePort, exitOf, type ChildServer } from '../../packages/server/test/child.ts'

const status = (page: Page) => page.locator('zongjie-editor .status .collab')

/**
 * A co-editing server of the test's own, in development mode, on a free port with a temporary
 * data directory: `kill()` stops it (SIGKILL or SIGTERM), `start()` starts it again on the same
 * port and data, `remove()` stops it if running and deletes its data.
 */
async function ownServer() {
  const dataDir = mkdtempSync(joinPath(tmpdir(), 'zongjie-offline-'))
  const port = await freePort()
  let running: ChildServer | null = null
  const kill = async (signal: 'SIGKILL' | 'SIGTERM') => {
    if (!running) return
    running.process.kill(signal)
    await exitOf(running)
    running = null
  }
  const start = async () => {
    running = await spawnServer({ HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir })
  }
  await start()
  return {
    url: `ws://127.0.0.1:${port}`,
    start,
    kill,
    async remove() {
      await kill('SIGTERM')
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

test('edits made with the server down survive a reload and merge when it is back', async ({ browser }) => {
  test.setTimeout(90_000)
  const server = await ownServer()
  const url = server.url
  const name = `offline-${Date.now().toString(36)}`
  try {
    const a = await join(browser, name, '张三', 'editor', url)
    const b = await join(browser, name, '李四', 'editor', url)
    await a.evaluate(() => {
      const view = (document.querySelector('zongjie-editor') as any).view
      view.dispatch(view.state.tr.insertText('上半年，我局稳步推进各项工作。', 4))
    })
    await expect.poll(() => text(b)).toContain('稳步推进各项工作')

    // 张三 is typing when the server dies.
    await cursorAt(a, '稳步推进')
    await a.keyboard.type('全面')
    await server.kill('SIGKILL')
    await a.keyboard.type('有序')
    await expect(status(a)).toHaveText(/离线，修改已保存在本机/, { timeout: 10_000 })
    await expect(status(b)).toHaveText(/离线，修改已保存在本机/, { timeout: 10_000 })
    await cursorAt(b, '各项工作。')
    await b.keyboard.type('李四离线补充。')

    // 张三 reloads with the server still down: what he typed is there, and he goes on.
    await a.reload()
    await expect.poll(() => text(a), { timeout: 10_000 }).toContain('稳步推进全面有序各项工作')
    await expect(status(a)).toHaveText(/离线，修改已保存在本机/, { timeout: 10_000 })
    expect(await a.evaluate(() => (document.querySelector('zongjie-editor') as any).editable)).toBe(true)
    await cursorAt(a, '上半年，')
    await a.keyboard.type('重新打开后，')

    // The server is back on the same port and data: both pages reconnect and converge.
    await server.start()
    await expect(status(a)).toHaveText('协同：已连接', { timeout: 20_000 })
    await expect(status(b)).toHaveText('协同：已连接', { timeout: 20_000 })
    await expect.poll(async () => (await summary(a)) === (await summary(b)), { timeout: 10_000 }).toBe(true)
    const final = await text(a)
    expect(final).toContain('上半年，重新打开后，我局稳步推进全面有序各项工作。李四离线补充。')

    // A newcomer gets it from the server: nothing was only in the pages.
    const c = await join(browser, name, '王五', 'editor', url)
    await expect.poll(() => summary(c), { timeout: 10_000 }).toBe(await summary(a))
    for (const page of [a, b, c]) await page.context().close()
  } finally {
    await server.remove()
  }
})

test('sections added offline at one place by two writers merge when the server is back: （一） and 1. under one section are both kept, as （一） and （二）', async ({ browser }) => {
  test.setTimeout(90_000)
  const server = await ownServer()
  const url = server.url
  const name = `merge-${Date.now().toString(36)}`
  try {
    const a = await join(browser, name, '张三', 'editor', url)
    const b = await join(browser, name, '李四', 'editor', url)
    await writeOpening(a)
    await cursorAt(a, opening)
    await a.keyboard.press('Enter')
    expect(await paste(a, { text: '一、主要工作\n全年培训基层干部120名。\n' })).toBe(true)
    await expect.poll(() => headings(b)).toEqual(['一、主要工作'])

    await server.kill('SIGKILL')
    await expect(status(a)).toHaveText(/离线，修改已保存在本机/, { timeout: 10_000 })
    await expect(status(b)).toHaveText(/离线，修改已保存在本机/, { timeout: 10_000 })
    // Each adds a subsection at the end of 一、, of another kind: 张三 （一）, 李四 1.
    await typeSectionAfter(a, '全年培训基层干部', '（一）强化队伍建设', '队伍建设得到加强。')
    await typeSectionAfter(b, '全年培训基层干部', '1.完善工作制度', '制度更加健全。')
    expect(await headings(a)).toEqual(['一、主要工作', '（一）强化队伍建设'])
    expect(await headings(b)).toEqual(['一、主要工作', '1.完善工作制度'])

    // Back: one writer's change reaches the server first; the other's, merged with it, would put
    // two kinds of subsection under 一、: the server puts that right instead of refusing it.
    await server.start()
    await expect(status(a)).toHaveText('协同：已连接', { timeout: 20_000 })
    await expect(status(b)).toHaveText('协同：已连接', { timeout: 20_000 })
    // Until the server's repair arrives (it waits for the updates to pause), a page holds the merge
    // as it is, out of the schema, and gives the page the summary before the merge: never one
    // describing 1. beside （一）, never an exception.
    const outside: string[] = []
    const summaryOrNull = async (page: Page) => {
      const read = await page.evaluate(() => {
        const el = document.querySelector('zongjie-editor') as unknown as { summary: unknown; value: string; view: { state: { doc: { check(): void } } } }
        let valid = true
        try {
          el.view.state.doc.check()
        } catch {
          valid = false
        }
        return { valid, summary: JSON.stringify(el.summary), value: el.value }
      })
      if (read.valid) return read.summary
      if (read.summary.includes('完善工作制度') && read.summary.includes('强化队伍建设')) outside.push(read.summary)
      return null
    }
    await expect
      .poll(async () => {
        const [sa, sb] = [await summaryOrNull(a), await summaryOrNull(b)]
        return sa !== null && sa === sb && sa.includes('完善工作制度') && sa.includes('强化队伍建设')
      }, { timeout: 15_000 })
      .toBe(true)
    expect(outside).toEqual([])
    expect(await summary(a)).toBe(await summary(b))
    // Which comes first is Yjs's order for insertions at one place; both are （…） sections, numbered in turn.
    const shown = await headings(a)
    expect(shown).toHaveLength(3)
    expect(shown[0]).toBe('一、主要工作')
    expect(shown.slice(1).map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）'])
    expect(shown.slice(1).map((h) => h.slice(3)).sort()).toEqual(['完善工作制度', '强化队伍建设'].sort())
    expect(await headings(b)).toEqual(shown)
    const final = await text(a)
    expect(final).toMatch(/强化队伍建设\n队伍建设得到加强。/)
    expect(final).toMatch(/完善工作制度\n制度更加健全。/)
    // Nothing refused, and no page failed on the moment the merge was out of the schema.
    for (const page of [a, b]) await expect(page.locator('zongjie-editor .hint', { hasText: '服务器拒绝' })).toHaveCount(0)
    for (const page of [a, b]) expect((await recordOf(page)).errors).toEqual([])
    for (const page of [a, b]) await page.context().close()
  } finally {
    await server.remove()
  }
})

test('a change the server refuses is dropped, from the page and from its copy in the browser, and the writer goes on', async ({ browser }) => {
  test.setTimeout(60_000)
  const server = await ownServer()
  const url = server.url
  const name = `refused-${Date.now().toString(36)}`
  try {
    const a = await join(browser, name, '张三', 'editor', url)
    const b = await join(browser, name, '李四', 'editor', url)
    await a.evaluate(() => {
      const view = (document.querySelector('zongjie-editor') as any).view
      view.dispatch(view.state.tr.insertText('示范县2024年工作总结', 1))
    })
    await expect.poll(() => text(b)).toContain('示范县2024年工作总结')
    const before = await summary(b)
    const errors: string[] = []
    await a.exposeFunction('collabError', (message: string) => errors.push(message))
    await a.evaluate(() => document.querySelector('zongjie-editor')!.addEventListener('error', (e: any) => (window as any).collabError(e.detail.message)))
    // A misbehaving page removes the title from the shared document: the summary would have none.
    await a.evaluate(() => (document.querySelector('zongjie-editor') as any).session.ydoc.getXmlFragment('summary').delete(0, 1))
    await expect(a.locator('zongjie-editor .hint')).toContainText('服务器拒绝了你的一处修改')
    expect(errors[0]).toContain('服务器拒绝了你的一处修改')
    // The page has the server's document again, connected, and what it types reaches the other.
    await expect(status(a)).toHaveText('协同：已连接')
    await expect.poll(() => summary(a)).toBe(before)
    await cursorAt(a, '2024年')
    await a.keyboard.type('上半年')
    await expect.poll(() => text(b)).toContain('示范县2024年上半年工作总结')
    expect(await text(b)).toBe(await text(a))
    // Opened again, the page does not bring the refused change back.
    await a.reload()
    await expect(status(a)).toHaveText('协同：已连接')
    await expect.poll(() => summary(a)).toBe(await summary(b))
    // Moved in the page, the editor leaves the document and joins it again, still in step.
    await a.evaluate(() => document.body.append(document.querySelector('zongjie-editor')!))
    await expect(status(a)).toHaveText('协同：已连接')
    await expect.poll(() => a.evaluate(() => (document.querySelector('zongjie-editor') as any).editable)).toBe(true)
    await cursorAt(a, '工作总结')
    await a.keyboard.type('（初稿）')
    await expect.poll(() => text(b)).toContain('示范县2024年上半年工作总结（初稿）')
    await a.context().close()
    await b.context().close()
  } finally {
    await server.remove()
  }
})
