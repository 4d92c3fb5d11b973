import { validate, placeName, type Finding } from '@zongjie/model'
import { exitCodes, guard } from '../errors.ts'
import type { Io } from '../io.ts'
import { formatWarning, loadDocument } from '../load.ts'

const severityWords: Record<Finding['severity'], string> = { error: '错误', warning: '警告', advice: '建议', info: '提示' }

/**
 * Where a finding is, for people: its `where` (`一、（二）`), else the input line (or the Word
 * file's paragraph), else its JSON path, else its document position, else `全文`.
 */
export function findingPlace(finding: Finding): string {
  if (finding.where) return finding.where
  if (finding.line !== undefined && finding.line > 0) return `第${finding.line}行`
  if (finding.paragraph !== undefined && finding.paragraph > 0) return `第${finding.paragraph}段`
  if (finding.path) return finding.path
  if (finding.pos !== undefined) return `位置${finding.pos}`
  return '全文'
}

/** One finding as printed: `级别 代码 位置: 说明`, on one line. */
export function formatFinding(finding: Finding): string {
  const severity = severityWords[finding.severity] ?? finding.severity
  let place = findingPlace(finding).replace(/\s+/g, '')
  let message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ')
  // The model's messages often start by naming the place again, in words (`第一部分（二）：指标…`,
  // `第一部分标题：…` for a field in its heading, `第 3 行：…`): said once, in the place.
  const named = finding.where ? placeName(finding.where) : ''
  const again: [string, string][] = [
    [named + '标题', '标题'],
    [named, ''],
    [finding.where ?? '', ''],
    [finding.line ? `第 ${finding.line} 行` : '', ''],
    [finding.line ? `第${finding.line}行` : '', ''],
    [finding.paragraph ? `第 ${finding.paragraph} 段` : '', ''],
  ]
  for (const [prefix, more] of again) {
    if (prefix && prefix !== '标题' && (message.startsWith(prefix + '：') || message.startsWith(prefix + ':'))) {
      message = message.slice(prefix.length + 1).trimStart()
      place += more
      break
    }
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
