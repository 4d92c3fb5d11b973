import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { test, expect, pastesSettled } from './helpers.ts'

const corpusFile = fileURLToPath(new URL('../../../shared/corpus/county.txt', import.meta.url))
const mm = (pt: number) => (pt * 25.4) / 72

/** The clipping rectangle of the page content (the text block) on the first page of a Chromium PDF, in mm. */
function textBlock(pdf: Buffer): { left: number; top: number; width: number; height: number } {
  const s = pdf.toString('latin1')
  const re = /stream\r?\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(s))) {
    const start = m.index + m[0].length
    let content: string
    try {
      content = inflateSync(Buffer.from(s.slice(start, s.indexOf('endstream', start)), 'latin1')).toString('latin1')
    } catch {
      continue
    }
    const scale = /([\d.]+) 0 0 -([\d.]+) 0 ([\d.]+) cm/.exec(content)
    const rect = /([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\s+W/.exec(content)
    if (!scale || !rect) continue
    const k = Number(scale[1])
    return { left: mm(Number(rect[1]) * k), top: mm(Number(rect[2]) * k), width: mm(Number(rect[3]) * k), height: mm(Number(rect[4]) * k) }
  }
  throw new Error('no page content found in the PDF')
}

/** The box of the ink on the first page of a PDF, rendered by pdftoppm at 72 dpi (1 px = 1 pt), in mm. */
function inkBox(pdf: Buffer): { left: number; top: number; right: number; bottom: number; width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-print-'))
  writeFileSync(join(dir, 'page.pdf'), pdf)
  const r = spawnSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`)
  const file = readFileSync(join(dir, 'page.pgm'))
  // A binary PGM: "P5 <width> <height> <max>" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(file.subarray(0, 40).toString('latin1'))!
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = file.subarray(header[0].length)
  let left = width
  let right = -1
  let top = height
  let bottom = -1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x]! < 128) {
        left = Math.min(left, x)
        right = Math.max(right, x)
        top = Math.min(top, y)
        bottom = Math.max(bottom, y)
      }
    }
  }
  return { left: mm(left), top: mm(top), right: mm(width - 1 - right), bottom: mm(height - 1 - bottom), width: mm(width), height: mm(height) }
}

test('a corpus summary prints on A4 with the margins of GB/T 9704', async ({ page, browser }) => {
  test.skip(!existsSync(corpusFile), `${corpusFile} is missing: the print test needs the corpus`)
  await page.goto('./')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  await page.getByRole('button', { name: '新建空白' }).click()
  // Paste the whole summary into the empty editor, as a writer would.
  const text = readFileSync(corpusFile, 'utf8')
  await page.locator('zongjie-editor .ProseMirror').evaluate((el, t) => {
    const data = new DataTransfer()
    data.setData('text/plain', t)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
  // The importer loads on the first paste: the paste lands once it has.
  await pastesSettled(page)
  const html = await page.locator('zongjie-editor').evaluate((el) => (el as unknown as { getHTML(o: object): string }).getHTML({ standalone: true }))
  expect(html).toContain('@page { size: 210mm 297mm; margin: 37mm 26mm 35mm 28mm; }')

  const printPage = await browser.newPage()
  await printPage.setContent(html)
  const pdf = await printPage.pdf({ preferCSSPageSize: true })
  await printPage.close()
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[0 0 ([\d.]+) ([\d.]+)\]/g)].map((b) => [mm(Number(b[1])), mm(Number(b[2]))])
  // Several A4 pages: the summary runs over more than one.
  expect(boxes.length).toBeGreaterThan(1)
  for (const [w, h] of boxes) {
    expect(Math.abs(w! - 210)).toBeLessThan(0.5)
    expect(Math.abs(h! - 297)).toBeLessThan(0.5)
  }
  // The text block: 28 mm from the left (订口), 37 mm from the top (天头), 156 × 225 mm.
  const block = textBlock(pdf)
  expect(Math.abs(block.left - 28)).toBeLessThan(0.5)
  expect(Math.abs(block.top - 37)).toBeLessThan(0.5)
  expect(Math.abs(block.width - 156)).toBeLessThan(0.5)
  expect(Math.abs(block.height - 225)).toBeLessThan(0.5)

  // The rendered first page: A4, and the ink inside the text block (the title and the first lines
  // start at the top margin; the body's two-character indent and justified lines reach the sides).
  const ink = inkBox(pdf)
  expect(Math.abs(ink.width - 210)).toBeLessThan(1)
  expect(Math.abs(ink.height - 297)).toBeLessThan(1)
  expect(ink.left).toBeGreaterThanOrEqual(27.5)
  expect(ink.left).toBeLessThan(29.5)
  expect(ink.top).toBeGreaterThanOrEqual(36.5)
  expect(ink.top).toBeLessThan(42)
  expect(ink.right).toBeGreaterThanOrEqual(25.5)
  expect(ink.right).toBeLessThan(28)
  expect(ink.bottom).toBeGreaterThanOrEqual(34.5)
})
