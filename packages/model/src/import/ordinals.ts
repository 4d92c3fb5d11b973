import { parseChineseNumeral } from '../numbering.ts'

/** A work-item ordinal (`一是`) found in a line. */
export interface OrdinalMark {
  /** Index in the line where the ordinal starts. */
  at: number
  /** Index where the item's text starts, after `是`. */
  textAt: number
  /** The number the ordinal says. */
  n: number
}

const ordinalAtStart = /^([一二三四五六七八九十]+)是/
const ordinalAnywhere = /([一二三四五六七八九十]+)是/g
// An ordinal inside a line follows the end of a clause; this keeps `统一是` and the like as text.
const clauseEnd = /[。；;：:！？!?，,\s]/

/** The ordinal a line starts with, if it starts with one. */
export function leadingOrdinal(line: string): OrdinalMark | null {
  const m = ordinalAtStart.exec(line)
  if (!m) return null
  const n = parseChineseNumeral(m[1]!)
  return n && n <= 30 ? { at: 0, textAt: m[0].length, n } : null
}

/**
 * The ordinals of a list run together in one line (`……。一是……；二是……；三是……`): a sequence
 * that starts with `一是` (at the start of the line or after a clause) and has at least a `二是`.
 * Each later ordinal must follow the end of a clause and say the next number, or repeat or skip
 * one (typing slips the importer repairs). Returns `null` when the line holds no such list.
 */
export function joinedOrdinals(line: string): OrdinalMark[] | null {
  const found: OrdinalMark[] = []
  ordinalAnywhere.lastIndex = 0
  let m: RegExpExecArray | null
  while ((m = ordinalAnywhere.exec(line))) {
    // The numeral run may have begun inside a longer one (`十一是`): the regex is greedy, so `m` is maximal.
    const at = m.index
    if (at > 0 && !clauseEnd.test(line[at - 1]!)) continue
    const n = parseChineseNumeral(m[1]!)
    if (!n) continue
    const expected = found.length + 1
    if (found.length === 0 ? n !== 1 : n < expected - 1 || n > expected + 1) continue
    found.push({ at, textAt: at + m[0].length, n })
  }
  return found.length >= 2 ? found : null
}
