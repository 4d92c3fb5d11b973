import { machineBusySeconds, ProcessSampler, type ProcessReading } from './proc.ts'
import type { Distribution, Samples } from './stats.ts'

/** The state of things at a moment of the typing: the server's reading, the machine's and this process's CPU time, keystrokes so far. */
export interface Snapshot {
  /** `performance.now()`. */
  at: number
  server: ProcessReading | null
  /** CPU time every process of the machine has used (s), null without /proc/stat. */
  machineBusy: number | null
  /** CPU time this process (the load generator) has used (s). */
  generatorCpu: number
  keystrokes: number
}

/** Takes a {@link Snapshot}. */
export function snapshot(sampler: ProcessSampler, keystrokes: number): Snapshot {
  const cpu = process.cpuUsage()
  return { at: performance.now(), server: sampler.sample(), machineBusy: machineBusySeconds(), generatorCpu: (cpu.user + cpu.system) / 1e6, keystrokes }
}

/**
 * A stretch of the typing (10 s): the latency of the markers sent in it, and the CPU of the server,
 * of the generator and of the machine's other processes meanwhile (percent of one core), so that
 * latency can be read against what else ran.
 */
export interface TypingWindow {
  /** Seconds from the start of typing. */
  from: number
  to: number
  keystrokes: number
  latency: Distribution
  serverCpu: number | null
  /** The share of the window the server's JavaScript thread was ready to run but had no core. */
  serverWaiting: number | null
  generatorCpu: number
  othersCpu: number | null
}

/** The window between two snapshots; `start` is when typing started. */
export function windowBetween(a: Snapshot, b: Snapshot, start: number, latency: Samples): TypingWindow {
  const seconds = (b.at - a.at) / 1000
  const generator = b.generatorCpu - a.generatorCpu
  const server = a.server && b.server ? b.server.cpuSeconds - a.server.cpuSeconds : null
  const others = a.machineBusy !== null && b.machineBusy !== null && server !== null ? Math.max(0, b.machineBusy - a.machineBusy - server - generator) : null
  return {
    from: (a.at - start) / 1000,
    to: (b.at - start) / 1000,
    keystrokes: b.keystrokes - a.keystrokes,
    latency: latency.between(a.at, b.at),
    serverCpu: ProcessSampler.cpuPercent(a.server, b.server),
    serverWaiting: ProcessSampler.waitPercent(a.server, b.server),
    generatorCpu: (generator / seconds) * 100,
    othersCpu: others === null ? null : (others / seconds) * 100,
  }
}
