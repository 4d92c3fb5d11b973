// The entry of zongjie-docx.iife.js, Word support for the one-file script build (see
// build/iife-loaders.ts): loading it sets the global `ZongjieDocx` (importDocx, toDocx and their
// errors). `@zongjie/model` is not in it: it is the global `Zongjie` of zongjie-editor.iife.js,
// which must be loaded first.
export { importDocx, readDocx } from '@zongjie/docx/read'
export { toDocx, DocxExportError } from '@zongjie/docx/write'
export { DocxError } from '@zongjie/docx'
