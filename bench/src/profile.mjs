// Summaries of V8 CPU profiles (the CDP Profiler's `Profile`, from Chromium or node:inspector):
// the functions with the most self time, the project's own functions with the most total
// (inclusive) time, and self time by source module, each function with the module it was bundled
// from.
import { readFileSync, existsSync } from 'node:fs'

const moduleMaps = new Map()

/**
 * The source module of a line of a bundle that keeps module markers: rolldown's `//#region path`
 * (Vite 8, unminified) or esbuild's `// path` comments. `null` when the file or marker is unknown.
 */
function moduleAt(file, line) {
  if (!file || !existsSync(file)) return null
  let map = moduleMaps.get(file)
  if (!map) {
    map = []
    const lines = readFileSync(file, 'utf8').split('\n')
    lines.forEach((text, i) => {
      const m = /^\/\/#region (\S+)/.exec(text) ?? /^\/\/ ((?:\.\.\/|[\w@.-]+\/)[^\s]*\.(?:[cm]?[jt]s))$/.exec(text)
      if (m) map.push([i, m[1]])
    })
    moduleMaps.set(file, map)
  }
  let found = null
  for (const [at, name] of map) {
    if (at > line) break
    found = name
  }
  return found && found.replace(/^(\.\.\/)+/, '').replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
}

const round = (x) => Math.round(x * 100) / 100

/**
 * Summarises a profile. `fileOf(url)` maps a script URL to the bundle file on disk (for the module
 * markers). `under`, a RegExp, keeps only the samples with a function of a matching name on the
 * stack (the editor's own work, say, leaving out the browser's and the harness's). Times in ms;
 * `share` is of the busy time (idle left out) of the samples kept.
 */
export function summarizeProfile(profile, { top = 12, fileOf = () => null, under = null } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const info = new Map()
  const frameOf = (id) => {
    let f = info.get(id)
    if (!f) {
      const c = byId.get(id).callFrame
      const key = `${c.functionName}|${c.url}|${c.lineNumber}|${c.columnNumber}`
      f = { key, name: c.functionName || '(anonymous)', url: c.url, line: c.lineNumber + 1, module: c.url ? moduleAt(fileOf(c.url), c.lineNumber) : null }
      info.set(id, f)
    }
    return f
  }
  const self = new Map()
  const inclusive = new Map()
  const modules = new Map()
  let total = 0
  const { samples = [], timeDeltas = [] } = profile
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the interval to the next sample (the last one gets the one before it).
    const dt = Math.max(0, (i + 1 < timeDeltas.length ? timeDeltas[i + 1] : timeDeltas[i]) / 1000)
    const leaf = frameOf(samples[i])
    if (leaf.name === '(idle)') continue
    const stack = []
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) stack.push(frameOf(id))
    if (under && !stack.some((f) => under.test(f.name))) continue
    total += dt
    const s = self.get(leaf.key) ?? { ...leaf, ms: 0 }
    s.ms += dt
    self.set(leaf.key, s)
    const mod = leaf.module ?? (leaf.url ? leaf.url.split('/').pop() : leaf.name.startsWith('(') ? leaf.name : '(native)')
    modules.set(mod, (modules.get(mod) ?? 0) + dt)
    for (const f of new Set(stack)) {
      if (!f.module?.startsWith('packages/')) continue
      const x = inclusive.get(f.key) ?? { ...f, ms: 0 }
      x.ms += dt
      inclusive.set(f.key, x)
    }
  }
  const rows = (map) =>
    [...map.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((r) => ({ function: r.name, module: r.module, url: r.url, line: r.line, ms: round(r.ms), share: total > 0 ? Math.round((r.ms / total) * 1000) / 10 : 0 }))
  return {
    busyMs: Math.round(total),
    filter: under ? String(under) : null,
    self: rows(self),
    inclusive: rows(inclusive).slice(0, 8),
    modules: [...modules].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([module, ms]) => ({ module, ms: round(ms), share: total > 0 ? Math.round((ms / total) * 1000) / 10 : 0 })),
  }
}

const where = (r) => (r.module ? `  (${r.module})` : r.url ? `  (${r.url.split('/').pop()}:${r.line})` : '')

/** The summary as text lines, for the console and the report. */
export function formatProfile(summary, indent = '    ') {
  const row = (r) => `${indent}${r.ms.toFixed(1).padStart(8)} ms ${String(r.share).padStart(5)}%  ${r.function}${where(r)}`
  return [
    `${indent}self time:`,
    ...summary.self.map(row),
    ...(summary.inclusive.length ? [`${indent}total time, the project's own functions:`, ...summary.inclusive.map(row)] : []),
    `${indent}self time by module:`,
    ...summary.modules.map((m) => `${indent}${m.ms.toFixed(1).padStart(8)} ms ${String(m.share).padStart(5)}%  ${m.module}`),
  ]
}
