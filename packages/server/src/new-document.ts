import * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { fromSummary, schema, type Summary } from '@zongjie/model'
import { fillShared, isEmptyShared } from './shared.ts'

/** A new, empty summary: a title, an opening (导语) with one paragraph, a closing; as the editor makes it. */
export function emptySummary(): Node {
  const n = schema.nodes
  return n.doc!.create(null, [n.title!.create(), n.preamble!.create(null, n.paragraph!.create()), n.closing!.create()])
}

/**
 * The Yjs client id the server fills new documents with. Every filling of the same summary makes
 * the same Yjs items (same ids, same content), so fillings made twice (by two instances sharing
 * Redis, or again after a restart before the first was stored, while a client still holds it)
 * merge into one instead of doubling the document. Writers practically never have it (Yjs gives
 * each a random 32-bit number).
 */
export const fillClientId = 0

/** The update that fills an empty shared document with a summary: always the same bytes for the same summary. */
export function fillingUpdate(doc: Node): Uint8Array {
  const scratch = new Y.Doc({ gc: false })
  scratch.clientID = fillClientId
  fillShared(scratch, doc)
  const update = Y.encodeStateAsUpdate(scratch)
  scratch.destroy()
  return update
}

/**
 * Fills a document that holds nothing yet with its first summary: the one `initial` gives (Summary
 * JSON, checked by the model), or an empty one. Does nothing to a document that holds a summary.
 * Returns the update it applied, or null when it did not fill.
 */
export async function fillNewDocument(
  ydoc: Y.Doc,
  documentName: string,
  initial: ((documentName: string) => Summary | null | undefined | Promise<Summary | null | undefined>) | null,
  origin: unknown = null,
): Promise<Uint8Array | null> {
  if (!isEmptyShared(ydoc)) return null
  const json = initial ? await initial(documentName) : null
  const doc = json ? fromSummary(json) : emptySummary()
  // The document may have been filled while `initial` ran.
  if (!isEmptyShared(ydoc)) return null
  const update = fillingUpdate(doc)
  Y.applyUpdate(ydoc, update, origin)
  return update
}
