import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import { history, undo, undoDepth } from 'prosemirror-history'
import { importText, isSection, toText, type MetricAttrs } from '@zongjie/model'
import {
  demoteSection,
  promoteSection,
  moveSectionUp,
  moveSectionDown,
  insertSection,
  splitHeading,
  joinHeading,
  joinEmptiedSection,
  backspaceAtHeadingStart,
  paragraphsToWorkItems,
  workItemsToParagraphs,
  toggleWorkItemsLayout,
  exitEmptyWorkItem,
  insertMetric,
  insertBlank,
  fillField,
  parseMetricInput,
  metricInputText,
  selectDocumentStart,
  selectDocumentEnd,
  selectDocumentEdge,
  settleRunInTitles,
} from '../src/index.ts'
import { demoteSectionReversibly, promoteSectionReversibly } from '../src/section-shifts.ts'

/** A state from summary text, the cursor placed where `|` stands in it. */
function stateOf(text: string): EditorState {
  const at = text.indexOf('|')
  const clean = text.replace('|', '')
  const doc = importText(clean).doc
  // Find the position of the character that followed `|` by matching the text before it.
  const before = clean.slice(0, at).split('\n').pop()!
  let pos = -1
  doc.descendants((node, p) => {
    if (pos >= 0) return false
    if (node.isTextblock) {
      const t = node.textContent
      const line = clean.slice(0, at).split('\n').length - 1
      const lineText = clean.split('\n')[line]!
      if (lineText.endsWith(t) && t.length && lineText.length - t.length <= before.length && lineText.slice(lineText.length - t.length) === t) {
        pos = p + 1 + before.length - (lineText.length - t.length)
      }
    }
    return true
  })
  if (pos < 0) throw new Error('cursor not found')
  const state = EditorState.create({ doc, plugins: [history()] })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

/** Runs a command; returns the text after it, having checked the document and the single undo step. */
function run(state: EditorState, command: Command): { text: string; state: EditorState } | null {
  let next: EditorState | null = null
  const applies = command(state)
  const ran = command(state, (tr) => {
    next = state.apply(tr)
  })
  expect(ran).toBe(applies)
  if (!ran) return null
  const after = next! as EditorState
  after.doc.check()
  expect(undoDepth(after)).toBe(undoDepth(state) + 1)
  let undone: EditorState | null = null
  undo(after, (tr) => {
    undone = after.apply(tr)
  })
  expect((undone as EditorState | null)?.doc.eq(state.doc)).toBe(true)
  return { text: toText(after.doc), state: after }
}

const lines = (text: string) => text.split('\n').filter(Boolean)

const doc3 = ['工作总结', '一、甲', '正文甲。', '二、|乙', '（一）乙一', '（二）乙二', '三、丙'].join('\n')

describe('sections', () => {
  it('demotes a section with its subtree under the one before it, renumbering all', () => {
    const r = run(stateOf(doc3), demoteSection)!
    expect(lines(r.text)).toEqual(['工作总结', '一、甲', '正文甲。', '（一）乙', '1.乙一', '2.乙二', '二、丙'])
    // The cursor stays in the heading it was in.
    expect(r.state.selection.$from.parent.textContent).toBe('乙')
  })

  it('promotes a section after its parent, taking the sections after it as its subsections', () => {
    const s = stateOf(['工作总结', '一、甲', '（一）甲一', '（二）|甲二', '（三）甲三', '二、乙'].join('\n'))
    const r = run(s, promoteSection)!
    expect(lines(r.text)).toEqual(['工作总结', '一、甲', '（一）甲一', '二、甲二', '（一）甲三', '三、乙'])
  })

  it('gives back what was there at Tab right after Shift-Tab (the reversible demote and promote), the sections the promotion took in siblings again', () => {
    for (const text of [
      ['工作总结', '一、甲', '（一）甲一', '（二）|甲二', '（三）甲三', '二、乙'],
      ['工作总结', '一、甲', '（一）甲一', '（二）|甲二', '1.甲二一', '2.甲二二', '（三）甲三', '1.甲三一', '二、乙'],
      ['工作总结', '一、甲', '（一）|甲一', '甲一正文。', '（二）甲二', '二、乙'],
    ]) {
      const s = stateOf(text.join('\n'))
      const promoted = run(s, promoteSectionReversibly)!
      const back = run(promoted.state, demoteSectionReversibly)!
      expect(lines(back.text)).toEqual(lines(toText(s.doc)))
      expect(back.state.doc.eq(s.doc)).toBe(true)
      // The cursor is where it was, in the same words.
      expect(back.state.selection.from).toBe(s.selection.from)
    }
  })

  it('gives back every section as it was at Shift-Tab after Tab, and at Tab after Shift-Tab', () => {
    const text = ['工作总结', '一、甲', '（一）甲一', '1.甲一一', '（二）甲二', '1.甲二一', '（1）甲二一一', '2.甲二二', '（三）甲三', '二、乙', '（一）乙一', '（二）乙二', '1.乙二一', '三、丙'].join('\n')
    const doc = stateOf('|' + text).doc
    const headings: number[] = []
    doc.descendants((node, pos) => {
      if (node.type.name === 'heading') headings.push(pos + 1)
      return true
    })
    for (const at of headings) {
      const s = EditorState.create({ doc, plugins: [history()], selection: TextSelection.create(doc, at) })
      for (const [there, back] of [
        [demoteSectionReversibly, promoteSectionReversibly],
        [promoteSectionReversibly, demoteSectionReversibly],
      ] as const) {
        const gone = run(s, there)
        if (!gone) continue
        const returned = run(gone.state, back)!
        expect(returned.text, `${there === demoteSectionReversibly ? 'Tab' : 'Shift-Tab'} then back at ${doc.resolve(at).parent.textContent}`).toBe(toText(s.doc))
        expect(returned.state.doc.eq(s.doc)).toBe(true)
      }
    }
  })

  it('demotes as ever once anything changed after Shift-Tab', () => {
    const s = stateOf(['工作总结', '一、甲', '（一）甲一', '（二）|甲二', '（三）甲三', '二、乙'].join('\n'))
    const promoted = run(s, promoteSectionReversibly)!.state
    const typed = promoted.apply(promoted.tr.insertText('新'))
    expect(lines(run(typed, demoteSection)!.text)).toEqual(['工作总结', '一、甲', '（一）甲一', '（二）新甲二', '1.甲三', '二、乙'])
  })

  it('does not demote the first section nor promote a top one', () => {
    expect(run(stateOf(['工作总结', '一、|甲', '二、乙'].join('\n')), demoteSection)).toBeNull()
    expect(run(stateOf(['工作总结', '一、|甲', '二、乙'].join('\n')), promoteSection)).toBeNull()
  })

  it('does not demote below （1）', () => {
    const s = stateOf(['工作总结', '一、甲', '（一）甲一', '1.甲一一', '（1）子', '（二）|甲二', '1.x', '（1）y'].join('\n'))
    expect(run(s, demoteSection)).toBeNull()
  })

  it('moves a section up and down with its subtree', () => {
    const up = run(stateOf(doc3), moveSectionUp)!
    expect(lines(up.text)).toEqual(['工作总结', '一、乙', '（一）乙一', '（二）乙二', '二、甲', '正文甲。', '三、丙'])
    const down = run(stateOf(doc3), moveSectionDown)!
    expect(lines(down.text)).toEqual(['工作总结', '一、甲', '正文甲。', '二、丙', '三、乙', '（一）乙一', '（二）乙二'])
    expect(run(stateOf(['工作总结', '一、|甲', '二、存在的问题', '正文。'].join('\n')), moveSectionDown)).toBeNull()
  })

  it('inserts a section at each level where it can stand', () => {
    const s = stateOf(doc3)
    expect(lines(run(s, insertSection(1))!.text)).toEqual(['工作总结', '一、甲', '正文甲。', '二、乙', '（一）乙一', '（二）乙二', '三、', '四、丙'])
    expect(lines(run(s, insertSection(2))!.text)).toEqual(['工作总结', '一、甲', '正文甲。', '二、乙', '（一）', '（二）乙一', '（三）乙二', '三、丙'])
    expect(run(s, insertSection(3))).toBeNull()
    expect(lines(run(stateOf(['工作总结', '今年|以来。', '一、甲'].join('\n')), insertSection(1))!.text)).toEqual(['工作总结', '今年以来。', '一、', '二、甲'])
  })

  it('dissolves a section at Backspace on its heading start, its words kept in reading order', () => {
    const r = run(stateOf(['工作总结', '一、甲', '甲正文。', '二、|乙', '乙正文。', '三、丙'].join('\n')), backspaceAtHeadingStart)!
    expect(lines(r.text)).toEqual(['工作总结', '一、甲', '甲正文。', '乙', '乙正文。', '二、丙'])
    expect(r.state.selection.$from.parent.textContent).toBe('乙')
    // A section with subsections is not taken apart: the cursor goes back into the text before.
    const s = stateOf(['工作总结', '一、甲', '甲正文。', '二、|乙', '（一）乙一'].join('\n'))
    let moved: EditorState | null = null
    backspaceAtHeadingStart(s, (tr) => (moved = s.apply(tr)))
    expect(toText((moved as unknown as EditorState).doc)).toBe(toText(s.doc))
    expect((moved as unknown as EditorState).selection.$from.parent.textContent).toBe('甲正文。')
  })

  it('opens an empty line above a heading at Enter on its start, the heading whole and the cursor with it', () => {
    for (const [text, above] of [
      [['工作总结', '一、甲', '（一）甲一', '甲一正文。', '二、|乙', '乙正文。'], '甲一正文。'],
      [['工作总结', '今年以来。', '一、|甲'], '今年以来。'],
      [['工作总结', '一、甲', '甲正文。', '（一）|甲一'], '甲正文。'],
    ] as const) {
      const before = stateOf(text.join('\n'))
      const heading = before.selection.$from.parent.textContent
      const r = run(before, splitHeading)!
      expect(lines(r.text)).toEqual(lines(toText(before.doc)))
      const $cursor = r.state.selection.$from
      expect([$cursor.parent.type.name, $cursor.parent.textContent, $cursor.parentOffset]).toEqual(['heading', heading, 0])
      // The empty line is the block right before the heading's section, after the text that came before it.
      let previous: string | null = null
      let empty = false
      r.state.doc.nodesBetween(0, $cursor.before($cursor.depth - 1), (node) => {
        if (node.isTextblock) {
          if (node.content.size) previous = node.textContent
          empty = node.content.size === 0
        }
        return true
      })
      expect([previous, empty]).toEqual([above, true])
    }
  })

  it('takes apart a section whose heading a deletion emptied, its body following the block before', () => {
    const s = stateOf(['工作总结', '一、甲', '（一）甲一', '新建养老|站。', '二、社会事务', '办理婚姻登记。', '三、丙'].join('\n'))
    // What deleting from 新建养老| to 社会|事务 leaves: 新建养老事务, and 二、 with an empty heading.
    let to = -1
    s.doc.descendants((node, pos) => {
      if (to < 0 && node.type.name === 'heading' && node.textContent === '社会事务') to = pos + 1 + 2
      return to < 0
    })
    const deleted = s.apply(s.tr.delete(s.selection.from, to))
    expect(lines(toText(deleted.doc))).toEqual(['工作总结', '一、甲', '（一）甲一', '新建养老事务', '二、', '办理婚姻登记。', '三、丙'])
    let emptied = -1
    deleted.doc.descendants((node, pos) => {
      if (emptied < 0 && isSection(node) && !node.firstChild!.content.size) emptied = pos
      return emptied < 0
    })
    const tr = joinEmptiedSection(deleted, emptied)!
    tr.doc.check()
    expect(lines(toText(tr.doc))).toEqual(['工作总结', '一、甲', '（一）甲一', '新建养老事务', '办理婚姻登记。', '二、丙'])
    // Not a section whose heading has text, nor one with subsections.
    expect(joinEmptiedSection(s, s.doc.resolve(s.selection.from).before(2))).toBeNull()
  })

  it('splits a heading into heading and body, and joins them back', () => {
    const split = run(stateOf(['工作总结', '一、抓学习|每周一次', '二、乙'].join('\n')), splitHeading)!
    expect(lines(split.text)).toEqual(['工作总结', '一、抓学习', '每周一次', '二、乙'])
    const joined = run(split.state, joinHeading)!
    expect(lines(joined.text)).toEqual(['工作总结', '一、抓学习每周一次', '二、乙'])
  })
})

describe('run-in titles', () => {
  /** The run-in section's heading text and the text of its section's body, and where the caret is. */
  function runIn(state: EditorState) {
    let out: { title: string; body: string[] } | null = null
    state.doc.descendants((node) => {
      if (out || !isSection(node) || node.attrs.runIn !== true) return !out
      const body: string[] = []
      node.forEach((child, _o, i) => {
        if (i > 0) body.push(child.textContent)
      })
      out = { title: node.firstChild!.textContent, body }
      return false
    })
    const $head = state.selection.$head
    return { ...out!, caret: [$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)] }
  }
  const doc = (line: string) => ['工作总结', '一、甲', line, '二、乙'].join('\n')
  /** The run-in line's state, the caret `offset` characters into its title. */
  function inTitle(line: string, offset: number): EditorState {
    const state = EditorState.create({ doc: importText(doc(line)).doc, plugins: [history()] })
    let at = -1
    state.doc.descendants((node, pos, parent) => {
      if (at < 0 && node.type.name === 'heading' && parent!.attrs.runIn === true) at = pos + 1 + offset
      return at < 0
    })
    return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
  }

  it('Backspace at the start of the body takes the drawn stop away: the body\'s first sentence joins the title', () => {
    const s = stateOf(doc('（一）加强领导。|全年召开会议。其他工作。'))
    expect(runIn(s).title).toBe('加强领导')
    const joined = run(s, joinHeading)!
    expect(lines(joined.text)).toEqual(['工作总结', '一、甲', '（一）加强领导全年召开会议。其他工作。', '二、乙'])
    expect(runIn(joined.state)).toEqual({ title: '加强领导全年召开会议', body: ['其他工作。'], caret: ['heading', '加强领导'] })
    // A body of one sentence: all of it is the title, drawn with its stop once.
    const whole = run(stateOf(doc('（一）加强领导。|全年召开会议。')), joinHeading)!
    expect(lines(whole.text)).toEqual(['工作总结', '一、甲', '（一）加强领导全年召开会议。', '二、乙'])
    expect(runIn(whole.state)).toEqual({ title: '加强领导全年召开会议', body: [], caret: ['heading', '加强领导'] })
  })

  it('settles a stop an edit left in the title: typed over from the title into the body, or typed inside it', () => {
    const s = inTitle('（一）加强领导。全年召开会议。其他工作。', 2)
    const from = s.selection.from
    // 领导, the heading's end, the paragraph's start, 全年.
    const tr = s.tr.setSelection(TextSelection.create(s.doc, from, from + 6)).insertText('X')
    const after = s.apply(tr)
    // As ProseMirror leaves it: the body's paragraph joined to the heading, its stops in the title.
    expect(runIn(after).title).toBe('加强X召开会议。其他工作。')
    const fixed = after.apply(settleRunInTitles([tr], after)!)
    fixed.doc.check()
    expect(lines(toText(fixed.doc))).toEqual(['工作总结', '一、甲', '（一）加强X召开会议。其他工作。', '二、乙'])
    expect(runIn(fixed)).toEqual({ title: '加强X召开会议', body: ['其他工作。'], caret: ['heading', '加强X'] })

    // A stop typed inside the title ends it there: the rest starts the body, the caret after the stop.
    const t2 = inTitle('（一）加强领导和监督。全年召开会议。', 4)
    const typedStop = t2.tr.insertText('。')
    const mid = t2.apply(typedStop)
    const split = mid.apply(settleRunInTitles([typedStop], mid)!)
    // The stop drawn after 和监督 is written now that it is no longer the title's.
    expect(lines(toText(split.doc))).toEqual(['工作总结', '一、甲', '（一）加强领导。和监督。全年召开会议。', '二、乙'])
    expect(runIn(split)).toEqual({ title: '加强领导', body: ['和监督。全年召开会议。'], caret: ['paragraph', ''] })
  })

  it('leaves a heading that is not run-in, and an edit elsewhere', () => {
    const s = stateOf(['工作总结', '一、甲|', '（一）加强领导。全年召开会议。', '二、乙'].join('\n'))
    const typed = s.tr.insertText('。')
    expect(settleRunInTitles([typed], s.apply(typed))).toBeNull()
    expect(lines(toText(s.apply(typed).doc))).toContain('一、甲。')
  })
})

describe('work items', () => {
  it('turns paragraphs into items and back, the ordinals kept as text', () => {
    const s = stateOf(['工作总结', '一、甲', '|抓学习。', '抓制度。'].join('\n'))
    const all = s.apply(s.tr.setSelection(TextSelection.create(s.doc, s.selection.from, s.selection.from + 8)))
    const items = run(all, paragraphsToWorkItems)!
    expect(lines(items.text)).toEqual(['工作总结', '一、甲', '一是抓学习。', '二是抓制度。'])
    const back = run(items.state, workItemsToParagraphs)!
    expect(lines(back.text)).toEqual(['工作总结', '一、甲', '一是抓学习。', '二是抓制度。'])
    expect(back.state.doc.toString()).not.toContain('workItem')
  })

  it('keeps the caret in the words it was in when the items become paragraphs', () => {
    const back = run(stateOf(['工作总结', '一、甲', '一是抓学习。', '二是抓|制度。', '三是抓落实。'].join('\n')), workItemsToParagraphs)!
    const $head = back.state.selection.$head
    expect([$head.parent.type.name, $head.parent.textContent, $head.parentOffset]).toEqual(['paragraph', '二是抓制度。', 3])
  })

  it('turns a list run together in one paragraph back into that one paragraph, the caret in the words it was in', () => {
    const joined = run(stateOf(['工作总结', '一、甲', '一是抓学习；', '二是抓|制度；', '三是抓落实。', '二、乙'].join('\n')), toggleWorkItemsLayout)!
    expect(lines(joined.text)).toEqual(['工作总结', '一、甲', '一是抓学习；二是抓制度；三是抓落实。', '二、乙'])
    const back = run(joined.state, workItemsToParagraphs)!
    // The page does not change: one paragraph, as the list was printed.
    expect(lines(back.text)).toEqual(['工作总结', '一、甲', '一是抓学习；二是抓制度；三是抓落实。', '二、乙'])
    expect(back.state.doc.toString()).not.toContain('workItem')
    const $head = back.state.selection.$head
    expect([$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]).toEqual(['paragraph', '一是抓学习；二是抓'])
  })

  it('switches between one paragraph and one item a paragraph', () => {
    const r = run(stateOf(['工作总结', '一、甲', '一是|抓学习。', '二是抓制度。'].join('\n')), toggleWorkItemsLayout)!
    expect(lines(r.text)).toEqual(['工作总结', '一、甲', '一是抓学习。二是抓制度。'])
  })

  it('ends the list at an empty item', () => {
    let s = stateOf(['工作总结', '一、甲', '一是抓学习。|'].join('\n'))
    s = s.apply(s.tr.split(s.selection.from))
    expect(s.selection.$from.parent.type.name).toBe('workItem')
    const r = run(s, exitEmptyWorkItem)!
    expect(r.state.selection.$from.parent.type.name).toBe('paragraph')
    expect(r.state.doc.child(2).child(1).type.name).toBe('workItems')
    expect(r.state.doc.child(2).child(2).type.name).toBe('paragraph')
  })
})

describe('fields', () => {
  it('inserts a metric and a blank, and fills them', () => {
    const s = stateOf(['工作总结', '一、甲', '培训|党员。'].join('\n'))
    const m = run(s, insertMetric({ unit: '名' }))!
    expect(m.text).toContain('培训X名党员。')
    let metricPos = -1
    m.state.doc.descendants((n, p) => {
      if (n.type.name === 'metric') metricPos = p
    })
    const filled = run(m.state, fillField(metricPos, 120))!
    expect(filled.text).toContain('培训120名党员。')
    expect(run(m.state, fillField(metricPos, -3))).toBeNull()
    expect(run(m.state, fillField(metricPos, '东风'))).toBeNull()
    const b = run(s, insertBlank())!
    let blankPos = -1
    b.state.doc.descendants((n, p) => {
      if (n.type.name === 'blank') blankPos = p
    })
    expect(run(b.state, fillField(blankPos, '东风'))!.text).toContain('培训东风党员。')
  })

  it('reads what a writer types into a metric', () => {
    expect(parseMetricInput('22')).toEqual({ value: 22, upper: null, range: false, decimals: 0 })
    expect(parseMetricInput('12.5')).toEqual({ value: 12.5, upper: null, range: false, decimals: 0 })
    expect(parseMetricInput('3000-5000')).toEqual({ value: 3000, upper: 5000, range: true, decimals: 0 })
    expect(parseMetricInput('')).toEqual({ value: null, upper: null, range: false, decimals: 0 })
    expect(parseMetricInput('十二')).toBeNull()
    expect(parseMetricInput('1.2.3')).toBeNull()
  })

  it('keeps the zeros a writer types after the point (5.0, 12.50), in the text and in the input shown again', () => {
    expect(parseMetricInput('5.0')).toEqual({ value: 5, upper: null, range: false, decimals: 1 })
    expect(parseMetricInput('12.50')).toEqual({ value: 12.5, upper: null, range: false, decimals: 2 })
    expect(parseMetricInput('3.25-4.0')).toEqual({ value: 3.25, upper: 4, range: true, decimals: 1 })
    const s = stateOf(['工作总结', '一、甲', '增长|。'].join('\n'))
    const m = run(s, insertMetric({ unit: '%' }))!
    let pos = -1
    m.state.doc.descendants((n, p) => {
      if (n.type.name === 'metric') pos = p
    })
    const typed = parseMetricInput('12.50')!
    const filled = run(m.state, fillField(pos, typed.value, undefined, typed.decimals))!
    expect(filled.text).toContain('增长12.50%。')
    expect(metricInputText(filled.state.doc.nodeAt(pos)!.attrs as MetricAttrs)).toBe('12.50')
    // Filled again with a number as it is, it shows as it is.
    expect(run(filled.state, fillField(pos, 13))!.text).toContain('增长13%。')
    const range = run(m.state, fillField(pos, 3.25, 4, 1))!
    expect(range.text).toContain('增长3.25-4.0%。')
    expect(metricInputText(range.state.doc.nodeAt(pos)!.attrs as MetricAttrs)).toBe('3.25-4.0')
  })
})

describe('moving to the ends of the summary', () => {
  /** Applies a selection command; returns the text before and after the new selection's head, and what it selects. */
  function moved(state: EditorState, command: Command) {
    let next: EditorState | null = null
    expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
    const after = next! as EditorState
    expect(after.doc.eq(state.doc)).toBe(true)
    const { from, to, head } = after.selection
    return {
      before: after.doc.textBetween(0, head, '\n'),
      after: after.doc.textBetween(head, after.doc.content.size, '\n'),
      selected: after.doc.textBetween(from, to, '\n'),
    }
  }
  const text = ['年度工作总结', '一、甲', '正文|甲。', '二、乙', '正文乙。'].join('\n')

  it('Ctrl-Home puts the cursor before the title and Ctrl-End after the last word', () => {
    const start = moved(stateOf(text), selectDocumentStart)
    expect(start.before).toBe('')
    expect(start.selected).toBe('')
    expect(start.after.startsWith('年度工作总结')).toBe(true)
    const end = moved(stateOf(text), selectDocumentEnd)
    expect(end.after).toBe('')
    expect(end.before.endsWith('正文乙。')).toBe(true)
  })

  it('with Shift, the selection grows from where it was to the edge', () => {
    expect(moved(stateOf(text), selectDocumentEdge('start', true)).selected).toBe('年度工作总结\n甲\n正文')
    expect(moved(stateOf(text), selectDocumentEdge('end', true)).selected).toBe('甲。\n乙\n正文乙。')
  })
})
