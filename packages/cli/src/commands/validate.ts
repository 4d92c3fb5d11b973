import { validate, placeName, type Finding } from '@zongjie/model'
import { exitCodes, guard } from '../errors.ts'
import type { Io } from '../io.ts'
import { formatWarning, loadDocument } from '../load.ts'

const severityWords: Record<Finding['severity'], string> = { error: '错误', warning: '警告', advice: '建议', info: '提示' }

/**
 * Where a finding is, for people, in words: its `where` as the model's messages name it
 * (`placeName`: 第一部分（二）, “下步打算”部分, 导语), else the input line (or the Word file's
 * paragraph), else `全文` (a finding about the whole summary, as a missing plans section).
 */
export function findingPlace(finding: Finding): string {
  if (finding.where) return placeName(finding.where)
  if (finding.line !== undefined && finding.line > 0) return `第${finding.line}行`
  if (finding.paragraph !== undefined && finding.paragraph > 0) return `第${finding.paragraph}段`
  return '全文'
}

/** One finding as printed: `级别 代码 位置: 说明`, on one line. */
export function formatFinding(finding: Finding): string {
  const severity = severityWords[finding.severity] ?? finding.severity
  let place = findingPlace(finding).replace(/\s+/g, '')
  let message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ')
  // The model's messages often start by naming the place again, in words, at times more closely
  // (`第一部分（二）：指标…`, `第一部分标题：…` for a field in its heading, `第一部分（二）第2项：…`
  // for one in a work item, `第 3 行：…`): said once, in the place.
  const colon = message.search(/[：:]/)
  const said = colon > 0 ? message.slice(0, colon) : ''
  const line = finding.line ? [`第 ${finding.line} 行`, `第${finding.line}行`] : []
  const paragraph = finding.paragraph ? [`第 ${finding.paragraph} 段`] : []
  if (said && ((finding.where && said.startsWith(place) && /^(标题|第\d+[条项])*$/.test(said.slice(place.length))) || line.includes(said) || paragraph.includes(said))) {
    message = message.slice(colon + 1).trimStart()
    if (finding.where) place = said.replace(/\s+/g, '')
  }
  return `${severity} ${finding.code} ${place}: ${message}`
}

/** The tally printed on stderr after the findings: `名称: N 个错误，N 个警告，N 条提示`. */
export function tally(name: string, findings: readonly Finding[]): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  if (!findings.length) return `${name}: 没有发现问题`
  return `${name}: ${count('error')} 个错误，${count('warning')} 个警告，${count('advice')} 条建议，${count('info')} 条提示`
}

/**
 * `zongjie validate`: reads a summary as `import` does, runs the model's `validate` with the
 * importer's repairs, prints each finding on stdout, one a line, and a tally on stderr. Exit 1
 * when any finding is an error, else 0.
 */
export async function runValidate(input: string, io: Io): Promise<number> {
  const loaded = await loadDocument(input, io)
  for (const note of loaded.notes) io.err(formatWarning(loaded.name, note))
  const findings = guard(loaded.name, '检查', () => validate(loaded.doc, { repairs: loaded.warnings }))
  if (findings.length) io.out(findings.map(formatFinding).join('\n') + '\n')
  io.err(tally(loaded.name, findings))
  return findings.some((f) => f.severity === 'error') ? exitCodes.findings : exitCodes.ok
}
