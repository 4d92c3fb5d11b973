import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { ScenarioOptions } from './options.ts'
import { runQueueSeconds, type ProcessSampler } from './proc.ts'
import type { Samples } from './stats.ts'
import { snapshot, windowBetween, type Snapshot, type TypingWindow } from './windows.ts'
import type { SimWriter } from './writer.ts'

/** What the typing phase measured: the whole of it and each 10 s of it, and the generator's own event loop. */
export interface Typed {
  /** The whole typing, its latencies as they are when called (call once the writers agree). */
  whole(): TypingWindow
  /** Each 10 s of it, likewise. */
  windows(): TypingWindow[]
  /** The snapshot typing started with. */
  start: Snapshot
  /** This process's event-loop delay while typing (ms), and the share of the time its thread waited for a core (percent). */
  generator: { loopDelayP99: number; loopDelayMax: number; waiting: number }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Has every writer type for `options.seconds`, taking a snapshot every 10 s (told to `progress`),
 * then stops them. The latency of each window is read later, once the markers sent in it have arrived.
 */
export async function typeFor(writers: SimWriter[], options: ScenarioOptions, sampler: ProcessSampler, latency: Samples, progress: (line: string) => void): Promise<Typed> {
  const keystrokes = () => writers.reduce((n, w) => n + w.inserts + w.deletes, 0)
  const loop = monitorEventLoopDelay({ resolution: 1 })
  loop.enable()
  const waitBefore = runQueueSeconds(process.pid)
  const start = snapshot(sampler, 0)
  const endAt = start.at + options.seconds * 1000
  for (const w of writers) w.start(endAt, options)
  const snapshots = [start]
  for (let at = start.at + 10_000; ; at += 10_000) {
    await sleep(Math.max(0, Math.min(at, endAt) - performance.now()))
    const now = snapshot(sampler, keystrokes())
    const last = snapshots[snapshots.length - 1]!
    snapshots.push(now)
    const w = windowBetween(last, now, start.at, latency)
    const reconnects = writers.reduce((n, w) => n + w.disconnects, 0)
    progress(
      `${options.scenario}: ${now.keystrokes} keystrokes; server CPU ${w.serverCpu?.toFixed(0) ?? '?'} % (waiting for a core ${w.serverWaiting?.toFixed(0) ?? '?'} %), ` +
        `generator ${w.generatorCpu.toFixed(0)} %, other processes ${w.othersCpu?.toFixed(0) ?? '?'} %; server RSS ${((now.server?.rssKiB ?? 0) / 1024).toFixed(0)} MiB; ${latency.count} arrivals, ${reconnects} reconnects`,
    )
    if (at >= endAt) break
  }
  for (const w of writers) w.stop()
  loop.disable()
  const end = snapshots[snapshots.length - 1]!
  const seconds = (end.at - start.at) / 1000
  return {
    start,
    whole: () => windowBetween(start, end, start.at, latency),
    windows: () => snapshots.slice(1).map((s, i) => windowBetween(snapshots[i]!, s, start.at, latency)),
    generator: { loopDelayP99: loop.percentile(99) / 1e6, loopDelayMax: loop.max / 1e6, waiting: ((runQueueSeconds(process.pid) - waitBefore) / seconds) * 100 },
  }
}
