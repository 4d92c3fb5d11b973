import type { Node } from 'prosemirror-model'
import { sectionFormats, type SectionFormat, type SectionTypeName } from './schema.ts'

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const smallUnits = ['', '十', '百', '千']

function belowTenThousand(n: number, leadingOne: boolean): string {
  let out = ''
  let zero = false
  for (let u = 3; u >= 0; u--) {
    const d = Math.floor(n / 10 ** u) % 10
    if (d === 0) {
      if (out) zero = true
      continue
    }
    if (zero) out += '零'
    zero = false
    // 十一 rather than 一十一 at the head of a number; 一百一十 inside one.
    if (u === 1 && d === 1 && !out && !leadingOne) out += '十'
    else out += digits[d] + smallUnits[u]
  }
  return out
}

/** How many numerals are kept once written: the numbers and ordinals of a summary are its first few hundred. */
const cachedNumerals = 1000
/** The numerals below {@link cachedNumerals} written so far, by number: every export writes the same ones again. */
const numerals: string[] = []

/**
 * A whole number as Chinese numerals, the way section numbers and ordinals write it:
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九, 100 → 一百, 101 → 一百零一, 110 → 一百一十,
 * 10000 → 一万. Throws a RangeError below 1 or at 10⁸ and above.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n >= 1e8) throw new RangeError(`no Chinese numeral for ${n}`)
  return n < cachedNumerals ? (numerals[n] ??= numeralOf(n)) : numeralOf(n)
}

/** {@link chineseNumeral} of a whole number from 1 to 10⁸ − 1, checked by the caller. */
function numeralOf(n: number): string {
  const high = Math.floor(n / 10000)
  const low = n % 10000
  if (!high) return belowTenThousand(low, false)
  let out = belowTenThousand(high, false) + '万'
  if (low) out += (low < 1000 ? '零' : '') + belowTenThousand(low, true)
  return out
}

/** Reads Chinese numerals back (the inverse of {@link chineseNumeral}); `null` when the text is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (!/^[零一二三四五六七八九十百千万两〇]+$/.test(text)) return null
  let total = 0
  let section = 0
  let digit = -1
  for (const ch of text) {
    const d = ch === '两' ? 2 : ch === '〇' ? 0 : digits.indexOf(ch)
    if (d >= 0) {
      digit = d
      continue
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 10000
    if (unit === 10000) {
      total += (section + Math.max(digit, 0)) * 10000
      section = 0
    } else section += (digit < 0 ? 1 : digit) * unit
    digit = -1
  }
  const n = total + section + Math.max(digit, 0)
  return n > 0 && chineseNumeral(n) === text ? n : null
}

/** The number of the `index`-th (from 1) section in a format: `一、` `（一）` `1.` `（1）`. */
export function formatSectionNumber(format: SectionFormat, index: number): string {
  switch (format) {
    case 'chinese':
      return chineseNumeral(index) + '、'
    case 'chineseParen':
      return '（' + chineseNumeral(index) + '）'
    case 'arabic':
      return index + '.'
    case 'arabicParen':
      return '（' + index + '）'
  }
}

/** The ordinal of the `index`-th (from 1) work item: `一是`, `十一是`. */
export function formatOrdinal(index: number): string {
  return chineseNumeral(index) + '是'
}

/** Whether a child of its parent takes a `一、` number: a main-work section, or a numbered problems or plans section. */
function takesTopNumber(node: Node): boolean {
  const name = node.type.name
  return name === 'section1' || ((name === 'problems' || name === 'plans') && node.attrs.numbered === true)
}

/**
 * The number of the section at `index` among `parent`'s children, as displayed (`三、`, `（二）`,
 * `4.`, `（1）`), or `""` for an unnumbered problems or plans section. Computed from the tree,
 * never stored: this is the one place numbers come from, for the editor's display and for every
 * export. `counts` leaves siblings before it out of the count (the Word export numbers a summary
 * with suggestions as it reads with them accepted, sections suggested for deletion left out).
 */
export function sectionNumber(parent: Node, index: number, counts: (sibling: Node) => boolean = () => true): string {
  const node = parent.child(index)
  const name = node.type.name
  if (name === 'problems' || name === 'plans') {
    if (!node.attrs.numbered) return ''
  } else if (!(name in sectionFormats)) {
    throw new RangeError(`the child at ${index} is a ${name}, not a section`)
  }
  let count = 0
  for (let i = 0; i <= index; i++) {
    const sibling = parent.child(i)
    if (i < index && !counts(sibling)) continue
    if (name === 'section1' || name === 'problems' || name === 'plans' ? takesTopNumber(sibling) : sibling.type === node.type) count++
  }
  const format: SectionFormat = name === 'problems' || name === 'plans' ? 'chinese' : sectionFormats[name as SectionTypeName]
  return formatSectionNumber(format, count)
}

/** The ordinal (`一是`, `二是` …) of the work item at `index` among a work-item list's children; `counts` as for {@link sectionNumber}. */
export function workItemOrdinal(list: Node, index: number, counts: (sibling: Node) => boolean = () => true): string {
  let count = 0
  for (let i = 0; i <= index; i++) if (list.child(i).type.name === 'workItem' && (i === index || counts(list.child(i)))) count++
  return formatOrdinal(count)
}
