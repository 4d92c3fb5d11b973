// A summary written in plain text turned into the .docx a writer would make of it in Word: the
// heading numbers taken out of the text and put in a Word multi-level list (numbering.xml), each
// heading paragraph in its heading style with its list level, a new list instance with a
// startOverride wherever the typed numbers restart where Word's count would go on.
import { parseChineseNumeral } from '@zongjie/model'
import { abstractNum, buildDocx, num, para, summaryLevels, wordHeadingStyles } from './docx-builder.ts'

/** The heading numbers a writer types, by list level (0 `一、`, 1 `（一）`, 2 `1.`, 3 `（1）`). */
const typedNumbers: { ilvl: number; pattern: RegExp; value: (s: string) => number | null }[] = [
  { ilvl: 0, pattern: /^([一二三四五六七八九十百零〇两]+)[\s\u3000]*、[\s\u3000]*/, value: parseChineseNumeral },
  { ilvl: 1, pattern: /^[（(][\s\u3000]*([一二三四五六七八九十百零〇两]+)[\s\u3000]*[）)][\s\u3000]*/, value: parseChineseNumeral },
  { ilvl: 3, pattern: /^[（(][\s\u3000]*(\d{1,3})[\s\u3000]*[）)][\s\u3000]*/, value: Number },
  { ilvl: 2, pattern: /^(\d{1,3})[\s\u3000]*[.．、](?!\d)[\s\u3000]*/, value: Number },
]

/** A line's typed heading number: its list level, the number, and the text after it. */
export function typedHeading(line: string): { ilvl: number; n: number; rest: string } | null {
  for (const t of typedNumbers) {
    const m = t.pattern.exec(line)
    if (!m) continue
    const n = t.value(m[1]!)
    const rest = line.slice(m[0].length)
    if (n && rest) return { ilvl: t.ilvl, n, rest }
  }
  return null
}

/** What {@link wordNumberedDocx} made. */
export interface NumberedDocx {
  bytes: Uint8Array
  /** Heading paragraphs numbered by a list. */
  headings: number
  /** List instances that restart their count (a `w:startOverride`). */
  restarts: number
}

/**
 * How the writer numbered the headings in Word:
 * - `multilevel`: one multi-level list (`一、` `（一）` `1.` `（1）` its levels 0 to 3), whose lower
 *   levels restart by themselves below a higher one; a new instance with a `startOverride` only
 *   where the typed numbers jump;
 * - `single-level`: one single-level list for each heading level, and, as Word writes “restart
 *   numbering at 1”, a new instance of that list with a `startOverride` every time it starts again.
 */
export type NumberingLayout = 'multilevel' | 'single-level'

/**
 * The .docx of a plain-text summary with Word's automatic numbering: the first line in the
 * `Title` style, every heading line in `heading N` with its number in a `w:numPr`, the rest as
 * plain paragraphs (empty lines too).
 */
export function wordNumberedDocx(text: string, layout: NumberingLayout = 'multilevel'): NumberedDocx {
  const lines = text.split(/\r?\n/)
  let headings = 0
  let restarts = 0
  const nums: string[] = []
  const newNum = (abstractId: number, overrides: Record<number, number> = {}) => {
    nums.push(num(nums.length + 1, abstractId, overrides))
    if (Object.keys(overrides).length) restarts++
    return nums.length
  }
  // Multi-level: one count for the list; single-level: one list (and count) a level.
  const counts: (number | undefined)[] = []
  const current: number[] = layout === 'multilevel' ? [newNum(0)] : [0, 1, 2, 3].map((level) => newNum(level))
  const body = lines.map((line, i) => {
    const trimmed = line.trim()
    if (i === 0) return para(trimmed, { style: 'Title' })
    const h = typedHeading(trimmed)
    if (!h) return para(trimmed)
    headings++
    const list = layout === 'multilevel' ? 0 : h.ilvl
    const ilvl = layout === 'multilevel' ? h.ilvl : 0
    // What Word would show next; where the typed number differs, a new instance restarts there.
    const next = (counts[h.ilvl] ?? 0) + 1
    if (h.n !== next) current[list] = newNum(list, { [ilvl]: h.n })
    counts[h.ilvl] = h.n
    // A multi-level list restarts its lower levels; separate lists go on counting until restarted.
    if (layout === 'multilevel') for (let j = h.ilvl + 1; j < 4; j++) counts[j] = undefined
    return para(h.rest, { style: `Heading${h.ilvl + 1}`, numId: current[list], ilvl })
  })
  const abstracts = layout === 'multilevel' ? abstractNum(0, summaryLevels) : summaryLevels.map((level, i) => abstractNum(i, [{ ...level, text: level.text.replace(/%\d/, '%1') }])).join('')
  const bytes = buildDocx({ styles: wordHeadingStyles, numbering: abstracts + nums.join(''), body: body.join('') })
  return { bytes, headings, restarts }
}
