import { afterAll, afterEach, beforeAll } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import WebSocket from 'ws'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { createServer, signToken, type LogEntry, type Role, type ServerOptions, type ZongjieServer } from '../src/index.ts'
import type { Node as PMNode } from 'prosemirror-model'
import { updateYFragment } from 'y-prosemirror'
import { sharedAttributes, sharedContent, summaryOfShared } from '../src/shared.ts'
import { Writer } from '../src/wire.ts'
import { hearClosingError } from '../load/writer.ts'

/** The HS256 secret the tests sign with. */
export const secret = 'test-secret-that-is-long-enough-0123456789'
export const secretBytes = new TextEncoder().encode(secret)

/** A temporary directory, removed by `cleanup`. */
export function tempDir(prefix = 'zongjie-server-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export function removeDir(dir: string) {
  rmSync(dir, { recursive: true, force: true })
}

/** A server on a free port with a temporary DATA_DIR, its log kept in `logs`. */
export interface Running {
  server: ZongjieServer
  logs: LogEntry[]
  dataDir: string
  /** Stops the server (if still running) and removes its DATA_DIR. */
  cleanup(): Promise<void>
}

export async function startServer(options: ServerOptions = {}, dataDir = tempDir()): Promise<Running> {
  const logs: LogEntry[] = []
  const server = createServer({ port: 0, dataDir, jwtSecret: secret, log: (e) => logs.push(e), debounce: 200, maxDebounce: 1000, ...options })
  await server.listen()
  let stopped = false
  return {
    server,
    logs,
    dataDir,
    async cleanup() {
      if (!stopped) {
        stopped = true
        await server.stop(10_000)
      }
      removeDir(dataDir)
    },
  }
}

/**
 * A server for the tests of one file: started before them, stopped (its DATA_DIR removed) after
 * them; the clients a test puts into `clients` are destroyed after it.
 */
export function serverForTests(options: ServerOptions = {}): { readonly running: Running; readonly clients: Client[] } {
  let running: Running | undefined
  const clients: Client[] = []
  beforeAll(async () => {
    running = await startServer(options)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })
  afterAll(async () => {
    await running?.cleanup()
  })
  return {
    get running() {
      if (!running) throw new Error('serverForTests: the server is not started yet (use it inside a test)')
      return running
    },
    clients,
  }
}

/** A token for a document, signed with the test secret. */
export function tokenFor(document: string, role: Role = 'editor', user = { id: `u-${role}`, name: `${role}用户` }, seconds = 3600, key = secretBytes): Promise<string> {
  return signToken({ document, role, user }, key, seconds)
}

/**
 * The time limit of a wait for the server, its store or another client: generous, for a busy
 * machine, as only a wait that fails takes it all.
 */
export const patience = 30_000

/** Waits until `check` holds, polling; throws `what` after `timeout` ms. */
export async function waitFor(check: () => boolean, what: string, timeout = patience): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A client: a Yjs document and its provider. */
export interface Client {
  ydoc: Y.Doc
  provider: HocuspocusProvider
  /** Set when the server refused the token. */
  refused: string | null
  /** Close reasons the server sent for the document. */
  closes: string[]
  destroy(): void
}

/** Connects a provider to a document (does not wait); `token` may be a function, asked again for each connection and when the server asks for a fresh one. */
export function connect(url: string, name: string, token: string | (() => Promise<string>), ydoc = new Y.Doc()): Client {
  // Reconnects quickly (the restart tests wait for it).
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 })
  const client: Client = {
    ydoc,
    refused: null,
    closes: [],
    provider: new HocuspocusProvider({ websocketProvider: socket, name, document: ydoc, token }),
    destroy() {
      hearClosingError(socket)
      client.provider.destroy()
      socket.destroy()
    },
  }
  client.provider.attach()
  client.provider.on('authenticationFailed', ({ reason }: { reason: string }) => (client.refused = reason))
  client.provider.on('close', ({ event }: { event: { reason: string } }) => client.closes.push(event.reason))
  return client
}

/** Connects and waits for the first sync. */
export async function connectSynced(url: string, name: string, token: string | (() => Promise<string>), ydoc = new Y.Doc()): Promise<Client> {
  const client = connect(url, name, token, ydoc)
  await waitFor(() => client.provider.synced || client.refused !== null, `sync of ${name}`)
  if (client.refused) throw new Error(`refused: ${client.refused}`)
  return client
}

/** Waits until the server has acknowledged every change the client sent. */
export function acknowledged(client: Client, timeout = patience): Promise<void> {
  return waitFor(() => client.provider.synced && client.provider.unsyncedChanges === 0, 'acknowledgement', timeout)
}

/** The text of the opening's (preamble's) first paragraph, as Yjs holds it; made when missing. */
export function openingText(ydoc: Y.Doc): Y.XmlText {
  const preamble = sharedContent(ydoc).get(1) as Y.XmlElement
  if (preamble.nodeName !== 'preamble') throw new Error(`expected the preamble, got ${preamble.nodeName}`)
  const paragraph = preamble.get(0) as Y.XmlElement
  const first = paragraph.get(0)
  if (first instanceof Y.XmlText) return first
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  return text
}

/** A raw Hocuspocus message: authentication with a token. */
export function authMessage(document: string, token: string): Uint8Array {
  return new Writer().varString(document).varUint(2).varUint(0).varString(token).varString('4.7.0').toUint8Array()
}

/** A raw Hocuspocus message: sync step 1 with an empty state vector (asks for the whole document). */
export function syncStep1Message(document: string): Uint8Array {
  return new Writer().varString(document).varUint(0).varUint(0).varUint8Array(Y.encodeStateVector(new Y.Doc())).toUint8Array()
}

/**
 * Opens a raw WebSocket, sends `messages`, and collects every frame received until those received
 * hold the bytes `awaited`, then for `ms` milliseconds more: whatever the server sends after it.
 */
export async function rawExchange(url: string, messages: Uint8Array[], awaited: Buffer, ms = 600): Promise<Buffer[]> {
  const frames: Buffer[] = []
  const ws = new WebSocket(url)
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  try {
    for (const m of messages) ws.send(m)
    await waitFor(() => Buffer.concat(frames).includes(awaited), `the frames holding ${JSON.stringify(awaited.toString())}`)
    await sleep(ms)
  } finally {
    ws.close()
  }
  return frames
}

/**
 * Changes a client's shared summary as an editor bound with y-prosemirror would: the new document
 * `change` makes from the current one, written as the differences (y-prosemirror's
 * `updateYFragment`), the changed attributes into the attributes map.
 */
export function editSummary(ydoc: Y.Doc, change: (doc: PMNode) => PMNode): void {
  const before = summaryOfShared(ydoc)
  if (!before) throw new Error('the shared document is empty')
  // ProseMirror's toJSON shares the attrs object: keep the values as they were.
  const beforeAttrs = { ...before.attrs }
  const after = change(before)
  ydoc.transact(() => {
    updateYFragment(ydoc, sharedContent(ydoc), after, { mapping: new Map(), isOMark: new Map() })
    const attributes = sharedAttributes(ydoc)
    for (const [name, value] of Object.entries(after.attrs)) if (beforeAttrs[name] !== value) attributes.set(name, value)
  })
}

/** The text of a shared summary as the model reads it (empty when it is empty). */
export function textOf(ydoc: Y.Doc): string {
  return summaryOfShared(ydoc)?.textContent ?? ''
}
