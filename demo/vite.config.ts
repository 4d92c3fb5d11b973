import { defineConfig } from 'vite'

/** The demo page, served at http://127.0.0.1:5173/ by `pnpm demo` and by the browser tests. */
export default defineConfig({
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
  build: { target: 'es2022' },
})
