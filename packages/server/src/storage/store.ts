import * as Y from 'yjs'
import type { Extension } from '@hocuspocus/server'
import { toSummary, type Summary } from '@zongjie/model'
import { summaryOfShared } from '../shared.ts'
import { loggable, type Logger } from '../log.ts'

/**
 * Where documents are kept: an extension that loads (`onLoadDocument`) and stores
 * (`onStoreDocument`) each document's Yjs state, with its Summary JSON beside it; opened before
 * the server listens, closed after it has stored everything.
 */
export interface DocumentStore {
  /** The Hocuspocus extension that loads and stores documents. */
  readonly extension: Extension
  /** Where, for the log (no password). */
  readonly location: string
  /** Opens the store (creating its tables); throws a {@link StorageError} saying what to fix. */
  open(): Promise<void>
  /** Closes it. */
  close(): Promise<void>
  /**
   * Keeps a client's update durably before the client is told it was applied: appended to the
   * document's update log, which loading merges into the stored state and storing the whole
   * state empties. So a server killed between two debounced stores loses no acknowledged edit.
   */
  append(documentName: string, update: Uint8Array): Promise<void>
  /** What is stored for a document, read straight from the store (for back ends and checks): its Yjs state (with the update log merged in) and Summary JSON; null when nothing is. */
  read(documentName: string): Promise<StoredDocument | null>
}

/** A document as stored: the Yjs state exactly as `store` received it, and its Summary JSON (null while empty or not a valid summary). */
export interface StoredDocument {
  state: Uint8Array
  /** The Summary JSON of the last full store (it does not know the updates logged since). */
  summary: Summary | null
  /** Updates logged since the last full store, merged into `state`. */
  loggedUpdates: number
}

/** A stored state with the updates logged after it merged in; the state itself, byte for byte, when none were; null when there is nothing. */
export function withLoggedUpdates(state: Uint8Array | null, updates: Uint8Array[]): Uint8Array | null {
  if (!updates.length) return state
  return Y.mergeUpdates(state ? [state, ...updates] : updates)
}

/**
 * The store failed. `reason` is what a client is told when its document could not be loaded
 * (Hocuspocus sends it in a permission-denied message): the connection is refused rather than
 * given an empty document that would later overwrite the stored one.
 */
export class StorageError extends Error {
  override name = 'StorageError'
  readonly reason = 'storage-unavailable'
}

/** The Summary JSON of a shared document, for the column beside its Yjs state: null while it is empty or when it is no valid summary (`problem` then says why, fit for the log). */
export function summaryJSONOf(ydoc: Y.Doc): { summary: Summary | null; problem: string | null } {
  try {
    const doc = summaryOfShared(ydoc)
    return { summary: doc ? toSummary(doc) : null, problem: null }
  } catch (e) {
    return { summary: null, problem: loggable(e) }
  }
}

/** Logs a store's outcome around `store`, and the Summary JSON that could not be made. */
export async function loggedStore(log: Logger, documentName: string, bytes: number, problem: string | null, store: () => Promise<void> | void): Promise<void> {
  if (problem) log({ level: 'warn', event: 'summary-not-stored', document: documentName, reason: `the document is no valid summary: ${problem}` })
  try {
    await store()
  } catch (e) {
    log({ level: 'error', event: 'store-failed', document: documentName, reason: `${loggable(e)}; the document stays in memory and is stored again on its next change` })
    throw e
  }
  log({ level: 'info', event: 'document-stored', document: documentName, bytes })
}

/** Logs a failed load and throws the {@link StorageError} that refuses the connection. */
export function loadFailed(log: Logger, documentName: string, e: unknown): never {
  log({ level: 'error', event: 'load-failed', document: documentName, reason: `${loggable(e)}; the connection is refused (no empty document is served in its place)` })
  throw e instanceof StorageError ? e : new StorageError(`could not load ${documentName}: ${loggable(e)}`)
}
