import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import { history, undo, redo, undoDepth } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import { importText, toSummary, fromSummary, schema, type CommentThread } from '@zongjie/model'
import {
  addComment,
  replyToComment,
  setCommentResolved,
  editComment,
  deleteReply,
  deleteComment,
  commentThreads,
  moveSectionDown,
  moveSectionUp,
  demoteSection,
  splitHeading,
  joinHeading,
  type NewComment,
} from '../src/index.ts'
import { rangeOf } from './ranges.ts'

const text = ['2024年上半年工作总结', '', '上半年，我们坚持以党建为引领。', '一、强化政治引领', '全面学习理论，开展轮训。', '二、夯实基层基础', '按期换届。', ''].join('\n')


/** A state with the history, the selection over `needle` (or the cursor at its start). */
function stateAt(doc: Node, needle: string, cursor = false): EditorState {
  const state = EditorState.create({ doc, plugins: [history()] })
  const { from, to } = rangeOf(doc, needle)
  return state.apply(state.tr.setSelection(TextSelection.create(doc, from, cursor ? from : to)))
}

/** Runs a command that must apply; the check-only call must agree and change nothing. */
function apply(state: EditorState, command: Command): EditorState {
  expect(command(state)).toBe(true)
  let next: EditorState | null = null
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  next!.doc.check()
  return next!
}

/** Runs the last step of the history back (or forward). */
function step(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

/** Applies a transaction built on a state. */
const edit = (state: EditorState, build: (tr: EditorState['tr']) => unknown) => {
  const tr = state.tr
  build(tr)
  return state.apply(tr)
}

const author = { id: 'u1', name: '张三', role: '科长' }
const comment = (id: string, extra: Partial<NewComment> = {}): NewComment => ({ id, author, time: '2024-07-08T09:30:00+08:00', text: '请核实', ...extra })
const threads = (state: EditorState) => state.doc.attrs.comments as CommentThread[]
const anchors = (state: EditorState) => commentThreads(state.doc).map((t) => [t.thread.id, t.detached ? null : t.anchorText])

/** Summary JSON gives the document back exactly. */
const expectSummaryExact = (doc: Node) => expect(fromSummary(JSON.parse(JSON.stringify(toSummary(doc)))).eq(doc)).toBe(true)

const start = importText(text).doc

describe('addComment', () => {
  it('marks the selection and adds the thread with its quote, in one step that undo takes back', () => {
    const state = stateAt(start, '学习理论')
    const after = apply(state, addComment(comment('c1')))
    expect(threads(after)).toEqual([{ id: 'c1', author, time: '2024-07-08T09:30:00+08:00', text: '请核实', replies: [], resolved: false, quote: '学习理论', scope: 'text' }])
    expect(anchors(after)).toEqual([['c1', '学习理论']])
    expect(undoDepth(after)).toBe(1)
    const undone = step(after, undo)
    expect(undone.doc.eq(start)).toBe(true)
    expect(step(undone, redo).doc.eq(after.doc)).toBe(true)
    expectSummaryExact(after.doc)
  })

  it('overlaps an earlier comment', () => {
    let state = apply(stateAt(start, '学习理论'), addComment(comment('c1')))
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, rangeOf(state.doc, '理论，开展').from, rangeOf(state.doc, '理论，开展').to)))
    state = apply(state, addComment(comment('c2', { author: { id: 'u2', name: '李四' } })))
    expect(anchors(state)).toEqual([
      ['c1', '学习理论'],
      ['c2', '理论，开展'],
    ])
    const both = state.doc.nodeAt(rangeOf(state.doc, '理论').from)!.marks.map((m) => m.attrs.id)
    expect(both).toEqual(['c1', 'c2'])
    expect(threads(state)[1]!.author).toEqual({ id: 'u2', name: '李四' })
    expectSummaryExact(state.doc)
  })

  it('with scope section, marks the heading of the section the cursor is in', () => {
    const state = apply(stateAt(start, '开展轮训', true), addComment(comment('s1', { scope: 'section' })))
    expect(threads(state)[0]).toMatchObject({ scope: 'section', quote: '强化政治引领' })
    expect(anchors(state)).toEqual([['s1', '强化政治引领']])
    expect(toSummary(state.doc).sections[0]!.titleRuns).toEqual([{ text: '强化政治引领', comments: ['s1'] }])
  })

  it('does not apply to an empty selection, outside a section for scope section, or to an id in use', () => {
    expect(addComment(comment('c1'))(stateAt(start, '学习', true))).toBe(false)
    expect(addComment(comment('s1', { scope: 'section' }))(stateAt(start, '坚持', true))).toBe(false)
    const state = apply(stateAt(start, '学习理论'), addComment(comment('c1')))
    expect(addComment(comment('c1'))(state)).toBe(false)
  })

  it('does not apply to a section with an empty heading', () => {
    const heading = rangeOf(start, '强化政治引领')
    const state = EditorState.create({ doc: start })
    const emptiedDoc = state.apply(state.tr.delete(heading.from, heading.to)).doc
    expect(emptiedDoc.child(2).firstChild!.content.size).toBe(0)
    expect(addComment(comment('s1', { scope: 'section' }))(stateAt(emptiedDoc, '全面', true))).toBe(false)
  })

  it('throws a RangeError that names the field of a malformed thread', () => {
    const state = stateAt(start, '学习理论')
    expect(() => addComment(comment('c1', { time: '2024-07-08 09:30' }))(state)).toThrow(/addComment: comments\[0\]\.time/)
    expect(() => addComment(comment('c1', { author: { id: 'u1', name: '' } }))(state)).toThrow(/comments\[0\]\.author\.name/)
    expect(() => addComment(comment('坏 id'))(state)).toThrow(/comments\[0\]\.id/)
  })

  it('keeps no role key for an author without one', () => {
    const state = apply(stateAt(start, '学习理论'), addComment(comment('c1', { author: { id: 'u1', name: '张三', role: undefined } })))
    expect(Object.keys(threads(state)[0]!.author)).toEqual(['id', 'name'])
    expectSummaryExact(state.doc)
  })
})

describe('replies, resolving, editing and deleting', () => {
  const commented = apply(stateAt(start, '学习理论'), addComment(comment('c1')))
  const reply = { id: 'r1', author: { id: 'u2', name: '李四' }, time: '2024-07-08T10:00:00+08:00', text: '已核实' }

  it('replyToComment adds a reply after the others, undone as one step', () => {
    const state = apply(commented, replyToComment('c1', reply))
    expect(threads(state)[0]!.replies).toEqual([reply])
    const two = apply(state, replyToComment('c1', { ...reply, id: 'r2', text: '补充' }))
    expect(threads(two)[0]!.replies.map((r) => r.id)).toEqual(['r1', 'r2'])
    expect(replyToComment('c1', reply)(two)).toBe(false)
    expect(replyToComment('nope', { ...reply, id: 'r9' })(two)).toBe(false)
    expect(() => replyToComment('c1', { ...reply, id: 'r3', time: 'now' })(two)).toThrow(/replies\[2\]\.time/)
    expect(threads(step(two, undo))[0]!.replies).toEqual([reply])
    expectSummaryExact(two.doc)
  })

  it('setCommentResolved resolves and reopens, and does not apply when nothing changes', () => {
    const resolved = apply(commented, setCommentResolved('c1', true))
    expect(threads(resolved)[0]!.resolved).toBe(true)
    expect(setCommentResolved('c1', true)(resolved)).toBe(false)
    expect(setCommentResolved('nope', true)(resolved)).toBe(false)
    expect(threads(apply(resolved, setCommentResolved('c1', false)))[0]!.resolved).toBe(false)
    expect(threads(step(resolved, undo))[0]!.resolved).toBe(false)
    expect(toSummary(resolved.doc).comments![0]!.resolved).toBe(true)
  })

  it('editComment changes the text of a thread or a reply', () => {
    const withReply = apply(commented, replyToComment('c1', reply))
    const edited = apply(withReply, editComment('c1', '请再核实\n第二行'))
    expect(threads(edited)[0]!.text).toBe('请再核实\n第二行')
    expect(editComment('c1', '请再核实\n第二行')(edited)).toBe(false)
    const replyEdited = apply(edited, editComment('c1', '已改', 'r1'))
    expect(threads(replyEdited)[0]!.replies[0]!.text).toBe('已改')
    expect(editComment('c1', 'x', 'r9')(replyEdited)).toBe(false)
    expectSummaryExact(replyEdited.doc)
  })

  it('deleteReply removes a reply', () => {
    const withReply = apply(commented, replyToComment('c1', reply))
    expect(threads(apply(withReply, deleteReply('c1', 'r1')))[0]!.replies).toEqual([])
    expect(deleteReply('c1', 'r9')(withReply)).toBe(false)
  })

  it('deleteComment removes the thread and its marks in one step; undo brings both back', () => {
    const deleted = apply(commented, deleteComment('c1'))
    expect(deleted.doc.eq(start)).toBe(true)
    expect(deleteComment('c1')(deleted)).toBe(false)
    const back = step(deleted, undo)
    expect(back.doc.eq(commented.doc)).toBe(true)
    expect(anchors(back)).toEqual([['c1', '学习理论']])
  })

  it('deleteComment also clears marks left without a thread', () => {
    const stray = commented.doc.type.create({ ...commented.doc.attrs, comments: [] }, commented.doc.content)
    const state = apply(EditorState.create({ doc: stray }), deleteComment('c1'))
    expect(state.doc.eq(start)).toBe(true)
  })
})

describe('the anchor through editing', () => {
  /** A comment on 学习理论 in 全面学习理论，开展轮训。 */
  const commented = apply(stateAt(start, '学习理论'), addComment(comment('c1')))
  const at = (state: EditorState, needle: string) => rangeOf(state.doc, needle)

  it('grows when typing inside, not when typing at either edge', () => {
    const inside = edit(commented, (tr) => tr.insertText('党的', at(commented, '理论').from))
    expect(anchors(inside)).toEqual([['c1', '学习党的理论']])
    const after = edit(commented, (tr) => tr.insertText('知识', at(commented, '学习理论').to))
    expect(anchors(after)).toEqual([['c1', '学习理论']])
    const before = edit(commented, (tr) => tr.insertText('认真', at(commented, '学习理论').from))
    expect(anchors(before)).toEqual([['c1', '学习理论']])
    expectSummaryExact(inside.doc)
  })

  it('does not grow when typing at the start of a paragraph it starts', () => {
    let state = stateAt(start, '全面学习')
    state = apply(state, addComment(comment('c2')))
    const typed = edit(state, (tr) => tr.insertText('一要', at(state, '全面学习').from))
    expect(anchors(typed)).toEqual([['c2', '全面学习']])
  })

  it('survives Enter inside it (two stretches, both quoted, a line each) and Backspace joining them again', () => {
    const split = edit(commented, (tr) => tr.split(at(commented, '理论').from))
    expect(anchors(split)).toEqual([['c1', '学习\n理论']])
    expect(split.doc.nodeAt(at(split, '理论').from)!.marks.map((m) => m.attrs.id)).toEqual(['c1'])
    expectSummaryExact(split.doc)
    const joined = edit(split, (tr) => tr.join(at(split, '理论').from - 1))
    expect(joined.doc.eq(commented.doc)).toBe(true)
    expect(anchors(joined)).toEqual([['c1', '学习理论']])
  })

  it('survives Enter and Backspace in a commented heading (splitHeading, joinHeading)', () => {
    const sectionComment = apply(stateAt(start, '开展', true), addComment(comment('s1', { scope: 'section' })))
    let state = sectionComment.apply(sectionComment.tr.setSelection(TextSelection.create(sectionComment.doc, at(sectionComment, '政治').from)))
    state = apply(state, splitHeading)
    expect(anchors(state)).toEqual([['s1', '强化\n政治引领']])
    expect(toSummary(state.doc).sections[0]!.body[0]).toMatchObject({ text: '政治引领', runs: [{ text: '政治引领', comments: ['s1'] }] })
    state = apply(state, joinHeading)
    expect(state.doc.eq(sectionComment.doc)).toBe(true)
    expect(anchors(state)).toEqual([['s1', '强化政治引领']])
  })

  it('survives undo and redo of typing', () => {
    let state = edit(commented, (tr) => tr.insertText('党的', at(commented, '理论').from))
    state = step(state, undo)
    expect(state.doc.eq(commented.doc)).toBe(true)
    expect(anchors(state)).toEqual([['c1', '学习理论']])
    state = step(state, redo)
    expect(anchors(state)).toEqual([['c1', '学习党的理论']])
    // Undo twice: the typing, then the comment itself.
    state = step(step(state, undo), undo)
    expect(state.doc.eq(start)).toBe(true)
    expect(anchors(state)).toEqual([])
  })

  it('goes with its section when the section moves down or up, or is demoted', () => {
    const cursorIn = (state: EditorState) => state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(state, '开展').from)))
    const other = apply(stateAt(commented.doc, '按期换届'), addComment(comment('c2')))
    const down = apply(cursorIn(other), moveSectionDown)
    expect(toSummary(down.doc).sections.map((s) => s.title)).toEqual(['夯实基层基础', '强化政治引领'])
    // Reading order follows the text: the comment on 按期换届 now comes first.
    expect(anchors(down)).toEqual([
      ['c2', '按期换届'],
      ['c1', '学习理论'],
    ])
    expect(toSummary(down.doc).comments!.map((t) => t.anchor!.path)).toEqual(['$.sections[1].body[0].runs[1]', '$.sections[0].body[0].runs[0]'])
    expectSummaryExact(down.doc)
    const up = apply(cursorIn(down), moveSectionUp)
    expect(up.doc.eq(other.doc)).toBe(true)
    // 二、夯实基层基础 demoted under 一、: it becomes （一）.
    const d = apply(other.apply(other.tr.setSelection(TextSelection.create(other.doc, at(other, '按期').from))), demoteSection)
    expect(toSummary(d.doc).sections[0]!.sections.map((s) => [s.number, s.title])).toEqual([['（一）', '夯实基层基础']])
    expect(anchors(d)).toEqual([
      ['c1', '学习理论'],
      ['c2', '按期换届'],
    ])
    expectSummaryExact(d.doc)
  })

  it('leaves the thread detached when its whole text is deleted, and anchored again on undo', () => {
    const { from, to } = at(commented, '学习理论')
    const deleted = edit(commented, (tr) => tr.delete(from, to))
    expect(threads(deleted)).toEqual(threads(commented))
    expect(commentThreads(deleted.doc)).toEqual([{ thread: threads(commented)[0], from: null, to: null, anchorText: '', detached: true }])
    const json = toSummary(deleted.doc)
    expect(json.comments![0]).toMatchObject({ id: 'c1', quote: '学习理论', detached: true })
    expect(json.comments![0]!.anchor).toBeUndefined()
    expectSummaryExact(deleted.doc)
    expect(anchors(step(deleted, undo))).toEqual([['c1', '学习理论']])
  })

  it('is kept by a copy pasted elsewhere: the thread runs from the first stretch to the last, quoting both', () => {
    const { from, to } = at(commented, '学习理论')
    const pasted = edit(commented, (tr) => tr.replace(at(commented, '坚持').from, at(commented, '坚持').from, commented.doc.slice(from, to)))
    expect(commentThreads(pasted.doc)[0]).toMatchObject({ anchorText: '学习理论\n学习理论', detached: false })
    expect(commentThreads(pasted.doc)[0]!.from).toBe(at(pasted, '学习理论坚持').from)
    expect(commentThreads(pasted.doc)[0]!.to).toBe(rangeOf(pasted.doc, '学习理论', 1).to)
    expectSummaryExact(pasted.doc)
    expect(schema.marks.comment!.create({ id: 'c1' }).isInSet(pasted.doc.nodeAt(rangeOf(pasted.doc, '学习理论', 1).from)!.marks)).toBe(true)
  })
})
