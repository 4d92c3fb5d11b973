import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText, toText } from '@zongjie/model'
import { changedRanges, joinAdjacentWorkItems } from '../src/index.ts'
import { rangeOf } from './ranges.ts'

// Two work-item lists left side by side by an edit are one list, numbered on (一是 二是 三是).

const text = ['某局工作总结', '开头。', '一、主要工作', '一是抓学习。', '二是抓制度。', '另起一段说明。', '一是抓落实。', '二是抓督查。', '二、其他工作', '办理登记。'].join('\n')

/** `text` after deleting from the start of `from` to the end of `to` (whole blocks or parts of them), and the lists then joined. */
function deleted(from: string, to: string) {
  const doc = importText(text).doc
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, rangeOf(doc, from).from, rangeOf(doc, to).to) })
  const tr = state.tr.deleteSelection()
  const after = state.apply(tr)
  const join = joinAdjacentWorkItems(after, changedRanges([tr]))
  return { joined: join !== null, lines: toText((join ? after.apply(join) : after).doc).split('\n').filter(Boolean) }
}

describe('lists left side by side', () => {
  it('the paragraph between two lists deleted: one list, numbered on', () => {
    const doc = importText(text).doc
    const para = rangeOf(doc, '另起一段说明。')
    const state = EditorState.create({ doc })
    const tr = state.tr.delete(para.from - 1, para.to + 1)
    const after = state.apply(tr)
    const join = joinAdjacentWorkItems(after, changedRanges([tr]))
    expect(join).not.toBeNull()
    const lines = toText(after.apply(join!).doc).split('\n').filter(Boolean)
    expect(lines.slice(3, 7)).toEqual(['一是抓学习。', '二是抓制度。', '三是抓落实。', '四是抓督查。'])
  })

  it('a list with a paragraph after it, or a text edit, is left alone', () => {
    expect(deleted('说明', '说明')).toEqual({ joined: false, lines: ['某局工作总结', '开头。', '一、主要工作', '一是抓学习。', '二是抓制度。', '另起一段。', '一是抓落实。', '二是抓督查。', '二、其他工作', '办理登记。'] })
  })
})
