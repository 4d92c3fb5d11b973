/**
 * Pasting into `<zongjie-editor>`: synthetic `paste` ClipboardEvents with a DataTransfer, dispatched
 * on the ProseMirror element in the shadow root. A whole plain-text summary becomes the structure
 * the model's importer reads; a part of one goes in at the cursor; Word HTML becomes sections with
 * nothing active left; what the editor copies pastes back as it was.
 */
import type { Page } from '@playwright/test'
import type { Summary } from '@zongjie/model'
import {
  content,
  copy,
  editorTest as test,
  expect,
  focusEditor,
  getHTML,
  getSummary,
  openDemo,
  openWith,
  paste,
  pastesSettled,
  placeCursor,
  positionOf,
  press,
  selectRange,
  shownNumbers,
  summaryOf,
  textLines,
} from './helpers.ts'

const wholeSummary = `青山区卫生健康局2024年工作总结

2024年，区卫生健康局在区委、区政府的坚强领导下，聚焦群众看病就医需求，各项工作取得新进展。现将全年工作总结如下：

一、主要工作及成效
（一）夯实基层医疗服务。一是推进社区卫生服务中心建设，新建标准化村卫生室X个；二是开展家庭医生签约服务，签约居民X万人。
（二）加强公共卫生体系建设
一是完善疾病预防控制网络。全年开展传染病监测X次。
二是做好妇幼健康服务。免费筛查孕产妇X名。
二、存在的问题
一是基层医疗人才短缺；二是信息化水平不高。
三、下一步打算
（一）持续深化医改。推进紧密型医共体建设。
（二）加强人才队伍建设。引进医学类专业人才X名。

青山区卫生健康局
2024年12月20日
`

const structured = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年发放救助资金。
（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。
（二）提升养老服务
一是建设社区养老服务站。
二是实施居家适老化改造X户。
二、社会事务
办理婚姻登记。
三、存在的问题
基层力量不足。
四、下半年工作计划
持续做好社会救助。
`

/** A Word document's clipboard HTML (CF_HTML as Chromium hands it over), with a script, handlers and a javascript: link in it. */
const wordHTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Word.Document><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm; font-size:16.0pt; font-family:仿宋_GB2312;} @list l0:level1 {mso-level-number-format:chinese-counting; mso-level-text:"%1、";} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt;font-family:方正小标宋简体'>青山区文化旅游局2024年上半年工作总结<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>上半年，我局围绕文旅融合发展目标，扎实推进各项工作。现将有关情况总结如下：<o:p></o:p></span></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:黑体;mso-fareast-font-family:黑体'><span style='mso-list:Ignore'>一、</span></span><![endif]><span style='font-family:黑体'>主要工作<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:楷体_GB2312'>（一）丰富公共文化服务。</span><span>全年举办文化惠民演出X场，<a href="javascript:window.__zjPwned='link'">点击查看</a>接待群众X人次。<o:p></o:p></span></p>
<p class=MsoNormal onclick="window.__zjPwned='onclick'" style='text-indent:32.0pt'><span onmouseover="window.__zjPwned='mouseover'">一是推进图书馆总分馆建设；二是开展全民阅读活动。</span><script>window.__zjPwned='script'</script></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>二、</span><![endif]><span style='font-family:黑体'>存在的问题</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>文旅产品同质化问题较突出。</span><img src="x" onerror="window.__zjPwned='img'"></p>
<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>三、</span><span style='font-family:黑体'>下半年工作打算</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>继续办好文化惠民活动。</span></p>
<!--EndFragment-->
</body></html>`

/** A summary without its `meta` (what the model reads from the title), to compare content only. */
function withoutMeta(summary: Summary): Omit<Summary, 'meta'> {
  const { meta: _meta, ...rest } = summary as Summary & { meta?: unknown }
  return rest
}

/** Nothing active anywhere: not in `getHTML()`, not in the editor's shadow DOM, and nothing ran. */
/** After pasting `三、基层治理` with one paragraph at the end of 二's body: it stands as 三、, after 二, renumbering the rest. */
async function expectThirdSectionPasted(page: Page): Promise<Summary> {
  const summary = await getSummary(page)
  expect(summary.sections.map((s) => [s.number, s.title, s.role])).toEqual([
    ['一、', '主要工作', 'work'],
    ['二、', '社会事务', 'work'],
    ['三、', '基层治理', 'work'],
    ['四、', '存在的问题', 'problems'],
    ['五、', '下半年工作计划', 'plans'],
  ])
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  expect(summary.sections[2]!.body).toMatchObject([{ type: 'paragraph', text: '培训社区工作者X名。' }])
  return summary
}

async function expectNothingActive(page: Page) {
  const html = await getHTML(page)
  expect(html).not.toMatch(/<script|<iframe|<object|<embed|<img|\son[a-z]+\s*=|javascript:/i)
  const shadow = await page.evaluate(() => document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror')!.innerHTML)
  expect(shadow).not.toMatch(/<script|<img|\son(click|mouseover|error)\s*=|javascript:/i)
  expect(await page.evaluate(() => (window as unknown as { __zjPwned?: string }).__zjPwned)).toBeUndefined()
}

test('a whole plain-text summary pasted into an empty editor becomes its structure', async ({ page }) => {
  await openDemo(page)
  await focusEditor(page)
  expect(await paste(page, { text: wholeSummary })).toBe(true)
  const summary = await getSummary(page)
  expect(summary.title).toBe('青山区卫生健康局2024年工作总结')
  expect(summary.preamble).toHaveLength(1)
  expect(summary.preamble[0]).toMatchObject({ type: 'paragraph', text: expect.stringMatching(/^2024年，区卫生健康局.*总结如下：$/) })
  expect(summary.sections.map((s) => [s.number, s.role, s.title])).toEqual([
    ['一、', 'work', '主要工作及成效'],
    ['二、', 'problems', '存在的问题'],
    ['三、', 'plans', '下一步打算'],
  ])
  expect(summary.sections[0]!.sections.map((s) => [s.number, s.title, s.runIn])).toEqual([
    ['（一）', '夯实基层医疗服务', true],
    ['（二）', '加强公共卫生体系建设', false],
  ])
  expect(summary.sections[0]!.sections[0]!.body).toMatchObject([{ type: 'workItems', layout: 'joined', items: [{ ordinal: '一是' }, { ordinal: '二是' }] }])
  expect(summary.sections[0]!.sections[1]!.body).toMatchObject([{ type: 'workItems', layout: 'separate', items: [{ ordinal: '一是' }, { ordinal: '二是' }] }])
  expect(summary.metrics).toHaveLength(5)
  expect(summary.metrics.map((m) => m.text)).toEqual(['X个', 'X万人', 'X次', 'X名', 'X名'])
  expect(summary.signOff).toEqual({ organization: '青山区卫生健康局', date: '2024年12月20日' })
  // The same content the importer reads from the text, and the same text back out.
  expect(withoutMeta(summary)).toEqual(withoutMeta(summaryOf(wholeSummary)))
  expect(await textLines(page)).toEqual(wholeSummary.split('\n').filter((l) => l))
  // Numbered on screen.
  expect((await shownNumbers(page)).headings).toEqual([
    '一、主要工作及成效',
    '（一）夯实基层医疗服务',
    '（二）加强公共卫生体系建设',
    '二、存在的问题',
    '三、下一步打算',
    '（一）持续深化医改',
    '（二）加强人才队伍建设',
  ])
  await expect(content(page).locator('.zj-metric.zj-unfilled')).toHaveCount(5)
})

test('（一） sections pasted at the end of a section body become its subsections', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理婚姻登记。', 'end')
  await paste(page, { text: '（一）规范婚姻登记\n推行“跨省通办”，办理X件。\n（二）深化殡葬改革。一是整治散埋乱葬；二是推广节地生态安葬。\n' })
  const summary = await getSummary(page)
  expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、社会事务', '三、存在的问题', '四、下半年工作计划'])
  const s2 = summary.sections[1]!
  expect(s2.body).toEqual([{ type: 'paragraph', text: '办理婚姻登记。' }])
  expect(s2.sections.map((s) => [s.level, s.number, s.title, s.runIn])).toEqual([
    [2, '（一）', '规范婚姻登记', false],
    [2, '（二）', '深化殡葬改革', true],
  ])
  expect(s2.sections[0]!.body).toMatchObject([{ type: 'paragraph', text: '推行“跨省通办”，办理X件。' }])
  expect(s2.sections[1]!.body).toMatchObject([{ type: 'workItems', items: [{ ordinal: '一是', text: '整治散埋乱葬；' }, { ordinal: '二是', text: '推广节地生态安葬。' }] }])
  expect(summary.metrics.map((m) => m.text)).toEqual(['X户', 'X户', 'X件'])
})

test('a 一、 section pasted in the middle of the main work goes in after the section at the cursor', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理婚姻登记。', 'end')
  await paste(page, { text: '三、基层治理\n培训社区工作者X名。\n' })
  await expectThirdSectionPasted(page)
  expect((await shownNumbers(page)).headings.filter((h) => /^[一二三四五]、/.test(h))).toEqual(['一、主要工作', '二、社会事务', '三、基层治理', '四、存在的问题', '五、下半年工作计划'])
})

test('one line pasted in the middle of a paragraph goes in as text', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理', 'end')
  await paste(page, { text: '结婚和离婚' })
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toEqual([{ type: 'paragraph', text: '办理结婚和离婚婚姻登记。' }])
})

test('a line with full-width digits and zeros after the point pasted as text makes metrics, digits half-width, zeros kept', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理', 'end')
  await paste(page, { text: '１２０对、增长5.0%的' })
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toMatchObject([{ type: 'paragraph', text: '办理120对、增长5.0%的婚姻登记。' }])
  expect(summary.metrics.filter((m) => m.where === '二、').map((m) => [m.text, m.value, m.decimals])).toEqual([
    ['120对', 120, undefined],
    ['5.0%', 5, 1],
  ])
})

test('work items pasted after a paragraph become a numbered list', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理婚姻登记。', 'end')
  await press(page, 'Enter')
  await paste(page, { text: '一是推行跨省通办。\n二是开展颁证服务。\n' })
  const summary = await getSummary(page)
  expect(summary.sections[1]!.body).toMatchObject([
    { type: 'paragraph', text: '办理婚姻登记。' },
    { type: 'workItems', items: [{ ordinal: '一是', text: '推行跨省通办。' }, { ordinal: '二是', text: '开展颁证服务。' }] },
  ])
  expect(summary.sections[1]!.body).toHaveLength(2)
})

test('Word HTML becomes sections, with nothing active left', async ({ page }) => {
  await openDemo(page)
  await focusEditor(page)
  expect(await paste(page, { html: wordHTML, text: '青山区文化旅游局2024年上半年工作总结' })).toBe(true)
  const summary = await getSummary(page)
  expect(summary.title).toBe('青山区文化旅游局2024年上半年工作总结')
  expect(summary.preamble).toEqual([{ type: 'paragraph', text: '上半年，我局围绕文旅融合发展目标，扎实推进各项工作。现将有关情况总结如下：' }])
  expect(summary.sections.map((s) => [s.number, s.role, s.title])).toEqual([
    ['一、', 'work', '主要工作'],
    ['二、', 'problems', '存在的问题'],
    ['三、', 'plans', '下半年工作打算'],
  ])
  const sub = summary.sections[0]!.sections
  expect(sub.map((s) => [s.number, s.title, s.runIn])).toEqual([['（一）', '丰富公共文化服务', true]])
  expect(JSON.stringify(sub[0]!.body)).toContain('点击查看')
  expect(sub[0]!.body.at(-1)).toMatchObject({ type: 'workItems', items: [{ ordinal: '一是', text: '推进图书馆总分馆建设；' }, { ordinal: '二是', text: '开展全民阅读活动。' }] })
  expect(summary.metrics.map((m) => m.text)).toEqual(['X场', 'X人次'])
  // No Word styles, no mso- leftovers, no numbers typed into the text.
  const html = await getHTML(page)
  expect(html).not.toMatch(/mso-|MsoNormal|<o:p|supportLists/)
  expect(await textLines(page)).toContain('一、主要工作')
  expect((await textLines(page)).some((l) => l.includes('一、一、'))).toBe(false)
  await expectNothingActive(page)
})

test('Word HTML pasted into the middle of a summary adds its section there, with nothing active', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '办理婚姻登记。', 'end')
  const fragment = `<p class=MsoNormal style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>三、</span><![endif]><span style='font-family:黑体' onclick="window.__zjPwned='onclick'">基层治理</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>培训社区工作者X名。</span><script>window.__zjPwned='script'</script><iframe src="javascript:parent.__zjPwned='iframe'"></iframe></p>`
  expect(await paste(page, { html: fragment, text: '三、基层治理\n培训社区工作者X名。' })).toBe(true)
  const summary = await expectThirdSectionPasted(page)
  expect(summary.metrics.map((m) => m.text)).toEqual(['X户', 'X户', 'X名'])
  await expectNothingActive(page)
})

test('Word HTML dragged in and dropped at the end of a section adds its section there, as pasted', async ({ page }) => {
  await openWith(page, structured)
  const fragment = `<p class=MsoNormal style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>三、</span><![endif]><span style='font-family:黑体' onclick="window.__zjPwned='onclick'">基层治理</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>培训社区工作者X名。</span><script>window.__zjPwned='script'</script></p>`
  // Dropped right after the last character of 二's body, where the browser's drop lands.
  const handled = await page.evaluate((html) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    const pm = root.querySelector('.ProseMirror') as HTMLElement
    const walker = document.createTreeWalker(pm, NodeFilter.SHOW_TEXT)
    let node: Text | null = null
    while (walker.nextNode()) if ((walker.currentNode as Text).data.includes('办理婚姻登记。')) node = walker.currentNode as Text
    const range = document.createRange()
    range.setStart(node!, node!.data.length - 1)
    range.setEnd(node!, node!.data.length)
    const box = range.getBoundingClientRect()
    const dt = new DataTransfer()
    dt.setData('text/html', html)
    dt.setData('text/plain', '三、基层治理\n培训社区工作者X名。')
    const event = new DragEvent('drop', { dataTransfer: dt, clientX: box.right - 1, clientY: box.top + box.height / 2, bubbles: true, cancelable: true, composed: true })
    pm.dispatchEvent(event)
    return event.defaultPrevented
  }, fragment)
  expect(handled).toBe(true)
  await pastesSettled(page)
  const summary = await expectThirdSectionPasted(page)
  expect(summary.metrics.map((m) => m.text)).toEqual(['X户', 'X户', 'X名'])
  await expectNothingActive(page)
})

// Cut and pasted straight back, as a writer moving text undoes a slip: the summary as it was.
// Before, the last subsection of a part selected to the next heading was not pasted at all
// (ProseMirror could not read back a part without its heading), and the plans section came back
// as a （一） under an empty 四、.
for (const [what, from, to, at] of [
  ['from a subsection heading to the end of the next part\'s text', '兜牢民生底线', '办理婚姻登记。', 'end'],
  ['the last subsection of a part, selected to the next heading', '提升养老服务', '社会事务', 'start'],
  ['a whole 二、 part, selected to the next heading', '社会事务', '存在的问题', 'start'],
  ['the plans section, selected to the end of its text', '下半年工作计划', '持续做好社会救助。', 'end'],
] as const) {
  test(`cut and pasted back in the same place is lossless: ${what}`, async ({ page }) => {
    await openWith(page, structured)
    const original = await getSummary(page)
    await selectRange(page, await positionOf(page, from, 'start'), await positionOf(page, to, at))
    const cut = await copy(page, 'cut')
    expect(cut.handled).toBe(true)
    expect(await getSummary(page)).not.toEqual(original)
    expect(await paste(page, { html: cut.html, text: cut.text })).toBe(true)
    expect(await getSummary(page)).toEqual(original)
  })
}

test('a section copied from its heading to the next heading and pasted before that heading is duplicated as it was', async ({ page }) => {
  await openWith(page, structured)
  const [first, second] = (await getSummary(page)).sections[0]!.sections
  // Select the （一） section as a writer does: from the start of its heading to the start of the next.
  const from = await positionOf(page, '兜牢民生底线', 'start')
  const to = await positionOf(page, '提升养老服务', 'start')
  await selectRange(page, from, to)
  const copied = await copy(page)
  expect(copied.handled).toBe(true)
  await placeCursor(page, '提升养老服务', 'start')
  await paste(page, { html: copied.html, text: copied.text })
  const summary = await getSummary(page)
  expect(summary.sections[0]!.body).toEqual([{ type: 'paragraph', text: '全年发放救助资金。' }])
  expect(summary.sections[0]!.sections).toEqual([first, { ...first, number: '（二）' }, { ...second, number: '（三）' }])
  expect(summary.metrics.map((m) => m.text)).toEqual(['X户', 'X户', 'X户'])
  expect((await shownNumbers(page)).headings.slice(0, 4)).toEqual(['一、主要工作', '（一）兜牢民生底线', '（二）兜牢民生底线', '（三）提升养老服务'])
})

// Before, the first's subsections and the second came in as more of the plans' （）s (（二）兜牢民生底线 … （四）社会事务).
test('two 一、 sections copied with the keyboard and pasted into the plans\' body become its （一） and （二）, their subsections 1. and 2.; one undo takes them out', async ({ page }) => {
  await openWith(page, structured)
  const before = (await shownNumbers(page)).headings
  await selectRange(page, await positionOf(page, '主要工作', 'start'), await positionOf(page, '存在的问题', 'start'))
  await press(page, 'Control+c')
  await placeCursor(page, '持续做好社会救助。', 'end')
  await press(page, 'Control+v')
  expect((await shownNumbers(page)).headings).toEqual([
    ...before,
    '（一）主要工作',
    '1.兜牢民生底线',
    '2.提升养老服务',
    '（二）社会事务',
  ])
  expect((await textLines(page)).slice(-8)).toEqual(['（一）主要工作', '全年发放救助资金。', '1.兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '2.提升养老服务', '一是建设社区养老服务站。', '二是实施居家适老化改造X户。', '（二）社会事务', '办理婚姻登记。'])
  await press(page, 'Control+z')
  expect((await shownNumbers(page)).headings).toEqual(before)
})

// Before, pasted at the end of the plans' heading, the sections were taken apart: （一）主要工作 lost its
// subsections, which came in as （二） and （三） after it.
test('two 一、 sections copied with the keyboard and pasted at the end of the plans\' heading, the plans with no body yet, become its （一） and （二）, their subsections 1. and 2.', async ({ page }) => {
  await openWith(page, structured.replace('\n持续做好社会救助。', ''))
  await selectRange(page, await positionOf(page, '主要工作', 'start'), await positionOf(page, '存在的问题', 'start'))
  await press(page, 'Control+c')
  await placeCursor(page, '下半年工作计划', 'end')
  await press(page, 'Control+v')
  expect((await shownNumbers(page)).headings.slice(-5)).toEqual(['四、下半年工作计划', '（一）主要工作', '1.兜牢民生底线', '2.提升养老服务', '（二）社会事务'])
  const plans = (await getSummary(page)).sections.at(-1)!
  expect([plans.role, plans.body]).toEqual(['plans', []])
})

for (const kind of ['text', 'Word HTML'] as const) {
  test(`（一） and （二） pasted as ${kind} at the end of the plans' heading, the plans with no body yet, become its subsections`, async ({ page }) => {
    await openWith(page, structured.replace('\n持续做好社会救助。', ''))
    await placeCursor(page, '下半年工作计划', 'end')
    const text = '（一）加强队伍建设。一是开展业务培训；二是充实基层力量。\n（二）完善制度。修订救助管理办法。'
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=ProgId content=Word.Document></head><body><!--StartFragment-->${text
      .split('\n')
      .map((line) => `<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>${line}<o:p></o:p></span></p>`)
      .join('')}<!--EndFragment--></body></html>`
    await paste(page, kind === 'text' ? { text } : { text, html })
    const plans = (await getSummary(page)).sections.at(-1)!
    expect(plans.role).toBe('plans')
    expect(plans.body).toEqual([])
    expect(plans.sections.map((s) => [s.number, s.title, s.runIn])).toEqual([
      ['（一）', '加强队伍建设', true],
      ['（二）', '完善制度', true],
    ])
  })
}

test('the whole summary, copied and pasted into a new empty summary, is the same', async ({ page }) => {
  await openWith(page, structured)
  const original = await getSummary(page)
  await focusEditor(page)
  await page.keyboard.press('Control+a')
  const copied = await copy(page)
  expect(copied.handled).toBe(true)
  await page.getByRole('button', { name: '新建空白' }).click()
  await expect.poll(async () => (await getSummary(page)).sections.length).toBe(0)
  await focusEditor(page)
  await paste(page, { html: copied.html, text: copied.text })
  expect(await getSummary(page)).toEqual(original)
})

test('the plain text the editor copies, pasted into an empty editor, gives the same summary', async ({ page }) => {
  await openWith(page, wholeSummary)
  const original = await getSummary(page)
  await focusEditor(page)
  await page.keyboard.press('Control+a')
  const copied = await copy(page)
  await page.getByRole('button', { name: '新建空白' }).click()
  await expect.poll(async () => (await getSummary(page)).sections.length).toBe(0)
  await focusEditor(page)
  await paste(page, { text: copied.text })
  expect(withoutMeta(await getSummary(page))).toEqual(withoutMeta(original))
})

test('a whole summary pasted into an empty editor gives the Summary JSON importing it gives, meta included', async ({ page }) => {
  await openDemo(page)
  await focusEditor(page)
  await paste(page, { text: wholeSummary })
  expect(await getSummary(page)).toEqual(summaryOf(wholeSummary))
})

test('a passage with problems and plans sections, pasted into a summary that has its own, goes in whole; typing goes on at its end', async ({ page }) => {
  await openWith(page, structured)
  const before = (await textLines(page)).join('')
  await placeCursor(page, '用好临时救助。', 'end')
  const clip = '三、存在的问题\n一是人手不足；二是经费紧张。\n四、下步工作打算\n继续加强队伍建设。'
  await paste(page, { text: clip })
  await page.keyboard.type('并落实')
  const lines = await textLines(page)
  expect(lines.join('').replace(/\s/g, '').length).toBe((before + clip + '并落实').replace(/\s/g, '').length)
  const at = lines.indexOf('（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。')
  expect(lines.slice(at, at + 5)).toEqual(['（一）兜牢民生底线。一是完善低保动态管理，新纳入低保X户；二是用好临时救助。', '二、存在的问题', '一是人手不足；二是经费紧张。', '三、下步工作打算', '继续加强队伍建设。并落实'])
})

test('sections pasted into the closing go in as the lines the writer copied, their numbers as written', async ({ page }) => {
  await openWith(page, structured + '总之，我们将再接再厉。\n')
  await placeCursor(page, '再接再厉。', 'end')
  await paste(page, { text: '二、加强社会组织管理\n（一）登记管理\n全年新登记社会组织8家。' })
  const summary = await getSummary(page)
  expect(summary.closing).toEqual([
    { type: 'paragraph', text: '总之，我们将再接再厉。' },
    { type: 'paragraph', text: '二、加强社会组织管理' },
    { type: 'paragraph', text: '（一）登记管理' },
    { type: 'paragraph', text: '全年新登记社会组织8家。' },
  ])
})

test('the end of a summary (a closing, an organisation, a date) pasted at the end of the plans makes the closing and the sign-off', async ({ page }) => {
  await openWith(page, structured)
  await placeCursor(page, '持续做好社会救助。', 'end')
  await paste(page, { text: '加强督导检查。\n总之，我们将再接再厉。\n示范县民政局\n2024年7月10日' })
  const summary = await getSummary(page)
  expect(summary.sections.at(-1)!.body).toEqual([{ type: 'paragraph', text: '持续做好社会救助。加强督导检查。' }])
  expect(summary.closing).toEqual([{ type: 'paragraph', text: '总之，我们将再接再厉。' }])
  expect(summary.signOff).toEqual({ organization: '示范县民政局', date: '2024年7月10日' })
  await expect(content(page).locator('.zj-sign-off .zj-organization')).toHaveText('示范县民政局')
})
