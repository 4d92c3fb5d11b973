/**
 * The name (`w:name`) of the paragraph style the Word export writes the closing (结束语) in: the
 * body's look under a name of its own, which Word and WPS keep as a writer edits, so that the
 * reader knows the closing again whatever its wording (see `Styles.closing`).
 */
export const closingStyleName = '总结 结束语'

/**
 * The name (`w:name`) of the character style the Word export writes a run-in heading's title
 * (接排标题) in, at its level from 1 (`总结 三级标题（接排）`): bold where its level is, as the print
 * stylesheet sets it. The bold is the heading's look, not the writer's: the reader leaves it out
 * (see `Styles.runInHeading`), as it does a heading paragraph style's.
 */
export function runInStyleName(level: number): string {
  return `总结 ${levelNames[level - 1] ?? ''}标题（接排）`
}

/** The names of the heading levels in the styles the export writes (`总结 一级标题` …). */
export const levelNames = ['一级', '二级', '三级', '四级'] as const
