import { css, html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { metricText, metricUnfilled, contextBefore, displayText, PartCache, readSummary, type MetricAttrs } from '@zongjie/model'
import { metricInputText } from '@zongjie/commands'
import type { Catalog } from '../locales/index.ts'
import { adoptPanelStyles } from './panel-styles.ts'
import { download } from '../files/download.ts'

/** A row of the metrics table: a metric field, where it is, and what it counts. */
export interface MetricRow {
  pos: number
  label: string
  attrs: MetricAttrs
  text: string
  filled: boolean
}

/** The rows of each top-level part, with places counted from the part's start. */
const partRows = new PartCache<MetricRow[]>()

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
    const own = partRows.get(part, '', () => {
      const collected: MetricRow[] = []
      collectRows(part, 0, collected)
      return collected
    })
    for (const row of own) rows.push({ ...row, pos: offset + row.pos })
  })
  return rows
}

/** Whether two rows read the same in the table (their place aside). */
function sameRow(a: MetricRow, b: MetricRow): boolean {
  return a.label === b.label && a.text === b.text && a.filled === b.filled && metricInputValue(a.attrs) === metricInputValue(b.attrs) && a.attrs.unit === b.attrs.unit && a.attrs.scale === b.attrs.scale && a.attrs.approx === b.attrs.approx
}

/** The value a metric shows in the table's input, as in the field's own: `22`, `5.0`, `3000-5000`, empty while unfilled. */
export const metricInputValue: (attrs: MetricAttrs) => string = metricInputText

/** Rows built at once when a table is built; the rest follow in chunks of this size, a task each. */
const rowsAtOnce = 100

/**
 * The metrics table of one element, as plain DOM with one handler for each kind of event: a long
 * summary has hundreds of metrics, and their rows then cost no template state. A row is written
 * again only when it reads differently (an input the writer is typing in is left alone while its
 * row stays the same); the rows are built anew when their number or the language changes. A
 * long table is built a hundred rows at a time, a task each, so that the page keeps answering
 * the writer while it fills. `fill` takes the new value of the row at an index, `go` jumps to
 * its metric: both look the metric's place up when called.
 */
export class MetricTable {
  private table: HTMLTableElement | null = null
  private shown: MetricRow[] = []
  private strings: Catalog['metrics'] | null = null
  private readonly = false
  /** How many rows the table has so far, and the task that builds the next ones. */
  private built = 0
  private pending: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly fill: (index: number, input: string) => boolean,
    private readonly go: (index: number) => void,
  ) {}

  /** The table showing `rows`. */
  of(rows: MetricRow[], readonly: boolean, t: Catalog['metrics']): HTMLTableElement {
    const table = this.table
    if (!table || t !== this.strings || rows.length !== this.shown.length) return this.build(rows, readonly, t)
    // The element renders again for other reasons (the toolbar after every change): the same rows are already shown.
    if (rows === this.shown && readonly === this.readonly) return table
    const body = table.tBodies[0]!
    // Rows not built yet are written from the rows shown when their turn comes.
    for (let i = 0; i < this.built; i++) {
      const row = rows[i]!
      if (readonly !== this.readonly || !sameRow(row, this.shown[i]!)) writeRow(body.children[i] as HTMLTableRowElement, row, readonly, t)
    }
    this.shown = rows
    this.readonly = readonly
    return table
  }

  private build(rows: MetricRow[], readonly: boolean, t: Catalog['metrics']): HTMLTableElement {
    const table = document.createElement('table')
    const head = table.createTHead().insertRow()
    for (const title of t.columns) head.appendChild(document.createElement('th')).textContent = title
    // The column of 定位 buttons is named for screen readers only.
    const go = head.appendChild(document.createElement('th')).appendChild(document.createElement('span'))
    go.className = 'sr-only'
    go.textContent = t.go
    const body = table.createTBody()
    const indexOf = (e: Event) => Number((e.target as Element).closest<HTMLElement>('tr[data-index]')?.dataset.index ?? -1)
    body.addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement
      if (!input.classList.contains('metric-value')) return
      input.setCustomValidity(this.fill(indexOf(e), input.value) ? '' : t.invalid)
      input.reportValidity()
    })
    body.addEventListener('keydown', (e) => {
      const input = e.target as HTMLInputElement
      if (e.key === 'Enter' && input.classList.contains('metric-value')) input.dispatchEvent(new Event('change', { bubbles: true }))
    })
    body.addEventListener('click', (e) => {
      if ((e.target as Element).closest('button.go')) this.go(indexOf(e))
    })
    if (this.pending !== null) clearTimeout(this.pending)
    this.pending = null
    this.table = table
    this.shown = rows
    this.strings = t
    this.readonly = readonly
    this.built = 0
    this.buildRows(rowsAtOnce)
    return table
  }

  /** Adds up to `count` rows after those built, from the rows shown; the rest in the next task. */
  private buildRows(count: number) {
    this.pending = null
    const body = this.table!.tBodies[0]!
    const t = this.strings!
    const end = Math.min(this.shown.length, this.built + count)
    for (let i = this.built; i < end; i++) {
      const tr = body.insertRow()
      tr.dataset.index = String(i)
      tr.insertCell()
      const input = tr.insertCell().appendChild(document.createElement('input'))
      input.className = 'metric-value'
      input.inputMode = 'decimal'
      input.placeholder = 'X'
      tr.insertCell()
      const go = tr.insertCell().appendChild(document.createElement('button'))
      go.type = 'button'
      go.className = 'go'
      go.title = t.goTitle
      go.setAttribute('aria-label', t.go)
      go.textContent = '↗'
      writeRow(tr, this.shown[i]!, this.readonly, t)
    }
    this.built = end
    if (end < this.shown.length) this.pending = setTimeout(() => this.buildRows(rowsAtOnce))
  }
}

/** Writes what a row shows: its state, label, value and unit. */
function writeRow(tr: HTMLTableRowElement, row: MetricRow, readonly: boolean, t: Catalog['metrics']) {
  tr.className = row.filled ? '' : 'unfilled'
  const [label, value, unit] = [tr.cells[0]!, tr.cells[1]!, tr.cells[2]!]
  label.title = row.label
  label.textContent = row.label
  const input = value.firstChild as HTMLInputElement
  input.setAttribute('aria-label', t.valueLabel(row.label, row.attrs.unit))
  input.value = metricInputValue(row.attrs)
  input.disabled = readonly
  unit.textContent = row.attrs.scale + row.attrs.approx + row.attrs.unit
}

/** What the table's 导出 CSV needs of the editor. */
export interface CsvSource {
  readonly doc: Node
  readonly strings: Catalog
  getMetricsCSV(): string
}

/**
 * Renders the metrics panel (指标表): every metric with its label, value (editable in place: the
 * text changes at once), unit and place, in the element's `table`; its 导出 CSV downloads the
 * `editor`'s metrics as a file named after the summary's title.
 */
export function renderMetrics(rows: MetricRow[], table: MetricTable, readonly: boolean, editor: CsvSource, t: Catalog['metrics']): TemplateResult {
  const csv = () => {
    const name = editor.strings.csvFile(readSummary(editor.doc).title || editor.strings.defaultTitle)
    download(new Blob([editor.getMetricsCSV()], { type: 'text/csv;charset=utf-8' }), name)
  }
  return html`<section class="metrics" part="metrics" aria-label=${t.label}>
    <div class="panel-title">
      ${t.title(rows.filter((r) => !r.filled).length)}
      <button type="button" class="csv" @click=${csv} title=${t.csvTitle}>${t.csv}</button>
    </div>
    ${table.of(rows, readonly, t)}
  </section>`
}

/** The table's styles, added to its element's when the table loads (see {@link adoptMetricsStyles}). */
export const metricsStyles = css`
  .metrics { background: var(--zj-panel-bg); font-size: 13px; }
  .metrics .panel-title { display: flex; justify-content: space-between; align-items: center; gap: 6px; }
  .metrics .csv { font: 12px var(--zj-font-ui); padding: 1px 6px; border: 1px solid var(--zj-border); border-radius: 3px; background: #fff; cursor: pointer; }
  .metrics table { width: 100%; border-collapse: collapse; table-layout: fixed; }
  .metrics th { text-align: left; font-weight: 500; color: #6b7280; padding: 2px 4px; }
  .metrics th:nth-child(1) { width: 46%; } .metrics th:nth-child(2) { width: 28%; } .metrics th:nth-child(4) { width: 24px; }
  .metrics td { padding: 2px 4px; border-top: 1px solid #eee; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .metrics tr.unfilled td:first-child { color: #92400e; }
  .metrics input { width: 100%; font: inherit; padding: 1px 3px; border: 1px solid var(--zj-border); border-radius: 3px; }
  .metrics tr.unfilled input { background: #fef3c7; }
  .metrics .go { border: none; background: none; cursor: pointer; color: #2563eb; padding: 0; }
`

/** Adds the table's styles to the element's shadow root: the table loads the first time it is shown. */
export function adoptMetricsStyles(host: Parameters<typeof adoptPanelStyles>[0]): void {
  adoptPanelStyles(host, metricsStyles)
}
