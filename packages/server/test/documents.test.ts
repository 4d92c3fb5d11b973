import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importText, toSummary } from '@zongjie/model'
import { acknowledged, connect, connectSynced, openingText, patience, startServer, textOf, tokenFor, waitFor, type Client, type Running } from './helpers.ts'
import { emptySummary, fillingUpdate, sqliteStore } from '../src/index.ts'
import { sharedContent, sharedProblem, summaryOfShared } from '../src/shared.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。'].join('\n')

let running: Running
const clients: Client[] = []

beforeAll(async () => {
  running = await startServer({ initialSummary: (name) => (name.startsWith('templated/') ? toSummary(importText(draft).doc) : null) })
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(async () => {
  await running?.cleanup()
})

async function join(doc: string, id = 'u1'): Promise<Client> {
  const client = await connectSynced(running.server.url, doc, await tokenFor(doc, 'editor', { id, name: id }))
  clients.push(client)
  return client
}

describe('new documents', () => {
  it('fills a new document with the same Yjs items every time, so that fillings made twice merge into one', () => {
    const a = fillingUpdate(emptySummary())
    const b = fillingUpdate(emptySummary())
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, a)
    Y.applyUpdate(ydoc, b)
    expect(sharedContent(ydoc).length).toBe(3)
    expect(summaryOfShared(ydoc)!.eq(emptySummary())).toBe(true)
  })

  it('two writers opening a new document at once get one empty summary (title, opening paragraph, closing)', async () => {
    const doc = 'new/at-once'
    const [t1, t2] = await Promise.all([tokenFor(doc, 'editor', { id: 'a', name: 'a' }), tokenFor(doc, 'editor', { id: 'b', name: 'b' })])
    const a = connect(running.server.url, doc, t1)
    const b = connect(running.server.url, doc, t2)
    clients.push(a, b)
    await waitFor(() => a.provider.synced && b.provider.synced, 'both synced')
    for (const c of [a, b]) {
      expect(sharedContent(c.ydoc).length).toBe(3)
      expect(summaryOfShared(c.ydoc)!.eq(emptySummary())).toBe(true)
    }
  })

  it('fills a new document with what initialSummary gives', async () => {
    const client = await join('templated/one')
    expect(summaryOfShared(client.ydoc)!.eq(importText(draft).doc)).toBe(true)
    expect(running.logs.find((e) => e.event === 'document-loaded' && e.document === 'templated/one')?.filled).toBe(true)
  })
})

describe('co-editing and storage', () => {
  it("two editors typing into the same paragraph converge, and the stored copy (read back from SQLite) is a valid summary equal to both", async () => {
    const doc = 'edit/together'
    const a = await join(doc, 'a')
    const b = await join(doc, 'b')
    openingText(a.ydoc).insert(0, '开头')
    await acknowledged(a)
    await waitFor(() => textOf(b.ydoc) === '开头', 'b receiving the start')
    // Both type at once, without waiting for each other.
    for (let i = 0; i < 20; i++) {
      openingText(a.ydoc).insert(openingText(a.ydoc).length, '甲')
      openingText(b.ydoc).insert(1, '乙')
      if (i % 5 === 0) await new Promise((r) => setTimeout(r, 5))
    }
    await acknowledged(a)
    await acknowledged(b)
    await waitFor(() => textOf(a.ydoc) === textOf(b.ydoc) && textOf(a.ydoc).length === 42, 'convergence')
    const text = textOf(a.ydoc)
    expect([...text].filter((c) => c === '甲')).toHaveLength(20)
    expect([...text].filter((c) => c === '乙')).toHaveLength(20)
    const server = running.server.hocuspocus.documents.get(doc)!
    expect(textOf(server)).toBe(text)

    // Read back from the SQLite file, as a back end would, once stored.
    const reader = sqliteStore(`${running.dataDir}/zongjie.sqlite`, () => {})
    await reader.open()
    try {
      let stored = await reader.read(doc)
      const start = Date.now()
      while ((stored?.summary?.preamble[0] as { text?: string } | undefined)?.text !== text && Date.now() - start < patience) {
        await new Promise((r) => setTimeout(r, 50))
        stored = await reader.read(doc)
      }
      // Stored whole: the update log emptied by the store.
      expect(stored!.loggedUpdates).toBe(0)
      const copy = new Y.Doc()
      Y.applyUpdate(copy, stored!.state)
      expect(sharedProblem(copy)).toBeNull()
      expect(summaryOfShared(copy)!.eq(summaryOfShared(a.ydoc)!)).toBe(true)
      expect(summaryOfShared(copy)!.eq(summaryOfShared(b.ydoc)!)).toBe(true)
      expect(stored!.summary).toEqual(toSummary(summaryOfShared(a.ydoc)!))
    } finally {
      await reader.close()
    }
  })
})
