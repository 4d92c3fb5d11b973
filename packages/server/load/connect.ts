import * as Y from 'yjs'
import { signToken } from '../src/index.ts'
import { makeTypedText, typedText } from './markers.ts'
import type { ScenarioOptions } from './options.ts'
import type { LoadServer } from './server-process.ts'
import type { Samples } from './stats.ts'
import { SimWriter, type Ledger } from './writer.ts'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Waits until `check` holds, polling every 100 ms; false after `timeout` ms. */
export async function until(check: () => boolean, timeout: number): Promise<boolean> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeout) return false
    await sleep(100)
  }
  return true
}

/** Whether the writers of a document have all been acknowledged and hold the same state. */
export function agreeing(writers: SimWriter[]): boolean {
  if (!writers.every((w) => w.acknowledged)) return false
  const first = Buffer.from(Y.encodeStateVector(writers[0]!.ydoc))
  return writers.every((w) => first.equals(Buffer.from(Y.encodeStateVector(w.ydoc))))
}

/**
 * Opens a scenario's documents: a ledger for each, its writers connected (50 at a time, as pages
 * open over a little while rather than in one instant) with an editor's token each, and the
 * opening paragraph given its text by the first writer, as typing there does. Resolves once every
 * writer has it; `writers[d]` are document `d`'s, in order. Throws when that takes over 30 s.
 */
export async function openDocuments(server: LoadServer, options: ScenarioOptions, latency: Samples, into: { ledgers: Ledger[]; writers: SimWriter[][] }): Promise<void> {
  const { ledgers, writers } = into
  const pending: Array<() => Promise<SimWriter>> = []
  for (let d = 0; d < options.documents; d++) {
    const ledger: Ledger = { document: `load/${options.scenario}/${d}`, sent: new Map(), deleted: new Set(), arrivals: new Map(), problems: [] }
    const list: SimWriter[] = []
    ledgers.push(ledger)
    writers.push(list)
    for (let w = 0; w < options.writersPerDocument; w++) {
      pending.push(async () => {
        const id = `writer-${d}-${w}`
        const token = await signToken({ document: ledger.document, role: 'editor', user: { id, name: `写手${d}-${w}` } }, server.secret, 3600)
        const writer = new SimWriter(server.url, w, token, ledger, latency)
        list[w] = writer
        return writer
      })
    }
  }
  for (let i = 0; i < pending.length; i += 50) {
    const batch = await Promise.all(pending.slice(i, i + 50).map((make) => make()))
    await Promise.all(batch.map((w) => w.synced()))
  }
  for (const list of writers) makeTypedText(list[0]!.ydoc)
  if (!(await until(() => writers.every((list) => list.every((w) => typedText(w.ydoc) !== null) && agreeing(list)), 30_000))) {
    throw new Error('the writers did not all get the opening paragraph’s text within 30 s')
  }
}
