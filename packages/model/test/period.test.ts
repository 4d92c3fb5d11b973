import { describe, it, expect } from 'vitest'
import { proposeTitle, periodText, readPeriod, periodConflicts } from '../src/index.ts'

describe('periodText', () => {
  it('writes the year and the half as a title does', () => {
    expect(periodText(2024, 'first-half')).toBe('2024年上半年')
    expect(periodText(2024, 'second-half')).toBe('2024年下半年')
    expect(periodText(2024, 'year')).toBe('2024年')
  })

  it('writes what it knows when the year or the period is missing', () => {
    expect(periodText(2024, null)).toBe('2024年')
    expect(periodText(null, 'first-half')).toBe('上半年')
    expect(periodText(null, 'second-half')).toBe('下半年')
    expect(periodText(null, 'year')).toBe('全年')
    expect(periodText(null, null)).toBe('')
  })
})

describe('proposeTitle', () => {
  it('joins organisation, period, subject and genre', () => {
    expect(proposeTitle({ organization: '示范县民政局', year: 2024, period: 'first-half', subject: '党建' })).toBe('示范县民政局2024年上半年党建工作总结')
    expect(proposeTitle({ organization: '示范县人民医院', year: 2023, period: 'year', subject: '' })).toBe('示范县人民医院2023年工作总结')
    expect(proposeTitle({ organization: '示范街道办事处', year: 2024, period: 'second-half' })).toBe('示范街道办事处2024年下半年工作总结')
  })

  it('leaves out the elements not given', () => {
    expect(proposeTitle({})).toBe('工作总结')
    expect(proposeTitle({ subject: '党建' })).toBe('党建工作总结')
    expect(proposeTitle({ organization: '示范镇' })).toBe('示范镇工作总结')
    expect(proposeTitle({ year: 2024, period: 'first-half', subject: '党建' })).toBe('2024年上半年党建工作总结')
    expect(proposeTitle({ organization: '示范镇', period: 'first-half' })).toBe('示范镇上半年工作总结')
    expect(proposeTitle({ organization: '示范镇', year: 2024 })).toBe('示范镇2024年工作总结')
    expect(proposeTitle({ organization: '示范镇', year: null, period: null, subject: '' })).toBe('示范镇工作总结')
  })

  it('does not repeat 工作 when the subject already ends with it', () => {
    expect(proposeTitle({ organization: '示范县应急管理局', year: 2024, period: 'first-half', subject: '安全生产工作' })).toBe('示范县应急管理局2024年上半年安全生产工作总结')
    expect(proposeTitle({ subject: '工作' })).toBe('工作总结')
    // Only a final 工作 is dropped.
    expect(proposeTitle({ subject: '工作作风建设' })).toBe('工作作风建设工作总结')
  })
})

describe('readPeriod', () => {
  it('reads year and half from a title', () => {
    expect(readPeriod('2020年上半年党建工作总结')).toEqual({ year: 2020, period: 'first-half' })
    expect(readPeriod('示范县民政局2020年上半年工作总结')).toEqual({ year: 2020, period: 'first-half' })
    expect(readPeriod('2021年下半年工作总结')).toEqual({ year: 2021, period: 'second-half' })
    expect(readPeriod('2020年1-6月工作总结')).toEqual({ year: 2020, period: 'first-half' })
  })

  it('reads a whole year', () => {
    expect(readPeriod('2020年度工作总结')).toEqual({ year: 2020, period: 'year' })
    expect(readPeriod('示范县2020年度党建工作总结')).toEqual({ year: 2020, period: 'year' })
    expect(readPeriod('2020年工作总结')).toEqual({ year: 2020, period: 'year' })
    expect(readPeriod('2020年总结')).toEqual({ year: 2020, period: 'year' })
    expect(readPeriod('全年工作回顾')).toEqual({ year: null, period: 'year' })
  })

  it('reads a half without a year', () => {
    expect(readPeriod('下半年工作计划')).toEqual({ year: null, period: 'second-half' })
    expect(readPeriod('上半年工作总结')).toEqual({ year: null, period: 'first-half' })
  })

  it('reads a year without a half', () => {
    expect(readPeriod('2025年工作计划')).toEqual({ year: 2025, period: null })
  })

  it('reads nothing when the text names no period', () => {
    expect(readPeriod('工作总结')).toEqual({ year: null, period: null })
    expect(readPeriod('下一步工作打算')).toEqual({ year: null, period: null })
    expect(readPeriod('')).toEqual({ year: null, period: null })
  })
})

describe('periodConflicts', () => {
  const firstHalf = { year: 2024, period: 'first-half' as const }
  const wholeYear = { year: 2024, period: 'year' as const }

  it('finds nothing in a consistent summary', () => {
    expect(periodConflicts(firstHalf, '示范县民政局2024年上半年工作总结', '下半年工作计划')).toEqual([])
    expect(periodConflicts(firstHalf, '2024年上半年党建工作总结', '2024年下半年工作计划')).toEqual([])
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', '下一步工作打算')).toEqual([])
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', null)).toEqual([])
    expect(periodConflicts(wholeYear, '2024年度工作总结', '2025年工作打算')).toEqual([])
    expect(periodConflicts(wholeYear, '2024年工作总结', '明年工作计划')).toEqual([])
    expect(periodConflicts({ year: 2024, period: 'second-half' }, '2024年下半年工作总结', '2025年工作思路')).toEqual([])
  })

  it('finds nothing to check when the summary says nothing of its period', () => {
    expect(periodConflicts({ year: null, period: null }, '2023年下半年工作总结', '下半年工作计划')).toEqual([])
    // A title with no period cannot contradict one.
    expect(periodConflicts(firstHalf, '工作总结', null)).toEqual([])
  })

  it('flags a 上半年 summary whose title says 下半年', () => {
    const found = periodConflicts(firstHalf, '2024年下半年工作总结', '下半年工作计划')
    expect(found.map((c) => c.place)).toEqual(['title'])
    expect(found[0]!.message).toContain('2024年上半年')
  })

  it('flags a 上半年 summary whose title says another year', () => {
    const found = periodConflicts(firstHalf, '示范县民政局2023年上半年工作总结', '下半年工作计划')
    expect(found.map((c) => c.place)).toEqual(['title'])
    expect(found[0]!.message).toContain('2023年')
    expect(found[0]!.message).toContain('2024年上半年')
  })

  it('flags a title wrong in both year and half twice', () => {
    expect(periodConflicts(firstHalf, '2023年下半年工作总结', null).map((c) => c.place)).toEqual(['title', 'title'])
  })

  it('flags a 上半年 summary whose plans speak of next year', () => {
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', '明年工作计划').map((c) => c.place)).toEqual(['plans'])
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', '2025年工作计划').map((c) => c.place)).toEqual(['plans'])
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', '来年工作打算').map((c) => c.place)).toEqual(['plans'])
    expect(periodConflicts(firstHalf, '2024年上半年工作总结', '2025年工作计划')[0]!.message).toContain('2025年工作计划')
  })

  it('flags a whole-year summary whose plans speak of 下半年', () => {
    const found = periodConflicts(wholeYear, '2024年工作总结', '下半年工作计划')
    expect(found.map((c) => c.place)).toEqual(['plans'])
    expect(found[0]!.message).toContain('明年')
  })

  it('flags a 下半年 summary whose plans speak of 下半年', () => {
    expect(periodConflicts({ year: 2024, period: 'second-half' }, '2024年下半年工作总结', '下半年工作安排').map((c) => c.place)).toEqual(['plans'])
  })

  it('reports the title and the plans together', () => {
    expect(periodConflicts(firstHalf, '2024年度工作总结', '明年工作计划').map((c) => c.place)).toEqual(['title', 'plans'])
  })
})

describe('periods named with a subject, and plans years', () => {
  it('reads a year summary with a subject as a whole year', () => {
    expect(readPeriod('示范县委2024年党建工作总结')).toEqual({ year: 2024, period: 'year' })
    expect(readPeriod('示范县委2024年三季度工作总结').period).toBeNull()
  })
  it('flags a first-half summary whose title names no half', () => {
    expect(periodConflicts({ year: 2024, period: 'first-half' }, '示范县委2024年党建工作总结', null)).toHaveLength(1)
  })
  it('names the year a plans heading gives', () => {
    const [c] = periodConflicts({ year: 2024, period: 'first-half' }, '2024年上半年工作总结', '2023年工作计划')
    expect(c?.message).toContain('2023年')
  })
  it('flags whole-year plans for the same year, not for the next', () => {
    expect(periodConflicts({ year: 2024, period: 'year' }, '2024年工作总结', '2024年工作计划')).toHaveLength(1)
    expect(periodConflicts({ year: 2024, period: 'year' }, '2024年工作总结', '2025年工作计划')).toEqual([])
  })
})
