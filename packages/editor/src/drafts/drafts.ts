/**
 * Drafts kept in the browser (IndexedDB) as the writer types, so that a crash, a closed tab or a
 * timed-out OA session loses nothing: the editor offers the draft when the same summary is opened
 * again. One record per key (the page's `draft-key`): the Summary JSON and when it was kept.
 * When the page goes there is no time for IndexedDB to finish: the last draft is then written to
 * `localStorage` at once as well (`zongjie-draft:<key>`), and reading takes the newer of the two.
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
/** The database once open, for what must be done without waiting. */
let opened: IDBDatabase | null = null

/** Where the draft kept when the page went is in `localStorage`. */
const storageKey = (key: string) => `zongjie-draft:${key}`

/** The drafts' database, made the first time; null where the browser keeps none (no IndexedDB, private modes that refuse it). */
function open(): Promise<IDBDatabase | null> {
  return (database ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null)
    try {
      const request = indexedDB.open(databaseName, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'key' })
      request.onsuccess = () => resolve((opened = request.result))
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

/** A draft as read back, or null when it is not one. */
function draftOf(value: unknown): Draft | null {
  const d = value as Draft | null | undefined
  return d && typeof d.key === 'string' && typeof d.summary === 'string' && typeof d.time === 'string' ? d : null
}

/** The draft kept in `localStorage` when the page went, or null. */
function keptAtLeaving(key: string): Draft | null {
  try {
    const text = localStorage.getItem(storageKey(key))
    return text ? draftOf(JSON.parse(text)) : null
  } catch {
    return null
  }
}

/** The draft kept under `key` (the newer, where the page's going kept one too), or null. */
export async function readDraft(key: string): Promise<Draft | null> {
  const stored = draftOf(await run<Draft | undefined>('readonly', (store) => store.get(key)))
  const leaving = keptAtLeaving(key)
  if (!stored || !leaving) return stored ?? leaving
  return leaving.time > stored.time ? leaving : stored
}

/**
 * Keeps a draft at once, when the page is going: in `localStorage` (written before this returns)
 * and, when the database is open, in IndexedDB too (asked for before this returns).
 */
export function keepDraftNow(draft: Draft): void {
  try {
    localStorage.setItem(storageKey(draft.key), JSON.stringify(draft))
  } catch {
    // Storage full or refused: IndexedDB may still take it.
  }
  try {
    opened?.transaction(storeName, 'readwrite').objectStore(storeName).put(draft)
  } catch {
    // The database is closing with the page.
  }
}

/** Keeps a draft (replacing the one under its key). */
export async function writeDraft(draft: Draft): Promise<void> {
  await run('readwrite', (store) => store.put(draft))
}

/** Forgets the draft kept under `key`. */
export async function removeDraft(key: string): Promise<void> {
  try {
    localStorage.removeItem(storageKey(key))
  } catch {
    // Nothing there to forget.
  }
  await run('readwrite', (store) => store.delete(key))
}
