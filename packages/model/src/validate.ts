import type { Node } from 'prosemirror-model'
import { toSummary, type Section } from './summary.ts'
import { displayText } from './schema.ts'
import type { ImportWarning } from './import/warnings.ts'

/** How much a finding matters: an `error` stops a draft from going up for approval. */
export type Severity = 'error' | 'warning' | 'info'

/**
 * The kinds of finding:
 * - `title-missing` (error): the title is empty;
 * - `title-period-missing`, `title-genre-missing` (warning): the title names no period (`2020年上半年`)
 *   or no genre (`总结`);
 * - `metric-unfilled`, `blank-unfilled` (error): a field still reads `X`;
 * - `heading-empty` (warning): a numbered section has no heading text;
 * - `section-empty` (warning): a section has neither body nor subsections;
 * - `problems-missing`, `plans-missing` (warning): the summary has no problems or no plans section;
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
  | 'import-repaired'

/** One thing the validator found, with where it is: a Summary JSON path, a document position, a source line. */
export interface Finding {
  code: FindingCode
  severity: Severity
  /** What is wrong and what to do, in Chinese, naming the place. */
  message: string
  /** The Summary JSON path of the field or section. */
  path?: string
  /** The place for people: `一、（二）`, `导语`, `标题`. */
  where?: string
  /** The document position (ProseMirror) of the node, for an editor to jump to. */
  pos?: number
  /** The line of the imported text, for `import-repaired`. */
  line?: number
}

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** The importer's warnings for this document, reported as `import-repaired` findings. */
  repairs?: readonly ImportWarning[]
}

const period = /\d{4}年|年度|上半年|下半年|[一二三四1-4]季度|\d{1,2}月|全年|半年/
const genre = /总结|报告|汇报|小结|回顾/

/**
 * Checks a draft the way an approver would: every field filled, every section with a heading and
 * content, a problems and a plans section, a title that names the period and the genre. Returns
 * the findings in document order (those about the whole summary, then importer repairs, last); an empty list means ready to submit.
 */
export function validate(doc: Node, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = []
  const summary = toSummary(doc)

  // Positions of fields and sections, in the same document order the summary lists them.
  const metricPos: number[] = []
  const blankPos: number[] = []
  const sectionPos: number[] = []
  doc.descendants((node, pos) => {
    const name = node.type.name
    if (name === 'metric') metricPos.push(pos)
    else if (name === 'blank') blankPos.push(pos)
    else if (name.startsWith('section') || name === 'problems' || name === 'plans') sectionPos.push(pos)
  })

  const title = summary.title.trim()
  if (!title) findings.push({ code: 'title-missing', severity: 'error', message: '标题为空：请写明单位、时间和“工作总结”', path: '$.title', where: '标题', pos: 0 })
  else {
    if (!period.test(title)) findings.push({ code: 'title-period-missing', severity: 'warning', message: `标题「${title}」没有写明时间（如“2020年上半年”）`, path: '$.title', where: '标题', pos: 0 })
    if (!genre.test(title)) findings.push({ code: 'title-genre-missing', severity: 'warning', message: `标题「${title}」没有写明文种（如“工作总结”）`, path: '$.title', where: '标题', pos: 0 })
  }

  let sectionIndex = 0
  const walk = (sections: Section[], path: string) => {
    sections.forEach((s, i) => {
      const here = `${path}[${i}]`
      const pos = sectionPos[sectionIndex++]
      const name = s.number + (s.title || (s.role === 'plans' ? '（工作计划）' : s.role === 'problems' ? '（存在问题）' : ''))
      if (!s.title.trim() && s.number) findings.push({ code: 'heading-empty', severity: 'warning', message: `${s.number} 部分没有标题：请填写标题`, path: `${here}.title`, where: s.number, ...(pos !== undefined ? { pos } : {}) })
      if (!s.body.length && !s.sections.length) findings.push({ code: 'section-empty', severity: 'warning', message: `「${name}」部分还没有内容`, path: here, where: s.number || name, ...(pos !== undefined ? { pos } : {}) })
      walk(s.sections, `${here}.sections`)
    })
  }
  walk(summary.sections, '$.sections')

  summary.metrics.forEach((m, i) => {
    if (m.filled) return
    const pos = metricPos[i]
    findings.push({
      code: 'metric-unfilled',
      severity: 'error',
      message: `${m.where || '正文'}：指标「${m.context}${m.text}」未填写数字`,
      path: m.path,
      where: m.where,
      ...(pos !== undefined ? { pos } : {}),
    })
  })
  summary.blanks.forEach((b, i) => {
    if (b.filled) return
    const pos = blankPos[i]
    const after = pos === undefined ? '' : wordsAfter(doc, pos)
    findings.push({
      code: 'blank-unfilled',
      severity: 'error',
      message: `${b.where || '正文'}：「${b.context.slice(-6)}${b.text}${after}」中的名称未填写`,
      path: b.path,
      where: b.where,
      ...(pos !== undefined ? { pos } : {}),
    })
  })

  // Document order; the findings about the whole summary after those with a place.
  findings.sort((a, b) => (a.pos ?? Infinity) - (b.pos ?? Infinity))

  const roles = new Set(summary.sections.map((s) => s.role))
  if (!roles.has('problems')) findings.push({ code: 'problems-missing', severity: 'warning', message: '缺少“存在的问题”部分：总结一般应写明工作中的不足', path: '$.sections' })
  if (!roles.has('plans')) findings.push({ code: 'plans-missing', severity: 'warning', message: '缺少“下步打算”部分：总结一般应写明下一步的工作计划', path: '$.sections' })

  for (const w of options.repairs ?? []) {
    findings.push({ code: 'import-repaired', severity: 'info', message: `第 ${w.line} 行：${w.message}`, line: w.line })
  }
  return findings
}

/** The words after an inline node up to the end of its clause (at most eight characters): `社区` after `X`. */
function wordsAfter(doc: Node, pos: number): string {
  const $pos = doc.resolve(pos)
  const parent = $pos.parent
  const start = $pos.parentOffset + 1
  if (start > parent.content.size) return ''
  const text = displayText(parent.cut(start))
  const m = /[。；！？，：、,;:!?]/.exec(text)
  return (m ? text.slice(0, m.index) : text).slice(0, 8)
}
