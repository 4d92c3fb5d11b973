/**
 * Copying from `<zongjie-editor>` puts the computed numbers into what goes on the clipboard: a
 * synthetic `copy` event with a DataTransfer, dispatched on the ProseMirror element, comes back
 * with `二、` `（一）` `一是` in both text/plain and text/html, so the text reads right in Word, WPS
 * or a chat window.
 */
import {
  content,
  copy,
  editorTest as test,
  expect,
  getSummary,
  openWith,
  positionOf,
  selectRange,
} from './helpers.ts'

const text = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
二、社会事务
办理婚姻登记X件。
（一）规范婚姻登记。一是推行跨省通办；二是开展颁证服务。
（二）深化殡葬改革
一是整治散埋乱葬。
二是推广节地生态安葬。
三、存在的问题
基层力量不足。
`

test.beforeEach(async ({ page }) => {
  await openWith(page, text)
})

test('a copied range with sections and work items carries their numbers in text and HTML', async ({ page }) => {
  const from = await positionOf(page, '社会事务', 'start')
  const to = await positionOf(page, '推广节地生态安葬。', 'end')
  await selectRange(page, from, to)
  const before = await getSummary(page)
  const copied = await copy(page)
  expect(copied.handled).toBe(true)
  expect(copied.text.split('\n')).toEqual([
    '二、社会事务',
    '办理婚姻登记X件。',
    '（一）规范婚姻登记。一是推行跨省通办；二是开展颁证服务。',
    '（二）深化殡葬改革',
    '一是整治散埋乱葬。',
    '二是推广节地生态安葬。',
  ])
  for (const number of ['二、', '（一）', '（二）', '一是', '二是']) expect(copied.html).toContain(number)
  // In the HTML, each number stands before its own heading or item, once.
  const html = await page.evaluate((h) => {
    const d = document.createElement('div')
    d.innerHTML = h
    return {
      headings: [...d.querySelectorAll('.zj-heading')].map((e) => e.textContent),
      items: [...d.querySelectorAll('.zj-work-item')].map((e) => e.textContent),
      text: d.textContent,
    }
  }, copied.html)
  expect(html.headings).toEqual(['二、社会事务', '（一）规范婚姻登记', '（二）深化殡葬改革'])
  expect(html.items).toEqual(['一是推行跨省通办；', '二是开展颁证服务。', '一是整治散埋乱葬。', '二是推广节地生态安葬。'])
  expect(html.text).toContain('办理婚姻登记X件。')
  // Copying changes nothing in the document.
  expect(await getSummary(page)).toEqual(before)
})

test('a copy from the middle of a list carries each item its ordinal in the whole list', async ({ page }) => {
  const from = await positionOf(page, '推广节地生态安葬。', 'start')
  const to = await positionOf(page, '基层力量不足。', 'end')
  await selectRange(page, from, to)
  const copied = await copy(page)
  expect(copied.text.split('\n')).toEqual(['二是推广节地生态安葬。', '三、存在的问题', '基层力量不足。'])
  expect(copied.html).toContain('二是')
  expect(copied.html).toContain('三、')
  expect(copied.html).not.toContain('一是')
})

test('a copy inside one paragraph is just its text', async ({ page }) => {
  const from = await positionOf(page, '婚姻登记', 'start')
  await selectRange(page, from, from + 4)
  const copied = await copy(page)
  expect(copied.text).toBe('婚姻登记')
  expect(copied.html).toContain('婚姻登记')
  expect(copied.html).not.toMatch(/二、|一是/)
})

test('cut takes the range out and puts the numbered text on the clipboard', async ({ page }) => {
  const from = await positionOf(page, '深化殡葬改革', 'start')
  const to = await positionOf(page, '推广节地生态安葬。', 'end')
  await selectRange(page, from, to)
  const cut = await copy(page, 'cut')
  expect(cut.text.split('\n')).toEqual(['（二）深化殡葬改革', '一是整治散埋乱葬。', '二是推广节地生态安葬。'])
  const summary = await getSummary(page)
  expect(JSON.stringify(summary)).not.toContain('殡葬')
  await expect(content(page)).not.toContainText('殡葬')
})
