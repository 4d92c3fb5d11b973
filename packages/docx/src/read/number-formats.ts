/**
 * Word's number formats (`w:numFmt`), as Word displays a list number in each. The Chinese ones
 * follow Word's output as Open XML PowerTools reproduces it (`ListItemTextGetter_zh_CN`):
 * `chineseCounting` writes 一 … 十, 十一 … 九十九, then digit by digit with ○ (101 → 一○一);
 * `chineseCountingThousand` counts with units and 〇 for a gap (101 → 一百〇一, 1010 → 一千〇一十).
 */

const chineseDigits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** Digits as `chineseCounting` and `ideographDigital` write them past 99, zero as ○ (U+25CB). */
const circleDigits = ['○', '一', '二', '三', '四', '五', '六', '七', '八', '九']
const legalSimplified = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖']
const legalTraditional = ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖']
const heavenlyStems = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸']
const earthlyBranches = ['子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥']
const enclosedCircle = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const enclosedFullstop = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛'
const enclosedParen = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇'
const ideographCircle = '㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩'

/** Digit by digit: 101 → 一○一. */
function digitByDigit(n: number, digits: readonly string[]): string {
  return String(n)
    .split('')
    .map((d) => digits[Number(d)])
    .join('')
}

/** 1 to 99 counted with 十: 10 → 十, 11 → 十一, 20 → 二十, 21 → 二十一. */
function belowHundred(n: number): string {
  const tens = Math.floor(n / 10)
  const ones = n % 10
  if (tens === 0) return chineseDigits[ones]!
  return (tens === 1 ? '' : chineseDigits[tens]!) + '十' + chineseDigits[ones]!
}

/**
 * Counting with units below 10,000, the gap marked with `zero`: 101 → 一百〇一, 110 → 一百一十,
 * 1001 → 一千〇一, 1010 → 一千〇一十. Below 20 the leading 一 of 十 is left out (十一).
 */
function countingThousand(n: number, zero: string): string {
  if (n < 100) return belowHundred(n)
  const units = ['千', '百', '十', '']
  const digits = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  let out = ''
  let gap = false
  for (let i = 0; i < 4; i++) {
    const d = digits[i]!
    if (d === 0) {
      if (out) gap = true
      continue
    }
    if (gap) out += zero
    gap = false
    out += chineseDigits[d]! + units[i]!
  }
  return out
}

/** Japanese counting: no 一 before 十, 百, 千 (百一 for 101), no zero. */
function japaneseCounting(n: number): string {
  const units = ['千', '百', '十', '']
  const digits = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  let out = ''
  digits.forEach((d, i) => {
    if (d === 0) return
    out += (d === 1 && i < 3 ? '' : chineseDigits[d]!) + units[i]!
  })
  return out
}

/** Financial (legal) numerals with units: 11 → 壹拾壹, 101 → 壹佰零壹. */
function legalCounting(n: number, digits: readonly string[], units: readonly string[]): string {
  const ds = [Math.floor(n / 1000) % 10, Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10]
  let out = ''
  let gap = false
  for (let i = 0; i < 4; i++) {
    const d = ds[i]!
    if (d === 0) {
      if (out) gap = true
      continue
    }
    if (gap) out += digits[0]
    gap = false
    out += digits[d]! + units[i]!
  }
  return out
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → AA, 28 → BB.
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26))
  return letter.repeat(Math.floor((n - 1) / 26) + 1)
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]
  let out = ''
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol
      n -= value
    }
  }
  return out
}

function fullWidth(n: number): string {
  return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
}

function enclosed(n: number, set: string): string {
  return n >= 1 && n <= set.length ? set[n - 1]! : String(n)
}

/**
 * A list number as Word displays it in a number format (`w:numFmt`): `decimal` 1,
 * `decimalZero` 01, `decimalFullWidth` １, `decimalEnclosedCircle` ① (to 20, then 21),
 * `upperLetter` A … Z, AA, `upperRoman` I, `chineseCounting` 一 … 十一 … 一○一,
 * `chineseCountingThousand` 一百〇一, `taiwaneseCountingThousand` 一百零一, `japaneseCounting`
 * 百一, `ideographDigital` 一○一, `ideographTraditional` 甲 … 癸, `ideographZodiac` 子 … 亥,
 * `chineseLegalSimplified` 壹贰叁, `ideographLegalTraditional` 壹貳參, `none` nothing. Formats
 * past their range (甲乙丙 past 10) and formats not listed give decimal. `bullet` gives `''`:
 * the caller drops bullet labels.
 */
export function formatNumber(n: number, numFmt: string): string {
  if (numFmt === 'none' || numFmt === 'bullet') return ''
  if (!Number.isInteger(n) || n < 0) return String(n)
  // Word shows a count of 0 (a list that starts at 0) as 0, or ○ in the Chinese counting formats.
  if (n === 0) return /^(chinese|taiwanese|ideograph|japanese)/.test(numFmt) ? '○' : numFmt.startsWith('decimalFullWidth') ? '０' : '0'
  switch (numFmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n)
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n)
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return fullWidth(n)
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, enclosedCircle)
    case 'decimalEnclosedFullstop':
      return enclosed(n, enclosedFullstop)
    case 'decimalEnclosedParen':
      return enclosed(n, enclosedParen)
    case 'ideographEnclosedCircle':
      return enclosed(n, ideographCircle)
    case 'upperLetter':
      return letters(n, true)
    case 'lowerLetter':
      return letters(n, false)
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'chineseCounting':
    case 'taiwaneseCounting':
      if (n < 100) return belowHundred(n)
      return n < 10000 ? digitByDigit(n, circleDigits) : String(n)
    case 'chineseCountingThousand':
      return n < 10000 ? countingThousand(n, '〇') : String(n)
    case 'taiwaneseCountingThousand':
      return n < 10000 ? countingThousand(n, '零') : String(n)
    case 'japaneseCounting':
      return n < 10000 ? japaneseCounting(n) : String(n)
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return digitByDigit(n, circleDigits)
    case 'ideographTraditional':
      return n <= heavenlyStems.length ? heavenlyStems[n - 1]! : String(n)
    case 'ideographZodiac':
      return n <= earthlyBranches.length ? earthlyBranches[n - 1]! : String(n)
    case 'chineseLegalSimplified':
      return n < 10000 ? legalCounting(n, legalSimplified, ['仟', '佰', '拾', '']) : String(n)
    case 'ideographLegalTraditional':
      return n < 10000 ? legalCounting(n, legalTraditional, ['仟', '佰', '拾', '']) : String(n)
    default:
      return String(n)
  }
}
