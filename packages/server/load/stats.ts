/** A distribution of samples (ms): how many, and the percentiles the issue asks for. */
export interface Distribution {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

/** The distribution of some values (nearest-rank percentiles); all zero when there are none. */
export function distributionOf(values: Float64Array): Distribution {
  const sorted = values.slice().sort()
  const n = sorted.length
  if (n === 0) return { count: 0, p50: 0, p95: 0, p99: 0, max: 0, mean: 0 }
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]!
  let sum = 0
  for (const v of sorted) sum += v
  return { count: n, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[n - 1]!, mean: sum / n }
}

/**
 * Samples collected one by one, each with the time it is about (for latencies, when the marker
 * was sent), in growing typed arrays (hundreds of thousands without an array of boxed numbers).
 */
export class Samples {
  private values = new Float64Array(1024)
  private times = new Float64Array(1024)
  private length = 0

  /** Adds a sample `value` about time `at`. */
  add(value: number, at: number): void {
    if (this.length === this.values.length) {
      const values = new Float64Array(this.length * 2)
      const times = new Float64Array(this.length * 2)
      values.set(this.values)
      times.set(this.times)
      this.values = values
      this.times = times
    }
    this.values[this.length] = value
    this.times[this.length++] = at
  }

  /** How many samples there are. */
  get count(): number {
    return this.length
  }

  /** The distribution of every sample so far. */
  distribution(): Distribution {
    return distributionOf(this.values.subarray(0, this.length))
  }

  /** The distribution of the samples about a time from `from` (included) to `to` (excluded). */
  between(from: number, to: number): Distribution {
    const picked: number[] = []
    for (let i = 0; i < this.length; i++) if (this.times[i]! >= from && this.times[i]! < to) picked.push(this.values[i]!)
    return distributionOf(Float64Array.from(picked))
  }
}
