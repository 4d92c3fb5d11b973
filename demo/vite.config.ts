import { defineConfig, type Plugin } from 'vite'
import { fileURLToPath } from 'node:url'
import { existsSync, readFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const editorDir = fileURLToPath(new URL('../packages/editor/', import.meta.url))
/**
 * `/zongjie-editor.iife.js` and `/zongjie-docx.iife.js`: the editor's single-file script build and
 * its Word support, as an integrator's page loads them (the first with one script tag; it loads
 * the second from beside itself when a Word file is opened or exported). Each is built on its
 * first request when it is not there yet (`pnpm build` builds them too).
 */
function scriptBuildFile(): Plugin {
  const scripts: Record<string, string> = { 'zongjie-editor.iife.js': 'iife', 'zongjie-docx.iife.js': 'docx-iife' }
  return {
    name: 'zongjie-script-build',
    configureServer(server) {
      for (const [file, mode] of Object.entries(scripts)) {
        const built = `${editorDir}dist/${file}`
        server.middlewares.use(`/${file}`, (_req, res) => {
          if (!existsSync(built)) {
            const vite = `${editorDir}node_modules/vite/bin/vite.js`
            const r = spawnSync(process.execPath, [vite, 'build', '--mode', mode, '--logLevel', 'error'], { cwd: editorDir, encoding: 'utf8' })
            if (r.status !== 0) {
              res.statusCode = 500
              res.end(`console.error(${JSON.stringify(`${file} could not be built: ` + (r.stderr || r.stdout))})`)
              return
            }
          }
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
          res.end(readFileSync(built))
        })
      }
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

/** The demo page, served at http://127.0.0.1:5173/ by `pnpm demo` and by the browser tests. */
export default defineConfig({
  plugins: [echo(), scriptBuildFile()],
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
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), form: fileURLToPath(new URL('form.html', import.meta.url)), isolation: fileURLToPath(new URL('isolation.html', import.meta.url)), bridge: fileURLToPath(new URL('bridge.html', import.meta.url)), scriptTag: fileURLToPath(new URL('script-tag.html', import.meta.url)), vue: fileURLToPath(new URL('vue.html', import.meta.url)), bridgeFrame: fileURLToPath(new URL('bridge-frame.html', import.meta.url)) } },
  },
})
