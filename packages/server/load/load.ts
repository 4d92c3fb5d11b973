import { cpus } from 'node:os'
import { scenariosOf, type LoadOptions } from './options.ts'
import { runScenario, type Progress, type ScenarioResult } from './scenario.ts'

/** A whole load run: when, where, and each scenario's result. */
export interface LoadResult {
  /** When it started (ISO 8601). */
  date: string
  machine: { cpus: number; cpuModel: string; node: string; platform: string }
  options: LoadOptions
  scenarios: ScenarioResult[]
  /** Whether nothing was lost, diverged or refused in any scenario. */
  ok: boolean
}

/**
 * Runs the load: each scenario the options name, in sequence, each against a server of its own.
 * Returns what was measured and found; `ok` is false when anything was lost or diverged. Used by
 * the command (`pnpm load`) and, at a tiny scale, by the tests.
 */
export async function runLoad(options: LoadOptions, progress: Progress = () => {}): Promise<LoadResult> {
  const date = new Date().toISOString()
  const scenarios: ScenarioResult[] = []
  for (const scenario of scenariosOf(options)) scenarios.push(await runScenario(scenario, progress))
  return {
    date,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
    options,
    scenarios,
    ok: scenarios.every((s) => s.problems.length === 0),
  }
}
