import type { Node } from 'prosemirror-model'
import { ImportError } from '../errors.ts'
import { schema, sectionFormats, type SectionFormat } from '../schema.ts'
import { formatOrdinal, formatSectionNumber } from '../numbering.ts'
import { joinLines, slicePiece, sourceLines, wholeLine, type Piece, type SourceLine } from './lines.ts'
import { headingMark, type HeadingMark } from './headings.ts'
import { joinedOrdinals, leadingOrdinal } from './ordinals.ts'
import { readFields } from './fields.ts'
import { closingStart, leadIn, plansHeading, plansLeadIn, plansOpening, problemsHeading, signOffDate, signOffOrganization, titleLine } from './wording.ts'
import type { ImportWarning } from './warnings.ts'
import { controlsRemoved } from '../controls.ts'
import { readPeriod } from '../period.ts'

export type { ImportWarning, ImportWarningCode } from './warnings.ts'
export { readFields, metricUnits } from './fields.ts'


/** What {@link importText} read: the document, and every change it made on the way. */
export interface ImportResult {
  doc: Node
  warnings: ImportWarning[]
  /**
   * The level of the highest headings in the text (1 for `一、`): above 1 only for a fragment
   * (`fragment: true`) whose headings start lower, e.g. 2 for `（一）` sections, which the
   * document holds as `一、` sections so that they can stand at its top. (A whole summary with no
   * `一、` heading has its highest headings, `1.` `2.` …, read as its `一、` sections: 1.)
   */
  topRank: number
}

/** Options of {@link importText}. */
export interface ImportOptions {
  /**
   * The text is a part of a summary (pasted at the cursor), not a whole one: its first line is a
   * title only when it reads as one (names the genre), and headings that start below `一、` keep
   * their relative levels (see {@link ImportResult.topRank}).
   */
  fragment?: boolean
}

// ---------------------------------------------------------------------------------------------
// Lines, classified

type Line =
  | { kind: 'heading'; no: number; mark: HeadingMark; rest: Piece }
  | { kind: 'item'; no: number; n: number; text: Piece }
  | { kind: 'joined'; no: number; intro: Piece; items: { n: number; text: Piece }[] }
  | { kind: 'para'; no: number; text: Piece }

/** Classifies body text that is not a heading: a joined list, an item, or a paragraph. */
function classifyText(no: number, piece: Piece): Exclude<Line, { kind: 'heading' }> {
  const text = piece.text
  const joined = joinedOrdinals(text)
  if (joined) {
    const items = joined.map((o, i) => ({ n: o.n, text: slicePiece(piece, o.textAt, joined[i + 1]?.at ?? text.length) }))
    return { kind: 'joined', no, intro: slicePiece(piece, 0, joined[0]!.at), items }
  }
  const lead = leadingOrdinal(text)
  if (lead) return { kind: 'item', no, n: lead.n, text: slicePiece(piece, lead.textAt) }
  return { kind: 'para', no, text: piece }
}

function classify(line: SourceLine): Line {
  const mark = headingMark(line.text)
  if (mark) return { kind: 'heading', no: line.no, mark, rest: slicePiece(wholeLine(line), line.text.length - mark.rest.length) }
  return classifyText(line.no, wholeLine(line))
}

// ---------------------------------------------------------------------------------------------
// The outline being built

type Role = 'work' | 'problems' | 'plans'

interface ItemDraft {
  n: number
  no: number
  text: Piece
  notes: Piece[]
}
interface ListDraft {
  kind: 'list'
  layout: 'joined' | 'separate'
  intro: Piece | null
  items: ItemDraft[]
}
interface ParaDraft {
  kind: 'para'
  text: Piece
}
type BlockDraft = ListDraft | ParaDraft

interface SectionDraft {
  rank: number
  role: Role
  numbered: boolean
  /** The number the writer typed, to report a renumbering. */
  typed: HeadingMark | null
  no: number
  title: Piece | null
  runIn: boolean
  body: BlockDraft[]
  children: SectionDraft[]
}

const formats = Object.values(sectionFormats) as SectionFormat[]

/**
 * Reads an existing summary written as plain text (one paragraph a line, as pasted from Word or
 * saved as .txt) into a document: the title (and a subtitle line starting with `——`), the opening,
 * headings in every spelling seen (`一、` `（一）` `(一)` `1.` `1．` `1、` `（1）`) nested by their
 * format (a writer may skip a level), run-in headings (`（一）标题。正文……`), work items one a
 * paragraph or run together (`一是……；二是……`), the problems and plans sections by their wording
 * (a plans part with no heading too), the closing, a sign-off, and metric and blank fields
 * ({@link readFields}), and the year and period the title names. Numbers and ordinals are recomputed; every change made to the text (bracket
 * width, `1．`, repeated ordinals, renumbering, stray control characters removed) is reported as a
 * warning with its line.
 * Throws an {@link ImportError} when there is no text at all.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  const removed: ImportWarning[] = []
  const lines = sourceLines(text, (line, found) => removed.push({ line, code: 'control-characters', message: controlsRemoved(found) }))
  const result = importLines(lines, (piece, widened) => readFields(piece.text, widened), options)
  if (!removed.length) return result
  return { ...result, warnings: [...removed, ...result.warnings].sort((a, b) => a.line - b.line) }
}

/**
 * The importer proper, on trimmed lines; `inline` makes a piece of a line into inline content
 * (fields, and bold for paragraphs that carry it: text has none, and pays nothing for it), telling
 * `widened` each metric it read from full-width digits, as written (see {@link readFields}).
 */
export function importLines(source: SourceLine[], inline: (piece: Piece, widened: (written: string) => void) => Node[], options: ImportOptions): ImportResult {
  const warnings: ImportWarning[] = []
  const warn = (line: number, code: ImportWarning['code'], message: string) => warnings.push({ line, code, message })
  let lines = source
  if (!lines.length) throw new ImportError('没有可导入的文字：内容为空')

  // The title: the first line of the first five that names the genre, or the first line; never a
  // web page's path (`首页 > 范文大全 > 工作总结`). A title may be written on several lines (GB/T
  // 9704): up to two lines right above it that read as its start (the organisation) are part of it.
  let title: SourceLine | null = null
  // The lines the title is written on, top down.
  let titleLines: SourceLine[] = []
  const titleAt = lines.slice(0, 5).findIndex((l) => titleLine.test(l.text) && l.text.length <= 80 && !headingMark(l.text) && !/[。；]$/.test(l.text) && !breadcrumb(l.text))
  if (titleAt >= 0) {
    let first = titleAt
    // The lines before it that start it: a title broken within its paragraph (a Word file's
    // line break, as GB/T 9704 breaks a long title), or written on the lines just before.
    while (first > 0 && titleAt - first < 2 && (lines[first - 1]!.no === lines[first]!.no || (lines[first - 1]!.no === lines[first]!.no - 1 && titleStart(lines[first - 1]!.text)))) first--
    for (const dropped of lines.slice(0, first)) warn(dropped.no, 'line-dropped', `标题前的「${clip(dropped.text)}」不是总结的内容，已删去`)
    titleLines = lines.slice(first, titleAt + 1)
    title = titleLines.length > 1 ? joinLines(titleLines) : titleLines[0]!
    lines = lines.slice(titleAt + 1)
  } else if (!options.fragment && !headingMark(lines[0]!.text) && lines[0]!.text.length <= 80 && !/[。；]$/.test(lines[0]!.text) && !breadcrumb(lines[0]!.text)) {
    title = lines[0]!
    titleLines = [title]
    lines = lines.slice(1)
  }
  let subtitle: SourceLine | null = null
  if (lines[0] && /^[—－-]{1,2}/.test(lines[0].text)) {
    subtitle = lines[0]
    lines = lines.slice(1)
  }

  // The sign-off: a date on the last line, and the organisation on the line before it.
  let signOff: { organization: Piece | null; date: Piece } | null = null
  const last = lines[lines.length - 1]
  if (last && signOffDate.test(last.text.replace(/\s/g, ''))) {
    const before = lines[lines.length - 2]
    const isOrg = before && signOffOrganization(before.text) && !headingMark(before.text) && !leadingOrdinal(before.text)
    signOff = { organization: isOrg ? wholeLine(before) : null, date: wholeLine(last) }
    lines = lines.slice(0, lines.length - (isOrg ? 2 : 1))
  }

  const classified = lines.map(classify)
  // A fragment whose highest headings are `（一）` or lower is read one or more levels up; so is a
  // whole summary that numbers its parts from a lower level only (`1.` `2.` `3.` and no `一、`, as
  // some departments write), whose highest headings are its sections.
  const ranks = classified.flatMap((l) => (l.kind === 'heading' ? [formats.indexOf(l.mark.format) + 1] : []))
  const readRank = ranks.length && (options.fragment || !ranks.includes(1)) ? Math.min(...ranks) : 1
  // What a paste shifts the fragment's sections down by; a whole summary's stand at the top.
  const topRank = options.fragment ? readRank : 1
  // The number format of the summary's own sections (a fragment's sections go in under others').
  const topFormat = formats[(options.fragment ? 1 : readRank) - 1]!
  if (readRank > 1 && !options.fragment) {
    const first = classified.find((l): l is Extract<Line, { kind: 'heading' }> => l.kind === 'heading' && l.mark.format === topFormat)!
    warn(first.no, 'heading-promoted', `全文最高一级标题为「${formatSectionNumber(topFormat, 1)}」，已作为「一、」级标题，其下各级标题随之上移`)
  }

  // Roles of the last top-level headings, by their wording: plans last, problems before it.
  const topHeadings = classified.flatMap((l, i) => (l.kind === 'heading' && l.mark.format === topFormat ? [i] : []))
  const roleAt = new Map<number, Role>()
  const titleOf = (i: number) => {
    const l = classified[i] as Extract<Line, { kind: 'heading' }>
    return l.mark.rest.split('。')[0]!
  }
  let tail = topHeadings.length - 1
  if (tail >= 0 && plansHeading.test(titleOf(topHeadings[tail]!))) roleAt.set(topHeadings[tail--]!, 'plans')
  if (tail >= 0 && problemsHeading.test(titleOf(topHeadings[tail]!))) roleAt.set(topHeadings[tail]!, 'problems')

  // The closing: trailing paragraphs from the first that opens like a closing.
  const anyHeading = classified.some((l) => l.kind === 'heading')
  const paragraphs = (lines: readonly Line[]) => lines.map((l) => (l.kind === 'para' ? l.text.text : null))
  let closingAt = anyHeading ? closingStart(paragraphs(classified)) : classified.length
  // Right under the last section's own heading, it stays that section's body, as when it is typed
  // there (`三、下步打算` then `总之，下半年……`: the plans are not left empty); the closing is read
  // from the paragraphs after it.
  if (closingAt < classified.length && closingAt - 1 === topHeadings[topHeadings.length - 1]) closingAt += 1 + closingStart(paragraphs(classified.slice(closingAt + 1)))
  // A closing its file marks as such (see `closing` of `SourceParagraph`), after the last heading, whatever its wording.
  const marked = lines.findIndex((l) => l.closing)
  if (marked >= 0 && classified.slice(marked).every((l) => l.kind !== 'heading')) closingAt = marked

  // Problems and plans parts with no number. After the last section of the main work: a lead-in
  // that announces the part's points (`下一步，我们将重点抓好以下几项工作：`, `工作中还存在一些不足，
  // 主要表现在：`) followed by points numbered from the start (`（一）`, `1.`, `一是`), even where the
  // points read like more sections of the one before. After the last top-level heading: a short
  // line that reads like their heading (`存在的不足`, `下步打算`), or for plans a paragraph that opens
  // like them (`下半年，……`). Problems come before plans, and a part is never found twice.
  const unnumbered = new Map<number, { role: 'problems' | 'plans'; title: Piece | null }>()
  const numberedRoles = new Set(roleAt.values())
  const lastTop = topHeadings.length ? topHeadings[topHeadings.length - 1]! : -1
  const lastWorkTop = topHeadings.filter((i) => !roleAt.has(i)).pop() ?? -1
  const startsAgain = (l: Line | undefined) =>
    l?.kind === 'heading' ? l.mark.format !== topFormat && l.mark.n === 1
    : l?.kind === 'item' ? l.n === 1
    : l?.kind === 'joined' && !l.intro.text && l.items[0]!.n === 1
  const leadInRole = (i: number, text: string): Role | null => {
    const before = classified[i - 1]
    if (!leadIn.test(text) || i + 1 >= closingAt || !startsAgain(classified[i + 1])) return null
    if (before?.kind === 'heading' && before.mark.format === topFormat) return null
    return problemsHeading.test(text) ? 'problems' : plansOpening.test(text) || plansLeadIn.test(text) ? 'plans' : null
  }
  const seen = new Set<Role>()
  for (let i = lastWorkTop + 1; i < closingAt && !seen.has('plans'); i++) {
    const l = classified[i]!
    if (l.kind === 'heading') {
      const role = roleAt.get(i)
      if (role) seen.add(role)
      continue
    }
    if (l.kind !== 'para') continue
    const canProblems = !seen.has('problems') && !numberedRoles.has('problems')
    const canPlans = !numberedRoles.has('plans')
    const text = l.text.text
    const announced = leadInRole(i, text)
    if ((announced === 'problems' && canProblems) || (announced === 'plans' && canPlans)) {
      unnumbered.set(i, { role: announced, title: null })
      seen.add(announced)
      continue
    }
    if (i <= lastTop) continue
    const headingLike = text.length <= 25 && !/[。；！？，、,.;!?]/.test(text)
    if (headingLike && canProblems && problemsHeading.test(text)) {
      unnumbered.set(i, { role: 'problems', title: l.text })
      seen.add('problems')
    } else if (headingLike && canPlans && plansHeading.test(text)) {
      unnumbered.set(i, { role: 'plans', title: l.text })
      seen.add('plans')
    } else if (canPlans && lastTop >= 0 && i < closingAt - 1 && plansOpening.test(text) && classified[i - 1]?.kind !== 'heading') {
      unnumbered.set(i, { role: 'plans', title: null })
      seen.add('plans')
    }
  }

  // Build the outline.
  const preamble: BlockDraft[] = []
  const closing: BlockDraft[] = []
  const top: SectionDraft[] = []
  const stack: SectionDraft[] = []
  let openList: ListDraft | null = null
  const container = (): BlockDraft[] => (stack.length ? stack[stack.length - 1]!.body : preamble)

  const addText = (l: Exclude<Line, { kind: 'heading' }>, into: BlockDraft[], index: number) => {
    if (l.kind === 'joined') {
      openList = null
      into.push({
        kind: 'list',
        layout: 'joined',
        intro: l.intro.text ? l.intro : null,
        items: l.items.map((it) => ({ n: it.n, no: l.no, text: it.text, notes: [] })),
      })
    } else if (l.kind === 'item') {
      if (openList && l.n !== 1) openList.items.push({ n: l.n, no: l.no, text: l.text, notes: [] })
      else {
        openList = { kind: 'list', layout: 'separate', intro: null, items: [{ n: l.n, no: l.no, text: l.text, notes: [] }] }
        into.push(openList)
      }
    } else {
      // A paragraph between two items of one list continues the item before it.
      if (openList && index >= 0) {
        let j = index + 1
        while (j < closingAt && classified[j]!.kind === 'para' && !unnumbered.has(j)) j++
        const next = classified[j]
        if (j < closingAt && !unnumbered.has(j) && next?.kind === 'item' && next.n !== 1) {
          openList.items[openList.items.length - 1]!.notes.push(l.text)
          return
        }
      }
      openList = null
      into.push({ kind: 'para', text: l.text })
    }
  }

  for (let i = 0; i < closingAt; i++) {
    const l = classified[i]!
    const part = unnumbered.get(i)
    if (part) {
      openList = null
      stack.length = 0
      const section: SectionDraft = { rank: 1, role: part.role, numbered: false, typed: null, no: l.no, title: part.title, runIn: false, body: [], children: [] }
      top.push(section)
      stack.push(section)
      if (part.title !== null) continue
    }
    if (l.kind !== 'heading') {
      addText(l, container(), i)
      continue
    }
    openList = null
    const mark = l.mark
    if (mark.halfWidth) warn(l.no, 'bracket-width', `序号中的半角括号已改为全角括号`)
    if (mark.oddPunctuation) warn(l.no, 'number-punctuation', `序号「${mark.n}」后的「．」或「、」已改为「.」`)
    let rank = formats.indexOf(mark.format) + 2 - readRank
    const role = roleAt.get(i) ?? 'work'
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop()
    if (!stack.length && rank > 1) {
      warn(l.no, 'heading-promoted', `「${clip(l.mark.rest)}」上面没有「一、」级标题，已作为一级标题`)
      rank = 1
    }
    const siblings = stack.length ? stack[stack.length - 1]!.children : top
    const siblingRank = siblings[0]?.rank
    if (stack.length && siblingRank !== undefined && siblingRank !== rank) {
      warn(l.no, 'format-unified', `「${clip(l.mark.rest)}」的序号格式与同级标题不同，已改为「${formatSectionNumber(formats[siblingRank - 1]!, 1)}」格式`)
      rank = siblingRank
    }
    // A run-in heading: its first sentence is the heading, the rest of the line starts the body.
    let title = l.rest
    let runIn = false
    let rest: Piece | null = null
    const stop = mark.rest.indexOf('。')
    if (stop > 0 && stop < mark.rest.length - 1) {
      title = slicePiece(l.rest, 0, stop)
      rest = slicePiece(l.rest, stop + 1)
      runIn = true
    }
    const section: SectionDraft = { rank, role, numbered: true, typed: mark, no: l.no, title, runIn, body: [], children: [] }
    siblings.push(section)
    stack.push(section)
    if (rest) addText(classifyText(l.no, rest), section.body, -1)
    // A run-in list that starts on the heading line goes on over the next lines.
    if (rest && section.body[0]?.kind === 'list' && section.body[0].layout === 'separate') openList = section.body[0]
  }
  openList = null
  for (let i = closingAt; i < classified.length; i++) {
    const l = classified[i]!
    // The closing is a run of paragraphs by construction; a heading could not be in it.
    if (l.kind !== 'heading') addText(l, closing, -1)
  }

  // Report the numbers and ordinals that the outline changes. A heading or item on a line that a
  // suggestion deletes whole (see `deletedWhole` of `SourceParagraph`) is not counted in the
  // numbers after it, which read as with the deletion accepted.
  const counted = (piece: Piece | null) => piece?.line.deletedWhole === undefined
  let topCount = 0
  const checkNumbers = (sections: SectionDraft[], depth: number) => {
    let count = 0
    sections.forEach((s) => {
      let expected: number
      if (depth === 1) {
        if (!s.numbered) return checkNumbers(s.children, depth + 1)
        expected = topCount + 1
        if (counted(s.title)) topCount++
      } else {
        expected = count + 1
        if (counted(s.title)) count++
      }
      // The format as written: a fragment read one or more levels up keeps its own.
      const format = formats[s.rank + readRank - 2]!
      if (s.typed && s.typed.n !== expected && s.typed.format === format) {
        warn(s.no, 'number-repaired', `序号「${formatSectionNumber(format, s.typed.n)}」与所在位置不符，已改为「${formatSectionNumber(format, expected)}」`)
      }
      checkNumbers(s.children, depth + 1)
    })
  }
  checkNumbers(top, 1)
  const checkOrdinals = (blocks: BlockDraft[]) => {
    for (const b of blocks) {
      if (b.kind !== 'list') continue
      let count = 0
      b.items.forEach((item) => {
        const expected = count + 1
        if (counted(item.text)) count++
        if (item.n !== expected) warn(item.no, 'ordinal-repaired', `「${formatOrdinal(item.n)}」与前后顺序不符，已改为「${formatOrdinal(expected)}」`)
      })
    }
  }
  const walkOrdinals = (sections: SectionDraft[]) =>
    sections.forEach((s) => {
      checkOrdinals(s.body)
      walkOrdinals(s.children)
    })
  checkOrdinals(preamble)
  walkOrdinals(top)
  checkOrdinals(closing)
  warnings.sort((a, b) => a.line - b.line)

  // Into the schema. The metrics written in full-width digits, read half-width, by line.
  const widened = new Map<number, Set<string>>()
  const inlineOf = (piece: Piece) => inline(piece, (written) => widened.set(piece.line.no, (widened.get(piece.line.no) ?? new Set()).add(written)))
  const n = schema.nodes
  const textblock = (type: string, piece: Piece | null) => n[type]!.create(null, piece ? inlineOf(piece) : [])
  const blockNode = (b: BlockDraft): Node => {
    if (b.kind === 'para') return textblock('paragraph', b.text)
    const children: Node[] = []
    if (b.intro !== null) children.push(textblock('workIntro', b.intro))
    for (const item of b.items) {
      children.push(textblock('workItem', item.text))
      for (const note of item.notes) children.push(textblock('workNote', note))
    }
    return n.workItems!.create({ layout: b.layout }, children)
  }
  const sectionNode = (s: SectionDraft): Node => {
    const content = [textblock('heading', s.title), ...s.body.map(blockNode), ...s.children.map(sectionNode)]
    if (s.role !== 'work') return n[s.role]!.create({ runIn: s.runIn, numbered: s.numbered }, content)
    return n[`section${s.rank}`]!.create({ runIn: s.runIn }, content)
  }
  // A title on several lines: each line's inline content on its own, so that the changes of each
  // are counted on its number (see `importParagraphs`).
  const children: Node[] = [titleLines.length > 1 ? n.title!.create(null, titleLines.flatMap((l) => inlineOf(wholeLine(l)))) : textblock('title', title && wholeLine(title))]
  if (subtitle) children.push(textblock('subtitle', wholeLine(subtitle)))
  children.push(n.preamble!.create(null, preamble.map(blockNode)))
  children.push(...top.map(sectionNode))
  children.push(n.closing!.create(null, closing.map(blockNode)))
  if (signOff) children.push(n.signOff!.create(null, [textblock('organization', signOff.organization), textblock('date', signOff.date)]))
  // The period the title names is what the summary covers.
  const covers = readPeriod(title?.text ?? '')
  const doc = n.doc!.create(covers, children)
  doc.check()
  if (widened.size) {
    for (const [line, written] of widened) warn(line, 'digit-width', `指标${[...written].map((w) => `「${w}」`).join('')}中的全角数字已改为半角数字`)
    warnings.sort((a, b) => a.line - b.line)
  }
  return { doc, warnings, topRank }
}

/**
 * Whether a line is a web page's path, as copied with the page (`首页 > 范文大全 > 工作总结`,
 * `首页 » 总结`, `范文|总结`, `范文/总结`): it has a separator outside what reads as an HTML tag
 * (`<b>`, kept as text), a `/` between two digits (`2022/2023学年`) not counting.
 */
function breadcrumb(text: string): boolean {
  return /[>＞»›|｜/／]/.test(text) && /[>＞»›|｜／]|(?<!\d)\/|\/(?!\d)/.test(text.replace(/<\/?[A-Za-z][^<>]*>/g, ''))
}

/** Words of a web site's notice copied with a summary (`更多范文请关注本站`), never of a title. */
const siteNotice = /范文|本站|关注|来源|转载|下载|网站|网址|微信|公众号|更多|点击|首页|收藏|复制|浏览|阅读/

/**
 * Whether a line reads as the first line of a title written on two or more (the organisation,
 * `中共某某县委组织部`): only Chinese characters (and `（）·`), 2 to 30 of them, or such an
 * organisation with its year (see {@link organisationAndYear}); not an attachment's label
 * (`附件一`) nor a web site's notice (genre.md: advertising above the title).
 */
function titleStart(text: string): boolean {
  return (/^[\u3400-\u4dbf\u4e00-\u9fff（）·]{2,30}$/.test(text) || organisationAndYear.test(text)) && !text.startsWith('附件') && !siteNotice.test(text)
}

/** An organisation and the year it reports on, as a long title's first line ends (`中共某某县委组织部2023年`, `……2025年度`, `……2024年上半年`). */
const organisationAndYear = /^[\u3400-\u4dbf\u4e00-\u9fff（）·]{2,30}\d{4}年(?:度|上半年|下半年|前三季度|第[一二三四]季度)?$/

function clip(text: string): string {
  return text.length > 16 ? text.slice(0, 15) + '…' : text
}
