import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText, toText } from '@zongjie/model'
import { insertImported } from '../src/index.ts'
import { rangeOf } from './ranges.ts'

// Pasting text read by the importer (what the writer copied from Word, WPS or a web page) into a
// summary that has text already: nothing is dropped, unwrapped or run together, and the caret
// stays at the end of what was pasted.

const summary = [
  '某县民政局2024年上半年工作总结',
  '现将上半年工作总结如下：',
  '一、主要工作',
  '全年发放救助资金。',
  '（一）兜牢民生底线。一是完善低保动态管理；二是用好临时救助。',
  '（二）提升养老服务',
  '一是建设社区养老服务站。',
  '开展低保专项治理，做到应保尽保。',
  '二、社会事务',
  '办理婚姻登记。',
  '三、存在的问题',
  '基层力量不足。',
  '四、下半年工作计划',
  '继续做好救助。',
  '总之，我们将再接再厉。',
  '某县民政局',
  '2024年7月10日',
].join('\n')

/** The summary with the caret before or after `needle`, `clip` pasted as the editor reads a paste; then `typed` typed. */
function paste(needle: string, at: 'start' | 'end', clip: string, typed = '', nth = 0, into = summary) {
  const doc = importText(into).doc
  const r = rangeOf(doc, needle, nth)
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, at === 'start' ? r.from : r.to) })
  const read = importText(clip, { fragment: true })
  let out = state
  insertImported(read.doc, read.topRank, clip)(state, (tr) => (out = state.apply(tr)))
  out.doc.check()
  if (typed) out = out.apply(out.tr.insertText(typed))
  return { before: doc, doc: out.doc, lines: toText(out.doc).split('\n'), state: out }
}

/** The characters of a text, without line breaks and spaces. */
const characters = (text: string) => text.replace(/\s/g, '')

/** `count` lines of `lines` from the one that is `first`. */
function from(lines: string[], first: string, count: number): string[] {
  const at = lines.indexOf(first)
  if (at < 0) throw new Error(`no line "${first}" in:\n${lines.join('\n')}`)
  return lines.slice(at, at + count)
}

describe('pasting read text into a summary', () => {
  it('a problems and a plans section, where the summary has its own: in, as ordinary sections with their headings and items', () => {
    const clip = '三、存在的问题\n一是人手不足；二是经费紧张。\n四、下步工作打算\n继续加强队伍建设。'
    const { lines, before } = paste('用好临时救助。', 'end', clip)
    expect(characters(lines.join('')).length).toBe(characters(toText(before)).length + characters(clip).length)
    expect(from(lines, '（一）兜牢民生底线。一是完善低保动态管理；二是用好临时救助。', 5)).toEqual(['（一）兜牢民生底线。一是完善低保动态管理；二是用好临时救助。', '二、存在的问题', '一是人手不足；二是经费紧张。', '三、下步工作打算', '继续加强队伍建设。'])
    expect(lines).toContain('四、社会事务')
  })

  it('sections into the closing: their lines, each a paragraph with its number written out', () => {
    const { doc, lines } = paste('再接再厉。', 'end', '二、加强社会组织管理\n（一）登记管理\n全年新登记社会组织8家。')
    expect(from(lines, '总之，我们将再接再厉。', 4)).toEqual(['总之，我们将再接再厉。', '二、加强社会组织管理', '（一）登记管理', '全年新登记社会组织8家。'])
    expect(doc.lastChild!.type.name).toBe('signOff')
  })

  it('two lines in the middle of a paragraph: the first joins the text before the caret, the last the text after it, as in Word', () => {
    const { lines } = paste('做到应保尽保。', 'start', '第一段补充。\n第二段补充。', '并且')
    expect(lines).toContain('开展低保专项治理，第一段补充。')
    expect(lines).toContain('第二段补充。并且做到应保尽保。')
  })

  it('two lines at the end of the opening: the caret stays at the end of the second, not in the next heading', () => {
    const { lines } = paste('总结如下：', 'end', '补充一句。\n补充第二句。', '并取得实效。')
    expect(from(lines, '现将上半年工作总结如下：补充一句。', 3)).toEqual(['现将上半年工作总结如下：补充一句。', '补充第二句。并取得实效。', '一、主要工作'])
  })

  it('subsections in the middle of a paragraph: no section with an empty heading; the text after the caret ends the last one', () => {
    const { lines, doc } = paste('做到应保尽保。', 'start', '（一）强化监管。开展检查45次。\n（二）推进信息化。上线平台1个。')
    expect(from(lines, '一是建设社区养老服务站。', 4)).toEqual(['一是建设社区养老服务站。', '开展低保专项治理，', '（三）强化监管。开展检查45次。', '（四）推进信息化。上线平台1个。做到应保尽保。'])
    doc.descendants((node) => {
      if (node.type.name === 'heading') expect(node.content.size).toBeGreaterThan(0)
    })
  })

  it('work items after an item: into its list, numbered on from it', () => {
    const { lines, doc } = paste('用好临时救助。', 'end', '一是开通线上申请；二是简化审批流程。')
    expect(lines).toContain('（一）兜牢民生底线。一是完善低保动态管理；二是用好临时救助。三是开通线上申请；四是简化审批流程。')
    let lists = 0
    doc.descendants((node) => {
      if (node.type.name === 'workItems') lists++
    })
    expect(lists).toBe(2)
  })

  it('work items on an empty line: a list in its place', () => {
    const doc = importText(summary).doc
    const r = rangeOf(doc, '办理婚姻登记。')
    let state = EditorState.create({ doc, selection: TextSelection.create(doc, r.to) })
    state = state.apply(state.tr.split(r.to))
    const clip = '一是推行跨省通办。\n二是开展颁证服务。\n'
    const read = importText(clip, { fragment: true })
    insertImported(read.doc, read.topRank, clip)(state, (tr) => (state = state.apply(tr)))
    const lines = toText(state.doc).split('\n')
    expect(from(lines, '办理婚姻登记。', 4)).toEqual(['办理婚姻登记。', '一是推行跨省通办。', '二是开展颁证服务。', '三、存在的问题'])
  })

  it('a section at the start of a heading: before that heading’s section, the heading whole', () => {
    const { lines } = paste('社会事务', 'start', '二、加强社会组织管理\n全年新登记社会组织8家。')
    expect(from(lines, '开展低保专项治理，做到应保尽保。', 5)).toEqual(['开展低保专项治理，做到应保尽保。', '二、加强社会组织管理', '全年新登记社会组织8家。', '三、社会事务', '办理婚姻登记。'])
  })

  it('two lines into the sign-off’s organisation, which holds one line: in, as one line', () => {
    const { lines } = paste('某县民政局', 'end', '补充一段话。\n再补充一段。', '', 1)
    expect(from(lines, '某县民政局补充一段话。 再补充一段。', 2)).toEqual(['某县民政局补充一段话。 再补充一段。', '2024年7月10日'])
  })

  it('lines in the middle of a work item: items of its list, the first joined to the text before, the last to the text after', () => {
    const { lines } = paste('社区养老服务站。', 'start', '粘贴甲\n粘贴乙')
    expect(from(lines, '一是建设粘贴甲', 3)).toEqual(['一是建设粘贴甲', '二是粘贴乙社区养老服务站。', '开展低保专项治理，做到应保尽保。'])
  })

  it('lines into a heading leave it whole: at its start, before its section; after its start, at the start of its body', () => {
    expect(from(paste('提升养老服务', 'start', '补充甲。\n补充乙。').lines, '补充甲。', 3)).toEqual(['补充甲。', '补充乙。', '（二）提升养老服务'])
    expect(from(paste('养老服务', 'start', '补充甲。\n补充乙。').lines, '（二）提升养老服务', 4)).toEqual(['（二）提升养老服务', '补充甲。', '补充乙。', '一是建设社区养老服务站。'])
  })

  it('a plans passage pasted into a （一） of the plans keeps its levels: no heading taken down a level', () => {
    const withPlans = summary.replace('继续做好救助。', '（一）持续做好社会救助。开展低保专项治理，做到应保尽保。\n（二）补齐养老短板。再建成站点X个。')
    // The second 做到应保尽保。 is the plans'.
    const { lines, doc, before } = paste('做到应保尽保。', 'start', '三、下步打算\n（一）计划甲\n内容甲', '', 1, withPlans)
    expect(characters(lines.join(''))).toContain('三、下步打算（一）计划甲内容甲')
    expect(characters(lines.join('')).length).toBe(characters(toText(before)).length + characters('三、下步打算（一）计划甲内容甲').length)
    let level3 = 0
    doc.descendants((node) => {
      if (node.type.name === 'section3') level3++
    })
    expect(level3).toBe(0)
  })
})
