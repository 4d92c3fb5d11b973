import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from 'docx'
import type { Node } from 'prosemirror-model'
import { commentIdsIn, commentThreads, type CommentAuthor, type CommentThread } from '@zongjie/model'
import { wordAuthor, wordInitials } from './authors.ts'
import { wordDate } from './revisions.ts'
import { wordText } from './xml-chars.ts'

/** A comment's or reply's author as Word shows it: see `wordAuthor` and `wordInitials`. */
function byline(author: CommentAuthor): { author: string; initials: string } {
  return { author: wordAuthor(author), initials: wordInitials(author) }
}

/**
 * A comment's time as Word writes `w:date`: in UTC, without fractions of a second
 * (`2024-07-08T01:30:00Z`, see `wordDate`). The docx library writes the date it is given with
 * `toISOString`, which keeps milliseconds; this date gives Word's form instead.
 */
function commentDate(time: string): Date {
  const date = new Date(time)
  date.toISOString = () => wordDate(time)
  return date
}

/**
 * The document's comments (批注) as Word comments: where each thread's text starts and ends
 * (`w:commentRangeStart` / `w:commentRangeEnd`, then the reference run that shows the comment's
 * mark), and the comments themselves (`word/comments.xml`: author with their role, initials, date
 * in UTC to the second, text; each reply a comment whose parent is the thread's, resolved threads
 * marked done, as Word, WPS and LibreOffice show them). A thread whose text was deleted (detached) has no place in the text and
 * is not written; it stays in the embedded Summary JSON.
 *
 * Textblocks are written in document order, each through {@link enter} and {@link inline}: a
 * thread's range opens at the first text that carries it and closes after the last textblock that
 * does, so a comment over several paragraphs is one Word comment.
 */
export class CommentRanges {
  /** The Word ids of each written thread: the thread's, then its replies'. */
  private readonly ids = new Map<string, number[]>()
  /** The last textblock that carries each thread. */
  private readonly lastBlock = new Map<string, Node>()
  private readonly threads: CommentThread[] = []
  private readonly open = new Set<string>()
  private readonly done = new Set<string>()
  private block: Node | null = null
  /** The first Word id after those of the comments (tracked changes take theirs from it: ids are unique across both). */
  readonly nextId: number

  constructor(doc: Node) {
    let next = 0
    for (const at of commentThreads(doc)) {
      if (at.detached) continue
      this.threads.push(at.thread)
      this.ids.set(at.thread.id, [next++, ...at.thread.replies.map(() => next++)])
    }
    this.nextId = next
    if (!this.threads.length) return
    doc.descendants((node) => {
      if (!node.inlineContent) return true
      node.forEach((child) => {
        for (const id of commentIdsIn(child.marks) ?? []) if (this.ids.has(id)) this.lastBlock.set(id, node)
      })
      return false
    })
  }

  /** Whether the document has comments to write. */
  get any(): boolean {
    return this.threads.length > 0
  }

  /** A textblock's inline content begins. */
  enter(block: Node): void {
    this.block = block
  }

  /**
   * The range markers to write before an inline node with these marks: a thread that starts here
   * opens; one that stopped before it closes, when this textblock is the last that carries it.
   */
  before(marks: Node['marks']): ParagraphChild[] {
    if (!this.threads.length) return []
    const here = (commentIdsIn(marks) ?? []).filter((id) => this.ids.has(id) && !this.done.has(id))
    const out: ParagraphChild[] = []
    for (const id of [...this.open]) if (!here.includes(id) && this.lastBlock.get(id) === this.block) out.push(...this.close(id))
    for (const id of here) {
      if (this.open.has(id)) continue
      this.open.add(id)
      for (const n of this.ids.get(id)!) out.push(new CommentRangeStart(n))
    }
    return out
  }

  /** The range markers at the end of a textblock: the threads whose last textblock it is close. */
  leave(): ParagraphChild[] {
    const out: ParagraphChild[] = []
    for (const id of [...this.open]) if (this.lastBlock.get(id) === this.block) out.push(...this.close(id))
    this.block = null
    return out
  }

  private close(id: string): ParagraphChild[] {
    this.open.delete(id)
    this.done.add(id)
    return this.ids.get(id)!.flatMap((n) => [new CommentRangeEnd(n), new TextRun({ children: [new CommentReference(n)] })])
  }

  /** The comments of `word/comments.xml`: each thread, then its replies as comments answering it. */
  comments(): ICommentOptions[] {
    return this.threads.flatMap((thread) => {
      const [id, ...replyIds] = this.ids.get(thread.id)!
      const text = (t: string) => wordText(t).split('\n').map((line) => new Paragraph({ children: [new TextRun(line)] }))
      return [
        { id: id!, ...byline(thread.author), date: commentDate(thread.time), children: text(thread.text), resolved: thread.resolved },
        ...thread.replies.map((reply, i) => ({ id: replyIds[i]!, parentId: id!, ...byline(reply.author), date: commentDate(reply.time), children: text(reply.text) })),
      ]
    })
  }
}
