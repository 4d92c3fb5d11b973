import { readFileSync } from 'node:fs'

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on every Linux build in use). */
const ticksPerSecond = 100

/** One reading of a process from /proc: resident memory now and at its highest, and CPU time used so far. */
export interface ProcessReading {
  /** Milliseconds since the sampler started. */
  at: number
  /** VmRSS, in KiB. */
  rssKiB: number
  /** VmHWM (the highest VmRSS so far), in KiB. */
  hwmKiB: number
  /** User and system CPU time used since the process started, in seconds. */
  cpuSeconds: number
  /** Time its main thread (where its JavaScript runs) spent runnable but waiting for a core, since it started, in seconds (/proc/<pid>/schedstat; 0 without it). */
  waitSeconds: number
}

/** Reads a process's memory and CPU time from /proc (Linux); null when it cannot (gone, or no /proc). */
export function readProcess(pid: number, at = 0): ProcessReading | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    // The fields after the command's name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
    const reading = { at, rssKiB: kib('VmRSS'), hwmKiB: kib('VmHWM'), cpuSeconds, waitSeconds: runQueueSeconds(pid) }
    return Number.isFinite(reading.rssKiB) ? reading : null
  } catch {
    return null
  }
}

/** The time a process's main thread has waited on a run queue (runnable, no core free), in seconds; 0 when the kernel does not tell. */
export function runQueueSeconds(pid: number): number {
  try {
    // "time on a core (ns) time waiting to run (ns) timeslices"
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9 || 0
  } catch {
    return 0
  }
}

/** Samples a process every `everyMs` (every second by default) until stopped; the readings are kept. */
export class ProcessSampler {
  /** Every reading taken, in order. */
  readonly readings: ProcessReading[] = []
  private readonly started = performance.now()
  private readonly timer: NodeJS.Timeout

  constructor(
    readonly pid: number,
    everyMs = 1000,
  ) {
    this.sample()
    this.timer = setInterval(() => this.sample(), everyMs)
    this.timer.unref()
  }

  /** Takes a reading now (also kept); null when the process cannot be read. */
  sample(): ProcessReading | null {
    const reading = readProcess(this.pid, performance.now() - this.started)
    if (reading) this.readings.push(reading)
    return reading
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.timer)
  }

  /** The highest resident memory seen, in KiB (VmHWM covers the moments between samples); null without readings. */
  peakKiB(): number | null {
    if (!this.readings.length) return null
    return Math.max(...this.readings.map((r) => Math.max(r.rssKiB, r.hwmKiB)))
  }

  /** The share of one core the process used between two readings, in percent. */
  static cpuPercent(from: ProcessReading | null, to: ProcessReading | null): number | null {
    if (!from || !to || to.at <= from.at) return null
    return (100 * (to.cpuSeconds - from.cpuSeconds)) / ((to.at - from.at) / 1000)
  }

  /** The share of the time between two readings the process's main thread was ready to run but had no core, in percent. */
  static waitPercent(from: ProcessReading | null, to: ProcessReading | null): number | null {
    if (!from || !to || to.at <= from.at) return null
    return (100 * (to.waitSeconds - from.waitSeconds)) / ((to.at - from.at) / 1000)
  }
}

/** The CPU time every core of the machine has been busy so far (all processes), in seconds; null without /proc/stat. */
export function machineBusySeconds(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    // cpu  user nice system idle iowait irq softirq steal …
    const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number)
    return (user! + nice! + system! + irq! + softirq!) / ticksPerSecond
  } catch {
    return null
  }
}
