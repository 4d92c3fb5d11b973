import { parseChineseNumeral } from '../numbering.ts'
import type { SectionFormat } from '../schema.ts'

/** A heading number found at the start of a line, in any of the spellings writers use. */
export interface HeadingMark {
  format: SectionFormat
  /** The number it says (which the importer recomputes from the outline). */
  n: number
  /** The text after the number, trimmed. */
  rest: string
  /** Whether a half-width bracket was written: `(二)`. */
  halfWidth: boolean
  /** Whether `1．` or `1、` was written instead of `1.`. */
  oddPunctuation: boolean
}

const cn = '[一二三四五六七八九十百零〇两]+'
const space = '[\\s\\u3000]*'
const chinese = new RegExp(`^(${cn})${space}、${space}`)
const chineseParen = new RegExp(`^([（(])${space}(${cn})${space}([）)])${space}`)
const arabicParen = new RegExp(`^([（(])${space}(\\d{1,3})${space}([）)])${space}`)
// `1.` `1．` `1、`, but not a decimal (`1.5万`, `1.５万`) nor a year or a date.
const arabic = new RegExp(`^(\\d{1,3})${space}([.．、])(?![\\d０-９])${space}`)
/** What numerals listed with `、` count (see `listedNumerals`). */
const counted = ['季度', '季', '月份', '月', '年级', '级', '类', '等', '批', '期', '档', '线', '产', '轮', '号']
/**
 * Numerals listed with `、` before what they count (`一、二季度` the first two quarters, `一、二、三等奖`,
 * `三、四月份`): a sentence, not a heading `一、` (as `1、2月` is not `1、`, see `arabic`).
 */
const listedNumerals = new RegExp(`^${cn}(?:、${cn})*(?:${counted.join('|')})`)
/** Numerals that may yet be listed before what they count, as typed so far (`二`, `二、`, `二年` of `二年级`). */
const listedSoFar = new RegExp(`^${cn}(?:、${cn})*、?(?:${counted.map((w) => w[0]).join('|')})?$`)

/**
 * Reads a heading number at the start of a line: `一、` `（一）` `(一)` `1.` `1．` `1、` `（1）` `(1)`.
 * Returns `null` when the line does not start with one, or when nothing follows the number.
 */
export function headingMark(line: string): HeadingMark | null {
  let m: RegExpExecArray | null
  let mark: HeadingMark | null = null
  if ((m = chinese.exec(line))) {
    const n = parseChineseNumeral(m[1]!)
    const rest = line.slice(m[0].length)
    if (n && !listedNumerals.test(rest)) mark = { format: 'chinese', n, rest, halfWidth: false, oddPunctuation: false }
  } else if ((m = chineseParen.exec(line))) {
    const n = parseChineseNumeral(m[2]!)
    if (n) mark = { format: 'chineseParen', n, rest: line.slice(m[0].length), halfWidth: m[1] === '(' || m[3] === ')', oddPunctuation: false }
  } else if ((m = arabicParen.exec(line))) {
    mark = { format: 'arabicParen', n: Number(m[2]), rest: line.slice(m[0].length), halfWidth: m[1] === '(' || m[3] === ')', oddPunctuation: false }
  } else if ((m = arabic.exec(line))) {
    mark = { format: 'arabic', n: Number(m[1]), rest: line.slice(m[0].length), halfWidth: false, oddPunctuation: m[2] !== '.' }
  }
  return mark && mark.rest && mark.n > 0 ? mark : null
}

/**
 * Whether typing has made a heading of `line`, a paragraph's text from its start as typed so far
 * (with what follows the caret): it reads as {@link headingMark} reads it, whatever is typed
 * next, so that typing agrees with the importer. A bracketed number alone already does (`（一）`,
 * `（1）`); `一、` `1.` `1．` `1、` alone do not, since what follows may make the line a sentence
 * (`1.5万`, `1、2月`, `一、二季度`), nor `一、` followed by numerals only so far, which may yet be
 * listed before what they count (`一、二`, `一、二年` of `一、二年级`).
 */
export function isTypedHeading(line: string): boolean {
  const mark = headingMark(line)
  if (mark) return mark.format !== 'chinese' || !listedSoFar.test(mark.rest)
  // A title follows a bracketed number alone: what is typed next cannot make the line a sentence.
  const alone = headingMark(`${line}题`)
  return alone?.rest === '题' && alone.format.endsWith('Paren')
}
