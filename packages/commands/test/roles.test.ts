import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { schema, toSummary, validate } from '@zongjie/model'
import { paragraphToSectionIn, settleClosingIn, settleSectionRolesIn } from '../src/index.ts'

// A summary typed from an empty one: its 存在的问题 and 下步打算 sections come as `一、` sections
// with those titles, and take their roles as the importer would read them.

const { doc, title, preamble, paragraph, heading, section1, closing } = Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, (...content: (Node | string)[]) => type.create(null, content.map((c) => (typeof c === 'string' ? schema.text(c) : c)))]))

const typed = (...sections: [string, string][]) =>
  doc!(title!('某局2024年上半年工作总结'), preamble!(paragraph!('开头。')), ...sections.map(([t, body]) => section1!(heading!(t), paragraph!(body))), closing!())

/** The roles of the top-level sections after settling, with whether anything changed. */
function settled(d: Node) {
  const tr = EditorState.create({ doc: d }).tr
  const changed = settleSectionRolesIn(tr)
  tr.doc.check()
  return { changed, roles: toSummary(tr.doc).sections.map((s) => [s.number, s.title, s.role]) }
}

describe('the roles of the last sections, by their titles', () => {
  it('存在的问题 and 下半年工作计划 typed last become the problems and plans sections, numbered as they were', () => {
    const { changed, roles } = settled(typed(['主要工作', '甲。'], ['存在的问题', '乙。'], ['下半年工作计划', '丙。']))
    expect(changed).toBe(true)
    expect(roles).toEqual([['一、', '主要工作', 'work'], ['二、', '存在的问题', 'problems'], ['三、', '下半年工作计划', 'plans']])
  })

  it('a problems section typed last, with no plans yet, becomes one; the validator then asks only for the plans', () => {
    const tr = EditorState.create({ doc: typed(['主要工作', '甲。'], ['工作中存在的不足', '乙。']) }).tr
    settleSectionRolesIn(tr)
    const codes = validate(tr.doc).map((f) => f.code)
    expect(codes).not.toContain('problems-missing')
    expect(codes).toContain('plans-missing')
  })

  it('a work section whose title only sounds like plans or problems stays a work section', () => {
    for (const last of ['认真落实年度计划', '今后三年重点', '解决群众反映的问题']) {
      expect(settled(typed(['主要工作', '甲。'], [last, '乙。']))).toEqual({ changed: false, roles: [['一、', '主要工作', 'work'], ['二、', last, 'work']] })
    }
  })

  it('a problems title not last, with a work section after it, stays a work section', () => {
    expect(settled(typed(['存在的问题', '甲。'], ['主要工作', '乙。'])).changed).toBe(false)
  })
})

describe('a 一、 section typed in the problems section', () => {
  it('starts the plans, the only part that can follow it', () => {
    const d = doc!(title!('某局工作总结'), preamble!(paragraph!('开头。')), section1!(heading!('主要工作'), paragraph!('甲。')), schema.nodes.problems!.create(null, [heading!('存在的问题'), paragraph!('乙。'), paragraph!('下步工作打算')]), closing!())
    let pos = -1
    d.descendants((n, p) => {
      if (n.isTextblock && n.textContent === '下步工作打算') pos = p + 1
    })
    const tr = EditorState.create({ doc: d }).tr
    const at = paragraphToSectionIn(tr, pos, 1)
    expect(at).not.toBeNull()
    tr.doc.check()
    expect(toSummary(tr.doc).sections.map((s) => [s.number, s.title, s.role])).toEqual([['一、', '主要工作', 'work'], ['二、', '存在的问题', 'problems'], ['三、', '下步工作打算', 'plans']])
    expect(TextSelection.create(tr.doc, at!).$from.parent.textContent).toBe('下步工作打算')
  })
})

describe('the closing and the sign-off typed after the last section', () => {
  const { section2, plans, signOff, organization, date } = Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, (...content: (Node | string)[]) => type.create(null, content.map((c) => (typeof c === 'string' ? schema.text(c) : c)))]))

  /** A summary whose last section (a 下半年工作计划 with a （一）) ends with `tail`, the closing `closingParas`. */
  const summaryEndingWith = (tail: string[], closingParas: string[] = []) =>
    doc!(
      title!('某局2024年上半年工作总结'),
      preamble!(paragraph!('开头。')),
      section1!(heading!('主要工作'), paragraph!('甲。')),
      plans!(heading!('下半年工作计划'), section2!(heading!('抓好落实'), paragraph!('乙。'), ...tail.map((t) => paragraph!(t)))),
      closing!(...closingParas.map((t) => paragraph!(t))),
    )

  /** Settles with the caret at the end of the paragraph reading `caretIn`; gives the summary's closing, sign-off and the caret's text before and after it. */
  function settle(d: Node, caretIn: string) {
    let pos = -1
    d.descendants((n, p) => {
      if (n.isTextblock && n.textContent === caretIn) pos = p + 1 + n.content.size
    })
    const state = EditorState.create({ doc: d, selection: TextSelection.create(d, pos) })
    const tr = state.tr
    const changed = settleClosingIn(tr)
    tr.doc.check()
    const s = toSummary(tr.doc)
    const { $head } = tr.selection
    return { changed, closing: s.closing.map((b) => (b.type === 'paragraph' ? b.text : b.type)), signOff: s.signOff, body: s.sections[1]!.sections[0]!.body.map((b) => (b.type === 'paragraph' ? b.text : b.type)), caret: [$head.parent.type.name, $head.parent.textBetween(0, $head.parentOffset)] }
  }

  it('总之… typed last goes to the empty closing with what follows it, the caret in it', () => {
    expect(settle(summaryEndingWith(['丙。', '总之，上半年工作取得实效。', '我们将继续努力']), '我们将继续努力')).toEqual({
      changed: true,
      closing: ['总之，上半年工作取得实效。', '我们将继续努力'],
      signOff: undefined,
      body: ['乙。', '丙。'],
      caret: ['paragraph', '我们将继续努力'],
    })
  })

  it('a paragraph typed last that only continues the plans stays in them', () => {
    for (const last of ['我们将继续加强队伍建设。', '展望下半年，任务艰巨。', '总结经验，查找不足。']) {
      expect(settle(summaryEndingWith([last]), last).changed).toBe(false)
    }
  })

  it('an organisation and a date typed on the last two lines become the sign-off, the caret staying in the date', () => {
    const r = settle(summaryEndingWith(['总之，成效明显。', '某县民政局', '2024年7月10日']), '2024年7月10日')
    expect(r).toMatchObject({ changed: true, closing: ['总之，成效明显。'], signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: ['date', '2024年7月10日'] })
    // With no closing sentence: from the end of the last section.
    expect(settle(summaryEndingWith(['某县民政局', '二〇二四年七月十日']), '二〇二四年七月十日')).toMatchObject({
      changed: true,
      closing: [],
      body: ['乙。'],
      signOff: { organization: '某县民政局', date: '二〇二四年七月十日' },
      caret: ['date', '二〇二四年七月十日'],
    })
  })

  it('a date under a sentence becomes the sign-off with no organisation; the sentence stays', () => {
    expect(settle(summaryEndingWith([], ['总之，成效明显。', '2024年7月10日']), '2024年7月10日')).toMatchObject({
      closing: ['总之，成效明显。'],
      signOff: { organization: '', date: '2024年7月10日' },
      caret: ['date', '2024年7月10日'],
    })
  })

  it('leaves what it cannot read so: a month with no day, a summary with a sign-off or with no section, text with suggestions', () => {
    expect(settle(summaryEndingWith(['某县民政局', '2024年7月']), '2024年7月').changed).toBe(false)
    const signed = summaryEndingWith(['某县民政局', '2024年7月10日'])
    const withSignOff = signed.copy(signed.content.addToEnd(signOff!(organization!('某局'), date!('2024年7月1日'))))
    expect(settle(withSignOff, '2024年7月10日').changed).toBe(false)
    const noSection = doc!(title!('某局工作总结'), preamble!(paragraph!('总之，开头。')), closing!())
    expect(settleClosingIn(EditorState.create({ doc: noSection }).tr)).toBe(false)
    const suggested = summaryEndingWith(['丙。'])
    let at = -1
    suggested.descendants((n, p) => {
      if (n.textContent === '丙。' && n.isTextblock) at = p + 1
    })
    const tr = EditorState.create({ doc: suggested }).tr
    tr.insertText('总之，', at)
    tr.addMark(at, at + 3, schema.marks.insertion!.create({ id: 's1', author: 'u1', time: '2024-07-10T00:00:00.000Z' }))
    expect(settleClosingIn(tr)).toBe(false)
  })
})
