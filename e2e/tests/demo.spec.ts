/** Smoke tests of the demo page: it loads, the editor renders, the sample is numbered, typing reaches `summary`. */
import {
  compose,
  content,
  docText,
  editor,
  expect,
  getSummary,
  getText,
  loadSample,
  newBlank,
  occurrences,
  openDemo,
  placeCursor,
  setSummary,
  test,
  typeText,
} from './helpers.ts'

test.beforeEach(async ({ page }) => {
  await openDemo(page)
})

test('the page loads as an OA form', async ({ page }) => {
  await expect(page).toHaveTitle(/工作总结填报/)
  await expect(page.locator('.oa-bar')).toContainText('示范县民政局')
  await expect(page.getByLabel('填报单位')).toHaveValue('示范县民政局')
  await expect(page.getByLabel('报送日期')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/)
  await expect(page.getByLabel('密级')).toHaveValue('内部')
  await expect(page.getByLabel('联系人')).toBeVisible()
  for (const name of ['载入示例', '新建空白', '提交']) await expect(page.getByRole('button', { name })).toBeVisible()
})

test('the editor element is defined and renders its editing surface', async ({ page }) => {
  const el = editor(page)
  await expect(el).toHaveCount(1)
  expect(await page.evaluate(() => customElements.get('zongjie-editor') !== undefined)).toBe(true)
  expect(await el.evaluate((e) => e.shadowRoot?.mode)).toBe('open')
  await expect(content(page)).toHaveAttribute('contenteditable', 'true')
  const box = await content(page).boundingBox()
  expect(box?.width ?? 0).toBeGreaterThan(200)
  expect(await el.evaluate((e) => typeof (e as unknown as { view?: { state?: unknown } }).view?.state)).toBe('object')
})

test('loading the sample shows numbered headings', async ({ page }) => {
  await loadSample(page)
  const text = await getText(page)
  for (const line of ['一、主要工作及成效', '（一）兜牢基本民生底线。', '（二）提升养老服务水平', '二、社会事务服务', '三、存在的问题', '四、下半年工作计划', '一是完善低保动态管理。']) {
    expect(text).toContain(line)
  }
  await expect(content(page)).toContainText('主要工作及成效')
  await expect(content(page)).toContainText('兜牢基本民生底线')

  const summary = await getSummary(page)
  expect(summary.title).toBe('示范县民政局2024年上半年工作总结')
  expect(summary.sections.map((s) => [s.number, s.role])).toEqual([
    ['一、', 'work'],
    ['二、', 'work'],
    ['三、', 'problems'],
    ['四、', 'plans'],
  ])
  expect(summary.sections[0]!.sections.map((s) => [s.number, s.runIn])).toEqual([
    ['（一）', true],
    ['（二）', false],
    ['（三）', true],
  ])
  expect(summary.metrics.some((m) => m.text === '22个' && m.filled)).toBe(true)
  expect(summary.metrics.some((m) => m.text === 'X名' && !m.filled)).toBe(true)
  expect(summary.blanks.length).toBeGreaterThan(0)

  // The live panes show what was loaded.
  await expect(page.locator('#json-pane')).toContainText('"number": "一、"')
  await expect(page.locator('#html-pane')).toContainText('主要工作及成效')
})

test('typing plain text into the body changes summary', async ({ page }) => {
  await loadSample(page)
  await placeCursor(page, '总结如下：', 'end')
  await typeText(page, 'ABC 补充说明')
  const summary = await getSummary(page)
  const opening = summary.preamble[0]
  expect(opening?.type).toBe('paragraph')
  expect(opening && 'text' in opening ? opening.text : '').toMatch(/总结如下：ABC 补充说明$/)
  // The editor's input event reached the page.
  await expect(page.locator('#json-pane')).toContainText('ABC 补充说明')
  await expect(page.locator('#event-log')).not.toContainText('input 事件 0 次')
})

test('an IME composition inserts the chosen characters once', async ({ page }) => {
  await loadSample(page)
  const before = occurrences(await docText(page), '总结')
  await placeCursor(page, '总结如下：', 'end')
  await compose(page, ['z', 'zong', 'zongjie'], '总结')
  const after = await docText(page)
  expect(occurrences(after, '总结')).toBe(before + 1)
  expect(after).not.toContain('zong')
  expect((await getSummary(page)).preamble[0]).toMatchObject({ text: expect.stringMatching(/总结如下：总结$/) })
})

test('submit is refused while the draft has errors', async ({ page }) => {
  await loadSample(page)
  await page.getByLabel('联系人').fill('李明 0000-1234567')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#submit-message')).toContainText('不能提交')
  await expect(page.locator('#submit-message')).toContainText('处错误')
  await expect(page.locator('#result')).toContainText('未提交')
})

test('submit prints the Summary JSON when the draft has no errors', async ({ page }) => {
  const summary = {
    version: 1,
    title: '示范县民政局2024年上半年工作总结',
    preamble: [{ type: 'paragraph', text: '上半年各项工作平稳推进。现将有关情况总结如下：' }],
    sections: [
      { level: 1, number: '一、', role: 'work', title: '主要工作', runIn: false, body: [{ type: 'paragraph', text: '完成社区养老服务站建设。' }], sections: [] },
      { level: 1, number: '二、', role: 'problems', title: '存在的问题', runIn: false, body: [{ type: 'paragraph', text: '基层经办力量不足。' }], sections: [] },
      { level: 1, number: '三、', role: 'plans', title: '下半年工作计划', runIn: false, body: [{ type: 'paragraph', text: '继续推进各项工作。' }], sections: [] },
    ],
    closing: [],
    metrics: [],
    blanks: [],
  }
  await setSummary(page, summary)
  await expect.poll(async () => (await getSummary(page)).title).toBe(summary.title)
  await page.getByLabel('联系人').fill('李明')
  await page.getByRole('button', { name: '提交' }).click()
  await expect(page.locator('#submit-message')).toContainText('已提交')
  const printed = JSON.parse((await page.locator('#result').textContent()) ?? '{}')
  expect(printed).toMatchObject({ unit: '示范县民政局', classification: '内部', contact: '李明', summary: { title: summary.title } })
  expect(printed.summary.sections).toHaveLength(3)
})

test('新建空白 empties the document', async ({ page }) => {
  await loadSample(page)
  await newBlank(page)
  const summary = await getSummary(page)
  expect(summary).toMatchObject({ title: '', sections: [], closing: [], metrics: [], blanks: [] })
  expect(summary.preamble.every((b) => b.type === 'paragraph' && b.text === '')).toBe(true)
  expect((await getText(page)).trim()).toBe('')
})
