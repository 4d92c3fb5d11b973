import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { schema, toSummary, validate } from '@zongjie/model'
import { paragraphToSectionIn, settleSectionRolesIn } from '../src/index.ts'

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
