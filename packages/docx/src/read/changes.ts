import type { CommentAuthor, Suggestion } from '@zongjie/model'
import { timeOf } from './comments.ts'
import { localName, type WordNames, type XmlNode } from './xml.ts'

/**
 * Tracked changes (修订) of a Word file as the model's suggestions: `w:ins` and `w:moveTo` are
 * insertions, `w:del` and `w:moveFrom` deletions, each with its author (`w:author`) and time.
 *
 * Word writes a change element per run, each with its own `w:id`, even for one stretch typed at
 * once; and ids must be unique across the document. So a suggestion is not a Word id but a
 * stretch of changes read one after the other with nothing unchanged between them (paragraph
 * boundaries aside, so that a paragraph or section inserted whole is one suggestion), of one
 * kind, author and date, as LibreOffice joins them into one change: it takes the model id `w` +
 * the `w:id` of its first element (unique: `-2` … added when a file repeats ids). Where such a
 * stretch goes on into a paragraph that the import does not take as part of one block inserted
 * whole, the import gives the rest its own id (`w3.2`, see `importParagraphs`). A `w:del` inside
 * a `w:ins`, as Word writes one reviewer's deletion of words another inserted, is text of both
 * suggestions: the insertion's and the deletion's, each a stretch of its own (an insertion goes
 * on through the part of it another deleted). Text in a `w:ins` inside a `w:del` is left out.
 */

/** The change the text being read is part of. */
export interface ChangeContext {
  kind: 'insert' | 'delete'
  /** The element's `w:id`. */
  wordId: string | null
  /** The author's name, never empty (`佚名` when the file names none). */
  author: string
  /** The raw date (`w16du:dateUtc`, else `w:date`), or null. */
  date: string | null
  /** For a deletion inside an insertion (one reviewer deleting what another inserted): that insertion. */
  inside: ChangeContext | null
  /** Text inside a deletion that is inside an insertion (a `w:ins` in a `w:del`): read as no text at all. */
  dropped: boolean
}

/** A suggestion that text read goes to, and whether it inserts or deletes it. */
export interface ChangeOf {
  id: string
  kind: 'insert' | 'delete'
}

/** A suggestion being gathered: its author and date as the file has them. */
interface Gathered {
  kind: 'insert' | 'delete'
  author: string
  date: string | null
}

/** The name of an author as the model keeps it: one line, no control characters, never empty. */
export function authorName(name: string | null): string {
  return (name ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim() || '佚名'
}

/**
 * An author of a Word file in the model: the name is all the file says, so it is the id too (as for
 * comments); a role in full-width brackets after it, as the export writes one (`张三（办公室）`), is
 * the author's role.
 */
export function wordAuthor(name: string): CommentAuthor {
  const withRole = /^(.+?)（([^（）]+)）$/.exec(name)
  return withRole ? { id: name, name: withRole[1]!, role: withRole[2]! } : { id: name, name }
}

/**
 * The date of a change: Word 365 writes the true UTC time in `w16du:dateUtc` beside `w:date`,
 * which it writes in the local time of the writer with a `Z`; the first when present.
 */
function dateOf(w: WordNames, element: XmlNode): string | null {
  const attrs = element.attributes
  if (attrs) {
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!
      if (localName(a.name) === 'dateUtc' && a.value) return a.value
    }
  }
  return w.attr(element, 'date')
}

/** The tracked changes of a document as they are read: what each change element is, and which suggestion its text goes to. */
export class TrackedChanges {
  private readonly gathered = new Map<string, Gathered>()
  /** The suggestion of each kind the last text read went to, while no text without a change of that kind has followed it. */
  private readonly last: Record<'insert' | 'delete', (Gathered & { id: string }) | null> = { insert: null, delete: null }

  constructor(private readonly w: WordNames) {}

  /** The context of the text inside a change element (`ins`, `moveTo`, `del`, `moveFrom`), within `outer`. */
  enter(element: XmlNode, local: string, outer: ChangeContext | null): ChangeContext {
    const kind = local === 'ins' || local === 'moveTo' ? 'insert' : 'delete'
    // A deletion inside an insertion (or inside such a deletion): text of both.
    const inside = outer === null || outer.dropped ? null : outer.kind === 'insert' ? (kind === 'delete' ? outer : null) : outer.inside
    return {
      kind,
      wordId: this.w.attr(element, 'id'),
      author: authorName(this.w.attr(element, 'author')),
      date: dateOf(this.w, element),
      inside,
      dropped: outer !== null && (outer.dropped || (outer.kind === 'delete' && kind === 'insert')),
    }
  }

  /**
   * The suggestions text read in `change` goes to: its insertion, its deletion, or both (a deletion
   * inside an insertion); none for unchanged text. Text without a change of a kind ends the stretch
   * of that kind before it.
   */
  idsFor(change: ChangeContext | null): ChangeOf[] {
    const out: ChangeOf[] = []
    for (const kind of ['insert', 'delete'] as const) {
      const part = change === null ? null : change.kind === kind ? change : change.inside?.kind === kind ? change.inside : null
      if (part === null) this.last[kind] = null
      else out.push({ id: this.idOf(part), kind })
    }
    return out
  }

  /** The suggestion id for text read in `change`: the stretch of its kind going on, or a new one. */
  private idOf(change: ChangeContext): string {
    const last = this.last[change.kind]
    if (last && last.author === change.author && last.date === change.date) return last.id
    const base = 'w' + (change.wordId ?? '').replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 56)
    let id = base
    for (let n = 2; this.gathered.has(id); n++) id = `${base}-${n}`
    const entry = { kind: change.kind, author: change.author, date: change.date }
    this.gathered.set(id, entry)
    this.last[change.kind] = { ...entry, id }
    return id
  }

  /**
   * The suggestions, by id: author, time (the change's date as an ISO time in UTC, see
   * `commentTimePattern`; `now` when the file gives none or one that cannot be read, as for
   * comments) and kind (`insert` or `delete`, which the import corrects from the marks it makes).
   */
  suggestions(now: string): Map<string, Suggestion> {
    const out = new Map<string, Suggestion>()
    for (const [id, g] of this.gathered) out.set(id, { id, author: wordAuthor(g.author), time: timeOf(g.date, now), kind: g.kind })
    return out
  }
}
