/**
 * A real office suite opens the Word export: LibreOffice converts it to PDF, and the PDF has the
 * summary's text, on pages laid out after GB/T 9704 (the ink of page 1 inside the text block, the
 * page number in the footer below it, 22 lines a page, 28 characters a line).
 *
 * Needs `soffice` (LibreOffice) and poppler's `pdftotext` and `pdftoppm`; `pnpm test` installs them
 * when it runs as root. Without them these tests fail, unless SKIP_OFFICE=1, which skips them loudly.
 * KEEP_OFFICE_OUTPUT=1 keeps the .docx and .pdf files in the temporary folder, to look at.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Node } from 'prosemirror-model'
import { toText } from '@zongjie/model'
import { toDocx } from '../src/index.ts'
import { everyPart, templateDocs, corpusDocs } from './write-fixtures.ts'

const run = promisify(execFile)
const skip = process.env.SKIP_OFFICE === '1'
if (skip) {
  console.warn(
    '\n' + '!'.repeat(78) + '\n!!! SKIP_OFFICE=1: THE LIBREOFFICE TESTS OF THE WORD EXPORT WERE NOT RUN. Nothing here shows the .docx opens. !!!\n' + '!'.repeat(78) + '\n',
  )
}

const tools = ['soffice', 'pdftotext', 'pdftoppm']
const missing = () => tools.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0)

// Millimetres on an A4 page, and the text block of GB/T 9704 (37 mm from the top, 28 mm from the left, 156 × 225 mm).
const page = { width: 210, height: 297 }
const block = { top: 37, left: 28, right: 28 + 156, bottom: 37 + 225 }
const slack = 2
/** One 4号 character (14 pt), the page number's distance in from the block's edge. */
const pageNumberInset = (14 * 25.4) / 72

/**
 * The fonts of a Chinese office machine, by the names the file asks for, mapped to the free Noto CJK
 * fonts (Debian's fonts-noto-cjk) for LibreOffice's process only: the layout does not depend on it,
 * but a rendered page then looks as it would there (serif body, sans-serif 黑体 headings).
 */
const fontsConf = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  ${[
    ['仿宋_GB2312', 'Noto Serif CJK SC'],
    ['楷体_GB2312', 'Noto Serif CJK SC'],
    ['方正小标宋简体', 'Noto Serif CJK SC'],
    ['宋体', 'Noto Serif CJK SC'],
    ['黑体', 'Noto Sans CJK SC'],
  ]
    .map(([name, free]) => `<alias binding="same"><family>${name}</family><prefer><family>${free}</family></prefer></alias>`)
    .join('\n  ')}
</fontconfig>
`

/** A title of two lines, broken as GB/T 9704 asks (see `titleBreaks`). */
const longTitle = '示范县人民政府办公室关于2024年上半年政务服务工作情况的总结'

interface Converted {
  name: string
  doc: Node
  pdf: string
}

let work: string
let converted: Converted[] = []

/** A page of a PDF as a grey image at 72 dpi (one pixel a point): width, height and the grey of each pixel. */
async function renderPage(pdf: string, n: number): Promise<{ width: number; height: number; grey: Uint8Array }> {
  const prefix = join(work, `page-${Math.random().toString(36).slice(2)}`)
  await run('pdftoppm', ['-r', '72', '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix])
  const data = readFileSync(`${prefix}.pgm`)
  // P5 (binary greymap): "P5", width, height, maxval, each after white space, then the pixels.
  const header: string[] = []
  let i = 0
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]!))) i++
    let token = ''
    while (!/\s/.test(String.fromCharCode(data[i]!))) token += String.fromCharCode(data[i++]!)
    header.push(token)
  }
  i++
  expect(header[0]).toBe('P5')
  const [width, height] = [Number(header[1]), Number(header[2])]
  return { width, height, grey: data.subarray(i, i + width * height) }
}

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

/** The box (in millimetres) around the dark pixels of an image whose rows lie between two heights (mm). */
function ink(image: { width: number; height: number; grey: Uint8Array }, fromMm: number, toMm: number): Box | null {
  const perMm = image.width / page.width
  let box: Box | null = null
  for (let y = Math.max(0, Math.floor(fromMm * perMm)); y < Math.min(image.height, Math.ceil(toMm * perMm)); y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.grey[y * image.width + x]! >= 128) continue
      const [mx, my] = [x / perMm, y / perMm]
      if (!box) box = { left: mx, top: my, right: mx + 1 / perMm, bottom: my + 1 / perMm }
      else {
        box.left = Math.min(box.left, mx)
        box.right = Math.max(box.right, mx + 1 / perMm)
        box.top = Math.min(box.top, my)
        box.bottom = Math.max(box.bottom, my + 1 / perMm)
      }
    }
  }
  return box
}

/** The text of a PDF, and its number of pages. */
async function pdfText(pdf: string, first?: number, last?: number): Promise<string> {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : []
  return (await run('pdftotext', [...range, pdf, '-'], { maxBuffer: 64 << 20 })).stdout
}

async function pageCount(pdf: string): Promise<number> {
  return (await pdfText(pdf)).split('\f').filter((p) => p.trim() !== '').length
}

/** Text with the page-number lines (`— 3 —`) and all white space removed. */
const comparable = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*—\s*\d+\s*—\s*$/.test(line))
    .join('')
    .replace(/\s+/g, '')

/** Width in characters of a line as set: Chinese and full-width one each, ASCII half. */
const lineWidth = (text: string) => [...text.replace(/\s+/g, '')].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0)

/** Why the conversion failed, when it did: each test then fails with it (a failing hook would leave them skipped). */
let setupError: unknown

/** The converted files, or the reason there are none. */
function ready(): Converted[] {
  if (setupError) throw setupError
  return converted
}

async function convertAll(): Promise<void> {
  const absent = missing()
  if (absent.length) {
    throw new Error(
      `${absent.join(', ')} not installed: these tests convert the export with LibreOffice. Install them (as root: ` +
        'apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk; `pnpm test` does it when run as root), ' +
        'or set SKIP_OFFICE=1 to skip these tests.',
    )
  }
  work = mkdtempSync(join(tmpdir(), 'zongjie-docx-office-'))
  writeFileSync(join(work, 'fonts.conf'), fontsConf)
  const docs = [{ name: 'every part', doc: everyPart() }, { name: 'a long title', doc: everyPart({ title: longTitle }) }, ...templateDocs(), ...corpusDocs()]
  const files: string[] = []
  for (const [i, { doc }] of docs.entries()) {
    const file = join(work, `summary-${i}.docx`)
    writeFileSync(file, await toDocx(doc))
    files.push(file)
  }
  // One LibreOffice for all the files, with a profile of its own so that parallel runs do not clash.
  await run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], {
    timeout: 120_000,
    env: { ...process.env, FONTCONFIG_FILE: join(work, 'fonts.conf') },
  })
  converted = docs.map(({ name, doc }, i) => ({ name, doc, pdf: join(work, `summary-${i}.pdf`) }))
}

describe.skipIf(skip)('LibreOffice opens the Word export', () => {
  beforeAll(async () => {
    try {
      await convertAll()
    } catch (e) {
      setupError = e
    }
  }, 150_000)

  afterAll(() => {
    if (work && !process.env.KEEP_OFFICE_OUTPUT) rmSync(work, { recursive: true, force: true })
  })

  it('converts every export to PDF, which reads as the summary’s text', async () => {
    expect(ready().length).toBeGreaterThanOrEqual(8)
    for (const { name, doc, pdf } of ready()) {
      const text = await pdfText(pdf)
      expect(comparable(text), name).toBe(comparable(toText(doc)))
    }
  })

  it('keeps the ink of page 1 inside the text block, and the page number in the footer below it, on the right', async () => {
    for (const { name, pdf } of ready()) {
      const image = await renderPage(pdf, 1)
      expect(image.width / page.width).toBeCloseTo(72 / 25.4, 1)
      const body = ink(image, 0, block.bottom + slack)!
      expect(body, name).not.toBeNull()
      expect(body.left, name).toBeGreaterThanOrEqual(block.left - slack)
      expect(body.top, name).toBeGreaterThanOrEqual(block.top - slack)
      expect(body.right, name).toBeLessThanOrEqual(block.right + slack)
      expect(body.bottom, name).toBeLessThanOrEqual(block.bottom + slack)
      // The text uses the block: lines start at its left edge and justified lines reach its right edge.
      expect(body.left, name).toBeLessThan(block.left + slack)
      expect(body.right, name).toBeGreaterThan(block.right - 3)
      const number = ink(image, block.bottom + slack, page.height)
      expect(number, `${name}: a page number below the block`).not.toBeNull()
      // Odd page: on the right, one character in from the block's edge; its dashes about 7 mm below the block.
      expect(number!.left, name).toBeGreaterThan(page.width / 2)
      expect(Math.abs(number!.right - (block.right - pageNumberInset)), name).toBeLessThan(slack)
      expect(Math.abs((number!.top + number!.bottom) / 2 - (block.bottom + 7)), name).toBeLessThan(slack)
    }
  })

  it('sets a long title on the lines it was broken into, each centred in the block', async () => {
    const { pdf } = ready().find((c) => c.name === 'a long title')!
    const xhtml = (await run('pdftotext', ['-f', '1', '-l', '1', '-bbox-layout', pdf, '-'])).stdout
    const lines = [...xhtml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
      .map(([, x0, y, x1, words]) => ({ left: Number(x0), right: Number(x1), y: Number(y), text: [...words!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('') }))
      .sort((a, b) => a.y - b.y)
    expect(lines.slice(0, 2).map((l) => l.text)).toEqual(['示范县人民政府办公室关于', '2024年上半年政务服务工作情况的总结'])
    const centre = (((block.left + block.right) / 2) * 72) / 25.4
    for (const l of lines.slice(0, 2)) expect(Math.abs((l.left + l.right) / 2 - centre), l.text).toBeLessThan(3)
  })

  it('puts the page number of an even page on the left, one character in', async () => {
    const long = ready().find((c) => c.name === 'every part')!
    const pages = await pageCount(long.pdf)
    expect(pages).toBeGreaterThanOrEqual(2)
    const number = ink(await renderPage(long.pdf, 2), block.bottom + slack, page.height)!
    expect(number.right).toBeLessThan(page.width / 2)
    expect(Math.abs(number.left - (block.left + pageNumberInset))).toBeLessThan(slack)
    expect(await pdfText(long.pdf, 2)).toMatch(/—\s*2\s*—/)
  })

  it('sets 22 lines a full page, 28.95 pt apart, and 28 characters a full line', async () => {
    let fullPages = 0
    let widest = 0
    for (const { name, pdf } of ready()) {
      const pages = await pageCount(pdf)
      for (let n = 2; n < pages; n++) {
        const xhtml = (await run('pdftotext', ['-f', String(n), '-l', String(n), '-bbox-layout', pdf, '-'])).stdout
        const lines = [...xhtml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)]
          .map(([, y, words]) => ({ y: Number(y), text: [...words!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join('') }))
          .filter((l) => l.y < (block.bottom * 72) / 25.4)
          .sort((a, b) => a.y - b.y)
        expect(lines.length, `${name} page ${n}`).toBeLessThanOrEqual(22)
        if (lines.length === 22) fullPages++
        for (let i = 1; i < lines.length; i++) {
          const step = (lines[i]!.y - lines[i - 1]!.y) / 28.95
          expect(Math.abs(step - Math.round(step)), `${name} page ${n}: line ${i} ${lines[i]!.text}`).toBeLessThan(0.05)
        }
        for (const l of lines) widest = Math.max(widest, lineWidth(l.text))
      }
    }
    expect(fullPages).toBeGreaterThan(0)
    expect(widest).toBeLessThanOrEqual(28)
    expect(widest).toBeGreaterThanOrEqual(27.5)
  })
})
