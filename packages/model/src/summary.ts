import { Fragment, type Node, type Mark } from 'prosemirror-model'
import { SummaryError } from './errors.ts'
import { formatSectionNumber, sectionNumber, workItemOrdinal, parseChineseNumeral } from './numbering.ts'
import {
  schema,
  metricText,
  blankText,
  metricUnfilled,
  sectionFormats,
  type MetricAttrs,
  type BlankAttrs,
  type SectionFormat,
  type SectionTypeName,
  type Period,
} from './schema.ts'

/** A piece of text with its marks. */
export interface TextRun {
  text: string
  bold?: true
}
/** A metric field inside a text. */
export interface MetricRun {
  metric: MetricField
  bold?: true
}
/** A name blank inside a text. */
export interface BlankRun {
  blank: BlankField
  bold?: true
}
/** One piece of a text that carries marks or fields: plain text, a metric or a blank. */
export type Run = TextRun | MetricRun | BlankRun

/** A metric field's data (指标): see {@link MetricAttrs}. */
export type MetricField = MetricAttrs
/** A blank field's data (空白): see {@link BlankAttrs}. */
export type BlankField = BlankAttrs

/** A paragraph. `runs` is present when the text has marks or fields. */
export interface ParagraphBlock {
  type: 'paragraph'
  text: string
  runs?: Run[]
}

/** A continuation paragraph of a work item. */
export interface WorkNote {
  text: string
  runs?: Run[]
}

/** One work item (一是……). `text` follows the ordinal; `lead` is its first sentence without the final mark. */
export interface WorkItem {
  ordinal: string
  lead: string
  text: string
  runs?: Run[]
  notes?: WorkNote[]
}

/** A work-item list, run together in one paragraph (`joined`) or one item a paragraph (`separate`). */
export interface WorkItemsBlock {
  type: 'workItems'
  layout: 'joined' | 'separate'
  intro?: string
  introRuns?: Run[]
  items: WorkItem[]
}

/** A body block. */
export type Block = ParagraphBlock | WorkItemsBlock

/** The role of a section: the main work, the problems (存在的问题) or the plans (下步打算). */
export type SectionRole = 'work' | 'problems' | 'plans'

/** A section with its heading, body and subsections. */
export interface Section {
  /** Depth in the outline: 1 for `一、` sections. */
  level: 1 | 2 | 3 | 4
  /** As displayed: `一、` `（一）` `1.` `（1）`; `""` for an unnumbered problems or plans section. */
  number: string
  role: SectionRole
  /** Heading text without its number; for a run-in heading, its first sentence without the final `。`. */
  title: string
  titleRuns?: Run[]
  /** Whether the body starts on the heading's line (`（一）落实党建责任。一是……`). */
  runIn: boolean
  body: Block[]
  sections: Section[]
  /** The template part this section fills (`work-1`, `problems` …), when started from a template. */
  part?: string
}

/** 落款: the signing organisation and the date. */
export interface SignOff {
  organization: string
  organizationRuns?: Run[]
  date: string
  dateRuns?: Run[]
}

/** An entry of the metrics index: a metric field, where it is and how it reads. */
export interface Metric extends MetricField {
  /** As displayed: `X名`, `22个`. */
  text: string
  /** Whether the number (and a range's end) is filled in. */
  filled: boolean
  /** The JSON path of the run that holds it. */
  path: string
  /** Where it is, for people: `一、（二）` or `导语`. */
  where: string
  /** The words just before it in its clause (`培训党组织书记`). */
  context: string
}

/** An entry of the blanks index. */
export interface Blank extends BlankField {
  text: string
  filled: boolean
  path: string
  where: string
  context: string
}

/** What a summary reports on: the organisation (单位), the year and period (时限), the template it started from. */
export interface SummaryMeta {
  organization?: string
  year?: number
  period?: Period
  template?: string
}

/** Summary JSON, version 1: the export integrators and back-end systems consume. */
export interface Summary {
  version: 1
  /** Present when any of its fields is set. */
  meta?: SummaryMeta
  title: string
  titleRuns?: Run[]
  subtitle?: string
  subtitleRuns?: Run[]
  preamble: Block[]
  sections: Section[]
  closing: Block[]
  signOff?: SignOff
  /** Every metric field, in document order. Derived from the texts. */
  metrics: Metric[]
  /** Every name blank, in document order. Derived from the texts. */
  blanks: Blank[]
}

// ---------------------------------------------------------------------------------------------
// Document → Summary

interface Walk {
  metrics: Metric[]
  blanks: Blank[]
}

/** The marks that end a clause: `。；！？，：、` and their half-width forms. */
export const clauseBreak = /[。；！？，：、,;:!?]/

/**
 * The words at the end of a text back to the last clause break, at most `max` characters: what a
 * field counts (`培训党组织书记` before `X名`), for the metrics index, the metrics table and messages.
 */
export function contextBefore(text: string, max = 20): string {
  let start = text.length
  while (start > 0 && !clauseBreak.test(text[start - 1]!)) start--
  return text.slice(start).slice(-max)
}

function fieldsEqual(a: Mark[], b: Mark[]) {
  return a.length === b.length && a.every((m, i) => m.eq(b[i]!))
}

/** Text and runs of a textblock; runs only when marks or fields are present. */
function textOf(node: Node, path: string, where: string, walk: Walk, runsKey = 'runs'): { text: string; runs?: Run[] } {
  // Most texts are one plain text node: no runs to build.
  if (node.childCount === 0) return { text: '' }
  if (node.childCount === 1 && node.firstChild!.isText && !node.firstChild!.marks.length) return { text: node.firstChild!.text! }
  const runs: Run[] = []
  let text = ''
  let plain = true
  let lastMarks: readonly Mark[] | null = null
  node.forEach((child) => {
    const bold = child.marks.some((m) => m.type.name === 'bold')
    if (child.marks.length) plain = false
    if (child.isText) {
      const prev = runs[runs.length - 1]
      if (prev && 'text' in prev && lastMarks && fieldsEqual(lastMarks as Mark[], child.marks as Mark[])) prev.text += child.text!
      else runs.push(bold ? { text: child.text!, bold: true } : { text: child.text! })
      text += child.text!
    } else {
      plain = false
      const runPath = `${path}.${runsKey}[${runs.length}]`
      const context = contextBefore(text)
      if (child.type.name === 'metric') {
        const attrs = { ...(child.attrs as MetricAttrs) }
        runs.push(bold ? { metric: attrs, bold: true } : { metric: attrs })
        const shown = metricText(attrs)
        walk.metrics.push({ ...attrs, text: shown, filled: !metricUnfilled(attrs), path: runPath, where, context })
        text += shown
      } else {
        const attrs = { ...(child.attrs as BlankAttrs) }
        runs.push(bold ? { blank: attrs, bold: true } : { blank: attrs })
        const shown = blankText(attrs)
        walk.blanks.push({ ...attrs, text: shown, filled: attrs.value !== null, path: runPath, where, context })
        text += shown
      }
    }
    lastMarks = child.isText ? child.marks : null
  })
  return plain ? { text } : { text, runs }
}

/** The first sentence of a text without its final mark: the lead phrase of a work item. */
export function leadOf(text: string): string {
  const m = /[。；！？;!?]/.exec(text)
  return m ? text.slice(0, m.index) : text
}

function blocksOf(container: Node, from: number, path: string, where: string, walk: Walk): Block[] {
  const blocks: Block[] = []
  for (let i = from; i < container.childCount; i++) {
    const node = container.child(i)
    if (node.type.name === 'paragraph') {
      const p = `${path}[${blocks.length}]`
      blocks.push({ type: 'paragraph', ...textOf(node, p, where, walk) })
    } else if (node.type.name === 'workItems') {
      const p = `${path}[${blocks.length}]`
      const block: WorkItemsBlock = { type: 'workItems', layout: node.attrs.layout, items: [] }
      node.forEach((child, _offset, index) => {
        const name = child.type.name
        if (name === 'workIntro') {
          const t = textOf(child, p, where, walk, 'introRuns')
          block.intro = t.text
          if (t.runs) block.introRuns = t.runs
        } else if (name === 'workItem') {
          const ip = `${p}.items[${block.items.length}]`
          const t = textOf(child, ip, where, walk)
          block.items.push({ ordinal: workItemOrdinal(node, index), lead: leadOf(t.text), ...t })
        } else {
          const item = block.items[block.items.length - 1]!
          const notes = (item.notes ??= [])
          const ip = `${p}.items[${block.items.length - 1}].notes[${notes.length}]`
          notes.push(textOf(child, ip, where, walk))
        }
      })
      // Keep the key order stable: intro fields before items.
      const { items, ...head } = block
      blocks.push({ ...head, items })
    } else break
  }
  return blocks
}

function roleOf(node: Node): SectionRole {
  return node.type.name === 'problems' ? 'problems' : node.type.name === 'plans' ? 'plans' : 'work'
}

function sectionOf(parent: Node, index: number, level: number, path: string, where: string, walk: Walk): Section {
  const node = parent.child(index)
  const number = sectionNumber(parent, index)
  const here = where + (number || (node.type.name === 'plans' ? '（计划）' : '（问题）'))
  const heading = textOf(node.child(0), path, here, walk, 'titleRuns')
  let bodyEnd = 1
  while (bodyEnd < node.childCount && !node.child(bodyEnd).type.spec.group?.includes('section')) bodyEnd++
  const body = blocksOf(node, 1, `${path}.body`, here, walk)
  const sections: Section[] = []
  for (let i = bodyEnd; i < node.childCount; i++) {
    sections.push(sectionOf(node, i, level + 1, `${path}.sections[${sections.length}]`, here, walk))
  }
  const section: Section = {
    level: level as Section['level'],
    number,
    role: roleOf(node),
    title: heading.text,
    ...(heading.runs ? { titleRuns: heading.runs } : {}),
    runIn: node.attrs.runIn === true,
    body,
    sections,
    ...(node.attrs.part ? { part: node.attrs.part as string } : {}),
  }
  return section
}

/**
 * The Summary JSON of a document: every part in order, numbers and ordinals as displayed, texts as
 * displayed (fields included), with `runs` wherever marks or fields need them for a lossless
 * {@link fromSummary}, and the metrics and blanks indexes in document order.
 */
export function toSummary(doc: Node): Summary {
  const walk: Walk = { metrics: [], blanks: [] }
  const out: Partial<Summary> & { version: 1 } = { version: 1 }
  const title = textOf(doc.child(0), '$', '标题', walk, 'titleRuns')
  out.title = title.text
  if (title.runs) out.titleRuns = title.runs
  const sections: Section[] = []
  let preamble: Block[] = []
  let closing: Block[] = []
  let signOff: SignOff | undefined
  doc.forEach((node, _offset, index) => {
    switch (node.type.name) {
      case 'subtitle': {
        const t = textOf(node, '$', '副标题', walk, 'subtitleRuns')
        out.subtitle = t.text
        if (t.runs) out.subtitleRuns = t.runs
        break
      }
      case 'preamble':
        preamble = blocksOf(node, 0, '$.preamble', '导语', walk)
        break
      case 'section1':
      case 'problems':
      case 'plans':
        sections.push(sectionOf(doc, index, 1, `$.sections[${sections.length}]`, '', walk))
        break
      case 'closing':
        closing = blocksOf(node, 0, '$.closing', '结尾', walk)
        break
      case 'signOff': {
        const org = textOf(node.child(0), '$.signOff', '落款', walk, 'organizationRuns')
        const date = textOf(node.child(1), '$.signOff', '落款', walk, 'dateRuns')
        signOff = { organization: org.text, ...(org.runs ? { organizationRuns: org.runs } : {}), date: date.text, ...(date.runs ? { dateRuns: date.runs } : {}) }
        break
      }
    }
  })
  const meta: SummaryMeta = {}
  if (doc.attrs.organization) meta.organization = doc.attrs.organization
  if (doc.attrs.year !== null) meta.year = doc.attrs.year
  if (doc.attrs.period !== null) meta.period = doc.attrs.period
  if (doc.attrs.template !== null) meta.template = doc.attrs.template
  return {
    version: 1,
    ...(Object.keys(meta).length ? { meta } : {}),
    title: out.title,
    ...(out.titleRuns ? { titleRuns: out.titleRuns } : {}),
    ...(out.subtitle !== undefined ? { subtitle: out.subtitle } : {}),
    ...(out.subtitleRuns ? { subtitleRuns: out.subtitleRuns } : {}),
    preamble,
    sections,
    closing,
    ...(signOff ? { signOff } : {}),
    metrics: walk.metrics,
    blanks: walk.blanks,
  }
}

// ---------------------------------------------------------------------------------------------
// Summary → Document

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function expectObject(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw new SummaryError(path, `应为对象，实为 ${describe(v)}`)
  return v
}

function expectArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new SummaryError(path, `应为数组，实为 ${describe(v)}`)
  return v
}

function expectString(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SummaryError(path, `应为字符串，实为 ${describe(v)}`)
  if (/[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v)) throw new SummaryError(path, '文字中不能有换行或控制字符；每段应是单独的一项')
  return v
}

function describe(v: unknown): string {
  if (v === undefined) return '缺失'
  if (v === null) return 'null'
  if (Array.isArray(v)) return '数组'
  if (typeof v === 'object') return '对象'
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60)
}

function inlineFrom(obj: Record<string, unknown>, textKey: string, runsKey: string, path: string): Node[] {
  const runs = obj[runsKey]
  if (runs === undefined) {
    const text = expectString(obj[textKey], `${path}.${textKey}`)
    return text ? [schema.text(text)] : []
  }
  const nodes: Node[] = []
  expectArray(runs, `${path}.${runsKey}`).forEach((run, i) => {
    const rp = `${path}.${runsKey}[${i}]`
    const r = expectObject(run, rp)
    const marks = r.bold === true ? [schema.marks.bold!.create()] : []
    if (r.bold !== undefined && r.bold !== true) throw new SummaryError(`${rp}.bold`, '只能是 true 或省略')
    try {
      if ('text' in r) {
        const text = expectString(r.text, `${rp}.text`)
        if (!text) throw new SummaryError(`${rp}.text`, '文字片段不能为空')
        nodes.push(schema.text(text, marks))
      } else if ('metric' in r) {
        nodes.push(schema.nodes.metric!.create(expectObject(r.metric, `${rp}.metric`), null, marks))
      } else if ('blank' in r) {
        nodes.push(schema.nodes.blank!.create(expectObject(r.blank, `${rp}.blank`), null, marks))
      } else throw new SummaryError(rp, '片段应含 text、metric 或 blank 之一')
    } catch (e) {
      if (e instanceof SummaryError) throw e
      throw new SummaryError(rp, `字段值无效：${(e as Error).message}`)
    }
    // Attribute validation runs on check; run it here so the error names this run.
    try {
      nodes[nodes.length - 1]!.check()
    } catch (e) {
      throw new SummaryError(rp, `字段值无效：${(e as Error).message}`)
    }
  })
  return nodes
}

function blockFrom(v: unknown, path: string): Node {
  const b = expectObject(v, path)
  if (b.type === 'paragraph') return schema.nodes.paragraph!.create(null, inlineFrom(b, 'text', 'runs', path))
  if (b.type === 'workItems') {
    if (b.layout !== 'joined' && b.layout !== 'separate') throw new SummaryError(`${path}.layout`, '应为 "joined"（一段连写）或 "separate"（一项一段）')
    const children: Node[] = []
    if (b.intro !== undefined || b.introRuns !== undefined) children.push(schema.nodes.workIntro!.create(null, inlineFrom(b, 'intro', 'introRuns', path)))
    const items = expectArray(b.items, `${path}.items`)
    if (!items.length) throw new SummaryError(`${path}.items`, '工作事项列表至少要有一项')
    items.forEach((item, i) => {
      const ip = `${path}.items[${i}]`
      const it = expectObject(item, ip)
      children.push(schema.nodes.workItem!.create(null, inlineFrom(it, 'text', 'runs', ip)))
      if (it.notes !== undefined) {
        expectArray(it.notes, `${ip}.notes`).forEach((note, j) => {
          const np = `${ip}.notes[${j}]`
          children.push(schema.nodes.workNote!.create(null, inlineFrom(expectObject(note, np), 'text', 'runs', np)))
        })
      }
    })
    return schema.nodes.workItems!.create({ layout: b.layout }, children)
  }
  throw new SummaryError(`${path}.type`, `段落类型应为 "paragraph" 或 "workItems"，实为 ${describe(b.type)}`)
}

function formatOfNumber(number: string): SectionFormat | null {
  let m: RegExpExecArray | null
  if ((m = /^([一二三四五六七八九十百千零]+)、$/.exec(number)) && parseChineseNumeral(m[1]!)) return 'chinese'
  if ((m = /^（([一二三四五六七八九十百千零]+)）$/.exec(number)) && parseChineseNumeral(m[1]!)) return 'chineseParen'
  if (/^[1-9]\d*\.$/.test(number)) return 'arabic'
  if (/^（[1-9]\d*）$/.test(number)) return 'arabicParen'
  return null
}

const typeOfFormat: Record<SectionFormat, SectionTypeName> = {
  chinese: 'section1',
  chineseParen: 'section2',
  arabic: 'section3',
  arabicParen: 'section4',
}

function sectionFrom(v: unknown, path: string, parentFormat: SectionFormat | null): Node {
  const s = expectObject(v, path)
  const role = s.role
  if (role !== 'work' && role !== 'problems' && role !== 'plans') throw new SummaryError(`${path}.role`, '应为 "work"、"problems" 或 "plans"')
  const number = expectString(s.number, `${path}.number`)
  if (typeof s.runIn !== 'boolean') throw new SummaryError(`${path}.runIn`, `应为 true 或 false，实为 ${describe(s.runIn)}`)
  let type: SectionTypeName | 'problems' | 'plans'
  let format: SectionFormat
  if (role !== 'work') {
    if (parentFormat) throw new SummaryError(`${path}.role`, '存在问题和工作计划只能是一级部分')
    if (number !== '' && formatOfNumber(number) !== 'chinese') throw new SummaryError(`${path}.number`, `应为 "一、" 这样的一级序号或 ""（不编号），实为 ${JSON.stringify(number)}`)
    type = role
    format = 'chinese'
  } else {
    const f = formatOfNumber(number)
    if (!f) throw new SummaryError(`${path}.number`, `应为 "一、" "（一）" "1." "（1）" 这样的序号，实为 ${JSON.stringify(number)}`)
    const rank = Object.values(sectionFormats).indexOf(f)
    if (parentFormat === null && f !== 'chinese') throw new SummaryError(`${path}.number`, `一级部分的序号应为 "一、" 这样的格式，实为 ${JSON.stringify(number)}`)
    if (parentFormat !== null && rank <= Object.values(sectionFormats).indexOf(parentFormat)) {
      throw new SummaryError(`${path}.number`, `下级序号 ${JSON.stringify(number)} 的层级须低于上级序号的 ${JSON.stringify(formatSectionNumber(parentFormat, 1))} 格式`)
    }
    type = typeOfFormat[f]
    format = f
  }
  const heading = schema.nodes.heading!.create(null, inlineFrom(s, 'title', 'titleRuns', path))
  const body = expectArray(s.body, `${path}.body`).map((b, i) => blockFrom(b, `${path}.body[${i}]`))
  const subs = expectArray(s.sections, `${path}.sections`).map((c, i) => sectionFrom(c, `${path}.sections[${i}]`, format))
  const part = s.part === undefined ? null : s.part
  if (part !== null && typeof part !== 'string') throw new SummaryError(`${path}.part`, `应为模板部分的标识（如 "work-1"），实为 ${describe(part)}`)
  const attrs = role === 'work' ? { runIn: s.runIn, part } : { runIn: s.runIn, numbered: number !== '', part }
  const nodeType = schema.nodes[type]!
  const content = [heading, ...body, ...subs]
  if (!nodeType.validContent(Fragment.from(content))) {
    throw new SummaryError(`${path}.sections`, '同一部分的下级须使用同一种序号格式（不能混用 "（一）" 与 "1."）')
  }
  return nodeType.create(attrs, content)
}

/**
 * Reads Summary JSON back into a document: the inverse of {@link toSummary}. The value must be
 * exactly what `toSummary` gives for some document: numbers, ordinals, leads, displayed texts and
 * the metrics and blanks indexes are checked against the document they describe. Anything else is
 * refused with a {@link SummaryError} naming the field.
 */
export function fromSummary(json: unknown): Node {
  const s = expectObject(json, '$')
  if (s.version !== 1) throw new SummaryError('$.version', `应为 1，实为 ${describe(s.version)}`)
  const children: Node[] = [schema.nodes.title!.create(null, inlineFrom(s, 'title', 'titleRuns', '$'))]
  if (s.subtitle !== undefined || s.subtitleRuns !== undefined) children.push(schema.nodes.subtitle!.create(null, inlineFrom(s, 'subtitle', 'subtitleRuns', '$')))
  children.push(schema.nodes.preamble!.create(null, expectArray(s.preamble, '$.preamble').map((b, i) => blockFrom(b, `$.preamble[${i}]`))))
  let stage = 0
  const order: Record<SectionRole, number> = { work: 0, problems: 1, plans: 2 }
  expectArray(s.sections, '$.sections').forEach((sec, i) => {
    const path = `$.sections[${i}]`
    const node = sectionFrom(sec, path, null)
    const role = roleOf(node)
    if (order[role] < stage || (order[role] === stage && role !== 'work')) {
      throw new SummaryError(`${path}.role`, role === 'work' ? '主要工作须排在存在问题和工作计划之前' : `"${role}" 部分只能有一个，且存在问题在前、工作计划在后`)
    }
    stage = order[role]
    children.push(node)
  })
  children.push(schema.nodes.closing!.create(null, expectArray(s.closing, '$.closing').map((b, i) => blockFrom(b, `$.closing[${i}]`))))
  if (s.signOff !== undefined) {
    const so = expectObject(s.signOff, '$.signOff')
    children.push(
      schema.nodes.signOff!.create(null, [
        schema.nodes.organization!.create(null, inlineFrom(so, 'organization', 'organizationRuns', '$.signOff')),
        schema.nodes.date!.create(null, inlineFrom(so, 'date', 'dateRuns', '$.signOff')),
      ]),
    )
  }
  const meta = s.meta === undefined ? {} : expectObject(s.meta, '$.meta')
  const docAttrs = {
    organization: meta.organization ?? '',
    year: meta.year ?? null,
    period: meta.period ?? null,
    template: meta.template ?? null,
  }
  let doc: Node
  try {
    doc = schema.nodes.doc!.create(docAttrs, children)
    doc.check()
  } catch (e) {
    throw new SummaryError('$', `文档结构无效：${(e as Error).message}`)
  }
  const diff = firstDifference(toSummary(doc), json, '$')
  if (diff) throw new SummaryError(diff.path, diff.problem)
  return doc
}

function firstDifference(expected: unknown, actual: unknown, path: string): { path: string; problem: string } | null {
  if (isObject(expected) && isObject(actual)) {
    for (const key of Object.keys(actual)) {
      if (!(key in expected)) return { path: `${path}.${key}`, problem: '不是 Summary JSON 的字段，或与其余内容不符' }
    }
    for (const key of Object.keys(expected)) {
      if (!(key in actual)) return { path: `${path}.${key}`, problem: `缺少此字段；按文档内容应为 ${short(expected[key])}` }
      const d = firstDifference(expected[key], actual[key], `${path}.${key}`)
      if (d) return d
    }
    return null
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return { path, problem: `应有 ${expected.length} 项（按文档内容计算），实有 ${actual.length} 项` }
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`)
      if (d) return d
    }
    return null
  }
  if (Object.is(expected, actual)) return null
  return { path, problem: `按文档内容应为 ${short(expected)}，实为 ${short(actual)}` }
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v)
  return s.length > 60 ? s.slice(0, 57) + '…' : s
}

