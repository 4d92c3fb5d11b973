import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { schema, toSummary, validate } from '@zongjie/model'
import { paragraphToSectionIn, settleClosingIn, settleResolvedClosingIn, settleSectionRolesIn, suggestTransaction, acceptAll } from '../src/index.ts'

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

describe('the closing and the sign-off typed at the end', () => {
  const { section2, plans, signOff, organization, date } = Object.fromEntries(Object.entries(schema.nodes).map(([name, type]) => [name, (...content: (Node | string)[]) => type.create(null, content.map((c) => (typeof c === 'string' ? schema.text(c) : c)))]))

  /** A summary whose last part, the plans (or a work section, `work`), ends with the paragraphs `tail` in its （一）; its closing `closingParas`. */
  const summaryEndingWith = (tail: string[], closingParas: string[] = [], last: 'plans' | 'work' = 'plans') =>
    doc!(
      title!('某局2024年上半年工作总结'),
      preamble!(paragraph!('开头。')),
      section1!(heading!('主要工作'), paragraph!('甲。')),
      (last === 'plans' ? plans : section1)!(heading!(last === 'plans' ? '下半年工作计划' : '其他工作'), section2!(heading!('抓好落实'), paragraph!('乙。'), ...tail.map((t) => paragraph!(t)))),
      closing!(...closingParas.map((t) => paragraph!(t))),
    )

  /** Settles with the caret at the end of the textblock reading `caretIn`; gives the closing, the sign-off, the last body and the caret's text before and after settling. */
  function settle(d: Node, caretIn: string, at: 'start' | 'end' = 'end') {
    let pos = -1
    d.descendants((n, p) => {
      if (n.isTextblock && n.textContent === caretIn) pos = p + 1 + (at === 'end' ? n.content.size : 0)
    })
    const state = EditorState.create({ doc: d, selection: TextSelection.create(d, pos) })
    const tr = state.tr
    const changed = settleClosingIn(tr)
    tr.doc.check()
    const s = toSummary(tr.doc)
    const { $head } = tr.selection
    return {
      changed,
      closing: s.closing.map((b) => (b.type === 'paragraph' ? b.text : b.type)),
      signOff: s.signOff,
      body: s.sections[1]!.sections[0]!.body.map((b) => (b.type === 'paragraph' ? b.text : b.type)),
      caret: [$head.parent.type.name, $head.parent.textBetween(0, $head.parentOffset)],
    }
  }

  it('总之… typed as the last paragraph of the plans starts the empty closing, the caret in it', () => {
    expect(settle(summaryEndingWith(['丙。', '总之，上半年工作取得实效']), '总之，上半年工作取得实效')).toEqual({
      changed: true,
      closing: ['总之，上半年工作取得实效'],
      signOff: undefined,
      body: ['乙。', '丙。'],
      caret: ['paragraph', '总之，上半年工作取得实效'],
    })
  })

  it('reads the key typed in the same transaction (总 then 之): the paragraph goes whole, the caret after the key', () => {
    const d = summaryEndingWith(['丙。', '总'])
    const tr = EditorState.create({ doc: d, selection: TextSelection.atEnd(d) }).tr
    tr.insertText('之')
    expect(settleClosingIn(tr)).toBe(true)
    tr.doc.check()
    expect(toSummary(tr.doc).closing).toEqual([{ type: 'paragraph', text: '总之' }])
    expect([tr.selection.$head.parent.type.name, tr.selection.$head.parentOffset, tr.selection.$head.node(1).type.name]).toEqual(['paragraph', 2, 'closing'])
  })

  it('a paragraph that only continues the plans, a transition, or the only paragraph of its section stays there', () => {
    for (const last of ['我们将继续加强队伍建设。', '展望下半年，任务艰巨。', '总体来看，工作平稳。', '综上']) {
      expect(settle(summaryEndingWith([last]), last).changed).toBe(false)
    }
    // The section would be left with no body.
    const alone = doc!(title!('某局工作总结'), preamble!(paragraph!('开头。')), plans!(heading!('下半年工作计划'), paragraph!('总之，要继续努力。')), closing!())
    const tr = EditorState.create({ doc: alone, selection: TextSelection.atEnd(alone) }).tr
    expect(tr.selection.$head.parent.textContent).toBe('总之，要继续努力。')
    expect(settleClosingIn(tr)).toBe(false)
    // Not the plans: more sections may come.
    expect(settle(summaryEndingWith(['总之，这一项要抓紧。'], [], 'work'), '总之，这一项要抓紧。').changed).toBe(false)
  })

  it('总之… typed as the first paragraph of the plans\' last （二）, holding only its heading, starts the closing; the plans keep the （二）, and their own paragraph', () => {
    /** The plans: `own` paragraphs, a （一） with its body, and a （二） holding its heading and `tail`; the closing empty. */
    const plansWith = (own: string[], tail: string[]) =>
      doc!(
        title!('某局2024年上半年工作总结'),
        preamble!(paragraph!('开头。')),
        section1!(heading!('主要工作'), paragraph!('甲。')),
        plans!(heading!('下半年工作计划'), ...own.map((t) => paragraph!(t)), section2!(heading!('抓好落实'), paragraph!('乙。')), section2!(heading!('加强队伍建设'), ...tail.map((t) => paragraph!(t)))),
        closing!(),
      )
    const ending = (d: Node, caretIn: string) => {
      const tr = EditorState.create({ doc: d, selection: TextSelection.atEnd(d) }).tr
      expect(tr.selection.$head.parent.textContent).toBe(caretIn)
      const changed = settleClosingIn(tr)
      tr.doc.check()
      const s = toSummary(tr.doc)
      const texts = (blocks: typeof s.closing) => blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))
      const plansPart = s.sections[1]!
      return { changed, plans: [texts(plansPart.body), ...plansPart.sections.map((sub) => [sub.title, ...texts(sub.body)])], closing: texts(s.closing), signOff: s.signOff, caret: [tr.selection.$head.node(1).type.name, tr.selection.$head.parent.textBetween(0, tr.selection.$head.parentOffset)] }
    }
    for (const own of [[], ['下半年，我局将重点抓好以下工作。']]) {
      expect(ending(plansWith(own, ['总之，上半年工作取得实效']), '总之，上半年工作取得实效')).toEqual({
        changed: true,
        plans: [own, ['抓好落实', '乙。'], ['加强队伍建设']],
        closing: ['总之，上半年工作取得实效'],
        signOff: undefined,
        caret: ['closing', '总之，上半年工作取得实效'],
      })
      // The closing, the organisation and the date there at once (accepted or pasted): the closing, then the sign-off.
      expect(ending(plansWith(own, ['总之，成效明显。', '某县民政局', '2024年7月10日']), '2024年7月10日')).toEqual({
        changed: true,
        plans: [own, ['抓好落实', '乙。'], ['加强队伍建设']],
        closing: ['总之，成效明显。'],
        signOff: { organization: '某县民政局', date: '2024年7月10日' },
        caret: ['signOff', '2024年7月10日'],
      })
    }
    // A paragraph that only continues the plans stays in the （二）.
    expect(ending(plansWith([], ['我们将继续加强队伍建设。']), '我们将继续加强队伍建设。').changed).toBe(false)
  })

  it('reads only the paragraph the caret is in, and only at the end of the summary', () => {
    // Typed in the middle of the plans: the paragraphs after it stay.
    expect(settle(summaryEndingWith(['总之，我们将继续努力。', '丁。']), '总之，我们将继续努力。').changed).toBe(false)
    // The caret elsewhere (the title): a closing or a date already at the end is not read again.
    expect(settle(summaryEndingWith(['丙。', '总之，要抓紧。', '某县民政局', '2024年12月31日']), '某局2024年上半年工作总结').changed).toBe(false)
  })

  it('a date typed on the last line becomes the sign-off, the short line above its organisation, the caret staying in the date', () => {
    const r = settle(summaryEndingWith(['丙。'], ['总之，成效明显。', '某县民政局', '2024年7月10日']), '2024年7月10日')
    expect(r).toMatchObject({ changed: true, closing: ['总之，成效明显。'], signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: ['date', '2024年7月10日'] })
    // At the end of the last section, with the closing empty; the date in Chinese numerals.
    expect(settle(summaryEndingWith(['某县民政局', '二〇二四年七月十日']), '二〇二四年七月十日')).toMatchObject({
      changed: true,
      closing: [],
      body: ['乙。'],
      signOff: { organization: '某县民政局', date: '二〇二四年七月十日' },
      caret: ['date', '二〇二四年七月十日'],
    })
    // Under a sentence: no organisation; the sentence stays.
    expect(settle(summaryEndingWith([], ['总之，成效明显。', '2024年7月10日']), '2024年7月10日')).toMatchObject({ closing: ['总之，成效明显。'], signOff: { organization: '', date: '2024年7月10日' } })
  })

  it('a date on the last line of the plans, with a closing paragraph and the organisation above it (accepted or pasted at once): the closing, then the sign-off', () => {
    expect(settle(summaryEndingWith(['丙。', '总之，成效明显。', '某县民政局', '2024年7月10日']), '2024年7月10日')).toEqual({
      changed: true,
      closing: ['总之，成效明显。'],
      signOff: { organization: '某县民政局', date: '2024年7月10日' },
      body: ['乙。', '丙。'],
      caret: ['date', '2024年7月10日'],
    })
    // With no organisation line; and a paragraph that does not open like a closing stays in the plans.
    expect(settle(summaryEndingWith(['丙。', '综上所述，成效明显。', '2024年7月10日']), '2024年7月10日')).toMatchObject({ closing: ['综上所述，成效明显。'], signOff: { organization: '', date: '2024年7月10日' }, body: ['乙。', '丙。'] })
    expect(settle(summaryEndingWith(['丙。', '某县民政局', '2024年7月10日']), '2024年7月10日')).toMatchObject({ closing: [], body: ['乙。', '丙。'] })
  })

  it('accepted, the lines of an ending typed as suggestions are read wherever the caret is, which stays; an accept elsewhere leaves the end as it is', () => {
    const start = EditorState.create({ doc: summaryEndingWith(['丙。']) })
    // The end of the plans' （一）, after 丙。
    const end = start.doc.content.size - start.doc.lastChild!.nodeSize - 2
    const lines = ['总之，成效明显。', '某县民政局', '2024年7月10日'].map((t) => paragraph!(t))
    const suggested = start.apply(suggestTransaction(start, start.tr.insert(end, lines), { id: 'u1', name: '张三' }, '2024-07-10T00:00:00.000Z')!)
    let accept: Transaction | null = null
    acceptAll()(suggested, (tr) => (accept = tr))
    const accepted = suggested.apply(accept!)
    // The reviewer's caret in the title.
    const read = (before: Node) => {
      const tr = accepted.tr.setSelection(TextSelection.create(accepted.doc, 1))
      const changed = settleResolvedClosingIn(tr, before)
      tr.doc.check()
      const s = toSummary(tr.doc)
      const lines = (blocks: typeof s.closing) => blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type))
      return { changed, body: lines(s.sections[1]!.sections[0]!.body), closing: lines(s.closing), signOff: s.signOff, caret: tr.selection.from }
    }
    expect(read(suggested.doc)).toEqual({ changed: true, body: ['乙。', '丙。'], closing: ['总之，成效明显。'], signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: 1 })
    // Settling that left the last line as it was (a suggestion elsewhere accepted): as typed, where the caret is.
    expect(read(accepted.doc)).toEqual({ changed: false, body: ['乙。', '丙。', '总之，成效明显。', '某县民政局', '2024年7月10日'], closing: [], signOff: undefined, caret: 1 })
  })

  it('leaves a date it cannot read so: a month with no day, a date in the middle, a summary with a sign-off, text with suggestions', () => {
    expect(settle(summaryEndingWith(['某县民政局', '2024年7月']), '2024年7月').changed).toBe(false)
    expect(settle(summaryEndingWith(['2024年7月10日', '丙。']), '2024年7月10日').changed).toBe(false)
    const signed = summaryEndingWith(['某县民政局', '2024年7月10日'])
    expect(settle(signed.copy(signed.content.addToEnd(signOff!(organization!('某局'), date!('2024年7月1日')))), '2024年7月10日').changed).toBe(false)
    const suggested = summaryEndingWith(['丙。'])
    let at = -1
    suggested.descendants((n, p) => {
      if (n.textContent === '丙。' && n.isTextblock) at = p + 1
    })
    const tr = EditorState.create({ doc: suggested }).tr
    tr.insertText('2024年7月10日', at, at + 2)
    tr.addMark(at, at + 10, schema.marks.insertion!.create({ id: 's1', author: 'u1', time: '2024-07-10T00:00:00.000Z' }))
    tr.setSelection(TextSelection.create(tr.doc, at + 10))
    expect(settleClosingIn(tr)).toBe(false)
  })

  /** The sign-off of `d` selected whole (organisation and date) and `edit` applied to it, settled with the edit given as the editor gives it; the summary and the caret's line after. */
  function overSignOff(d: Node, edit: (tr: Transaction) => void, asEdits = false) {
    const signOffPos = d.content.size - d.lastChild!.nodeSize
    const state = EditorState.create({ doc: d, selection: TextSelection.create(d, signOffPos + 2, d.content.size - 2) })
    const typed = state.tr
    edit(typed)
    // As a key settles it (the typed transaction) or as the editor settles an edit after it.
    const tr = asEdits ? state.apply(typed).tr : typed
    const changed = settleClosingIn(tr, false, asEdits ? [typed] : [])
    tr.doc.check()
    const { $head } = tr.selection
    return { changed, summary: toSummary(tr.doc), caret: [$head.node(1).type.name, $head.parent.textBetween(0, $head.parentOffset)] }
  }

  it('typing or pasting over the whole sign-off replaces it: the text becomes a paragraph of the closing, the sign-off goes', () => {
    const signedOff = (tail: string[], closingParas: string[]) => {
      const d = summaryEndingWith(tail, closingParas)
      return d.copy(d.content.addToEnd(signOff!(organization!('某县民政局'), date!('2024年7月10日'))))
    }
    const typedOver = overSignOff(signedOff(['丙。'], ['总之，成效明显。']), (tr) => tr.insertText('特此报告。'))
    expect(typedOver).toMatchObject({ changed: true, caret: ['closing', '特此报告。'] })
    expect(typedOver.summary.signOff).toBeUndefined()
    expect(typedOver.summary.closing).toEqual([{ type: 'paragraph', text: '总之，成效明显。' }, { type: 'paragraph', text: '特此报告。' }])
    // Pasted (read by the editor after the paste), with the closing empty: a paragraph of the last section.
    const pasted = overSignOff(signedOff(['丙。'], []), (tr) => tr.replaceSelection(new Slice(Fragment.from(paragraph!('我们将继续努力。')), 1, 1)), true)
    expect(pasted).toMatchObject({ changed: true, caret: ['plans', '我们将继续努力。'] })
    expect(pasted.summary.signOff).toBeUndefined()
    expect(pasted.summary.sections[1]!.sections[0]!.body.map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual(['乙。', '丙。', '我们将继续努力。'])
    // Deleted over: the sign-off goes, an empty line of the closing in its place, the caret there (for what is typed next).
    const deleted = overSignOff(signedOff(['丙。'], ['总之，成效明显。']), (tr) => tr.deleteSelection())
    expect(deleted).toMatchObject({ changed: true, caret: ['closing', ''] })
    expect(deleted.summary.signOff).toBeUndefined()
    expect(deleted.summary.closing).toEqual([{ type: 'paragraph', text: '总之，成效明显。' }, { type: 'paragraph', text: '' }])
  })

  it('typing over the date alone, or an organisation with the date left empty, keeps the sign-off', () => {
    const d = summaryEndingWith(['丙。'], ['总之，成效明显。'])
    const signed = d.copy(d.content.addToEnd(signOff!(organization!('某县民政局'), date!('2024年7月10日'))))
    const state = EditorState.create({ doc: signed, selection: TextSelection.create(signed, signed.content.size - 2 - '2024年7月10日'.length, signed.content.size - 2) })
    const tr = state.tr.insertText('2')
    expect(settleClosingIn(tr)).toBe(false)
    const undated = d.copy(d.content.addToEnd(signOff!(organization!('某县民政局'), date!())))
    const typing = EditorState.create({ doc: undated, selection: TextSelection.create(undated, undated.content.size - 4) }).tr.insertText('甲')
    expect(settleClosingIn(typing)).toBe(false)
    expect(toSummary(typing.doc).signOff).toEqual({ organization: '某县民政局甲', date: '' })
  })

  it('writing on after a date just typed (2024年8月1日前完成…) makes the lines paragraphs again; a sign-off not just made stays', () => {
    const typed = summaryEndingWith(['丙。', '某县民政局', '2024年8月1日'])
    const tr = EditorState.create({ doc: typed, selection: TextSelection.atEnd(typed) }).tr
    expect(settleClosingIn(tr)).toBe(true)
    tr.insertText('前完成复核。')
    const other = EditorState.create({ doc: tr.doc, selection: tr.selection }).tr
    expect(settleClosingIn(tr, true)).toBe(true)
    tr.doc.check()
    const s = toSummary(tr.doc)
    expect(s.signOff).toBeUndefined()
    expect(s.sections[1]!.sections[0]!.body.map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual(['乙。', '丙。', '某县民政局', '2024年8月1日前完成复核。'])
    expect(tr.selection.$head.parent.textBetween(0, tr.selection.$head.parentOffset)).toBe('2024年8月1日前完成复核。')
    // A sign-off loaded, or made earlier (the caret has left its date since): left as the writer edits it.
    expect(settleClosingIn(other)).toBe(false)
    expect(toSummary(other.doc).signOff).toEqual({ organization: '某县民政局', date: '2024年8月1日前完成复核。' })
    // Emptied, it stays, for the date typed next.
    const signed = summaryEndingWith(['丙。'])
    const empty = signed.copy(signed.content.addToEnd(signOff!(organization!(), date!())))
    expect(settleClosingIn(EditorState.create({ doc: empty, selection: TextSelection.atEnd(empty) }).tr, true)).toBe(false)
  })
})
