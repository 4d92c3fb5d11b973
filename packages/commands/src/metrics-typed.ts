import type { EditorState, Transaction } from 'prosemirror-state'
import { Mark } from 'prosemirror-model'
import { displayText, isSuggestionMark, metricUnits, readFields } from '@zongjie/model'

/**
 * 指标 typed: a number with its unit typed in the text (`今年培训干部120名，`) becomes a metric
 * field as the writer goes on, as the importer reads the same words pasted. This comes with what
 * reads pastes (the chunk loaded on the writer's first focus); until then, the text stays as typed.
 */

/** Whether `unit` followed by `after` may still be the start of a longer unit (`个` then `百`: `个百分点`). */
const mayGoOn = (unit: string, after: string) => metricUnits.some((u) => u.length > unit.length + after.length && u.startsWith(unit + after))

/**
 * The metric that the text just entered ends, made a metric field: for an input rule's handler,
 * given the text from `start` to the caret at `end` with what is typed (the rule's `match`:
 * past `end`, the characters the keyboard is typing; none after a composition, whose committed
 * text is in the document already). A number and unit right before the last character entered
 * (`120名` before `，`, or before `，` of `名，` committed by an input method) become one metric,
 * where the importer's field reading (the model's `readFields`, on the whole line as it reads
 * with what is typed) takes them there: not a year, a date, an ordinal (`第2批`) nor digits in a
 * word, and not a unit the next character may still go on (`3个` then `百`: `3个百分点`). The
 * typed characters follow it, the caret after them. Null where nothing is read there, the
 * selection is not a caret, or the metric's text does not carry one set of marks or carries a
 * suggestion's.
 */
export function typedMetricTr(state: EditorState, match: RegExpMatchArray, start: number, end: number): Transaction | null {
  const { selection, doc } = state
  const text = match[0]
  if (!selection.empty || selection.from !== end) return null
  const typed = text.slice(end - start)
  // Cheap first: a digit or an `X` in the last few characters entered.
  if (!/[\dXx×Ｘｘ０-９][^\d]{0,8}$/.test(text)) return null
  const $end = doc.resolve(end)
  const block = $end.parent
  const at = $end.parentOffset
  const line = block.textBetween(0, at, undefined, '\ufffc') + typed + block.textBetween(at, block.content.size, undefined, '\ufffc')
  const caret = at + typed.length
  // Where the metric must end: before the characters typed, or before the last one committed.
  const metricEnd = typed ? at : caret - 1
  let offset = 0
  for (const node of readFields(line)) {
    const from = offset
    // A field is as long as the text it was read from.
    offset += displayText(node).length
    if (offset < metricEnd) continue
    if (offset > metricEnd || node.type.name !== 'metric' || mayGoOn(node.attrs.unit, line.slice(offset, caret))) return null
    const metricFrom = $end.start() + from
    const metricTo = $end.start() + offset
    // The metric takes the marks of its text (bold, a comment's), one set of them.
    const marks = doc.nodeAt(metricFrom)!.marks
    let uniform = true
    doc.nodesBetween(metricFrom, metricTo, (n) => {
      if (n.isInline && (!n.isText || !Mark.sameSet(n.marks, marks))) uniform = false
      return !n.isInline
    })
    if (!uniform || marks.some(isSuggestionMark)) return null
    const tr = state.tr
    // What is typed goes in with the marks the keyboard's text would carry.
    if (typed) tr.insertText(typed, end)
    tr.replaceWith(metricFrom, metricTo, node.mark(marks))
    return tr
  }
  return null
}
