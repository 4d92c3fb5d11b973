import { Fragment, Mark, type Attrs, type Node, type NodeType } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { SummaryError } from './errors.ts'
import { PartCache } from './parts.ts'
import { commentIdsIn, threadsOf } from './comments.ts'
import { suggestionsOf } from './suggestions.ts'
import { formatSectionNumber, formatOrdinal, sectionNumber, parseChineseNumeral } from './numbering.ts'
import {
  schema,
  metricText,
  blankText,
  metricUnfilled,
  sectionFormats,
  isSection,
  type MetricAttrs,
  type BlankAttrs,
  type SectionFormat,
  type SectionTypeName,
  type Period,
  commentThreadsProblem,
  commentIdPattern,
  type CommentThread,
  type CommentAuthor,
  type CommentReply,
  type Suggestion,
  suggestionsProblem,
} from './schema.ts'

/** A piece of text with its marks. */
export interface TextRun {
  text: string
  bold?: true
  /**
   * The ids of the comments (批注) on this piece, in the order of its marks; absent when it has
   * none. Each names a thread of the summary's `comments` (version 2).
   */
  comments?: string[]
  /** The id of the suggestion (修订) that proposes to insert this piece; absent otherwise. Names an entry of the summary's `suggestions` (version 2). */
  inserted?: string
  /**
   * The id of the suggestion that proposes to delete this piece (kept until accepted); absent
   * otherwise. With `inserted` (another suggestion's) when a reviewer deleted what another
   * suggested inserting: accepting the deletion takes the piece away, rejecting it leaves the
   * insertion.
   */
  deleted?: string
}

/** A field's value changed as a suggestion (修订): the attribute, its value before and the suggestion's id. The run's field holds the new value. */
export interface FieldModification {
  id: string
  /** The field attribute changed (`value`, `upper` …). */
  attr: string
  /** Its value before the suggestion. */
  previous: unknown
  /** The value the suggestion proposes (what the field holds, unless changed since without suggesting). */
  value: unknown
}

/** A metric field inside a text. */
export interface MetricRun {
  metric: MetricField
  bold?: true
  /** The comments on the field: see {@link TextRun.comments}. */
  comments?: string[]
  /** See {@link TextRun.inserted}. */
  inserted?: string
  /** See {@link TextRun.deleted}. */
  deleted?: string
  /** The suggestions that change the field's value, with the old values; absent when none does. */
  modified?: FieldModification[]
}
/** A name blank inside a text. */
export interface BlankRun {
  blank: BlankField
  bold?: true
  /** The comments on the field: see {@link TextRun.comments}. */
  comments?: string[]
  /** See {@link TextRun.inserted}. */
  inserted?: string
  /** See {@link TextRun.deleted}. */
  deleted?: string
  /** The suggestions that change the field's value, with the old values; absent when none does. */
  modified?: FieldModification[]
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

/** Where a comment thread is anchored in Summary JSON: the first run that carries it, and all the text it covers. */
export interface CommentAnchor {
  /** The JSON path of the first run whose `comments` name the thread (`$.sections[0].body[1].runs[2]`). */
  path: string
  /**
   * The text of every run that names the thread, as displayed, in reading order, as the comments
   * panel and the review HTML quote it (`commentThreads`' `anchorText`): runs next to each other
   * joined, two stretches of one text joined by `…`, each text's (a paragraph, a heading) on a
   * line of its own (`强化引领\n全面学习`).
   */
  text: string
}

/**
 * A comment thread (批注) in Summary JSON: the thread as the document keeps it (see
 * {@link CommentThread}), with where it is now: `anchor`, or `detached: true` when no text
 * carries it any more (its text was deleted; `quote` keeps what it was).
 */
export type CommentThreadJSON = CommentThread & ({ anchor: CommentAnchor; detached?: never } | { detached: true; anchor?: never })

/**
 * A suggestion mark on a whole block (a section, a heading, a paragraph, a work-item list, an item,
 * a note …), named by the block's JSON path (`$.sections[1]`, `$.sections[0].title`,
 * `$.preamble[0]`, `$.sections[0].body[1].items[2]`): `insertion` or `deletion` of the whole block,
 * or `modification` of its kind (`type: 'nodeType'`, `previous` and `value` the node type names),
 * of an attribute (`type: 'attr'`, `attr`, `previous`, `value`), or of the structure
 * (`type: 'structure'`: sections demoted, promoted or moved; on the first block it made, `previous`
 * holds the blocks that stood there before, as ProseMirror JSON, and null on the others).
 */
export type BlockSuggestion =
  | { path: string; mark: 'insertion' | 'deletion' }
  | { path: string; mark: 'modification'; type: 'attr' | 'nodeType' | 'structure'; attr: string | null; previous: unknown; value: unknown }

/**
 * A suggestion (修订) in Summary JSON: the entry as the document keeps it (see
 * {@link Suggestion}), with the blocks it marks whole, in document order, when there are any. Its
 * text and fields are marked on the runs (`inserted`, `deleted`, `modified`).
 */
export type SuggestionJSON = Suggestion & { blocks?: BlockSuggestion[] }

/**
 * Summary JSON: the export integrators and back-end systems consume. Version 1 is a summary
 * without comments; a summary with comments (批注) is written as version 2, which adds the
 * threads (`comments`) and, on the runs of commented text, the ids of their comments.
 */
export interface Summary {
  /** 1 without comments and suggestions, 2 with either. */
  version: 1 | 2
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
  /** Version 2: the comment threads, in the order they were made (at least one). */
  comments?: CommentThreadJSON[]
  /** Version 2: the suggestions (修订), in the order they were made (at least one when present). */
  suggestions?: SuggestionJSON[]
}

// ---------------------------------------------------------------------------------------------
// Document → Summary

interface Walk {
  metrics: Metric[]
  blanks: Blank[]
  /** The runs of the text {@link textOf} read last, or null when its text says it all. */
  runs: Run[] | null
  /**
   * The ids of the comment threads a comment mark is written for, or null to write every one.
   * A mark of an id with no thread (text copied from another summary) is left out.
   */
  known: ReadonlySet<string> | null
  /** The anchor of each comment met so far: its first run, and the text of its stretches so far. Null until one is met. */
  anchors: Map<string, GatheredAnchor> | null
  /** The ids of the suggestions a suggestion mark is written for, or null to write every one; a mark of an id with no entry is left out. */
  knownSuggestions: ReadonlySet<string> | null
  /** The ids of the suggestion marks written, null until one is. */
  suggestionIds: Set<string> | null
}

/** The marks that end a clause: `。；！？，：、` and their half-width forms. */
export const clauseBreak = /[。；！？，：、,;:!?]/

/**
 * The words at the end of a text back to the last clause break, at most `max` characters: what a
 * field counts (`培训党组织书记` before `X名`), for the metrics index and the metrics table (the
 * validator's messages quote a field with more around it, by a rule of their own).
 */
export function contextBefore(text: string, max = 20): string {
  let start = text.length
  while (start > 0 && !isClauseBreak(text.charCodeAt(start - 1))) start--
  return text.slice(start).slice(-max)
}

/** Whether a UTF-16 code unit is one of {@link clauseBreak}: testing the regular expression on a character made a string of each. */
function isClauseBreak(code: number): boolean {
  switch (code) {
    case 0x3002: // 。
    case 0xff1b: // ；
    case 0xff01: // ！
    case 0xff1f: // ？
    case 0xff0c: // ，
    case 0xff1a: // ：
    case 0x3001: // 、
    case 0x2c: // ,
    case 0x3b: // ;
    case 0x3a: // :
    case 0x21: // !
    case 0x3f: // ?
      return true
    default:
      return false
  }
}

function fieldsEqual(a: readonly Mark[], b: readonly Mark[]) {
  return a.length === b.length && a.every((m, i) => m.eq(b[i]!))
}

function isBold(marks: readonly Mark[]): boolean {
  for (const mark of marks) if (mark.type.name === 'bold') return true
  return false
}

/**
 * The marks of a piece with comments (`ids`) as Summary JSON writes them: those of comments with
 * no thread in `known` left out.
 */
function writtenMarks(marks: readonly Mark[], ids: readonly string[], known: ReadonlySet<string> | null): readonly Mark[] {
  if (!known || ids.every((id) => known.has(id))) return marks
  return marks.filter((m) => m.type.name !== 'comment' || known.has(m.attrs.id as string))
}

/** Whether a mark is a suggestion mark. */
const isSuggestion = (m: Mark) => m.type.name === 'insertion' || m.type.name === 'deletion' || m.type.name === 'modification'

/** The marks of a piece as Summary JSON writes them: suggestion marks of ids with no entry left out; the ids written noted in the walk. */
function writtenSuggestionMarks(marks: readonly Mark[], walk: Walk): readonly Mark[] {
  let out = marks
  for (const m of marks) {
    if (!isSuggestion(m)) continue
    const id = m.attrs.id as string
    if (walk.knownSuggestions && !walk.knownSuggestions.has(id)) out = out.filter((x) => x !== m)
    else (walk.suggestionIds ??= new Set()).add(id)
  }
  return out
}

/** Writes a run's suggestion marks: `inserted`, `deleted`, and for a field `modified`. */
function addSuggestions(run: TextRun | MetricRun | BlankRun, marks: readonly Mark[], field: boolean): void {
  for (const m of marks) {
    const name = m.type.name
    if (name === 'insertion') run.inserted = m.attrs.id as string
    else if (name === 'deletion') run.deleted = m.attrs.id as string
    else if (name === 'modification' && field) ((run as MetricRun).modified ??= []).push({ id: m.attrs.id as string, attr: m.attrs.attrName as string, previous: m.attrs.previousValue, value: m.attrs.newValue })
  }
}

/**
 * Calls `f` for every block of a document (every node but the document and inline ones) with
 * its JSON path in Summary JSON: `$.title`, `$.preamble[0]`, `$.sections[1]`, its heading
 * `$.sections[1].title`, `$.sections[1].body[0].items[2].notes[0]`, `$.signOff.date` ….
 */
export function forEachBlockPath(doc: Node, f: (node: Node, pos: number, path: string) => void): void {
  const list = (node: Node, pos: number, path: string) => {
    f(node, pos, path)
    let items = -1
    let notes = 0
    node.forEach((child, offset) => {
      const at = pos + 1 + offset
      const name = child.type.name
      if (name === 'workIntro') f(child, at, `${path}.intro`)
      else if (name === 'workItem') {
        items++
        notes = 0
        f(child, at, `${path}.items[${items}]`)
      } else f(child, at, `${path}.items[${items}].notes[${notes++}]`)
    })
  }
  const block = (child: Node, at: number, path: string) => (child.type.name === 'workItems' ? list(child, at, path) : f(child, at, path))
  const section = (node: Node, pos: number, path: string) => {
    f(node, pos, path)
    let body = 0
    let subs = 0
    node.forEach((child, offset, i) => {
      const at = pos + 1 + offset
      if (i === 0) f(child, at, `${path}.title`)
      else if (isSection(child)) section(child, at, `${path}.sections[${subs++}]`)
      else block(child, at, `${path}.body[${body++}]`)
    })
  }
  let sections = 0
  doc.forEach((child, pos) => {
    const name = child.type.name
    if (isSection(child)) section(child, pos, `$.sections[${sections++}]`)
    else if (name === 'preamble' || name === 'closing') {
      f(child, pos, `$.${name}`)
      child.forEach((b, offset, i) => block(b, pos + 1 + offset, `$.${name}[${i}]`))
    } else if (name === 'signOff') {
      f(child, pos, '$.signOff')
      f(child.child(0), pos + 1, '$.signOff.organization')
      f(child.child(1), pos + 1 + child.child(0).nodeSize, '$.signOff.date')
    } else f(child, pos, `$.${name}`)
  })
}

/** The block suggestions of a document by suggestion id, for the ids of `known`. */
function blockSuggestionsOf(doc: Node, known: ReadonlySet<string>): Map<string, BlockSuggestion[]> {
  const out = new Map<string, BlockSuggestion[]>()
  // Most suggestions are on text: with none on a block, no block's path need be built.
  if (!hasBlockSuggestion(doc)) return out
  forEachBlockPath(doc, (node, _pos, path) => {
    for (const m of node.marks) {
      if (!isSuggestion(m) || !known.has(m.attrs.id as string)) continue
      const name = m.type.name as 'insertion' | 'deletion' | 'modification'
      const entry: BlockSuggestion =
        name === 'modification'
          ? { path, mark: name, type: m.attrs.type as 'attr' | 'nodeType' | 'structure', attr: m.attrs.attrName as string | null, previous: m.attrs.previousValue, value: m.attrs.newValue }
          : { path, mark: name }
      const list = out.get(m.attrs.id as string)
      if (list) list.push(entry)
      else out.set(m.attrs.id as string, [entry])
    }
  })
  return out
}

/** Whether a block of a document (any node below it but inline ones) has a suggestion mark. */
function hasBlockSuggestion(doc: Node): boolean {
  let found = false
  doc.descendants((node) => {
    if (found || node.isInline) return false
    if (node.marks.some(isSuggestion)) found = true
    return !node.isTextblock
  })
  return found
}

/** A comment's anchor as it is gathered: its first run, the text of its stretches so far, the text (its runs) the last is in and the index of the piece after it there. */
interface GatheredAnchor extends CommentAnchor {
  block: unknown
  next: number
}

/**
 * Notes the comments `ids` of the piece at `index` of a text (`block` names the text, one value
 * for all its pieces), displayed as `shown`, in the run at `runPath()`: a comment met for the
 * first time is anchored there; for one met before, the piece continues its last stretch, or
 * starts another after `…` in the same text, on a line of its own in another (see
 * {@link CommentAnchor.text}).
 */
function noteAnchors(ids: readonly string[], shown: string, runPath: string | (() => string), block: unknown, index: number, walk: { anchors: Map<string, GatheredAnchor> | null }): void {
  for (const id of ids) {
    const anchor = walk.anchors?.get(id)
    if (!anchor) (walk.anchors ??= new Map()).set(id, { path: typeof runPath === 'string' ? runPath : runPath(), text: shown, block, next: index + 1 })
    else {
      anchor.text += (anchor.block !== block ? '\n' : anchor.next !== index ? '…' : '') + shown
      anchor.block = block
      anchor.next = index + 1
    }
  }
}

// The attributes of a field are copied key by key, in the schema's order (the order a spread of
// node.attrs gives): node.attrs is a prototype-less object, slow to spread, and the copies are
// then all of one shape, quick for JSON.stringify.

function metricFieldOf(a: MetricAttrs): MetricField {
  const field: MetricField = { value: a.value, range: a.range, upper: a.upper, scale: a.scale, approx: a.approx, unit: a.unit, label: a.label, placeholder: a.placeholder }
  // Only where the number shows digits it drops (`5.0%`): a summary written before there was
  // `decimals` reads the same as one written now.
  if (a.decimals) field.decimals = a.decimals
  return field
}

function blankFieldOf(a: BlankAttrs): BlankField {
  return { value: a.value, label: a.label, placeholder: a.placeholder }
}

function metricEntry(a: MetricField, text: string, path: string, where: string, context: string): Metric {
  return {
    value: a.value,
    range: a.range,
    upper: a.upper,
    scale: a.scale,
    approx: a.approx,
    unit: a.unit,
    label: a.label,
    placeholder: a.placeholder,
    ...(a.decimals ? { decimals: a.decimals } : null),
    text,
    filled: !metricUnfilled(a),
    path,
    where,
    context,
  }
}

function blankEntry(a: BlankField, text: string, path: string, where: string, context: string): Blank {
  return { value: a.value, label: a.label, placeholder: a.placeholder, text, filled: a.value !== null, path, where, context }
}

/**
 * The displayed text of a textblock. Its runs go to `walk.runs`, null when the text needs none, so
 * that the common plain text costs no object; its fields go to the indexes, at `path.runsKey[i]`.
 */
function textOf(node: Node, path: string, runsKey: string, where: string, walk: Walk): string {
  walk.runs = null
  // Most texts are one plain text node: no runs to build.
  if (node.childCount === 0) return ''
  const first = node.firstChild!
  if (node.childCount === 1 && first.isText && !first.marks.length) return first.text!
  return runsOf(node, path, runsKey, where, walk)
}

/** The text of a textblock with several pieces; its runs in `walk.runs` when marks or fields need them. */
function runsOf(node: Node, path: string, runsKey: string, where: string, walk: Walk): string {
  const runs: Run[] = []
  let text = ''
  let plain = true
  // The marks of the last piece when it was text: text with the same marks joins its run.
  let lastMarks: readonly Mark[] | null = null
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    let marks = child.marks
    let ids: string[] | null = null
    if (marks.length) {
      ids = commentIdsIn(marks)
      if (ids) {
        marks = writtenMarks(marks, ids, walk.known)
        if (marks !== child.marks) ids = commentIdsIn(marks)
      }
      marks = writtenSuggestionMarks(marks, walk)
    }
    const bold = marks.length > 0 && isBold(marks)
    if (marks.length) plain = false
    if (child.isText) {
      const prev = runs[runs.length - 1]
      if (prev && 'text' in prev && lastMarks && fieldsEqual(lastMarks, marks)) prev.text += child.text!
      else {
        const run: TextRun = bold ? { text: child.text!, bold: true } : { text: child.text! }
        if (ids) run.comments = ids
        if (marks.length) addSuggestions(run, marks, false)
        runs.push(run)
      }
      if (ids) noteAnchors(ids, child.text!, () => `${path}.${runsKey}[${runs.length - 1}]`, runs, i, walk)
      text += child.text!
      lastMarks = marks
      continue
    }
    plain = false
    lastMarks = null
    const runPath = `${path}.${runsKey}[${runs.length}]`
    const context = contextBefore(text)
    let shown: string
    if (child.type.name === 'metric') {
      const field = metricFieldOf(child.attrs as MetricAttrs)
      const run: MetricRun = bold ? { metric: field, bold: true } : { metric: field }
      if (ids) run.comments = ids
      if (marks.length) addSuggestions(run, marks, true)
      runs.push(run)
      shown = metricText(field)
      walk.metrics.push(metricEntry(field, shown, runPath, where, context))
    } else {
      const field = blankFieldOf(child.attrs as BlankAttrs)
      const run: BlankRun = bold ? { blank: field, bold: true } : { blank: field }
      if (ids) run.comments = ids
      if (marks.length) addSuggestions(run, marks, true)
      runs.push(run)
      shown = blankText(field)
      walk.blanks.push(blankEntry(field, shown, runPath, where, context))
    }
    if (ids) noteAnchors(ids, shown, runPath, runs, i, walk)
    text += shown
  }
  walk.runs = plain ? null : runs
  return text
}

/** Ordinals by count, as written: a lookup is much quicker than writing the numeral, and lists are short. */
const ordinals: string[] = []

/** The ordinal of the `count`-th work item (`一是`), as {@link formatOrdinal} writes it. */
function ordinalOf(count: number): string {
  return count < 100 ? (ordinals[count] ??= formatOrdinal(count)) : formatOrdinal(count)
}

/** The marks that end a work item's lead (see {@link leadOf}). */
const leadEnd = /[。；！？;!?]/

/** The first sentence of a text without its final mark: the lead phrase of a work item. */
export function leadOf(text: string): string {
  // search, not exec: no match to build.
  const end = text.search(leadEnd)
  return end < 0 ? text : text.slice(0, end)
}

function paragraphOf(node: Node, path: string, where: string, walk: Walk): ParagraphBlock {
  const block: ParagraphBlock = { type: 'paragraph', text: textOf(node, path, 'runs', where, walk) }
  if (walk.runs) block.runs = walk.runs
  return block
}

function workItemsOf(list: Node, path: string, where: string, walk: Walk): WorkItemsBlock {
  // Keys in the order of the type: the introduction's fields before the items.
  const block = { type: 'workItems', layout: list.attrs.layout } as WorkItemsBlock
  const items: WorkItem[] = []
  let count = 0
  for (let i = 0; i < list.childCount; i++) {
    const child = list.child(i)
    const name = child.type.name
    if (name === 'workIntro') {
      block.intro = textOf(child, path, 'introRuns', where, walk)
      if (walk.runs) block.introRuns = walk.runs
    } else if (name === 'workItem') {
      const text = textOf(child, `${path}.items[${items.length}]`, 'runs', where, walk)
      // The ordinal counts items only, as workItemOrdinal does.
      const item: WorkItem = { ordinal: ordinalOf(++count), lead: leadOf(text), text }
      if (walk.runs) item.runs = walk.runs
      items.push(item)
    } else {
      const item = items[items.length - 1]!
      const notes = (item.notes ??= [])
      const text = textOf(child, `${path}.items[${items.length - 1}].notes[${notes.length}]`, 'runs', where, walk)
      notes.push(walk.runs ? { text, runs: walk.runs } : { text })
    }
  }
  block.items = items
  return block
}

function blocksOf(container: Node, from: number, path: string, where: string, walk: Walk): Block[] {
  const blocks: Block[] = []
  for (let i = from; i < container.childCount; i++) {
    const node = container.child(i)
    const name = node.type.name
    if (name === 'paragraph') blocks.push(paragraphOf(node, `${path}[${blocks.length}]`, where, walk))
    else if (name === 'workItems') blocks.push(workItemsOf(node, `${path}[${blocks.length}]`, where, walk))
    else break
  }
  return blocks
}

function roleOf(node: Node): SectionRole {
  return node.type.name === 'problems' ? 'problems' : node.type.name === 'plans' ? 'plans' : 'work'
}

/** Where a section is, for people: its parent's place and its number (`一、（二）`), or its role when unnumbered. */
function placeOf(where: string, number: string, role: SectionRole): string {
  return where + (number || (role === 'plans' ? '（计划）' : '（问题）'))
}

function sectionOf(parent: Node, index: number, level: number, path: string, where: string, walk: Walk): Section {
  const node = parent.child(index)
  const number = sectionNumber(parent, index)
  const role = roleOf(node)
  const here = placeOf(where, number, role)
  // Keys in the order of the type, each set as the walk reaches it: fields are indexed in document order.
  const section = { level: level as Section['level'], number, role, title: textOf(node.child(0), path, 'titleRuns', here, walk) } as Section
  if (walk.runs) section.titleRuns = walk.runs
  section.runIn = node.attrs.runIn === true
  section.body = blocksOf(node, 1, `${path}.body`, here, walk)
  let bodyEnd = 1
  while (bodyEnd < node.childCount && !node.child(bodyEnd).type.spec.group?.includes('section')) bodyEnd++
  const sections: Section[] = []
  for (let i = bodyEnd; i < node.childCount; i++) {
    sections.push(sectionOf(node, i, level + 1, `${path}.sections[${sections.length}]`, here, walk))
  }
  section.sections = sections
  if (node.attrs.part) section.part = node.attrs.part as string
  return section
}

function signOffOf(node: Node, walk: Walk): SignOff {
  const signOff = { organization: textOf(node.child(0), '$.signOff', 'organizationRuns', '落款', walk) } as SignOff
  if (walk.runs) signOff.organizationRuns = walk.runs
  signOff.date = textOf(node.child(1), '$.signOff', 'dateRuns', '落款', walk)
  if (walk.runs) signOff.dateRuns = walk.runs
  return signOff
}

/** The document's meta fields that are set, or null when none is. */
function metaOf(doc: Node): SummaryMeta | null {
  const meta: SummaryMeta = {}
  if (doc.attrs.organization) meta.organization = doc.attrs.organization
  if (doc.attrs.year !== null) meta.year = doc.attrs.year
  if (doc.attrs.period !== null) meta.period = doc.attrs.period
  if (doc.attrs.template !== null) meta.template = doc.attrs.template
  return Object.keys(meta).length ? meta : null
}

/**
 * One top-level part of a document as its Summary JSON has it, with the index entries of its
 * fields (their paths and places as in the whole Summary): the title, the subtitle, the opening
 * (`preamble`), a top-level section, the closing or the sign-off.
 */
export type SummaryPart = (
  | { kind: 'title' | 'subtitle'; text: string; runs: Run[] | null }
  | { kind: 'preamble' | 'closing'; blocks: Block[] }
  | { kind: 'section'; section: Section }
  | { kind: 'signOff'; signOff: SignOff }
) & {
  metrics: Metric[]
  blanks: Blank[]
  /** The anchor of each comment in the part (its first run there, the text of its stretches there), or null when no text in it carries one. */
  anchors: Map<string, GatheredAnchor> | null
  /** The ids of the suggestions marked on its text and fields, or null when there are none. */
  suggestionIds: Set<string> | null
}

/**
 * What a part's Summary depends on besides its node: its kind, and for a top-level section its
 * place among the sections and its number. Equal keys and the same node give an equal part.
 */
export function summaryPartKey(doc: Node, index: number, sectionIndex: number): string {
  const node = doc.child(index)
  return isSection(node) ? `$.sections[${sectionIndex}] ${sectionNumber(doc, index)}` : node.type.name
}

/**
 * The Summary of the child at `index` of a document, the `sectionIndex`-th top-level section when
 * it is one (see {@link SummaryPart}). With `known`, comment marks are written only for those
 * threads; without, for every id.
 */
export function summaryPart(doc: Node, index: number, sectionIndex: number, known: ReadonlySet<string> | null = null, knownSuggestions: ReadonlySet<string> | null = null): SummaryPart {
  const node = doc.child(index)
  const walk: Walk = { metrics: [], blanks: [], runs: null, known, anchors: null, knownSuggestions, suggestionIds: null }
  const { metrics, blanks } = walk
  let part: SummaryPart
  switch (node.type.name) {
    case 'title':
      part = { kind: 'title', text: textOf(node, '$', 'titleRuns', '标题', walk), runs: walk.runs, metrics, blanks, anchors: null, suggestionIds: null }
      break
    case 'subtitle':
      part = { kind: 'subtitle', text: textOf(node, '$', 'subtitleRuns', '副标题', walk), runs: walk.runs, metrics, blanks, anchors: null, suggestionIds: null }
      break
    case 'preamble':
      part = { kind: 'preamble', blocks: blocksOf(node, 0, '$.preamble', '导语', walk), metrics, blanks, anchors: null, suggestionIds: null }
      break
    case 'closing':
      part = { kind: 'closing', blocks: blocksOf(node, 0, '$.closing', '结尾', walk), metrics, blanks, anchors: null, suggestionIds: null }
      break
    case 'signOff':
      part = { kind: 'signOff', signOff: signOffOf(node, walk), metrics, blanks, anchors: null, suggestionIds: null }
      break
    default:
      part = { kind: 'section', section: sectionOf(doc, index, 1, `$.sections[${sectionIndex}]`, '', walk), metrics, blanks, anchors: null, suggestionIds: null }
  }
  part.anchors = walk.anchors
  part.suggestionIds = walk.suggestionIds
  return part
}

/** The parts {@link readSummary} has built, under their keys (see {@link summaryPartKey}). */
const sharedParts = new PartCache<SummaryPart>()

/** The ids of a document's comment threads. */
function threadIds(doc: Node): Set<string> {
  return new Set(threadsOf(doc).map((t) => t.id))
}

/**
 * The Summary JSON of a document: every part in order, numbers and ordinals as displayed, texts as
 * displayed (fields included), with `runs` wherever marks or fields need them for a lossless
 * {@link fromSummary}, and the metrics and blanks indexes in document order. A summary with
 * comment threads (批注) is version 2: the threads in `comments`, each with its anchor (or
 * `detached`), and the ids of the comments on the runs of commented text; a summary without is
 * version 1, as it always was. A comment mark whose thread the document does not have (text
 * pasted from another summary) is left out. Every object in it is new: the caller may change it.
 */
export function toSummary(doc: Node): Summary {
  const known = threadIds(doc)
  const knownSuggestions = new Set(suggestionsOf(doc).map((s) => s.id))
  return summaryOf(doc, (doc, index, sectionIndex) => summaryPart(doc, index, sectionIndex, known, knownSuggestions))
}

/**
 * What {@link toSummary} gives, for reading only (the editor's form value, written again while
 * the writer types): each top-level part is kept for its node, so that after an edit only the
 * parts it changed are built again, and objects are shared between the values of documents that
 * share those parts. Never change the value or anything in it; take {@link toSummary} for that.
 */
export function readSummary(doc: Node): Summary {
  let known: Set<string> | null = null
  let knownSuggestions: Set<string> | null = null
  return summaryOf(doc, (doc, index, sectionIndex) => {
    const part = sharedParts.get(doc.child(index), summaryPartKey(doc, index, sectionIndex), () => summaryPart(doc, index, sectionIndex))
    if (!part.anchors && !part.suggestionIds) return part
    // Kept parts write every comment and suggestion mark; a part with a mark whose thread or entry is gone is built again without it.
    known ??= threadIds(doc)
    knownSuggestions ??= new Set(suggestionsOf(doc).map((s) => s.id))
    if (part.anchors) for (const id of part.anchors.keys()) if (!known.has(id)) return summaryPart(doc, index, sectionIndex, known, knownSuggestions)
    if (part.suggestionIds) for (const id of part.suggestionIds) if (!knownSuggestions.has(id)) return summaryPart(doc, index, sectionIndex, known, knownSuggestions)
    return part
  })
}

/** A document's Summary, from its parts as `partAt` gives them. */
function summaryOf(doc: Node, partAt: (doc: Node, index: number, sectionIndex: number) => SummaryPart): Summary {
  let title = ''
  let titleRuns: Run[] | null = null
  let subtitle: string | undefined
  let subtitleRuns: Run[] | null = null
  let preamble: Block[] = []
  const sections: Section[] = []
  let closing: Block[] = []
  let signOff: SignOff | undefined
  const metrics: Metric[] = []
  const blanks: Blank[] = []
  const anchors = new Map<string, CommentAnchor>()
  for (let index = 0; index < doc.childCount; index++) {
    const part = partAt(doc, index, sections.length)
    // A comment in several parts: anchored in the first, each part's text on a line of its own (the parts' anchors kept as they are).
    if (part.anchors) for (const [id, a] of part.anchors) anchors.set(id, anchors.has(id) ? { path: anchors.get(id)!.path, text: anchors.get(id)!.text + '\n' + a.text } : a)
    switch (part.kind) {
      case 'title':
        title = part.text
        titleRuns = part.runs
        break
      case 'subtitle':
        subtitle = part.text
        subtitleRuns = part.runs
        break
      case 'preamble':
        preamble = part.blocks
        break
      case 'section':
        sections.push(part.section)
        break
      case 'closing':
        closing = part.blocks
        break
      case 'signOff':
        signOff = part.signOff
        break
    }
    for (const m of part.metrics) metrics.push(m)
    for (const b of part.blanks) blanks.push(b)
  }
  const threads = threadsOf(doc)
  const suggestions = suggestionsOf(doc)
  // Keys in the order of the type, whatever the order the walk met them in.
  const out = { version: threads.length || suggestions.length ? 2 : 1 } as Summary
  const meta = metaOf(doc)
  if (meta) out.meta = meta
  out.title = title
  if (titleRuns) out.titleRuns = titleRuns
  if (subtitle !== undefined) out.subtitle = subtitle
  if (subtitleRuns) out.subtitleRuns = subtitleRuns
  out.preamble = preamble
  out.sections = sections
  out.closing = closing
  if (signOff) out.signOff = signOff
  out.metrics = metrics
  out.blanks = blanks
  if (threads.length) out.comments = threads.map((t) => threadJSON(t, anchors.get(t.id)))
  if (suggestions.length) out.suggestions = suggestionsJSON(doc, suggestions)
  return out
}

function authorJSON(a: CommentAuthor): CommentAuthor {
  return a.role === undefined ? { id: a.id, name: a.name } : { id: a.id, name: a.name, role: a.role }
}

/** The suggestions of a document in Summary JSON: each entry's fields in the order of the type, then the blocks it marks whole. */
function suggestionsJSON(doc: Node, suggestions: readonly Suggestion[]): SuggestionJSON[] {
  const blocks = blockSuggestionsOf(doc, new Set(suggestions.map((s) => s.id)))
  return suggestions.map((s) => {
    const out: SuggestionJSON = { id: s.id, author: authorJSON(s.author), time: s.time, kind: s.kind }
    const list = blocks.get(s.id)
    if (list) out.blocks = list
    return out
  })
}

/** A thread in Summary JSON: its fields in the order of the type, then its anchor, or `detached`. */
function threadJSON(t: CommentThread, anchor: CommentAnchor | undefined): CommentThreadJSON {
  const out = {
    id: t.id,
    author: authorJSON(t.author),
    time: t.time,
    text: t.text,
    replies: t.replies.map((r: CommentReply) => ({ id: r.id, author: authorJSON(r.author), time: r.time, text: r.text })),
    resolved: t.resolved,
    quote: t.quote,
    scope: t.scope,
  } as CommentThreadJSON
  if (anchor) out.anchor = { path: anchor.path, text: anchor.text }
  else out.detached = true
  return out
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

/** Line breaks and control characters, which no text of Summary JSON holds (a tab may). */
const notOneLine = /[\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f]/

function expectString(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SummaryError(path, `应为字符串，实为 ${describe(v)}`)
  if (notOneLine.test(v)) throw new SummaryError(path, '文字中不能有换行或控制字符；每段应是单独的一项')
  return v
}

/** Control characters but the line break, which a comment's anchor holds between the texts it covers (a tab may be in a text). */
const notLines = /[\r\u0000-\u0008\u000b\u000c\u000e-\u001f]/

/** A string of lines: a comment anchor's text, each text it covers on a line of its own (see {@link CommentAnchor.text}). */
function expectLines(v: unknown, path: string): string {
  if (typeof v !== 'string') throw new SummaryError(path, `应为字符串，实为 ${describe(v)}`)
  if (notLines.test(v)) throw new SummaryError(path, '文字中不能有控制字符；所批注的各段之间用换行分开')
  return v
}

/** Characters the organisation in `meta` cannot hold (as the JSON Schema says): line breaks and control characters. */
const notOrganization = /[\u0000-\u001f\u007f\u2028\u2029]/
/** A template's id in `meta` (as the JSON Schema says). */
const templateId = /^[a-z][a-z0-9-]{0,39}$/

/**
 * The `meta` of Summary JSON, its fields checked as the JSON Schema allows them, each refused with
 * an error naming its path (`$.meta.year`) and what it may be. A field it does not know is left to
 * the comparison with what the document gives.
 */
function metaFrom(v: unknown): Record<string, unknown> {
  const meta = expectObject(v, '$.meta')
  const { organization, year, period, template } = meta
  // A field that is not set is left out, not written empty or null.
  const leftOut = (x: unknown) => (x === null || x === '' ? '；没有时省略此字段' : '')
  if (organization !== undefined && (typeof organization !== 'string' || !organization || notOrganization.test(organization))) {
    throw new SummaryError('$.meta.organization', `应为单位名称：一行非空文字，不能有换行或控制字符，实为 ${describe(organization)}${leftOut(organization)}`)
  }
  if (year !== undefined && !(typeof year === 'number' && Number.isInteger(year) && year >= 1949 && year <= 2999)) {
    throw new SummaryError('$.meta.year', `应为 1949 至 2999 之间的整数年份（如 2024），实为 ${describe(year)}${leftOut(year)}`)
  }
  if (period !== undefined && period !== 'first-half' && period !== 'second-half' && period !== 'year') {
    throw new SummaryError('$.meta.period', `应为 "first-half"（上半年）、"second-half"（下半年）或 "year"（全年），实为 ${describe(period)}${leftOut(period)}`)
  }
  if (template !== undefined && (typeof template !== 'string' || !templateId.test(template))) {
    throw new SummaryError('$.meta.template', `应为模板标识：小写字母开头，由小写字母、数字和连字符组成，至多 40 个字符（如 "township"），实为 ${describe(template)}${leftOut(template)}`)
  }
  return meta
}

/**
 * Where fromSummary is reading: the keys and indexes from the top of the value down to the part
 * being read. Joined into a JSON path (`$.sections[3].body[2].runs[1]`) only when one is wanted,
 * for an error or a field's index entry: most parts need none, and a path made for every part was
 * a good share of the time and garbage of reading.
 */
class Place {
  private readonly steps: (string | number)[] = []

  /** Goes down into a key (`sections`) or an index of the part read here. */
  enter(step: string | number): void {
    this.steps.push(step)
  }

  /** Goes back up out of the last step entered. */
  leave(): void {
    this.steps.pop()
  }

  /** The JSON path of the part read here, with `suffix` (`.text`, `.layout`) after it. */
  path(suffix = ''): string {
    let out = '$'
    for (const step of this.steps) out += typeof step === 'number' ? `[${step}]` : `.${step}`
    return out + suffix
  }
}

/** `v` as {@link expectObject} reads it at `place` (and `suffix`), the path built only for the error. */
function objectAt(v: unknown, place: Place, suffix = ''): Record<string, unknown> {
  return isObject(v) ? v : expectObject(v, place.path(suffix))
}

/** `v` as {@link expectArray} reads it at `place`, the path built only for the error. */
function arrayAt(v: unknown, place: Place): unknown[] {
  return Array.isArray(v) ? v : expectArray(v, place.path())
}

/** `obj[key]` read as {@link expectString} reads it, the path built only for the error: most texts are fine. */
function stringAt(obj: Record<string, unknown>, key: string, place: Place): string {
  const v = obj[key]
  return typeof v === 'string' && !notOneLine.test(v) ? v : expectString(v, place.path(`.${key}`))
}

function describe(v: unknown): string {
  if (v === undefined) return '缺失'
  if (v === null) return 'null'
  if (Array.isArray(v)) return '数组'
  if (typeof v === 'object') return '对象'
  return `${typeof v} ${JSON.stringify(v)}`.slice(0, 60)
}

/**
 * What fromSummary compares as it builds: the value against what toSummary gives for the document
 * being built (numbers, ordinals, leads, displayed texts, runs, index entries, meta and the keys of
 * every object), without building that Summary. A difference only sets `differs` and the build
 * goes on, so that a value that is also malformed is refused for that, as when the comparison came
 * after the build; then {@link firstDifference} finds the first difference for its path and
 * message. `differs` may be set where a closer look finds none (a key that firstDifference
 * tolerates, such as one named like a property of every object); then the document stands.
 */
interface Check {
  /** The value's metrics index when it is an array, and the entry the next metric should match. */
  metrics: unknown[] | null
  metricAt: number
  /** The same for the blanks index. */
  blanks: unknown[] | null
  blankAt: number
  /** The displayed text of the text {@link inlineFrom} read last, and whether toSummary gives it runs. */
  text: string
  runs: boolean
  differs: boolean
  /**
   * Whether a list had holes (a value built in code, not parsed): forEach skips them, which can
   * leave a work-item list without items, so the document is then checked whole.
   */
  sparse: boolean
  /** The ids of the value's comment threads, which the `comments` of runs may name. */
  known: ReadonlySet<string>
  /** The ids of the value's suggestions, which the `inserted`, `deleted` and `modified` of runs may name. */
  knownSuggestions: ReadonlySet<string>
  /** The anchor of each comment met so far (its first run, the text of its stretches so far), as toSummary would write it. */
  anchors: Map<string, GatheredAnchor> | null
  /** Where the part being read is, for the paths of errors and index entries. */
  place: Place
  /** The fields made so far, by unit (metrics) or label (blanks), null until one is: see {@link fieldNode}. */
  fields: Map<unknown, MadeField[]> | null
}

/** A field node {@link fieldNode} made, with the value of the run it was made from. */
interface MadeField {
  type: NodeType
  value: Record<string, unknown>
  node: Node
}

/**
 * Whether an object has exactly these keys, as the quick look of a `for…in` loop tells: every
 * key one of them, and as many. Compared like {@link firstDifference} compares objects, whose key
 * order does not matter.
 */
function hasExactly(obj: Record<string, unknown>, keys: readonly string[]): boolean {
  let count = 0
  for (const key in obj) {
    // Keys come in the order toSummary writes them, mostly that of `keys`: a look at the one
    // expected there spares the search.
    if (key !== keys[count] && !keys.includes(key)) return false
    count++
  }
  return count === keys.length
}

/** The key sets of an object toSummary writes: `base`, with the optional keys whose bit (1, 2 …) is set in the index. */
function keySets(base: readonly string[], ...optional: string[]): (readonly string[])[] {
  const sets: string[][] = []
  for (let bits = 0; bits < 1 << optional.length; bits++) sets.push([...base, ...optional.filter((_, i) => bits & (1 << i))])
  return sets
}

const textRunKeys = keySets(['text'], 'bold', 'comments', 'inserted', 'deleted')
const metricRunKeys = keySets(['metric'], 'bold', 'comments', 'inserted', 'deleted', 'modified')
const blankRunKeys = keySets(['blank'], 'bold', 'comments', 'inserted', 'deleted', 'modified')
const metricFieldKeys = ['value', 'range', 'upper', 'scale', 'approx', 'unit', 'label', 'placeholder']
/** The keys of a metric field whose number shows digits it drops (see `MetricAttrs.decimals`). */
const metricDecimalsKeys = [...metricFieldKeys, 'decimals']
const blankFieldKeys = ['value', 'label', 'placeholder']
const indexKeys = ['text', 'filled', 'path', 'where', 'context']
const metricEntryKeys = [...metricFieldKeys, ...indexKeys]
const metricDecimalsEntryKeys = [...metricDecimalsKeys, ...indexKeys]
const blankEntryKeys = [...blankFieldKeys, ...indexKeys]
const paragraphKeys = keySets(['type', 'text'], 'runs')
const workItemsKeys = keySets(['type', 'layout', 'items'], 'intro', 'introRuns')
const itemKeys = keySets(['ordinal', 'lead', 'text'], 'runs', 'notes')
const noteKeys = keySets(['text'], 'runs')
const sectionKeys = keySets(['level', 'number', 'role', 'title', 'runIn', 'body', 'sections'], 'titleRuns', 'part')
const signOffKeys = keySets(['organization', 'date'], 'organizationRuns', 'dateRuns')

// The attributes of a field are compared one by one, by name (those of metricFieldKeys and
// blankFieldKeys), as firstDifference compares them: reads by a name are much quicker than reads
// by a key from a list. An index entry is compared with the run's field once that is found the
// same as the node's attributes, which are slower to read (an object with no prototype).

/** Whether `v` holds the attributes `a` of a metric field. */
function sameMetricAttrs(v: Record<string, unknown>, a: Attrs): boolean {
  return (
    Object.is(v.value, a.value) &&
    Object.is(v.range, a.range) &&
    Object.is(v.upper, a.upper) &&
    Object.is(v.scale, a.scale) &&
    Object.is(v.approx, a.approx) &&
    Object.is(v.unit, a.unit) &&
    Object.is(v.label, a.label) &&
    Object.is(v.placeholder, a.placeholder) &&
    // Absent is 0, as in a summary from before there was `decimals`.
    (v.decimals ?? 0) === (a.decimals ?? 0)
  )
}

/** Whether `v` holds the attributes `a` of a blank field. */
function sameBlankAttrs(v: Record<string, unknown>, a: Attrs): boolean {
  return Object.is(v.value, a.value) && Object.is(v.label, a.label) && Object.is(v.placeholder, a.placeholder)
}

/**
 * Whether the fields of an index entry beside the attributes are those toSummary writes for a
 * field displayed as `shown`, in the run read at `place`, in a text that reads `before` up to it.
 */
function sameIndexFields(entry: Record<string, unknown>, shown: string, filled: boolean, where: string, before: string, place: Place): boolean {
  return entry.text === shown && entry.filled === filled && entry.where === where && entry.context === contextBefore(before) && entry.path === place.path()
}

/**
 * Compares a field's run (read at `check.place`) and its index entry with what toSummary writes
 * for the field `node`, in a text that reads `before` up to it; the field as displayed. `keys` is
 * the run's key set by its marks (see {@link markKeys}).
 */
function checkField(node: Node, run: Record<string, unknown>, keys: number, where: string, before: string, check: Check): string {
  const attrs = node.attrs
  if (node.type === metricType) {
    const shown = metricText(attrs as MetricAttrs)
    const field = run.metric
    const entry = check.metrics?.[check.metricAt++]
    if (
      !hasExactly(run, metricRunKeys[keys]!) ||
      !isObject(field) ||
      !hasExactly(field, attrs.decimals ? metricDecimalsKeys : metricFieldKeys) ||
      !sameMetricAttrs(field, attrs) ||
      !isObject(entry) ||
      !hasExactly(entry, attrs.decimals ? metricDecimalsEntryKeys : metricEntryKeys) ||
      !sameMetricAttrs(entry, field) ||
      !sameIndexFields(entry, shown, !metricUnfilled(attrs as MetricAttrs), where, before, check.place)
    ) {
      check.differs = true
    }
    return shown
  }
  const shown = blankText(attrs as BlankAttrs)
  const field = run.blank
  const entry = check.blanks?.[check.blankAt++]
  if (
    !hasExactly(run, blankRunKeys[keys]!) ||
    !isObject(field) ||
    !hasExactly(field, blankFieldKeys) ||
    !sameBlankAttrs(field, attrs) ||
    !isObject(entry) ||
    !hasExactly(entry, blankEntryKeys) ||
    !sameBlankAttrs(entry, field) ||
    !sameIndexFields(entry, shown, attrs.value !== null, where, before, check.place)
  ) {
    check.differs = true
  }
  return shown
}

const boldMark = schema.marks.bold!.create()

// The node types read most often, looked up once.
const paragraphType = schema.nodes.paragraph!
const headingType = schema.nodes.heading!
const workIntroType = schema.nodes.workIntro!
const workItemType = schema.nodes.workItem!
const workNoteType = schema.nodes.workNote!
const metricType = schema.nodes.metric!
const blankType = schema.nodes.blank!
const commentType = schema.marks.comment!

/** The marks of a bold run with no others: most runs are plain or bold, and need no list of their own. */
const boldMarks: readonly Mark[] = [boldMark]

/** The `comments` of a run: a list of the ids of threads in `known`, each once, not empty. */
function commentIdsFrom(v: unknown, path: string, known: ReadonlySet<string>): string[] {
  const list = expectArray(v, path)
  if (!list.length) throw new SummaryError(path, '没有批注的片段应省略 comments，不写空数组')
  const ids: string[] = []
  for (let j = 0; j < list.length; j++) {
    const id = list[j]
    if (typeof id !== 'string' || !commentIdPattern.test(id)) throw new SummaryError(`${path}[${j}]`, `应为批注标识，实为 ${describe(id)}`)
    if (!known.has(id)) throw new SummaryError(`${path}[${j}]`, `批注 ${JSON.stringify(id)} 在 $.comments 中没有对应的一条：片段所标的每个批注都应在其中`)
    if (ids.includes(id)) throw new SummaryError(`${path}[${j}]`, `批注 ${JSON.stringify(id)} 在同一片段中重复`)
    ids.push(id)
  }
  return ids
}

/** A suggestion id on a run, checked: one of `known`. */
function suggestionIdFrom(v: unknown, path: string, known: ReadonlySet<string>): string {
  if (typeof v !== 'string' || !commentIdPattern.test(v)) throw new SummaryError(path, `应为修订标识，实为 ${describe(v)}`)
  if (!known.has(v)) throw new SummaryError(path, `修订 ${JSON.stringify(v)} 在 $.suggestions 中没有对应的一条：片段所标的每个修订都应在其中`)
  return v
}

/**
 * Adds the suggestion marks of a run (`inserted`, `deleted`, and a field's `modified`) to `marks`;
 * gives their key bits (see {@link checkField}). A field's modifications are made with the field's
 * attributes once the field is made, so they are left in `marks` with their `value` as given.
 */
function suggestionMarksFrom(r: Record<string, unknown>, rp: string, marks: Mark[], check: Check): number {
  let keys = 0
  // Inserted by one suggestion and deleted by another (a reviewer deleting another's suggested words): both marks.
  if (r.inserted !== undefined && r.inserted === r.deleted) throw new SummaryError(`${rp}.deleted`, '同一修订不能既插入又删除同一片段')
  if (r.inserted !== undefined) {
    marks.push(schema.marks.insertion!.create({ id: suggestionIdFrom(r.inserted, `${rp}.inserted`, check.knownSuggestions) }))
    keys += 4
  }
  if (r.deleted !== undefined) {
    marks.push(schema.marks.deletion!.create({ id: suggestionIdFrom(r.deleted, `${rp}.deleted`, check.knownSuggestions) }))
    keys += 8
  }
  if (r.modified !== undefined) {
    if (!('metric' in r) && !('blank' in r)) throw new SummaryError(`${rp}.modified`, '只有指标和空白字段可以有 modified')
    if (keys) throw new SummaryError(`${rp}.modified`, '插入或删除的字段不能同时有 modified')
    const list = expectArray(r.modified, `${rp}.modified`)
    if (!list.length) throw new SummaryError(`${rp}.modified`, '没有修改时应省略 modified，不写空数组')
    list.forEach((v, j) => {
      const mp = `${rp}.modified[${j}]`
      const m = expectObject(v, mp)
      if (!hasExactly(m, fieldModificationKeys)) throw new SummaryError(mp, '应恰有 id、attr、previous、value 四个字段')
      const id = suggestionIdFrom(m.id, `${mp}.id`, check.knownSuggestions)
      const attr = expectString(m.attr, `${mp}.attr`)
      marks.push(schema.marks.modification!.create({ id, type: 'attr', attrName: attr, previousValue: m.previous ?? null, newValue: m.value ?? null }))
    })
    keys += 16
  }
  return keys
}

const fieldModificationKeys = ['id', 'attr', 'previous', 'value']

/** Checks that each modification of a field names one of its attributes, with a previous value it can take back (rejecting sets it). */
function checkFieldModifications(node: Node, rp: string): void {
  let j = 0
  for (const m of node.marks) {
    if (m.type.name !== 'modification') continue
    const mp = `${rp}.modified[${j++}]`
    const attr = m.attrs.attrName as string
    if (!(attr in node.attrs) || attr === 'label' || attr === 'placeholder') throw new SummaryError(`${mp}.attr`, `应为字段的值属性（如 "value"），实为 ${describe(attr)}`)
    try {
      node.type.create({ ...node.attrs, [attr]: m.attrs.previousValue })
    } catch (e) {
      throw new SummaryError(`${mp}.previous`, `字段不能取此值：${(e as Error).message}`)
    }
  }
}
const blockSuggestionKeys = ['path', 'mark']
const blockModificationKeys = ['path', 'mark', 'type', 'attr', 'previous', 'value']

/**
 * The suggestions of a Summary JSON value (`$.suggestions`), checked: present only in version 2,
 * at least one, each an entry (see `suggestionsProblem`) with, when it marks whole blocks, their
 * `blocks`. The blocks are put on the document once it is built.
 */
function suggestionEntriesFrom(s: Record<string, unknown>): Record<string, unknown>[] {
  if (s.suggestions === undefined) return []
  if (s.version === 1) throw new SummaryError('$.suggestions', '第 1 版没有修订；有修订的总结应为 "version": 2')
  const list = expectArray(s.suggestions, '$.suggestions')
  if (!list.length) throw new SummaryError('$.suggestions', '修订不能为空数组；没有修订时不写 suggestions')
  const problem = suggestionsProblem(list, ['blocks'])
  if (problem) throw new SummaryError(`$.suggestions${problem.path}`, problem.problem)
  return list as Record<string, unknown>[]
}

/** Puts the block suggestions of the entries on a document; throws a SummaryError naming the entry's block for a path that names no block. */
function withBlockSuggestions(doc: Node, entries: readonly Record<string, unknown>[]): Node {
  if (!entries.some((e) => e.blocks !== undefined)) return doc
  const at = new Map<string, number>()
  forEachBlockPath(doc, (_node, pos, path) => at.set(path, pos))
  const tr = new Transform(doc)
  entries.forEach((e, i) => {
    if (e.blocks === undefined) return
    const list = expectArray(e.blocks, `$.suggestions[${i}].blocks`)
    if (!list.length) throw new SummaryError(`$.suggestions[${i}].blocks`, '没有整块的修订时应省略 blocks，不写空数组')
    list.forEach((v, j) => {
      const bp = `$.suggestions[${i}].blocks[${j}]`
      const b = expectObject(v, bp)
      const pos = typeof b.path === 'string' ? at.get(b.path) : undefined
      if (pos === undefined) throw new SummaryError(`${bp}.path`, `应为本总结中一个块的 JSON 路径（如 "$.sections[0].body[1]"），实为 ${describe(b.path)}`)
      let mark: Mark
      try {
        if (b.mark === 'insertion' || b.mark === 'deletion') {
          if (!hasExactly(b, blockSuggestionKeys)) throw new SummaryError(bp, '整块的插入或删除应恰有 path 和 mark 两个字段')
          mark = schema.marks[b.mark]!.create({ id: e.id })
        } else if (b.mark === 'modification') {
          if (!hasExactly(b, blockModificationKeys)) throw new SummaryError(bp, '整块的修改应恰有 path、mark、type、attr、previous、value 六个字段')
          if (b.type === 'structure' && b.previous !== null) {
            try {
              Fragment.fromJSON(schema, b.previous).forEach((n) => n.check())
            } catch (err) {
              throw new SummaryError(`${bp}.previous`, `应为原先各块的 ProseMirror JSON，实为无效内容：${(err as Error).message}`)
            }
          }
          const node = doc.nodeAt(pos)!
          if (b.type === 'attr' && (typeof b.attr !== 'string' || !(b.attr in node.attrs))) throw new SummaryError(`${bp}.attr`, `应为此块的属性名，实为 ${describe(b.attr)}`)
          if (b.type === 'nodeType' && (typeof b.previous !== 'string' || !schema.nodes[b.previous])) throw new SummaryError(`${bp}.previous`, `应为原先的节点类型名，实为 ${describe(b.previous)}`)
          mark = schema.marks.modification!.create({ id: e.id, type: b.type, attrName: b.attr, previousValue: b.previous, newValue: b.value })
        } else throw new SummaryError(`${bp}.mark`, `应为 "insertion"、"deletion" 或 "modification"，实为 ${describe(b.mark)}`)
        tr.addNodeMark(pos, mark)
      } catch (err) {
        if (err instanceof SummaryError) throw err
        throw new SummaryError(bp, `修订标记无效：${(err as Error).message}`)
      }
    })
  })
  return tr.doc
}

/**
 * The comment threads of a Summary JSON value (`$.comments`), checked: present exactly in
 * version 2, at least one, each a thread with `anchor` or `detached: true`. Their anchors are
 * compared with the document's once it is built.
 */
function threadsFrom(s: Record<string, unknown>): Record<string, unknown>[] {
  if (s.comments === undefined) {
    if (s.version === 2 && s.suggestions === undefined) throw new SummaryError('$.comments', '第 2 版应有批注（comments，至少一条）或修订（suggestions）；二者都没有的总结应为 "version": 1')
    return []
  }
  if (s.version === 1) throw new SummaryError('$.comments', '第 1 版没有批注；有批注的总结应为 "version": 2')
  const list = expectArray(s.comments, '$.comments')
  if (!list.length) throw new SummaryError('$.comments', '批注不能为空数组；没有批注的总结应为 "version": 1，不写 comments')
  const problem = commentThreadsProblem(list, ['anchor', 'detached'])
  if (problem) throw new SummaryError(`$.comments${problem.path}`, problem.problem)
  const threads = list as Record<string, unknown>[]
  threads.forEach((t, i) => {
    const path = `$.comments[${i}]`
    if (('anchor' in t) === ('detached' in t)) throw new SummaryError(path, '应有 anchor（批注所在的文字）或 detached: true（文字已删去）二者之一')
    if ('detached' in t && t.detached !== true) throw new SummaryError(`${path}.detached`, `只能是 true（或改写 anchor），实为 ${describe(t.detached)}`)
    if ('anchor' in t) {
      const a = expectObject(t.anchor, `${path}.anchor`)
      expectString(a.path, `${path}.anchor.path`)
      expectLines(a.text, `${path}.anchor.text`)
    }
  })
  return threads
}

/** A thread as the document keeps it, from its checked Summary JSON (without its anchor). */
function threadFrom(t: Record<string, unknown>): CommentThread {
  const json = t as unknown as CommentThread
  return {
    id: json.id,
    author: authorJSON(json.author),
    time: json.time,
    text: json.text,
    replies: json.replies.map((r) => ({ id: r.id, author: authorJSON(r.author), time: r.time, text: r.text })),
    resolved: json.resolved,
    quote: json.quote,
    scope: json.scope,
  }
}

/** Whether a thread's `anchor` or `detached` is what toSummary writes for the anchor the document gives it. */
function sameAnchor(t: Record<string, unknown>, anchor: CommentAnchor | undefined): boolean {
  if (!anchor) return t.detached === true && !('anchor' in t)
  const a = t.anchor
  return !('detached' in t) && isObject(a) && hasExactly(a, anchorKeys) && a.path === anchor.path && a.text === anchor.text
}

const anchorKeys = ['path', 'text']

/**
 * The inline content of a text, from its runs when it has them, else from its text, read at
 * `check.place`. Compares as it goes (see {@link Check}): the text as displayed, the runs as
 * toSummary writes them, and the index entry of each field; leaves the displayed text, and whether
 * toSummary gives it runs, in `check`.
 */
function inlineFrom(obj: Record<string, unknown>, textKey: string, runsKey: string, where: string, check: Check): Node[] {
  const runs = obj[runsKey]
  const place = check.place
  if (runs === undefined) {
    const text = stringAt(obj, textKey, place)
    check.text = text
    check.runs = false
    return text ? [schema.text(text)] : []
  }
  place.enter(runsKey)
  const list = arrayAt(runs, place)
  const nodes: Node[] = []
  let text = ''
  let needed = false
  let seen = 0
  // The marks of the last run when it was text, null after a field: text runs alike would make one node, one run.
  let lastMarks: readonly Mark[] | null = null
  for (let i = 0; i < list.length; i++) {
    // A hole in the list is skipped, as forEach would skip it, and differs (see `seen`).
    if (!(i in list)) continue
    place.enter(i)
    const r = objectAt(list[i], place)
    const node = runFrom(r, check)
    const keys = markKeys(r)
    seen++
    let shown: string
    if (node.isText) {
      if ((lastMarks && Mark.sameSet(lastMarks, node.marks)) || !hasExactly(r, textRunKeys[keys]!)) check.differs = true
      lastMarks = node.marks
      needed ||= keys > 0
      shown = node.text!
    } else {
      lastMarks = null
      needed = true
      shown = checkField(node, r, keys, where, text, check)
    }
    // The comment ids, checked by runFrom.
    const ids = keys & 2 ? (r.comments as string[]) : null
    if (ids) noteAnchors(ids, shown, () => place.path(), list, i, check)
    text += shown
    nodes.push(node)
    place.leave()
  }
  place.leave()
  // A hole in the list is skipped, and differs.
  if (seen !== list.length) check.differs = check.sparse = true
  if (!Object.is(obj[textKey], text)) check.differs = true
  check.text = text
  check.runs = needed
  return nodes
}

/** The key set of a run that runFrom has read, by its marks: 1 bold, 2 comments, 4 inserted, 8 deleted, 16 modified. */
function markKeys(r: Record<string, unknown>): number {
  return (r.bold === true ? 1 : 0) + (r.comments !== undefined ? 2 : 0) + (r.inserted !== undefined ? 4 : 0) + (r.deleted !== undefined ? 8 : 0) + (r.modified !== undefined ? 16 : 0)
}

/**
 * The node of a run `r`, read at `check.place`: text, a metric or a blank, with its marks (bold,
 * comments, suggestions), each checked.
 */
function runFrom(r: Record<string, unknown>, check: Check): Node {
  const place = check.place
  if (r.bold !== undefined && r.bold !== true) throw new SummaryError(place.path('.bold'), '只能是 true 或省略')
  const ids = r.comments === undefined ? null : commentIdsFrom(r.comments, place.path('.comments'), check.known)
  // Most runs are plain or bold: no list of marks of their own (see boldMarks).
  let marks: readonly Mark[] = r.bold === true ? boldMarks : Mark.none
  let suggestionKeys = 0
  if (ids || r.inserted !== undefined || r.deleted !== undefined || r.modified !== undefined) {
    const own = r.bold === true ? [boldMark] : []
    if (ids) for (const id of ids) own.push(commentType.create({ id }))
    if (r.inserted !== undefined || r.deleted !== undefined || r.modified !== undefined) suggestionKeys = suggestionMarksFrom(r, place.path(), own, check)
    marks = own
  }
  let node: Node
  try {
    if ('text' in r) {
      const piece = stringAt(r, 'text', place)
      if (!piece) throw new SummaryError(place.path('.text'), '文字片段不能为空')
      node = schema.text(piece, marks)
    } else if ('metric' in r) {
      node = fieldNode(metricType, objectAt(r.metric, place, '.metric'), marks, check)
    } else if ('blank' in r) {
      node = fieldNode(blankType, objectAt(r.blank, place, '.blank'), marks, check)
    } else throw new SummaryError(place.path(), '片段应含 text、metric 或 blank 之一')
  } catch (e) {
    if (e instanceof SummaryError) throw e
    throw new SummaryError(place.path(), `字段值无效：${(e as Error).message}`)
  }
  // Fields are checked as they are made (NodeType.create validates attributes), so the error names the run.
  if (suggestionKeys & 16) checkFieldModifications(node, place.path())
  return node
}

/** An empty list of each layout, to copy: `create` would compute and check the same attributes for every list. */
const emptyLists = {
  joined: schema.nodes.workItems!.create({ layout: 'joined' }),
  separate: schema.nodes.workItems!.create({ layout: 'separate' }),
}

/** A block (a paragraph or a work-item list), read at `check.place`. */
function blockFrom(v: unknown, where: string, check: Check): Node {
  const place = check.place
  const b = objectAt(v, place)
  if (b.type === 'paragraph') {
    const content = inlineFrom(b, 'text', 'runs', where, check)
    if (!hasExactly(b, paragraphKeys[check.runs ? 1 : 0]!)) check.differs = true
    return paragraphType.create(null, content)
  }
  if (b.type === 'workItems') {
    if (b.layout !== 'joined' && b.layout !== 'separate') throw new SummaryError(place.path('.layout'), '应为 "joined"（一段连写）或 "separate"（一项一段）')
    const children: Node[] = []
    let introKeys = 0
    if (b.intro !== undefined || b.introRuns !== undefined) {
      children.push(workIntroType.create(null, inlineFrom(b, 'intro', 'introRuns', where, check)))
      introKeys = check.runs ? 3 : 1
    }
    place.enter('items')
    const items = arrayAt(b.items, place)
    if (!items.length) throw new SummaryError(place.path(), '工作事项列表至少要有一项')
    let count = 0
    for (let i = 0; i < items.length; i++) {
      // A hole is skipped, as forEach would skip it, and differs (see `count`).
      if (!(i in items)) continue
      place.enter(i)
      itemFrom(items[i], ++count, where, children, check)
      place.leave()
    }
    place.leave()
    if (count !== items.length) check.differs = check.sparse = true
    if (!hasExactly(b, workItemsKeys[introKeys]!)) check.differs = true
    return emptyLists[b.layout].copy(Fragment.from(children))
  }
  throw new SummaryError(place.path('.type'), `段落类型应为 "paragraph" 或 "workItems"，实为 ${describe(b.type)}`)
}

/** A work item, the `count`-th of its list, read at `check.place`: its node and its notes' added to `children`. */
function itemFrom(v: unknown, count: number, where: string, children: Node[], check: Check): void {
  const place = check.place
  const it = objectAt(v, place)
  children.push(workItemType.create(null, inlineFrom(it, 'text', 'runs', where, check)))
  // The ordinal counts the items; the lead is the first sentence of the text as displayed.
  if (it.ordinal !== ordinalOf(count) || it.lead !== leadOf(check.text)) check.differs = true
  const runs = check.runs
  let notes = 0
  if (it.notes !== undefined) {
    place.enter('notes')
    const list = arrayAt(it.notes, place)
    for (let j = 0; j < list.length; j++) {
      if (!(j in list)) continue
      place.enter(j)
      const n = objectAt(list[j], place)
      children.push(workNoteType.create(null, inlineFrom(n, 'text', 'runs', where, check)))
      if (!hasExactly(n, noteKeys[check.runs ? 1 : 0]!)) check.differs = true
      notes++
      place.leave()
    }
    place.leave()
    if (notes !== list.length) check.differs = check.sparse = true
  }
  // No notes, no key: toSummary writes no empty list.
  if (!hasExactly(it, itemKeys[(runs ? 1 : 0) + (notes ? 2 : 0)]!)) check.differs = true
}

/** How many fields of one unit or label {@link fieldNode} keeps: enough for the `X名` of a summary, and no long search in one of all different fields. */
const fieldsKept = 8

/**
 * The node of a field, a metric or a blank (`type`), from the value `v` of its run, with `marks`.
 * Fields repeat (`X名`, `X个`), and `create`, which computes and checks their attributes, is the
 * slowest part of reading one: a value with the same attributes as one made before in this read
 * gives that node again, with its own marks. The same attributes make the same node and pass the
 * same checks: create reads nothing else of the value.
 */
function fieldNode(type: NodeType, v: Record<string, unknown>, marks: readonly Mark[], check: Check): Node {
  const metric = type === metricType
  const key = metric ? v.unit : v.label
  const fields = (check.fields ??= new Map())
  let made = fields.get(key)
  if (made) {
    for (const m of made) if (m.type === type && (metric ? sameMetricAttrs(v, m.value) : sameBlankAttrs(v, m.value))) return m.node.mark(Mark.setFrom(marks))
  } else fields.set(key, (made = []))
  const node = type.create(v, null, marks)
  if (made.length < fieldsKept) made.push({ type, value: v, node })
  return node
}

/**
 * The blocks of the list `v`, under `key` of the part read at `check.place`. A hole in the list
 * stays one (map keeps it), and then fails as the content of its parent is made.
 */
function blocksFrom(v: unknown, key: string, where: string, check: Check): Node[] {
  const place = check.place
  place.enter(key)
  const blocks = arrayAt(v, place).map((b, i) => {
    place.enter(i)
    const node = blockFrom(b, where, check)
    place.leave()
    return node
  })
  place.leave()
  return blocks
}

/** The formats of the valid section numbers met so far, at most {@link formatsKept}: summaries number their sections alike. */
const numberFormats = new Map<string, SectionFormat>()
const formatsKept = 500

/** The format of a section number (`一、` `（一）` `1.` `（1）`), or null when it is none. */
function formatOfNumber(number: string): SectionFormat | null {
  const known = numberFormats.get(number)
  if (known) return known
  const format = readFormat(number)
  if (format && numberFormats.size < formatsKept) numberFormats.set(number, format)
  return format
}

/** {@link formatOfNumber}, read from the number. */
function readFormat(number: string): SectionFormat | null {
  let m: RegExpExecArray | null
  if ((m = /^([一二三四五六七八九十百千零]+)、$/.exec(number)) && parseChineseNumeral(m[1]!)) return 'chinese'
  if ((m = /^（([一二三四五六七八九十百千零]+)）$/.exec(number)) && parseChineseNumeral(m[1]!)) return 'chineseParen'
  if (/^[1-9]\d*\.$/.test(number)) return 'arabic'
  if (/^（[1-9]\d*）$/.test(number)) return 'arabicParen'
  return null
}

/** The section formats in order of rank: `一、` `（一）` `1.` `（1）`. */
const formatRanks = Object.values(sectionFormats)

const typeOfFormat: Record<SectionFormat, SectionTypeName> = {
  chinese: 'section1',
  chineseParen: 'section2',
  arabic: 'section3',
  arabicParen: 'section4',
}

/** Sections without a template part, made once for each type and attributes, to copy (see {@link sectionNode}). */
const plainSections = new Map<NodeType, Node[]>()

/**
 * A section of `type` with these attributes and content. One without a template part is a copy of
 * one made before with the same attributes: `create` would compute and check the same attributes
 * for every section. `numbered` is that of problems and plans sections, undefined for the others.
 */
function sectionNode(type: NodeType, runIn: boolean, numbered: boolean | undefined, part: string | null, content: Fragment): Node {
  if (part !== null) return type.create(numbered === undefined ? { runIn, part } : { runIn, numbered, part }, content)
  let made = plainSections.get(type)
  if (!made) plainSections.set(type, (made = []))
  const slot = (runIn ? 1 : 0) + (numbered === false ? 2 : 0)
  return (made[slot] ??= type.create(numbered === undefined ? { runIn, part } : { runIn, numbered, part })).copy(content)
}

/**
 * A section at `level`, the `position`-th (from 0) of its numbered siblings, at `where`, read at
 * `check.place`. Its number is compared with the one its place gives (siblings share one format,
 * or the build refuses them).
 */
function sectionFrom(v: unknown, parentFormat: SectionFormat | null, level: number, position: number, where: string, check: Check): Node {
  const place = check.place
  const s = objectAt(v, place)
  const role = s.role
  if (role !== 'work' && role !== 'problems' && role !== 'plans') throw new SummaryError(place.path('.role'), '应为 "work"、"problems" 或 "plans"')
  const number = stringAt(s, 'number', place)
  if (typeof s.runIn !== 'boolean') throw new SummaryError(place.path('.runIn'), `应为 true 或 false，实为 ${describe(s.runIn)}`)
  let type: SectionTypeName | 'problems' | 'plans'
  let format: SectionFormat
  if (role !== 'work') {
    if (parentFormat) throw new SummaryError(place.path('.role'), '存在问题和工作计划只能是一级部分')
    if (number !== '' && formatOfNumber(number) !== 'chinese') throw new SummaryError(place.path('.number'), `应为 "一、" 这样的一级序号或 ""（不编号），实为 ${JSON.stringify(number)}`)
    type = role
    format = 'chinese'
  } else {
    const f = formatOfNumber(number)
    if (!f) throw new SummaryError(place.path('.number'), `应为 "一、" "（一）" "1." "（1）" 这样的序号，实为 ${JSON.stringify(number)}`)
    const rank = formatRanks.indexOf(f)
    if (parentFormat === null && f !== 'chinese') throw new SummaryError(place.path('.number'), `一级部分的序号应为 "一、" 这样的格式，实为 ${JSON.stringify(number)}`)
    if (parentFormat !== null && rank <= formatRanks.indexOf(parentFormat)) {
      throw new SummaryError(place.path('.number'), `下级序号 ${JSON.stringify(number)} 的层级须低于上级序号的 ${JSON.stringify(formatSectionNumber(parentFormat, 1))} 格式`)
    }
    type = typeOfFormat[f]
    format = f
  }
  const expected = role !== 'work' && number === '' ? '' : formatSectionNumber(format, position + 1)
  const here = placeOf(where, expected, role)
  const heading = headingType.create(null, inlineFrom(s, 'title', 'titleRuns', here, check))
  const titleRuns = check.runs
  const body = blocksFrom(s.body, 'body', here, check)
  place.enter('sections')
  const subs = arrayAt(s.sections, place).map((c, i) => {
    place.enter(i)
    const node = sectionFrom(c, format, level + 1, i, here, check)
    place.leave()
    return node
  })
  place.leave()
  const part = s.part === undefined ? null : s.part
  if (part !== null && typeof part !== 'string') throw new SummaryError(place.path('.part'), `应为模板部分的标识（如 "work-1"），实为 ${describe(part)}`)
  const nodeType = schema.nodes[type]!
  const content = Fragment.from([heading, ...body, ...subs])
  if (!nodeType.validContent(content)) {
    throw new SummaryError(place.path('.sections'), '同一部分的下级须使用同一种序号格式（不能混用 "（一）" 与 "1."）')
  }
  if (s.level !== level || number !== expected || !hasExactly(s, sectionKeys[(titleRuns ? 1 : 0) + (part !== null ? 2 : 0)]!)) check.differs = true
  try {
    return sectionNode(nodeType, s.runIn, role === 'work' ? undefined : number !== '', part, content)
  } catch {
    // The attributes are checked as the node is made; only the part id can be wrong (`"Work-1"`, `""`).
    throw new SummaryError(place.path('.part'), `应为模板部分的标识（如 "work-1"），实为 ${describe(part)}`)
  }
}

/**
 * Reads Summary JSON back into a document: the inverse of {@link toSummary}, for version 1 (no
 * comments) and version 2 (with comment threads, 批注). The value must be exactly what
 * `toSummary` gives for some document: numbers, ordinals, leads, displayed texts, the metrics and
 * blanks indexes and the anchors of the comments are checked against the document they describe.
 * Anything else is refused with a {@link SummaryError} naming the field: among others a run that
 * names a comment with no thread in `$.comments`, a thread with a malformed time, two threads of
 * one id.
 */
export function fromSummary(json: unknown): Node {
  const s = expectObject(json, '$')
  if (s.version !== 1 && s.version !== 2) throw new SummaryError('$.version', `应为 1（无批注）或 2（有批注），实为 ${describe(s.version)}`)
  const threads = threadsFrom(s)
  const entries = suggestionEntriesFrom(s)
  const metrics = Array.isArray(s.metrics) ? s.metrics : null
  const blanks = Array.isArray(s.blanks) ? s.blanks : null
  const check: Check = {
    metrics,
    metricAt: 0,
    blanks,
    blankAt: 0,
    text: '',
    runs: false,
    differs: !metrics || !blanks,
    sparse: false,
    known: new Set(threads.map((t) => t.id as string)),
    knownSuggestions: new Set(entries.map((e) => e.id as string)),
    anchors: null,
    place: new Place(),
    fields: null,
  }
  const place = check.place
  // The keys toSummary writes at the top, by what the document turns out to have.
  const keys = ['version', 'title', 'preamble', 'sections', 'closing', 'metrics', 'blanks']
  const children: Node[] = [schema.nodes.title!.create(null, inlineFrom(s, 'title', 'titleRuns', '标题', check))]
  if (check.runs) keys.push('titleRuns')
  if (s.subtitle !== undefined || s.subtitleRuns !== undefined) {
    children.push(schema.nodes.subtitle!.create(null, inlineFrom(s, 'subtitle', 'subtitleRuns', '副标题', check)))
    keys.push('subtitle')
    if (check.runs) keys.push('subtitleRuns')
  }
  children.push(schema.nodes.preamble!.create(null, blocksFrom(s.preamble, 'preamble', '导语', check)))
  let stage = 0
  let numbered = 0
  const order: Record<SectionRole, number> = { work: 0, problems: 1, plans: 2 }
  place.enter('sections')
  arrayAt(s.sections, place).forEach((sec, i) => {
    place.enter(i)
    const node = sectionFrom(sec, null, 1, numbered, '', check)
    const role = roleOf(node)
    if (order[role] < stage || (order[role] === stage && role !== 'work')) {
      throw new SummaryError(place.path('.role'), role === 'work' ? '主要工作须排在存在问题和工作计划之前' : `"${role}" 部分只能有一个，且存在问题在前、工作计划在后`)
    }
    stage = order[role]
    // Top-level numbers count the main-work sections and the numbered problems and plans sections.
    if (role === 'work' || node.attrs.numbered === true) numbered++
    children.push(node)
    place.leave()
  })
  place.leave()
  children.push(schema.nodes.closing!.create(null, blocksFrom(s.closing, 'closing', '结尾', check)))
  if (s.signOff !== undefined) {
    place.enter('signOff')
    const so = objectAt(s.signOff, place)
    const organization = schema.nodes.organization!.create(null, inlineFrom(so, 'organization', 'organizationRuns', '落款', check))
    const organizationRuns = check.runs
    const date = schema.nodes.date!.create(null, inlineFrom(so, 'date', 'dateRuns', '落款', check))
    if (!hasExactly(so, signOffKeys[(organizationRuns ? 1 : 0) + (check.runs ? 2 : 0)]!)) check.differs = true
    children.push(schema.nodes.signOff!.create(null, [organization, date]))
    keys.push('signOff')
    place.leave()
  }
  const meta = s.meta === undefined ? {} : metaFrom(s.meta)
  const docAttrs = {
    organization: meta.organization ?? '',
    year: meta.year ?? null,
    period: meta.period ?? null,
    template: meta.template ?? null,
    comments: threads.map(threadFrom),
    suggestions: entries.map((e) => ({ id: e.id, author: authorJSON(e.author as CommentAuthor), time: e.time, kind: e.kind })),
  }
  let doc: Node
  try {
    doc = schema.nodes.doc!.create(docAttrs, children)
    // Every node is made valid: create checks attributes, and content is built to the schema
    // (sections checked with validContent). Checking the whole tree again, as the slowest part of
    // reading, is needed only when holes in a list were skipped.
    if (check.sparse) doc.check()
  } catch (e) {
    throw new SummaryError('$', `文档结构无效：${(e as Error).message}`)
  }
  if (entries.length) {
    doc = withBlockSuggestions(doc, entries)
    keys.push('suggestions')
    const blocks = blockSuggestionsOf(doc, check.knownSuggestions)
    for (const e of entries) if (JSON.stringify(e.blocks) !== JSON.stringify(blocks.get(e.id as string))) check.differs = true
  }
  const expectedMeta = metaOf(doc)
  if (expectedMeta) {
    keys.push('meta')
    if (firstDifference(expectedMeta, s.meta, '$.meta')) check.differs = true
  }
  if (threads.length) {
    keys.push('comments')
    for (const t of threads) if (!sameAnchor(t, check.anchors?.get(t.id as string))) check.differs = true
  }
  if (!hasExactly(s, keys) || (metrics && check.metricAt !== metrics.length) || (blanks && check.blankAt !== blanks.length)) check.differs = true
  if (check.differs) {
    // Rare, and only for a value that is refused: the whole comparison, for the first difference in order.
    const diff = firstDifference(toSummary(doc), json, '$')
    if (diff) throw new SummaryError(diff.path, diff.problem)
  }
  return doc
}

/**
 * The first place where a value differs from the expected one, in the expected value's order:
 * objects are compared by their keys (in any order), arrays item by item, the rest with Object.is.
 */
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
