/**
 * The name (`w:name`) of the paragraph style the Word export writes the closing (结束语) in: the
 * body's look under a name of its own, which Word and WPS keep as a writer edits, so that the
 * reader knows the closing again whatever its wording (see `Styles.closing`).
 */
export const closingStyleName = '总结 结束语'
