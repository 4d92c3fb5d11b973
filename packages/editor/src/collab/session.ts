import * as Y from 'yjs'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { ySyncPlugin, ySyncPluginKey, yCursorPlugin, yUndoPlugin, undoCommand, redoCommand, initProseMirrorDoc } from 'y-prosemirror'
import { keymap } from 'prosemirror-keymap'
import type { Plugin, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { schema } from '@zongjie/model'
import { sharedContent, sharedAttributes, attributesOf } from '@zongjie/collab'

/**
 * Co-editing (协同编辑): the element's document shared through a Yjs document with a Hocuspocus
 * server. The content goes through y-prosemirror's binding; the document's own attributes
 * (comment threads, suggestions, the period) through the shared `attributes` map, written here
 * when a local transaction changes them and read back when another writer's do. Loads when the
 * page sets `collab`: writing alone needs none of it.
 */

/** Where and as whom to co-edit: the server's WebSocket URL, the document's name, and the token the OA system issued for it. */
export interface CollabOptions {
  url: string
  document: string
  token: string
}

/** The connection as the status line tells it: 正在连接, 已连接, 正在重连, or refused (the token). */
export type CollabStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused'

/** What a session needs of its element. */
export interface CollabHost {
  /** The connection changed (status line); `reason` when the server refused. */
  statusChanged(status: CollabStatus, reason?: string): void
  /** The shared document is ready: the element makes its state with this document and these plugins. */
  ready(doc: Node, plugins: Plugin[]): void
  /** Who is writing, for the others' view of the cursor: a name and a colour. */
  who(): { name: string; color: string }
}

/**
 * y-prosemirror measures whether the writer's cursor is in view with `root.getSelection()` and
 * `root.createRange()`, which a document has and a shadow root (the element's) lacks in part
 * (`createRange` everywhere, `getSelection` outside Chromium): without them, another writer's
 * change would not reach a writer whose cursor is in the text. The shadow root is given the
 * document's.
 */
function shadowRootAsDocument(root: Document | ShadowRoot): void {
  if (root instanceof Document) return
  const shadow = root as ShadowRoot & { createRange?: () => Range; getSelection?: () => Selection | null }
  shadow.createRange ??= () => document.createRange()
  shadow.getSelection ??= () => document.getSelection()
}

/** What is used here of y-prosemirror's binding (its internals: y-prosemirror 1.3). */
interface Binding {
  type: Y.XmlFragment
  _observeFunction: (events: unknown[], transaction: unknown) => void
  _prosemirrorChanged(doc: Node): void
  _typeChanged(events: unknown[], transaction: unknown): void
  _forceRerender(): void
}

/** The meta of a transaction that applies another writer's change of the document's attributes. */
export const remoteAttributes = 'zongjie-remote-attributes'

/**
 * One co-editing session of an element: the Yjs document, the provider's connection, and the
 * plugins that bind the editor to them. `destroy()` ends it.
 */
export class CollabSession {
  readonly ydoc = new Y.Doc()
  readonly provider: HocuspocusProvider
  private view: EditorView | null = null
  private status: CollabStatus = 'connecting'
  private everConnected = false

  constructor(
    private readonly host: CollabHost,
    options: CollabOptions,
  ) {
    this.provider = new HocuspocusProvider({ url: options.url, name: options.document, token: options.token, document: this.ydoc })
    this.provider.on('status', ({ status }: { status: string }) => {
      if (this.status === 'refused') return
      if (status === 'connected') this.everConnected = true
      this.setStatus(status === 'connected' ? 'connected' : this.everConnected ? 'reconnecting' : 'connecting')
    })
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.setStatus('refused', reason))
    this.provider.on('synced', () => this.start())
    this.provider.setAwarenessField('user', host.who())
  }

  private setStatus(status: CollabStatus, reason?: string) {
    if (status === this.status && !reason) return
    this.status = status
    this.host.statusChanged(status, reason)
  }

  private started = false

  /** The first sync: the editor's state from the shared document, with the binding's plugins. */
  private start() {
    if (this.started) return
    this.started = true
    const fragment = sharedContent(this.ydoc)
    const { doc, mapping } = initProseMirrorDoc(fragment, schema)
    const withAttributes = schema.nodes.doc!.create(attributesOf(this.ydoc), doc.content)
    const undoManager = new Y.UndoManager([fragment, sharedAttributes(this.ydoc)], { trackedOrigins: new Set([ySyncPluginKey]) })
    this.host.ready(withAttributes, [
      ySyncPlugin(fragment, { mapping }),
      yCursorPlugin(this.provider.awareness!),
      yUndoPlugin({ undoManager }),
      keymap({ 'Mod-z': undoCommand, 'Mod-Shift-z': redoCommand, 'Mod-y': redoCommand }),
    ])
    sharedAttributes(this.ydoc).observe((event, tr) => {
      // Written here from a local transaction: the editor has them already.
      if (tr.origin === ySyncPluginKey) return
      const view = this.view
      if (!view) return
      const ptr = view.state.tr
      for (const name of event.keysChanged) {
        if (!(name in (schema.nodes.doc!.spec.attrs ?? {}))) continue
        const value = sharedAttributes(this.ydoc).get(name)
        if (value !== undefined) ptr.setDocAttribute(name, value)
      }
      if (ptr.docChanged) view.dispatch(ptr.setMeta(remoteAttributes, true).setMeta('addToHistory', false))
    })
  }

  /** The view bound to the shared document (once the element has made it). */
  attach(view: EditorView): void {
    this.view = view
    shadowRootAsDocument(view.root)
  }

  /** The binding whose sync is held during compositions, and what it holds back. */
  private held: { binding: Binding; local: boolean; remote: boolean } | null = null
  private compositionTimer: ReturnType<typeof setTimeout> | null = null

  /**
   * Holds y-prosemirror's sync while the writer composes with an input method: the pinyin is
   * theirs alone (sent, it would show to the others letter by letter), and another writer's change
   * replacing the document meanwhile would break the composition. Both wait for its end. The
   * binding is made (and made again, when the plugins change) by y-prosemirror; each is held once.
   */
  private holdDuringCompositions(): void {
    const view = this.view
    const binding = view && (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding
    if (!view || !binding || this.held?.binding === binding) return
    const held: { binding: Binding; local: boolean; remote: boolean } = (this.held = { binding, local: false, remote: false })
    const local = binding._prosemirrorChanged.bind(binding)
    const remote = binding._typeChanged.bind(binding)
    binding._prosemirrorChanged = (doc) => {
      if (view.composing) held.local = true
      else local(doc)
    }
    const typeChanged = (events: unknown[], transaction: unknown) => {
      if (view.composing) held.remote = true
      else remote(events, transaction)
    }
    binding.type.unobserveDeep(binding._observeFunction)
    binding._observeFunction = typeChanged
    binding.type.observeDeep(typeChanged)
  }

  /** The writer's composition ended: what it committed is sent, and what others changed meanwhile shown. */
  compositionEnded(): void {
    if (this.compositionTimer) clearTimeout(this.compositionTimer)
    // After ProseMirror has read the committed text (and suggestion mode has made it a suggestion).
    this.compositionTimer = setTimeout(() => {
      this.compositionTimer = null
      const view = this.view
      const held = this.held
      if (!view || !held || view.composing) return
      if (held.local) {
        held.local = false
        held.binding._prosemirrorChanged(view.state.doc)
      }
      if (held.remote) {
        held.remote = false
        held.binding._forceRerender()
      }
    }, 60)
  }

  /**
   * A transaction the editor applied: the document attributes it changed are written to the
   * shared map, in the binding's origin so that undo takes them back with the content.
   */
  applied(tr: Transaction): void {
    this.holdDuringCompositions()
    if (!tr.docChanged || tr.getMeta(remoteAttributes) || tr.doc.attrs === tr.before.attrs) return
    const map = sharedAttributes(this.ydoc)
    this.ydoc.transact(() => {
      for (const [name, value] of Object.entries(tr.doc.attrs)) if (tr.before.attrs[name] !== value) map.set(name, value)
    }, ySyncPluginKey)
  }

  /** Ends the session: the connection closed, the Yjs document freed. */
  destroy(): void {
    if (this.compositionTimer) clearTimeout(this.compositionTimer)
    this.provider.destroy()
    this.ydoc.destroy()
    this.view = null
  }
}
