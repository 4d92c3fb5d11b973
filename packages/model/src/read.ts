/**
 * The importers alone (导入): text and HTML (Word, WPS, web pages, Zongjie's own) into a document,
 * as the package's root exports them. For a page or an editor that loads them on use, since typing
 * a summary needs none of them: `import('@zongjie/model/read')`.
 */
export { importHTML, fromHTML } from './html-read.ts'
export type { DomNodeLike, HTMLImport } from './html-read.ts'
export { importText } from './import/index.ts'
export type { ImportResult, ImportOptions, ImportWarning } from './import/index.ts'
