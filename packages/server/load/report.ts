import type { LoadResult } from './load.ts'
import type { ScenarioResult } from './scenario.ts'

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))
const mib = (kib: number | null) => (kib === null ? 'n/a' : `${(kib / 1024).toFixed(0)} MiB`)
const percent = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(0)} %`)

function label(s: ScenarioResult): string {
  const o = s.options
  return o.documents === 1 ? `${o.writersPerDocument} writers, 1 document` : `${o.documents} documents × ${o.writersPerDocument} writers`
}

/** The results as markdown: what was run, a table of the figures, each 10 s of typing against what ran meanwhile, and every problem found. */
export function markdownReport(result: LoadResult): string {
  const o = result.options
  const lines = [
    `Load run ${result.date.slice(0, 10)}, ${result.machine.cpus} cores (${result.machine.cpuModel}), Node ${result.machine.node}, loopback; ` +
      `${o.seconds} s of typing a scenario, a keystroke every ${o.interval[0]}–${o.interval[1]} ms a writer (${Math.round(o.deleteRate * 100)} % backspaces)` +
      `${o.cursors ? ', each with a cursor (awareness) update' : ''}; the server the real command in a child process, SQLite in a temporary DATA_DIR.`,
    '',
    '| scenario | keystrokes | arrivals | p50 | p95 | p99 | max | server RSS idle → connected → peak → end | server CPU per 1000 keys | CPU: server (waiting for a core), generator, others | quiet after | nothing lost |',
    '| --- | --: | --: | --: | --: | --: | --: | --- | --: | --- | --: | --- |',
  ]
  for (const s of result.scenarios) {
    const l = s.latency
    const r = s.server
    const t = s.typing
    lines.push(
      `| ${label(s)} | ${s.inserts + s.deletes} (${((s.inserts + s.deletes) / s.options.seconds).toFixed(0)}/s) | ${s.deliveries.received} | ${ms(l.p50)} ms | ${ms(l.p95)} ms | ${ms(l.p99)} ms | ${ms(l.max)} ms | ` +
        `${mib(r.rssIdle)} → ${mib(r.rssConnected)} → ${mib(r.rssPeak)} → ${mib(r.rssEnd)} | ${r.cpuPerThousandKeystrokes === null ? 'n/a' : `${r.cpuPerThousandKeystrokes.toFixed(0)} ms`} | ` +
        `${percent(t.serverCpu)} (${percent(t.serverWaiting)}), ${percent(t.generatorCpu)}, ${percent(t.othersCpu)} | ` +
        `${s.quietAfter === null ? 'never' : `${ms(s.quietAfter)} ms`} | ${s.problems.length ? `**no** (${s.problems.length} problems)` : 'yes'} |`,
    )
  }
  lines.push(
    '',
    'Latency: from a marker sent by one writer to its arrival at each other writer of the document (all writers in this one process, one clock). ' +
      'CPU in percent of one core while typing; "waiting": the share of the time the server was ready to run and had no core; "others": the rest of the machine.',
    '',
    'Each 10 s of typing (latency of the markers sent in it):',
    '',
    '| scenario | s | keystrokes | p50 | p99 | server CPU (waiting) | generator | others |',
    '| --- | --- | --: | --: | --: | --- | --: | --: |',
  )
  for (const s of result.scenarios) {
    for (const w of s.windows) {
      lines.push(
        `| ${s.options.scenario} | ${w.from.toFixed(0)}–${w.to.toFixed(0)} | ${w.keystrokes} | ${ms(w.latency.p50)} ms | ${ms(w.latency.p99)} ms | ` +
          `${percent(w.serverCpu)} (${percent(w.serverWaiting)}) | ${percent(w.generatorCpu)} | ${percent(w.othersCpu)} |`,
      )
    }
  }
  lines.push('')
  for (const s of result.scenarios) {
    const d = s.deliveries
    const notes = [
      `kept markers arrived ${d.keptReceived}/${d.keptExpected} times`,
      `all markers ${d.received}/${d.expected} (one deleted before it reached a writer never arrives there)`,
      `${s.deletes} backspaces`,
      `generator loop delay p99 ${ms(s.generator.loopDelayP99)} ms, waiting for a core ${percent(s.generator.waiting)}`,
      `${s.reconnects} reconnects`,
      `server exit ${s.server.exit ?? 'n/a'}`,
      s.storedWithLoggedUpdates ? `${s.storedWithLoggedUpdates} stored document(s) still with logged updates` : null,
    ]
    lines.push(`- ${s.options.scenario}: ${notes.filter((n) => n !== null).join('; ')}`)
    for (const p of s.problems.slice(0, 20)) lines.push(`  - PROBLEM: ${p}`)
    if (s.problems.length > 20) lines.push(`  - … and ${s.problems.length - 20} more`)
  }
  lines.push('', result.ok ? 'Nothing lost: every writer ended with the same document holding every marker typed and not deleted, and the server stored it.' : 'SOMETHING WAS LOST OR DIVERGED: see the problems above.')
  return lines.join('\n')
}
