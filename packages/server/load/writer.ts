import * as Y from 'yjs'
import WebSocket from 'ws'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { marker, markerLength, markersIn, typedText } from './markers.ts'
import type { Samples } from './stats.ts'

/** What every writer on one document shares: when each marker was sent, and which were deleted again. */
export interface Ledger {
  /** The document's name. */
  document: string
  /** Every marker typed on the document, with when it was sent (`performance.now()`, just before the insert). */
  sent: Map<string, number>
  /** The markers deleted again (by a writer's backspace). */
  deleted: Set<string>
  /** How many other writers each marker arrived at while typing went on (in an update, not yet deleted). */
  arrivals: Map<string, number>
  /** What went wrong in a writer (a cursor off its marker, the typed text missing); fit for the report. */
  problems: string[]
}

/** A marker a writer typed and has not deleted: where it starts and where it ends, relative to the text. */
interface TypedMarker {
  marker: string
  start: Y.RelativePosition
  end: Y.RelativePosition
}

/** How a writer types: the pause between keystrokes, the share of backspaces, and whether its cursor goes into its awareness state. */
export interface Typing {
  interval: [number, number]
  deleteRate: number
  cursors: boolean
}

/**
 * Lets a provider's socket be destroyed while it is still connecting (a reconnect under way):
 * ws reports that closing as an 'error' after the provider has removed its listeners, which would
 * be thrown; it is heard here.
 */
export function hearClosingError(socket: HocuspocusProviderWebsocket): void {
  const connecting = socket.webSocket as unknown as { on?(event: 'error', listener: () => void): void } | null
  connecting?.on?.('error', () => {})
}

/**
 * A simulated writer: a Yjs document with its own Hocuspocus provider and WebSocket, as a page
 * has. It types markers ({@link marker}) at its cursor in the opening paragraph, now and then
 * deletes its own last one (a backspace), and records, for every marker another writer typed, the
 * time from its sending to its arrival here.
 */
export class SimWriter {
  /** Its copy of the shared document. */
  readonly ydoc = new Y.Doc()
  /** Its own WebSocket, as each page has. */
  readonly socket: HocuspocusProviderWebsocket
  /** Its provider for the document. */
  readonly provider: HocuspocusProvider
  /** Set when the server refused the token. */
  refused: string | null = null
  /** Close reasons the server sent. */
  readonly closes: string[] = []
  /** Times the connection was lost. */
  disconnects = 0
  /** Markers of other writers seen arriving. */
  received = 0
  /** Markers that arrived but were never sent (should stay 0). */
  unknown = 0
  /** Markers it typed. */
  inserts = 0
  /** Its backspaces (each over its own last marker). */
  deletes = 0
  private keystrokes = 0
  private typed: TypedMarker[] = []
  private cursor: Y.RelativePosition | null = null
  /** The cursor as last put into the awareness state (see `showCursor`). */
  private shownCursor: Y.RelativePosition | null = null
  private timer: NodeJS.Timeout | null = null
  private destroyed = false

  /** Connects (does not wait); `index` is its number among its document's writers, in its markers. */
  constructor(
    url: string,
    readonly index: number,
    token: string,
    readonly ledger: Ledger,
    private readonly latency: Samples,
  ) {
    this.socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 1000 })
    this.provider = new HocuspocusProvider({ websocketProvider: this.socket, name: ledger.document, document: this.ydoc, token })
    this.provider.on('authenticationFailed', ({ reason }: { reason: string }) => (this.refused = reason))
    // What happens to the connection once the writer itself closes it is not counted.
    this.provider.on('close', ({ event }: { event: { reason: string } }) => {
      if (!this.destroyed && event.reason) this.closes.push(event.reason)
    })
    this.provider.on('disconnect', () => {
      if (!this.destroyed) this.disconnects++
    })
    this.ydoc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (!transaction.local) this.arrived(update)
    })
    this.provider.attach()
  }

  /** Resolves once the first sync is done; rejects when the token is refused or `timeout` ms pass. */
  async synced(timeout = 30_000): Promise<void> {
    const start = Date.now()
    while (!this.provider.synced) {
      if (this.refused) throw new Error(`${this.ledger.document}: writer ${this.index} refused: ${this.refused}`)
      if (Date.now() - start > timeout) throw new Error(`${this.ledger.document}: writer ${this.index} not synced within ${timeout} ms`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }

  /** Types until `endAt` (a `performance.now()` time), a keystroke after each pause; starts after a random part of one pause. */
  start(endAt: number, typing: Typing): void {
    const pause = () => typing.interval[0] + Math.random() * (typing.interval[1] - typing.interval[0])
    const next = (ms: number) => {
      this.timer = setTimeout(() => {
        if (performance.now() >= endAt) return this.stop()
        this.keystroke(typing)
        next(pause())
      }, ms)
    }
    next(Math.random() * typing.interval[1])
  }

  /** Stops typing. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  /** Whether everything this writer sent has been acknowledged by the server. */
  get acknowledged(): boolean {
    return this.provider.synced && this.provider.unsyncedChanges === 0
  }

  /** Stops typing and closes the connection. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.stop()
    hearClosingError(this.socket)
    this.provider.destroy()
    this.socket.destroy()
  }

  /** One keystroke: a backspace over its own last marker now and then, otherwise a new marker at the cursor. */
  private keystroke(typing: Typing): void {
    const text = typedText(this.ydoc)
    if (!text) {
      this.ledger.problems.push(`writer ${this.index}: the opening paragraph has no text to type into`)
      return this.stop()
    }
    if (this.typed.length && Math.random() < typing.deleteRate) this.backspace(text)
    else this.type(text)
    if (typing.cursors) this.showCursor(text)
  }

  /**
   * Puts the cursor into the writer's awareness state as the editor does (y-prosemirror's cursor
   * plugin): as the position of the character after it, sent only when that differs from the one
   * last sent. Typing or deleting just before the cursor leaves that character where it is, so a
   * writer typing on at one place sends their cursor once, not at every key.
   */
  private showCursor(text: Y.XmlText): void {
    if (!this.cursor) return
    const at = Y.createRelativePositionFromTypeIndex(text, this.indexOf(this.cursor), 0)
    if (this.shownCursor && Y.compareRelativePositions(this.shownCursor, at)) return
    this.shownCursor = at
    const json = Y.relativePositionToJSON(at)
    this.provider.awareness?.setLocalStateField('cursor', { anchor: json, head: json })
  }

  private type(text: Y.XmlText): void {
    const index = this.cursor ? this.indexOf(this.cursor) : Math.floor(Math.random() * (Math.floor(text.length / markerLength) + 1)) * markerLength
    const typed = marker(this.index, this.keystrokes++)
    this.ledger.sent.set(typed, performance.now())
    text.insert(index, typed)
    this.inserts++
    // Anchored to the marker's first character and (the cursor) to its last: others' markers typed next to it stay outside.
    const entry: TypedMarker = {
      marker: typed,
      start: Y.createRelativePositionFromTypeIndex(text, index, 0),
      end: Y.createRelativePositionFromTypeIndex(text, index + markerLength, -1),
    }
    this.typed.push(entry)
    this.cursor = entry.end
  }

  private backspace(text: Y.XmlText): void {
    const last = this.typed.pop()!
    const start = this.indexOf(last.start)
    const end = this.indexOf(last.end)
    if (end - start !== markerLength) {
      this.ledger.problems.push(`writer ${this.index}: its marker ${last.marker} is no longer whole before its cursor (${start}–${end})`)
      return
    }
    this.ledger.deleted.add(last.marker)
    text.delete(start, markerLength)
    this.deletes++
    this.cursor = this.typed.length ? this.typed[this.typed.length - 1]!.end : Y.createRelativePositionFromTypeIndex(text, start, -1)
  }

  private indexOf(position: Y.RelativePosition): number {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, this.ydoc)
    if (!absolute) throw new Error(`writer ${this.index}: a position in the typed text no longer resolves`)
    return absolute.index
  }

  /** Records the latency of every other writer's marker in an update that arrived. */
  private arrived(update: Uint8Array): void {
    const now = performance.now()
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue
      for (const found of markersIn(struct.content.str)) {
        const sentAt = this.ledger.sent.get(found)
        if (sentAt === undefined) this.unknown++
        else {
          this.latency.add(now - sentAt, sentAt)
          this.received++
          this.ledger.arrivals.set(found, (this.ledger.arrivals.get(found) ?? 0) + 1)
        }
      }
    }
  }
}
