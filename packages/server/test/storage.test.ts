import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import * as Y from 'yjs'
import pg from 'pg'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { toSummary } from '@zongjie/model'
import { acknowledged, connect, connectSynced, openingText, removeDir, startServer, tempDir, textOf, tokenFor, waitFor, type Client } from './helpers.ts'
import { skipPostgres, startCluster, type Cluster } from './postgres.ts'
import type { ServerOptions } from '../src/index.ts'
import { summaryOfShared } from '../src/shared.ts'

/** A storage back end as the tests see it: the options that select it, and raw access to its tables. */
interface Backend {
  options: ServerOptions
  /** The stored row of a document: the Yjs state bytes and the Summary JSON. */
  row(name: string): Promise<{ data: Uint8Array; summary: unknown } | null>
  /** Renames the documents table away (so that loading fails) or back. */
  moveTable(away: boolean): Promise<void>
  close(): Promise<void>
}

async function sqliteBackend(): Promise<Backend> {
  const dataDir = tempDir()
  const ext = new SQLite({ database: join(dataDir, 'zongjie.sqlite') })
  let db: { prepare(sql: string): { get(...p: unknown[]): unknown; run(...p: unknown[]): unknown }; close(): void } | null = null
  const raw = async () => {
    if (!db) {
      await ext.onConfigure()
      db = ext.db as unknown as NonNullable<typeof db>
    }
    return db
  }
  return {
    options: { dataDir },
    async row(name) {
      const d = await raw()
      const row = d.prepare('SELECT data FROM documents WHERE name = ?').get(name) as { data: Buffer } | undefined
      const summary = d.prepare('SELECT summary FROM zongjie_summaries WHERE name = ?').get(name) as { summary: string | null } | undefined
      return row ? { data: new Uint8Array(row.data), summary: summary?.summary ? JSON.parse(summary.summary) : null } : null
    },
    async moveTable(away) {
      ;(await raw()).prepare(away ? 'ALTER TABLE documents RENAME TO documents_away' : 'ALTER TABLE documents_away RENAME TO documents').run()
    },
    async close() {
      db?.close()
      removeDir(dataDir)
    },
  }
}

async function postgresBackend(cluster: Cluster): Promise<Backend> {
  const client = new pg.Client({ connectionString: cluster.url })
  await client.connect()
  return {
    options: { databaseUrl: cluster.url },
    async row(name) {
      const r = await client.query<{ data: Buffer; summary: unknown; updated_at: Date | null }>('SELECT data, summary, updated_at FROM zongjie_documents WHERE name = $1', [name])
      const row = r.rows[0]
      if (row) expect(row.updated_at).toBeInstanceOf(Date)
      return row ? { data: new Uint8Array(row.data), summary: row.summary } : null
    },
    async moveTable(away) {
      await client.query(away ? 'ALTER TABLE zongjie_documents RENAME TO zongjie_documents_away' : 'ALTER TABLE zongjie_documents_away RENAME TO zongjie_documents')
    },
    async close() {
      await client.end()
    },
  }
}

function storageTests(name: string, make: () => Promise<Backend>) {
  describe(`storage: ${name}`, () => {
    let backend: Backend
    const clients: Client[] = []
    beforeAll(async () => {
      backend = await make()
    })
    afterAll(async () => {
      for (const c of clients) c.destroy()
      await backend?.close()
    })

    it('stores the Yjs state with the current Summary JSON beside it; what is read back is exactly what was stored', async () => {
      const first = await startServer(backend.options)
      const doc = `${name}/stored`
      const writer = await connectSynced(first.server.url, doc, await tokenFor(doc))
      clients.push(writer)
      openingText(writer.ydoc).insert(0, '存进数据库的字')
      await acknowledged(writer)
      await waitFor(() => first.logs.some((e) => e.event === 'document-stored' && e.document === doc), 'a debounced store')
      const row = (await backend.row(doc))!
      const copy = new Y.Doc()
      Y.applyUpdate(copy, row.data)
      expect(textOf(copy)).toBe('存进数据库的字')
      expect(row.summary).toEqual(toSummary(summaryOfShared(writer.ydoc)!))
      writer.destroy()
      await first.cleanup()

      // Read back (the path a load takes) byte for byte, and loaded by a new server.
      const second = await startServer(backend.options)
      try {
        const stored = await second.server.store.read(doc)
        expect(stored!.loggedUpdates).toBe(0)
        expect(Buffer.from(stored!.state).equals(Buffer.from((await backend.row(doc))!.data))).toBe(true)
        const reader = await connectSynced(second.server.url, doc, await tokenFor(doc, 'reader'))
        clients.push(reader)
        expect(textOf(reader.ydoc)).toBe('存进数据库的字')
        reader.destroy()
      } finally {
        await second.cleanup()
      }
    })

    it('a failing load refuses the connection, and no empty document overwrites the stored one', async () => {
      const running = await startServer(backend.options)
      try {
        const doc = `${name}/kept`
        const writer = await connectSynced(running.server.url, doc, await tokenFor(doc))
        openingText(writer.ydoc).insert(0, '不能丢的字')
        await acknowledged(writer)
        writer.destroy()
        await waitFor(() => !running.server.hocuspocus.documents.has(doc), 'the document stored and unloaded')
        await backend.moveTable(true)
        const refused = connect(running.server.url, doc, await tokenFor(doc))
        clients.push(refused)
        await waitFor(() => refused.refused !== null, 'the refusal')
        expect(refused.refused).toBe('storage-unavailable')
        expect(running.logs.some((e) => e.event === 'load-failed' && e.document === doc)).toBe(true)
        expect(running.server.hocuspocus.documents.has(doc)).toBe(false)
        refused.destroy()
        await backend.moveTable(false)
        const again = await connectSynced(running.server.url, doc, await tokenFor(doc, 'reader'))
        clients.push(again)
        expect(textOf(again.ydoc)).toBe('不能丢的字')
      } finally {
        await running.cleanup()
      }
    })
  })
}

storageTests('sqlite', sqliteBackend)

describe.skipIf(skipPostgres())('PostgreSQL (a throwaway cluster)', () => {
  let cluster: Cluster
  beforeAll(async () => {
    cluster = await startCluster()
  })
  afterAll(async () => {
    await cluster?.stop()
  })
  storageTests('postgres', () => postgresBackend(cluster))
})
