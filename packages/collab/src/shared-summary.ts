import * as Y from 'yjs'
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import { Node } from 'prosemirror-model'
import { schema } from '@zongjie/model'

/**
 * A summary shared for co-editing: one Yjs document holding the ProseMirror content in an
 * `XmlFragment` (y-prosemirror's binding keeps it in step with each writer's editor) and the
 * document's own attributes (comment threads, suggestions, the period it reports on) in a `Y.Map`,
 * one entry per attribute, which y-prosemirror does not carry. Editor and server read and write a
 * summary here, and only here.
 */

/** The name of the `XmlFragment` holding the summary's content. */
export const contentName = 'summary'

/** The name of the `Y.Map` holding the document's attributes (`comments`, `suggestions`, `year` …). */
export const attributesName = 'attributes'

/** The content of a shared summary. */
export function sharedContent(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment(contentName)
}

/** The document attributes of a shared summary. */
export function sharedAttributes(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap(attributesName)
}

/** Whether a shared summary holds nothing yet (a document no writer has opened). */
export function isEmptyShared(ydoc: Y.Doc): boolean {
  return sharedContent(ydoc).length === 0
}

/**
 * Puts a summary into an empty shared document, in one Yjs transaction (`origin` as given): the
 * content into the fragment, every attribute into the map. Throws when the shared document
 * already holds a summary: two writers filling one would each add theirs.
 */
export function fillShared(ydoc: Y.Doc, doc: Node, origin: unknown = null): void {
  if (!isEmptyShared(ydoc)) throw new Error('fillShared: the shared document already holds a summary')
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, sharedContent(ydoc))
    const attributes = sharedAttributes(ydoc)
    for (const [name, value] of Object.entries(doc.attrs)) attributes.set(name, value)
  }, origin)
}

/** The attributes a shared summary gives its document: the map's entries the schema knows (the rest left to their defaults). */
export function attributesOf(ydoc: Y.Doc): Record<string, unknown> {
  const known = schema.nodes.doc!.spec.attrs ?? {}
  const out: Record<string, unknown> = {}
  sharedAttributes(ydoc).forEach((value, name) => {
    if (name in known) out[name] = value
  })
  return out
}

/**
 * The summary a shared document holds, as the model's document; null while it is empty. Throws
 * (a RangeError from the schema, naming what is wrong) when it is not a valid summary.
 */
export function summaryOfShared(ydoc: Y.Doc): Node | null {
  if (isEmptyShared(ydoc)) return null
  const json = yXmlFragmentToProsemirrorJSON(sharedContent(ydoc)) as { type: string; content?: unknown[] }
  const doc = Node.fromJSON(schema, { ...json, attrs: attributesOf(ydoc) })
  doc.check()
  return doc
}

/** Why a shared document is not a valid summary (the schema's words), or null when it is one or is empty. */
export function sharedProblem(ydoc: Y.Doc): string | null {
  try {
    summaryOfShared(ydoc)
    return null
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}
