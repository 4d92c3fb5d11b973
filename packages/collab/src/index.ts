export { contentName, attributesName, sharedContent, sharedAttributes, isEmptyShared, fillShared, attributesOf, summaryOfShared, sharedProblem } from './shared-summary.ts'
export { SharedUndoManager } from './shared-undo.ts'
