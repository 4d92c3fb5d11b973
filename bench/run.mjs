#!/usr/bin/env node
// `pnpm bench`: <zongjie-editor> and the Zongjie model against bare ProseMirror, and the editor
// beside two peers, Tiptap and Lexical.
//
//  1. builds: the bench pages (Vite, into dist/pages, unminified so that profiles name
//     functions), the Node side (esbuild, dist/node), and the library bundles whose sizes are
//     compared (Vite library builds, minified, every dependency bundled, dist/bundle; the editor's
//     is a main chunk, the entry and the chunks it imports, and the chunks of Word support that it
//     loads on first use; the peers' hold what their pages use);
//  2. prepares the documents (220, 2,200 and 11,000 blocks, seeded) and checks them in Node, and
//     the Word files of the 2,200-block one (Zongjie's export, and the same without its Summary
//     JSON), checked by importing them back;
//  3. runs the Node figures in child processes (the conversions and the Word cases each in a
//     process of its own, in rounds);
//  4. runs the browser figures in Debian's Chromium (playwright-core), each case on a fresh page of
//     a small static server on 127.0.0.1;
//  5. checks the targets, takes a CPU profile of every case that misses one, prints the tables and
//     writes bench/results.json (atomically).
//
// The targets are ratios to bare ProseMirror (the baseline page), and one comparison with the peers:
// Zongjie's medians below both peers' for the per-key and mount figures. The peers are in no ratio.
//
// Exits 1 when a sanity check fails (a case that measured nothing, a document of the wrong size,
// baseline and subject with different text, a Word file that does not import back as the document
// it was written from, an error in a page); a missed target is reported with
// ✗ but is not a failure. Options: --quick (fewer samples, for trying the bench out), --no-profile,
// --build-only (build and prepare the documents, nothing else).
import { execFileSync, spawnSync } from 'node:child_process'
import { createServer } from 'node:http'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, statSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatProfile, summarizeProfile } from './src/profile.mjs'
import { libraryBundle, mainChunkBefore } from './src/bundle.mjs'
import { chromiumArgs, chromiumPath } from '../e2e/chromium.mjs'

const started = performance.now()
const loadAtStart = loadavg()[0]
const benchDir = dirname(fileURLToPath(import.meta.url))
const root = resolve(benchDir, '..')
const dist = join(benchDir, 'dist')
const argv = process.argv.slice(2)
const quick = argv.includes('--quick')
const profileMisses = !argv.includes('--no-profile')
const buildOnly = argv.includes('--build-only')
const sizes = [220, 2200, 11000]
/** The sizes of the co-editing case. */
const collabSizes = [2200, 11000]
/**
 * The peers: other editors on the same generated text (the baseline's headings and paragraphs),
 * measured by the same harness for mount, keys, IME characters and paste (not the restructuring
 * edit, which is Zongjie's and the baseline's Tab). In no ratio; in the targets only as the figures
 * Zongjie's must be below.
 */
const peers = [
  { kind: 'tiptap', name: 'Tiptap' },
  { kind: 'lexical', name: 'Lexical' },
]
/** The sizes at which Zongjie is to be ahead of the peers. */
const peerSizes = [2200, 11000]
/** Samples per case. Mount: one fresh page a sample. */
const plan = quick
  ? { mount: { 220: 3, 2200: 3, 11000: 2 }, heap: 1, latin: 40, ime: 20, demote: 4, paste: 3, collab: 40, warm: 3 }
  : { mount: { 220: 12, 2200: 10, 11000: 6 }, heap: 3, latin: 200, ime: 100, demote: 12, paste: 8, collab: 200, warm: 10 }

const failures = []
const fail = (message) => {
  failures.push(message)
  console.error(`bench: FAIL: ${message}`)
}
const log = (message) => console.log(`bench: ${message}`)
const seconds = () => ((performance.now() - started) / 1000).toFixed(1)

function exit() {
  if (failures.length) {
    console.error(`\nbench: ${failures.length} sanity check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
    process.exit(1)
  }
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]
  const round = (x) => Math.round(x * 1000) / 1000
  return { n: s.length, median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0]), max: round(s[s.length - 1]) }
}

function version(dir, name) {
  const file = join(dir, 'node_modules', name, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null
}

// ---------------------------------------------------------------------------------------------
// 1. Build

async function buildAll() {
  rmSync(dist, { recursive: true, force: true })
  mkdirSync(dist, { recursive: true })
  const esbuild = await import('esbuild')
  await esbuild.build({
    entryPoints: [join(benchDir, 'src/node.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(dist, 'node/node.mjs'),
    // Not minified, so profiles name functions as written. No keepNames: the `__name` it wraps
    // every class in makes `new` of ProseMirror's classes several times slower in Node 20, which
    // would weigh on every Node figure.
    logLevel: 'warning',
  })
  const { build } = await import('vite')
  const quiet = { configFile: false, logLevel: 'warn', envDir: false }
  await build({
    ...quiet,
    root: join(benchDir, 'pages'),
    base: './',
    plugins: [asTheEditor],
    build: {
      outDir: join(dist, 'pages'),
      emptyOutDir: true,
      target: 'es2022',
      // Unminified: the profiles of missed targets then name functions (and rolldown's region
      // comments name their modules). Minification is measured in the bundle sizes instead.
      minify: false,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rolldownOptions: { input: Object.fromEntries(['baseline', 'zongjie', 'floor', ...peers.map((p) => p.kind)].map((k) => [k, join(benchDir, `pages/${k}.html`)])) },
    },
  })
  const bundles = {}
  for (const [name, entry] of [
    ['editor', join(root, 'packages/editor/src/index.ts')],
    ['pm-lit', join(benchDir, 'src/pm-lit.ts')],
    ['floor', join(benchDir, 'src/floor-bundle.ts')],
    // The peers: what their pages use (bench/src/tiptap.ts, bench/src/lexical.ts).
    ...peers.map((p) => [p.kind, join(benchDir, `src/${p.kind}.ts`)]),
  ]) {
    bundles[name] = await libraryBundle(name, entry, join(dist, 'bundle', name))
  }
  return bundles
}

/**
 * The co-editing case's page code (bench/src/collab.ts) binds the editor to a Yjs document as the
 * editor's session does: Yjs, y-prosemirror, y-protocols and the shared summary's mapping
 * (@zongjie/collab) are resolved from there as the editor resolves them, so that the page and the
 * editor share one copy of each (the binding's types must be the editor's Yjs), without being
 * dependencies of the bench.
 */
const asTheEditor = {
  name: 'bench-resolve-as-the-editor',
  resolveId(source, importer) {
    if (!/^(yjs|y-prosemirror|y-protocols|@zongjie\/collab)(\/|$)/.test(source) || !importer?.startsWith(benchDir + sep)) return null
    return this.resolve(source, join(root, 'packages/editor/src/index.ts'), { skipSelf: true })
  },
}

// ---------------------------------------------------------------------------------------------
// 2, 3. Node

function node(args) {
  const r = spawnSync(process.execPath, ['--expose-gc', join(dist, 'node/node.mjs'), ...args], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  if (r.status !== 0) {
    const message = (r.stderr || '').trim().split('\n').find((l) => /Error|error/.test(l)) ?? r.stderr?.trim() ?? `exit ${r.status}`
    return { ok: false, message }
  }
  return { ok: true }
}

// ---------------------------------------------------------------------------------------------
// 4. Browser

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8' }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
    const file = resolve(dir, '.' + path)
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(readFileSync(file))
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

async function browserBench(meta, onCase) {
  const { chromium } = await import('playwright-core')
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH, or apt-get install chromium)`)
  const server = await serve(dist)
  const base = `http://127.0.0.1:${server.address().port}`
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, locale: 'zh-CN' })
  const assets = join(dist, 'pages')
  const fileOf = (url) => {
    const m = /\/pages\/(.*)$/.exec(url ?? '')
    return m ? join(assets, m[1]) : null
  }

  async function fresh(kind, n) {
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    // `reviewed`: the editor's page with the document after a review round (its comments and suggestions, their panels on).
    await page.goto(kind === 'reviewed' ? `${base}/pages/zongjie.html?n=${n}&data=zongjie-reviewed` : `${base}/pages/${kind}.html?n=${n}`)
    await page.evaluate(() => window.bench.ready)
    const cdp = await context.newCDPSession(page)
    return {
      page,
      cdp,
      errors,
      async close() {
        if (errors.length) fail(`${kind} ${n}: error in the page: ${errors[0]}`)
        await cdp.detach().catch(() => {})
        await page.close()
      },
    }
  }

  // The editor's own work in a profile: samples under ProseMirror's event handlers, its DOM
  // observer's flush and the view's update (the browser's own editing and the harness left out).
  const editorWork = /eventHandlers|editHandlers|^handlers\.|^flush$|^forceFlush$|^readDOMChange$|updateState$|^endComposition$/

  async function withProfile(p, profile, fn, under = editorWork) {
    if (!profile) return fn()
    await p.cdp.send('Profiler.enable')
    await p.cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await p.cdp.send('Profiler.start')
    const r = await fn()
    const { profile: prof } = await p.cdp.send('Profiler.stop')
    mkdirSync(join(dist, 'profiles'), { recursive: true })
    writeFileSync(join(dist, 'profiles', `${profile}.cpuprofile`), JSON.stringify(prof))
    r.profile = summarizeProfile(prof, { top: 12, fileOf, under })
    return r
  }

  async function heap(p) {
    await p.page.evaluate(() => window.bench.release())
    await p.cdp.send('HeapProfiler.enable')
    await p.cdp.send('HeapProfiler.collectGarbage')
    await p.cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await p.cdp.send('Runtime.getHeapUsage')
    return usedSize
  }

  const checkDoc = async (p, kind, n) => {
    const c = await p.page.evaluate(() => window.bench.check())
    if (c.textblocks !== n) fail(`size: ${kind} ${n} blocks mounted ${c.textblocks} textblocks`)
    const expected = meta.sizes[n].lines
    if (kind === 'floor') {
      // The floor page draws no numbers or ordinals, and a field as U+FFFC: each block reads as the
      // end of the generated one, with any text where a field is.
      const pattern = (line) => new RegExp(`${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\ufffc/g, '.+?')}$`, 'u')
      const at = expected.findIndex((l, i) => c.lines[i] === undefined || !pattern(c.lines[i]).test(l))
      if (at >= 0) fail(`text: floor ${n} reads differently from the generated text at block ${at}: ${JSON.stringify(c.lines[at])} is not the end of ${JSON.stringify(expected[at])}`)
      return null
    }
    const at = expected.findIndex((l, i) => c.lines[i] !== l)
    if (at >= 0 || c.lines.length !== expected.length) {
      const i = at >= 0 ? at : expected.length
      fail(`text: ${kind} ${n} reads differently from the generated text at block ${i}: ${JSON.stringify(c.lines[i])} ≠ ${JSON.stringify(expected[i])}`)
    }
    return c.lines.join('\n')
  }

  /** Mount on fresh pages: JS only and to the first frame; the first `plan.heap` pages also give the heap after mount. */
  async function mount(kind, n, { samples = plan.mount[n], profile = null, check = true, heap: withHeap = true } = {}) {
    const js = []
    const frame = []
    const heapAfter = []
    for (let i = 0; i < samples; i++) {
      const p = await fresh(kind, n)
      const r = await withProfile(p, profile, () => p.page.evaluate(() => window.bench.mount()), null)
      js.push(r.js)
      frame.push(r.frame)
      if (i === 0 && check) await checkDoc(p, kind, n)
      if (!profile && withHeap && i < plan.heap) heapAfter.push(await heap(p))
      await p.close()
      if (profile) return { profile: r.profile }
    }
    return { js, frame, heap: heapAfter }
  }

  /**
   * The JS heap after mount by constructor (self size of the objects, arrays and closures each
   * names; strings and code as their own groups), from a heap snapshot after a GC.
   */
  async function heapByConstructor(kind, n) {
    const p = await mounted(kind, n)
    await p.page.evaluate(() => window.bench.release())
    await p.cdp.send('HeapProfiler.enable')
    await p.cdp.send('HeapProfiler.collectGarbage')
    const chunks = []
    const onChunk = (e) => chunks.push(e.chunk)
    p.cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
    await p.cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
    p.cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
    await p.close()
    const snap = JSON.parse(chunks.join(''))
    const f = snap.snapshot.meta.node_fields
    const types = snap.snapshot.meta.node_types[0]
    const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((x) => f.indexOf(x))
    const groups = new Map()
    for (let i = 0; i < snap.nodes.length; i += f.length) {
      const type = types[snap.nodes[i + iType]]
      const name = snap.strings[snap.nodes[i + iName]]
      const key = type === 'object' || type === 'closure' ? `${name}${type === 'closure' ? ' (closure)' : ''}` : `(${type})`
      groups.set(key, (groups.get(key) ?? 0) + snap.nodes[i + iSize])
    }
    return Object.fromEntries([...groups].sort((a, b) => b[1] - a[1]).slice(0, 80))
  }

  /** Empty page heap (the bundle loaded, nothing mounted), for reference. */
  async function emptyHeap(kind) {
    const p = await fresh(kind, 220)
    const h = await heap(p)
    await p.close()
    return h
  }

  const sampleOf = (r) => {
    const view = r.spans.reduce((s, x) => s + x.view, 0) + r.orphans.reduce((s, x) => s + x, 0)
    const all = r.spans.reduce((s, x) => s + x.all, 0) + r.orphans.reduce((s, x) => s + x, 0)
    const full = r.spans.reduce((s, x) => s + x.full, 0) + r.orphans.reduce((s, x) => s + x, 0)
    // `unstarted`: updates outside any input's task whose start the editor does not tell (Lexical's), not in the figures.
    return { view, all, full, empty: r.spans.length + r.orphans.length === 0, deferred: r.deferred, unstarted: r.unstarted }
  }

  async function mounted(kind, n) {
    const p = await fresh(kind, n)
    await p.page.evaluate(() => window.bench.mount())
    return p
  }

  function series() {
    const s = { view: [], all: [], full: [], empty: 0, deferred: 0, unstarted: 0 }
    s.add = (x) => {
      if (x.empty) s.empty++
      else {
        s.view.push(x.view)
        s.all.push(x.all)
        s.full.push(x.full)
      }
      s.deferred += x.deferred
      s.unstarted += x.unstarted
    }
    return s
  }

  /** Latin keys typed one at a time (page.keyboard.type) in the middle paragraph. */
  async function latin(kind, n, { count = plan.latin, profile = null } = {}) {
    const p = await mounted(kind, n)
    const { middle } = meta.sizes[n]
    await p.page.evaluate(([i]) => window.bench.caret(i, 50), [middle])
    await p.page.evaluate(() => window.bench.settle())
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const s = series()
    let typed = ''
    const key = async (ch, record) => {
      await p.page.evaluate(() => window.bench.arm())
      await p.page.keyboard.type(ch)
      const r = await p.page.evaluate(async () => {
        await window.bench.settle()
        return window.bench.collect()
      })
      typed += ch
      if (record) s.add(sampleOf(r))
    }
    for (let i = 0; i < plan.warm; i++) await key(letters[i % 26], false)
    const r = await withProfile(p, profile, async () => {
      for (let i = 0; i < count; i++) await key(letters[(i + plan.warm) % 26], true)
      return {}
    })
    const text = await p.page.evaluate(([i]) => window.bench.blockText(i), [middle])
    if (!text.includes(typed)) fail(`typing: ${kind} ${n}: the ${typed.length} typed keys are not in the paragraph`)
    await p.close()
    return profile ? r : s
  }

  const pinyin = [
    ['gong', '工'],
    ['zuo', '作'],
    ['zong', '总'],
    ['jie', '结'],
    ['tui', '推'],
    ['jin', '进'],
    ['luo', '落'],
    ['shi', '实'],
    ['fu', '服'],
    ['wu', '务'],
  ]

  /** Chinese characters committed through the IME (CDP imeSetComposition, then insertText), one composition each. */
  async function ime(kind, n, { count = plan.ime, profile = null } = {}) {
    const p = await mounted(kind, n)
    const { middle } = meta.sizes[n]
    await p.page.evaluate(([i]) => window.bench.caret(i, 50), [middle])
    await p.page.evaluate(() => window.bench.settle())
    const s = series()
    let typed = ''
    const char = async (i, record) => {
      const [py, ch] = pinyin[i % pinyin.length]
      await p.page.evaluate(() => window.bench.arm())
      await p.cdp.send('Input.imeSetComposition', { text: py, selectionStart: py.length, selectionEnd: py.length })
      await p.page.evaluate(() => window.bench.cut())
      await p.cdp.send('Input.insertText', { text: ch })
      const r = await p.page.evaluate(async () => {
        await window.bench.settle(30)
        return window.bench.collect()
      })
      typed += ch
      if (record) s.add(sampleOf(r))
    }
    for (let i = 0; i < Math.ceil(plan.warm / 2); i++) await char(i, false)
    const r = await withProfile(p, profile, async () => {
      for (let i = 0; i < count; i++) await char(i + Math.ceil(plan.warm / 2), true)
      return {}
    })
    const text = await p.page.evaluate(([i]) => window.bench.blockText(i), [middle])
    if (!text.includes(typed)) fail(`IME: ${kind} ${n}: the ${typed.length} committed characters are not in the paragraph (${JSON.stringify(text.slice(40, 80))}…)`)
    await p.close()
    return profile ? r : s
  }

  /** The restructuring edit near the top (Tab in the second top-level heading), and its undo. */
  async function demote(kind, n, { count = plan.demote, profile = null } = {}) {
    const p = await mounted(kind, n)
    const { secondTop } = meta.sizes[n]
    await p.page.evaluate(([i]) => window.bench.caret(i, 2), [secondTop])
    await p.page.evaluate(() => window.bench.settle())
    const shape = () => p.page.evaluate(([i]) => window.bench.shape(i), [secondTop])
    const before = await shape()
    const s = series()
    const undo = series()
    const press = async (key) => {
      await p.page.evaluate(() => window.bench.arm())
      await p.page.keyboard.press(key)
      return sampleOf(
        await p.page.evaluate(async () => {
          await window.bench.settle()
          return window.bench.collect()
        }),
      )
    }
    let changed = true
    const pair = async (record) => {
      const d = await press('Tab')
      const after = await shape()
      if (after === before) changed = false
      const u = await press('Control+z')
      if ((await shape()) !== before) changed = false
      if (record) {
        s.add(d)
        undo.add(u)
      }
    }
    for (let i = 0; i < 2; i++) await pair(false)
    const r = await withProfile(p, profile, async () => {
      for (let i = 0; i < count; i++) await pair(true)
      return {}
    })
    if (!changed) fail(`restructure: ${kind} ${n}: Tab in the second top-level heading did not change it (${before}), or undo did not restore it`)
    await p.close()
    return profile ? r : { demote: s, undo }
  }

  /** A 5,000-character plain-text summary pasted in the middle paragraph (synthetic paste event), then undone. */
  async function pasteCase(kind, n, { count = plan.paste, profile = null } = {}) {
    const p = await mounted(kind, n)
    const { middle } = meta.sizes[n]
    await p.page.evaluate(([i]) => window.bench.caret(i, 50), [middle])
    await p.page.evaluate(() => window.bench.settle())
    const size0 = await p.page.evaluate(() => window.bench.size())
    const s = series()
    let grew = true
    const once = async (record) => {
      await p.page.evaluate(() => window.bench.arm())
      await p.page.evaluate((t) => window.bench.paste(t), meta.paste)
      const r = await p.page.evaluate(async () => {
        await window.bench.settle()
        return window.bench.collect()
      })
      if ((await p.page.evaluate(() => window.bench.size())) < size0 + meta.paste.length * 0.9) grew = false
      await p.page.keyboard.press('Control+z')
      await p.page.evaluate(() => window.bench.settle())
      if ((await p.page.evaluate(() => window.bench.size())) !== size0) grew = false
      if (record) s.add(sampleOf(r))
    }
    await once(false)
    const r = await withProfile(p, profile, async () => {
      for (let i = 0; i < count; i++) await once(true)
      return {}
    })
    if (!grew) fail(`paste: ${kind} ${n}: the pasted text did not go in, or undo did not take it out`)
    await p.close()
    return profile ? r : s
  }

  // The remote writer's work in a profile: applying its update (y-prosemirror's binding, the view's update under it).
  const remoteWork = /^applyUpdate(V2)?$/

  /**
   * Co-editing: the editor bound to a Yjs document as its session binds it (bench/src/collab.ts),
   * the writer's caret in the middle paragraph, another writer typing into the same paragraph
   * before it. In turn: a Latin key of the writer's (page.keyboard.type, as `latin`), and a key of
   * the other writer's arriving (its Yjs update applied to the editor's, in a task of its own,
   * measured from there to the end of the view's update and of Lit's). What the other writer's
   * document does to make its update, and what the editor sends it, is not measured.
   */
  async function collab(n, { count = plan.collab, profile = null } = {}) {
    const p = await mounted('zongjie', n)
    const { middle } = meta.sizes[n]
    await p.page.evaluate(([i]) => window.bench.share(i, 10), [middle])
    await p.page.evaluate(([i]) => window.bench.caret(i, 50), [middle])
    await p.page.evaluate(() => window.bench.settle())
    const letters = 'abcdefghijklmnopqrstuvwxyz'
    const local = series()
    const remote = series()
    let typed = ''
    const measured = () =>
      p.page.evaluate(async () => {
        await window.bench.settle()
        return window.bench.collect()
      })
    const localKey = async (ch, record) => {
      await p.page.evaluate(() => window.bench.arm())
      await p.page.keyboard.type(ch)
      const r = await measured()
      typed += ch
      if (record) local.add(sampleOf(r))
    }
    const remoteKey = async (ch, record) => {
      await p.page.evaluate((c) => window.bench.otherTypes(c), ch)
      await p.page.evaluate(() => window.bench.settle())
      await p.page.evaluate(() => {
        window.bench.arm()
        window.bench.otherArrives()
      })
      const r = await measured()
      if (record) remote.add(sampleOf(r))
    }
    for (let i = 0; i < plan.warm; i++) {
      await localKey(letters[i % 26], false)
      await remoteKey(letters[i % 26].toUpperCase(), false)
    }
    const r = await withProfile(
      p,
      profile,
      async () => {
        for (let i = 0; i < count; i++) {
          if (!profile) await localKey(letters[(i + plan.warm) % 26], true)
          await remoteKey(letters[(i + plan.warm) % 26].toUpperCase(), true)
        }
        return {}
      },
      remoteWork,
    )
    const text = await p.page.evaluate(([i]) => window.bench.blockText(i), [middle])
    const otherTyped = await p.page.evaluate(() => window.bench.otherTyped())
    if (!text.includes(typed)) fail(`co-editing: ${n}: the writer's ${typed.length} typed keys are not in the paragraph`)
    if (!text.includes(otherTyped)) fail(`co-editing: ${n}: the other writer's ${otherTyped.length} keys are not in the paragraph`)
    if (!(await p.page.evaluate(() => window.bench.converged()))) fail(`co-editing: ${n}: the two Yjs documents did not converge`)
    await p.close()
    return profile ? r : { local, remote }
  }

  const out = { version: browser.version(), cases: {}, heapEmpty: {} }
  const summarize = (s) => ({
    view: stats(s.view),
    all: stats(s.all),
    full: stats(s.full),
    empty: s.empty,
    deferredMs: Math.round(s.deferred * 10) / 10,
    ...(s.unstarted && { unstarted: s.unstarted }),
  })
  const zeroCheck = (name, s) => {
    if (!s.view.length) fail(`${name}: measured nothing (0 samples; ${s.empty} inputs gave no view update)`)
    else if (s.empty > s.view.length * 0.1) fail(`${name}: ${s.empty} of ${s.empty + s.view.length} inputs gave no view update`)
    // An update outside any input's task, of unknown duration (Lexical's), left out of the figures: only now and then.
    if (s.unstarted > (s.view.length + s.empty) * 0.1) fail(`${name}: ${s.unstarted} editor updates outside any input's task, of unknown duration, for ${s.view.length + s.empty} inputs`)
  }
  const mountedKinds = ['baseline', 'floor', 'zongjie', ...peers.map((p) => p.kind)]
  for (const kind of mountedKinds) out.heapEmpty[kind] = await emptyHeap(kind)
  for (const n of sizes) {
    // Mount samples alternate between the editors, so that other load on the machine weighs on all alike.
    // The floor (ProseMirror alone, drawing Zongjie's document) is mounted only, as a reference.
    const t0 = performance.now()
    const m = Object.fromEntries(mountedKinds.map((kind) => [kind, { js: [], frame: [], heap: [] }]))
    for (let i = 0; i < plan.mount[n]; i++) {
      for (const kind of mountedKinds) {
        const r = await mount(kind, n, { samples: 1, check: i === 0, heap: i < plan.heap })
        for (const k of ['js', 'frame', 'heap']) m[kind][k].push(...r[k])
      }
    }
    for (const kind of mountedKinds) {
      const mk = m[kind]
      if (!mk.js.length) fail(`mount ${kind} ${n}: measured nothing`)
      out.cases[`mount/${kind}/${n}`] = { js: stats(mk.js), frame: stats(mk.frame), heap: mk.heap.length ? Math.round(mk.heap.sort((a, b) => a - b)[mk.heap.length >> 1]) : null }
    }
    onCase?.(`mount, ${n} blocks: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    // Zongjie and ProseMirror, then the peers: the same keys, IME characters and paste, on the same generated text (restructuring is Zongjie's and ProseMirror's only).
    for (const kind of ['baseline', 'zongjie', ...peers.map((p) => p.kind)]) {
      const t = performance.now()
      const l = await latin(kind, n)
      zeroCheck(`latin ${kind} ${n}`, l)
      out.cases[`latin/${kind}/${n}`] = summarize(l)
      const c = await ime(kind, n)
      zeroCheck(`IME ${kind} ${n}`, c)
      out.cases[`ime/${kind}/${n}`] = summarize(c)
      if (kind === 'baseline' || kind === 'zongjie') {
        const d = await demote(kind, n)
        zeroCheck(`restructure ${kind} ${n}`, d.demote)
        out.cases[`demote/${kind}/${n}`] = summarize(d.demote)
        out.cases[`undo-demote/${kind}/${n}`] = summarize(d.undo)
      }
      const ps = await pasteCase(kind, n)
      zeroCheck(`paste ${kind} ${n}`, ps)
      out.cases[`paste/${kind}/${n}`] = summarize(ps)
      onCase?.(`${kind} ${n} blocks: ${((performance.now() - t) / 1000).toFixed(1)} s`)
    }
    if (collabSizes.includes(n)) {
      const t = performance.now()
      const c = await collab(n)
      zeroCheck(`co-editing, local key ${n}`, c.local)
      zeroCheck(`co-editing, remote key ${n}`, c.remote)
      out.cases[`collab-local/zongjie/${n}`] = summarize(c.local)
      out.cases[`collab-remote/zongjie/${n}`] = summarize(c.remote)
      onCase?.(`co-editing ${n} blocks: ${((performance.now() - t) / 1000).toFixed(1)} s`)
    }
    if (n === 2200) {
      // The same keys in the document after a review round (its comments and suggestions, their panels on).
      const r = await latin('reviewed', n)
      zeroCheck(`latin reviewed ${n}`, r)
      out.cases[`latin/reviewed/${n}`] = summarize(r)
    }
  }
  out.profile = async (caseName, kind, n) => {
    const opts = { profile: `${caseName}-${kind}-${n}` }
    if (caseName === 'mount') return (await mount(kind, n, { ...opts, samples: 1 })).profile
    if (caseName === 'latin') return (await latin(kind, n, { ...opts, count: Math.min(100, plan.latin) })).profile
    if (caseName === 'ime') return (await ime(kind, n, { ...opts, count: Math.min(50, plan.ime) })).profile
    if (caseName === 'demote') return (await demote(kind, n, opts)).profile
    if (caseName === 'paste') return (await pasteCase(kind, n, opts)).profile
    if (caseName === 'collab') return (await collab(n, { ...opts, count: Math.min(100, plan.collab) })).profile
    return null
  }
  out.heapByConstructor = heapByConstructor
  out.close = async () => {
    await browser.close()
    server.close()
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// 5. Targets, tables, results

const fmt = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x > 0 && x < 0.1 ? x.toPrecision(2) : x.toFixed(d))
const ratio = (a, b) => (b > 0 ? a / b : NaN)
const kb = (bytes) => (bytes / 1000).toFixed(1)

/**
 * The Word cases of the Node bench (bench/src/node.ts), each Zongjie's against its reference, in
 * the same run: the export against the docx library writing the same paragraphs unstyled; the
 * imports against unzipping the file and parsing word/document.xml with the same parser.
 */
const wordCases = [
  { id: 'docx-export', label: 'export to Word (toDocx)', target: 'Export to Word: toDocx ÷ docx library, same text', zongjie: 'word.toDocx', reference: 'word.docx-library' },
  { id: 'docx-import-exported', label: "import Zongjie's export", target: "Import from Word, Zongjie's export ÷ unzip + parse", zongjie: 'word.importDocx.exported', reference: 'word.unzip+parse.exported' },
  { id: 'docx-import-plain', label: 'import, no Summary JSON', target: 'Import from Word, no Summary JSON ÷ unzip + parse', zongjie: 'word.importDocx.plain', reference: 'word.unzip+parse.plain' },
]

function targetsOf(b, nodeR, bundles) {
  const c = b.cases
  const T = []
  const add = (id, label, value, limit, op, unit, profile) => T.push({ id, label, value, limit, op, unit, pass: op === '≤' ? value <= limit : op === '<' ? value < limit : value >= limit, profile })
  for (const [n, tag] of [
    [2200, ''],
    [11000, ' (11,000)'],
  ]) {
    for (const [kind, name] of [
      ['latin', 'Latin key'],
      ['ime', 'IME character'],
    ]) {
      const z = c[`${kind}/zongjie/${n}`].view
      const p = c[`${kind}/baseline/${n}`].view
      add(`${kind}-median-${n}`, `${name}, editor work, median${tag}`, ratio(z.median, p.median), 1.5, '≤', '×', [kind, 'zongjie', n])
      add(`${kind}-p95-${n}`, `${name}, editor work, p95${tag}`, ratio(z.p95, p.p95), 2, '≤', '×', [kind, 'zongjie', n])
      if (n === 11000) add(`${kind}-abs-${n}`, `${name}, editor work, median${tag}`, z.median, 2, '<', 'ms', [kind, 'zongjie', n])
    }
  }
  add('review-latin', 'Latin key with 100 comments and 200 suggestions ÷ without, editor work, median', ratio(c['latin/reviewed/2200'].view.median, c['latin/zongjie/2200'].view.median), 1.5, '≤', '×', ['latin', 'reviewed', 2200])
  for (const [n, tag] of [
    [2200, ''],
    [11000, ' (11,000)'],
  ]) {
    const remote = c[`collab-remote/zongjie/${n}`].all
    const local = c[`collab-local/zongjie/${n}`].all
    add(`collab-remote-${n}`, `Co-editing: another writer's key ÷ own key, incl. Lit, median${tag}`, ratio(remote.median, local.median), 2, '≤', '×', ['collab', 'zongjie', n])
  }
  add('mount-frame', 'Mount to first frame, median', ratio(c['mount/zongjie/2200'].frame.median, c['mount/baseline/2200'].frame.median), 1.15, '≤', '×', ['mount', 'zongjie', 2200])
  add('mount-js', 'Mount, JavaScript only, median', ratio(c['mount/zongjie/2200'].js.median, c['mount/baseline/2200'].js.median), 2, '≤', '×', ['mount', 'zongjie', 2200])
  add('numbering', 'Numbering apply in a typing transaction, median (Node)', nodeR.results['numbering.apply.2200'].median, 0.3, '≤', 'ms', ['node', 'numbering.apply.2200'])
  add('demote', 'Demote near the top, whole update (incl. Lit), median', c['demote/zongjie/2200'].all.median, 16, '≤', 'ms', ['demote', 'zongjie', 2200])
  add('importText', 'importText throughput (1 MB)', nodeR.meta.importTextBytes / 1e6 / (nodeR.results.importText.median / 1000), 2, '≥', 'MB/s', ['node', 'importText'])
  const pmJSON = nodeR.results['pm.toJSON+stringify'].median
  add('toSummary', 'toSummary+stringify ÷ PM toJSON+stringify', ratio(nodeR.results['zongjie.toSummary+stringify'].median, pmJSON), 3, '≤', '×', ['node', 'zongjie.toSummary+stringify'])
  add('toHTML', 'toHTML ÷ PM toJSON+stringify', ratio(nodeR.results['zongjie.toHTML'].median, pmJSON), 3, '≤', '×', ['node', 'zongjie.toHTML'])
  for (const w of wordCases) add(w.id, w.target, ratio(nodeR.results[w.zongjie].median, nodeR.results[w.reference].median), 2, '≤', '×', ['node', w.zongjie])
  add('bundle-gzip', 'Editor main chunk, gzip -9', bundles.editor.gzip / 1000, 100, '≤', 'kB', ['bundle'])
  add('bundle-ratio', 'Editor main chunk gzip ÷ PM+Lit gzip', ratio(bundles.editor.gzip, bundles['pm-lit'].gzip), 1.4, '≤', '×', ['bundle'])
  add('bundle-growth', `Editor main chunk growth since ${mainChunkBefore.commit}, gzip`, (bundles.editor.gzip - mainChunkBefore.gzip) / 1000, 2, '≤', 'kB', ['bundle'])
  add('heap', 'JS heap after mount', ratio(c['mount/zongjie/2200'].heap, c['mount/baseline/2200'].heap), 1.3, '≤', '×', ['mount', 'zongjie', 2200])
  // Zongjie ahead of the peers: its median below each peer's, in ms (the limit is the lower of the peers' medians).
  for (const n of peerSizes) {
    const tag = n === 2200 ? '' : ` (${n.toLocaleString('en')})`
    for (const [kind, measure, name] of [
      ['latin', 'view', 'Latin key, editor work'],
      ['ime', 'view', 'IME character, editor work'],
      ['mount', 'js', 'Mount, JavaScript only'],
      ['mount', 'frame', 'Mount to first frame'],
    ]) {
      const z = c[`${kind}/zongjie/${n}`][measure].median
      const of = Object.fromEntries(peers.map((p) => [p.kind, c[`${kind}/${p.kind}/${n}`][measure].median]))
      const ahead = peers.reduce((a, p) => (of[p.kind] < of[a.kind] ? p : a))
      T.push({
        id: `peers-${kind}-${measure}-${n}`,
        label: `Ahead of ${peers.map((p) => p.name).join(' and ')}: ${name}, median${tag}`,
        value: z,
        limit: of[ahead.kind],
        op: '<',
        unit: 'ms',
        pass: peers.every((p) => z < of[p.kind]),
        peers: of,
        limitBy: ahead.name,
        profile: [kind, 'zongjie', n],
      })
    }
  }
  return T
}

function pad(s, n, right = false) {
  s = String(s)
  const w = [...s].reduce((a, ch) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)
  return right ? ' '.repeat(Math.max(0, n - w)) + s : s + ' '.repeat(Math.max(0, n - w))
}

function table(rows, widths, right) {
  return rows.map((r) => r.map((c, i) => pad(c, widths[i], right[i])).join('  ').trimEnd()).join('\n')
}

function report(results) {
  const { browser: b, node: nodeR, bundles, targets } = results
  const lines = []
  const mdRows = []
  lines.push(
    `Zongjie bench — ${results.machine.cpus} CPUs (${results.machine.cpuModel}), ${results.machine.memoryGiB} GiB, ${results.browser.name} ${results.browser.version}, Node ${results.machine.node}, ${results.durationSeconds} s`,
  )
  if (results.git?.changedUnderPackages?.length) {
    lines.push(`Measured: the working tree of ${results.git.commit.slice(0, 10)}, with ${results.git.changedUnderPackages.length} changed file(s) under packages/.`)
  }
  const load = results.machine.loadAverage
  if (Math.max(load.start, load.end) > results.machine.cpus * 0.75) {
    lines.push(`Warning: the machine was busy with other work (load average ${load.start} at the start, ${load.end} at the end, on ${results.machine.cpus} CPUs): figures are noisy, ratios less so.`)
  }
  lines.push('', `Browser: ms, median / p95 (ratio: Zongjie ÷ ProseMirror, of medians / of p95s; the peers, ${peers.map((p) => p.name).join(' and ')}, in no ratio)`)
  const rows = [['case', 'blocks', 'ProseMirror', 'Zongjie', 'ratio', ...peers.map((p) => p.name)]]
  const cell = (x) => `${fmt(x.median)} / ${fmt(x.p95)}`
  const pair = (p, z) => [cell(p), cell(z), `${fmt(ratio(z.median, p.median))}× / ${fmt(ratio(z.p95, p.p95))}×`]
  for (const n of sizes) {
    const c = (k, kind) => b.cases[`${k}/${kind}/${n}`]
    // The peers' figure of the same case and measure ('incl. Lit update' and the restructuring edit have none).
    const peerCells = (k, measure) => peers.map((p) => (c(k, p.kind)?.[measure] ? cell(c(k, p.kind)[measure]) : '–'))
    const none = peers.map(() => '–')
    rows.push(['mount, JS only', n, ...pair(c('mount', 'baseline').js, c('mount', 'zongjie').js), ...peerCells('mount', 'js')])
    rows.push(['mount, to first frame', n, ...pair(c('mount', 'baseline').frame, c('mount', 'zongjie').frame), ...peerCells('mount', 'frame')])
    rows.push(['  floor, JS only', n, ...pair(c('mount', 'baseline').js, c('mount', 'floor').js), ...none])
    rows.push(['  floor, to first frame', n, ...pair(c('mount', 'baseline').frame, c('mount', 'floor').frame), ...none])
    rows.push(['Latin key, editor work', n, ...pair(c('latin', 'baseline').view, c('latin', 'zongjie').view), ...peerCells('latin', 'view')])
    if (c('latin', 'reviewed')) rows.push(['  with 100 comments, 200 suggestions', n, ...pair(c('latin', 'baseline').view, c('latin', 'reviewed').view), ...none])
    rows.push(['  incl. Lit update', n, ...pair(c('latin', 'baseline').all, c('latin', 'zongjie').all), ...none])
    rows.push(["  incl. browser's own edit", n, ...pair(c('latin', 'baseline').full, c('latin', 'zongjie').full), ...peerCells('latin', 'full')])
    rows.push(['IME character, editor work', n, ...pair(c('ime', 'baseline').view, c('ime', 'zongjie').view), ...peerCells('ime', 'view')])
    rows.push(['  incl. Lit update', n, ...pair(c('ime', 'baseline').all, c('ime', 'zongjie').all), ...none])
    rows.push(["  incl. browser's own edit", n, ...pair(c('ime', 'baseline').full, c('ime', 'zongjie').full), ...peerCells('ime', 'full')])
    rows.push(['restructure near top', n, ...pair(c('demote', 'baseline').view, c('demote', 'zongjie').view), ...none])
    rows.push(['  incl. Lit update', n, ...pair(c('demote', 'baseline').all, c('demote', 'zongjie').all), ...none])
    rows.push(['  its undo', n, ...pair(c('undo-demote', 'baseline').all, c('undo-demote', 'zongjie').all), ...none])
    // Paste: the whole update (Zongjie's incl. Lit); the peers have no Lit, their `all` is their editor work.
    rows.push(['paste 5,000 characters', n, ...pair(c('paste', 'baseline').all, c('paste', 'zongjie').all), ...peerCells('paste', 'all')])
    const mb = (heap) => (heap / 1e6).toFixed(1)
    const hp = c('mount', 'baseline').heap
    const hz = c('mount', 'zongjie').heap
    rows.push(['JS heap after mount, MB', n, mb(hp), mb(hz), `${fmt(ratio(hz, hp))}×`, ...peers.map((p) => mb(c('mount', p.kind).heap))])
    const hf = c('mount', 'floor').heap
    rows.push(['  floor', n, mb(hp), mb(hf), `${fmt(ratio(hf, hp))}×`, ...none])
  }
  lines.push(table(rows, [28, 6, 16, 16, 14, ...peers.map(() => 16)], [false, true, true, true, true, ...peers.map(() => true)]))
  const deferred = sizes.map((n) => `${n}: ${fmt(b.cases[`latin/zongjie/${n}`].deferredMs / plan.latin)} ms`).join(', ')
  lines.push(`(Zongjie's deferred panel refresh, 150 ms after a change, not in the figures above; per Latin key on average: ${deferred}.`)
  lines.push(` With 100 comments, 200 suggestions: the same document after a review round, its comments and suggestions panels on (the ratio of that row is still to ProseMirror without them).`)
  lines.push(` Floor: ProseMirror alone drawing Zongjie's document (its schema and toDOM; no plugins, node views, styles or Lit), shown in the Zongjie column.`)
  lines.push(` Peers: ${peers.map((p) => p.name).join(' and ')} on the baseline's text (headings and paragraphs), same keys, IME characters and paste; Tiptap with StarterKit (its`)
  lines.push(` ProseMirror view instrumented as the baseline's), Lexical with rich text and history (to the end of its update's commit, its update listener).`)
  lines.push(
    ` Heap of an empty page with the bundle loaded: ProseMirror ${(b.heapEmpty.baseline / 1e6).toFixed(1)} MB, floor ${(b.heapEmpty.floor / 1e6).toFixed(1)} MB, Zongjie ${(b.heapEmpty.zongjie / 1e6).toFixed(1)} MB, ${peers.map((p) => `${p.name} ${(b.heapEmpty[p.kind] / 1e6).toFixed(1)} MB`).join(', ')}.)`,
  )

  lines.push('', "Co-editing: ms, median / p95 (another writer's key arriving ÷ the writer's own key, in turn in one co-editing editor)")
  const crows = [['case', 'blocks', 'own key', "another's key", 'ratio']]
  for (const n of collabSizes) {
    const l = b.cases[`collab-local/zongjie/${n}`]
    const r = b.cases[`collab-remote/zongjie/${n}`]
    if (!l || !r) continue
    const cell = (x) => `${fmt(x.median)} / ${fmt(x.p95)}`
    const both = (x, y) => [cell(x), cell(y), `${fmt(ratio(y.median, x.median))}× / ${fmt(ratio(y.p95, x.p95))}×`]
    crows.push(['editor work', n, ...both(l.view, r.view)])
    crows.push(['  incl. Lit update', n, ...both(l.all, r.all)])
    crows.push(["  incl. browser's own edit", n, ...both(l.full, r.full)])
  }
  lines.push(table(crows, [28, 6, 16, 16, 14], [false, true, true, true, true]))
  lines.push("(Own key: a Latin key typed in the middle paragraph, as above, with y-prosemirror's binding writing it to the Yjs document. Another's key: a")
  lines.push(" character typed by another writer (a second Yjs document) into the same paragraph, its update applied with Y.applyUpdate, until the view")
  lines.push(" and the element have updated; the browser edits nothing itself then. Both in turn in the same editor, bound as its co-editing session binds it.)")

  lines.push('', `Node: ms, median / p95 (2,200 blocks; importText on ${kb(nodeR.meta.importTextBytes)} kB of UTF-8)`)
  const r = nodeR.results
  const pmJSON = r['pm.toJSON+stringify']
  const nrows = [['case', 'median / p95', 'vs PM']]
  nrows.push(['importText, 1 MB', `${fmt(r.importText.median)} / ${fmt(r.importText.p95)}`, `${fmt(nodeR.meta.importTextBytes / 1e6 / (r.importText.median / 1000))} MB/s`])
  nrows.push(['toSummary + JSON.stringify', `${fmt(r['zongjie.toSummary+stringify'].median)} / ${fmt(r['zongjie.toSummary+stringify'].p95)}`, `${fmt(ratio(r['zongjie.toSummary+stringify'].median, pmJSON.median))}× PM toJSON+stringify`])
  nrows.push(['toHTML', `${fmt(r['zongjie.toHTML'].median)} / ${fmt(r['zongjie.toHTML'].p95)}`, `${fmt(ratio(r['zongjie.toHTML'].median, pmJSON.median))}× PM toJSON+stringify`])
  nrows.push(['toText', `${fmt(r['zongjie.toText'].median)} / ${fmt(r['zongjie.toText'].p95)}`, `${fmt(ratio(r['zongjie.toText'].median, pmJSON.median))}× PM toJSON+stringify`])
  nrows.push(['fromSummary', `${fmt(r['zongjie.fromSummary'].median)} / ${fmt(r['zongjie.fromSummary'].p95)}`, `${fmt(ratio(r['zongjie.fromSummary'].median, r['pm.fromJSON'].median))}× PM Node.fromJSON`])
  nrows.push(['Zongjie doc.toJSON + stringify', `${fmt(r['zongjie.doc.toJSON+stringify'].median)} / ${fmt(r['zongjie.doc.toJSON+stringify'].p95)}`, `${fmt(ratio(r['zongjie.doc.toJSON+stringify'].median, pmJSON.median))}× PM toJSON+stringify`])
  nrows.push(['PM doc.toJSON + stringify', `${fmt(pmJSON.median)} / ${fmt(pmJSON.p95)}`, ''])
  nrows.push(['PM Node.fromJSON', `${fmt(r['pm.fromJSON'].median)} / ${fmt(r['pm.fromJSON'].p95)}`, ''])
  nrows.push(['numbering apply, typing tr', `${fmt(r['numbering.apply.2200'].median, 4)} / ${fmt(r['numbering.apply.2200'].p95, 4)}`, `11,000 blocks: ${fmt(r['numbering.apply.11000'].median, 4)} / ${fmt(r['numbering.apply.11000'].p95, 4)}`])
  lines.push(table(nrows, [30, 18, 30], [false, true, false]))

  const word = nodeR.meta.word
  lines.push('', `Word (.docx), Node: ms, median / p95 (2,200 blocks; Zongjie's export ${kb(word.exportedBytes)} kB, without its Summary JSON ${kb(word.plainBytes)} kB)`)
  const wrows = [['case', 'Zongjie', 'reference', 'ratio']]
  for (const w of wordCases) {
    const z = r[w.zongjie]
    const ref = r[w.reference]
    wrows.push([w.label, `${fmt(z.median)} / ${fmt(z.p95)}`, `${fmt(ref.median)} / ${fmt(ref.p95)}`, `${fmt(ratio(z.median, ref.median))}× / ${fmt(ratio(z.p95, ref.p95))}×`])
  }
  lines.push(table(wrows, [30, 14, 14, 14], [false, true, true, true]))
  lines.push("(References: for the export, the docx library writing the same paragraphs (toText's lines) with no styling, by the same Packer.pack call;")
  lines.push(" for the imports, fflate's unzipSync of the file and linkedom's DOMParser of word/document.xml, the parser importDocx is given.)")

  const e = bundles.editor
  lines.push('', 'Bundle: ES build, every dependency bundled, minified whole (whitespace too); gzip -9')
  const brows = [['bundle', 'minified', 'gzip', 'ratio']]
  brows.push(['<zongjie-editor>, main chunk', `${kb(e.minified)} kB`, `${kb(e.gzip)} kB`, `${fmt(ratio(e.gzip, bundles['pm-lit'].gzip))}×`])
  const growth = e.gzip - mainChunkBefore.gzip
  brows.push([`  growth since ${mainChunkBefore.commit} (before Word)`, `${e.minified >= mainChunkBefore.minified ? '+' : '−'}${kb(Math.abs(e.minified - mainChunkBefore.minified))} kB`, `${growth >= 0 ? '+' : '−'}${kb(Math.abs(growth))} kB`, ''])
  if (e.mainFiles.length > 1) {
    for (const f of e.mainFiles) brows.push([`  ${f.holds === 'the entry' ? 'entry' : 'with it'}: ${f.file}, ${f.modules} modules`, `${kb(f.minified)} kB`, `${kb(f.gzip)} kB`, ''])
  }
  for (const c of e.lazy) brows.push([`  later: ${c.holds.replace(/^the /, '')}`, `${kb(c.minified)} kB`, `${kb(c.gzip)} kB`, ''])
  brows.push(['ProseMirror + Lit, all exports', `${kb(bundles['pm-lit'].minified)} kB`, `${kb(bundles['pm-lit'].gzip)} kB`, ''])
  // The floor: opening a summary and taking keys, nothing of the editor's own (bench/src/floor-bundle.ts).
  brows.push(['floor: open a summary, take keys', `${kb(bundles.floor.minified)} kB`, `${kb(bundles.floor.gzip)} kB`, `${fmt(ratio(bundles.floor.gzip, bundles['pm-lit'].gzip))}×`])
  // The peers: what their pages use, in no ratio.
  brows.push(['Tiptap: core, StarterKit (as the page uses)', `${kb(bundles.tiptap.minified)} kB`, `${kb(bundles.tiptap.gzip)} kB`, ''])
  brows.push(['Lexical: rich text, history (as the page uses)', `${kb(bundles.lexical.minified)} kB`, `${kb(bundles.lexical.gzip)} kB`, ''])
  lines.push(table(brows, [46, 10, 10, 8], [false, true, true, true]))
  lines.push(`(Main chunk: the entry and the chunks it imports, loaded before the element runs, gzip of the files together${e.mainFiles.length > 1 ? `; each file's gzip alone below it` : ''}.`)
  lines.push(` Later: the chunks loaded on first use, each gzip alone, when is below. ${mainChunkBefore.commit}: one file, measured by this build.)`)
  lines.push('', 'Chunks loaded on use: when the editor loads each (the script build has Word support in its second script, the rest in its one file)')
  const lrows = [['chunk', 'gzip', 'loads when']]
  for (const c of e.lazy) lrows.push([c.holds.replace(/^the /, ''), `${kb(c.gzip)} kB`, c.when])
  lines.push(table(lrows, [44, 8, 60], [false, true, false]))

  lines.push('', "Targets (ratios to bare ProseMirror, or to the reference named, in this run; ahead of the peers: Zongjie's median below each peer's; 2,200 blocks unless said)")
  const trows = [['', 'target', 'measured', 'limit']]
  for (const t of targets) {
    // Ahead of the peers: the limit is the faster peer's median, named.
    const limit = t.peers ? `${t.op} ${fmt(t.limit)} ${t.unit} (${t.limitBy})` : `${t.op} ${t.limit} ${t.unit}`
    trows.push([t.pass ? '✓' : '✗', t.label, `${fmt(t.value)} ${t.unit}`, limit])
  }
  lines.push(table(trows, [1, 70, 12, 12], [false, false, true, true]))
  const missed = targets.filter((t) => !t.pass)
  lines.push(`${targets.length - missed.length} of ${targets.length} targets met.`)
  for (const [key, p] of Object.entries(results.profiles ?? {})) {
    lines.push('', `Profile of ${key} (${p.busyMs} ms busy${p.filter ? ', the editor\'s own work only' : ''}):`, ...formatProfile(p))
  }
  for (const [key, p] of Object.entries(results.bundleModules ?? {})) {
    const entries = Object.entries(p)
    const own = entries.filter(([m]) => m.startsWith('packages/')).reduce((a, [, x]) => a + x, 0)
    const all = entries.reduce((a, [, x]) => a + x, 0)
    const top = key.startsWith('editor ') ? 14 : 6
    lines.push('', `Largest modules of the ${key} (rendered bytes before minification; the project's own code ${kb(own)} kB of ${kb(all)} kB):`)
    for (const [m, size] of entries.slice(0, top)) lines.push(`    ${kb(size).padStart(8)} kB  ${m}`)
  }
  if (results.heapDiff) {
    lines.push('', 'JS heap after mount by constructor, 2,200 blocks (self sizes, kB; largest differences):')
    lines.push(`    ${'Zongjie'.padStart(8)} ${'PM'.padStart(8)}`)
    for (const [name, z, p] of results.heapDiff) lines.push(`    ${kb(z).padStart(8)} ${kb(p).padStart(8)}  ${name}`)
  }
  void mdRows
  return lines.join('\n')
}

/** Zongjie ÷ ProseMirror (and the floor ÷ ProseMirror) for every browser case and size: of the medians and of the p95s. */
function ratiosOf(cases) {
  const out = {}
  for (const key of Object.keys(cases)) {
    const [name, kind, n] = key.split('/')
    // The peers are in no ratio.
    if (kind === 'baseline' || peers.some((p) => p.kind === kind)) continue
    // The floor's ratios are named apart: `floor.mount.js/2200`.
    const prefix = kind === 'floor' ? 'floor.' : ''
    const z = cases[key]
    const p = cases[`${name}/baseline/${n}`]
    // Co-editing has no ProseMirror counterpart: its ratio is of the two keys, below.
    if (!p) continue
    const r3 = (x) => Math.round(x * 1000) / 1000
    for (const measure of ['js', 'frame', 'view', 'all', 'full']) {
      if (z[measure]) out[`${prefix}${name}.${measure}/${n}`] = { median: r3(ratio(z[measure].median, p[measure].median)), p95: r3(ratio(z[measure].p95, p[measure].p95)) }
    }
    if (z.heap) out[`${prefix}heap/${n}`] = r3(ratio(z.heap, p.heap))
  }
  // Co-editing: another writer's key arriving ÷ the writer's own key, in the same editor.
  for (const n of collabSizes) {
    const local = cases[`collab-local/zongjie/${n}`]
    const remote = cases[`collab-remote/zongjie/${n}`]
    if (!local || !remote) continue
    const r3 = (x) => Math.round(x * 1000) / 1000
    for (const measure of ['view', 'all']) out[`collab.remote÷local.${measure}/${n}`] = { median: r3(ratio(remote[measure].median, local[measure].median)), p95: r3(ratio(remote[measure].p95, local[measure].p95)) }
  }
  return out
}

/** The commit measured, and the files under packages/ that differ from it (the working tree is what is built). */
function gitState() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    // Each line is two status letters, a space and the path (the first letter a space when only the work tree changed: not trimmed).
    const changed = git('status', '--porcelain', '--', 'packages').split('\n').filter(Boolean).map((l) => l.slice(3))
    return { commit: git('rev-parse', 'HEAD').trim(), changedUnderPackages: changed }
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  log(`building (${quick ? 'quick run' : 'full run'})…`)
  const bundles = await buildAll()
  const e = bundles.editor
  log(`editor bundle: main chunk ${e.mainFiles.map((f) => f.file).join(' + ')} (${kb(e.gzip)} kB gzip); loaded later: ${e.lazy.map((c) => `${c.file} (${c.holds})`).join('; ')}`)
  log(`built in ${seconds()} s; preparing the documents…`)
  const prepared = node(['prepare', join(dist, 'data')])
  if (!prepared.ok) {
    fail(prepared.message)
    exit()
  }
  const meta = JSON.parse(readFileSync(join(dist, 'data/meta.json'), 'utf8'))
  for (const n of sizes) if (meta.sizes[n].lines.length !== n) fail(`size: generated ${meta.sizes[n].lines.length} blocks for ${n}`)
  if (!meta.word?.exportedBytes || !meta.word?.plainBytes) fail('docx: the Word files of the 2,200-block document were not written')
  if (buildOnly) return exit()
  log(`Node figures…`)
  const nodeOut = join(dist, 'node-results.json')
  const nodeRun = node(['bench', nodeOut])
  if (!nodeRun.ok) {
    fail(`node bench: ${nodeRun.message}`)
    exit()
  }
  const nodeR = JSON.parse(readFileSync(nodeOut, 'utf8'))
  // The Word files prepare wrote, and what their checks found.
  nodeR.meta.word = meta.word
  // The conversions, each in a fresh process, round-robin, three rounds: load on the machine
  // then weighs on Zongjie's and ProseMirror's alike.
  const conversionNames = [
    'zongjie.toSummary+stringify',
    'pm.toJSON+stringify',
    'zongjie.toHTML',
    'zongjie.fromSummary',
    'pm.fromJSON',
    'zongjie.toText',
    'zongjie.doc.toJSON+stringify',
    // Word files, each against its reference (see wordCases).
    ...wordCases.flatMap((c) => [c.zongjie, c.reference]),
  ]
  const samples = Object.fromEntries(conversionNames.map((n) => [n, []]))
  const caseOut = join(dist, 'node-case.json')
  for (let round = 0; round < (quick ? 1 : 3); round++) {
    for (const name of conversionNames) {
      const r = node(['case', name, caseOut])
      if (!r.ok) fail(`node case ${name}: ${r.message}`)
      else samples[name].push(...JSON.parse(readFileSync(caseOut, 'utf8')))
    }
  }
  for (const name of conversionNames) {
    if (!samples[name].length) fail(`node case ${name}: measured nothing`)
    else nodeR.results[name] = stats(samples[name])
  }
  exit()
  log(`browser figures (${seconds()} s so far)…`)
  const b = await browserBench(meta, (m) => log(`  ${m} (${seconds()} s)`))

  const targets = targetsOf(b, nodeR, bundles)
  const profiles = {}
  const bundleModules = {}
  let heapDiff = null
  if (profileMisses) {
    const done = new Set()
    for (const t of targets.filter((x) => !x.pass)) {
      if (t.id === 'heap') {
        log(`heap snapshots at 2,200 blocks (missed: ${t.label})…`)
        const [z, p] = [await b.heapByConstructor('zongjie', 2200), await b.heapByConstructor('baseline', 2200)]
        // Blink's own objects (the DOM) show as "(native)": not the JS heap the target is about.
        heapDiff = Object.entries(z)
          .filter(([k]) => k !== '(native)')
          .map(([k, v]) => [k, v, p[k] ?? 0])
          .sort((x, y) => y[1] - y[2] - (x[1] - x[2]))
          .slice(0, 15)
        heapDiff.push(['(native: DOM and other Blink objects, not JS heap)', z['(native)'] ?? 0, p['(native)'] ?? 0])
        continue
      }
      const key = t.profile.join(' ')
      if (done.has(key)) continue
      done.add(key)
      if (t.profile[0] === 'bundle') {
        bundleModules['editor main chunk'] = bundles.editor.modules
        for (const c of bundles.editor.lazy) bundleModules[`chunk loaded later, ${c.holds}`] = c.modules
        continue
      }
      log(`profiling ${key} (missed: ${t.label})…`)
      if (t.profile[0] === 'node') {
        const out = join(dist, 'profiles', `node-${t.profile[1]}.json`)
        mkdirSync(dirname(out), { recursive: true })
        const r = node(['profile', t.profile[1], out])
        if (r.ok) profiles[`node ${t.profile[1]}`] = JSON.parse(readFileSync(out, 'utf8'))
      } else {
        const [c, kind, n] = t.profile
        const p = await b.profile(c, kind, n)
        if (p) profiles[`${c} ${kind} ${n}`] = p
      }
    }
  }
  await b.close()

  const pkgVersion = (name) => version(benchDir, name)
  const results = {
    date: new Date().toISOString(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    quick,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      platform: `${process.platform} ${process.arch}`,
      node: process.version,
      loadAverage: { start: Math.round(loadAtStart * 100) / 100, end: Math.round(loadavg()[0] * 100) / 100 },
    },
    browser: { name: 'Chromium', version: b.version, path: chromiumPath, args: chromiumArgs, viewport: '1280x900' },
    packages: Object.fromEntries(
      [
        ...['prosemirror-model', 'prosemirror-state', 'prosemirror-view', 'prosemirror-transform', 'prosemirror-keymap', 'prosemirror-history', 'prosemirror-commands', 'prosemirror-schema-basic', 'lit', 'docx', 'fflate', 'linkedom', 'vite', 'esbuild', 'playwright-core'],
        ...['@tiptap/core', '@tiptap/starter-kit', '@tiptap/pm', 'lexical', '@lexical/rich-text', '@lexical/history'],
      ].map((n) => [n, pkgVersion(n)]),
    ),
    git: gitState(),
    zongjie: Object.fromEntries(['model', 'commands', 'editor', 'docx'].map((p) => [`@zongjie/${p}`, JSON.parse(readFileSync(join(root, 'packages', p, 'package.json'), 'utf8')).version])),
    documents: { seed: meta.seed, sizes, paste: meta.paste.length, chars: Object.fromEntries(sizes.map((n) => [n, meta.sizes[n].chars])) },
    samples: plan,
    browserCases: b.cases,
    ratios: ratiosOf(b.cases),
    heapEmptyPage: b.heapEmpty,
    node: nodeR,
    // editor: `minified` and `gzip` are the main chunk's (the entry and what it imports), `lazy`
    // the chunks loaded on first use of Word support, `all` every chunk together. The peers'
    // (tiptap, lexical): one file each, what their pages use.
    bundles: Object.fromEntries(
      Object.entries(bundles).map(([k, v]) => [
        k,
        {
          files: v.files,
          minified: v.minified,
          gzip: v.gzip,
          ...(v.mainFiles && !peers.some((p) => p.kind === k) && {
            mainFiles: v.mainFiles,
            before: { ...mainChunkBefore, growthGzip: v.gzip - mainChunkBefore.gzip, growthMinified: v.minified - mainChunkBefore.minified },
            lazy: v.lazy.map(({ modules, ...c }) => ({ ...c, largestModules: Object.fromEntries(Object.entries(modules).slice(0, 8)) })),
            all: v.all,
          }),
          largestModules: Object.fromEntries(Object.entries(v.modules).slice(0, 15)),
        },
      ]),
    ),
    targets: targets.map(({ profile, ...t }) => ({ ...t, value: Math.round(t.value * 1000) / 1000, limit: Math.round(t.limit * 1000) / 1000 })),
    profiles,
    heapByConstructor: heapDiff && heapDiff.map(([name, zongjie, baseline]) => ({ name, zongjie, baseline })),
    sanity: failures.length ? failures : 'ok',
  }
  const text = report({ ...results, browser: { ...b, ...results.browser }, bundles, targets, bundleModules, heapDiff })
  console.log('\n' + text)
  results.table = text
  const file = join(benchDir, 'results.json')
  writeFileSync(file + '.tmp', JSON.stringify(results, null, 2) + '\n')
  renameSync(file + '.tmp', file)
  log(`wrote ${relative(root, file)} (${seconds()} s in all)`)
  exit()
}

main().catch((e) => {
  console.error(`bench: ${e.stack ?? e}`)
  process.exit(1)
})
