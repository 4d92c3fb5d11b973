import { join } from 'node:path'
import * as Y from 'yjs'
import { toSummary } from '@zongjie/model'
import { sqliteStore } from '../src/index.ts'
import { sharedAttributes, sharedContent, summaryOfShared } from '../src/shared.ts'
import { markersIn, plainText, typedText } from './markers.ts'
import type { Ledger } from './writer.ts'

/** A document as every client should now have it: its content (as XML), its attributes, and the markers in its typed text. */
export interface Agreed {
  document: string
  content: string
  attributes: string
  markers: string[]
}

/** What a Yjs document holds, in a form two copies can be compared by. */
function contentOf(ydoc: Y.Doc): { content: string; attributes: string; markers: string[] } {
  const text = typedText(ydoc)
  return {
    content: sharedContent(ydoc).toString(),
    attributes: JSON.stringify(sharedAttributes(ydoc).toJSON()),
    markers: text ? markersIn(plainText(text)) : [],
  }
}

/** Why a document is no valid summary, or null when it is one (an empty document is not). */
function summaryProblem(ydoc: Y.Doc): string | null {
  try {
    return summaryOfShared(ydoc) ? null : 'it is empty'
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

/**
 * Whether the markers a document holds are exactly those typed on it and not deleted: each once,
 * none missing (an edit lost), none deleted still there (a deletion lost). The problems, fit for
 * the report.
 */
export function markerProblems(where: string, ledger: Ledger, found: string[]): string[] {
  const problems: string[] = []
  const seen = new Set<string>()
  const missing: string[] = []
  const unexpected: string[] = []
  const twice: string[] = []
  for (const m of found) {
    if (seen.has(m)) twice.push(m)
    seen.add(m)
    if (!ledger.sent.has(m) || ledger.deleted.has(m)) unexpected.push(m)
  }
  for (const m of ledger.sent.keys()) if (!ledger.deleted.has(m) && !seen.has(m)) missing.push(m)
  const some = (list: string[]) => `${list.slice(0, 5).join(' ')}${list.length > 5 ? ' …' : ''}`
  if (missing.length) problems.push(`${where}: ${missing.length} typed marker(s) missing: ${some(missing)}`)
  if (unexpected.length) problems.push(`${where}: ${unexpected.length} marker(s) deleted or never typed are there: ${some(unexpected)}`)
  if (twice.length) problems.push(`${where}: ${twice.length} marker(s) there twice: ${some(twice)}`)
  return problems
}

/**
 * Checks that every client of a document has the same document (state vector, content,
 * attributes), a valid summary, holding every marker typed and not deleted. Returns the problems
 * and what they agree on (the first client's, when they do not).
 */
export function checkConverged(ledger: Ledger, ydocs: Y.Doc[]): { problems: string[]; agreed: Agreed } {
  const problems: string[] = []
  const first = contentOf(ydocs[0]!)
  const firstVector = Buffer.from(Y.encodeStateVector(ydocs[0]!))
  ydocs.forEach((ydoc, i) => {
    const where = `${ledger.document}, client ${i}`
    if (i > 0) {
      const other = contentOf(ydoc)
      if (!firstVector.equals(Buffer.from(Y.encodeStateVector(ydoc)))) problems.push(`${where}: its state vector differs from client 0's`)
      if (other.content !== first.content) problems.push(`${where}: its content differs from client 0's`)
      if (other.attributes !== first.attributes) problems.push(`${where}: its attributes differ from client 0's`)
    }
    const invalid = summaryProblem(ydoc)
    if (invalid) problems.push(`${where}: not a valid summary: ${invalid}`)
  })
  problems.push(...markerProblems(`${ledger.document}, client 0`, ledger, first.markers))
  return { problems, agreed: { document: ledger.document, ...first } }
}

/**
 * Checks the stored copies in a stopped server's DATA_DIR: each document's Yjs state (with the
 * update log merged in) is what the clients agreed on, a valid summary whose Summary JSON column
 * matches it, holding every marker typed and not deleted. Returns the problems and how many
 * documents still had logged updates (none after a clean stop).
 */
export async function checkStored(dataDir: string, ledgers: Ledger[], agreed: Agreed[]): Promise<{ problems: string[]; withLoggedUpdates: number }> {
  const problems: string[] = []
  let withLoggedUpdates = 0
  const store = sqliteStore(join(dataDir, 'zongjie.sqlite'), () => {})
  await store.open()
  try {
    for (const [i, ledger] of ledgers.entries()) {
      const where = `${ledger.document}, stored`
      const stored = await store.read(ledger.document)
      if (!stored) {
        problems.push(`${where}: nothing stored`)
        continue
      }
      if (stored.loggedUpdates) withLoggedUpdates++
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, stored.state)
      const held = contentOf(ydoc)
      if (held.content !== agreed[i]!.content) problems.push(`${where}: its content differs from the clients'`)
      if (held.attributes !== agreed[i]!.attributes) problems.push(`${where}: its attributes differ from the clients'`)
      const invalid = summaryProblem(ydoc)
      if (invalid) problems.push(`${where}: not a valid summary: ${invalid}`)
      // The Summary JSON column is written with the whole state; logged updates after it are not in it.
      else if (!stored.loggedUpdates && JSON.stringify(stored.summary) !== JSON.stringify(toSummary(summaryOfShared(ydoc)!))) problems.push(`${where}: its Summary JSON column is not its Yjs state's summary`)
      problems.push(...markerProblems(where, ledger, held.markers))
      ydoc.destroy()
    }
  } finally {
    await store.close()
  }
  return { problems, withLoggedUpdates }
}
