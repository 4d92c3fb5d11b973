import * as Y from 'yjs'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { IndexeddbPersistence, clearDocument } from 'y-indexeddb'
import { ySyncPlugin, ySyncPluginKey, yCursorPlugin, yUndoPlugin, undoCommand, redoCommand, initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror'
import { keymap } from 'prosemirror-keymap'
import { Plugin } from 'prosemirror-state'
import type { EditorState, Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { ReplaceStep } from 'prosemirror-transform'
import { schema } from '@zongjie/model'
import { sharedContent, sharedAttributes, attributesOf, isEmptyShared, SharedUndoManager } from '@zongjie/collab'
import { replacementBetween } from '@zongjie/commands'
import { endsUndoStep } from '../plugins/undo-steps.ts'
import { redoKeepingKey } from '../plugins/keys.ts'
import { narrowRemoteChange } from './remote-change.ts'
import { adoptPanelStyles } from '../panels/panel-styles.ts'
import { css } from 'lit'

/**
 * Co-editing (协同编辑): the element's document shared through a Yjs document with a Hocuspocus
 * server. The content goes through y-prosemirror's binding; the document's own attributes
 * (comment threads, suggestions, the period) through the shared `attributes` map, written here
 * when a local transaction changes them and read back when another writer's do. Loads when the
 * page sets `collab`: writing alone needs none of it.
 */

/**
 * Where and as whom to co-edit: the server's WebSocket URL, the document's name, and the token the
 * OA system issued for it, or a function giving one (called for each connection, so that a token
 * that expires is renewed when the connection is made again).
 */
export interface CollabOptions {
  url: string
  document: string
  token: string | (() => string | Promise<string>)
}

/**
 * The connection as the status line tells it: 正在连接, 已连接, 正在重连, 离线 (the edits kept in
 * this browser, sent when the server is back), or refused (the token).
 */
export type CollabStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'refused'

/** How long a lost connection shows as 正在重连 before the status line says 离线，已保存在本机, in ms. */
export const offlineAfter = 3000

/** The longest wait between two attempts to reach the server again, in ms. */
const longestRetry = 10_000

/** What a session needs of its element. */
export interface CollabHost {
  /** The connection changed (status line); `reason` when the server refused. */
  statusChanged(status: CollabStatus, reason?: string): void
  /** The shared document is ready: the element makes its state with this document and these plugins. */
  ready(doc: Node, plugins: Plugin[]): void
  /** Who is writing, for the others' view of the cursor: a name and a colour. */
  who(): { name: string; color: string }
  /**
   * The server refused one of the writer's changes (`reason`: `update-refused:<kind>`) and stopped
   * taking the writer's changes: the session's copy, holding the refused change, is dropped; the
   * element joins again with the server's document.
   */
  changeRefused(reason: string): void
}

/** The name of the browser's copy of a shared document (IndexedDB, y-indexeddb): by server and document. */
export function localCopyName(options: Pick<CollabOptions, 'url' | 'document'>): string {
  return `zongjie-collab:${options.url}:${options.document}`
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
  /** The shared types and the editor's nodes they are drawn as (text nodes for a text). */
  mapping: Map<Y.AbstractType<unknown>, Node | Node[]>
}

/** A sync held during a composition (see `holdDuringCompositions`). */
interface Held {
  binding: Binding
  /** The writer changed the document since `synced`. */
  local: boolean
  /** The shared document changed since `synced`. */
  remote: boolean
  /** The editor's document as last in step with the shared one. */
  synced: Node
  /** The shared document's state vector then: what was in it. */
  known: Map<number, number>
  /** What others deleted since then (it was there then). */
  deletedSince: Set<Y.Item>
}

/** The state vector of a Yjs document: for each client, the clock of its next change. */
function stateVector(ydoc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(ydoc))
}

/** The meta of a transaction that applies another writer's change of the document's attributes. */
export const remoteAttributes = 'zongjie-remote-attributes'

/** The other writers' cursors and selections, in their colours, with their names, and the connection in the status line: added to the element's styles when co-editing loads. */
export const collabStyles = css`
  .ProseMirror-yjs-cursor { position: relative; margin-left: -1px; margin-right: -1px; border-left: 1px solid; border-right: 1px solid; word-break: normal; pointer-events: none; }
  .ProseMirror-yjs-cursor > div { position: absolute; top: -1.2em; left: -1px; font: 12px/1.3 var(--zj-font-ui); color: #fff; padding: 0 3px; border-radius: 3px 3px 3px 0; white-space: nowrap; user-select: none; text-indent: 0; }
  .ProseMirror-yjs-selection { opacity: .35; }
  .status .collab { margin-left: auto; }
`

/** Adds {@link collabStyles} to the element's shadow root. */
export function adoptCollabStyles(host: Parameters<typeof adoptPanelStyles>[0]): void {
  adoptPanelStyles(host, collabStyles)
}

/**
 * One co-editing session of an element: the Yjs document, the provider's connection, and the
 * plugins that bind the editor to them. `destroy()` ends it.
 */
export class CollabSession {
  readonly ydoc = new Y.Doc()
  readonly provider: HocuspocusProvider
  /** The connection to the server (its attempts to connect again wait at most {@link longestRetry}). */
  private readonly socket: HocuspocusProviderWebsocket
  /** The browser's copy of the shared document (IndexedDB), null where the browser keeps none. */
  private local: IndexeddbPersistence | null = null
  private view: EditorView | null = null
  private status: CollabStatus = 'connecting'
  private everConnected = false
  private offlineTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly host: CollabHost,
    options: CollabOptions,
  ) {
    // The browser's copy first: a writer who opens the document with no server in reach edits it,
    // and what they type is sent when the server is back (Yjs merges it with the others').
    this.local = browserCopy(localCopyName(options), this.ydoc)
    this.local?.whenSynced.then(
      () => {
        if (!isEmptyShared(this.ydoc)) this.start()
      },
      () => (this.local = null),
    )
    const token = options.token
    this.socket = new HocuspocusProviderWebsocket({ url: options.url, maxDelay: longestRetry })
    this.provider = new HocuspocusProvider({ websocketProvider: this.socket, name: options.document, token: typeof token === 'function' ? async () => token() : token, document: this.ydoc })
    this.provider.attach()
    this.provider.on('status', ({ status }: { status: string }) => this.connectionChanged(status === 'connected'))
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.setStatus('refused', reason))
    this.provider.on('close', ({ event }: { event?: { reason?: string } }) => {
      const reason = event?.reason ?? ''
      if (reason.startsWith('update-refused')) this.refused(reason)
      // The token expired unrenewed: connect again, with a fresh token when `token` is a function (refused otherwise, and the status line says so).
      else if (reason === 'token-expired') {
        this.socket.disconnect()
        void this.socket.connect()
      }
    })
    this.provider.on('synced', () => this.start())
    this.provider.setAwarenessField('user', host.who())
    addEventListener('online', this.retryNow)
    document.addEventListener('visibilitychange', this.retryNow)
  }

  /** The connection was made or lost: the status line, and 离线 when lost for {@link offlineAfter}. */
  private connectionChanged(connected: boolean) {
    if (this.status === 'refused') return
    if (connected) {
      if (this.offlineTimer) clearTimeout(this.offlineTimer)
      this.offlineTimer = null
      this.everConnected = true
      this.setStatus('connected')
      return
    }
    // Attempts come and go while the server is away: the line stays 离线 until one succeeds, and the wait for 离线 runs from the first.
    if (this.status === 'offline' || this.offlineTimer) return
    this.setStatus(this.everConnected ? 'reconnecting' : 'connecting')
    this.offlineTimer = setTimeout(() => {
      this.offlineTimer = null
      if (this.status !== 'connected' && this.status !== 'refused' && this.started && this.local) this.setStatus('offline')
    }, offlineAfter)
  }

  /** The network is back or the page shown again: try the server now rather than at the next retry. */
  private readonly retryNow = () => {
    if (document.visibilityState === 'hidden' || this.status === 'connected' || this.status === 'refused') return
    void this.socket.connect()
  }

  /**
   * The server refused a change of this writer's and closed the document to them: the browser's
   * copy, which holds the change, is deleted (else it would be sent again on the next opening),
   * then the element is told.
   */
  private refused(reason: string) {
    if (this.status === 'refused') return
    this.status = 'refused'
    const local = this.local
    this.local = null
    const deleted = local ? local.destroy().then(() => clearDocument(local.name)) : Promise.resolve()
    // Another page of this browser with the document open holds the database: the deletion waits for it; the element does not.
    void Promise.race([deleted, new Promise((resolve) => setTimeout(resolve, 2000))])
      .catch(() => undefined)
      .then(() => this.host.changeRefused(reason))
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
    // The writer's undo never deletes what another writer has added since (see SharedUndoManager).
    const undoManager = new SharedUndoManager([fragment, sharedAttributes(this.ydoc)], { trackedOrigins: new Set([ySyncPluginKey]) })
    this.undoManager = undoManager
    this.host.ready(withAttributes, [
      ySyncPlugin(fragment, { mapping }),
      // While a composition holds the sync, the others' cursors are not drawn: they point into a shared document the editor's is not yet in step with.
      yCursorPlugin(this.provider.awareness!, { awarenessStateFilter: (mine: number, theirs: number) => mine !== theirs && !(this.held && (this.held.local || this.held.remote)) }),
      yUndoPlugin({ undoManager }),
      keymap({ 'Mod-z': undoCommand, 'Mod-Shift-z': redoKeepingKey(redoCommand), 'Mod-y': redoCommand }),
      this.replacedShared(),
    ])
    sharedAttributes(this.ydoc).observe((event, tr) => {
      // Written here from a local transaction: the editor has them already.
      if (tr.origin === ySyncPluginKey) return
      const changed = [...event.keysChanged]
      // Once the Yjs transaction has ended: the content it changed with them (another writer's
      // paste brings blocks and their comments at once) reaches the editor first, through the
      // binding's observer, which Yjs calls after this one. Shown before it, the attributes would
      // make the binding write the editor's document, without the new blocks, back over the shared one.
      this.ydoc.once('afterTransaction', () => {
        const view = this.view
        if (!view) return
        const ptr = view.state.tr
        for (const name of changed) {
          if (!(name in (schema.nodes.doc!.spec.attrs ?? {}))) continue
          const value = sharedAttributes(this.ydoc).get(name)
          if (value !== undefined) ptr.setDocAttribute(name, value)
        }
        if (ptr.docChanged) view.dispatch(ptr.setMeta(remoteAttributes, true).setMeta('addToHistory', false))
      })
    })
  }

  /**
   * A document the page loads into the element (`summary`, `value`, `load()`, a form's restored
   * value) comes as a new editor state, not a transaction: y-prosemirror's binding sends only what
   * transactions change, so the others would never get it, and their next change would put the
   * old content back on this page. Loaded so, it is written into the shared document (content and
   * attributes) as a change of this writer's that every page gets; it replaces the writer's undo
   * history, as loading does without co-editing. Seen by this plugin's view, which the editor makes
   * anew with each new state.
   */
  private replacedShared(): Plugin {
    let shown: Node | null = null
    return new Plugin({
      view: (view) => {
        const binding = (ySyncPluginKey.getState(view.state) as { binding?: Binding & { mux(f: () => void): void } } | undefined)?.binding
        const doc = view.state.doc
        if (shown && doc !== shown && binding) {
          binding.mux(() => {
            this.ydoc.transact(() => {
              binding._prosemirrorChanged(doc)
              const map = sharedAttributes(this.ydoc)
              for (const [name, value] of Object.entries(doc.attrs)) if (value !== map.get(name)) map.set(name, value)
            }, ySyncPluginKey)
          })
          this.undoManager?.clear()
        }
        shown = doc
        return { update: (view) => void (shown = view.state.doc) }
      },
    })
  }

  /** The shared document's undo history (the writer's own changes), once the first sync has made it. */
  private undoManager: Y.UndoManager | null = null

  /** Undo and redo of the shared document: the writer's own changes only (for the toolbar). */
  readonly history = { undo: undoCommand, redo: redoCommand }

  /** The view bound to the shared document (once the element has made it). */
  attach(view: EditorView): void {
    this.view = view
    shadowRootAsDocument(view.root)
  }

  /** The binding whose sync is held during compositions, what it holds back, and the document as last in step with the shared one. */
  private held: Held | null = null
  private compositionTimer: ReturnType<typeof setTimeout> | null = null

  /**
   * Holds y-prosemirror's sync while the writer composes with an input method: the pinyin is
   * theirs alone (sent, it would show to the others letter by letter), and another writer's change
   * replacing the document meanwhile would break the composition. Both wait for its end, then
   * {@link merge} puts them together. The binding is made (and made again, when the plugins
   * change) by y-prosemirror; each is held once.
   */
  private holdDuringCompositions(): void {
    const view = this.view
    const binding = view && (ySyncPluginKey.getState(view.state) as { binding?: Binding } | undefined)?.binding
    if (!view || !binding || this.held?.binding === binding) return
    const held: Held = (this.held = { binding, local: false, remote: false, synced: view.state.doc, known: stateVector(this.ydoc), deletedSince: new Set() })
    const inStep = () => {
      held.synced = view.state.doc
      held.known = stateVector(this.ydoc)
      held.deletedSince = new Set()
    }
    const local = binding._prosemirrorChanged.bind(binding)
    const remote = binding._typeChanged.bind(binding)
    binding._prosemirrorChanged = (doc) => {
      if (view.composing) held.local = true
      // The composition has ended and something is held: put it together first (outside the binding's lock).
      else if (held.local || held.remote) queueMicrotask(() => this.merge())
      else {
        local(doc)
        inStep()
      }
    }
    const typeChanged = (events: unknown[], transaction: unknown) => {
      if (view.composing || held.local) held.remote = true
      else {
        remote(events, transaction)
        inStep()
      }
    }
    // What others delete while the sync is held was there when it was last in step.
    this.ydoc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (this.held !== held || transaction.local || !(held.local || held.remote)) return
      Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
        if (struct instanceof Y.Item) held.deletedSince.add(struct)
      })
    })
    this.inStep = inStep
    binding.type.unobserveDeep(binding._observeFunction)
    binding._observeFunction = typeChanged
    binding.type.observeDeep(typeChanged)
  }

  /**
   * After a composition: the others' changes made meanwhile are shown (the editor's document
   * made again from the shared one), and the writer's own change since the last sync (what the
   * composition committed) is made on it, mapped through theirs, and sent. Nothing of either is
   * lost; the pinyin never was part of it.
   */
  private merge(): void {
    const view = this.view
    const held = this.held
    if (!view || !held || view.composing || (!held.local && !held.remote)) return
    const synced = held.synced
    const own = replacementBetween(synced, view.state.doc)
    // Where the writer's change goes, in the shared document's own terms (its characters), which
    // the others' changes do not move; found before the editor's document is made again.
    const at = own && [this.relativeAt(held, own.from), this.relativeAt(held, own.to)]
    held.local = false
    held.remote = false
    held.binding._forceRerender()
    this.inStep?.()
    if (!own) return
    const fragment = sharedContent(this.ydoc)
    const [from, to] = at && at[0] && at[1] ? at.map((rel) => relativePositionToAbsolutePosition(this.ydoc, fragment, rel!, held.binding.mapping)) : [null, null]
    const tr = view.state.tr
    if (from !== null && to !== null && from !== undefined && to !== undefined && from <= to) {
      if (tr.maybeStep(new ReplaceStep(from, to, own.slice)).failed) return
    } else {
      // Not in a textblock (a change of structure): mapped through the others' change as one replacement.
      const theirs = replacementBetween(synced, view.state.doc)
      const mapped = theirs ? own.map(theirs.getMap()) : own
      if (!mapped || tr.maybeStep(mapped).failed) return
    }
    view.dispatch(tr.scrollIntoView())
  }

  /** Brings the held sync's record in step (set by `holdDuringCompositions`). */
  private inStep: (() => void) | null = null

  /**
   * A position of the document as last in step with the shared one (`held.synced`), inside a
   * textblock, as a Yjs relative position: after the character before it, or before the first,
   * counting only what was in the shared document then. Null elsewhere.
   */
  private relativeAt(held: Held, pos: number): Y.RelativePosition | null {
    const $pos = held.synced.resolve(pos)
    if (!$pos.parent.isTextblock) return null
    let element: Y.XmlElement | null = null
    held.binding.mapping.forEach((node, type) => {
      if (node === $pos.parent && type instanceof Y.XmlElement) element = type
    })
    if (!element) return null
    const was = (item: Y.Item) => item.id.clock < (held.known.get(item.id.client) ?? 0) && (!item.deleted || held.deletedSince.has(item))
    const target = $pos.parentOffset
    let seen = 0
    let first: Y.ID | null = null
    for (let child = (element as Y.XmlElement)._start; child; child = child.right as Y.Item | null) {
      const type = child.content instanceof Y.ContentType ? child.content.type : null
      const pieces: [Y.Item, number][] = []
      if (type instanceof Y.XmlText) {
        for (let item = type._start; item; item = item.right as Y.Item | null) if (item.countable && was(item)) pieces.push([item, item.length])
      } else if (was(child)) pieces.push([child, 1])
      for (const [item, length] of pieces) {
        first ??= item.id
        if (target > seen && target <= seen + length) return Y.createRelativePositionFromJSON({ item: { client: item.id.client, clock: item.id.clock + (target - seen - 1) }, assoc: -1 })
        seen += length
      }
    }
    if (target === 0 && first) return Y.createRelativePositionFromJSON({ item: { client: first.client, clock: first.clock }, assoc: 0 })
    return null
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
      if (held.local || held.remote) this.merge()
    }, 60)
  }

  /**
   * The transaction the editor is to apply in place of `tr`, made from `state`: another writer's
   * change as the change it is, not a replacement of the whole document (`narrowRemoteChange`).
   */
  narrow(state: EditorState, tr: Transaction): Transaction {
    return narrowRemoteChange(state, tr)
  }

  /**
   * A transaction the editor applied: the document attributes it changed are written to the
   * shared map, in the binding's origin so that undo takes them back with the content.
   */
  applied(tr: Transaction): void {
    this.holdDuringCompositions()
    // A selection the writer moved ends the undo step, as without co-editing (plugins/undo-steps.ts).
    if (this.view && endsUndoStep([tr], this.view)) this.undoManager?.stopCapturing()
    if (!tr.docChanged || tr.getMeta(remoteAttributes) || tr.doc.attrs === tr.before.attrs) return
    const map = sharedAttributes(this.ydoc)
    this.ydoc.transact(() => {
      for (const [name, value] of Object.entries(tr.doc.attrs)) if (tr.before.attrs[name] !== value) map.set(name, value)
    }, ySyncPluginKey)
  }

  /** Ends the session: the connection closed, the Yjs document freed (the browser's copy stays). */
  destroy(): void {
    if (this.compositionTimer) clearTimeout(this.compositionTimer)
    if (this.offlineTimer) clearTimeout(this.offlineTimer)
    removeEventListener('online', this.retryNow)
    document.removeEventListener('visibilitychange', this.retryNow)
    void this.local?.destroy()
    this.provider.destroy()
    this.socket.destroy()
    this.ydoc.destroy()
    this.view = null
  }
}

/**
 * The browser's copy of a shared document: IndexedDB through y-indexeddb, which writes each change
 * as it is made and gives the document back when the page is opened again. Null where the browser
 * keeps none (no IndexedDB, or it refuses: some private windows).
 */
function browserCopy(name: string, ydoc: Y.Doc): IndexeddbPersistence | null {
  if (typeof indexedDB === 'undefined') return null
  try {
    return new IndexeddbPersistence(name, ydoc)
  } catch {
    return null
  }
}
