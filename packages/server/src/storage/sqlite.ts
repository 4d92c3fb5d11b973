import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { SQLite, schema as documentsSchema, selectQuery, upsertQuery } from '@hocuspocus/extension-sqlite'
import type { Extension } from '@hocuspocus/server'
import { loadFailed, loggedStore, StorageError, summaryJSONOf, withLoggedUpdates, type DocumentStore, type StoredDocument } from './store.ts'
import { loggable, type Logger } from '../log.ts'

/**
 * The tables beside Hocuspocus' `documents` (name, Yjs state) in the same SQLite file:
 * `zongjie_summaries`, each document's latest Summary JSON (null while it is empty or not a valid
 * summary), written in the same transaction as its state, for back ends that read the structure
 * without Yjs; and `zongjie_updates`, the updates acknowledged since the last store.
 */
export const zongjieSchema = `CREATE TABLE IF NOT EXISTS "zongjie_summaries" (
  "name" text PRIMARY KEY,
  "summary" text,
  "updated_at" text NOT NULL
);
CREATE TABLE IF NOT EXISTS "zongjie_updates" (
  "seq" integer PRIMARY KEY AUTOINCREMENT,
  "name" text NOT NULL,
  "data" blob NOT NULL
);
CREATE INDEX IF NOT EXISTS "zongjie_updates_name" ON "zongjie_updates" ("name", "seq")`

const upsertSummary = `INSERT INTO "zongjie_summaries" ("name", "summary", "updated_at") VALUES ($name, $summary, $updatedAt)
  ON CONFLICT(name) DO UPDATE SET summary = $summary, updated_at = $updatedAt`
const selectSummary = 'SELECT summary FROM "zongjie_summaries" WHERE name = $name'
const appendUpdate = 'INSERT INTO "zongjie_updates" ("name", "data") VALUES ($name, $data)'
const selectUpdates = 'SELECT data FROM "zongjie_updates" WHERE name = $name ORDER BY seq'
const clearUpdates = 'DELETE FROM "zongjie_updates" WHERE name = $name'

/** What the server uses of a better-sqlite3 database. */
interface SqliteDatabase {
  prepare(sql: string): { get(params: object): unknown; all(params: object): unknown[]; run(params: object): unknown }
  transaction(run: () => void): () => void
  pragma(pragma: string): unknown
  close(): void
}

/**
 * Documents in a SQLite file (`DATA_DIR/zongjie.sqlite`) through Hocuspocus' SQLite extension:
 * its `documents` table, with `zongjie_summaries` and `zongjie_updates` beside it. Opened here
 * rather than by the extension's own `onConfigure` (which runs unawaited, so a file that cannot
 * be opened would leave the server running without storage); in WAL mode, so that back ends can
 * read it while the server writes, with `synchronous = NORMAL` (a commit survives the process
 * being killed; the last ones may not survive the machine losing power).
 */
export function sqliteStore(file: string, log: Logger): DocumentStore {
  let db: SqliteDatabase | null = null
  const open = () => {
    if (!db) throw new StorageError(`the SQLite file ${file} is not open`)
    return db
  }
  // Prepared once per opening: the append runs at every writer's keystroke.
  let appending: { db: SqliteDatabase; statement: ReturnType<SqliteDatabase['prepare']> } | null = null
  const appendStatement = () => {
    const current = open()
    if (appending?.db !== current) appending = { db: current, statement: current.prepare(appendUpdate) }
    return appending.statement
  }
  const load = (name: string) => {
    const row = open().prepare(selectQuery).get({ name }) as { data: Uint8Array } | undefined
    const updates = (open().prepare(selectUpdates).all({ name }) as { data: Uint8Array }[]).map((u) => u.data)
    return { state: withLoggedUpdates(row?.data ?? null, updates), updates: updates.length }
  }
  const sqlite = new SQLite({
    database: file,
    schema: `${documentsSchema};\n${zongjieSchema}`,
    fetch: async ({ documentName }) => {
      try {
        return load(documentName).state
      } catch (e) {
        loadFailed(log, documentName, e)
      }
    },
    store: async ({ documentName, state, document }) => {
      const { summary, problem } = summaryJSONOf(document)
      // Synchronous from the state's encoding to the commit: every logged update is in `state`.
      await loggedStore(log, documentName, state.length, problem, () => {
        const db = open()
        db.transaction(() => {
          db.prepare(upsertQuery).run({ name: documentName, data: state })
          db.prepare(upsertSummary).run({ name: documentName, summary: summary ? JSON.stringify(summary) : null, updatedAt: new Date().toISOString() })
          db.prepare(clearUpdates).run({ name: documentName })
        })()
      })
    },
  })
  const extension: Extension = {
    extensionName: 'ZongjieSQLite',
    onLoadDocument: (data) => sqlite.onLoadDocument(data),
    onStoreDocument: (data) => sqlite.onStoreDocument(data),
  }
  return {
    extension,
    location: file,
    async open() {
      try {
        mkdirSync(dirname(file), { recursive: true })
        await sqlite.onConfigure()
        db = sqlite.db as unknown as SqliteDatabase
        db.pragma('journal_mode = WAL')
        db.pragma('synchronous = NORMAL')
      } catch (e) {
        throw new StorageError(`cannot open the SQLite file ${file} (${loggable(e)}); set DATA_DIR to a directory the server may write to`)
      }
    },
    async close() {
      db?.close()
      db = null
    },
    async append(documentName, update) {
      appendStatement().run({ name: documentName, data: update })
    },
    async read(documentName): Promise<StoredDocument | null> {
      const { state, updates } = load(documentName)
      if (!state) return null
      const row = open().prepare(selectSummary).get({ name: documentName }) as { summary: string | null } | undefined
      return { state: new Uint8Array(state), summary: row?.summary ? JSON.parse(row.summary) : null, loggedUpdates: updates }
    },
  }
}
