import type { CommentReply, CommentThread } from '@zongjie/model'
import { WordNames, localName, type XmlNode } from './xml.ts'
import { wordAuthor } from './changes.ts'

/** The id in the model of a Word comment's `w:id` (`w3` for `3`): comment ids start with a letter or digit. */
export function wordCommentId(id: string): string {
  return 'w' + id.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 62)
}

/** A comment of `word/comments.xml`, as read. */
interface WordComment {
  id: string
  author: string
  time: string
  text: string
  /** `w14:paraId` of its last paragraph: what `commentsExtended.xml` names it by. */
  paraId: string | null
}

/** A Word date (`2024-07-08T09:30:00Z`, or without a zone as some writers give it) as a comment time; `fallback` when there is none. */
export function timeOf(date: string | null, fallback: string): string {
  if (!date) return fallback
  const parsed = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(date) ? date : date + 'Z')
  return Number.isNaN(parsed.getTime()) ? fallback : parsed.toISOString()
}

/** The text of a comment: its paragraphs' `w:t`, one line each. */
function textOf(w: WordNames, comment: XmlNode): string {
  const lines: string[] = []
  const walk = (node: XmlNode, line: string[]): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      const l = w.local(c)
      if (l === 't') line.push(c.textContent ?? '')
      else if (l === 'tab') line.push(' ')
      else if (l === 'p') {
        const inner: string[] = []
        walk(c, inner)
        lines.push(inner.join(''))
      } else if (l !== 'delText' && l !== 'instrText') walk(c, line)
    }
  }
  walk(comment, [])
  // Word puts the comment's mark (w:annotationRef) in its first paragraph: no text of its own.
  return lines.join('\n').trim()
}

/**
 * The comments (批注) of a Word file as threads of the model, by their ids in the model: each
 * comment of `word/comments.xml` a thread (author, time, text), except those that
 * `commentsExtended.xml` says answer another (`w15:paraIdParent`), which become that thread's
 * replies; `w15:done` marks a thread resolved. A comment with no date takes `now`. The quote is
 * left empty: it is the text the thread is on, known once the document is read.
 */
export function readComments(comments: XmlNode | null, extended: XmlNode | null, now: string): Map<string, CommentThread> {
  const threads = new Map<string, CommentThread>()
  if (!comments) return threads
  const w = new WordNames(comments)
  const read: WordComment[] = []
  for (let c = comments.firstChild; c; c = c.nextSibling) {
    if (w.local(c) !== 'comment') continue
    const id = w.attr(c, 'id')
    if (id === null) continue
    let paraId: string | null = null
    for (let p = c.firstChild; p; p = p.nextSibling) if (w.local(p) === 'p') paraId = p.getAttribute?.('w14:paraId') ?? paraId
    read.push({ id: wordCommentId(id), author: (w.attr(c, 'author') ?? '').trim() || '佚名', time: timeOf(w.attr(c, 'date'), now), text: textOf(w, c), paraId })
  }
  // Replies and resolved threads, from commentsExtended.xml (w15:commentEx, by paragraph id).
  const parentOf = new Map<string, string>()
  const done = new Set<string>()
  for (let e = extended?.firstChild ?? null; e; e = e.nextSibling) {
    if (e.nodeType !== 1 || localName(e.nodeName) !== 'commentEx') continue
    const paraId = e.getAttribute?.('w15:paraId')
    if (!paraId) continue
    const parent = e.getAttribute?.('w15:paraIdParent')
    if (parent) parentOf.set(paraId, parent)
    if (e.getAttribute?.('w15:done') === '1') done.add(paraId)
  }
  const byPara = new Map(read.filter((c) => c.paraId).map((c) => [c.paraId!, c]))
  for (const c of read) {
    const parent = c.paraId ? parentOf.get(c.paraId) : undefined
    if (parent && byPara.has(parent)) continue
    threads.set(c.id, { id: c.id, author: wordAuthor(c.author), time: c.time, text: c.text, replies: [], resolved: c.paraId !== null && done.has(c.paraId), quote: '', scope: 'text' })
  }
  for (const c of read) {
    const parentPara = c.paraId ? parentOf.get(c.paraId) : undefined
    const parent = parentPara ? byPara.get(parentPara) : undefined
    if (!parent) continue
    // A reply to a reply answers the same thread.
    let root = parent
    for (let seen = 0; root.paraId && parentOf.has(root.paraId) && byPara.has(parentOf.get(root.paraId)!) && seen < 100; seen++) root = byPara.get(parentOf.get(root.paraId)!)!
    const reply: CommentReply = { id: c.id, author: wordAuthor(c.author), time: c.time, text: c.text }
    threads.get(root.id)?.replies.push(reply)
  }
  return threads
}

/** The ids (in the model) of the comments that answer another: their ranges are their thread's. */
export function replyIds(threads: Map<string, CommentThread>): Set<string> {
  return new Set([...threads.values()].flatMap((t) => t.replies.map((r) => r.id)))
}
