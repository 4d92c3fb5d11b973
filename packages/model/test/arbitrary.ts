/**
 * Random valid work summaries for property tests, and the small builders they (and the
 * example-based tests) make documents with.
 *
 * `arbDoc` covers everything the schema admits: a subtitle or none, opening and closing blocks,
 * `一、` sections with subsections of any lower format (ranks may be skipped, siblings share one
 * format), run-in headings, paragraphs and work-item lists (joined or separate, with or without an
 * introduction, notes after items), optional problems and plans sections, numbered or not, an
 * optional sign-off, and inline content mixing Chinese and ASCII text, bold, metrics and blanks.
 */
import fc from 'fast-check'
import type { Mark, Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { schema, metricNumberText, metricScales, metricApproximations, sectionTypeNames, periods, isSection, type MetricAttrs, type BlankAttrs, type CommentAuthor, type CommentScope, type CommentThread, type Suggestion, type SuggestionKind } from '../src/schema.ts'
import { quoteBetween } from '../src/comments.ts'

// ---------------------------------------------------------------------------------------------
// Builders

/** Inline content as written in a test: a string is plain text, a node is used as is. */
export type InlineSpec = string | Node

const boldMark = schema.marks.bold!.create()

/** Bold text (加粗). */
export function bold(text: string): Node {
  return schema.text(text, [boldMark])
}

/** A metric field; unspecified attributes take the schema's defaults (`X`, unfilled, no unit). */
export function metric(attrs: Partial<MetricAttrs> = {}, isBold = false): Node {
  return schema.nodes.metric!.create(attrs, null, isBold ? [boldMark] : [])
}

/** A name blank; unspecified attributes take the schema's defaults. */
export function blank(attrs: Partial<BlankAttrs> = {}, isBold = false): Node {
  return schema.nodes.blank!.create(attrs, null, isBold ? [boldMark] : [])
}

/** Inline nodes from specs; empty strings are dropped. */
export function inline(content: readonly InlineSpec[]): Node[] {
  return content.filter((c) => c !== '').map((c) => (typeof c === 'string' ? schema.text(c) : c))
}

/** A paragraph. */
export function p(...content: InlineSpec[]): Node {
  return schema.nodes.paragraph!.create(null, inline(content))
}

/** The introduction of a work-item list. */
export function intro(...content: InlineSpec[]): Node {
  return schema.nodes.workIntro!.create(null, inline(content))
}

/** A work item (its ordinal is computed). */
export function item(...content: InlineSpec[]): Node {
  return schema.nodes.workItem!.create(null, inline(content))
}

/** A note that continues the work item before it. */
export function note(...content: InlineSpec[]): Node {
  return schema.nodes.workNote!.create(null, inline(content))
}

/** A work-item list of `workIntro?`, `workItem` and `workNote` children. */
export function items(layout: 'joined' | 'separate', ...children: Node[]): Node {
  return schema.nodes.workItems!.create({ layout }, children)
}

/** Options of a section node. */
export interface SectionOptions {
  runIn?: boolean
}

/**
 * A numbered section of rank 1–4 (`一、` `（一）` `1.` `（1）`); `children` are body blocks followed
 * by subsections. The heading is a string or inline specs.
 */
export function section(rank: 1 | 2 | 3 | 4, heading: string | readonly InlineSpec[], children: readonly Node[] = [], options: SectionOptions = {}): Node {
  const h = schema.nodes.heading!.create(null, inline(typeof heading === 'string' ? [heading] : heading))
  return schema.nodes[sectionTypeNames[rank - 1]]!.create({ runIn: options.runIn ?? false }, [h, ...children])
}

/** A problems (存在的问题) or plans (工作计划) section. */
export function roleSection(
  role: 'problems' | 'plans',
  heading: string | readonly InlineSpec[],
  children: readonly Node[] = [],
  options: SectionOptions & { numbered?: boolean } = {},
): Node {
  const h = schema.nodes.heading!.create(null, inline(typeof heading === 'string' ? [heading] : heading))
  return schema.nodes[role]!.create({ runIn: options.runIn ?? false, numbered: options.numbered ?? true }, [h, ...children])
}

/** The parts of a document; `sections` may include one problems and one plans section at the end. */
export interface DocParts {
  title: string | readonly InlineSpec[]
  subtitle?: string | readonly InlineSpec[]
  preamble?: readonly Node[]
  sections?: readonly Node[]
  closing?: readonly Node[]
  signOff?: readonly [string | readonly InlineSpec[], string | readonly InlineSpec[]]
}

const specs = (s: string | readonly InlineSpec[]) => inline(typeof s === 'string' ? [s] : s)

/** A whole summary; throws if the parts do not make a valid document. */
export function doc(parts: DocParts): Node {
  const n = schema.nodes
  const children: Node[] = [n.title!.create(null, specs(parts.title))]
  if (parts.subtitle !== undefined) children.push(n.subtitle!.create(null, specs(parts.subtitle)))
  children.push(n.preamble!.create(null, parts.preamble ?? []))
  children.push(...(parts.sections ?? []))
  children.push(n.closing!.create(null, parts.closing ?? []))
  if (parts.signOff) {
    children.push(n.signOff!.create(null, [n.organization!.create(null, specs(parts.signOff[0])), n.date!.create(null, specs(parts.signOff[1]))]))
  }
  const d = n.doc!.create(null, children)
  d.check()
  return d
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Characters the random texts are made of: common words of the genre, punctuation, ASCII. */
export const textPools = {
  chinese: '党建工作开展推进落实组织基层干部群众服务社区培训学习教育会议活动项目完成全面加强重点年月日上半下一是二三',
  punctuation: '，。；：、！？“”《》（）—…',
  ascii: 'abcXYZx019 -./()%;:!?,',
} as const

/** Units and measure words of the genre (`名` `人次` `万元` `%` …), and none. */
export const units = ['名', '人', '人次', '个', '次', '期', '篇', '条', '份', '家', '户', '元', '万元', '亿元', '%', '项', '场', '件', '台', '张', '间', '亩', '平方米', ''] as const

/** How fields are written while unfilled. */
export const placeholders = ['X', 'XX', 'XXX', 'x', 'xx', '×', '××', '×××', 'Ｘ', 'ＸＸ', 'ｘ'] as const

/** Options of {@link docArbitraries}. */
export interface DocArbitraryOptions {
  /** The characters of texts; by default mostly Chinese, some punctuation and ASCII. */
  char?: fc.Arbitrary<string>
  /** At most this many inline pieces (text, metric, blank) in a textblock. Default 4. */
  maxInline?: number
  /** At most this many body blocks in a container. Default 3. */
  maxBlocks?: number
  /** At most this many sections among siblings. Default 3. */
  maxSections?: number
}

/** The arbitraries that make up {@link arbDoc}, for tests that need a part of a document. */
export interface DocArbitraries {
  text: fc.Arbitrary<string>
  number: fc.Arbitrary<number>
  metricAttrs: fc.Arbitrary<MetricAttrs>
  blankAttrs: fc.Arbitrary<BlankAttrs>
  /** One inline node: text (maybe bold), a metric or a blank. */
  inlineNode: fc.Arbitrary<Node>
  /** The content of a textblock. */
  inline: fc.Arbitrary<Node[]>
  paragraph: fc.Arbitrary<Node>
  workItems: fc.Arbitrary<Node>
  block: fc.Arbitrary<Node>
  blocks: fc.Arbitrary<Node[]>
  /** A section of a rank (1 = `一、` … 4 = `（1）`) with subsections of lower ranks. */
  section: (rank: 1 | 2 | 3 | 4) => fc.Arbitrary<Node>
  /** A problems or plans section, numbered or not. */
  roleSection: (role: 'problems' | 'plans') => fc.Arbitrary<Node>
  doc: fc.Arbitrary<Node>
}

/** Builds the document arbitraries. */
export function docArbitraries(options: DocArbitraryOptions = {}): DocArbitraries {
  const n = schema.nodes
  const char =
    options.char ??
    fc.oneof(
      { arbitrary: fc.constantFrom(...textPools.chinese), weight: 6 },
      { arbitrary: fc.constantFrom(...textPools.punctuation), weight: 2 },
      { arbitrary: fc.constantFrom(...textPools.ascii), weight: 1 },
    )
  const maxInline = options.maxInline ?? 4
  const maxBlocks = options.maxBlocks ?? 3
  const maxSections = options.maxSections ?? 3

  const text = fc.string({ unit: char, minLength: 1, maxLength: 12 })
  const number = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }),
    fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 100),
    fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }),
  )
  const numberOrNull = fc.option(number, { nil: null, freq: 3 })
  const label = fc.constantFrom('', '', '培训人数', '覆盖率', '党员', '资金')
  const placeholder = fc.constantFrom(...placeholders)
  const metricAttrs: fc.Arbitrary<MetricAttrs> = fc.record({
    value: numberOrNull,
    range: fc.boolean(),
    upper: numberOrNull,
    scale: fc.constantFrom(...metricScales),
    approx: fc.constantFrom(...metricApproximations),
    unit: fc.constantFrom(...units),
    label,
    placeholder,
    decimals: fc.constantFrom(0, 0, 0, 1, 2, 20),
  })
  // A field's value stands on one line: the schema refuses line breaks and control characters there.
  const oneLine = text.map((t) => t.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '')).filter((t) => t.length > 0)
  const blankAttrs: fc.Arbitrary<BlankAttrs> = fc.record({
    value: fc.option(oneLine, { nil: null, freq: 2 }),
    label: fc.constantFrom('', '社区名称', '单位', '文件名'),
    placeholder,
  })
  // Template parts and what the summary reports on: mostly absent, as in a summary started from scratch.
  const partId = fc.option(fc.constantFrom('opening', 'work-1', 'work-2', 'problems', 'plans', 'x9'), { nil: null, freq: 3 })
  const docMeta = fc.record({
    organization: fc.constantFrom('', '', '示范县民政局', '青禾街道办事处'),
    year: fc.option(fc.integer({ min: 1949, max: 2999 }), { nil: null, freq: 2 }),
    period: fc.option(fc.constantFrom(...periods), { nil: null, freq: 2 }),
    template: fc.option(fc.constantFrom('hospital', 'generic'), { nil: null, freq: 2 }),
  })
  const marks = fc.boolean().map((b) => (b ? [boldMark] : []))
  const inlineNode = fc.oneof(
    { arbitrary: fc.tuple(text, marks).map(([t, m]) => schema.text(t, m)), weight: 4 },
    { arbitrary: fc.tuple(metricAttrs, marks).map(([a, m]) => n.metric!.create(a, null, m)), weight: 1 },
    { arbitrary: fc.tuple(blankAttrs, marks).map(([a, m]) => n.blank!.create(a, null, m)), weight: 1 },
  )
  const inlineContent = fc.array(inlineNode, { maxLength: maxInline })
  const paragraph = inlineContent.map((c) => n.paragraph!.create(null, c))
  const workItems = fc
    .record({
      layout: fc.constantFrom('joined', 'separate'),
      intro: fc.option(inlineContent, { nil: undefined }),
      first: inlineContent,
      rest: fc.array(fc.tuple(fc.constantFrom('workItem', 'workItem', 'workNote'), inlineContent), { maxLength: 3 }),
    })
    .map(({ layout, intro, first, rest }) =>
      n.workItems!.create({ layout }, [
        ...(intro ? [n.workIntro!.create(null, intro)] : []),
        n.workItem!.create(null, first),
        ...rest.map(([type, c]) => n[type]!.create(null, c)),
      ]),
    )
  const block = fc.oneof({ arbitrary: paragraph, weight: 2 }, { arbitrary: workItems, weight: 1 })
  const blocks = fc.array(block, { maxLength: maxBlocks })

  const sectionCache = new Map<number, fc.Arbitrary<Node>>()
  /** Subsections under a section of `rank`: none, or siblings of one lower rank. */
  const children = (rank: number): fc.Arbitrary<Node[]> => {
    const lower = [2, 3, 4].filter((r) => r > rank) as (2 | 3 | 4)[]
    if (!lower.length) return fc.constant<Node[]>([])
    return fc.oneof(
      { arbitrary: fc.constant<Node[]>([]), weight: lower.length + 1 },
      ...lower.map((r) => ({ arbitrary: fc.array(section(r), { minLength: 1, maxLength: maxSections }), weight: 1 })),
    )
  }
  const heading = inlineContent.map((c) => n.heading!.create(null, c))
  function section(rank: 1 | 2 | 3 | 4): fc.Arbitrary<Node> {
    let arb = sectionCache.get(rank)
    if (!arb) {
      arb = fc
        .record({ runIn: fc.boolean(), part: partId, heading, body: blocks, subs: children(rank) })
        .map(({ runIn, part, heading, body, subs }) => n[sectionTypeNames[rank - 1]]!.create({ runIn, part }, [heading, ...body, ...subs]))
      sectionCache.set(rank, arb)
    }
    return arb
  }
  const roleSection = (role: 'problems' | 'plans') =>
    fc
      .record({ runIn: fc.boolean(), numbered: fc.boolean(), part: partId, heading, body: blocks, subs: children(1) })
      .map(({ runIn, numbered, part, heading, body, subs }) => n[role]!.create({ runIn, numbered, part }, [heading, ...body, ...subs]))

  const doc = fc
    .record({
      title: inlineContent,
      subtitle: fc.option(inlineContent, { nil: undefined }),
      preamble: blocks,
      sections: fc.array(section(1), { maxLength: maxSections }),
      problems: fc.option(roleSection('problems'), { nil: undefined }),
      plans: fc.option(roleSection('plans'), { nil: undefined }),
      closing: blocks,
      signOff: fc.option(fc.tuple(inlineContent, inlineContent), { nil: undefined }),
      meta: docMeta,
    })
    .map((parts) =>
      n.doc!.create(parts.meta, [
        n.title!.create(null, parts.title),
        ...(parts.subtitle ? [n.subtitle!.create(null, parts.subtitle)] : []),
        n.preamble!.create(null, parts.preamble),
        ...parts.sections,
        ...(parts.problems ? [parts.problems] : []),
        ...(parts.plans ? [parts.plans] : []),
        n.closing!.create(null, parts.closing),
        ...(parts.signOff ? [n.signOff!.create(null, [n.organization!.create(null, parts.signOff[0]), n.date!.create(null, parts.signOff[1])])] : []),
      ]),
    )

  return { text, number, metricAttrs, blankAttrs, inlineNode, inline: inlineContent, paragraph, workItems, block, blocks, section, roleSection, doc }
}

/** The parts of {@link arbDoc}, with the default options. */
export const arbDocMaterial: DocArbitraries = docArbitraries()

/** A random valid work summary. */
export const arbDoc: fc.Arbitrary<Node> = arbDocMaterial.doc

// ---------------------------------------------------------------------------------------------
// Documents whose plain text reads back unambiguously

/**
 * Characters that plain text can carry without being read as structure: no numerals (`一、`,
 * `一是`), digits, brackets, Latin letters or `X`, no unit or measure word (`项`, `部`), and none of
 * the words that mark a problems, plans or closing part (`问题`, `计划`, `下半年`, `总之`).
 */
export const plainTextPool = '党建工作开展推进落实组织基层干群众服社区培训学习教育会议活动完成全面加强重点' as const

/**
 * Random documents whose {@link toText} the importer can read back to the same outline (sections,
 * their numbers, roles, titles and run-in headings) and the same fields: headings are never empty
 * and hold no `。`, a run-in heading has a first line to run into, problems and plans sections are
 * numbered and named as the genre names them, fields are always separated by text, metrics have a
 * unit and canonical numbers, a scale only with an approximation and an upper end only in a range,
 * blanks are unfilled, and the title is short and names the genre. What text cannot carry (bold, filled blanks,
 * where the closing starts, the layout of a one-item list) is left free.
 */
export function textSafeDocArbitrary(): fc.Arbitrary<Node> {
  const n = schema.nodes
  const word = fc.string({ unit: fc.constantFrom(...plainTextPool), minLength: 1, maxLength: 8 })
  const clauseEnd = fc.constantFrom('。', '；', '，', '：')
  /** Text that may carry clause punctuation inside. */
  const text = fc.tuple(word, fc.option(fc.tuple(clauseEnd, word), { nil: null })).map(([a, b]) => (b ? a + b[0] + b[1] : a))
  const number = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }).map((x) => x / 100))
  const numberOrNull = fc.option(number, { nil: null, freq: 3 })
  const metricAttrs = fc
    .record({
      value: numberOrNull,
      range: fc.boolean(),
      upper: numberOrNull,
      scaleApprox: fc.constantFrom<[MetricAttrs['scale'], MetricAttrs['approx']]>(['', ''], ['', '余'], ['', '多'], ['万', '多'], ['千', '余']),
      unit: fc.constantFrom(...units.filter((u) => u !== '')),
      placeholder: fc.constantFrom(...placeholders),
      label: fc.constantFrom('', '人数'),
      // Zeros after the point kept (`5.0`, `12.50`): only where a number shows them, as a writer writes them.
      decimals: fc.constantFrom(0, 0, 1, 2),
    })
    .map(({ scaleApprox: [scale, approx], range, upper, decimals, ...rest }) => {
      const ends = [rest.value, range ? upper : null].filter((v): v is number => v !== null)
      const shows = ends.some((v) => metricNumberText(v, decimals) !== String(v))
      return { ...rest, range, upper: range ? upper : null, scale, approx, decimals: shows ? decimals : 0 }
    })
  const field = fc.oneof(
    { arbitrary: fc.tuple(metricAttrs, fc.boolean()).map(([a, b]) => metric(a, b)), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom(...placeholders), fc.boolean()).map(([placeholder, b]) => blank({ placeholder }, b)), weight: 1 },
  )
  const piece = fc.tuple(text, fc.boolean()).map(([t, b]) => (b ? bold(t) : schema.text(t)))
  /** Text, then any number of (field, text) pairs: two fields never touch. */
  const inlineContent = fc
    .tuple(piece, fc.array(fc.tuple(field, piece), { maxLength: 2 }))
    .map(([first, rest]) => [first, ...rest.flat()])
  const maybeEmpty = fc.oneof({ arbitrary: inlineContent, weight: 4 }, { arbitrary: fc.constant<Node[]>([]), weight: 1 })
  const headingContent = fc
    .tuple(word, fc.array(fc.tuple(field, word), { maxLength: 1 }))
    .map(([first, rest]) => [schema.text(first), ...rest.flatMap(([f, w]) => [f, schema.text(w)])])

  const paragraph = maybeEmpty.map((c) => n.paragraph!.create(null, c))
  /** A clause that ends a joined item, so that the next ordinal follows a clause end. */
  const item = fc.tuple(maybeEmpty, fc.constantFrom('。', '；')).map(([c, end]) => n.workItem!.create(null, [...c, schema.text(end)]))
  const workItems = fc
    .record({
      layout: fc.constantFrom('joined', 'separate'),
      intro: fc.option(fc.tuple(inlineContent, fc.constantFrom('。', '：')), { nil: undefined }),
      first: item,
      rest: fc.array(fc.oneof({ arbitrary: item, weight: 2 }, { arbitrary: paragraph.map((p) => n.workNote!.create(null, p.content)), weight: 1 }), { maxLength: 3 }),
    })
    .map(({ layout, intro, first, rest }) =>
      n.workItems!.create({ layout }, [...(intro ? [n.workIntro!.create(null, [...intro[0], schema.text(intro[1])])] : []), first, ...rest]),
    )
  const blocks = fc.array(fc.oneof({ arbitrary: paragraph, weight: 2 }, { arbitrary: workItems, weight: 1 }), { maxLength: 3 })
  /** Whether a run-in heading has a first line to run into. */
  const canRunIn = (body: Node[]) => body.length > 0 && (body[0]!.type.name === 'workItems' || body[0]!.content.size > 0)

  const sectionCache = new Map<number, fc.Arbitrary<Node>>()
  const children = (rank: number): fc.Arbitrary<Node[]> => {
    const lower = [2, 3, 4].filter((r) => r > rank) as (2 | 3 | 4)[]
    if (!lower.length) return fc.constant<Node[]>([])
    return fc.oneof(
      { arbitrary: fc.constant<Node[]>([]), weight: lower.length + 1 },
      ...lower.map((r) => ({ arbitrary: fc.array(sectionOf(r), { minLength: 1, maxLength: 3 }), weight: 1 })),
    )
  }
  function sectionOf(rank: 1 | 2 | 3 | 4): fc.Arbitrary<Node> {
    let arb = sectionCache.get(rank)
    if (!arb) {
      arb = fc
        .record({ runIn: fc.boolean(), heading: headingContent, body: blocks, subs: children(rank) })
        .map(({ runIn, heading, body, subs }) =>
          n[sectionTypeNames[rank - 1]]!.create({ runIn: runIn && canRunIn(body) }, [n.heading!.create(null, heading), ...body, ...subs]),
        )
      sectionCache.set(rank, arb)
    }
    return arb
  }
  const roleSection = (role: 'problems' | 'plans', titles: readonly string[]) =>
    fc
      .record({ runIn: fc.boolean(), title: fc.constantFrom(...titles), body: blocks, subs: children(1) })
      .map(({ runIn, title, body, subs }) =>
        n[role]!.create({ runIn: runIn && canRunIn(body), numbered: true }, [n.heading!.create(null, [schema.text(title)]), ...body, ...subs]),
      )

  return fc
    .record({
      // A title is short (the importer takes a line of at most 80 characters) and one sentence.
      title: fc.tuple(fc.oneof(fc.constant<Node[]>([]), headingContent), fc.constantFrom('工作总结', '工作报告')),
      subtitle: fc.option(inlineContent, { nil: undefined }),
      preamble: blocks,
      sections: fc.array(sectionOf(1), { maxLength: 3 }),
      problems: fc.option(roleSection('problems', ['存在的问题', '存在的主要问题及原因', '工作中存在的不足']), { nil: undefined }),
      plans: fc.option(roleSection('plans', ['下半年工作计划', '下一步打算', '下半年重点工作安排']), { nil: undefined }),
      closing: blocks,
      signOff: fc.option(fc.tuple(fc.oneof(fc.constant<Node[]>([]), headingContent), fc.constantFrom('2020年7月10日', '二〇二〇年七月十日')), { nil: undefined }),
    })
    .map((parts) =>
      n.doc!.create(null, [
        n.title!.create(null, [...parts.title[0], schema.text(parts.title[1])]),
        ...(parts.subtitle ? [n.subtitle!.create(null, [schema.text('——'), ...parts.subtitle])] : []),
        n.preamble!.create(null, parts.preamble),
        ...parts.sections,
        ...(parts.problems ? [parts.problems] : []),
        ...(parts.plans ? [parts.plans] : []),
        n.closing!.create(null, parts.closing),
        ...(parts.signOff ? [n.signOff!.create(null, [n.organization!.create(null, parts.signOff[0]), n.date!.create(null, [schema.text(parts.signOff[1])])])] : []),
      ]),
    )
}

// ---------------------------------------------------------------------------------------------
// Review comments (批注)

/** A comment to put on a document: a range, or the heading of a section (by its index among the sections), and what the thread says. */
export interface CommentSpec {
  /** The range, as two free numbers reduced to positions inside textblocks (a range may span blocks). */
  from: number
  to: number
  /** When set, the comment is on the heading of the `section % count`-th section (scope `section`) instead. */
  section: number | null
  text: string
  resolved: boolean
  replies: number
  role: boolean
}

/** An author for test threads. */
export const testAuthor = (n: number, role = false): CommentAuthor => (role ? { id: `u${n}`, name: `作者${n}`, role: '科长' } : { id: `u${n}`, name: `作者${n}` })

/** A time for test threads, `n` minutes into a day. */
export const testTime = (n: number) => `2024-07-08T${String(8 + Math.floor(n / 60) % 12).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00+08:00`

/** Positions where inline content may go: inside every textblock, between its children. */
export function inlinePlaces(doc: Node): number[] {
  const out: number[] = []
  doc.descendants((node, pos) => {
    if (!node.inlineContent) return true
    for (let p = pos + 1; p <= pos + 1 + node.content.size; p++) out.push(p)
    return false
  })
  return out
}

/**
 * A document with comments: each spec adds a thread (ids `${prefix}0`, `${prefix}1` …) and its
 * marks, in order, so later comments overlap earlier ones. A range that holds no inline content
 * leaves its thread detached from the start.
 */
export function withComments(doc: Node, specs: readonly CommentSpec[], prefix = 'c'): Node {
  const tr = new Transform(doc)
  const threads: CommentThread[] = []
  const places = inlinePlaces(doc)
  const sections: { pos: number; node: Node }[] = []
  doc.descendants((node, pos) => {
    if (isSection(node)) sections.push({ pos, node })
    return !node.isTextblock
  })
  specs.forEach((spec, i) => {
    let from: number
    let to: number
    let scope: CommentScope = 'text'
    if (spec.section !== null && sections.length) {
      const s = sections[spec.section % sections.length]!
      from = s.pos + 2
      to = from + s.node.firstChild!.content.size
      scope = 'section'
    } else {
      const a = places[spec.from % places.length]!
      const b = places[spec.to % places.length]!
      ;[from, to] = a <= b ? [a, b] : [b, a]
    }
    const id = `${prefix}${i}`
    const replies = Array.from({ length: spec.replies }, (_, j) => ({ id: `r${j}`, author: testAuthor(j + 1, j % 2 === 1), time: testTime(i * 10 + j + 1), text: `回复${j}` }))
    threads.push({ id, author: testAuthor(0, spec.role), time: testTime(i * 10), text: spec.text, replies, resolved: spec.resolved, quote: quoteBetween(tr.doc, from, to), scope })
    if (from < to) tr.addMark(from, to, schema.marks.comment!.create({ id }))
  })
  tr.setDocAttribute('comments', threads)
  return tr.doc
}

/** Random comment specs: up to five, overlapping as they fall, some on whole sections. */
export const arbCommentSpecs: fc.Arbitrary<CommentSpec[]> = fc.array(
  fc.record({
    from: fc.nat(),
    to: fc.nat(),
    section: fc.option(fc.nat(), { nil: null, freq: 4 }),
    text: fc.constantFrom('请核实数据。', '表述不准确', '此处需补充\n具体事例', '', '<b>&amp;</b> "引号"'),
    resolved: fc.boolean(),
    replies: fc.nat(2),
    role: fc.boolean(),
  }),
  { maxLength: 5 },
)

/** A random valid work summary with random comments: overlapping, on sections, some detached from the start. */
export const arbCommentedDoc: fc.Arbitrary<Node> = fc.tuple(arbDoc, arbCommentSpecs).map(([doc, specs]) => withComments(doc, specs))

// ---------------------------------------------------------------------------------------------
// Suggestions (修订)

/** What a random suggestion does, see {@link SuggestionSpec}. */
export type SuggestionWhat = 'insert' | 'delete' | 'replace' | 'field' | 'insertBlock' | 'deleteBlock' | 'structure' | 'layout'

/**
 * A suggestion to put on a document: text inserted, deleted or replaced inside one textblock, a
 * field's value changed, any block inserted whole or one deleted whole (a section, paragraph,
 * work-item list or note: blocks whose going leaves a valid document), sections restructured
 * (the blocks before kept, or moved to a node type), a list's layout changed. `at`, `from` and
 * `to` are free numbers reduced to a place of the right kind; where the document has none, the
 * entry has no marks.
 */
export interface SuggestionSpec {
  what: SuggestionWhat
  at: number
  from: number
  to: number
  role: boolean
}

/** The kind of the entry each spec makes. */
const specKinds: Record<SuggestionWhat, SuggestionKind> = {
  insert: 'insert', delete: 'delete', replace: 'insert', field: 'field', insertBlock: 'insert', deleteBlock: 'delete', structure: 'structure', layout: 'structure',
}

/** The nodes of a document that `keep` picks, with their positions, in document order. */
function nodesWhere(doc: Node, keep: (node: Node) => boolean): { node: Node; pos: number }[] {
  const out: { node: Node; pos: number }[] = []
  doc.descendants((node, pos) => {
    if (keep(node)) out.push({ node, pos })
    return true
  })
  return out
}

const deletableBlocks = new Set(['paragraph', 'workItems', 'workNote'])

/**
 * A document with suggestions: each spec adds an entry (ids `${prefix}0`, `${prefix}1` …, authors
 * and times of the test helpers) and its marks, in order, so that later suggestions overlap or
 * replace the marks of earlier ones (an entry may end with no marks, as after an edit). The
 * document stays valid, and accepting every suggestion gives a valid one.
 */
export function withSuggestions(doc: Node, specs: readonly SuggestionSpec[], prefix = 's'): Node {
  const tr = new Transform(doc)
  const entries: Suggestion[] = []
  const m = schema.marks
  specs.forEach((spec, i) => {
    const id = `${prefix}${i}`
    entries.push({ id, author: testAuthor(i % 3, spec.role), time: testTime(i * 7), kind: specKinds[spec.what] })
    const pick = <T>(list: T[]) => (list.length ? list[spec.at % list.length]! : null)
    switch (spec.what) {
      case 'insert':
      case 'delete':
      case 'replace': {
        const block = pick(nodesWhere(tr.doc, (n) => n.inlineContent))
        if (!block) return
        const size = block.node.content.size
        const [a, b] = [spec.from % (size + 1), spec.to % (size + 1)].sort((x, y) => x - y) as [number, number]
        const start = block.pos + 1
        if (spec.what === 'replace') {
          const mid = a + Math.floor((b - a) / 2)
          if (a < mid) tr.addMark(start + a, start + mid, m.deletion!.create({ id }))
          if (mid < b) tr.addMark(start + mid, start + b, m.insertion!.create({ id }))
        } else if (a < b) tr.addMark(start + a, start + b, m[spec.what === 'insert' ? 'insertion' : 'deletion']!.create({ id }))
        return
      }
      case 'field': {
        const field = pick(nodesWhere(tr.doc, (n) => n.type.name === 'metric' || n.type.name === 'blank'))
        if (!field) return
        const { node, pos } = field
        const metric = node.type.name === 'metric'
        const attrName = metric && node.attrs.range && spec.to % 2 ? 'upper' : 'value'
        const previousValue = spec.from % 3 === 0 ? null : metric ? spec.from % 1000 : `旧名称${spec.from % 10}`
        tr.addNodeMark(pos, m.modification!.create({ id, type: 'attr', attrName, previousValue, newValue: node.attrs[attrName] as unknown }))
        return
      }
      case 'insertBlock':
      case 'deleteBlock': {
        // Any block may be proposed inserted (accepting keeps it); only those whose going leaves a valid document deleted.
        const insert = spec.what === 'insertBlock'
        const block = pick(nodesWhere(tr.doc, (n) => !n.isInline && (insert || isSection(n) || deletableBlocks.has(n.type.name))))
        if (block) tr.addNodeMark(block.pos, m[insert ? 'insertion' : 'deletion']!.create({ id }))
        return
      }
      case 'structure': {
        const section = pick(nodesWhere(tr.doc, isSection))
        if (!section) return
        const { node, pos } = section
        const mark: Mark =
          spec.from % 3 === 0
            ? m.modification!.create({ id, type: 'nodeType', previousValue: node.type.name === 'section2' ? 'section3' : 'section2', newValue: node.type.name })
            : m.modification!.create({ id, type: 'structure', previousValue: spec.from % 3 === 1 ? [node.toJSON()] : null })
        tr.addNodeMark(pos, mark)
        return
      }
      case 'layout': {
        const list = pick(nodesWhere(tr.doc, (n) => n.type.name === 'workItems'))
        if (!list) return
        const layout = list.node.attrs.layout as string
        tr.addNodeMark(list.pos, m.modification!.create({ id, type: 'attr', attrName: 'layout', previousValue: layout === 'joined' ? 'separate' : 'joined', newValue: layout }))
      }
    }
  })
  tr.setDocAttribute('suggestions', entries)
  return tr.doc
}

/** Random suggestion specs: up to six, of every kind, overlapping as they fall. */
export const arbSuggestionSpecs: fc.Arbitrary<SuggestionSpec[]> = fc.array(
  fc.record({
    what: fc.constantFrom<SuggestionWhat>('insert', 'delete', 'replace', 'field', 'insertBlock', 'deleteBlock', 'structure', 'layout'),
    at: fc.nat(),
    from: fc.nat(),
    to: fc.nat(),
    role: fc.boolean(),
  }),
  { maxLength: 6 },
)

/** A random valid work summary with random comments and suggestions (修订) on text, fields and whole blocks, overlapping. */
export const arbSuggestedDoc: fc.Arbitrary<Node> = fc
  .tuple(arbDoc, arbCommentSpecs, arbSuggestionSpecs)
  .map(([doc, comments, suggestions]) => withSuggestions(withComments(doc, comments), suggestions))
