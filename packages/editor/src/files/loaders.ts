/**
 * Word support loads on first use, never with the editor: the reader when a `.docx` is opened,
 * the writer (with the `docx` library) when one is exported. In the ES build each is a chunk of
 * its own; the one-file script build swaps this module for `build/iife-loaders.ts`, which loads
 * `zongjie-docx.iife.js` from beside the editor's script. A chunk that cannot be loaded is a
 * `PartLoadError`, which the element tells the writer in one line.
 */
import { loadPart } from '../zongjie-editor/parts.ts'

/**
 * What opens a file (`files/open.ts`: decoding text, telling formats apart), loaded the first time
 * the writer opens one: typing a summary needs none of it.
 */
export const loadFileReader = () => loadPart('files', () => import('./open.ts'))

/** What gives the writer a file to save (`files/download.ts`), loaded the first time one is exported. */
export const loadDownload = () => loadPart('files', () => import('./download.ts'))

/** The Word reader (`@zongjie/docx/read`), loaded on first use. */
export const loadDocxReader = () => loadPart('word', () => import('@zongjie/docx/read'))

/** The Word writer (`@zongjie/docx/write`), loaded on first use. */
export const loadDocxWriter = () => loadPart('word', () => import('@zongjie/docx/write'))
