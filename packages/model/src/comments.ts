import type { Mark, Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { schema, displayText, type CommentThread } from './schema.ts'

/** The comment threads of a document (批注), in the order they were made: its `comments` attribute. */
export function threadsOf(doc: Node): readonly CommentThread[] {
  return doc.attrs.comments as readonly CommentThread[]
}

/** The ids of the `comment` marks in a set of marks, in the set's order; null when there are none. */
export function commentIdsIn(marks: readonly Mark[]): string[] | null {
  let ids: string[] | null = null
  for (const mark of marks) if (mark.type.name === 'comment') (ids ??= []).push(mark.attrs.id as string)
  return ids
}

/**
 * Where a comment thread is in a document, as {@link commentThreads} lists it. A thread is
 * anchored where text carries `comment` marks of its id: one stretch as a comment is made, or
 * several (a comment across paragraphs, text copied and pasted, a paragraph split inside it).
 */
export interface CommentThreadAt {
  /** The thread, as kept in the document's `comments`. */
  thread: CommentThread
  /** Where the first stretch of text carrying the thread's marks starts, or null when none does. */
  from: number | null
  /** Where the last such stretch ends (text without the marks may lie between), or null. */
  to: number | null
  /**
   * The text of every stretch as displayed now (fields as their text), in reading order: the
   * stretches of one textblock joined by `…` where text lies between them, each textblock's on a
   * line of its own, as a comment's `quote` keeps it; `""` when detached.
   */
  anchorText: string
  /** Whether no text carries the thread's marks any more (its text was deleted): the thread stands on its `quote`. */
  detached: boolean
}

/** Where a comment's stretches are being gathered: from the first start to the last end, their text, and the textblock the last is in. */
interface Stretches {
  from: number
  to: number
  text: string
  block: number
}

/** The stretches of text carrying each comment id, in a document (see {@link CommentThreadAt}). */
function commentStretches(doc: Node): Map<string, Stretches> {
  const found = new Map<string, Stretches>()
  doc.descendants((node, pos) => {
    if (!node.inlineContent) return true
    node.forEach((child, offset) => {
      const ids = commentIdsIn(child.marks)
      if (!ids) return
      const start = pos + 1 + offset
      const shown = displayText(child)
      for (const id of ids) {
        const s = found.get(id)
        if (!s) found.set(id, { from: start, to: start + child.nodeSize, text: shown, block: pos })
        else {
          s.text += s.block !== pos ? '\n' + shown : s.to === start ? shown : '…' + shown
          s.to = start + child.nodeSize
          s.block = pos
        }
      }
    })
    return false
  })
  return found
}

/**
 * The comment threads of a document in reading order, for a comment panel: each anchored thread
 * by where its first stretch of text starts (threads made on the same text in the order they were
 * made), then the detached threads (their text deleted) in the order they were made. No thread
 * is ever left out: a thread lives in the document's `comments` until it is deleted, whatever
 * happens to its text.
 */
export function commentThreads(doc: Node): CommentThreadAt[] {
  const threads = threadsOf(doc)
  if (!threads.length) return []
  const stretches = commentStretches(doc)
  const anchored: CommentThreadAt[] = []
  const detached: CommentThreadAt[] = []
  for (const thread of threads) {
    const s = stretches.get(thread.id)
    if (s) anchored.push({ thread, from: s.from, to: s.to, anchorText: s.text, detached: false })
    else detached.push({ thread, from: null, to: null, anchorText: '', detached: true })
  }
  anchored.sort((a, b) => a.from! - b.from!)
  return [...anchored, ...detached]
}

/**
 * The text of a range as a comment's `quote` keeps it: each textblock's part as displayed (fields
 * as their text, no section numbers or ordinals, which change as the summary is edited), one line
 * each.
 */
export function quoteBetween(doc: Node, from: number, to: number): string {
  const lines: string[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock) return true
    const start = Math.max(from, pos + 1) - pos - 1
    const end = Math.min(to, pos + 1 + node.content.size) - pos - 1
    if (end > start) lines.push(displayText(node.cut(start, end)))
    return false
  })
  return lines.join('\n')
}

/**
 * A document without the comment marks whose id `drop` says: the document itself when it has
 * none. Its threads are left as they are.
 */
export function withoutCommentMarks(doc: Node, drop: (id: string) => boolean): Node {
  const ids = commentIdsToDrop(doc, drop, null)
  if (!ids) return doc
  const tr = new Transform(doc)
  for (const id of ids) tr.removeMark(0, doc.content.size, schema.marks.comment!.create({ id }))
  return tr.doc
}

/**
 * The ids of the comment marks inside `node` that `drop` says, in document order, added to `ids`
 * (made at the first): null when there are none. A plain walk, without positions: every export
 * asks this, mostly of documents that have none.
 */
function commentIdsToDrop(node: Node, drop: (id: string) => boolean, ids: Set<string> | null): Set<string> | null {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    for (const mark of child.marks) if (mark.type.name === 'comment' && drop(mark.attrs.id as string)) (ids ??= new Set()).add(mark.attrs.id as string)
    ids = commentIdsToDrop(child, drop, ids)
  }
  return ids
}
