/**
 * Word files in the editor: 打开 opens a `.docx` (numbered by Word's own multi-level list, the
 * numbers only in numbering.xml) through the file chooser and by dropping it on the editor, as
 * structure, undoably; 导出 Word downloads a `.docx` that reads back to the same Summary JSON; a
 * file that is no Word document is refused with a message, the content kept.
 */
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx'
import { DOMParser } from 'linkedom'
import { toSummary, importText, type Summary } from '@zongjie/model'
import { importDocx } from '@zongjie/docx/read'
import { test, expect, openWith, getSummary, content, focusEditor } from './helpers.ts'

const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as never

/** A summary as another program writes it: heading numbers from Word's multi-level list, none typed. */
async function wordNumberedDocx(): Promise<Buffer> {
  const heading = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'outline', level } })
  const para = (text: string) => new Paragraph({ text })
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          para('青山区卫生健康局2024年上半年工作总结'),
          para('上半年，我局围绕群众看病就医需求扎实开展工作，现将有关情况总结如下：'),
          heading('主要工作及成效', 0),
          heading('夯实基层医疗服务', 1),
          para('一是新建标准化村卫生室X个；二是签约居民X万人。'),
          heading('加强公共卫生体系建设', 1),
          heading('完善疾病预防控制网络', 2),
          heading('做好妇幼健康服务', 2),
          heading('存在的问题', 0),
          para('一是基层医疗人才短缺；二是信息化水平不高。'),
          heading('下半年工作计划', 0),
          para('一是补齐人才短板；二是推进智慧医疗。'),
        ],
      },
    ],
  })
  return Packer.toBuffer(document)
}

/** The same summary with its numbers typed: what importing the `.docx` must give. */
const typedText = [
  '青山区卫生健康局2024年上半年工作总结',
  '上半年，我局围绕群众看病就医需求扎实开展工作，现将有关情况总结如下：',
  '一、主要工作及成效',
  '（一）夯实基层医疗服务',
  '一是新建标准化村卫生室X个；二是签约居民X万人。',
  '（二）加强公共卫生体系建设',
  '1.完善疾病预防控制网络',
  '2.做好妇幼健康服务',
  '二、存在的问题',
  '一是基层医疗人才短缺；二是信息化水平不高。',
  '三、下半年工作计划',
  '一是补齐人才短板；二是推进智慧医疗。',
].join('\n')

const before = '某局2023年工作总结\n开头。\n一、原来的工作\n正文。'
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** The editor's hint (the message shown after opening or exporting). */
const hint = (page: Page) => page.locator('zongjie-editor [part=hint]')

/** Drops a file with these bytes on the editor's page, as a writer drags it from the file manager. */
async function dropFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const box = (await content(page).boundingBox())!
  await page.evaluate(
    ({ name, base64, type, x, y }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const transfer = new DataTransfer()
      transfer.items.add(new File([data], name, { type }))
      const target = document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror')!
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true, clientX: x, clientY: y }))
    },
    { name, base64: bytes.toString('base64'), type: docxType, x: box.x + 40, y: box.y + 20 },
  )
}

test.describe('Word files in the editor', () => {
  test('打开 reads a .docx numbered by Word as structure, and Ctrl+Z brings back what was there', async ({ page }) => {
    await openWith(page, before)
    const original = await getSummary(page)
    const bytes = await wordNumberedDocx()
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '打开', exact: true }).click()
    await (await chooser).setFiles({ name: '上半年总结.docx', mimeType: docxType, buffer: bytes })
    const expected: Summary = toSummary(importText(typedText).doc)
    await expect.poll(() => getSummary(page)).toEqual(expected)
    // The same as the reader gives in Node: one importer.
    expect(await getSummary(page)).toEqual(toSummary(importDocx(new Uint8Array(bytes), parseXml).doc))
    await expect(hint(page)).toContainText('已打开“上半年总结.docx”')
    await focusEditor(page)
    await page.keyboard.press('Control+z')
    await expect.poll(() => getSummary(page)).toEqual(original)
  })

  test('a .docx dropped on the editor is opened the same way', async ({ page }) => {
    await openWith(page, before)
    await dropFile(page, '拖入.docx', await wordNumberedDocx())
    await expect.poll(() => getSummary(page)).toEqual(toSummary(importText(typedText).doc))
    await expect(hint(page)).toContainText('已打开“拖入.docx”')
  })

  test('导出 Word downloads a .docx named after the title that reads back to the same Summary JSON', async ({ page }) => {
    await openWith(page, typedText)
    const summary = await getSummary(page)
    // As final (定稿), a draft with unfilled metrics is refused, naming them.
    const refusal = await page.evaluate(() =>
      (document.querySelector('zongjie-editor') as unknown as { getDocx(o: { final: boolean }): Promise<Blob> }).getDocx({ final: true }).then(
        () => 'exported',
        (e: Error) => e.message,
      ),
    )
    expect(refusal).toMatch(/^文稿还有 2 处错误，不能导出定稿：.*X个/)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出 Word', exact: true }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('青山区卫生健康局2024年上半年工作总结.docx')
    const bytes = readFileSync((await file.path())!)
    const read = importDocx(new Uint8Array(bytes), parseXml)
    expect(read.source).toBe('embedded')
    expect(toSummary(read.doc)).toEqual(summary)
  })

  test('an old .doc file is refused with a message that says what to do, and the content stays', async ({ page }) => {
    await openWith(page, before)
    const original = await getSummary(page)
    const errors = page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.querySelector('zongjie-editor')!.addEventListener('error', (e) => resolve((e as CustomEvent<{ message: string }>).detail.message), { once: true })
        }),
    )
    // An OLE compound file, as old Word and WPS write.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    const chooser = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: '打开', exact: true }).click()
    await (await chooser).setFiles({ name: '旧总结.doc', mimeType: 'application/msword', buffer: ole })
    await expect(hint(page)).toContainText('无法打开“旧总结.doc”')
    expect(await errors).toMatch(/\.docx/)
    expect(await getSummary(page)).toEqual(original)
  })

  test('in the one-script build, Word support is the second script, fetched from beside the first on first use', async ({ page }) => {
    test.setTimeout(120_000)
    const fetched: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('.iife.js')) fetched.push(new URL(r.url()).pathname)
    })
    // The first requests may build the scripts.
    await page.goto('script-tag.html', { timeout: 80_000 })
    await page.waitForFunction(() => document.documentElement.getAttribute('data-ready') === 'true')
    expect(fetched).toEqual(['/zongjie-editor.iife.js'])
    const summary = await getSummary(page)
    const exported = await page.evaluate(async () => {
      const blob = await (document.querySelector('zongjie-editor') as unknown as { getDocx(): Promise<Blob> }).getDocx()
      return [...new Uint8Array(await blob.arrayBuffer())]
    })
    expect(fetched).toEqual(['/zongjie-editor.iife.js', '/zongjie-docx.iife.js'])
    expect(toSummary(importDocx(new Uint8Array(exported), parseXml).doc)).toEqual(summary)
    // Opening a Word file uses the same script, already there.
    const bytes = await wordNumberedDocx()
    const opened = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const el = document.querySelector('zongjie-editor') as unknown as { importFile(f: Blob): Promise<{ format: string }>; summary: unknown }
      const { format } = await el.importFile(new File([data], 'x.docx'))
      return { format, summary: el.summary }
    }, bytes.toString('base64'))
    expect(opened.format).toBe('docx')
    expect(opened.summary).toEqual(toSummary(importText(typedText).doc))
    expect(fetched).toHaveLength(2)
  })
})
