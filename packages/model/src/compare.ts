import { diffArrays, diffWords } from 'diff'
import { metricText } from './schema.ts'
import { contextBefore, type Block, type Run, type Section, type Summary } from './summary.ts'

/** A piece of a changed text: kept, inserted or deleted words. */
export interface ComparePiece {
  op: 'same' | 'insert' | 'delete'
  text: string
}

/**
 * One difference between two versions of a summary (版本比较), in the terms of the genre. `where`
 * is the section's place as numbered in the version it is found in (the newer one, except for
 * what was removed): `二、（一）`, `导语` (the opening) or `结尾` (the closing); `paragraph`
 * counts the section's own paragraphs and work items from 1.
 */
export type Change =
  | { kind: 'title'; old: string; new: string }
  | { kind: 'section-added'; where: string; title: string }
  | { kind: 'section-removed'; where: string; title: string }
  | { kind: 'section-moved'; title: string; from: string; to: string }
  | { kind: 'section-renumbered'; title: string; from: string; to: string }
  | { kind: 'section-retitled'; where: string; old: string; new: string }
  | { kind: 'paragraph-added'; where: string; paragraph: number; text: string }
  | { kind: 'paragraph-removed'; where: string; paragraph: number; text: string }
  | { kind: 'paragraph-changed'; where: string; paragraph: number; old: string; new: string; pieces: ComparePiece[] }
  | { kind: 'metric-changed'; where: string; paragraph: number; context: string; old: string; new: string }
  | { kind: 'sign-off'; old: string; new: string }

/** A paragraph or a work item, as compared: its text, that text with each metric as one mark, and its metrics. */
interface Unit {
  text: string
  skeleton: string
  metrics: { text: string; context: string }[]
}

/** A section (or the opening or closing), flattened: where it is, its parent, and what it says. */
interface Part {
  title: string
  number: string
  where: string
  parent: number
  units: Unit[]
}

/** Stands for a metric in a unit's skeleton, so that a changed value is not a changed paragraph. */
const metricMark = '\uE000'

function unitOf(text: string, runs: Run[] | undefined): Unit {
  if (!runs) return { text, skeleton: text, metrics: [] }
  let skeleton = ''
  const metrics: Unit['metrics'] = []
  for (const run of runs) {
    if ('metric' in run) {
      metrics.push({ text: metricText(run.metric), context: contextBefore(skeleton.slice(skeleton.lastIndexOf(metricMark) + 1)) })
      skeleton += metricMark
    } else skeleton += 'blank' in run ? (run.blank.value ?? run.blank.placeholder) : run.text
  }
  return { text, skeleton, metrics }
}

function unitsOf(blocks: Block[]): Unit[] {
  const units: Unit[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph') units.push(unitOf(block.text, block.runs))
    else {
      if (block.intro) units.push(unitOf(block.intro, block.introRuns))
      for (const item of block.items) {
        const unit = unitOf(item.text, item.runs)
        units.push({ ...unit, text: item.ordinal + unit.text, skeleton: item.ordinal + unit.skeleton })
        for (const note of item.notes ?? []) units.push(unitOf(note.text, note.runs))
      }
    }
  }
  return units
}

/** The opening, every section in reading order (each after its parent) and the closing. */
function partsOf(summary: Summary): Part[] {
  const parts: Part[] = [{ title: '导语', number: '', where: '导语', parent: -1, units: unitsOf(summary.preamble) }]
  const walk = (sections: Section[], parent: number, where: string) => {
    for (const s of sections) {
      const here = where + (s.number || `「${s.title}」`)
      parts.push({ title: s.title, number: s.number, where: here, parent, units: unitsOf(s.body) })
      walk(s.sections, parts.length - 1, here)
    }
  }
  walk(summary.sections, -1, '')
  parts.push({ title: '结尾', number: '', where: '结尾', parent: -1, units: unitsOf(summary.closing) })
  return parts
}

/** How alike two texts are, 0 to 1: the Dice coefficient of their character pairs. */
function likeness(a: string, b: string): number {
  if (a === b) return 1
  const pairs = (t: string) => {
    const m = new Map<string, number>()
    for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1)
    return m
  }
  const pa = pairs(a)
  const pb = pairs(b)
  let shared = 0
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0)
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0)
  return total ? (2 * shared) / total : 0
}

/** What a part says, for telling which section of one version became which of the other. */
const bodyOf = (p: Part) => p.units.map((u) => u.skeleton).join('\n')

/**
 * Which part of the older version each part of the newer one is (-1 for a new one): first by the
 * same title (in order, for titles that repeat), then the rest by alike titles or alike bodies.
 */
function matchParts(older: Part[], newer: Part[]): number[] {
  const match = newer.map(() => -1)
  const taken = new Set<number>()
  newer.forEach((p, i) => {
    const j = older.findIndex((o, k) => !taken.has(k) && o.title === p.title && (k === 0) === (i === 0))
    if (j >= 0) {
      match[i] = j
      taken.add(j)
    }
  })
  newer.forEach((p, i) => {
    if (match[i]! >= 0) return
    let best = -1
    let score = 0.5
    older.forEach((o, k) => {
      if (taken.has(k) || k === 0 || k === older.length - 1 || i === 0 || i === newer.length - 1) return
      const s = Math.max(likeness(o.title, p.title), likeness(bodyOf(o), bodyOf(p)))
      if (s > score) [best, score] = [k, s]
    })
    if (best >= 0) {
      match[i] = best
      taken.add(best)
    }
  })
  return match
}

/** The positions of the longest increasing run through `values` (a longest increasing subsequence). */
function increasing(values: number[]): Set<number> {
  const tails: number[] = []
  const previous: number[] = values.map(() => -1)
  values.forEach((v, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (values[tails[mid]!]! < v) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) kept.add(i)
  return kept
}

/** The words that changed between two texts (a word segmentation that knows Chinese). */
export function comparePieces(older: string, newer: string): ComparePiece[] {
  // Where Intl.Segmenter is missing (browsers before Chromium 87), each Chinese character is a word.
  const options = typeof Intl.Segmenter === 'function' ? { intlSegmenter: new Intl.Segmenter('zh', { granularity: 'word' }) } : {}
  return diffWords(older, newer, options).map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'same', text: c.value }))
}

/** The differences of the paragraphs of one section (or the opening, or the closing). */
function compareUnits(where: string, older: Unit[], newer: Unit[], out: Change[]): void {
  const metricsOf = (paragraph: number, a: Unit, b: Unit) => {
    if (a.metrics.length !== b.metrics.length) return
    a.metrics.forEach((m, i) => {
      const n = b.metrics[i]!
      if (m.text !== n.text) out.push({ kind: 'metric-changed', where, paragraph, context: n.context, old: m.text, new: n.text })
    })
  }
  let oi = 0
  let ni = 0
  const hunks = diffArrays(
    older.map((u) => u.skeleton),
    newer.map((u) => u.skeleton),
  )
  for (let h = 0; h < hunks.length; h++) {
    const hunk = hunks[h]!
    if (!hunk.added && !hunk.removed) {
      for (let k = 0; k < hunk.value.length; k++) metricsOf(ni + k + 1, older[oi + k]!, newer[ni + k]!)
      oi += hunk.value.length
      ni += hunk.value.length
      continue
    }
    // A removal and the addition after it (or the other way round): pair the alike paragraphs as changed.
    const next = hunks[h + 1]
    const removed = hunk.removed ? hunk.value.length : 0
    const added = hunk.added ? hunk.value.length : next?.added && hunk.removed ? next.value.length : 0
    if (hunk.removed && next?.added) h++
    const gone = older.slice(oi, oi + removed)
    const come = newer.slice(ni, ni + added)
    const paired = new Map<number, number>()
    come.forEach((u, k) => {
      let best = -1
      let score = 0.4
      gone.forEach((g, j) => {
        if ([...paired.values()].includes(j)) return
        const s = likeness(g.skeleton, u.skeleton)
        if (s > score) [best, score] = [j, s]
      })
      if (best >= 0) paired.set(k, best)
    })
    const pairedOld = new Set(paired.values())
    gone.forEach((g, j) => {
      if (!pairedOld.has(j)) out.push({ kind: 'paragraph-removed', where, paragraph: oi + j + 1, text: g.text })
    })
    come.forEach((u, k) => {
      const j = paired.get(k)
      if (j === undefined) out.push({ kind: 'paragraph-added', where, paragraph: ni + k + 1, text: u.text })
      else {
        out.push({ kind: 'paragraph-changed', where, paragraph: ni + k + 1, old: gone[j]!.text, new: u.text, pieces: comparePieces(gone[j]!.text, u.text) })
        metricsOf(ni + k + 1, gone[j]!, u)
      }
    })
    oi += removed
    ni += added
  }
}

/**
 * The differences between two versions of a summary, aware of its structure: the title; sections
 * added, removed, moved (to another place among their siblings or under another parent),
 * renumbered (by what was added or removed before them) and retitled; in each section found in
 * both, paragraphs and work items added, removed and changed (with the changed words); metrics
 * whose value changed, as values (`6个 → 8个`), not as changed paragraphs; the sign-off. In
 * reading order of the newer version; each difference once.
 */
export function compareSummaries(older: Summary, newer: Summary): Change[] {
  const out: Change[] = []
  if (older.title !== newer.title) out.push({ kind: 'title', old: older.title, new: newer.title })
  const a = partsOf(older)
  const b = partsOf(newer)
  const match = matchParts(a, b)
  // A section under another parent was moved; of the others, those kept in their order are
  // the longest run in the same order in both, and the rest were moved.
  const parentChanged = (i: number) => {
    const o = a[match[i]!]!
    const p = b[i]!
    return o.parent !== (p.parent < 0 ? -1 : match[p.parent]!)
  }
  const both = b.map((_, i) => i).filter((i) => match[i]! >= 0 && !parentChanged(i))
  const inOrder = increasing(both.map((i) => match[i]!))
  const moved = new Set(both.filter((_, k) => !inOrder.has(k)))
  const matchedOld = new Set(match)
  // What was removed is told where it stood among what is kept (before the part that followed it).
  const removedBefore = (i: number) => {
    const j = match[i]!
    if (j < 0) return
    for (let k = j - 1; k >= 0 && !matchedOld.has(k); k--) {
      // A removed section inside another removed one goes with it.
      if (a[k]!.parent >= 0 && !matchedOld.has(a[k]!.parent)) continue
      out.push({ kind: 'section-removed', where: a[k]!.where, title: a[k]!.title })
    }
  }
  b.forEach((p, i) => {
    removedBefore(i)
    const j = match[i]!
    if (j < 0) {
      if (p.parent < 0 || match[p.parent]! >= 0) out.push({ kind: 'section-added', where: p.where, title: p.title })
      return
    }
    const o = a[j]!
    // A section that moves with its parent is not moved itself.
    const parentMoved = p.parent >= 0 && moved.has(p.parent)
    if ((moved.has(i) && !parentMoved) || parentChanged(i)) out.push({ kind: 'section-moved', title: p.title, from: o.where, to: p.where })
    else if (o.number !== p.number) out.push({ kind: 'section-renumbered', title: p.title, from: o.where, to: p.where })
    if (o.title !== p.title) out.push({ kind: 'section-retitled', where: p.where, old: o.title, new: p.title })
    compareUnits(p.where, o.units, p.units, out)
  })
  const signOff = (s: Summary) => (s.signOff ? `${s.signOff.organization} ${s.signOff.date}`.trim() : '')
  if (signOff(older) !== signOff(newer)) out.push({ kind: 'sign-off', old: signOff(older), new: signOff(newer) })
  return out
}

/** A changed text as one line, deleted words `[-…-]` and inserted words `{+…+}` (as wdiff writes them). */
export function markedText(pieces: ComparePiece[]): string {
  return pieces.map((p) => (p.op === 'same' ? p.text : p.op === 'insert' ? `{+${p.text}+}` : `[-${p.text}-]`)).join('')
}

/** A difference as one line of Chinese, for people (the command line's `zongjie diff`). */
export function describeChange(change: Change): string {
  const at = (where: string, paragraph: number) => `${where}第${paragraph}段`
  switch (change.kind) {
    case 'title':
      return `修改标题：「${change.old}」→「${change.new}」`
    case 'section-added':
      return `新增章节 ${change.where} ${change.title}`
    case 'section-removed':
      return `删除章节 ${change.where} ${change.title}`
    case 'section-moved':
      return `移动章节「${change.title}」：${change.from} → ${change.to}`
    case 'section-renumbered':
      return `章节重新编号「${change.title}」：${change.from} → ${change.to}`
    case 'section-retitled':
      return `修改章节标题 ${change.where}：「${change.old}」→「${change.new}」`
    case 'paragraph-added':
      return `新增段落 ${at(change.where, change.paragraph)}：${change.text}`
    case 'paragraph-removed':
      return `删除段落 ${at(change.where, change.paragraph)}：${change.text}`
    case 'paragraph-changed':
      return `修改段落 ${at(change.where, change.paragraph)}：${markedText(change.pieces)}`
    case 'metric-changed':
      return `修改指标 ${at(change.where, change.paragraph)} ${change.context}：${change.old} → ${change.new}`
    case 'sign-off':
      return `修改落款：「${change.old}」→「${change.new}」`
  }
}
