import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText } from '@zongjie/model'
import { numbering, numberingKey, headingNumbers } from '../src/plugins/numbering.ts'
import { placeholders, placeholdersKey } from '../src/plugins/placeholders.ts'
import { isTextOnly } from '../src/plugins/text-only.ts'
import { demoteSection, addComment, replyToComment } from '@zongjie/commands'

const text = ['工作总结', '开头。', '一、甲', '一是学习。', '二是制度。', '二、乙', '（一）乙一', '', '三、丙'].join('\n')

describe('numbering and placeholders kept up to date without recomputing on typing', () => {
  const base = EditorState.create({ doc: importText(text).doc, plugins: [numbering(), placeholders(() => '')] })

  it('keeps the outline count on text-only changes, so no number is refreshed', () => {
    let state = base
    const positions: number[] = []
    state.doc.descendants((n, p) => {
      if (n.isTextblock) positions.push(p + 1)
    })
    for (const at of positions.reverse()) {
      const tr = state.tr.insertText('新', at)
      expect(isTextOnly(tr)).toBe(true)
      const outline = numberingKey.getState(state)!.outline
      state = state.apply(tr)
      expect(numberingKey.getState(state)!.outline).toBe(outline)
    }
  })

  it('keeps the outline count when a comment is added or replied to (marks and the `comments` attribute)', () => {
    let state = base
    let pos = -1
    state.doc.descendants((n, p) => {
      if (pos < 0 && n.isText && n.text!.includes('学习')) pos = p
    })
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, pos + 2)))
    const outline = numberingKey.getState(state)!.outline
    const author = { id: 'u1', name: '张三' }
    const time = '2024-07-10T08:00:00Z'
    for (const command of [addComment({ id: 'c1', author, time, text: '请核实' }), replyToComment('c1', { id: 'r1', author, time, text: '已核实' })]) {
      command(state, (tr) => {
        expect(isTextOnly(tr)).toBe(true)
        state = state.apply(tr)
      })
    }
    expect(state.doc.attrs.comments).toHaveLength(1)
    expect(numberingKey.getState(state)!.outline).toBe(outline)
    // Another attribute of the document is not text.
    expect(isTextOnly(state.tr.setDocAttribute('period', 'year'))).toBe(false)
  })

  it('changes the outline count on a change of the outline', () => {
    let state = base
    let pos = -1
    state.doc.descendants((n, p) => {
      if (pos < 0 && n.type.name === 'heading' && n.textContent === '乙') pos = p + 1
    })
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
    const outline = numberingKey.getState(state)!.outline
    demoteSection(state, (tr) => {
      expect(isTextOnly(tr)).toBe(false)
      state = state.apply(tr)
    })
    // The outline changed: the headings' numbers are refreshed from the model's numbering.
    expect(numberingKey.getState(state)!.outline).not.toBe(outline)
    expect(headingNumbers(state.doc).map((h) => h.number)).toEqual(['一、', '（一）', '1.', '二、'])
  })

  it('shows and hides placeholders as blocks empty and fill', () => {
    let state = base
    const empties = () => placeholdersKey.getState(state)!.find().length
    const before = empties()
    // Empty the first body paragraph, then type into it again.
    let para = -1
    state.doc.descendants((n, p) => {
      if (para < 0 && n.type.name === 'paragraph' && n.textContent === '开头。') para = p
    })
    state = state.apply(state.tr.delete(para + 1, para + 4))
    expect(empties()).toBe(before + 1)
    state = state.apply(state.tr.insertText('再写', para + 1))
    expect(empties()).toBe(before)
  })
})
