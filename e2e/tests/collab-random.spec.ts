/**
 * Co-editing under random, concurrent edits: two and three writers, each in a browser of their
 * own on the demo's co-editing page, edit one document at once — typing Chinese and Latin text,
 * Enter, Backspace and Delete, new sections (typed with 二、 / （一） / 1. or from the toolbar),
 * Tab / Shift-Tab (demote / promote), Alt-↑ / Alt-↓ (move), deleting a whole section, a metric's
 * value, an input method's composition — none waiting for the others. Afterwards every page shows
 * the same Summary JSON, which the model reads back as exactly that summary, every page numbers
 * the headings as the summary does, and the server stores it: in its SQLite file with the browser
 * tests' server; in PostgreSQL's jsonb column with two server instances joined through Redis, one
 * page on each.
 *
 * The operations come from a seeded generator: each test prints its seed and attaches the log of
 * what every writer did (where, what). `ZONGJIE_COLLAB_SEED=<n>` runs them all with that seed (the
 * same choices; the timing, and so what the others' edits meet, can differ). `ZONGJIE_COLLAB_OPS`
 * sets the number of operations per test.
 */
import type { Browser, CDPSession, Page, TestInfo } from '@playwright/test'
import { fromSummary, toSummary, type Section, type Summary } from '@zongjie/model'
import { test, expect, paste } from './helpers.ts'
import { cursorAt, headings, join, recordOf, skipRedis, startRedis, storedSummaryPostgres, storedSummarySQLite, summary, text, unique } from './collab-helpers.ts'
import { exitOf, freePort, spawnServer, type ChildServer } from '../../packages/server/test/child.ts'
import { skipPostgres, startCluster, type Cluster } from '../../packages/server/test/postgres.ts'

/** The title of the summary every test starts from, typed into the new document. */
const startTitle = '示范县民政局2024年上半年工作总结'

/**
 * The rest of it, pasted after the title: sections with subsections of two formats, work items,
 * metrics. Pasted into a document that is not empty, it goes in at the cursor and leaves the
 * document's attributes as they are (pasted into an empty one, it sets them too: the case of
 * the test at the end about a writer offline during such a paste).
 */
const startBody = `上半年，我局稳步推进各项工作，现将有关情况总结如下：

一、主要工作
全年发放救助资金X万元。
（一）兜牢民生底线
新纳入低保X户，发放低保金。
（二）提升养老服务
一是建设社区养老服务站X个。
二是实施适老化改造。
（三）加强儿童关爱
走访困境儿童X名。
二、社会事务
办理婚姻登记X对。
1.殡葬改革
推进节地生态安葬。
2.慈善事业
募集善款X万元。
三、基层治理
培训社区工作者X名。
四、存在的问题
基层力量不足。
五、下半年工作计划
持续做好社会救助。
`

const startHeadings = [
  '一、主要工作',
  '（一）兜牢民生底线',
  '（二）提升养老服务',
  '（三）加强儿童关爱',
  '二、社会事务',
  '1.殡葬改革',
  '2.慈善事业',
  '三、基层治理',
  '四、存在的问题',
  '五、下半年工作计划',
]

// ---------------------------------------------------------------------------------------------
// The generator

/** mulberry32: a small seeded PRNG, numbers in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const envSeed = process.env.ZONGJIE_COLLAB_SEED ? Number(process.env.ZONGJIE_COLLAB_SEED) : null
const envOps = process.env.ZONGJIE_COLLAB_OPS ? Number(process.env.ZONGJIE_COLLAB_OPS) : null

/** The seed of a test: ZONGJIE_COLLAB_SEED, or a new one, printed and kept with the test's annotations. */
function seedFor(info: TestInfo): number {
  const seed = envSeed ?? Math.floor(Math.random() * 2 ** 31)
  info.annotations.push({ type: 'seed', description: `ZONGJIE_COLLAB_SEED=${seed}` })
  console.log(`${info.title}: ZONGJIE_COLLAB_SEED=${seed}`)
  return seed
}

type OpKind = 'type' | 'enter' | 'backspace' | 'delete' | 'section' | 'toolbarSection' | 'demote' | 'promote' | 'moveUp' | 'moveDown' | 'deleteSection' | 'field' | 'ime'

const weights: [OpKind, number][] = [
  ['type', 6],
  ['enter', 3],
  ['backspace', 2],
  ['delete', 1],
  ['section', 2],
  ['toolbarSection', 1.5],
  ['demote', 2],
  ['promote', 2],
  ['moveUp', 1.5],
  ['moveDown', 1.5],
  ['deleteSection', 1],
  ['field', 2.5],
  ['ime', 2.5],
]

const snippets = ['稳步', '推进', '工作', '民生', '，', '。', 'abc', 'OK', 'Q3', '2024', '新增', '全面']
const titles = ['新增工作', '专项行动', '数字民政', 'Plan B', '队伍建设', '示范创建']
const compositions: [string, string][] = [
  ['gongzuo', '工作'],
  ['tuijin', '推进'],
  ['wancheng', '完成'],
  ['zhiliang', '质量'],
  ['minsheng', '民生'],
  ['jiceng', '基层'],
]
/** A new section typed at the start of a new paragraph: the number, and the heading text after it. */
const typedNumbers = ['二、', '三、', '（一）', '（二）', '1.', '（1）']
const toolbarLabels = ['一、', '（一）', '1.', '（1）']

/** One writer: their page, their generator, their CDP session (for compositions). */
interface Writer {
  name: string
  page: Page
  random: () => number
  cdp: CDPSession
}

/** What a writer did, for the log. */
interface Entry {
  t: number
  writer: string
  n: number
  op: OpKind
  at?: string | null
  what?: string
  note?: string
}

/** A choice from a list. */
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

function pickOp(random: () => number): OpKind {
  const total = weights.reduce((s, [, w]) => s + w, 0)
  let r = random() * total
  for (const [kind, w] of weights) if ((r -= w) < 0) return kind
  return 'type'
}

type Where = 'any' | 'heading' | 'sectionParagraphEnd'

/**
 * Puts the cursor in a textblock chosen by `r1` among those `where` allows, at the offset `r2`
 * gives (the end for `sectionParagraphEnd`), and focuses the editor. Says where, or null when
 * there is no such block.
 */
function place(page: Page, where: Where, r1: number, r2: number): Promise<string | null> {
  return page.evaluate(
    ({ where, r1, r2 }) => {
      const view = (document.querySelector('zongjie-editor') as any).view
      const { doc } = view.state
      const blocks: { pos: number; node: any; inSection: boolean }[] = []
      doc.descendants((node: any, pos: number) => {
        if (node.isTextblock) {
          const $pos = doc.resolve(pos)
          let inSection = false
          for (let d = 1; d <= $pos.depth; d++) if (/^section[1-4]$|^problems$|^plans$/.test($pos.node(d).type.name)) inSection = true
          blocks.push({ pos, node, inSection })
          return false
        }
        return true
      })
      const candidates = blocks.filter((b) =>
        where === 'any' ? true : where === 'heading' ? b.node.type.name === 'heading' : b.inSection && b.node.type.name === 'paragraph',
      )
      if (!candidates.length) return null
      const b = candidates[Math.floor(r1 * candidates.length)]!
      const size = b.node.content.size
      const offset = where === 'sectionParagraphEnd' ? size : Math.floor(r2 * (size + 1))
      const Selection = view.state.selection.constructor
      view.dispatch(view.state.tr.setSelection(Selection.near(doc.resolve(b.pos + 1 + offset))))
      view.focus()
      const text: string = b.node.textContent
      return `${b.node.type.name}「${text.slice(Math.max(0, offset - 6), offset)}|${text.slice(offset, offset + 6)}」`
    },
    { where, r1, r2 },
  )
}

/** Selects a whole section, from the start of its heading to the start of the next heading (as a writer does with Shift-arrows); null when there are too few. */
function selectSection(page: Page, r: number): Promise<string | null> {
  return page.evaluate((r) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    const { doc } = view.state
    const heads: { pos: number; text: string }[] = []
    doc.descendants((node: any, pos: number) => {
      if (node.type.name === 'heading') {
        heads.push({ pos, text: node.textContent })
        return false
      }
      return true
    })
    // Leave something to work on.
    if (heads.length < 5) return null
    const i = Math.floor(r * (heads.length - 1))
    const from = heads[i]!.pos + 1
    const to = heads[i + 1]!.pos + 1
    const near = view.state.selection.constructor.near(doc.resolve(from))
    const TextSelection = near.constructor
    view.dispatch(view.state.tr.setSelection(TextSelection.between(doc.resolve(from), doc.resolve(to))))
    view.focus()
    return `「${heads[i]!.text}」 to 「${heads[i + 1]!.text}」`
  }, r)
}

/** Puts the cursor just before a metric chosen by `r`; null when there is none. */
function beforeMetric(page: Page, r: number): Promise<string | null> {
  return page.evaluate((r) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    const { doc } = view.state
    const metrics: { pos: number; text: string }[] = []
    doc.descendants((node: any, pos: number) => {
      if (node.type.name === 'metric') metrics.push({ pos, text: node.textContent || JSON.stringify(node.attrs) })
      return true
    })
    if (!metrics.length) return null
    const m = metrics[Math.floor(r * metrics.length)]!
    view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.near(doc.resolve(m.pos))))
    view.focus()
    return `metric #${metrics.indexOf(m)} ${m.text}`
  }, r)
}

const fieldInput = (page: Page) => page.locator('zongjie-editor .ProseMirror .zj-field-input')
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Does one operation as a writer; returns what it did, for the log. */
async function operate(w: Writer, op: OpKind): Promise<Omit<Entry, 't' | 'writer' | 'n' | 'op'>> {
  const { page, random } = w
  const keyboard = page.keyboard
  switch (op) {
    case 'type': {
      const at = await place(page, 'any', random(), random())
      const what = pick(random, snippets)
      await keyboard.type(what)
      return { at, what }
    }
    case 'enter': {
      const at = await place(page, 'any', random(), random())
      await keyboard.press('Enter')
      return { at }
    }
    case 'backspace':
    case 'delete': {
      const at = await place(page, 'any', random(), random())
      const times = 1 + Math.floor(random() * 3)
      for (let i = 0; i < times; i++) await keyboard.press(op === 'backspace' ? 'Backspace' : 'Delete')
      return { at, what: `×${times}` }
    }
    case 'section': {
      const at = await place(page, 'sectionParagraphEnd', random(), random())
      const what = pick(random, typedNumbers) + pick(random, titles)
      if (at === null) return { at }
      await keyboard.press('Enter')
      await keyboard.type(what)
      return { at, what }
    }
    case 'toolbarSection': {
      const at = await place(page, 'any', random(), random())
      const label = pick(random, toolbarLabels)
      const title = pick(random, titles)
      const button = page.locator('zongjie-editor .toolbar button').filter({ hasText: new RegExp(`^\\s*${label.replace(/[.()]/g, '\\$&')}\\s*$`) })
      if (!(await button.isEnabled().catch(() => false))) return { at, what: label, note: 'button disabled' }
      try {
        await button.click({ timeout: 1000 })
      } catch {
        return { at, what: label, note: 'button not clicked' }
      }
      await keyboard.type(title)
      return { at, what: label + title }
    }
    case 'demote':
    case 'promote':
    case 'moveUp':
    case 'moveDown': {
      const at = await place(page, 'heading', random(), random())
      const key = { demote: 'Tab', promote: 'Shift+Tab', moveUp: 'Alt+ArrowUp', moveDown: 'Alt+ArrowDown' }[op]
      if (at !== null) await keyboard.press(key)
      return { at, what: key }
    }
    case 'deleteSection': {
      const at = await selectSection(page, random())
      const key = random() < 0.5 ? 'Delete' : 'Backspace'
      if (at !== null) await keyboard.press(key)
      return { at, what: key }
    }
    case 'field': {
      const at = await beforeMetric(page, random())
      const digits = String(1 + Math.floor(random() * 999))
      if (at === null) return { at }
      await keyboard.press('ArrowRight')
      await keyboard.press('F2')
      try {
        await expect(fieldInput(page)).toBeFocused({ timeout: 1500 })
      } catch {
        return { at, what: digits, note: 'no field input opened' }
      }
      await keyboard.press('Control+a')
      await keyboard.type(digits)
      await keyboard.press('Enter')
      try {
        await expect(fieldInput(page)).toHaveCount(0, { timeout: 2000 })
      } catch {
        await keyboard.press('Escape')
        return { at, what: digits, note: 'field input still open: Escape' }
      }
      return { at, what: digits }
    }
    case 'ime': {
      const at = await place(page, 'any', random(), random())
      const [pinyin, commit] = pick(random, compositions)
      for (let i = 1; i <= pinyin.length; i += 2) {
        const step = pinyin.slice(0, i)
        await w.cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length })
        await pause(15)
      }
      await w.cdp.send('Input.insertText', { text: commit })
      await page.waitForFunction(() => !(document.querySelector('zongjie-editor') as any).view.composing, null, { timeout: 3000 })
      return { at, what: `${pinyin}→${commit}` }
    }
  }
}

/**
 * Each writer does `count` operations (their share of them) in a loop of their own, all loops at
 * once: nobody waits for the others. Returns the log, in the order things were done.
 */
async function runOps(writers: Writer[], total: number, log: Entry[]): Promise<void> {
  const t0 = Date.now()
  await Promise.all(
    writers.map(async (w, index) => {
      const count = Math.floor(total / writers.length) + (index < total % writers.length ? 1 : 0)
      for (let n = 0; n < count; n++) {
        const op = pickOp(w.random)
        const entry: Entry = { t: Date.now() - t0, writer: w.name, n, op }
        log.push(entry)
        try {
          Object.assign(entry, await operate(w, op))
        } catch (e) {
          entry.note = `failed: ${(e as Error).message.split('\n')[0]}`
        }
        // A little time, sometimes none, before the next: so that the writers' edits interleave differently.
        await pause(Math.floor(w.random() * 60))
      }
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// The checks

/** Each heading of a summary as the editor numbers it: number and title. */
function headingsOf(s: Summary): string[] {
  const out: string[] = []
  const walk = (sections: Section[]) => {
    for (const sec of sections) {
      out.push(sec.number + sec.title)
      walk(sec.sections)
    }
  }
  walk(s.sections)
  return out
}

/**
 * Waits until every page is connected and shows the same Summary JSON; checks that it is valid
 * (the model reads it back as exactly that summary) and that every page numbers the headings as
 * it does. Returns it.
 */
async function converged(pages: Page[], seed: number): Promise<Summary> {
  for (const page of pages) await expect(page.locator('zongjie-editor .status .collab'), `seed ${seed}: every page is connected`).toHaveText('协同：已连接', { timeout: 20_000 })
  const message = `seed ${seed}: every page shows the same Summary JSON`
  await expect
    .poll(async () => new Set(await Promise.all(pages.map((p) => summary(p)))).size, { message, timeout: 20_000, intervals: [200, 500, 1000] })
    .toBe(1)
  const [json] = await Promise.all(pages.map((p) => summary(p)))
  const final = JSON.parse(json!) as Summary
  // Valid: the model reads it back as exactly this summary (numbers, metrics index and all).
  let readBack: Summary | string
  try {
    readBack = toSummary(fromSummary(final))
  } catch (e) {
    readBack = `refused: ${(e as Error).message}`
  }
  expect(readBack, `seed ${seed}: the converged summary is valid Summary JSON`).toEqual(final)
  const expected = headingsOf(final)
  for (const page of pages) expect(await headings(page), `seed ${seed}: the headings' numbers on every page are the summary's`).toEqual(expected)
  return final
}

/** Attaches the log of operations and each page's co-editing events (with the server's refusals), and notes the refusals. */
async function report(info: TestInfo, seed: number, log: Entry[], pages: Page[]): Promise<void> {
  const records = await Promise.all(pages.map((p) => recordOf(p).catch(() => ({ collab: [], errors: ['page gone'] }))))
  await info.attach('operations.json', { body: JSON.stringify({ seed, log, pages: records }, null, 1), contentType: 'application/json' })
  const failed = log.filter((e) => e.note?.startsWith('failed'))
  const counts: Record<string, number> = {}
  for (const e of log) counts[e.op] = (counts[e.op] ?? 0) + 1
  info.annotations.push({ type: 'operations', description: `${log.length} (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); ${failed.length} could not be done` })
  const refusals = records.flatMap((r, i) => r.collab.filter((c) => c.reason).map((c) => `page ${i}: ${c.status} ${c.reason}`))
  if (refusals.length) {
    info.annotations.push({ type: 'refused', description: refusals.join('; ') })
    console.warn(`${info.title} (seed ${seed}): the server refused changes: ${refusals.join('; ')}`)
  }
}

/** Fails on uncaught errors in the pages. */
async function noPageErrors(pages: Page[], seed: number) {
  const errors = (await Promise.all(pages.map((p) => recordOf(p)))).flatMap((r) => r.errors)
  expect(errors, `seed ${seed}: uncaught errors in the pages`).toEqual([])
}

/**
 * The writers: the first joins `documentName` (a new document) and writes the starting summary into it —
 * types the title, Enter, pastes the rest — then the others join (on `urls`, round robin) and
 * get it. Each writer has their generator and a CDP session.
 */
async function writersOn(browser: Browser, documentName: string, names: string[], seed: number, urls?: string[]): Promise<Writer[]> {
  const writers: Writer[] = []
  for (const [i, name] of names.entries()) {
    const page = await join(browser, documentName, name, 'editor', urls?.[i % urls.length])
    writers.push({ name, page, random: prng(seed * 7 + i + 1), cdp: await page.context().newCDPSession(page) })
    if (i === 0) {
      await place(page, 'any', 0, 0)
      await page.keyboard.type(startTitle)
      await page.keyboard.press('Enter')
      expect(await paste(page, { text: startBody })).toBe(true)
      expect(await headings(page)).toEqual(startHeadings)
    }
  }
  const shown = await summary(writers[0]!.page)
  for (const w of writers.slice(1)) await expect.poll(() => summary(w.page), { message: 'the starting summary reaches every page', timeout: 10_000 }).toBe(shown)
  return writers
}

/** A summary with its keys in order, to compare two of them as JSON from different sources (a jsonb column orders keys its own way). */
function sameSummary(a: unknown, b: unknown): boolean {
  const order = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(order) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, order((v as Record<string, unknown>)[k])])) : v
  return JSON.stringify(order(a)) === JSON.stringify(order(b))
}

// ---------------------------------------------------------------------------------------------
// The tests

for (const [count, ops] of [
  [2, 44],
  [3, 57],
] as const) {
  test(`${count} writers, ${envOps ?? ops} random operations at once, converge on one valid summary, stored by the server (seed printed)`, async ({ browser }, info) => {
    test.setTimeout(90_000)
    const seed = seedFor(info)
    const documentName = unique()
    const writers = await writersOn(browser, documentName, ['张三', '李四', '王五'].slice(0, count), seed)
    const pages = writers.map((w) => w.page)
    const log: Entry[] = []
    try {
      await runOps(writers, envOps ?? ops, log)
      const final = await converged(pages, seed)
      await noPageErrors(pages, seed)

      // The server's stored copy (SQLite, written on its debounced store) comes to the same summary.
      await expect
        .poll(() => sameSummary(storedSummarySQLite(documentName), final), { message: `seed ${seed}: the server's zongjie_summaries row is the pages' summary`, timeout: 20_000, intervals: [500, 1000] })
        .toBe(true)
    } finally {
      await report(info, seed, log, pages)
      for (const page of pages) await page.context().close()
    }
  })
}

test.describe('two server instances through Redis, documents in PostgreSQL', () => {
  const skip = [skipPostgres(), skipRedis()].some(Boolean)
  test.skip(skip, 'SKIP_POSTGRES=1 or SKIP_REDIS=1')

  let cluster: Cluster | null = null
  let redis: Awaited<ReturnType<typeof startRedis>> | null = null
  const servers: ChildServer[] = []

  test.beforeAll(async () => {
    test.setTimeout(60_000)
    cluster = await startCluster()
    redis = await startRedis(await freePort())
    for (let i = 0; i < 2; i++) {
      servers.push(await spawnServer({ HOST: '127.0.0.1', PORT: String(await freePort()), DATABASE_URL: cluster.url, REDIS_URL: redis.url, DATA_DIR: '' }))
    }
  })

  test.afterAll(async () => {
    for (const s of servers) {
      if (s.process.exitCode === null && s.process.signalCode === null) s.process.kill('SIGTERM')
      await exitOf(s)
    }
    await redis?.stop()
    await cluster?.stop()
  })

  test('a page on each instance, random operations at once: both converge, and the jsonb column holds the summary', async ({ browser }, info) => {
    test.setTimeout(90_000)
    const seed = seedFor(info)
    const documentName = unique()
    const writers = await writersOn(browser, documentName, ['张三', '李四'], seed, servers.map((s) => s.url))
    const pages = writers.map((w) => w.page)
    const log: Entry[] = []
    try {
      await runOps(writers, envOps ?? 36, log)
      const final = await converged(pages, seed)
      await noPageErrors(pages, seed)

      await expect
        .poll(async () => sameSummary(await storedSummaryPostgres(cluster!.url, documentName), final), {
          message: `seed ${seed}: zongjie_documents.summary (jsonb) is the pages' summary`,
          timeout: 20_000,
          intervals: [500, 1000],
        })
        .toBe(true)
    } finally {
      await report(info, seed, log, pages)
      const refused = servers.flatMap((s, i) => s.lines.filter((l) => l.event === 'update-refused').map((l) => ({ instance: i, ...l })))
      if (refused.length) {
        await info.attach('server-refusals.json', { body: JSON.stringify(refused, null, 1), contentType: 'application/json' })
        console.warn(`seed ${seed}: the servers refused updates: ${JSON.stringify(refused)}`)
      }
      for (const page of pages) await page.context().close()
    }
  })
})

// ---------------------------------------------------------------------------------------------
// Found by the random edits

/**
 * A change of the document's attributes from another writer (the shared `attributes` map: year
 * and period, comment threads, suggestions) that arrives in the same Yjs transaction as new blocks
 * of content. Pasting a whole summary into an empty document changes both; a writer who was
 * offline meanwhile gets them in one transaction when they reconnect (sync step 2). The session
 * shows the attributes once the Yjs transaction has ended, after y-prosemirror's binding has
 * shown the content: shown before, they made the binding write the editor's document, without the
 * new blocks, back over the shared one, and the sections were lost on every page (found by the
 * random edits: about one run in three with three pages, and through Redis).
 */
test('a writer offline while another pastes a whole summary into the new document gets it on reconnecting, and nobody loses it', async ({ browser }) => {
  const documentName = unique()
  const a = await join(browser, documentName, '张三')
  const b = await join(browser, documentName, '李四')
  // The page's WebSocket to the server, closed and opened again as when the network goes and comes back.
  const socket = (page: Page, call: 'disconnect' | 'connect') =>
    page.evaluate((call) => void (document.querySelector('zongjie-editor') as any).session.provider.configuration.websocketProvider[call](), call)
  await socket(b, 'disconnect')
  await expect(b.locator('zongjie-editor .status .collab')).not.toHaveText('协同：已连接')
  await b.waitForTimeout(300)
  await place(a, 'any', 0, 0)
  expect(await paste(a, { text: `${startTitle}\n\n${startBody}` })).toBe(true)
  expect(await headings(a)).toEqual(startHeadings)
  await expect.poll(() => a.evaluate(() => (document.querySelector('zongjie-editor') as any).session.provider.hasUnsyncedChanges)).toBe(false)
  await socket(b, 'connect')
  await expect(b.locator('zongjie-editor .status .collab')).toHaveText('协同：已连接')
  // Both: the writer who pasted keeps the sections, the one who reconnected gets them.
  await expect.poll(async () => ({ pasted: await headings(a), reconnected: await headings(b) })).toEqual({ pasted: startHeadings, reconnected: startHeadings })
  for (const page of [a, b]) await page.context().close()
})

/**
 * While a writer composes with an input method, the session holds the others' changes back
 * (packages/editor/src/collab/session.ts, `holdDuringCompositions`), so y-prosemirror's mapping
 * from shared elements to the editor's nodes lacks the blocks they add meanwhile. The others'
 * cursors are not drawn then: drawn, y-prosemirror's cursor plugin reached such a block before the
 * cursor and threw `TypeError: Cannot read properties of undefined (reading 'nodeSize')`, uncaught,
 * in the composing writer's page (y-prosemirror issue #156 is the same throw, before the first
 * sync), in about half of the three-writer random runs.
 */
test("another writer's cursor after a paragraph they added while one composes throws nothing in the composing writer's page", async ({ browser }) => {
  const documentName = unique()
  const a = await join(browser, documentName, '张三')
  await a.locator('zongjie-editor .zj-preamble p').first().click()
  await a.keyboard.type('上半年，我局稳步推进各项工作。')
  await a.keyboard.press('Enter')
  await a.keyboard.type('第二段。')
  const b = await join(browser, documentName, '李四')
  // 张三 composes in the title.
  await place(a, 'any', 0, 0)
  const cdp = await a.context().newCDPSession(a)
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 })
  // Meanwhile 李四 adds a paragraph after the first, and goes on writing in the one after it.
  await cursorAt(b, '工作。')
  await b.keyboard.press('Enter')
  await b.keyboard.type('新')
  await cursorAt(b, '第二段', 'start')
  await b.keyboard.type('再')
  await a.waitForTimeout(500)
  await cdp.send('Input.insertText', { text: '你' })
  await expect.poll(async () => (await summary(a)) === (await summary(b)) && (await text(a)).includes('新\n再第二段。')).toBe(true)
  expect((await recordOf(a)).errors, "uncaught errors in the composing writer's page").toEqual([])
  for (const page of [a, b]) await page.context().close()
})

/**
 * The numbers shown stay right, with no change of the document, when another writer's cursor
 * moves between two sections that are equal (same title, same body; here 二、同 and 三、同). The
 * numbers are the `data-number` of the headings' node views (packages/editor/src/plugins/numbering.ts),
 * refreshed after a change of the document; a section redrawn with a view ProseMirror drew for
 * an equal node elsewhere (it matches views by `node.eq`) would carry that node's number. Before
 * 75ab07c (joining draws every block from the shared document's nodes) this showed 一、甲 四、同
 * 四、同 四、乙 on the first writer's page, and the random runs met numbers one off for every
 * section after two equal ones (seed 872557334, two instances through Redis, left so at the end).
 */
test("another writer's cursor moving between two equal sections leaves every page's numbers right", async ({ browser }) => {
  const documentName = unique()
  const a = await join(browser, documentName, '张三')
  await place(a, 'any', 0, 0)
  await a.keyboard.type('示范县民政局工作总结')
  await a.keyboard.press('Enter')
  expect(await paste(a, { text: '上半年工作总结如下：\n\n一、甲\n甲文。\n二、同\n三、同\n四、乙\n乙文。\n' })).toBe(true)
  const numbered = ['一、甲', '二、同', '三、同', '四、乙']
  expect(await headings(a)).toEqual(numbered)
  const b = await join(browser, documentName, '李四')
  // 李四's cursor goes to the start of the one 同, then of the other, and back.
  const toHeading = (nth: number) =>
    b.evaluate((nth) => {
      const view = (document.querySelector('zongjie-editor') as any).view
      const found: number[] = []
      view.state.doc.descendants((node: any, pos: number) => {
        if (node.type.name === 'heading' && node.textContent === '同') found.push(pos + 1)
        return true
      })
      view.dispatch(view.state.tr.setSelection(view.state.selection.constructor.near(view.state.doc.resolve(found[nth]!))))
      view.focus()
    }, nth)
  for (const nth of [0, 1, 0, 1]) {
    await toHeading(nth)
    await a.waitForTimeout(200)
    expect(await headings(a), `张三's page, 李四's cursor in the ${nth ? 'second' : 'first'} 同`).toEqual(numbered)
  }
  expect(JSON.parse(await summary(a)).sections.map((s: Section) => s.number + s.title)).toEqual(numbered)
  for (const page of [a, b]) await page.context().close()
})
