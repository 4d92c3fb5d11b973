import type { Summary } from './summary.ts'
import { metricNumberText } from './schema.ts'

function cell(value: string | number | null | boolean): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The metrics of a summary as CSV (指标表), one metric a row in document order: its label (or the
 * words before it when it has none), value and range end as displayed (`12.50`), unit, the text as displayed, where it is,
 * and whether it is filled. RFC 4180 quoting, CRLF line ends; with `bom`, a byte-order mark so that
 * Excel and WPS read the Chinese right.
 */
export function metricsToCSV(summary: Summary, options: { bom?: boolean } = {}): string {
  const rows = [['序号', '指标', '数值', '上限', '单位', '文字', '位置', '已填写']]
  summary.metrics.forEach((m, i) => {
    rows.push([String(i + 1), m.label || m.context, m.value === null ? '' : metricNumberText(m.value, m.decimals), m.range && m.upper !== null ? metricNumberText(m.upper, m.decimals) : '', m.scale + m.approx + m.unit, m.text, m.where, m.filled ? '是' : '否'])
  })
  return (options.bom ? '\ufeff' : '') + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
