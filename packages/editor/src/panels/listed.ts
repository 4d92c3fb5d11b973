import type { ReactiveControllerHost } from 'lit'
import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { after, type Pending } from '../zongjie-editor/later.ts'

/** How long the text must rest after a change before a review panel's list is found again. */
const refreshDelay = 150

/**
 * The list a review panel shows (comment threads, suggestions), found from the document when it
 * is shown and kept until the document changes: at once when the document's attribute the list
 * comes from changes (a thread or a suggestion added, settled …) or a document is loaded, once the
 * text rests after any other change (the list's places and quotes follow the text).
 */
export class ListedFrom<T> {
  private items: T[] | null = null
  private refresh: Pending | null = null

  /**
   * @param host the element, rendered again when the list is to be found again
   * @param attribute the document attribute the list comes from (`comments`, `suggestions`)
   * @param find the list of a document
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly attribute: string,
    private readonly find: (doc: Node) => T[],
  ) {}

  /** The list for `doc` (none without one), found again only after a change. */
  of(doc: Node | undefined): T[] {
    return (this.items ??= doc ? this.find(doc) : [])
  }

  /** A transaction was applied (or, without one, a document loaded); gives whether the list is found again at once. */
  changed(tr?: Transaction): boolean {
    if (!tr || (tr.docChanged && tr.doc.attrs[this.attribute] !== tr.before.attrs[this.attribute])) {
      this.cancel()
      this.items = null
      this.host.requestUpdate()
      return true
    }
    if (tr.docChanged && this.items?.length && !this.refresh) {
      this.refresh = after(refreshDelay, () => {
        this.refresh = null
        this.items = null
        this.host.requestUpdate()
      })
    }
    return false
  }

  /** Cancels a pending refresh (the element left the page). */
  cancel(): void {
    this.refresh?.cancel()
    this.refresh = null
  }
}
