import { describe, it, expect } from 'vitest'
import { chineseNumeral, parseChineseNumeral, formatSectionNumber, formatOrdinal } from '../src/index.ts'

describe('Chinese numerals', () => {
  it('writes numbers past ten the way summaries do', () => {
    const cases: [number, string][] = [
      [1, '一'], [9, '九'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [99, '九十九'], [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'],
      [999, '九百九十九'], [1000, '一千'], [1001, '一千零一'], [1010, '一千零一十'], [10000, '一万'],
      [10001, '一万零一'], [12345, '一万二千三百四十五'], [100000, '十万'],
    ]
    for (const [n, text] of cases) {
      expect(chineseNumeral(n)).toBe(text)
      expect(parseChineseNumeral(text)).toBe(n)
    }
  })
  it('reads back every numeral it writes up to 2000', () => {
    for (let n = 1; n <= 2000; n++) expect(parseChineseNumeral(chineseNumeral(n))).toBe(n)
  })
  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('一十一')).toBeNull()
    expect(parseChineseNumeral('统一')).toBeNull()
    expect(() => chineseNumeral(0)).toThrow(RangeError)
  })
  it('formats the four heading levels and ordinals', () => {
    expect(formatSectionNumber('chinese', 11)).toBe('十一、')
    expect(formatSectionNumber('chineseParen', 2)).toBe('（二）')
    expect(formatSectionNumber('arabic', 3)).toBe('3.')
    expect(formatSectionNumber('arabicParen', 12)).toBe('（12）')
    expect(formatOrdinal(12)).toBe('十二是')
  })
})
