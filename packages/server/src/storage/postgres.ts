import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { Database } from '@hocuspocus/extension-database'
import type { Extension } from '@hocuspocus/server'
import { loadFailed, loggedStore, StorageError, summaryJSONOf, withLoggedUpdates, type DocumentStore, type StoredDocument } from './store.ts'
import { loggable, type Logger } from '../log.ts'

/**
 * The tables documents are kept in, created if missing: `zongjie_documents`, the Yjs state
 * exactly as stored, the latest Summary JSON (null while empty or not a valid summary) and when;
 * `zongjie_updates`, the updates acknowledged since the last store.
 */
export const postgresSchema = `CREATE TABLE IF NOT EXISTS zongjie_documents (
  name text PRIMARY KEY,
  data bytea NOT NULL,
  summary jsonb,
  updated_at timestamptz
);
CREATE TABLE IF NOT EXISTS zongjie_updates (
  seq bigserial PRIMARY KEY,
  name text NOT NULL,
  data bytea NOT NULL,
  instance text NOT NULL
);
CREATE INDEX IF NOT EXISTS zongjie_updates_name ON zongjie_updates (name, seq)`

const selectDocument = 'SELECT data, summary FROM zongjie_documents WHERE name = $1'
const selectUpdates = 'SELECT seq, data FROM zongjie_updates WHERE name = $1 ORDER BY seq'
const upsert = `INSERT INTO zongjie_documents (name, data, summary, updated_at) VALUES ($1, $2, $3::jsonb, now())
  ON CONFLICT (name) DO UPDATE SET data = excluded.data, summary = excluded.summary, updated_at = excluded.updated_at`
const appendUpdate = 'INSERT INTO zongjie_updates (name, data, instance) VALUES ($1, $2, $3) RETURNING seq'
const clearUpdates = 'DELETE FROM zongjie_updates WHERE name = $1 AND ((instance = $2 AND seq <= $3) OR seq = ANY($4::bigint[]))'

/** A PostgreSQL URL without its password, for the log and error messages. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'DATABASE_URL'
  }
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)

/**
 * Documents in PostgreSQL (DATABASE_URL) through Hocuspocus' database extension and `pg`. A
 * failing fetch refuses the connection (no empty document is served that would later overwrite
 * the stored one). Storing deletes the logged updates known to be in the stored state: this
 * instance's whose append had finished when the state was encoded (an update is applied before it
 * is appended, and sequence numbers only grow), and those that were merged into the document when
 * it was loaded (another instance's too, by their numbers). Others stay (another instance's updates may not have
 * reached this one through Redis yet), and merge again harmlessly.
 */
export function postgresStore(url: string, log: Logger): DocumentStore {
  const where = withoutPassword(url)
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  pool.on('error', (e) => log({ level: 'error', event: 'database-error', reason: loggable(e) }))
  const instance = randomUUID()
  /** The highest sequence number of an update appended (and so applied) by this instance, per document. */
  const appended = new Map<string, bigint>()
  /** The sequence numbers of the updates merged in when a document was loaded (not a range: another instance's inserts may commit out of order). */
  const loaded = new Map<string, string[]>()
  const load = async (name: string) => {
    const [document, updates] = await Promise.all([pool.query<{ data: Buffer; summary: StoredDocument['summary'] }>(selectDocument, [name]), pool.query<{ seq: string; data: Buffer }>(selectUpdates, [name])])
    const row = document.rows[0]
    return {
      state: withLoggedUpdates(row ? bytes(row.data) : null, updates.rows.map((u) => bytes(u.data))),
      summary: row?.summary ?? null,
      updates: updates.rowCount ?? 0,
      seqs: updates.rows.map((u) => String(u.seq)),
    }
  }
  const database = new Database({
    fetch: async ({ documentName }) => {
      try {
        const { state, seqs } = await load(documentName)
        loaded.set(documentName, seqs)
        return state
      } catch (e) {
        loadFailed(log, documentName, e)
      }
    },
    store: async ({ documentName, state, document }) => {
      const ownUpTo = appended.get(documentName) ?? 0n
      const merged = loaded.get(documentName) ?? []
      const { summary, problem } = summaryJSONOf(document)
      await loggedStore(log, documentName, state.length, problem, async () => {
        const client = await pool.connect()
        try {
          await client.query('BEGIN')
          await client.query(upsert, [documentName, state, summary ? JSON.stringify(summary) : null])
          await client.query(clearUpdates, [documentName, instance, ownUpTo.toString(), merged])
          await client.query('COMMIT')
          if (loaded.get(documentName) === merged) loaded.delete(documentName)
        } catch (e) {
          await client.query('ROLLBACK').catch(() => {})
          throw e
        } finally {
          client.release()
        }
      })
    },
  })
  const extension: Extension = {
    extensionName: 'ZongjiePostgres',
    onLoadDocument: (data) => database.onLoadDocument(data),
    onStoreDocument: (data) => database.onStoreDocument(data),
    async afterUnloadDocument({ documentName, instance: hocuspocus }) {
      if (hocuspocus.documents.has(documentName)) return
      appended.delete(documentName)
      loaded.delete(documentName)
    },
  }
  return {
    extension,
    location: where,
    async open() {
      try {
        await pool.query(postgresSchema)
      } catch (e) {
        await pool.end().catch(() => {})
        throw new StorageError(`cannot use the PostgreSQL database ${where} (${loggable(e)}); check DATABASE_URL, that the server is up and the user may create tables`)
      }
    },
    async close() {
      await pool.end()
    },
    async append(documentName, update) {
      const result = await pool.query<{ seq: string }>(appendUpdate, [documentName, Buffer.from(update.buffer, update.byteOffset, update.byteLength), instance])
      const seq = BigInt(result.rows[0]!.seq)
      if (seq > (appended.get(documentName) ?? 0n)) appended.set(documentName, seq)
    },
    async read(documentName): Promise<StoredDocument | null> {
      const { state, summary, updates } = await load(documentName)
      return state ? { state, summary, loggedUpdates: updates } : null
    },
  }
}
