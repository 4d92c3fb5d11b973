import { TextSelection, type Command } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'
import { schema, metricText, type MetricAttrs, type BlankAttrs } from '@zongjie/model'

/**
 * 插入指标: puts a metric field at the cursor (replacing the selection), unfilled unless `attrs`
 * say otherwise: `insertMetric({ unit: '名' })` shows `X名`. Applies where text can go.
 */
export function insertMetric(attrs: Partial<MetricAttrs> = {}): Command {
  return (state, dispatch) => {
    const { $from } = state.selection
    if (!$from.parent.inlineContent) return false
    if (dispatch) {
      const node = schema.nodes.metric!.create({ ...attrs })
      node.check()
      dispatch(closeHistory(state.tr.replaceSelectionWith(node, false)).scrollIntoView())
    }
    return true
  }
}

/** 插入空白: puts a name blank (`X社区` …) at the cursor, replacing the selection. */
export function insertBlank(attrs: Partial<BlankAttrs> = {}): Command {
  return (state, dispatch) => {
    const { $from } = state.selection
    if (!$from.parent.inlineContent) return false
    if (dispatch) {
      const node = schema.nodes.blank!.create({ ...attrs })
      node.check()
      dispatch(closeHistory(state.tr.replaceSelectionWith(node, false)).scrollIntoView())
    }
    return true
  }
}

/** What a writer typed into a metric, read: the number, or a range's two ends; `null` for unfilled. */
export interface MetricInput {
  value: number | null
  upper: number | null
  range: boolean
  /** The digits typed after the point where the number drops some (1 for `5.0`, 2 for `12.50`), else 0: see `MetricAttrs.decimals`. */
  decimals: number
}

/** Characters a writer may type into a metric: digits, a decimal point, and `-` for a range. */
export const metricInputCharacters = /^[0-9.\-]*$/

/**
 * Reads what a writer typed into a metric field: `22`, `12.5`, `5.0`, `3000-5000`; empty or `X`
 * for unfilled. Returns `null` when it is not a number (or range) a metric can hold.
 */
export function parseMetricInput(text: string): MetricInput | null {
  const t = text.trim()
  if (t === '' || /^[Xx×]+$/.test(t)) return { value: null, upper: null, range: false, decimals: 0 }
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?)?)?$/.exec(t)
  if (!m) return null
  const value = Number(m[1])
  // The zeros an end's number drops after its point (`5.0`), kept.
  const decimals = Math.max(...t.split('-').map((n) => (/\.\d*0$/.test(n) ? n.length - n.indexOf('.') - 1 : 0)))
  if (t.includes('-')) return { value, upper: m[2] === undefined ? null : Number(m[2]), range: true, decimals }
  return { value, upper: null, range: false, decimals }
}

/** What a metric's input shows, as {@link parseMetricInput} reads it back: `22`, `5.0`, `3000-5000`, `3000-`, empty while unfilled. */
export function metricInputText(attrs: MetricAttrs): string {
  return attrs.value === null ? '' : metricText({ ...attrs, scale: '', approx: '', unit: '', placeholder: '' })
}

/**
 * 填写: fills the metric or blank at `pos`: a metric takes a number (or `null` to empty it) and, for
 * a range, its upper end, shown with `decimals` digits after the point at least (`5.0`; 0 by
 * default: as the number is); a blank takes a name (or `null`). The unit and everything else stay.
 * Does not apply when `pos` holds no field or the value does not fit it.
 */
export function fillField(pos: number, value: number | string | null, upper?: number | null, decimals = 0): Command {
  return (state, dispatch) => {
    const node = state.doc.nodeAt(pos)
    if (!node) return false
    let attrs: Record<string, unknown>
    if (node.type.name === 'metric') {
      if (typeof value === 'string' || (value !== null && !(Number.isFinite(value) && value >= 0))) return false
      attrs = { ...node.attrs, value, decimals }
      if (upper !== undefined) attrs = { ...attrs, upper, range: true }
    } else if (node.type.name === 'blank') {
      if (typeof value === 'number' || value === '') return false
      attrs = { ...node.attrs, value }
    } else return false
    try {
      node.type.create(attrs).check()
    } catch {
      return false
    }
    if (dispatch) {
      const tr = state.tr.setNodeMarkup(pos, null, attrs)
      const sel = state.selection
      if (sel instanceof TextSelection) tr.setSelection(TextSelection.create(tr.doc, sel.from, sel.to))
      dispatch(closeHistory(tr))
    }
    return true
  }
}
