/**
 * Review comments (批注): adding a comment on the selection or on a section, replying, resolving,
 * editing and deleting. A thread lives in the document's `comments` attribute (so Summary JSON,
 * HTML and Word files carry it), and its text carries `comment` marks of its id.
 *
 * Every change to a thread is a step of the document and is in the undo history, replies and
 * resolving included. The threads are one attribute, and undoing a step sets the attribute back
 * to what it was before that step: were some changes kept out of the history, undoing an earlier
 * change (adding another comment) would silently take them back as well. In the history, Ctrl-Z
 * takes back exactly the last change, whatever it was.
 */
import { closeHistory } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import type { Command, EditorState } from 'prosemirror-state'
import { schema, commentThreadsProblem, quoteBetween, type CommentAuthor, type CommentReply, type CommentScope, type CommentThread } from '@zongjie/model'
import { sectionsAround } from './sections.ts'

export { commentThreads } from '@zongjie/model'
export type { CommentThreadAt } from '@zongjie/model'

/**
 * A new comment thread, as {@link addComment} takes it: the thread without what the command fills
 * in (the quote, no replies, not resolved). `scope` is `'text'` (the selection) by default.
 */
export type NewComment = Omit<CommentThread, 'quote' | 'replies' | 'resolved' | 'scope'> & { scope?: CommentScope }

function threadsIn(state: EditorState): readonly CommentThread[] {
  return state.doc.attrs.comments as readonly CommentThread[]
}

/** An author with exactly the fields the document keeps (no `role: undefined`). */
function authorOf(a: CommentAuthor): CommentAuthor {
  return a.role === undefined ? { id: a.id, name: a.name } : { id: a.id, name: a.name, role: a.role }
}

/**
 * Checks threads as the document does, before a command sets them: a thread or reply given wrong
 * (a time that is not ISO 8601, an empty author name) throws a RangeError that names the field,
 * on the check-only call too, so that a panel finds out before the writer acts.
 */
function checkThreads(threads: readonly CommentThread[], command: string): void {
  const problem = commentThreadsProblem(threads)
  if (problem) throw new RangeError(`${command}: comments${problem.path}: ${problem.problem}`)
}

/** Whether a range holds inline content, which a comment mark can go on. */
function hasInline(doc: Node, from: number, to: number): boolean {
  let found = false
  doc.nodesBetween(from, to, (node) => {
    if (found) return false
    if (node.isInline) found = true
    return !found
  })
  return found
}

/** Where a comment goes: the selection, or the heading text of the section the cursor is in. */
function commentRange(state: EditorState, scope: CommentScope): { from: number; to: number } | null {
  if (scope === 'section') {
    const around = sectionsAround(state.selection.$from)
    const here = around[around.length - 1]
    if (!here) return null
    const heading = here.node.firstChild!
    const from = here.pos + 2
    return heading.content.size > 0 ? { from, to: from + heading.content.size } : null
  }
  const { from, to } = state.selection
  return from < to && hasInline(state.doc, from, to) ? { from, to } : null
}

/**
 * 添加批注: a new comment thread on the selected text (scope `'text'`), or on the section the
 * cursor is in, its heading and body (scope `'section'`, anchored at the heading's text). One
 * step adds the marks and the thread, with the text commented as its `quote`. Does not apply to
 * an empty selection (or a section with an empty heading) or when a thread of that id exists.
 * Throws a RangeError when the thread is malformed (see `commentThreadsProblem`).
 */
export function addComment(comment: NewComment): Command {
  return (state, dispatch) => {
    const threads = threadsIn(state)
    if (threads.some((t) => t.id === comment.id)) return false
    const scope = comment.scope ?? 'text'
    const range = commentRange(state, scope)
    if (!range) return false
    const thread: CommentThread = {
      id: comment.id,
      author: authorOf(comment.author),
      time: comment.time,
      text: comment.text,
      replies: [],
      resolved: false,
      quote: quoteBetween(state.doc, range.from, range.to),
      scope,
    }
    const next = [...threads, thread]
    checkThreads(next, 'addComment')
    if (dispatch) {
      const tr = state.tr.addMark(range.from, range.to, schema.marks.comment!.create({ id: comment.id }))
      dispatch(closeHistory(tr.setDocAttribute('comments', next)))
    }
    return true
  }
}

/** A command that replaces the thread `id` by what `change` makes of it; false when there is no such thread or `change` gives null. */
function changeThread(id: string, command: string, change: (thread: CommentThread) => CommentThread | null): Command {
  return (state, dispatch) => {
    const threads = threadsIn(state)
    const index = threads.findIndex((t) => t.id === id)
    if (index < 0) return false
    const changed = change(threads[index]!)
    if (!changed) return false
    const next = threads.slice()
    next[index] = changed
    checkThreads(next, command)
    if (dispatch) dispatch(closeHistory(state.tr.setDocAttribute('comments', next)))
    return true
  }
}

/**
 * 回复: adds a reply to the thread `id`, after its other replies. Does not apply when there is
 * no such thread or the reply's id is used in it; throws a RangeError when the reply is malformed.
 */
export function replyToComment(id: string, reply: CommentReply): Command {
  return changeThread(id, 'replyToComment', (t) =>
    t.replies.some((r) => r.id === reply.id) ? null : { ...t, replies: [...t.replies, { id: reply.id, author: authorOf(reply.author), time: reply.time, text: reply.text }] },
  )
}

/** 解决 / 重新打开: marks the thread `id` resolved (已解决) or open again. Does not apply when it already is. */
export function setCommentResolved(id: string, resolved: boolean): Command {
  return changeThread(id, 'setCommentResolved', (t) => (t.resolved === resolved ? null : { ...t, resolved }))
}

/**
 * 修改批注: replaces the text of the thread `id`, or of its reply `replyId`. Does not apply when
 * there is no such thread or reply, or the text is the same.
 */
export function editComment(id: string, text: string, replyId?: string): Command {
  return changeThread(id, 'editComment', (t) => {
    if (replyId === undefined) return t.text === text ? null : { ...t, text }
    const index = t.replies.findIndex((r) => r.id === replyId)
    if (index < 0 || t.replies[index]!.text === text) return null
    const replies = t.replies.slice()
    replies[index] = { ...replies[index]!, text }
    return { ...t, replies }
  })
}

/** 删除回复: removes the reply `replyId` of the thread `id`. Does not apply when there is none. */
export function deleteReply(id: string, replyId: string): Command {
  return changeThread(id, 'deleteReply', (t) => (t.replies.some((r) => r.id === replyId) ? { ...t, replies: t.replies.filter((r) => r.id !== replyId) } : null))
}

/**
 * 删除批注: removes the thread `id` and its marks from the text, in one step. Applies also to
 * marks left without a thread (text pasted from another summary). Does not apply when there is
 * neither.
 */
export function deleteComment(id: string): Command {
  return (state, dispatch) => {
    const threads = threadsIn(state)
    const hasThread = threads.some((t) => t.id === id)
    const mark = schema.marks.comment!.create({ id })
    const size = state.doc.content.size
    const hasMarks = state.doc.rangeHasMark(0, size, mark)
    if (!hasThread && !hasMarks) return false
    if (dispatch) {
      const tr = state.tr
      if (hasMarks) tr.removeMark(0, size, mark)
      if (hasThread) tr.setDocAttribute('comments', threads.filter((t) => t.id !== id))
      dispatch(closeHistory(tr))
    }
    return true
  }
}
