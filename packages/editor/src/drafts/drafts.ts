/**
 * Drafts kept in the browser (IndexedDB) as the writer types, so that a crash, a closed tab or a
 * timed-out OA session loses nothing: the editor offers the draft when the same summary is opened
 * again. One record per key (the page's `draft-key`): the Summary JSON and when it was kept.
 */

/** A draft as kept: the page's key, the Summary JSON as a string, and the time (ISO 8601). */
export interface Draft {
  key: string
  summary: string
  time: string
}

const databaseName = 'zongjie-drafts'
const storeName = 'drafts'

let database: Promise<IDBDatabase | null> | null = null

/** The drafts' database, made the first time; null where the browser keeps none (no IndexedDB, private modes that refuse it). */
function open(): Promise<IDBDatabase | null> {
  return (database ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null)
    try {
      const request = indexedDB.open(databaseName, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'key' })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => resolve(null)
    } catch {
      resolve(null)
    }
  }))
}

/** Runs one request on the drafts' store; null when there is no database or the request fails. */
async function run<T>(mode: IDBTransactionMode, make: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  const db = await open()
  if (!db) return null
  return new Promise((resolve) => {
    try {
      const request = make(db.transaction(storeName, mode).objectStore(storeName))
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => resolve(null)
    } catch {
      resolve(null)
    }
  })
}

/** The draft kept under `key`, or null. */
export async function readDraft(key: string): Promise<Draft | null> {
  const found = await run<Draft | undefined>('readonly', (store) => store.get(key))
  return found && typeof found.summary === 'string' && typeof found.time === 'string' ? found : null
}

/** Keeps a draft (replacing the one under its key). */
export async function writeDraft(draft: Draft): Promise<void> {
  await run('readwrite', (store) => store.put(draft))
}

/** Forgets the draft kept under `key`. */
export async function removeDraft(key: string): Promise<void> {
  await run('readwrite', (store) => store.delete(key))
}
