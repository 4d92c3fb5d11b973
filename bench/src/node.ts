// The Node side of the bench, bundled by run.mjs with esbuild into dist/node/node.mjs and run in a
// child process (node --expose-gc):
//   node node.mjs prepare OUTDIR    the documents of every size, as the pages load them, checked;
//                                   the Word files of the 2,200-block one, checked
//   node node.mjs bench OUTFILE     importText's throughput and the numbering plugin (JSON)
//   node node.mjs case NAME OUTFILE one conversion (toSummary, toHTML … or ProseMirror's; Word
//                                   export and import, or their references), samples
//   node node.mjs profile CASE OUT  a CPU profile of one case (JSON summary), for a missed target
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Session } from 'node:inspector/promises'
import { Document as WordDocument, Packer, Paragraph, TextRun } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { Node as PMNode, type Node } from 'prosemirror-model'
import { EditorState, type Plugin } from 'prosemirror-state'
import { schema as basicSchema } from 'prosemirror-schema-basic'
import { importText, toSummary, fromSummary, toHTML, toText, schema, displayText, type Summary } from '@zongjie/model'
import { numbering, numberingKey } from '../../packages/editor/src/plugins/numbering.ts'
import { generateBlocks, zongjieText, baselineJSON, pasteText, textOfBytes, landmarks } from './generate.mjs'
import { summarizeProfile } from './profile.mjs'
import { toDocx } from '@zongjie/docx/write'
import { importDocx, type ParseXml, type XmlNode } from '@zongjie/docx/read'

export const sizes = [220, 2200, 11000]
export const seed = 1

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

function textblocks(doc: Node): number {
  let k = 0
  doc.descendants((node) => {
    if (node.isTextblock) {
      k++
      return false
    }
    return true
  })
  return k
}

/** The first index where two lists of lines differ, or -1. */
function firstDifference(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i
  return -1
}

interface Fixture {
  n: number
  blocks: ReturnType<typeof generateBlocks>
  doc: Node
  summary: Summary
  pmJSON: ReturnType<typeof baselineJSON>
  pmDoc: Node
}

/** A document of `n` blocks both ways, checked: block counts and text the same on both sides. */
function fixture(n: number): Fixture {
  const blocks = generateBlocks(n, seed)
  if (blocks.length !== n) throw new Error(`generator: ${blocks.length} blocks for ${n}`)
  const { doc } = importText(zongjieText(blocks))
  const summary = toSummary(doc)
  const pmJSON = baselineJSON(blocks)
  const pmDoc = PMNode.fromJSON(basicSchema, pmJSON)
  const expected = blocks.map((b) => b.text)
  const zBlocks = textblocks(doc)
  if (zBlocks !== n) throw new Error(`size: the Zongjie document of ${n} blocks has ${zBlocks} textblocks`)
  if (pmDoc.childCount !== n) throw new Error(`size: the baseline document of ${n} blocks has ${pmDoc.childCount}`)
  const zLines = toText(doc).split('\n').filter((l) => l !== '')
  const pmLines: string[] = []
  pmDoc.forEach((b) => pmLines.push(b.textContent))
  for (const [name, lines] of [['Zongjie (toText)', zLines], ['baseline', pmLines]] as const) {
    const at = firstDifference(lines, expected)
    if (at >= 0) throw new Error(`text: ${name} differs from the generated text at block ${at} of ${n}: ${JSON.stringify(lines[at])} ≠ ${JSON.stringify(expected[at])}`)
  }
  return { n, blocks, doc, summary, pmJSON, pmDoc }
}

// ---------------------------------------------------------------------------------------------
// Word files

/** Where `prepare` writes the documents (dist/data, beside dist/node where this file is built). */
const dataDir = join(dirname(fileURLToPath(import.meta.url)), '../data')
/** The Word files of the 2,200-block document: Zongjie's export, and the same without its Summary JSON. */
const wordFiles = { exported: 'word-2200.docx', plain: 'word-2200-plain.docx' } as const

/** linkedom's XML parser, as a caller in Node passes it to importDocx; the references parse with it too. */
const parseXml: ParseXml = (xml) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as XmlNode

/**
 * A Word file as Word or WPS would leave it with Zongjie's Summary JSON gone: the export with its
 * custom XML part, the part's properties and their relationships taken out of the zip, and the
 * relationship and content type that name them taken out of `word/_rels/document.xml.rels` and
 * `[Content_Types].xml`. Zipped again with fflate's `zipSync` and its defaults, as the `docx`
 * library zips. Everything else, `word/document.xml` included, is byte for byte the export's.
 */
function withoutSummary(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes)
  const out: Record<string, Uint8Array> = {}
  let dropped = 0
  for (const [name, data] of Object.entries(files)) {
    if (/^customXml\//i.test(name)) dropped++
    else out[name] = data
  }
  const edit = (name: string, pattern: RegExp) => {
    const before = strFromU8(out[name]!)
    const after = before.replace(pattern, '')
    if (after === before) throw new Error(`docx: the export's ${name} names no custom XML part`)
    out[name] = strToU8(after)
  }
  edit('word/_rels/document.xml.rels', /<Relationship\b[^>]*Target="[^"]*customXml\/[^"]*"[^>]*\/>/g)
  edit('[Content_Types].xml', /<Override\b[^>]*PartName="\/customXml\/[^"]*"[^>]*\/>/g)
  if (!dropped) throw new Error('docx: the export has no custom XML part (the Summary JSON)')
  return zipSync(out)
}

/** A summary's outline: the title, then every section's level, number and title, in order. */
function outline(summary: Summary): string[] {
  const out = [`title ${summary.title}`]
  const walk = (sections: Summary['sections']) => {
    for (const s of sections) {
      out.push(`${s.level} ${s.number} ${s.title}`)
      walk(s.sections)
    }
  }
  walk(summary.sections)
  return out
}

/**
 * The Word files of the 2,200-block document, written for the import cases, and checked: the
 * export imports back as the same Summary JSON (from the JSON it carries), and the file without
 * it (read through importParagraphs) as the same outline.
 */
async function prepareWord(f: Fixture, outDir: string) {
  const exported = await toDocx(f.doc)
  const plain = withoutSummary(exported)
  writeFileSync(join(outDir, wordFiles.exported), exported)
  writeFileSync(join(outDir, wordFiles.plain), plain)
  const json = JSON.stringify(f.summary)
  const back = importDocx(exported, parseXml)
  if (back.source !== 'embedded') throw new Error(`docx: the export of ${f.n} blocks was read from its text (${back.source}), not from the Summary JSON it carries${back.warnings[0] ? `: ${back.warnings[0].code}` : ''}`)
  const backJSON = JSON.stringify(toSummary(back.doc))
  if (backJSON !== json) {
    let at = 0
    while (at < json.length && backJSON[at] === json[at]) at++
    throw new Error(`docx: the export of ${f.n} blocks imports as different Summary JSON, at character ${at}: ${JSON.stringify(backJSON.slice(at - 40, at + 40))} ≠ ${JSON.stringify(json.slice(at - 40, at + 40))}`)
  }
  const read = importDocx(plain, parseXml)
  if (read.source !== 'document') throw new Error(`docx: the file without the Summary JSON was read as ${read.source}`)
  const expected = outline(f.summary)
  const got = outline(toSummary(read.doc))
  const at = firstDifference(got, expected)
  if (at >= 0) throw new Error(`docx: the Word file without the Summary JSON (${f.n} blocks) imports with a different outline at entry ${at} of ${expected.length}: ${JSON.stringify(got[at])} ≠ ${JSON.stringify(expected[at])}`)
  return {
    exportedBytes: exported.length,
    plainBytes: plain.length,
    sections: expected.length - 1,
    plainWarnings: read.warnings.length,
    plainSameJSON: JSON.stringify(toSummary(read.doc)) === json,
  }
}

/** Comments (批注) in the reviewed document: as many as a section head's and a leader's round leave. */
export const reviewComments = 100

/** Suggestions (修订) in the reviewed document: as many as two reviewers with 修订 on leave. */
export const reviewSuggestions = 200

/**
 * The document of `f` after a review round: {@link reviewComments} threads, each on the first ten
 * characters of a textblock spread evenly through it, every third answered once and every fifth
 * resolved; and {@link reviewSuggestions} suggestions by two reviewers in other textblocks spread
 * through it, alternately words inserted (进一步, after the first ten characters) and words
 * marked deleted (four characters from the twelfth); as Summary JSON (version 2), as the page
 * loads it.
 */
function reviewed(f: Fixture): Summary {
  const doc = fromSummary(f.summary)
  const blocks: number[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock && node.content.size > 0) blocks.push(pos)
    return !node.isTextblock
  })
  const step = Math.floor(blocks.length / reviewComments)
  const tr = EditorState.create({ doc }).tr
  const author = (n: number) => (n % 2 ? { id: 'u1', name: '李科长', role: '科长' } : { id: 'u2', name: '张主任' })
  const threads = []
  for (let i = 0; i < reviewComments; i++) {
    const pos = blocks[i * step]!
    const node = doc.nodeAt(pos)!
    const from = pos + 1
    const to = from + Math.min(10, node.content.size)
    const id = `c${i}`
    tr.addMark(from, to, schema.marks.comment!.create({ id }))
    const time = `2024-07-${String(8 + (i % 20)).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+08:00`
    threads.push({
      id,
      author: author(i),
      time,
      text: '请核实这里的表述和数字。',
      replies: i % 3 === 0 ? [{ id: 'r1', author: { id: 'u3', name: '王科员' }, time, text: '已核实。' }] : [],
      resolved: i % 5 === 0,
      quote: doc.textBetween(from, to, '', (leaf) => leaf.textContent || displayText(leaf)),
      scope: 'text' as const,
    })
  }
  tr.setDocAttribute('comments', threads)
  // Suggestions in the textblocks between the commented ones, from the end so that positions stay.
  const suggestionStep = Math.floor(blocks.length / reviewSuggestions)
  const suggestions = []
  for (let i = reviewSuggestions - 1; i >= 0; i--) {
    const index = i * suggestionStep + Math.floor(suggestionStep / 2)
    const pos = tr.mapping.map(blocks[index]!)
    const node = tr.doc.nodeAt(pos)!
    const id = `s${i + 1}`
    const at = pos + 1 + Math.min(10, node.content.size)
    if (i % 2 === 0 || node.content.size < 16) {
      tr.insertText('进一步', at)
      tr.addMark(at, at + 3, schema.marks.insertion!.create({ id }))
    } else tr.addMark(pos + 12, pos + 16, schema.marks.deletion!.create({ id }))
    const time = `2024-07-${String(8 + (i % 20)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00+08:00`
    suggestions.unshift({ id, author: author(i + 1), time, kind: i % 2 === 0 || node.content.size < 16 ? ('insert' as const) : ('delete' as const) })
  }
  tr.setDocAttribute('suggestions', suggestions)
  tr.doc.check()
  const summary = toSummary(tr.doc)
  if (summary.comments?.length !== reviewComments) throw new Error(`reviewed: ${summary.comments?.length} threads in the Summary JSON, not ${reviewComments}`)
  if (summary.suggestions?.length !== reviewSuggestions) throw new Error(`reviewed: ${summary.suggestions?.length} suggestions in the Summary JSON, not ${reviewSuggestions}`)
  return summary
}

async function prepare(outDir: string) {
  mkdirSync(outDir, { recursive: true })
  const meta: Record<string, unknown> = { seed, sizes: {} }
  for (const n of sizes) {
    const f = fixture(n)
    if (n === 2200) {
      meta.word = await prepareWord(f, outDir)
      writeFileSync(join(outDir, `zongjie-reviewed-${n}.json`), JSON.stringify(reviewed(f)))
    }
    writeFileSync(join(outDir, `zongjie-${n}.json`), JSON.stringify(f.summary))
    writeFileSync(join(outDir, `baseline-${n}.json`), JSON.stringify(f.pmJSON))
    // The floor page's: the document the editor reads from the Summary JSON, as ProseMirror's JSON.
    writeFileSync(join(outDir, `floor-${n}.json`), JSON.stringify(fromSummary(f.summary).toJSON()))
    ;(meta.sizes as Record<number, unknown>)[n] = {
      ...landmarks(f.blocks),
      lines: f.blocks.map((b) => b.text),
      chars: f.blocks.reduce((s, b) => s + b.text.length, 0),
    }
  }
  const paste = pasteText(5000, 7)
  meta.paste = paste
  writeFileSync(join(outDir, 'meta.json'), JSON.stringify(meta))
}

// ---------------------------------------------------------------------------------------------
// Timing

interface Stats {
  n: number
  median: number
  p95: number
  min: number
  mean: number
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!
  const round = (x: number) => Math.round(x * 10000) / 10000
  return { n: s.length, median: round(q(0.5)), p95: round(q(0.95)), min: round(s[0] ?? NaN), mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)) }
}

/**
 * Runs `fn` `warmup` times, then at least `runs` times and for at least `minMs`; each run's time in
 * ms. A run that gives a promise (the docx library packs asynchronously) is timed until it
 * settles; one that does not is timed with no await inside the timed span.
 */
async function time(fn: () => unknown, { warmup = 3, runs = 10, minMs = 300, maxRuns = 200 } = {}): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn()
  gc()
  const out: number[] = []
  const start = performance.now()
  let sink = 0
  while (out.length < runs || (performance.now() - start < minMs && out.length < maxRuns)) {
    const t0 = performance.now()
    let r = fn()
    if (r instanceof Promise) r = await r
    const t1 = performance.now()
    if (r && typeof r === 'object') sink++
    else if (typeof r === 'string') sink += r.length & 1
    out.push(t1 - t0)
  }
  if (sink < 0) console.error(sink)
  return out
}

/** The numbering plugin's own state apply for `count` typing transactions in the middle paragraph. */
function numberingApply(f: Fixture, count = 2000): number[] {
  const plugin: Plugin = numbering()
  let state = EditorState.create({ doc: f.doc, plugins: [plugin] })
  const { middle } = landmarks(f.blocks)
  let pos = -1
  let k = 0
  state.doc.descendants((node, p) => {
    if (pos >= 0) return false
    if (node.isTextblock) {
      if (k++ === middle) pos = p + 1 + 50
      return false
    }
    return true
  })
  const apply = plugin.spec.state!.apply
  const out: number[] = []
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  for (let i = 0; i < count + 200; i++) {
    const tr = state.tr.insertText(letters[i % 26]!, pos + i)
    const old = numberingKey.getState(state)!
    const t0 = performance.now()
    apply.call(plugin, tr, old, state, state)
    const t1 = performance.now()
    if (i >= 200) out.push(t1 - t0)
    state = state.apply(tr)
  }
  return out
}

type Case = { name: string; run: () => number[] | Promise<number[]> }
/**
 * The conversions of the 2,200-block document, Zongjie's and ProseMirror's. Each is measured in a
 * process of its own (`node node.mjs case NAME OUT`), holding only its own side's document: in a
 * process that has both, ProseMirror's code would see two schemas and run slower for both.
 */
function conversion(name: string): () => unknown {
  const blocks = generateBlocks(2200, seed)
  if (name.startsWith('pm.')) {
    const pmJSON = baselineJSON(blocks)
    const pmDoc = PMNode.fromJSON(basicSchema, pmJSON)
    // Named, so that a profile names them: JSON.stringify, a builtin, is charged to its caller.
    function pmToJSONAndStringify() {
      return JSON.stringify(pmDoc.toJSON())
    }
    function pmFromJSON() {
      return PMNode.fromJSON(basicSchema, pmJSON)
    }
    if (name === 'pm.toJSON+stringify') return pmToJSONAndStringify
    if (name === 'pm.fromJSON') return pmFromJSON
  } else if (name.startsWith('word.')) {
    // Word files. Export: Zongjie's toDocx of the document against the docx library writing the
    // same paragraphs (the non-empty lines of toText) with no styling, packed by the same call.
    // Import: importDocx of a file written by prepare (the export, and the same without its
    // Summary JSON) against unzipping the file and parsing word/document.xml with the same parser.
    if (name === 'word.toDocx' || name === 'word.docx-library') {
      const { doc } = importText(zongjieText(blocks))
      function toDocxOfTheDocument() {
        return toDocx(doc)
      }
      const lines = toText(doc).split('\n').filter((l) => l !== '')
      function docxLibraryParagraphs() {
        const file = new WordDocument({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
        return Packer.pack(file, 'uint8array', false)
      }
      return name === 'word.toDocx' ? toDocxOfTheDocument : docxLibraryParagraphs
    }
    const m = /^word\.(importDocx|unzip\+parse)\.(exported|plain)$/.exec(name)
    if (m) {
      const bytes = new Uint8Array(readFileSync(join(dataDir, wordFiles[m[2] as keyof typeof wordFiles])))
      const utf8 = new TextDecoder()
      function importDocxOfTheFile() {
        return importDocx(bytes, parseXml)
      }
      function unzipAndParseDocumentXml() {
        const files = unzipSync(bytes)
        return parseXml(utf8.decode(files['word/document.xml']))
      }
      return m[1] === 'importDocx' ? importDocxOfTheFile : unzipAndParseDocumentXml
    }
  } else {
    const { doc } = importText(zongjieText(blocks))
    const summaryObj = JSON.parse(JSON.stringify(toSummary(doc))) as Summary
    function toSummaryAndStringify() {
      return JSON.stringify(toSummary(doc))
    }
    function docToJSONAndStringify() {
      return JSON.stringify(doc.toJSON())
    }
    if (name === 'zongjie.toSummary+stringify') return toSummaryAndStringify
    if (name === 'zongjie.fromSummary') return () => fromSummary(summaryObj)
    if (name === 'zongjie.toHTML') return () => toHTML(doc)
    if (name === 'zongjie.toText') return () => toText(doc)
    if (name === 'zongjie.doc.toJSON+stringify') return docToJSONAndStringify
  }
  throw new Error(`no conversion ${name}`)
}

export const conversionNames = [
  'zongjie.toSummary+stringify',
  'pm.toJSON+stringify',
  'zongjie.toHTML',
  'zongjie.fromSummary',
  'pm.fromJSON',
  'zongjie.toText',
  'zongjie.doc.toJSON+stringify',
  'word.toDocx',
  'word.docx-library',
  'word.importDocx.exported',
  'word.unzip+parse.exported',
  'word.importDocx.plain',
  'word.unzip+parse.plain',
]

/** The samples of one conversion, in this process. */
function measureConversion(name: string, options: Parameters<typeof time>[1]): Promise<number[]> {
  return time(conversion(name), options)
}

function cases(): { cases: Case[]; meta: Record<string, unknown> } {
  const big = textOfBytes(1 << 20, 3)
  const bytes = Buffer.byteLength(big.text)
  const list: Case[] = [
    { name: 'importText', run: () => time(() => importText(big.text), { warmup: 3, runs: 20, minMs: 1000, maxRuns: 40 }) },
    { name: 'numbering.apply.2200', run: () => numberingApply(fixture(2200)) },
    { name: 'numbering.apply.11000', run: () => numberingApply(fixture(11000)) },
  ]
  return { cases: list, meta: { importTextBytes: bytes, importTextChars: big.text.length, importTextBlocks: big.n, blocks: 2200 } }
}

/** importText and the numbering plugin, in this process; the conversions run by `case`. */
async function bench(outFile: string) {
  const { cases: list, meta } = cases()
  const results: Record<string, Stats> = {}
  for (const c of list) {
    const samples = await c.run()
    if (!samples.length) throw new Error(`node case ${c.name} measured nothing`)
    results[c.name] = stats(samples)
  }
  writeFileSync(outFile, JSON.stringify({ meta, results }, null, 1))
}

/** One conversion in this process: its samples (ms), as JSON. */
async function runCase(name: string, outFile: string) {
  // The Word cases take tens to hundreds of milliseconds a run: fewer runs, for about as long.
  const options = name.startsWith('word.') ? { warmup: 5, runs: 12, minMs: 1000, maxRuns: 100 } : { warmup: 10, runs: 30, minMs: 600, maxRuns: 300 }
  writeFileSync(outFile, JSON.stringify(await measureConversion(name, options)))
}

async function profile(name: string, outFile: string) {
  const conv = conversionNames.includes(name)
  const c = conv ? { name, run: () => measureConversion(name, { warmup: 0, runs: name.startsWith('word.') ? 10 : 30, minMs: 500 }) } : cases().cases.find((x) => x.name === name)
  if (!c) throw new Error(`no node case ${name}`)
  await c.run() // warm, unprofiled
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
  await session.post('Profiler.start')
  await c.run()
  const { profile: p } = await session.post('Profiler.stop')
  session.disconnect()
  writeFileSync(outFile + '.cpuprofile', JSON.stringify(p))
  const self = new URL(import.meta.url).href
  writeFileSync(outFile, JSON.stringify(summarizeProfile(p, { top: 12, fileOf: (url: string) => (url === self ? new URL(url).pathname : null) })))
}

const [command, a, b] = process.argv.slice(2)
if (command === 'prepare') await prepare(a!)
else if (command === 'bench') await bench(a!)
else if (command === 'case') await runCase(a!, b!)
else if (command === 'profile') await profile(a!, b!)
else {
  console.error('usage: node node.mjs prepare OUTDIR | bench OUTFILE | profile CASE OUTFILE')
  process.exit(2)
}
