// The entry of the script build, dist/zongjie-editor.iife.js: loading the script defines
// <zongjie-editor>, and the global `Zongjie` holds the element's class and the document model's
// functions (importText, toSummary, fromSummary, toHTML, toText, validate, templates …), from the
// same copy of the model as the element, so documents made with them can be loaded into it.
import '../src/zongjie-editor/zongjie-editor.ts'

export { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.ts'
export { emptyDoc } from '../src/zongjie-editor/zongjie-editor.component.ts'
export * from '@zongjie/model'
