import * as Y from 'yjs'
import { Node } from 'prosemirror-model'
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import { schema } from '@zongjie/model'
import { attributesOf, sharedContent } from './shared.ts'
import { loggable } from './log.ts'
import { repairOnCopy } from './merge-repair.ts'

/** What a shared document holds: a valid summary, nothing yet (`empty`), or no valid summary (`problem`, fit for the log). */
export interface SharedState {
  empty: boolean
  summary: Node | null
  problem: string | null
}

/**
 * A copy of a shared document kept in step with it (every update of the document is applied to
 * it too), on which a client's update is tried before the document takes it, and the summary it
 * holds, read part by part: each top-level part (title, opening, section …) is read from Yjs and
 * checked against the schema once, and again only when a transaction changes something in it.
 * The same as `summaryOfShared` (each part checked, the parts' sequence and the document's
 * attributes checked), at the cost of the parts an update touches rather than of the whole
 * document. A try the document does not take is undone by dropping the copy: the next try makes
 * it again from the document.
 */
export class SummaryMirror {
  private copy: Y.Doc | null = null
  private parts = new WeakMap<object, Node>()
  private state: SharedState | null = null
  private changed = false
  private readonly follow = (update: Uint8Array) => {
    if (this.copy) Y.applyUpdate(this.copy, update)
  }

  constructor(private readonly document: Y.Doc) {
    document.on('update', this.follow)
    document.once('destroy', () => this.destroy())
  }

  /** Stops following the document and frees the copy. */
  destroy(): void {
    this.document.off('update', this.follow)
    this.drop()
  }

  /** What the document (as the copy has it) holds now. */
  current(): SharedState {
    this.ensure()
    return (this.state ??= this.read())
  }

  /**
   * Applies an update to the copy, leaving the document as it is; returns what the copy holds
   * after it, whether the update changed anything, whether the copy now holds content waiting for
   * updates it has not seen (`pending`), and the names of shared types it created.
   * Throws what Yjs throws on an update it cannot read (the copy is dropped then). Follow with
   * {@link drop} when the document is not to take the update.
   */
  tryUpdate(update: Uint8Array): { changed: boolean; pending: boolean; after: SharedState; newTypes: string[] } {
    const copy = this.ensure()
    const typesBefore = new Set(copy.share.keys())
    this.changed = false
    try {
      Y.applyUpdate(copy, update)
    } catch (e) {
      this.drop()
      throw e
    }
    const newTypes = [...copy.share.keys()].filter((name) => !typesBefore.has(name))
    const pending = copy.store.pendingStructs !== null || copy.store.pendingDs !== null
    return { changed: this.changed, pending, after: this.current(), newTypes }
  }

  /** What `repairMerge` would make of the copy, after a try (see `repairOnCopy`): the copy and the document are left as they are. */
  tryRepair(): ReturnType<typeof repairOnCopy> {
    return repairOnCopy(this.ensure())
  }

  /** Drops the copy (after a refused try): the next use makes it again from the document. */
  drop(): void {
    this.copy?.destroy()
    this.copy = null
    this.parts = new WeakMap()
    this.state = null
  }

  private ensure(): Y.Doc {
    if (this.copy) return this.copy
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.document))
    copy.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return
      this.changed = true
      this.state = null
      for (const type of tr.changedParentTypes.keys()) this.parts.delete(type)
      for (const type of tr.changed.keys()) this.parts.delete(type)
    })
    this.copy = copy
    return copy
  }

  private read(): SharedState {
    const fragment = sharedContent(this.ensure())
    if (fragment.length === 0) return { empty: true, summary: null, problem: null }
    try {
      const children = fragment.toArray().map((child) => {
        let node = this.parts.get(child)
        if (!node) {
          const json = yXmlFragmentToProsemirrorJSON({ toArray: () => [child] } as unknown as Y.XmlFragment) as { content: unknown[] }
          node = Node.fromJSON(schema, json.content[0])
          node.check()
          this.parts.set(child, node)
        }
        return node
      })
      // The parts' sequence, and the attributes the map gives (the rest are the schema's defaults).
      const summary = schema.nodes.doc!.createChecked(attributesOf(this.copy!), children)
      return { empty: false, summary, problem: null }
    } catch (e) {
      return { empty: false, summary: null, problem: loggable(e) }
    }
  }
}
