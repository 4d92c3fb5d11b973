import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { emptySummary, fillingUpdate } from '../src/index.ts'
import { defaultLoadOptions } from '../load/options.ts'
import { runLoad } from '../load/load.ts'
import { makeTypedText, marker } from '../load/markers.ts'
import { checkConverged } from '../load/verify.ts'
import type { Ledger } from '../load/writer.ts'

/** A client's copy of a new document (filled as the server fills it) with `markers` typed into its opening paragraph. */
function docWith(markers: string[]): Y.Doc {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, fillingUpdate(emptySummary()))
  makeTypedText(ydoc).insert(0, markers.join(''))
  return ydoc
}

/** Another client's copy of the same document. */
function copyOf(ydoc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc))
  return copy
}

/** The document and a copy of it, as two clients that agree hold them. */
function twoWith(markers: string[]): Y.Doc[] {
  const ydoc = docWith(markers)
  return [ydoc, copyOf(ydoc)]
}

function ledgerOf(sent: string[], deleted: string[] = []): Ledger {
  return { document: 'd', sent: new Map(sent.map((m) => [m, 0])), deleted: new Set(deleted), arrivals: new Map(), problems: [] }
}

describe('the load test, tiny (correctness only; `pnpm load` measures)', () => {
  it('3 writers on one document, then 3 documents × 2 writers, typing for 3 s against the server command: all converge, nothing is lost, the stored copies are the same valid summaries', async () => {
    const result = await runLoad({ ...defaultLoadOptions, writers: 3, documents: 3, writersEach: 2, seconds: 3, quietTimeout: 15_000 })
    expect(result.scenarios.map((s) => s.options.scenario)).toEqual(['one-document', 'many-documents'])
    for (const s of result.scenarios) {
      expect(s.problems).toEqual([])
      expect(s.server.exit).toBe(0)
      expect(s.inserts).toBeGreaterThan(10)
      // Every arrival measured is one of a marker some writer sent (no timing is asserted).
      expect(s.latency.count).toBe(s.deliveries.received)
      expect(s.deliveries.received).toBeGreaterThan(0)
      expect(s.deliveries.received).toBeLessThanOrEqual(s.deliveries.expected)
    }
    expect(result.ok).toBe(true)
  })

  it('the checks it ends with find a lost marker, a lost deletion, a duplicate and a client that diverged', () => {
    const [a, b, c] = [marker(0, 0), marker(0, 1), marker(1, 0)]
    expect(checkConverged(ledgerOf([a, b, c], [b]), twoWith([a, c])).problems).toEqual([])
    const lost = checkConverged(ledgerOf([a, b, c]), twoWith([a, c])).problems
    expect(lost).toEqual([expect.stringContaining(`1 typed marker(s) missing: ${b}`)])
    const undeleted = checkConverged(ledgerOf([a, b], [b]), [docWith([a, b])]).problems
    expect(undeleted).toEqual([expect.stringContaining(`deleted or never typed are there: ${b}`)])
    const twice = checkConverged(ledgerOf([a]), [docWith([a, a])]).problems
    expect(twice).toEqual([expect.stringContaining(`there twice: ${a}`)])
    const [first, second] = twoWith([a])
    makeTypedText(second!).insert(0, c)
    const diverged = checkConverged(ledgerOf([a, c]), [first!, second!]).problems
    expect(diverged).toEqual([
      expect.stringContaining('client 1: its state vector differs'),
      expect.stringContaining('client 1: its content differs'),
      expect.stringContaining(`client 0: 1 typed marker(s) missing: ${c}`),
    ])
  })
})
