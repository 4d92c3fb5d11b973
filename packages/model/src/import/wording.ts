/**
 * The wording by which the parts of a summary are recognised when no structure says so: the
 * headings of the problems and plans sections, the sentence that opens a plans part written with
 * no heading, the closing, the title and the sign-off date.
 */

export { problemsHeading, plansHeading, closingOpening, closingStart, signOffDate, signOffOrganization } from '../roles.ts'

/** The first sentence of a plans part that has no heading: `下半年，……`, `2020年下半年，……`, `下一步，……`. */
export const plansOpening = /^(\d{4}年)?(下半年|下一步|下步|明年|今后|新的一年)[，,：:]?|^\d{4}年(工作)?(计划|打算|安排)/

/** A line that is a title: it names the genre (`总结`, `报告`, `汇报`). */
export const titleLine = /(总结|报告|汇报|小结|回顾|情况)(（[^）]*）|\([^)]*\))?$/

/**
 * A sentence that announces the points after it: it ends with a colon
 * (`下一步，我们将重点抓好以下几项工作：`, `工作中还存在一些不足，主要表现在：`).
 */
export const leadIn = /[：:]$/

/** What a lead-in of the plans part promises, when it does not open like one (`我们将重点抓好以下……`). */
export const plansLeadIn = /将(重点|着力|继续|进一步|切实)?(抓好|做好|推进|实施|开展|落实)/
