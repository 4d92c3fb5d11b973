import type { Mark, Node } from 'prosemirror-model'
import { displayText, suggestionsOf, type Suggestion } from '@zongjie/model'
import { wordAuthor } from './authors.ts'

/**
 * Suggestions (修订) as Word's tracked changes, as Word writes them: text a suggestion inserts in
 * `<w:ins>` around its runs, text it deletes in `<w:del>` with its text in `w:delText`, each with
 * the suggestion's author's name and role (`w:author`, see `wordAuthor`) and time (`w:date`, see {@link wordDate}). Fields
 * (metrics, blanks) go as the text they display. A whole block inserted or deleted (a block-level
 * mark: a paragraph, a work item, a section) has the runs of each of its paragraphs so, numbers
 * and ordinals included, and its paragraph marks tracked too, so that Word shows, accepts and
 * rejects the whole paragraph; a field whose value a suggestion changed goes as its old text
 * deleted and its new text inserted. Other modifications (a section's kind, level or place, a
 * list's layout: `structure`, `nodeType` and block `attr` changes) are written as the document
 * is now, with no tracked change: Word has no change that says them.
 *
 * Word ids (`w:id`) are one per element and unique in the document, comments included: they
 * count on from the comments' ids ({@link Revisions.nextId}).
 */

/** A tracked change being written: what it does, and the suggestion it is part of. */
export interface WrittenChange {
  kind: 'insert' | 'delete'
  suggestion: Suggestion
}

/** The attributes of one change element: `w:id`, `w:author`, `w:date`. */
export interface ChangeAttributes {
  id: number
  author: string
  date: string
}

/** A suggestion's time as Word's `w:date`: an ISO time in UTC without fraction (`2024-07-08T01:30:00Z`). */
export function wordDate(time: string): string {
  return new Date(time).toISOString().replace(/\.\d+Z$/, 'Z')
}

/** Whether two changes are the same (of one kind, of one suggestion), nulls included. */
export function sameChange(a: WrittenChange | null, b: WrittenChange | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.suggestion.id === b.suggestion.id)
}

/** The suggestions of a document as they are written, and the Word ids of the change elements. */
export class Revisions {
  private readonly entries: Map<string, Suggestion>
  private next: number

  /** `firstId`: the first Word id free after the comments'. */
  constructor(doc: Node, firstId: number) {
    this.entries = new Map(suggestionsOf(doc).map((s) => [s.id, s]))
    this.next = firstId
  }

  /** Whether the document has suggestions to write. */
  get any(): boolean {
    return this.entries.size > 0
  }

  /** The Word id the next change element takes. */
  get nextId(): number {
    return this.next
  }

  /** The change an `insertion` or `deletion` mark among `marks` says, when its suggestion has an entry (a mark with none is written as no change, as Summary JSON leaves it out). */
  of(marks: readonly Mark[]): WrittenChange | null {
    for (const mark of marks) {
      const name = mark.type.name
      if (name !== 'insertion' && name !== 'deletion') continue
      const suggestion = this.entries.get(mark.attrs.id as string)
      if (suggestion) return { kind: name === 'insertion' ? 'insert' : 'delete', suggestion }
    }
    return null
  }

  /**
   * A field (metric, blank) whose value suggestions changed (`modification` marks of type
   * `attr`): the field as it was before them, and the first of them; null when there is none or
   * the field read the same before.
   */
  modified(field: Node): { before: Node; suggestion: Suggestion } | null {
    let suggestion: Suggestion | null = null
    const attrs: Record<string, unknown> = { ...field.attrs }
    for (const mark of field.marks) {
      if (mark.type.name !== 'modification' || mark.attrs.type !== 'attr' || typeof mark.attrs.attrName !== 'string') continue
      const entry = this.entries.get(mark.attrs.id as string)
      if (!entry) continue
      suggestion ??= entry
      attrs[mark.attrs.attrName] = mark.attrs.previousValue
    }
    if (!suggestion) return null
    try {
      const before = field.type.create(attrs)
      return displayText(before) === displayText(field) ? null : { before, suggestion }
    } catch {
      return null
    }
  }

  /** The attributes of a new change element of `change`, with the next Word id. */
  attributes(change: WrittenChange): ChangeAttributes {
    return { id: this.next++, author: wordAuthor(change.suggestion.author), date: wordDate(change.suggestion.time) }
  }
}
