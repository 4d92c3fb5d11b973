import { dirname, isAbsolute, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type UserConfig } from 'vite'
import { minifyLitCss } from './build/minify-css.mjs'
import { minifyLitHtml } from './build/minify-html.mjs'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * The two builds of @zongjie/editor (`pnpm --filter @zongjie/editor build` runs both, see
 * build/build.mjs):
 *
 * - `vite build` (mode `production`): the ES module build for bundlers, dist/index.js from
 *   src/index.ts. Every bare import stays external: lit, prosemirror-*, and also @zongjie/model and
 *   @zongjie/commands, so that the page's bundler keeps one copy of the model's ProseMirror schema
 *   for the element and for the page's own `importText` / `fromSummary` (nodes of two copies of a
 *   schema do not mix).
 * - `vite build --mode iife`: dist/zongjie-editor.iife.js, one classic script with everything in
 *   it (Lit, ProseMirror, the model, the commands), minified and lowered to ES2019 for Chromium 78.
 *   Loading it defines <zongjie-editor> and sets the global `Zongjie` (build/iife.ts).
 * - `vite build --mode docx-iife`: dist/zongjie-docx.iife.js, Word support for the script build
 *   (`@zongjie/docx` and the `docx` library, ES2019), which the first script loads from beside
 *   itself on first use (build/iife-loaders.ts). It takes the model from the global `Zongjie`.
 *
 * Each minifies the CSS of the element's css`…` templates (build/minify-css.mjs): their comments
 * document the styles in the source and are not shipped.
 */
/** A one-file classic script for old OA pages: minified, ES2019 for Chromium 78, its exports in the global `name`. */
function scriptBuild(entry: string, name: string, fileName: string, more: Pick<UserConfig, 'plugins'> & { external?: Record<string, string> } = {}): UserConfig {
  return {
    // A browser has no `process`: what a dependency reads from it is fixed here.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [minifyLitCss(), minifyLitHtml(), ...(more.plugins ?? [])],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: ['es2019', 'chrome78'],
      minify: true,
      sourcemap: true,
      reportCompressedSize: true,
      lib: { entry: here(entry), formats: ['iife'], name, fileName: () => fileName },
      // Packages left out of the script, each the global another script sets.
      ...(more.external ? { rolldownOptions: { external: Object.keys(more.external), output: { globals: more.external } } } : {}),
    },
  }
}

export default defineConfig(({ mode }): UserConfig => {
  // The model is zongjie-editor.iife.js's: one copy of its schema on the page.
  if (mode === 'docx-iife') return scriptBuild('./build/docx-iife.ts', 'ZongjieDocx', 'zongjie-docx.iife.js', { external: { '@zongjie/model': 'Zongjie' } })
  if (mode === 'iife') {
    return scriptBuild('./build/iife.ts', 'Zongjie', 'zongjie-editor.iife.js', {
      // Word support is the second script, zongjie-docx.iife.js, loaded on first use; co-editing is not in it.
      plugins: [
        {
          name: 'zongjie-docx-script',
          enforce: 'pre',
          resolveId: (source: string, importer: string | undefined) => {
            if (!importer) return null
            const target = resolvePath(dirname(importer), source)
            if (target === here('./src/files/loaders.ts')) return here('./build/iife-loaders.ts')
            // Co-editing is left out of the script build (build/iife-collab.ts says why).
            if (target === here('./src/collab/session.ts')) return here('./build/iife-collab.ts')
            return null
          },
        },
      ],
    })
  }
  return {
    plugins: [minifyLitCss(), minifyLitHtml()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: {
        entry: { index: here('./src/index.ts') },
        formats: ['es'],
      },
      rolldownOptions: {
        // Bare specifiers (packages) stay imports; the package's own files are bundled.
        external: (id: string) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      },
    },
  }
})
