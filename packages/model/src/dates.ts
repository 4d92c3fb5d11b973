/**
 * The sign-off's date (成文日期) as GB/T 9704 writes it, for the validator (loaded with the editor);
 * how a date is read from the last line of a summary is the model's `signOffDate` (roles.ts).
 */

/** A date's year, month and day, each in Arabic, full-width or Chinese numerals. */
const writtenDate = /^([\d０-９]{4}|[〇○零一二三四五六七八九]{4})年([\d０-９]{1,2}|[十一二三四五六七八九]{1,3})月([\d０-９]{1,2}|[十一二三四五六七八九]{1,3})日$/

/** The value of each Chinese numeral a date is written in (`〇` `○` `零` for zero). */
const chineseDigit: Record<string, number> = { '〇': 0, '○': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9 }

/** A month or day written in Chinese numerals (`七`, `十`, `十二`, `二十一`, `三十`) as a number. */
function chineseNumber(written: string): number {
  const [tens, ones] = written.includes('十') ? written.split('十') : ['', written]
  return (written.includes('十') ? (tens ? chineseDigit[tens]! : 1) * 10 : 0) + (ones ? chineseDigit[ones]! : 0)
}

/**
 * A sign-off date as GB/T 9704 writes a 成文日期 (7.3.5.1): Arabic numerals, the year in full, the
 * month and day with no leading zero (`2025年7月1日`), from one written another way
 * (`2025年07月01日`, `２０２５年７月１日`, `二〇二五年七月一日`). `null` when `date` is written so
 * already, or is no date; spaces are not read (the layout places the date).
 */
export function standardDate(date: string): string | null {
  const written = date.replace(/\s/g, '')
  const parts = writtenDate.exec(written)
  if (!parts) return null
  const [, year, month, day] = parts as unknown as [string, string, string, string]
  const value = (part: string, whole: boolean) =>
    /^[\d０-９]/.test(part) ? String(Number(part.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)))) : whole ? [...part].map((d) => chineseDigit[d]).join('') : String(chineseNumber(part))
  const standard = `${value(year, true)}年${value(month, false)}月${value(day, false)}日`
  return standard === written ? null : standard
}
