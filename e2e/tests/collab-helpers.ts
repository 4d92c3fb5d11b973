/**
 * Helpers for the co-editing tests (collab.spec.ts, collab-random.spec.ts): join a document on the
 * demo's co-editing page (demo/collab.html) as a writer in a browser context of their own, read
 * what the editor holds, put the cursor somewhere, read the headings as shown; and reach what the
 * co-editing server stored: the SQLite file of the server the browser tests start, a PostgreSQL
 * database, a redis-server of the test's own.
 */
import type { Browser, Page } from '@playwright/test'
import { createRequire } from 'node:module'
import { join as joinPath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from './helpers.ts'
import { skipRedis as skipRedisTests, startRedis } from '../../packages/server/test/redis.ts'

/** The co-editing server the browser tests start (playwright.config.ts), as a WebSocket URL. */
export const serverPort = Number(process.env.ZONGJIE_SERVER_PORT ?? 1234)
export const server = `ws://127.0.0.1:${serverPort}`

/** Where that server keeps its SQLite file (`DATA_DIR`): as in playwright.config.ts. */
export const serverDataDir = process.env.ZONGJIE_SERVER_DATA ?? fileURLToPath(new URL('../test-results/server-data', import.meta.url))

/** What a page's editor said about its co-editing connection (its `collab` events), and the page's uncaught errors. */
export interface PageRecord {
  collab: { status: string; reason?: string }[]
  errors: string[]
}

const records = new WeakMap<Page, PageRecord>()

/** The `collab` events and uncaught errors recorded on a page made by {@link join}. */
export async function recordOf(page: Page): Promise<PageRecord> {
  const record = records.get(page) ?? { collab: [], errors: [] }
  record.collab = await page.evaluate(() => (window as unknown as { __zjCollab?: PageRecord['collab'] }).__zjCollab ?? [])
  return record
}

/**
 * A writer's page, joined to the document `documentName` as `name` with `role` on the co-editing server `url` (the
 * browser tests' own by default), once the shared document has arrived. The page records its
 * editor's `collab` events and its uncaught errors ({@link recordOf}).
 */
export async function join(browser: Browser, documentName: string, name: string, role = 'editor', url = server): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const record: PageRecord = { collab: [], errors: [] }
  records.set(page, record)
  page.on('pageerror', (error) => record.errors.push(`${error.name}: ${error.message}\n${(error.stack ?? '').split('\n').slice(1, 25).join('\n')}`))
  await page.addInitScript(() => {
    // Enough of an uncaught error's stack to see where it came from.
    Error.stackTraceLimit = 40
    const w = window as unknown as { __zjCollab: { status: string; reason?: string }[] }
    w.__zjCollab = []
    document.addEventListener('collab', (e) => w.__zjCollab.push({ ...(e as CustomEvent).detail }), true)
  })
  await page.goto(`/collab.html?server=${encodeURIComponent(url)}`)
  await page.fill('input[name="name"]', name)
  await page.selectOption('select[name="role"]', role)
  await page.fill('input[name="document"]', documentName)
  await page.click('button[type="submit"]')
  await expect(page.locator('zongjie-editor .status .collab')).toHaveText('协同：已连接')
  await expect.poll(() => text(page)).toContain('\n')
  return page
}

/** The document's text, numbers included (`getText`). */
export function text(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { getText(): string }).getText())
}

/** The Summary JSON, as a string to compare. */
export function summary(page: Page): Promise<string> {
  return page.evaluate(() => JSON.stringify((document.querySelector('zongjie-editor') as unknown as { summary: unknown }).summary))
}

/** The opening a writer puts into a new shared document with {@link writeOpening}. */
export const opening = '上半年，我局稳步推进各项工作。'

/** Writes {@link opening} into the empty opening paragraph of a new shared document, as one change of the writer's. */
export async function writeOpening(page: Page) {
  await page.evaluate((text) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    view.dispatch(view.state.tr.insertText(text, 4))
  }, opening)
}

/** Puts the cursor after (or before) the first occurrence of `needle` in one text node, and focuses the editor. */
export async function cursorAt(page: Page, needle: string, at: 'start' | 'end' = 'end') {
  await page.bringToFront()
  await page.evaluate(
    ({ needle, at }) => {
      const view = (document.querySelector('zongjie-editor') as any).view
      let found = -1
      view.state.doc.descendants((node: any, pos: number) => {
        if (found >= 0) return false
        if (node.isText && node.text.includes(needle)) found = pos + node.text.indexOf(needle) + (at === 'end' ? needle.length : 0)
        return true
      })
      if (found < 0) throw new Error(`cursorAt: 「${needle}」 not found`)
      view.focus()
      view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.near(view.state.doc.resolve(found))))
    },
    { needle, at },
  )
}

/** Types a new part after the line holding `after`, as a writer does: End, Enter, its heading with the number (`二、…`, `1.…`), Enter, its first paragraph. */
export async function typeSectionAfter(page: Page, after: string, heading: string, body: string) {
  await cursorAt(page, after)
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(heading)
  await page.keyboard.press('Enter')
  await page.keyboard.type(body)
}

/**
 * The headings with their numbers as the page shows them (`data-number` and the heading's text).
 * Another writer's cursor drawn in a heading (y-prosemirror's caret, with their name in it) and a
 * run-in heading's caret stop are not part of its text.
 */
export function headings(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelector('zongjie-editor')!.shadowRoot!.querySelectorAll('.ProseMirror .zj-heading')].map((h) => {
      const copy = h.cloneNode(true) as Element
      // Nor is the caret stop drawn at the end of a run-in heading (no text of the document).
      for (const caret of copy.querySelectorAll('.ProseMirror-yjs-cursor, .zj-caret-stop')) caret.remove()
      return (h.getAttribute('data-number') ?? '') + copy.textContent
    }),
  )
}

/** A document name no other test uses. */
export const unique = () => `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`

// ---------------------------------------------------------------------------------------------
// What the server stored

/** Modules of packages/server's dependencies (pg, and better-sqlite3 through Hocuspocus' SQLite extension), which e2e does not depend on itself. */
const serverRequire = createRequire(new URL('../../packages/server/package.json', import.meta.url))

/** The Summary JSON stored for `document` in a server's SQLite file (`DATA_DIR/zongjie.sqlite`, table `zongjie_summaries`), parsed; null when none is (yet). */
export function storedSummarySQLite(document: string, dataDir = serverDataDir): unknown {
  const Database = createRequire(serverRequire.resolve('@hocuspocus/extension-sqlite'))('better-sqlite3') as new (file: string, options: object) => {
    prepare(sql: string): { get(...params: unknown[]): unknown }
    close(): void
  }
  const db = new Database(joinPath(dataDir, 'zongjie.sqlite'), { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare('SELECT summary FROM zongjie_summaries WHERE name = ?').get(document) as { summary: string | null } | undefined
    return row?.summary ? JSON.parse(row.summary) : null
  } finally {
    db.close()
  }
}

/** The `summary` jsonb column of `document` in a PostgreSQL database (table `zongjie_documents`); null when none is (yet). */
export async function storedSummaryPostgres(url: string, document: string): Promise<unknown> {
  const pg = serverRequire('pg') as {
    Client: new (options: { connectionString: string }) => { connect(): Promise<void>; query(sql: string, params: unknown[]): Promise<{ rows: { summary: unknown }[] }>; end(): Promise<void> }
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const result = await client.query('SELECT summary FROM zongjie_documents WHERE name = $1', [document])
    return result.rows[0]?.summary ?? null
  } finally {
    await client.end()
  }
}

// ---------------------------------------------------------------------------------------------
// Redis

/** Whether the Redis browser test is to be skipped (SKIP_REDIS=1), said loudly. */
export const skipRedis = () => skipRedisTests('THE REDIS BROWSER TEST')

export { startRedis }
