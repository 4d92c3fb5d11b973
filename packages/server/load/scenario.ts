import type { ScenarioOptions } from './options.ts'
import { ProcessSampler, type ProcessReading } from './proc.ts'
import { startLoadServer } from './server-process.ts'
import { Samples, type Distribution } from './stats.ts'
import { agreeing, openDocuments, until } from './connect.ts'
import { typeFor } from './typing.ts'
import { checkConverged, checkStored, type Agreed } from './verify.ts'
import type { TypingWindow } from './windows.ts'
import type { Ledger, SimWriter } from './writer.ts'

/** What one scenario measured and found. Times in ms, memory in KiB, CPU in percent of one core. */
export interface ScenarioResult {
  options: ScenarioOptions
  /** Writers in all (documents × writers on each). */
  writers: number
  /** Markers typed and backspaces, over all writers. */
  inserts: number
  deletes: number
  /** From a marker's sending to its arrival at each other writer of the document. */
  latency: Distribution
  /**
   * Arrivals of markers at the other writers of their document: of every marker (`received` of
   * `expected`; a marker deleted before it reached a writer, in the same update as its insert, never
   * arrives there), and of the markers kept (`keptReceived` of `keptExpected`: every one must arrive).
   */
  deliveries: { expected: number; received: number; keptExpected: number; keptReceived: number }
  /** The whole typing: CPU of the server, the generator and the machine's other processes, and the share of it the server waited for a core. */
  typing: TypingWindow
  /** Each 10 s of the typing, the latency of the markers sent in it beside what ran meanwhile. */
  windows: TypingWindow[]
  server: {
    /** VmRSS once listening, before any client. */
    rssIdle: number | null
    /** VmRSS with every writer connected, before typing. */
    rssConnected: number | null
    /** The highest VmRSS (VmHWM) until the checks, before the clients left. */
    rssPeak: number | null
    /** VmRSS once quiet after typing, the writers still connected. */
    rssEnd: number | null
    /**
     * The CPU time it used from the start of typing until quiet, per 1000 keystrokes, in ms: what
     * the load costs it, whatever else the machine runs (fixed costs, such as the debounced stores,
     * weigh more at a small load).
     */
    cpuPerThousandKeystrokes: number | null
    /** How it exited after SIGTERM (0 when every document was stored). */
    exit: number | string | null
    /** Its readings from /proc, about every second, from start to the checks. */
    timeline: ProcessReading[]
  }
  /** The load generator (this process, every writer in it) while typing: event-loop delay (ms), share of the time its thread waited for a core. */
  generator: { loopDelayP99: number; loopDelayMax: number; waiting: number }
  /** From the end of typing until every writer was acknowledged and all agreed; null when they never did. */
  quietAfter: number | null
  /** Times writers lost their connection. */
  reconnects: number
  /** Documents whose stored state still had logged updates after the stop (none when the stop stored them all). */
  storedWithLoggedUpdates: number
  /** Everything lost, diverged or refused; empty when nothing was. */
  problems: string[]
}

/** Where a scenario's progress is told (a line at a time); nowhere by default. */
export type Progress = (line: string) => void

/**
 * Runs one scenario against a server of its own (the real command, in a child process): connects
 * the writers, has them type for `seconds`, waits for quiet, checks that every writer has the same
 * document with every marker typed and not deleted, stops the server with SIGTERM and checks what
 * it stored. Never throws for what it finds: that goes into `problems`.
 */
export async function runScenario(options: ScenarioOptions, progress: Progress = () => {}): Promise<ScenarioResult> {
  const problems: string[] = []
  const server = await startLoadServer()
  const sampler = new ProcessSampler(server.pid)
  const latency = new Samples()
  const ledgers: Ledger[] = []
  const writers: SimWriter[][] = []
  const all = () => writers.flat()
  const rssIdle = sampler.sample()?.rssKiB ?? null
  let rssConnected: number | null = null
  let rssEnd: number | null = null
  let cpuPerThousandKeystrokes: number | null = null
  let quietAfter: number | null = null
  let exit: number | string | null = null
  let storedWithLoggedUpdates = 0
  let typed: Awaited<ReturnType<typeof typeFor>> | null = null
  try {
    progress(`${options.scenario}: server pid ${server.pid} on ${server.url}; connecting ${options.documents} × ${options.writersPerDocument} writers`)
    await openDocuments(server, options, latency, { ledgers, writers })
    rssConnected = sampler.sample()?.rssKiB ?? null

    progress(`${options.scenario}: typing for ${options.seconds} s`)
    typed = await typeFor(all(), options, sampler, latency, progress)
    const typingEnd = performance.now()

    progress(`${options.scenario}: waiting for quiet`)
    if (await until(() => writers.every(agreeing), options.quietTimeout)) quietAfter = performance.now() - typingEnd
    else problems.push(`the writers did not all agree within ${options.quietTimeout} ms of the end of typing`)
    const quiet = sampler.sample()
    rssEnd = quiet?.rssKiB ?? null
    const keystrokes = all().reduce((n, w) => n + w.inserts + w.deletes, 0)
    if (quiet && typed.start.server && keystrokes) cpuPerThousandKeystrokes = ((quiet.cpuSeconds - typed.start.server.cpuSeconds) * 1e6) / keystrokes
    sampler.stop()

    progress(`${options.scenario}: checking`)
    const agreed: Agreed[] = []
    writers.forEach((list, d) => {
      const checked = checkConverged(ledgers[d]!, list.map((w) => w.ydoc))
      problems.push(...checked.problems)
      agreed.push(checked.agreed)
    })
    for (const w of all()) w.destroy()
    exit = await server.stop()
    if (exit !== 0) problems.push(`the server exited ${exit} after SIGTERM (0 when every document is stored)`)
    const stored = await checkStored(server.dataDir, ledgers, agreed)
    problems.push(...stored.problems)
    storedWithLoggedUpdates = stored.withLoggedUpdates
  } catch (e) {
    problems.push(`the run failed: ${e instanceof Error ? e.message : String(e)}`)
  } finally {
    sampler.stop()
    for (const w of all()) w.destroy()
    server.remove()
  }
  problems.push(...writerProblems(ledgers, all()), ...serverLogProblems(server.child.lines))

  const inserts = all().reduce((n, w) => n + w.inserts, 0)
  const kept = keptDeliveries(ledgers, writers)
  if (kept.received !== kept.expected) problems.push(`${kept.received} arrivals of kept markers at other writers, not ${kept.expected}`)
  const none: TypingWindow = { from: 0, to: 0, keystrokes: 0, latency: latency.distribution(), serverCpu: null, serverWaiting: null, generatorCpu: 0, othersCpu: null }
  return {
    options,
    writers: options.documents * options.writersPerDocument,
    inserts,
    deletes: all().reduce((n, w) => n + w.deletes, 0),
    latency: latency.distribution(),
    deliveries: { expected: inserts * (options.writersPerDocument - 1), received: all().reduce((n, w) => n + w.received, 0), keptExpected: kept.expected, keptReceived: kept.received },
    typing: typed?.whole() ?? none,
    windows: typed?.windows() ?? [],
    server: { rssIdle, rssConnected, rssPeak: sampler.peakKiB(), rssEnd, cpuPerThousandKeystrokes, exit, timeline: sampler.readings },
    generator: typed?.generator ?? { loopDelayP99: 0, loopDelayMax: 0, waiting: 0 },
    quietAfter,
    reconnects: all().reduce((n, w) => n + w.disconnects, 0),
    storedWithLoggedUpdates,
    problems,
  }
}

/** What went wrong in the writers: refused, closed by the server, markers from no one, their own complaints. */
function writerProblems(ledgers: Ledger[], writers: SimWriter[]): string[] {
  const problems: string[] = []
  for (const ledger of ledgers) problems.push(...ledger.problems.map((p) => `${ledger.document}: ${p}`))
  for (const w of writers) {
    if (w.refused) problems.push(`${w.ledger.document}: writer ${w.index} was refused: ${w.refused}`)
    if (w.closes.length) problems.push(`${w.ledger.document}: writer ${w.index}'s connection was closed: ${w.closes.join(', ')}`)
    if (w.unknown) problems.push(`${w.ledger.document}: writer ${w.index} received ${w.unknown} marker(s) no one sent`)
  }
  return problems
}

/** The server's log lines that mean something was refused or failed. */
function serverLogProblems(lines: Record<string, unknown>[]): string[] {
  return lines.filter((l) => l.event === 'update-refused' || l.level === 'error').map((l) => `server log: ${l.event} ${l.document ?? ''} ${l.reason ?? ''}`.trim())
}

/** How many times the markers kept (typed, not deleted) should have arrived at other writers, and did. */
function keptDeliveries(ledgers: Ledger[], writers: SimWriter[][]): { expected: number; received: number } {
  let expected = 0
  let received = 0
  ledgers.forEach((ledger, d) => {
    for (const m of ledger.sent.keys()) {
      if (ledger.deleted.has(m)) continue
      expected += writers[d]!.length - 1
      received += ledger.arrivals.get(m) ?? 0
    }
  })
  return { expected, received }
}
