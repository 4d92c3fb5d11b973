import type { Node } from 'prosemirror-model'
import { schema } from '../schema.ts'

/**
 * Measure words and units a metric may end with (`名` `人次` `万元` `%` …), longest first so that
 * `人次` wins over `人`. Years, dates and ordinals (`2020年`, `6月底`, `第二批`) use none of them.
 */
export const metricUnits = [
  '万平方米', '平方公里', '平方米', '万平米', '万人次', '人次', '场次', '批次', '户次', '件次', '万元', '亿元', '万人', '万亩', '万吨', '万户', '平米', '公里', '千米', '小时',
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
const scaleApprox = /^([十百千万亿])?([余多])/


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
 * Reads the fields in a line of text: a number or `X`/`XX`/`x`/`××` with a unit becomes a metric
 * (`X名`, `22个`, `3000-5000元`, `X余人次`, `X万多人`); an `X` with no unit becomes a name blank
 * (`X社区`, `《X》`, `XX党组`). Digits inside words (`ISO9001`, `H5`), ordinals (`第2批`) and dates
 * stay text.
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
    // A field stands alone: not inside a word of Latin letters or digits, not an ordinal (第2批).
    if (/[A-Za-z0-9.．]/.test(before) || before === '第') continue
    let end = start + m[0].length
    let scale = ''
    let approx = ''
    const sa = scaleApprox.exec(text.slice(end))
    if (sa) {
      const unitAfter = unitAt(text, end + sa[0].length)
      if (unitAfter) {
        scale = sa[1] ?? ''
        approx = sa[2]!
        end += sa[0].length
      }
    }
    const unit = unitAt(text, end)
    const firstIsX = isPlaceholder(first)
    if (unit) {
      const value = firstIsX ? null : canonicalNumber(first)
      const upper = second === undefined ? null : isPlaceholder(second) ? null : canonicalNumber(second)
      const badNumber = (!firstIsX && value === null) || (second !== undefined && !isPlaceholder(second) && upper === null)
      const mixedPlaceholders = firstIsX && second !== undefined && isPlaceholder(second) && second !== first
      if (badNumber || mixedPlaceholders) continue
      const ph = firstIsX ? first : second !== undefined && isPlaceholder(second) ? second : 'X'
      flush(start)
      nodes.push(
        schema.nodes.metric!.create({ value, range: second !== undefined, upper, scale, approx, unit, placeholder: ph }),
      )
      plainFrom = end + unit.length
      fieldPattern.lastIndex = plainFrom
      continue
    }
    // An `X` with no unit: an open name. Only a lone placeholder, never a range, never inside a Latin word.
    if (firstIsX && second === undefined && !/[A-Za-z]/.test(text[start + first.length] ?? '') && !(first.startsWith('×') && /\d/.test(before))) {
      flush(start)
      nodes.push(schema.nodes.blank!.create({ placeholder: first }))
      plainFrom = start + first.length
      fieldPattern.lastIndex = plainFrom
    }
  }
  flush(text.length)
  return nodes
}
