/**
 * The wording by which the parts of a summary are read from what they say: the problems section
 * (存在的问题) and the plans section (下步打算) from their titles, the closing (结尾) from its first
 * words, the sign-off (落款) from its date. The importer reads pasted and opened text by them; the
 * editor reads what the writer types so (see the commands' `settleSectionRolesIn` and
 * `settleClosingIn`).
 */

/** A heading of the problems section: `存在的问题`, `存在的主要问题及原因`, `工作中存在的不足`. */
export const problemsHeading = /存在.{0,4}(问题|不足|差距|短板)|问题(和|与|及)(不足|原因|差距)|^(主要)?(问题|不足)$|不足之处|短板和?不足/

/** A heading of the plans section: `下半年工作计划`, `下一步打算`, `下半年的工作计划`, `2021年工作思路`. */
export const plansHeading = /(计划|打算|安排|思路|设想|目标任务)$|下一步|下半年|今后|明年|来年/

/**
 * A plans heading as a writer types one, which says both when and what (`下半年工作计划`,
 * `下一步工作打算`, `2025年工作思路`): stricter than {@link plansHeading}, since the last work
 * section being typed (`认真落实年度计划`, `今后三年重点`) must not become the plans section.
 */
export const typedPlansHeading = /(下一?步|下半年|今后|明年|来年|新的一年|\d{4}年).*(计划|打算|安排|思路|设想|目标任务)$/

/** The first sentence of a closing: `通过半年的努力……`, `总之，……`, `综上所述，……`, `回顾……`, `让我们……`. */
export const closingOpening = /^(通过(半年|一年|全年|上半年|这一年)|总之|综上所述|总的来[看说]|总体来[看说]|总而言之|回顾|展望|站在新的起点|在新的一年|新的一年里|让我们|我们(坚信|相信|将继续|一定))/

/**
 * Where the closing (结尾) begins in the blocks that end a summary, as the importer reads it and a
 * paste ending the summary is read: among the trailing plain paragraphs, the first that opens like
 * a closing ({@link closingOpening}); failing that, a last paragraph that ends with `！`
 * (`奋力谱写新篇章！`). `blocks` are the texts in order, `null` for a block that is not a plain
 * paragraph (a heading, a work item). `blocks.length` where no closing is found.
 */
export function closingStart(blocks: readonly (string | null)[]): number {
  let start = blocks.length
  while (start > 0 && blocks[start - 1] !== null) start--
  for (let i = start; i < blocks.length; i++) if (closingOpening.test(blocks[i]!)) return i
  const last = blocks[blocks.length - 1]
  return start < blocks.length && last != null && /[！!]$/.test(last) ? blocks.length - 1 : blocks.length
}

/**
 * The first words of a closing paragraph as a writer types one at the end of the plans (`总之，`,
 * `综上所述，`): stricter than the importer's, since a paragraph typed last in the plans
 * (`我们将继续……`, `展望下半年……`, `总体来看，……` as a transition) must stay there.
 */
export const typedClosingOpening = /^(总之|总而言之|综上所述)/

/**
 * A sign-off date (成文日期), year, month and day, all in one kind of numerals: Arabic
 * (`2020年7月10日`), full-width (`２０２０年７月１０日`) or Chinese, with zero written `〇`, `○` or `零`
 * (`二〇二〇年七月十日`, `二○二○年七月十日`). The month is 1–12 and the day 1–31 (`2020年13月45日` is
 * none). A year and month with no day (`2020年7月`) is not one: a 成文日期 gives the day (GB/T 9704),
 * so such a last line stays a paragraph. The date is kept as written, numerals and spaces included.
 */
export const signOffDate =
  /^(?:\d{4}年(?:0?[1-9]|1[0-2])月(?:0?[1-9]|[12]\d|3[01])日|[０-９]{4}年(?:０?[１-９]|１[０-２])月(?:０?[１-９]|[１２][０-９]|３[０１])日|[〇○零一二三四五六七八九]{4}年(?:十[一二]?|[一二三四五六七八九])月(?:[一二三四五六七八九]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十一?)日)$/

/**
 * The line of a sign-off's organisation, the one above its date (`某某县民政局`): short, and no
 * sentence (no clause or sentence mark).
 */
export const signOffOrganization = (line: string): boolean => line.length <= 40 && !/[。，；：！？,;:!?]/.test(line)
