import type { Mark, Node } from 'prosemirror-model'
import { XmlAttributeComponent, XmlComponent, type DeletedTextRun } from 'docx'
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

/**
 * A tracked change being written: what it does, and the suggestion it is part of; for a deletion
 * of what another suggestion inserts (a reviewer deleting another's suggested words), that
 * insertion (`inserted`), which Word writes around it: a `w:del` inside a `w:ins`.
 */
export interface WrittenChange {
  kind: 'insert' | 'delete'
  suggestion: Suggestion
  inserted?: Suggestion
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

/** Whether two changes are the same (of one kind, of one suggestion, inside the same insertion), nulls included. */
export function sameChange(a: WrittenChange | null, b: WrittenChange | null): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.suggestion.id === b.suggestion.id && a.inserted?.id === b.inserted?.id)
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

  /**
   * The change the `insertion` and `deletion` marks among `marks` say, when their suggestions have
   * entries (a mark with none is written as no change, as Summary JSON leaves it out): a deletion
   * of another suggestion's insertion when there are both.
   */
  of(marks: readonly Mark[]): WrittenChange | null {
    let inserted: Suggestion | undefined
    let deleted: Suggestion | undefined
    for (const mark of marks) {
      const name = mark.type.name
      if (name === 'insertion') inserted ??= this.entries.get(mark.attrs.id as string)
      else if (name === 'deletion') deleted ??= this.entries.get(mark.attrs.id as string)
    }
    if (deleted) return inserted ? { kind: 'delete', suggestion: deleted, inserted } : { kind: 'delete', suggestion: deleted }
    return inserted ? { kind: 'insert', suggestion: inserted } : null
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

  /** The attributes of a new change element of `change` (of its deletion, for one inside an insertion), with the next Word id. */
  attributes(change: WrittenChange): ChangeAttributes {
    return this.attributesOf(change.suggestion)
  }

  /** The attributes of a new change element of the suggestion `s`, with the next Word id. */
  attributesOf(s: Suggestion): ChangeAttributes {
    return { id: this.next++, author: wordAuthor(s.author), date: wordDate(s.time) }
  }
}

/** The attributes of a change element. */
class ChangeXmlAttributes extends XmlAttributeComponent<ChangeAttributes> {
  protected override readonly xmlKeys = { id: 'w:id', author: 'w:author', date: 'w:date' }
}

/** A `w:ins` around a `w:del`: what one suggestion inserts and another deletes, as Word writes it. */
export class InsertionAround extends XmlComponent {
  constructor(attributes: ChangeAttributes, deletion: DeletedTextRun) {
    super('w:ins')
    this.root.push(new ChangeXmlAttributes(attributes))
    this.root.push(deletion)
  }
}
