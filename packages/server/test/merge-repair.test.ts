import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { SummaryMirror } from '../src/summary-mirror.ts'
import { judgeWith, repairMerge, repairWhenQuiet, type RepairOutcome, type Verdict } from '../src/index.ts'
import { fillShared, sharedContent, sharedProblem, summaryOfShared } from '../src/shared.ts'
import { editSummary } from './helpers.ts'

const n = schema.nodes

/** A subsection of `kind` with a title and a paragraph holding a metric, its first words bold. */
function subsection(kind: 'section2' | 'section3' | 'section4', title: string): Node {
  const metric = n.metric!.create({ value: 12, unit: '个' })
  const body = n.paragraph!.create(null, [schema.text('新建', [schema.mark('bold')]), schema.text('站点'), metric, schema.text('。')])
  return n[kind]!.create(null, [n.heading!.create(null, schema.text(title)), body])
}

/** The top-level part at `index` among the document's children whose type is `type`, with its position. */
function part(doc: Node, type: string, index = 0): { node: Node; pos: number } {
  let found: { node: Node; pos: number } | null = null
  let seen = 0
  doc.forEach((node, pos) => {
    if (!found && node.type.name === type && seen++ === index) found = { node, pos }
  })
  if (!found) throw new Error(`no ${type} #${index}`)
  return found
}

/** Inserts `node` at the end of the first main-work section (after its body and subsections). */
const atEndOfFirstSection = (node: Node) => (doc: Node) => {
  const { node: section, pos } = part(doc, 'section1')
  const at = pos + section.nodeSize - 1
  return doc.replace(at, at, new Slice(Fragment.from(node), 0, 0))
}

/** Inserts `node` at the end of the first section's body, before any subsection. */
const atEndOfFirstBody = (node: Node) => (doc: Node) => {
  const { node: section, pos } = part(doc, 'section1')
  let at = pos + 1
  section.forEach((child, offset) => {
    if (!child.type.name.startsWith('section')) at = pos + 1 + offset + child.nodeSize
  })
  return doc.replace(at, at, new Slice(Fragment.from(node), 0, 0))
}

/** Inserts `node` right after the first main-work section. */
const afterFirstSection = (node: Node) => (doc: Node) => {
  const { node: section, pos } = part(doc, 'section1')
  const at = pos + section.nodeSize
  return doc.replace(at, at, new Slice(Fragment.from(node), 0, 0))
}

/** The repair of a shared document once its updates pause, as the guard asks for it (short waits). */
function repaired(ydoc: Y.Doc, quiet = 20): Promise<RepairOutcome> {
  return new Promise((ok) => repairWhenQuiet(ydoc, { quiet, longest: 2000 }, () => sharedProblem(ydoc), ok))
}

/** A writer's copy of a shared summary, with a fixed Yjs client id. */
function writerOf(server: Y.Doc, id: number): Y.Doc {
  const d = new Y.Doc()
  d.clientID = id
  Y.applyUpdate(d, Y.encodeStateAsUpdate(server))
  return d
}

/** A change as an editor bound with y-prosemirror makes it, as the update it sends. */
function change(d: Y.Doc, f: (doc: Node) => Node): Uint8Array {
  const before = Y.encodeStateVector(d)
  editSummary(d, (doc) => {
    const next = f(doc)
    next.check()
    return next
  })
  return Y.encodeStateAsUpdate(d, before)
}

/**
 * Two writers change the same shared summary at once, each from the document as it was: the
 * server takes the first's update, then judges the second's, and repairs the merge as the guard
 * has it done. `ids` fixes the writers' Yjs client ids, which decide the order Yjs gives
 * insertions at one place. Every copy ends with the server's document.
 */
async function concurrently(text: string, first: (d: Node) => Node, second: (d: Node) => Node, ids: [number, number]) {
  const server = new Y.Doc()
  fillShared(server, importText(text).doc)
  const mirror = new SummaryMirror(server)
  const [a, b] = [writerOf(server, ids[0]), writerOf(server, ids[1])]
  const [ua, ub] = [change(a, first), change(b, second)]
  expect(judgeWith(mirror, ua, 'editor')).toBe('accepted')
  Y.applyUpdate(server, ua)
  const verdict: Verdict = judgeWith(mirror, ub, 'editor')
  let outcome: RepairOutcome | null = null
  if (verdict === 'accepted' || (typeof verdict === 'object' && verdict.kind === 'repairable')) {
    Y.applyUpdate(server, ub)
    if (verdict !== 'accepted') outcome = await repaired(server)
    for (const d of [a, b]) Y.applyUpdate(d, Y.encodeStateAsUpdate(server))
  }
  return { verdict, outcome, server, a, b, mirror }
}

const text = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部X名。', '二、存在的问题', '一是力量不足。', '今后，我们将继续努力。'].join('\n')

/** The summary's text as the model writes it, numbers computed. */
function read(ydoc: Y.Doc): string {
  expect(sharedProblem(ydoc)).toBeNull()
  return toText(summaryOfShared(ydoc)!)
}

describe('a merge of two valid changes that leaves the schema', () => {
  for (const ids of [[1, 2], [2, 1]] as [number, number][]) {
    it(`（一） and 1. added under one section at once: both kept, as （一） and （二） (client ids ${ids.join(', ')})`, async () => {
      const { verdict, outcome, server, a, b, mirror } = await concurrently(text, atEndOfFirstSection(subsection('section2', '强化队伍建设')), atEndOfFirstSection(subsection('section3', '完善工作制度')), ids)
      expect(verdict).toEqual({ kind: 'repairable', done: ['a section3 of a section1 made a section2'] })
      expect(outcome).toMatchObject({ done: ['a section3 of a section1 made a section2'], problem: null })
      const out = read(server)
      expect(out).toMatch(/（一）(强化队伍建设|完善工作制度)\n[\s\S]*（二）(强化队伍建设|完善工作制度)/)
      expect(out).toContain('强化队伍建设')
      expect(out).toContain('完善工作制度')
      // What the subsections hold came through the copy: the bold words, the metric.
      const doc = summaryOfShared(server)!
      let bold = 0
      let metrics = 0
      doc.descendants((node) => {
        if (node.isText && node.marks.some((m) => m.type.name === 'bold')) bold++
        if (node.type.name === 'metric' && node.attrs.value === 12) metrics++
        return true
      })
      expect([bold, metrics]).toEqual([2, 2])
      // Every copy, and the server's mirror, reads the same summary.
      expect(read(a)).toBe(out)
      expect(read(b)).toBe(out)
      expect(mirror.current().summary!.eq(doc)).toBe(true)
    })

    it(`a paragraph added at the end of a section's body while another writer adds its first subsection: the paragraph stays in the body (client ids ${ids.join(', ')})`, async () => {
      const paragraph = n.paragraph!.create(null, schema.text('新增的一段正文。'))
      const { verdict, server, b } = await concurrently(text, atEndOfFirstBody(paragraph), atEndOfFirstSection(subsection('section2', '强化队伍建设')), ids)
      // Yjs puts one or the other first, by client id: in one order the merge is valid as it is.
      expect(verdict === 'accepted' || (typeof verdict === 'object' && verdict.kind === 'repairable')).toBe(true)
      const out = read(server)
      expect(out.indexOf('新增的一段正文。')).toBeGreaterThan(out.indexOf('全年培训基层干部'))
      expect(out.indexOf('新增的一段正文。')).toBeLessThan(out.indexOf('（一）强化队伍建设'))
      expect(read(b)).toBe(out)
    })

    it(`a main-work section added where another writer adds the problems section: the main work first (client ids ${ids.join(', ')})`, async () => {
      const base = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部X名。', '今后，我们将继续努力。'].join('\n')
      const work = n.section1!.create(null, [n.heading!.create(null, schema.text('加强自身建设')), n.paragraph!.create(null, schema.text('队伍建设得到加强。'))])
      const problems = n.problems!.create(null, [n.heading!.create(null, schema.text('存在的问题')), n.paragraph!.create(null, schema.text('力量不足。'))])
      const { verdict, server } = await concurrently(base, afterFirstSection(work), afterFirstSection(problems), ids)
      expect(verdict === 'accepted' || (typeof verdict === 'object' && verdict.kind === 'repairable')).toBe(true)
      expect(read(server)).toMatch(/一、主要工作[\s\S]*二、加强自身建设[\s\S]*三、存在的问题/)
    })
  }

  for (const ids of [[1, 2], [2, 1]] as [number, number][]) {
    it(`a problems section added by each of two writers: joined into one, holding both (client ids ${ids.join(', ')})`, async () => {
      const base = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部X名。', '今后，我们将继续努力。'].join('\n')
      const problems = (title: string, body: string, sub?: Node) =>
        n.problems!.create(null, [n.heading!.create(null, schema.text(title)), n.paragraph!.create(null, schema.text(body)), ...(sub ? [sub] : [])])
      const { verdict, outcome, server, a, b } = await concurrently(
        base,
        afterFirstSection(problems('存在的问题', '人员力量不足。', subsection('section2', '基层力量薄弱'))),
        afterFirstSection(problems('存在问题与不足', '经费保障不够。', subsection('section3', '资金到位慢'))),
        ids,
      )
      expect(verdict).toMatchObject({ kind: 'repairable' })
      expect(outcome!.done).toContain('1 problems or plans section(s) joined to the first of their kind')
      const out = read(server)
      expect(out.match(/^二、/gm)).toHaveLength(1)
      // Both bodies, the other title as a paragraph, both subsections (one kind, numbered in turn).
      for (const words of ['人员力量不足。', '经费保障不够。', '基层力量薄弱', '资金到位慢']) expect(out).toContain(words)
      expect(out).toMatch(/^二、(存在的问题|存在问题与不足)\n/m)
      expect(out).toMatch(/^(存在的问题|存在问题与不足)$/m)
      expect(out).toMatch(/（一）[^\n]+\n[\s\S]*（二）/)
      expect(read(a)).toBe(out)
      expect(read(b)).toBe(out)
    })
  }

  it('is repaired once the writer\'s run of updates has come: what the last ones put inside the converted part is kept', async () => {
    const server = new Y.Doc()
    fillShared(server, importText(text).doc)
    const mirror = new SummaryMirror(server)
    const [a, b] = [writerOf(server, 1), writerOf(server, 2)]
    Y.applyUpdate(server, change(a, atEndOfFirstSection(subsection('section2', '强化队伍建设'))))
    // Offline, b adds 1. with an empty title, then writes its title and body: two updates, sent one after the other on reconnecting.
    const empty = n.section3!.create(null, [n.heading!.create()])
    const first = change(b, atEndOfFirstSection(empty))
    const second = change(b, (doc) => {
      let at = -1
      doc.descendants((node, pos) => {
        if (node.type.name === 'section3') at = pos + 2
        return at < 0
      })
      const tr = doc.replace(at, at, new Slice(Fragment.from(schema.text('完善工作制度')), 0, 0))
      const end = at + '完善工作制度'.length + 1
      return tr.replace(end, end, new Slice(Fragment.from(n.paragraph!.create(null, schema.text('制度更加健全。'))), 0, 0))
    })
    expect(judgeWith(mirror, first, 'editor')).toMatchObject({ kind: 'repairable' })
    // The quiet time is counted here, however busy the machine is.
    vi.useFakeTimers()
    let repair: Promise<RepairOutcome>
    try {
      Y.applyUpdate(server, first)
      repair = repaired(server, 50)
      vi.advanceTimersByTime(10)
      // Judged on a document waiting for its repair: not held against it.
      expect(judgeWith(mirror, second, 'editor')).toBe('accepted')
      Y.applyUpdate(server, second)
      vi.advanceTimersByTime(50)
    } finally {
      vi.useRealTimers()
    }
    expect(await repair).toMatchObject({ problem: null })
    expect(read(server)).toMatch(/（[一二]）完善工作制度\n制度更加健全。/)
    expect(read(server)).toMatch(/（[一二]）强化队伍建设/)
  })

  it('is refused as before when no repair puts it right (a heading at the top of the summary)', () => {
    const server = new Y.Doc()
    fillShared(server, importText(text).doc)
    const mirror = new SummaryMirror(server)
    const rogue = new Y.Doc()
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(rogue)
    sharedContent(rogue).insert(0, [new Y.XmlElement('heading')])
    expect(judgeWith(mirror, Y.encodeStateAsUpdate(rogue, before), 'editor')).toMatchObject({ kind: 'schema' })
    expect(sharedProblem(server)).toBeNull()
    expect(mirror.current().problem).toBeNull()
  })

  it('leaves a valid summary as it is', () => {
    const ydoc = new Y.Doc()
    fillShared(ydoc, importText(text).doc)
    const before = Y.encodeStateAsUpdate(ydoc)
    expect(repairMerge(ydoc)).toEqual([])
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before)
  })
})
