import { defineConfig, type Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { minifyLitCss } from '../packages/editor/build/minify-css.mjs'
import { minifyLitHtml } from '../packages/editor/build/minify-html.mjs'

const editorDir = fileURLToPath(new URL('../packages/editor/', import.meta.url))
/**
 * `/zongjie-editor.iife.js` and `/zongjie-docx.iife.js`: the editor's single-file script build and
 * its Word support, as an integrator's page loads them (the first with one script tag; it loads
 * the second from beside itself when a Word file is opened or exported). Each is built on its
 * first request when it is not there yet (`pnpm build` builds them too).
 */
function scriptBuildFile(): Plugin {
  const scripts: Record<string, string> = { 'zongjie-editor.iife.js': 'iife', 'zongjie-docx.iife.js': 'docx-iife' }
  /** The built script, built first when it is not there; an error says why it could not be. */
  const ensure = (file: string): string => {
    const built = `${editorDir}dist/${file}`
    if (!existsSync(built)) {
      const vite = `${editorDir}node_modules/vite/bin/vite.js`
      const r = spawnSync(process.execPath, [vite, 'build', '--mode', scripts[file]!, '--logLevel', 'error'], { cwd: editorDir, encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`${file} could not be built: ` + (r.stderr || r.stdout))
    }
    return built
  }
  return {
    name: 'zongjie-script-build',
    configureServer(server) {
      for (const file of Object.keys(scripts)) {
        server.middlewares.use(`/${file}`, (_req, res) => {
          let built: string
          try {
            built = ensure(file)
          } catch (error) {
            res.statusCode = 500
            res.end(`console.error(${JSON.stringify(String((error as Error).message))})`)
            return
          }
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
          res.end(readFileSync(built))
        })
      }
    },
    // The built pages that load the one-script build (script-tag.html, vue2.html) find it beside them.
    generateBundle() {
      for (const file of Object.keys(scripts)) this.emitFile({ type: 'asset', fileName: file, source: readFileSync(ensure(file)) })
    },
  }
}

/**
 * `/vendor/…`: Vue 2.7 and Element UI as an OA page of their time loads them (`vue2.html`), classic
 * scripts and a stylesheet from the page's own server. They are answered from node_modules as they
 * are, never through Vite's module graph, where `vue` is Vue 3; the build copies them to
 * dist/vendor/.
 */
function vendorFiles(): Plugin {
  const files: Record<string, string> = {
    '/vendor/vue2/vue.min.js': 'vue2/dist/vue.min.js',
    '/vendor/element-ui/index.js': 'element-ui/lib/index.js',
    '/vendor/element-ui/theme-chalk/index.css': 'element-ui/lib/theme-chalk/index.css',
    '/vendor/element-ui/theme-chalk/fonts/element-icons.woff': 'element-ui/lib/theme-chalk/fonts/element-icons.woff',
    '/vendor/element-ui/theme-chalk/fonts/element-icons.ttf': 'element-ui/lib/theme-chalk/fonts/element-icons.ttf',
  }
  const types: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', woff: 'font/woff', ttf: 'font/ttf' }
  const read = (file: string) => readFileSync(fileURLToPath(new URL(`node_modules/${file}`, import.meta.url)))
  return {
    name: 'zongjie-vendor-files',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = files[(req.url ?? '').split('?')[0]!]
        if (!file) return next()
        res.setHeader('Content-Type', types[file.slice(file.lastIndexOf('.') + 1)]!)
        res.end(read(file))
      })
    },
    generateBundle() {
      for (const [path, file] of Object.entries(files)) this.emitFile({ type: 'asset', fileName: path.slice(1), source: read(file) })
    },
  }
}

/**
 * `POST /echo` answers with what was posted, as a page: the integration examples submit their
 * forms there, so a person (or a test) sees exactly what an OA back end would receive.
 */
function echo(): Plugin {
  return {
    name: 'zongjie-echo',
    configureServer(server) {
      server.middlewares.use('/echo', (req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (c: Buffer) => chunks.push(c))
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          const fields = [...new URLSearchParams(body)].map(([k, v]) => ({ name: k, value: v }))
          const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')
          res.setHeader('Content-Type', 'text/html; charset=utf-8')
          res.end(`<!doctype html><meta charset="utf-8"><title>已提交</title><h1>服务器收到的表单</h1>${fields
            .map((f) => `<section data-field="${escape(f.name)}"><h2>${escape(f.name)}</h2><pre>${escape(f.value)}</pre></section>`)
            .join('')}<script type="application/json" id="received">${escape(JSON.stringify(fields))}</script>`)
        })
      })
    },
  }
}

/**
 * The policy of the strict page, as a government site might send it: scripts, styles and everything
 * else from this origin only, nothing inline, and Trusted Types required for every script sink
 * (`innerHTML`, `DOMParser`, a script's `src` …). The policies the page allows by name:
 * - `zongjie`: the editor's own (packages/editor/src/security/trusted-types.ts), through which it
 *   parses pasted HTML and opened files into inert documents and loads its Word support script;
 * - `lit-html`: Lit's, through which Lit makes the `<template>` of each of its templates;
 * - `ProseMirrorClipboard`: ProseMirror's, through which it reads what an editor copied (pasted
 *   back, cut and pasted elsewhere) and HTML dropped on the editor; the editor reads other pasted
 *   HTML (Word's, WPS's, a web page's) itself, before ProseMirror would.
 */
const strictCSP =
  "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types zongjie lit-html ProseMirrorClipboard"

/**
 * `/csp.html`: the editor under a strict Content-Security-Policy ({@link strictCSP}). The page and
 * its script and stylesheet are answered from disk as they are, without Vite's HTML transform,
 * which would put inline scripts in; the page loads only `/zongjie-editor.iife.js` and its own
 * `/csp-page.js`.
 */
function strictPage(): Plugin {
  const files: Record<string, string> = { '/csp.html': 'text/html', '/csp-page.js': 'text/javascript', '/csp-page.css': 'text/css' }
  return {
    name: 'zongjie-strict-csp-page',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!
        const type = files[path]
        if (!type) return next()
        res.setHeader('Content-Security-Policy', strictCSP)
        res.setHeader('Content-Type', `${type}; charset=utf-8`)
        res.setHeader('Cache-Control', 'no-store')
        res.end(readFileSync(fileURLToPath(new URL(`.${path}`, import.meta.url))))
      })
    },
  }
}

/**
 * The demo page, served at http://127.0.0.1:5173/ by `pnpm demo` and by the browser tests, with the
 * editor's styles minified as its builds ship them (what the tests see is what integrators get).
 */
export default defineConfig({
  plugins: [minifyLitCss(), minifyLitHtml(), echo(), scriptBuildFile(), strictPage(), vendorFiles()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Transform the page's modules as the server starts, so the first page load is not the slow one.
    warmup: { clientFiles: ['./src/main.ts'] },
    // For the browser tests (ZONGJIE_E2E=1): no hot reload, so that a file saved during a run
    // cannot reload a page under a test; each new page still gets the files as they are.
    hmr: process.env.ZONGJIE_E2E === '1' ? false : undefined,
  },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
  // Word support loads on first use; its dependencies are prepared with the rest, so that opening
  // the first Word file does not make the development server reload the page.
  optimizeDeps: { include: ['@zongjie/editor > @zongjie/docx > docx', '@zongjie/editor > @zongjie/docx > fflate'] },
  build: {
    target: 'es2022',
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), form: fileURLToPath(new URL('form.html', import.meta.url)), isolation: fileURLToPath(new URL('isolation.html', import.meta.url)), bridge: fileURLToPath(new URL('bridge.html', import.meta.url)), scriptTag: fileURLToPath(new URL('script-tag.html', import.meta.url)), vue: fileURLToPath(new URL('vue.html', import.meta.url)), react: fileURLToPath(new URL('react.html', import.meta.url)), vue2: fileURLToPath(new URL('vue2.html', import.meta.url)), bridgeFrame: fileURLToPath(new URL('bridge-frame.html', import.meta.url)), collab: fileURLToPath(new URL('collab.html', import.meta.url)) } },
  },
})
