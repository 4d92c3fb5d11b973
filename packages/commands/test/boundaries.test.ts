import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { baseKeymap, chainCommands } from 'prosemirror-commands'
import type { Node } from 'prosemirror-model'
import { importText, toText } from '@zongjie/model'
import { backspaceAtBlockStart, backspaceAtHeadingStart, deleteAtBlockEnd, joinHeading } from '../src/index.ts'

const text = [
  '示范县民政局2024年上半年工作总结',
  '现将上半年工作总结如下：',
  '一、主要工作',
  '全年发放救助资金X万元。',
  '（一）兜底保障',
  '一是完善低保动态管理；',
  '二是用好临时救助。',
  '二、社会事务',
  '办理婚姻登记。',
  '三、存在的问题',
  '基层力量不足。',
  '四、下半年工作计划',
  '继续做好救助。',
  '总之，我们将继续努力。',
].join('\n')

// The editor's Backspace and Delete as its keys chain them (plugins/keys.ts), then ProseMirror's own.
const backspace = chainCommands(joinHeading, backspaceAtHeadingStart, backspaceAtBlockStart, baseKeymap.Backspace!)
const del = chainCommands(deleteAtBlockEnd, baseKeymap.Delete!)

/** The characters and fields of a document. */
function size(doc: Node): number {
  let n = 0
  doc.descendants((node) => {
    if (node.isText) n += node.text!.length
    else if (node.isInline) n++
    return true
  })
  return n
}

/** A state with the caret at the start or end of the first textblock whose text is `at`. */
function caretAt(at: string, side: 'start' | 'end'): EditorState {
  const doc = importText(text).doc
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isTextblock && node.textContent === at) pos = side === 'start' ? p + 1 : p + 1 + node.content.size
    return pos < 0
  })
  if (pos < 0) throw new Error(`no textblock "${at}"`)
  const state = EditorState.create({ doc })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

/** Presses a key `times` times, as the editor would (a transaction the schema refuses changes nothing); returns each state after. */
function press(state: EditorState, key: Command, times: number): EditorState[] {
  const states: EditorState[] = []
  for (let i = 0; i < times; i++) {
    key(state, (tr: Transaction) => {
      try {
        tr.doc.check()
        state = state.apply(tr)
      } catch {
        // The editor's guard drops a transaction whose document the schema rejects.
      }
    })
    states.push(state)
  }
  return states
}

describe('Backspace and Delete at the edges of parts never take a part whole', () => {
  for (const [what, at, side, key] of [
    ['Backspace at the start of the closing', '总之，我们将继续努力。', 'start', backspace],
    ['Backspace at the start of the problems heading', '存在的问题', 'start', backspace],
    ['Backspace at the start of the first work item', '完善低保动态管理；', 'start', backspace],
    ['Delete at the end of the opening', '现将上半年工作总结如下：', 'end', del],
    ['Delete at the end of a section before the next', '办理婚姻登记。', 'end', del],
    ['Delete at the end of the plans section', '继续做好救助。', 'end', del],
  ] as const) {
    it(`${what}: each press takes at most one character, held for 12 presses`, () => {
      let state = caretAt(at, side)
      for (const next of press(state, key, 12)) {
        expect(size(state.doc) - size(next.doc), toText(next.doc)).toBeLessThanOrEqual(1)
        expect(next.selection.empty).toBe(true)
        state = next
      }
    })
  }
  it('Backspace at the start of the closing joins it to the last paragraph before, as in Word', () => {
    const [after] = press(caretAt('总之，我们将继续努力。', 'start'), backspace, 1)
    expect(toText(after!.doc)).toContain('继续做好救助。总之，我们将继续努力。')
  })
  it('Backspace at the start of the problems heading goes to the end of the part before, the sections unchanged', () => {
    const state = caretAt('存在的问题', 'start')
    const [after] = press(state, backspace, 1)
    expect(after!.doc.eq(state.doc)).toBe(true)
    expect(after!.selection.$from.parent.textContent).toBe('办理婚姻登记。')
    expect(after!.selection.$from.parentOffset).toBe('办理婚姻登记。'.length)
  })
  it('Delete at the end of the opening goes to the start of the first heading, the sections unchanged', () => {
    const state = caretAt('现将上半年工作总结如下：', 'end')
    const [after] = press(state, del, 1)
    expect(after!.doc.eq(state.doc)).toBe(true)
    expect(after!.selection.$from.parent.textContent).toBe('主要工作')
  })
})
