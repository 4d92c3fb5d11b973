import type { Period } from './schema.ts'

/** A reporting period as written in a title: `2024年上半年`, `2024年下半年`, `2024年`. */
export function periodText(year: number | null, period: Period | null): string {
  const y = year === null ? '' : `${year}年`
  return y + (period === 'first-half' ? '上半年' : period === 'second-half' ? '下半年' : period === 'year' && !y ? '全年' : '')
}

/** What a summary is about, for proposing its title. */
export interface TitleParts {
  /** 单位: the organisation, `示范县民政局`. */
  organization?: string
  year?: number | null
  period?: Period | null
  /** 内容: the subject, `党建`, `安全生产`; empty for a general summary. */
  subject?: string
}

/**
 * The title the genre expects from its four elements, 单位 + 时限 + 内容 + 文种:
 * `示范县民政局2024年上半年党建工作总结`. Elements not given are left out.
 */
export function proposeTitle(parts: TitleParts): string {
  const subject = (parts.subject ?? '').replace(/工作$/, '')
  return `${parts.organization ?? ''}${periodText(parts.year ?? null, parts.period ?? null)}${subject}工作总结`
}

/** The period a text names (a title, a heading): year and half, as far as it says. */
export function readPeriod(text: string): { year: number | null; period: Period | null } {
  const y = /(\d{4})\s*年/.exec(text)
  // Years the schema admits: a `3000年` in a title is not a reporting year.
  const year = y && Number(y[1]) >= 1949 && Number(y[1]) <= 2999 ? Number(y[1]) : null
  const period: Period | null = /上半年|1-6月|一至六月|前半年/.test(text)
    ? 'first-half'
    : /下半年|7-12月|七至十二月/.test(text)
      ? 'second-half'
      : /全年|年度|年终/.test(text) || (year !== null && /总结|报告|汇报/.test(text) && !/季度|\d{1,2}月|[一二三四五六七八九十]+月/.test(text))
        ? 'year'
        : null
  return { year, period }
}

/** A contradiction between the period a summary covers and what a title or plans heading says. */
export interface PeriodConflict {
  /** Which text contradicts: the title or the plans heading. */
  place: 'title' | 'plans'
  message: string
}

/**
 * Checks the title and the plans heading against the period the summary covers: a 上半年 summary
 * whose title says 下半年 or another year, or whose plans speak of 明年 (they come in the second
 * half); a whole-year summary whose plans speak of 下半年 (they come next year).
 */
export function periodConflicts(covers: { year: number | null; period: Period | null }, title: string, plansHeading: string | null): PeriodConflict[] {
  const out: PeriodConflict[] = []
  const said = readPeriod(title)
  const expected = periodText(covers.year, covers.period)
  if (covers.year !== null && said.year !== null && said.year !== covers.year) {
    out.push({ place: 'title', message: `标题写的是${said.year}年，总结的是${covers.year}年：请统一为“${expected}”` })
  }
  if (covers.period !== null && said.period !== null && said.period !== covers.period) {
    out.push({ place: 'title', message: `标题写的时限与总结的时限（${expected || periodText(null, covers.period)}）不符` })
  }
  if (plansHeading && covers.period) {
    const y = /(\d{4})年/.exec(plansHeading)
    const plansYear = y ? Number(y[1]) : null
    if (covers.period === 'first-half') {
      if (/明年|来年|下一年/.test(plansHeading)) out.push({ place: 'plans', message: `上半年总结的工作计划应写下半年，「${plansHeading}」写的是明年` })
      else if (plansYear !== null && covers.year !== null && plansYear !== covers.year) {
        out.push({ place: 'plans', message: `上半年总结的工作计划应写${covers.year}年下半年，「${plansHeading}」写的是${plansYear}年` })
      }
    } else {
      const which = covers.period === 'year' ? '全年' : '下半年'
      if (/下半年/.test(plansHeading) && !(plansYear !== null && covers.year !== null && plansYear > covers.year)) {
        out.push({ place: 'plans', message: `${which}总结的工作计划应写明年，「${plansHeading}」写的是下半年` })
      } else if (plansYear !== null && covers.year !== null && plansYear <= covers.year) {
        out.push({ place: 'plans', message: `${which}总结的工作计划应写${covers.year + 1}年，「${plansHeading}」写的是${plansYear}年` })
      }
    }
  }
  return out
}
