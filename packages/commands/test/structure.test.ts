import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText, toText, toSummary } from '@zongjie/model'
import { history, undo } from 'prosemirror-history'
import { paragraphToSection, paragraphToWorkItem, insertImported, isEmptyDoc, replaceDocument, documentReplaced } from '../src/index.ts'
import { schema } from '@zongjie/model'

/** A state from summary text with the cursor at the start of the first textblock whose text is `at`. */
function stateAt(text: string, at: string): EditorState {
  const doc = importText(text).doc
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent === at) pos = p + 1
    return pos < 0
  })
  if (pos < 0) throw new Error(`no textblock "${at}"`)
  const state = EditorState.create({ doc })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

function apply(state: EditorState, command: (s: EditorState, d?: (tr: any) => void) => boolean): string | null {
  let out: EditorState | null = null
  if (!command(state, (tr) => (out = state.apply(tr)))) return null
  out!.doc.check()
  return toText(out!.doc)
}
const lines = (t: string | null) => t?.split('\n').filter(Boolean) ?? null

describe('paragraphs into headings (what typing 一、 at the start does)', () => {
  const text = ['工作总结', '开头。', '一、甲', '甲正文。', '乙标题', '乙正文。', '二、丙'].join('\n')
  it('starts a section of the same rank after the current one, taking what follows', () => {
    expect(lines(apply(stateAt(text, '乙标题'), paragraphToSection(1)))).toEqual(['工作总结', '开头。', '一、甲', '甲正文。', '二、乙标题', '乙正文。', '三、丙'])
  })
  it('starts a subsection of a lower rank', () => {
    expect(lines(apply(stateAt(text, '乙标题'), paragraphToSection(2)))).toEqual(['工作总结', '开头。', '一、甲', '甲正文。', '（一）乙标题', '乙正文。', '二、丙'])
  })
  it('starts the first section from the opening', () => {
    const t = ['工作总结', '开头。', '甲标题', '甲正文。', '一、乙'].join('\n')
    expect(lines(apply(stateAt(t, '甲标题'), paragraphToSection(1)))).toEqual(['工作总结', '开头。', '一、甲标题', '甲正文。', '二、乙'])
  })
  it('refuses a rank that cannot stand there', () => {
    expect(apply(stateAt(['工作总结', '开头。'].join('\n'), '开头。'), paragraphToSection(2))).toBeNull()
  })
  it('makes a paragraph the next work item of the list before it', () => {
    const t = ['工作总结', '一、甲', '一是抓学习。', '抓制度。'].join('\n')
    expect(lines(apply(stateAt(t, '抓制度。'), paragraphToWorkItem))).toEqual(['工作总结', '一、甲', '一是抓学习。', '二是抓制度。'])
  })
})

describe('inserting an imported document', () => {
  it('becomes the whole document when the editor is empty', () => {
    const empty = schema.nodes.doc!.create(null, [schema.nodes.title!.create(), schema.nodes.preamble!.create(null, schema.nodes.paragraph!.create()), schema.nodes.closing!.create()])
    expect(isEmptyDoc(empty)).toBe(true)
    const imported = importText('某局工作总结\n开头。\n一、甲\n一是乙。').doc
    const state = EditorState.create({ doc: empty })
    expect(apply(state, insertImported(imported))).toBe(toText(imported))
  })
  it('puts sections in at the cursor, renumbered, nothing lost', () => {
    const state = stateAt(['工作总结', '一、甲', '甲正文。', '二、丁'].join('\n'), '甲正文。')
    const at = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.selection.from + 4)))
    const imported = importText('一、乙\n一是乙一。\n二、丙').doc
    const out = apply(at, insertImported(imported))!
    expect(lines(out)).toEqual(['工作总结', '一、甲', '甲正文。', '二、乙', '一是乙一。', '三、丙', '四、丁'])
  })
  it('puts a single line in as text', () => {
    const state = stateAt(['工作总结', '一、甲', '甲正文。'].join('\n'), '甲正文。')
    const imported = importText('培训X名').doc
    const out = apply(state, insertImported(imported))!
    expect(lines(out)).toEqual(['工作总结', '一、甲', '培训X名甲正文。'])
    expect(toSummary(importText(out).doc).metrics).toHaveLength(1)
  })
})

describe('the cursor after a paragraph becomes structure', () => {
  it('stands in the new heading or item, where it was in the paragraph', () => {
    const t = ['工作总结', '开头。', '甲标题', '甲正文。'].join('\n')
    for (const [command, type] of [[paragraphToSection(1), 'heading'], [paragraphToWorkItem, 'workItem']] as const) {
      const s = stateAt(t, '甲标题')
      const at = s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.selection.from + 1)))
      let out: EditorState | null = null
      command(at, (tr) => (out = at.apply(tr)))
      const $c = (out as unknown as EditorState).selection.$from
      expect($c.parent.type.name).toBe(type)
      expect($c.parent.textContent).toBe('甲标题')
      expect($c.parentOffset).toBe(1)
    }
  })
})

describe('replaceDocument', () => {
  it('replaces the whole document and what it reports on in one step that undo takes back', () => {
    const before = importText('某局2023年工作总结\n开头。\n一、旧的工作').doc
    const opened = importText('某局2024年上半年工作总结\n开头。\n一、新的工作\n二、存在的问题\n一是不足。').doc
    let state = EditorState.create({ doc: before, plugins: [history()] })
    expect(replaceDocument(opened)(state)).toBe(true)
    replaceDocument(opened)(state, (tr) => {
      expect(tr.getMeta(documentReplaced)).toBe(true)
      state = state.apply(tr)
    })
    expect(state.doc.eq(opened)).toBe(true)
    expect(state.doc.attrs).toEqual(opened.attrs)
    expect(state.selection.from).toBe(1)
    undo(state, (tr) => (state = state.apply(tr)))
    expect(state.doc.eq(before)).toBe(true)
  })
})
