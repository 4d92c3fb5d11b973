import { afterAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import * as Y from 'yjs'
import { acknowledged, connectSynced, openingText, removeDir, secret, sleep, tempDir, textOf, tokenFor, waitFor, type Client } from './helpers.ts'
import { exitOf, freePort, root, serverCommand, spawnServer, type ChildServer } from './child.ts'
import { sqliteStore } from '../src/index.ts'
import { sharedContent, sharedProblem } from '../src/shared.ts'

const children: ChildServer[] = []
const clients: Client[] = []
const dirs: string[] = []

afterAll(async () => {
  for (const c of clients) c.destroy()
  for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL')
  for (const d of dirs) removeDir(d)
})

async function start(env: Record<string, string>): Promise<ChildServer> {
  const child = await spawnServer(env)
  children.push(child)
  return child
}

/** The document as stored in DATA_DIR's SQLite file, read while the server is down or running. */
async function storedIn(dataDir: string, name: string) {
  const store = sqliteStore(join(dataDir, 'zongjie.sqlite'), () => {})
  await store.open()
  try {
    const stored = await store.read(name)
    const ydoc = new Y.Doc()
    if (stored) Y.applyUpdate(ydoc, stored.state)
    return { ydoc, stored }
  } finally {
    await store.close()
  }
}

describe('persistence across restarts (the server as a command)', () => {
  it('SIGKILL mid-typing: every acknowledged edit is kept, the client converges after the restart, and a new document filled twice stays one', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), ZONGJIE_JWT_SECRET: secret }
    const first = await start(env)
    const doc = 'persist/killed'
    const writer = await connectSynced(first.url, doc, await tokenFor(doc))
    clients.push(writer)
    // A new document opened but never changed: filled by the server, never stored.
    const idle = await connectSynced(first.url, 'persist/never-stored', await tokenFor('persist/never-stored'))
    clients.push(idle)

    let acked = ''
    for (let i = 0; i < 25; i++) {
      openingText(writer.ydoc).insert(openingText(writer.ydoc).length, String.fromCharCode(0x4e00 + i))
      await acknowledged(writer)
      acked = openingText(writer.ydoc).toString()
    }
    // Mid-typing: more keys in flight, and the server killed.
    for (let i = 0; i < 5; i++) openingText(writer.ydoc).insert(openingText(writer.ydoc).length, '尾')
    first.process.kill('SIGKILL')
    expect(await exitOf(first)).toBe('SIGKILL')

    // Down: every acknowledged edit is in the file (the debounced store never ran).
    const down = await storedIn(dataDir, doc)
    expect(down.stored!.loggedUpdates).toBeGreaterThan(0)
    expect(textOf(down.ydoc).startsWith(acked)).toBe(true)
    expect(sharedProblem(down.ydoc)).toBeNull()

    // Typed while the server is down.
    openingText(writer.ydoc).insert(openingText(writer.ydoc).length, '离线')
    const second = await start(env)
    await waitFor(() => writer.provider.synced && writer.provider.unsyncedChanges === 0, 'the writer reconnected and synced')
    const expected = acked + '尾'.repeat(5) + '离线'
    expect(textOf(writer.ydoc)).toBe(expected)
    const fresh = await connectSynced(second.url, doc, await tokenFor(doc, 'reader'))
    clients.push(fresh)
    expect(textOf(fresh.ydoc)).toBe(expected)

    // The document filled by the first run and again by the second holds one summary.
    await waitFor(() => idle.provider.synced && idle.provider.unsyncedChanges === 0, 'the idle client reconnected')
    const other = await connectSynced(second.url, 'persist/never-stored', await tokenFor('persist/never-stored', 'reader'))
    clients.push(other)
    expect(sharedContent(other.ydoc).length).toBe(3)
    expect(sharedContent(idle.ydoc).length).toBe(3)

    second.process.kill('SIGTERM')
    expect(await exitOf(second)).toBe(0)
  })

  it('SIGTERM with edits pending within the debounce: all stored (the update log emptied by a full store), exit 0', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const server = await start({ DATA_DIR: dataDir, PORT: '0', ZONGJIE_JWT_SECRET: secret })
    const docs = ['persist/term-a', 'persist/term-b']
    const writers = await Promise.all(docs.map(async (d) => connectSynced(server.url, d, await tokenFor(d))))
    clients.push(...writers)
    for (const [i, w] of writers.entries()) {
      for (const ch of `第${i}份未存的字`) {
        openingText(w.ydoc).insert(openingText(w.ydoc).length, ch)
        await acknowledged(w)
      }
    }
    server.process.kill('SIGTERM')
    expect(await exitOf(server)).toBe(0)
    expect(server.lines.some((l) => l.event === 'shutdown-complete')).toBe(true)
    for (const [i, d] of docs.entries()) {
      const { ydoc, stored } = await storedIn(dataDir, d)
      expect(stored!.loggedUpdates).toBe(0)
      expect(textOf(ydoc)).toBe(`第${i}份未存的字`)
      expect(stored!.summary!.preamble).toEqual([{ type: 'paragraph', text: `第${i}份未存的字` }])
    }
  })

  it('refuses to start with NODE_ENV=production and no key, saying what to set', async () => {
    const dataDir = tempDir()
    dirs.push(dataDir)
    const child = spawn(process.execPath, serverCommand, {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ZONGJIE_JWT_SECRET: '', ZONGJIE_JWT_PUBLIC_KEY: '', PORT: '0', DATA_DIR: join(dataDir, 'never') },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let stdout = ''
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c))
    const code = await new Promise((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toMatch(/ZONGJIE_JWT_SECRET/)
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ level: 'error', event: 'start-failed' })
    await sleep(0)
  })
})
