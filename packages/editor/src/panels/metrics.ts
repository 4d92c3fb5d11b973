import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { metricText, metricUnfilled, contextBefore, displayText, type MetricAttrs } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'

/** A row of the metrics table: a metric field, where it is, and what it counts. */
export interface MetricRow {
  pos: number
  label: string
  attrs: MetricAttrs
  text: string
  filled: boolean
}

/** Every metric of a document, in order, with its label (or the words before it when it has none). */
export function metricRows(doc: Node): MetricRow[] {
  const rows: MetricRow[] = []
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    node.forEach((child, offset) => {
      if (child.type.name !== 'metric') return
      const attrs = child.attrs as MetricAttrs
      let label = attrs.label
      if (!label) label = contextBefore(displayText(node.cut(0, offset)), 12)
      rows.push({ pos: pos + 1 + offset, label, attrs, text: metricText(attrs), filled: !metricUnfilled(attrs) })
    })
    return false
  })
  return rows
}

/** The value a metric shows in the table's input: `22`, `3000-5000`, empty while unfilled. */
export function metricInputValue(attrs: MetricAttrs): string {
  if (attrs.value === null) return ''
  return attrs.range ? `${attrs.value}-${attrs.upper ?? ''}` : String(attrs.value)
}

/**
 * Renders the metrics table (指标表): every metric with its label, value (editable in place: the
 * text changes at once), unit and place; `fill` takes the new value; `go` jumps to the metric;
 * `csv` downloads the table.
 */
export function renderMetrics(rows: MetricRow[], readonly: boolean, fill: (row: MetricRow, input: string) => boolean, go: (pos: number) => void, csv: () => void, t: Catalog['metrics']): TemplateResult {
  return html`<section class="metrics" part="metrics" aria-label=${t.label}>
    <div class="panel-title">
      ${t.title(rows.filter((r) => !r.filled).length)}
      <button type="button" class="csv" @click=${csv} title=${t.csvTitle}>${t.csv}</button>
    </div>
    <table>
      <thead>
        <tr><th>${t.columns[0]}</th><th>${t.columns[1]}</th><th>${t.columns[2]}</th><th></th></tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr class=${row.filled ? '' : 'unfilled'}>
            <td title=${row.label}>${row.label}</td>
            <td>
              <input
                class="metric-value"
                inputmode="decimal"
                aria-label=${t.valueLabel(row.label, row.attrs.unit)}
                .value=${metricInputValue(row.attrs)}
                placeholder="X"
                ?disabled=${readonly}
                @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement
                  input.setCustomValidity(fill(row, input.value) ? '' : t.invalid)
                  input.reportValidity()
                }}
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') (e.target as HTMLInputElement).dispatchEvent(new Event('change'))
                }}
              />
            </td>
            <td>${row.attrs.scale + row.attrs.approx + row.attrs.unit}</td>
            <td><button type="button" class="go" @click=${() => go(row.pos)} title=${t.goTitle} aria-label=${t.go}>↗</button></td>
          </tr>`,
        )}
      </tbody>
    </table>
  </section>`
}
