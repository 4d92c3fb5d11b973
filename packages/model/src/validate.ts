import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { settleSuggestionsAndTitles, suggestionsOf } from './suggestions.ts'
import { summaryPart, summaryPartKey, clauseBreak, type Section, type SectionRole, type SummaryPart, type Block } from './summary.ts'
import { templatePartFindings } from './templates/registry.ts'
import { periodConflicts, readPeriod } from './period.ts'
import type { MetricAttrs, Period } from './schema.ts'
import { displayText, isSection, metricUnfilled } from './schema.ts'
import { PartCache } from './parts.ts'
import { standardDate } from './dates.ts'

/**
 * How much a finding matters: an `error` blocks submission; a `warning` should be looked at;
 * `advice` is a suggestion (a part far shorter or longer than usual); `info` reports what the
 * importer changed.
 */
export type Severity = 'error' | 'warning' | 'advice' | 'info'

/**
 * The kinds of finding:
 * - `title-missing` (error): the title is empty;
 * - `title-period-missing`, `title-genre-missing` (warning): the title names no period (`2020年上半年`)
 *   or no genre (`总结`);
 * - `metric-unfilled`, `blank-unfilled` (error): a field still reads `X`;
 * - `heading-empty` (warning): a numbered section has no heading text;
 * - `section-empty` (warning): a section has neither body nor subsections;
 * - `problems-missing`, `plans-missing` (warning): the summary has no problems or no plans section;
 *   `plans-missing` is an error when there is a problems section with no plans after it;
 * - `part-missing`, `part-empty` (error): a part the summary's template requires is missing or empty;
 * - `part-length` (advice): a part far shorter or longer than its template's guidance;
 * - `title-period-conflict`, `plans-period-conflict` (warning): the title, or the plans heading,
 *   contradicts the period the summary covers;
 * - `date-format` (warning): the sign-off's date is not written as GB/T 9704 writes a 成文日期
 *   (`2025年07月01日`, `二〇二五年七月一日` for `2025年7月1日`);
 * - `import-repaired` (info): a change the importer made to the text it read.
 */
export type FindingCode =
  | 'title-missing'
  | 'title-period-missing'
  | 'title-genre-missing'
  | 'metric-unfilled'
  | 'blank-unfilled'
  | 'heading-empty'
  | 'section-empty'
  | 'problems-missing'
  | 'plans-missing'
  | 'part-missing'
  | 'part-empty'
  | 'part-length'
  | 'title-period-conflict'
  | 'plans-period-conflict'
  | 'date-format'
  | 'import-repaired'

/** One thing the validator found, with where it is: a Summary JSON path, a document position, a source line. */
export interface Finding {
  code: FindingCode
  severity: Severity
  /** What is wrong and what to do, in Chinese, naming the place in words (see {@link placeName}). */
  message: string
  /** The Summary JSON path of the field or section. */
  path?: string
  /** The place for people: `一、（二）`, `导语`, `标题`. */
  where?: string
  /** The document position (ProseMirror) of the node, for an editor to jump to. */
  pos?: number
  /** The line of the imported text, for `import-repaired`. */
  line?: number
  /** The paragraph of the imported Word file, for `import-repaired`. */
  paragraph?: number
}

/**
 * A change an importer made, as {@link validate} reports it: the text importer's warnings name a
 * line, the Word reader's a paragraph (0 or none for the whole file).
 */
export interface Repair {
  message: string
  line?: number
  paragraph?: number
}

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** The importer's warnings for this document (its `ImportWarning`s, or the Word reader's), reported as `import-repaired` findings. */
  repairs?: readonly Repair[]
}

const period = /\d{4}年|年度|上半年|下半年|[一二三四1-4]季度|\d{1,2}月|全年|半年/
const genre = /总结|报告|汇报|小结|回顾/

/**
 * Checks a draft the way an approver would: every field filled, every section with a heading and
 * content, a problems and a plans section, a title that names the period and the genre. Returns
 * the findings in document order (those about the whole summary, then importer repairs, last); an empty list means ready to submit.
 * A draft with suggestions (修订) is judged with every suggestion accepted (a suggestion mark with
 * no entry is no suggestion: what it marks is judged as it stands). A draft from a template
 * is judged by its template's parts once the templates are loaded (see `knownTemplate`: importing
 * the package's root or `@zongjie/model/templates` loads them; the editor loads them when a
 * document names a template).
 */
export function validate(doc: Node, options: ValidateOptions = {}): Finding[] {
  // A draft with suggestions (修订) is judged as it reads with every suggestion accepted (its text,
  // `settledDoc`: run-in titles joined to their bodies settled too); the findings' positions are
  // put back in the draft (their paths are those of the accepted text).
  // A suggestion mark with no entry is no suggestion: what it marks is judged as it stands.
  const entries = suggestionsOf(doc)
  if (!entries.length) return validateText(doc, options)
  const known = new Set(entries.map((s) => s.id))
  const tr = new Transform(doc)
  settleSuggestionsAndTitles(tr, (id) => known.has(id), true)
  const back = tr.mapping.invert()
  return validateText(tr.doc, options).map((f) => (f.pos === undefined ? f : { ...f, pos: back.map(f.pos) }))
}

/** The findings of a draft without suggestions: see {@link validate}. */
function validateText(doc: Node, options: ValidateOptions): Finding[] {
  const findings: Finding[] = []
  const reports: PartReport[] = []
  let sectionIndex = 0
  doc.forEach((_node, offset, index) => {
    const report = partReport(doc, index, sectionIndex)
    if (report.section) sectionIndex++
    reports.push(report)
    // The part's own findings, in its document order, placed in the document.
    for (const f of report.findings) findings.push(f.pos === undefined ? { ...f } : { ...f, pos: offset + f.pos })
  })

  const rawTitle = reports[0]?.title ?? ''
  const title = rawTitle.trim()
  const titleFindings: Finding[] = []
  if (!title) titleFindings.push({ code: 'title-missing', severity: 'error', message: '标题为空：请写明单位、时间和“工作总结”', path: '$.title', where: '标题', pos: 0 })
  else {
    if (!period.test(title)) titleFindings.push({ code: 'title-period-missing', severity: 'warning', message: `标题「${title}」没有写明时间（如“2020年上半年”）`, path: '$.title', where: '标题', pos: 0 })
    if (!genre.test(title)) titleFindings.push({ code: 'title-genre-missing', severity: 'warning', message: `标题「${title}」没有写明文种（如“工作总结”）`, path: '$.title', where: '标题', pos: 0 })
  }
  // Document order: the title's findings stand at its place, before those of any part.
  findings.unshift(...titleFindings)

  // The findings about the whole summary after those with a place.
  const sections = reports.flatMap((r) => (r.section ? [r.section] : []))
  const roles = new Set(sections.map((s) => s.role))
  if (!roles.has('problems')) findings.push({ code: 'problems-missing', severity: 'warning', message: '缺少“存在的问题”部分：总结一般应写明工作中的不足', path: '$.sections' })
  if (!roles.has('plans')) {
    const afterProblems = roles.has('problems')
    findings.push({
      code: 'plans-missing',
      severity: afterProblems ? 'error' : 'warning',
      message: afterProblems ? '写了“存在的问题”，后面还缺针对问题的“下步打算”部分' : '缺少“下步打算”部分：总结一般应写明下一步的工作计划',
      path: '$.sections',
    })
  }

  const lengthOfPart = (kind: string) => reports.find((r) => r.kind === kind)?.length ?? 0
  if (doc.attrs.template) findings.push(...templatePartFindings(doc.attrs.template, { opening: lengthOfPart('preamble'), closing: lengthOfPart('closing'), sections, doc }))
  findings.push(...periodFindings(doc, rawTitle, sections))

  for (const w of options.repairs ?? []) {
    if (w.paragraph !== undefined) {
      const at = w.paragraph > 0 ? `第 ${w.paragraph} 段：` : ''
      findings.push({ code: 'import-repaired', severity: 'info', message: at + w.message, ...(w.paragraph > 0 ? { paragraph: w.paragraph } : {}) })
    } else findings.push({ code: 'import-repaired', severity: 'info', message: `第 ${w.line} 行：${w.message}`, line: w.line! })
  }
  return findings
}

/** What the checks of the whole summary read of a top-level section. */
interface SectionFacts {
  role: SectionRole
  /** The template part it fills, if any. */
  part: string | null
  title: string
  number: string
  /** Its text length with its subsections', white space aside. */
  length: number
}

/**
 * What the validator keeps of each top-level part of a document: the findings about it, with
 * places counted from the part's start, and what the checks of the whole summary read of it.
 */
interface PartReport {
  kind: SummaryPart['kind']
  findings: Finding[]
  /** The title's text, for the title. */
  title?: string
  /** The text length of the opening or the closing. */
  length?: number
  section?: SectionFacts
}

/** The reports made so far, under the keys of the parts' Summaries (see `summaryPartKey`). */
const partReports = new PartCache<PartReport>()

/** The report of the child at `index` of a document, the `sectionIndex`-th top-level section when it is one: kept, or made. */
function partReport(doc: Node, index: number, sectionIndex: number): PartReport {
  const node = doc.child(index)
  return partReports.get(node, summaryPartKey(doc, index, sectionIndex), () => reportOf(node, summaryPart(doc, index, sectionIndex), `$.sections[${sectionIndex}]`))
}

/** The positions of the metrics, blanks and sections in a part. */
interface Positions {
  metricPos: number[]
  blankPos: number[]
  sectionPos: number[]
}

/** The positions of a node at `pos` and of what it holds, added to `out`. Fields are inline: a textblock's children are looked at, never descended into. */
function collectPositions(node: Node, pos: number, out: Positions) {
  if (node.isTextblock) {
    if (node.childCount > 1 || (node.firstChild && !node.firstChild.isText)) {
      node.forEach((child, at) => {
        if (child.type.name === 'metric') out.metricPos.push(pos + 1 + at)
        else if (child.type.name === 'blank') out.blankPos.push(pos + 1 + at)
      })
    }
    return
  }
  if (isSection(node)) out.sectionPos.push(pos)
  node.forEach((child, offset) => collectPositions(child, pos + 1 + offset, out))
}

/**
 * The report of a part from its Summary; places counted from the part's start (the part itself
 * at 0). `sectionPath` is the part's path when it is a top-level section.
 */
function reportOf(node: Node, part: SummaryPart, sectionPath: string): PartReport {
  const findings: Finding[] = []
  // Positions of fields and sections, in the same order the part's Summary lists them.
  const positions: Positions = { metricPos: [], blankPos: [], sectionPos: [] }
  collectPositions(node, 0, positions)
  const { metricPos, blankPos, sectionPos } = positions

  let sectionIndex = 0
  // `parent` is the place of the section's parent, for people, as the metrics index writes places (`一、（二）`).
  const walk = (s: Section, here: string, parent: string) => {
    const pos = sectionPos[sectionIndex++]
    const place = parent + (s.number || (s.role === 'plans' ? '（计划）' : '（问题）'))
    const at = pos !== undefined ? { pos } : {}
    if (!s.title.trim() && s.number) findings.push({ code: 'heading-empty', severity: 'warning', message: `${placeName(place)}没有标题：请填写标题`, path: `${here}.title`, where: place, ...at })
    if (!s.body.length && !s.sections.length) findings.push({ code: 'section-empty', severity: 'warning', message: `${s.title.trim() ? `「${s.number}${s.title}」部分` : placeName(place)}还没有内容`, path: here, where: place, ...at })
    s.sections.forEach((sub, i) => walk(sub, `${here}.sections[${i}]`, place))
  }
  if (part.kind === 'section') walk(part.section, sectionPath, '')

  part.metrics.forEach((m, i) => {
    if (m.filled) return
    const pos = metricPos[i]
    const q = quoteField(node, pos, m)
    findings.push({
      code: 'metric-unfilled',
      severity: 'error',
      message: `${q.place}：指标「${q.text}」未填写数字`,
      path: m.path,
      where: m.where,
      ...(pos !== undefined ? { pos } : {}),
    })
  })
  part.blanks.forEach((b, i) => {
    if (b.filled) return
    const pos = blankPos[i]
    const q = quoteField(node, pos, b)
    findings.push({
      code: 'blank-unfilled',
      severity: 'error',
      message: `${q.place}：「${q.text}」中的名称未填写`,
      path: b.path,
      where: b.where,
      ...(pos !== undefined ? { pos } : {}),
    })
  })
  if (part.kind === 'signOff') {
    const standard = standardDate(part.signOff.date)
    if (standard) {
      findings.push({
        code: 'date-format',
        severity: 'warning',
        message: `落款日期「${part.signOff.date.trim()}」应写作「${standard}」：成文日期用阿拉伯数字，年份写全，月、日不编虚位`,
        path: '$.signOff.date',
        where: '落款',
        pos: 1 + node.child(0).nodeSize,
      })
    }
  }
  // Document order within the part.
  findings.sort((a, b) => (a.pos ?? Infinity) - (b.pos ?? Infinity))

  const report: PartReport = { kind: part.kind, findings }
  if (part.kind === 'title') report.title = part.text
  else if (part.kind === 'preamble' || part.kind === 'closing') report.length = lengthOf(part.blocks)
  else if (part.kind === 'section') {
    const s = part.section
    report.section = { role: s.role, part: s.part ?? null, title: s.title, number: s.number, length: lengthOf(s.body, s.sections) }
  }
  return report
}

/** The text length of a part, white space aside. */
function lengthOf(blocks: readonly Block[], sections: readonly Section[] = []): number {
  let n = 0
  const text = (b: Block) => (b.type === 'paragraph' ? b.text : (b.intro ?? '') + b.items.map((i) => i.ordinal + i.text + (i.notes ?? []).map((x) => x.text).join('')).join(''))
  for (const b of blocks) n += text(b).replace(/\s/g, '').length
  for (const s of sections) n += s.title.length + lengthOf(s.body, s.sections)
  return n
}

/**
 * The title and the plans heading against the period the summary covers: the one its meta says,
 * or, for a draft with none (written in the editor from a blank page), the one its title names, so
 * that its plans are checked as an imported draft's are.
 */
function periodFindings(doc: Node, title: string, sections: readonly SectionFacts[]): Finding[] {
  let covers = { year: doc.attrs.year as number | null, period: doc.attrs.period as Period | null }
  if (covers.year === null && covers.period === null) covers = readPeriod(title)
  if (covers.year === null && covers.period === null) return []
  const plansIndex = sections.findIndex((s) => s.role === 'plans')
  const plans = plansIndex >= 0 ? sections[plansIndex]! : null
  return periodConflicts(covers, title, plans?.title || null).map((c) =>
    c.place === 'title'
      ? { code: 'title-period-conflict' as const, severity: 'warning' as const, message: c.message, path: '$.title', where: '标题', pos: 0 }
      : { code: 'plans-period-conflict' as const, severity: 'warning' as const, message: c.message, path: `$.sections[${plansIndex}].title`, where: plans!.number || '（计划）' },
  )
}

/** Whether findings allow a draft to go up for approval: no finding of severity `error`. */
export function canSubmit(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'error')
}

/**
 * A place as a finding's message names it, from its `where` (see {@link Finding}): a top-level
 * section as 第一部分 (`一、` followed by `：` reads as a stray mark), its subsections after it
 * (第一部分（二）), an unnumbered problems or plans section by what it is, a level written `1.`
 * as 第1条 (第一部分（二）第1条（3）); 标题, 导语, 结尾, 落款 as they are; none as 正文. A field's
 * place names the work item it stands in after these as 第N项 (第一部分（二）第2项, see `quoteField`),
 * apart from a level's 第N条.
 */
export function placeName(where: string): string {
  return where ? where.replace(/^(.+?)、/, '第$1部分').replace('（问题）', '“存在的问题”部分').replace('（计划）', '“下步打算”部分').replace(/(\d+)\./g, '第$1条') : '正文'
}

/**
 * How a message about a field says where it is: `place`, the place named (see {@link placeName};
 * `标题` after a section's when the field is in its heading); `text`, the field as shown with the
 * words of its clause around it: back to the mark that ends the clause before (a `、` between
 * names does not) or the paragraph's start, at most 16 characters, and on to the clause's end, at
 * most 8, each `…` where cut; the field in `【】` when the quote shows other unfilled fields
 * (`捐赠X和【X】两个社区`). The one rule for every message about a field, and so for every output
 * of the findings (the editor's panel, the command line). `pos` is the field's position in `part`
 * counted from the part's start (the part itself at 0).
 */
function quoteField(part: Node, pos: number | undefined, field: { where: string; path: string; context: string; text: string }): { place: string; text: string } {
  // A field in a work item: the item after its section, counted in its list (its path's `items[1]`: 第2项).
  const item = /items\[(\d+)/.exec(field.path)
  const place = placeName(field.where) + (item ? `第${+item[1]! + 1}项` : '')
  if (pos === undefined) return { place, text: field.context + field.text }
  const $pos = part.resolve(pos - 1)
  const block = $pos.parent
  const index = $pos.index()
  // The block's text as shown, the field's span in it, and where each other unfilled field starts.
  let text = ''
  let start = 0
  let end = 0
  const unfilled: number[] = []
  block.forEach((child, _, i) => {
    if (i === index) start = text.length
    else if (child.type.name === 'metric' ? metricUnfilled(child.attrs as MetricAttrs) : child.type.name === 'blank' && child.attrs.value === null) unfilled.push(text.length)
    text += displayText(child)
    if (i === index) end = text.length
  })
  const ends = (i: number) => text[i] !== '、' && clauseBreak.test(text[i]!)
  let from = start
  while (from > 0 && !ends(from - 1)) from--
  let to = end
  while (to < text.length && !ends(to)) to++
  if (start - from > 16) from = start - 15
  if (to - end > 8) to = end + 7
  const own = text.slice(start, end)
  return {
    place: block.type.name === 'heading' ? place + '标题' : place,
    text:
      (from > 0 && !ends(from - 1) ? '…' : '') +
      text.slice(from, start) +
      (unfilled.some((at) => at >= from && at < to) ? `【${own}】` : own) +
      text.slice(end, to) +
      (to < text.length && !ends(to) ? '…' : ''),
  }
}
