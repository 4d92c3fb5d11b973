import type { Node } from 'prosemirror-model'
import { schema, metricNumberText, metricText, type MetricAttrs } from '../schema.ts'

/**
 * Measure words and units a metric may end with (`名` `人次` `万元` `%` `个百分点` …), longest first
 * so that `人次` wins over `人`, `个百分点` and `个工作日` over `个`. Years, dates and ordinals (`2020年`, `6月底`,
 * `第二批`) use none of them.
 */
export const metricUnits = [
  '个百分点', '百分点', '万平方米', '平方公里', '平方米', '万平米', '万人次', '人次', '场次', '批次', '户次', '件次', '万元', '亿元', '万人', '万亩', '万吨', '万户', '平米', '公里', '千米', '小时', '个工作日', '工作日', '个月',
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
/** A digit, half-width or full-width (`１２０名`, as a full-width input mode types it). */
const digit = '[0-9０-９]'
const digits = `${digit}+(?:[.．]${digit}+)?`
const numberOrPlaceholder = `(?:${placeholder}|${digits})`
const fieldPattern = new RegExp(`(${numberOrPlaceholder})(?:[-－~～](${numberOrPlaceholder}))?`, 'g')
const scaleApprox = /^([十百千万亿])?([余多])?/

/**
 * What joins the ends of a range written out (`3-5个`, `3～5个`, `3—5个`, `1至2名`, `8到10个`). Only
 * `-` is how a range metric displays; a range joined by any other is left as text.
 */
const rangeJoin = '(?:——|[-－~～—–至到])'
/** The end of the text before a range's second number: a number or `X`, maybe a scale, and the join (`3—`, `3万-`). */
const afterRangeStart = new RegExp(`(?:${digit}|${placeholder})[十百千万亿]?${rangeJoin}$`)
/** The rest of a range after its first end where the field pattern does not take it (`—5`, `至X`, `万-X`). */
const rangeRest = new RegExp(`^[十百千万亿]?${rangeJoin}${numberOrPlaceholder}`)
/** The end of the text before a digit group (`1,`, `1，`): `1,200万元` is one number, not `200万元`. */
const afterDigitGroup = /[0-9０-９][,，]$/
/** A character a field's number cannot follow: a Latin letter, a digit or a point (`ISO9001`, `1.5`), either width. */
const wordBefore = /[A-Za-z0-9.．Ａ-Ｚａ-ｚ０-９]/

function isPlaceholder(s: string) {
  return new RegExp(`^${placeholder}$`).test(s)
}

/**
 * Text with its full-width digits and points half-width (`３．５` → `3.5`), as GB/T 15835 writes
 * Arabic numerals; every character stays one, so offsets keep.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}

/**
 * A number as written (half-width): its value, and the digits after its point that it shows and
 * the value alone would drop (1 for `5.0`, 2 for `12.50`, 0 for `3.5`; see `MetricAttrs.decimals`).
 * Null when the value cannot show as written (`05`, or more than the 20 decimals a metric keeps).
 */
function writtenNumber(s: string): { value: number; decimals: number } | null {
  const value = Number(s)
  if (!Number.isFinite(value)) return null
  if (String(value) === s) return { value, decimals: 0 }
  const point = s.indexOf('.')
  const decimals = point < 0 ? 0 : s.length - point - 1
  return decimals && decimals <= 20 && metricNumberText(value, decimals) === s ? { value, decimals } : null
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
 * was read from ({@link metricText}), the zeros after a point included (`5.0%`, `12.50万元`: see
 * `MetricAttrs.decimals`). So numbers with a leading zero (`05名`), digit groups (`1,200万元`,
 * `1,234,567元`: neither the whole nor a part is a metric) and ranges not joined by `-` (`3～5个`,
 * `3—5个`, `1至2名`, `8到10个`: neither end is a metric) stay text. The one exception is the width
 * of digits: a number written in full-width digits (`１２０名`, `３．５万元`) is read as written
 * half-width (`120名`, `3.5万元`), as GB/T 15835 writes Arabic numerals, and told to `widened` with
 * the metric as written. A metric is as long as what it was read from either way.
 */
export function readFields(text: string, widened?: (written: string) => void): Node[] {
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
    if (wordBefore.test(before) || before === '第' || afterDigitGroup.test(behind)) continue
    const end = start + m[0].length
    const tail = tailAt(text, end)
    const firstIsX = isPlaceholder(first)
    if (tail) {
      // The second number of a range whose first the field pattern did not take (`3—5个`, `3万-5万元`).
      if (afterRangeStart.test(behind)) continue
      const value = firstIsX ? null : writtenNumber(halfWidthDigits(first))
      const upper = second === undefined || isPlaceholder(second) ? null : writtenNumber(halfWidthDigits(second))
      const badNumber = (!firstIsX && value === null) || (second !== undefined && !isPlaceholder(second) && upper === null)
      const mixedPlaceholders = firstIsX && second !== undefined && isPlaceholder(second) && second !== first
      if (badNumber || mixedPlaceholders) continue
      const ph = firstIsX ? first : second !== undefined && isPlaceholder(second) ? second : 'X'
      const decimals = Math.max(value?.decimals ?? 0, upper?.decimals ?? 0)
      const attrs: MetricAttrs = { value: value?.value ?? null, range: second !== undefined, upper: upper?.value ?? null, scale: tail.scale, approx: tail.approx, unit: tail.unit, label: '', placeholder: ph, decimals }
      // Only what displays as written, digits half-width: `2～3期` would show as `2-3期`, `3.5-4.00元` as `3.50-4.00元`.
      const written = text.slice(start, tail.end)
      const shown = metricText(attrs)
      if (shown !== halfWidthDigits(written)) continue
      if (shown !== written) widened?.(written)
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
