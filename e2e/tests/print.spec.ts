import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { test, expect } from './helpers.ts'

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
})
