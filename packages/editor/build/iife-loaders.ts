// Word support in the one-file script build (it replaces src/files/loaders.ts there; see
// vite.config.ts). The `docx` library is too large to ride in zongjie-editor.iife.js, and a classic
// script cannot split itself into chunks, so Word support is a second script,
// zongjie-docx.iife.js, loaded on first use from beside the editor's own script. A page may also
// load it itself, after zongjie-editor.iife.js: then nothing is fetched. It uses the model of the
// global `Zongjie`, so the documents it reads load into the element.

import { wordSupportURL } from '../src/security/trusted-types.ts'
import { PartLoadError } from '../src/zongjie-editor/parts.ts'

type DocxModule = typeof import('@zongjie/docx/read') & typeof import('@zongjie/docx/write')

/** The address of this script, read while it runs: Word support is looked for beside it. */
const scriptURL = (document.currentScript as HTMLScriptElement | null)?.src || location.href

let loading: Promise<DocxModule> | null = null

function loadDocx(): Promise<DocxModule> {
  const loaded = (window as unknown as { ZongjieDocx?: DocxModule }).ZongjieDocx
  if (loaded) return Promise.resolve(loaded)
  loading ??= new Promise<DocxModule>((resolve, reject) => {
    const script = document.createElement('script')
    // Under a Content-Security-Policy that requires Trusted Types, through the editor's policy.
    script.src = wordSupportURL(scriptURL)
    script.onload = () => {
      const docx = (window as unknown as { ZongjieDocx?: DocxModule }).ZongjieDocx
      if (docx) resolve(docx)
      else reject(new Error(`${script.src} 不是 Zongjie 的 Word 支持脚本`))
    }
    script.onerror = () => {
      loading = null
      script.remove()
      // The writer is told that Word support could not load; the integrator finds where it was looked for in the cause.
      reject(new PartLoadError('word', new Error(`无法载入 Word 支持（${script.src}）：请把 zongjie-docx.iife.js 与 zongjie-editor.iife.js 放在同一目录`)))
    }
    document.head.appendChild(script)
  })
  return loading
}

/** What opens a file: in the script itself (only Word support is a script of its own). */
export const loadFileReader = () => import('../src/files/open.ts')

/** What gives the writer a file to save: in the script itself. */
export const loadDownload = () => import('../src/files/download.ts')

/** The Word reader, from zongjie-docx.iife.js. */
export const loadDocxReader = loadDocx

/** The Word writer, from zongjie-docx.iife.js. */
export const loadDocxWriter = loadDocx
