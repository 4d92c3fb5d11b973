/**
 * The wording by which a section's role is read from its title: the problems section (存在的问题)
 * and the plans section (下步打算). The importer reads pasted and opened text by them; the editor
 * gives a section the writer titles so its role (see the commands' `settleSectionRolesIn`).
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
