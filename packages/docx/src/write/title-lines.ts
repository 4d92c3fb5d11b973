import { textWidth, titleSize } from './layout.ts'
import { textWidthInCharacters } from './sign-off.ts'

/**
 * 标题回行: where a long title is broken into lines. GB/T 9704-2012 (7.3.2) asks that a title on
 * more than one line break "词意完整，排列对称，长短适宜", its lines set as a trapezoid or a diamond
 * (梯形或菱形), never as a rectangle or an hourglass. Word and WPS break Chinese anywhere, so the
 * export breaks a title that does not fit one line itself (`w:br`), at the place that keeps its
 * words and phrases whole and its lines nearest in length.
 */

/** Full-width characters of the title's size (2号, 22 pt) that one line of the text block holds: 20. */
export const titleLineWidth = Math.floor(textWidth / 20 / (titleSize / 2))

/** Signs a line must not start with (避头) and signs it must not end with (避尾). */
const noLineStart = /^[，。、；：？！）》」』”’〉】…—·,.;:?!)\]]/
const noLineEnd = /[（《「『“‘〈【(\[]$/

/** Brackets and quotes that open and close a phrase, which a line had better not break. */
const opening = /[（《「『“‘〈【(\[]/g
const closing = /[）》」』”’〉】)\]]/g

/**
 * The words of a title's period (`2024年`, `上半年`, `年度`, `第三季度`): a line may end after one.
 * `关于` opens and closes a phrase of its own (`……办公室关于 | 2024年……的总结`).
 */
const periodWord = /^(?:\d+年|年|年度|度|上半年|下半年|全年|第?[一二三四1-4]季度|前三季度|\d+月|月份?)$/

/**
 * What breaking after each place costs (see {@link titleBreaks}): nothing at a phrase's edge (before
 * a year, before or after `关于`, after a period word), a little after an organisation's name
 * (`……组织部`), more between two other words, most inside brackets or quotes; inside a word, or
 * where a sign may not start or end a line, it is no place at all. Keyed by the offset in the
 * title where the next line would start.
 */
function breakCosts(title: string): Map<number, number> {
  const words = wordsOf(title)
  const costs = new Map<number, number>()
  let at = 0
  // How deep in brackets or quotes (`（国有资产管理办公室）`, `“强基础、转作风”`) the place is.
  let depth = 0
  for (let i = 0; i < words.length - 1; i++) {
    const word = words[i]!
    const next = words[i + 1]!
    at += word.length
    depth = Math.max(0, depth + (word.match(opening)?.length ?? 0) - (word.match(closing)?.length ?? 0))
    if (noLineStart.test(next) || noLineEnd.test(word) || /\d$/.test(word) || !word.trim() || !next.trim()) continue
    // A period is one phrase (`2024年上半年`, `2025年度`).
    if (periodWord.test(word) && periodWord.test(next)) continue
    const yearAfter = /^\d/.test(next) && !/\d$/.test(word)
    const phrase = yearAfter || word === '关于' || next === '关于' || periodWord.test(word)
    const organisation = /[局部委会室院厅处办府司所站队组馆校中心]$/.test(word)
    costs.set(at, depth > 0 ? 30 : phrase ? 0 : organisation ? 2 : 12)
  }
  return costs
}

/** The words of a text, as `Intl.Segmenter` finds them; where it is missing, each character (digits and Latin kept together). */
function wordsOf(text: string): string[] {
  if (typeof Intl.Segmenter === 'function') return [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => s.segment)
  return text.match(/[\dA-Za-z]+|[^]/g) ?? []
}

/**
 * Where a title of `text` breaks (offsets in `text` where a new line starts, ascending), for lines of
 * at most `lineWidth` characters (as the sign-off's `textWidthInCharacters` counts them): none when it fits one line. Of the ways to break it
 * into as few lines as fit, with no word cut and no sign where it may not be, the one whose lines are
 * nearest the same length and whose breaks cost least (see {@link breakCosts}), as a trapezoid or a
 * diamond: two lines of the same length (a rectangle) and a middle line shorter than both beside it
 * (an hourglass) count against a way, and of two ways as good, the one whose first line is the
 * shorter (正梯形). None when no way fits (Word then breaks the title where it must).
 */
export function titleBreaks(text: string, lineWidth = titleLineWidth): number[] {
  const total = textWidthInCharacters(text)
  if (total <= lineWidth) return []
  const costs = breakCosts(text)
  const places = [...costs.keys()]
  for (let lines = Math.ceil(total / lineWidth); lines <= Math.ceil(total / lineWidth) + 1; lines++) {
    const mean = total / lines
    const best = { breaks: null as number[] | null, score: Infinity }
    const search = (start: number, breaks: number[], widths: number[], cost: number) => {
      if (breaks.length === lines - 1) {
        const last = textWidthInCharacters(text.slice(start))
        if (last > lineWidth) return
        const all = [...widths, last]
        let score = cost + all.reduce((s, w) => s + (w - mean) ** 2, 0)
        if (lines === 2 && Math.abs(all[0]! - all[1]!) < 1) score += 1
        for (let i = 1; i < all.length - 1; i++) if (all[i]! < all[i - 1]! && all[i]! < all[i + 1]!) score += 10
        if (all[0]! > all[all.length - 1]!) score += 0.01
        if (score < best.score) Object.assign(best, { breaks: [...breaks], score })
        return
      }
      for (const place of places) {
        if (place <= start) continue
        const width = textWidthInCharacters(text.slice(start, place))
        if (width > lineWidth) break
        search(place, [...breaks, place], [...widths, width], cost + costs.get(place)!)
      }
    }
    search(0, [], [], 0)
    if (best.breaks) return best.breaks
  }
  return []
}
