import type { Node } from 'prosemirror-model'
import { schema, metricText, type MetricAttrs } from '../schema.ts'

/**
 * Measure words and units a metric may end with (`名` `人次` `万元` `%` `个百分点` …), longest first
 * so that `人次` wins over `人` and `个百分点` over `个`. Years, dates and ordinals (`2020年`, `6月底`,
 * `第二批`) use none of them.
 */
export const metricUnits = [
  '个百分点', '百分点', '万平方米', '平方公里', '平方米', '万平米', '万人次', '人次', '场次', '批次', '户次', '件次', '万元', '亿元', '万人', '万亩', '万吨', '万户', '平米', '公里', '千米', '小时',
  '名', '人', '个', '次', '期', '篇', '条', '份', '家', '户', '元', '%', '％', '项', '场', '件', '台', '张', '间', '亩', '类', '批', '座', '辆', '吨', '套', '册', '本', '天', '位', '种', '所', '处', '支', '部', '轮', '起', '笔', '回', '箱', '架', '块', '栋', '幢', '棵', '株', '头', '只', '例', '对',
].sort((a, b) => b.length - a.length)

// Units that also begin common words: `X部门`, `X处室`, `X所在`, `X支部`, `X起来`, `X回来` are not counts.
const notAfterUnit: Record<string, RegExp> = {
  部: /^[门署委长]/,
  处: /^[室理置长]/,
  所: /^[在有以属谓]/,
  支: /^[部持援队]/,
  起: /^[来草到]/,
  回: /^[来去应复]/,
  位: /^[于置]/,
  本: /^[地级单部人]/,
  种: /^[植养]/,
  条: /^[例件]/,
  间: /^[隔]/,
  天: /^[然]/,
  对: /^[于此照象接口待比标外内应策]/,
  例: /^[如会行外句]/,
}

const placeholder = '(?:[Xx]{1,3}|[×Ｘｘ]{1,3})'
const digits = '\\d+(?:\\.\\d+)?'
const numberOrPlaceholder = `(?:${placeholder}|${digits})`
const fieldPattern = new RegExp(`(${numberOrPlaceholder})(?:[-－~～](${numberOrPlaceholder}))?`, 'g')
const scaleApprox = /^([十百千万亿])?([余多])?/

/**
 * What joins the ends of a range written out (`3-5个`, `3～5个`, `3—5个`, `1至2名`, `8到10个`). Only
 * `-` is how a range metric displays; a range joined by any other is left as text.
 */
const rangeJoin = '(?:——|[-－~～—–至到])'
/** The end of the text before a range's second number: a number or `X`, maybe a scale, and the join (`3—`, `3万-`). */
const afterRangeStart = new RegExp(`(?:\\d|${placeholder})[十百千万亿]?${rangeJoin}$`)
/** The rest of a range after its first end where the field pattern does not take it (`—5`, `至X`, `万-X`). */
const rangeRest = new RegExp(`^[十百千万亿]?${rangeJoin}${numberOrPlaceholder}`)
/** The end of the text before a digit group (`1,`, `1，`): `1,200万元` is one number, not `200万元`. */
const afterDigitGroup = /\d[,，]$/

function isPlaceholder(s: string) {
  return new RegExp(`^${placeholder}$`).test(s)
}

function canonicalNumber(s: string): number | null {
  const n = Number(s)
  return Number.isFinite(n) && String(n) === s ? n : null
}

function unitAt(text: string, at: number): string | null {
  for (const unit of metricUnits) {
    if (text.startsWith(unit, at)) {
      const after = notAfterUnit[unit]
      if (after && after.test(text.slice(at + unit.length))) return null
      return unit
    }
  }
  return null
}

/**
 * What follows a metric's number at `at`: a unit (`万元`, `人次`), or a scale and an approximation
 * before one (`万多人`, `余名`, `万名`). A unit that itself starts with a scale wins (`X万元` is
 * `万元`, not `万` + `元`), so that a scale only counts where no unit reads the same characters.
 */
function tailAt(text: string, at: number): { scale: MetricAttrs['scale']; approx: MetricAttrs['approx']; unit: string; end: number } | null {
  const unit = unitAt(text, at)
  if (unit) return { scale: '', approx: '', unit, end: at + unit.length }
  const sa = scaleApprox.exec(text.slice(at))!
  if (!sa[0]) return null
  const after = unitAt(text, at + sa[0].length)
  if (!after) return null
  return { scale: (sa[1] ?? '') as MetricAttrs['scale'], approx: (sa[2] ?? '') as MetricAttrs['approx'], unit: after, end: at + sa[0].length + after.length }
}

/**
 * Reads the fields in a line of text: a number or `X`/`XX`/`x`/`××` with a unit becomes a metric
 * (`X名`, `22个`, `3000-5000元`, `X余人次`, `X万多人`, `1.5万名`, `2.5个百分点`); an `X` with no unit
 * becomes a name blank (`X社区`, `《X》`, `XX党组`). Digits inside words (`ISO9001`, `H5`), ordinals
 * (`第2批`) and dates stay text.
 *
 * Reading is lossless: a number is a metric only when the metric displays exactly the characters it
 * was read from ({@link metricText}). So numbers with a zero a number does not keep (`5.0%`, `05名`),
 * digit groups (`1,200万元`, `1,234,567元`: neither the whole nor a part is a metric) and ranges not
 * joined by `-` (`3～5个`, `3—5个`, `1至2名`, `8到10个`: neither end is a metric) stay text.
 */
export function readFields(text: string): Node[] {
  const nodes: Node[] = []
  let plainFrom = 0
  const flush = (to: number) => {
    if (to > plainFrom) nodes.push(schema.text(text.slice(plainFrom, to)))
  }
  fieldPattern.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = fieldPattern.exec(text))) {
    const start = m.index
    const before = start > 0 ? text[start - 1]! : ''
    const first = m[1]!
    const second = m[2]
    // A field stands alone: not inside a word of Latin letters or digits, not an ordinal (第2批),
    // not a group of a number written with separators (the `200` of `1,200`).
    // (What these look back on is at most 6 characters: `XXX万——`.)
    const behind = text.slice(Math.max(0, start - 8), start)
    if (/[A-Za-z0-9.．]/.test(before) || before === '第' || afterDigitGroup.test(behind)) continue
    const end = start + m[0].length
    const tail = tailAt(text, end)
    const firstIsX = isPlaceholder(first)
    if (tail) {
      // The second number of a range whose first the field pattern did not take (`3—5个`, `3万-5万元`).
      if (afterRangeStart.test(behind)) continue
      const value = firstIsX ? null : canonicalNumber(first)
      const upper = second === undefined ? null : isPlaceholder(second) ? null : canonicalNumber(second)
      const badNumber = (!firstIsX && value === null) || (second !== undefined && !isPlaceholder(second) && upper === null)
      const mixedPlaceholders = firstIsX && second !== undefined && isPlaceholder(second) && second !== first
      if (badNumber || mixedPlaceholders) continue
      const ph = firstIsX ? first : second !== undefined && isPlaceholder(second) ? second : 'X'
      const attrs: MetricAttrs = { value, range: second !== undefined, upper, scale: tail.scale, approx: tail.approx, unit: tail.unit, label: '', placeholder: ph }
      // Only what displays as written: `2～3期` would show as `2-3期`.
      if (metricText(attrs) !== text.slice(start, tail.end)) continue
      flush(start)
      nodes.push(schema.nodes.metric!.create(attrs))
      plainFrom = tail.end
      fieldPattern.lastIndex = plainFrom
      continue
    }
    // An `X` with no unit: an open name. Only a lone placeholder, never a range, never inside a Latin
    // word, never the first end of a range with a unit (`X至X名`).
    if (
      firstIsX &&
      second === undefined &&
      !/[A-Za-z]/.test(text[start + first.length] ?? '') &&
      !(first.startsWith('×') && /\d/.test(before)) &&
      !isRangeStart(text, end)
    ) {
      flush(start)
      nodes.push(schema.nodes.blank!.create({ placeholder: first }))
      plainFrom = start + first.length
      fieldPattern.lastIndex = plainFrom
    }
  }
  flush(text.length)
  return nodes
}

/** Whether a range's join and second end follow at `at`, with a unit after them: `至X名`, `—5个`, `万-X万元`. */
function isRangeStart(text: string, at: number): boolean {
  const rest = rangeRest.exec(text.slice(at))
  return rest !== null && tailAt(text, at + rest[0].length) !== null
}
