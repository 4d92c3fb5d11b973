// The co-editing case of the bench page: the mounted <zongjie-editor>'s view bound to a Yjs
// document with y-prosemirror, as the editor's co-editing session binds it (packages/editor/src/
// collab/session.ts, `start`, and the element's `ready`), without a server: another writer is a
// second Yjs document in the same page, whose updates are applied to the editor's with
// `Y.applyUpdate`, as the provider applies those that arrive from the server.
//
// Yjs, y-prosemirror, y-protocols and @zongjie/collab are resolved as the editor resolves them
// (see `asTheEditor` in bench/run.mjs): one copy of each, shared with the editor.
import * as Y from 'yjs'
import { ySyncPlugin, ySyncPluginKey, yCursorPlugin, yUndoPlugin, undoCommand, redoCommand, initProseMirrorDoc } from 'y-prosemirror'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { keymap } from 'prosemirror-keymap'
import { EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { schema } from '@zongjie/model'
import { fillShared, sharedContent, sharedAttributes, attributesOf } from '@zongjie/collab'
import { narrowRemoteChange } from '../../packages/editor/src/collab/remote-change.ts'

/** The origin of the updates applied from the other writer. */
const fromOther = 'bench-other-writer'

/** The other writer as the bench drives it: it types into one paragraph of its own copy, and its updates reach the editor. */
export interface OtherWriter {
  /** Types `ch` in the other writer's document (after what the editor has sent it), and moves its cursor there; the editor has not got it yet. */
  type(ch: string): void
  /** Applies what the other writer typed last to the editor's Yjs document (the editor's view updates in it). */
  arrive(): void
  /** What the other writer has typed into the paragraph. */
  readonly typed: string
  /** Whether the two Yjs documents hold the same content once each has the other's updates. */
  converged(): boolean
}

/** y-prosemirror needs `createRange` (and outside Chromium `getSelection`) of the view's root: a shadow root's are the document's (as the session does). */
function shadowRootAsDocument(root: Document | ShadowRoot) {
  if (root instanceof Document) return
  const shadow = root as ShadowRoot & { createRange?: () => Range; getSelection?: () => Selection | null }
  shadow.createRange ??= () => document.createRange()
  shadow.getSelection ??= () => document.getSelection()
}

/**
 * Shares the view's document: fills a Yjs document with it, makes the editor's state from the
 * shared one with y-prosemirror's plugins first and the editor's own without its history (as the
 * element does when the shared document arrives, drawn afresh), and starts the other writer, in step, with its
 * cursor shown in the editor. The other writer types into the textblock with index `block` (in
 * document order), `offset` characters into its text.
 */
export function share(view: EditorView, block: number, offset: number): OtherWriter {
  const ydoc = new Y.Doc()
  fillShared(ydoc, view.state.doc)
  const fragment = sharedContent(ydoc)
  const { doc, mapping } = initProseMirrorDoc(fragment, schema)
  const withAttributes = schema.nodes.doc!.create(attributesOf(ydoc), doc.content)
  const undoManager = new Y.UndoManager([fragment, sharedAttributes(ydoc)], { trackedOrigins: new Set([ySyncPluginKey]) })
  const awareness = new Awareness(ydoc)
  awareness.setLocalStateField('user', { name: '张三', color: '#2563eb' })
  const plugins = [
    ySyncPlugin(fragment, { mapping }),
    yCursorPlugin(awareness),
    yUndoPlugin({ undoManager }),
    keymap({ 'Mod-z': undoCommand, 'Mod-Shift-z': redoCommand, 'Mod-y': redoCommand }),
  ]
  const own = view.state.plugins.filter((p) => (p as unknown as { key: string }).key !== 'history$')
  // The page holds nothing of it yet, as when an element opened empty joins (the demo's page): the
  // view then draws the shared document's own nodes. (Replacing an equal document instead, the view
  // would keep drawing its old nodes, equal but not the same objects, and compare each of them in
  // depth on every later update: every key, local or remote, would cost a walk of the whole document.)
  view.updateState(EditorState.create({ doc: schema.topNodeType.createAndFill()!, plugins: own }))
  view.updateState(EditorState.create({ doc: withAttributes, plugins: [...plugins, ...own] }))
  shadowRootAsDocument(view.root)
  // Another writer's change goes to the element as the session hands it over (its `narrow`): as
  // the change it is, not a replacement of the whole document.
  const dispatch = view.props.dispatchTransaction!
  view.setProps({ dispatchTransaction: (tr) => dispatch.call(view, narrowRemoteChange(view.state, tr)) })

  // The other writer: its own Yjs document, in step with the editor's, and its awareness.
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc))
  const otherAwareness = new Awareness(other)
  otherAwareness.setLocalStateField('user', { name: '李四', color: '#dc2626' })
  // What the editor sends (the writer's own keys) reaches the other writer before it types again.
  const toOther: Uint8Array[] = []
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== fromOther) toOther.push(update)
  })
  const catchUp = () => {
    for (const update of toOther.splice(0)) Y.applyUpdate(other, update, 'editor')
  }
  // The textblock's text in the other writer's document: the same path of child indices.
  let found = -1
  let k = 0
  view.state.doc.descendants((node, pos) => {
    if (found >= 0) return false
    if (node.isTextblock) {
      if (k++ === block) found = pos + 1
      return false
    }
    return true
  })
  if (found < 0) throw new Error(`collab: no textblock ${block}`)
  const $pos = view.state.doc.resolve(found)
  let element: Y.XmlFragment | Y.XmlElement = sharedContent(other)
  for (let d = 0; d < $pos.depth; d++) element = element.get($pos.index(d)) as Y.XmlElement
  const text = element.get(0)
  if (!(text instanceof Y.XmlText)) throw new Error(`collab: textblock ${block} does not start with text`)
  let at = Math.min(offset, text.length)
  let typed = ''
  let pending: Uint8Array | null = null
  other.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'editor') pending = update
  })
  return {
    type(ch) {
      catchUp()
      // Its cursor where it types, as the editor would show it (applied now, before the change arrives).
      const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at))
      otherAwareness.setLocalStateField('cursor', { anchor: cursor, head: cursor })
      applyAwarenessUpdate(awareness, encodeAwarenessUpdate(otherAwareness, [other.clientID]), fromOther)
      pending = null
      other.transact(() => text.insert(at, ch))
      at += ch.length
      typed += ch
    },
    arrive() {
      if (!pending) throw new Error('collab: the other writer has typed nothing since')
      const update = pending
      pending = null
      Y.applyUpdate(ydoc, update, fromOther)
    },
    get typed() {
      return typed
    },
    converged() {
      catchUp()
      return sharedContent(other).toString() === sharedContent(ydoc).toString()
    },
  }
}
