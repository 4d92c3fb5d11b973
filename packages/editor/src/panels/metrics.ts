import { html, type TemplateResult } from 'lit'
import { guard } from 'lit/directives/guard.js'
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

/** The rows of each top-level part, with places counted from the part's start: a part is immutable, so they stay right. */
const partRows = new WeakMap<Node, MetricRow[]>()

/** The rows of the metrics in a node at `pos`, added to `out`. */
function collectRows(node: Node, pos: number, out: MetricRow[]) {
  if (!node.isTextblock) return void node.forEach((child, offset) => collectRows(child, pos + 1 + offset, out))
  node.forEach((child, offset) => {
    if (child.type.name !== 'metric') return
    const attrs = child.attrs as MetricAttrs
    let label = attrs.label
    if (!label) label = contextBefore(displayText(node.cut(0, offset)), 12)
    out.push({ pos: pos + 1 + offset, label, attrs, text: metricText(attrs), filled: !metricUnfilled(attrs) })
  })
}

/**
 * Every metric of a document, in order, with its label (or the words before it when it has none).
 * Each top-level part is walked once: after an edit, only the parts it changed are walked again.
 */
export function metricRows(doc: Node): MetricRow[] {
  const rows: MetricRow[] = []
  doc.forEach((part, offset) => {
    let own = partRows.get(part)
    if (!own) collectRows(part, 0, (own = [])), partRows.set(part, own)
    for (const row of own) rows.push({ ...row, pos: offset + row.pos })
  })
  return rows
}

/** Whether two rows read the same in the table (their place aside). */
function sameRow(a: MetricRow, b: MetricRow): boolean {
  return a.label === b.label && a.text === b.text && a.filled === b.filled && metricInputValue(a.attrs) === metricInputValue(b.attrs) && a.attrs.unit === b.attrs.unit && a.attrs.scale === b.attrs.scale && a.attrs.approx === b.attrs.approx
}

/**
 * The rows a table shows, kept while they read the same: `rows` itself, or the array shown before
 * when every row reads as it did, so that the table is not drawn again while the writer types.
 * One for each element.
 */
export class ShownRows {
  private shown: MetricRow[] = []

  of(rows: MetricRow[]): MetricRow[] {
    const before = this.shown
    if (before.length !== rows.length || rows.some((row, i) => row !== before[i] && !sameRow(row, before[i]!))) this.shown = rows
    return this.shown
  }
}

/** The value a metric shows in the table's input: `22`, `3000-5000`, empty while unfilled. */
export function metricInputValue(attrs: MetricAttrs): string {
  if (attrs.value === null) return ''
  return attrs.range ? `${attrs.value}-${attrs.upper ?? ''}` : String(attrs.value)
}

/**
 * Renders the metrics table (指标表): every metric with its label, value (editable in place: the
 * text changes at once), unit and place. `shown` are the rows as `ShownRows` keeps them: the rows
 * are drawn again only when it changes. `fill` takes the new value of the row at an index, `go`
 * jumps to the metric of a row (both look its place up when called); `csv` downloads the table.
 */
export function renderMetrics(shown: MetricRow[], readonly: boolean, fill: (index: number, input: string) => boolean, go: (index: number) => void, csv: () => void, t: Catalog['metrics']): TemplateResult {
  return html`<section class="metrics" part="metrics" aria-label=${t.label}>
    <div class="panel-title">
      ${t.title(shown.filter((r) => !r.filled).length)}
      <button type="button" class="csv" @click=${csv} title=${t.csvTitle}>${t.csv}</button>
    </div>
    <table>
      <thead>
        <tr><th>${t.columns[0]}</th><th>${t.columns[1]}</th><th>${t.columns[2]}</th><th></th></tr>
      </thead>
      <tbody>
        ${guard([shown, readonly, t], () =>
          shown.map(
            (row, i) => html`<tr class=${row.filled ? '' : 'unfilled'}>
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
                    input.setCustomValidity(fill(i, input.value) ? '' : t.invalid)
                    input.reportValidity()
                  }}
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') (e.target as HTMLInputElement).dispatchEvent(new Event('change'))
                  }}
                />
              </td>
              <td>${row.attrs.scale + row.attrs.approx + row.attrs.unit}</td>
              <td><button type="button" class="go" @click=${() => go(i)} title=${t.goTitle} aria-label=${t.go}>↗</button></td>
            </tr>`,
          ),
        )}
      </tbody>
    </table>
  </section>`
}
