import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { minifyLitCss } from '../../packages/editor/build/minify-css.mjs'
import { minifyLitHtml } from '../../packages/editor/build/minify-html.mjs'

/**
 * Library bundles as the bench measures them (and the editor's size budget, in its tests): a Vite
 * library build of an entry, ES, minified whole (whitespace too), every dependency bundled, split
 * into the main chunk and the chunks loaded later, with their sizes minified and gzip -9.
 */

/** The repository's root. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The editor's main chunk before Word support: the bench's editor bundle (`libraryBundle`'s Vite
 * library build of packages/editor/src/index.ts, ES, minified whole, every dependency bundled,
 * the styles of its css`…` templates and the markup of its html`…` templates minified as the build
 * minifies them now, then gzip -9) built
 * from commit 5d2b924, the last commit before Word support, where it was one file. Measured again
 * whenever the bench's way of building changes (on 6 December 2026, when the whitespace Vite's
 * library build leaves in an ES build came out too; on 7 December 2026, when the line breaks and
 * indentation of html`…` templates did), with the dependencies of the day, from a worktree of
 * that commit. The main chunk's growth is measured against it.
 */
export const mainChunkBefore = { commit: '5d2b924', minified: 376090, gzip: 122123 }

/**
 * The parts of the editor that load on use, by a module each holds: the name the bundle tables
 * give a chunk holding it, and when the editor loads it.
 */
const parts = [
  { module: 'packages/editor/src/plugins/paste-read.ts', name: 'reading a paste', when: 'the writer first focuses the editor, or pastes' },
  { module: 'packages/model/src/html-read.ts', name: 'the HTML reader', when: 'the writer first focuses the editor, or pastes; a file is opened' },
  { module: 'packages/model/src/import/index.ts', name: 'the text importer', when: 'the writer first focuses the editor, or pastes; a file is opened; a template is started' },
  { module: 'packages/model/src/templates/index.ts', name: 'the templates', when: 'a template is started, or the document names one' },
  { module: 'packages/editor/src/panels/metrics.ts', name: 'the metrics table', when: 'the metrics table is shown' },
  { module: 'packages/editor/src/locales/en.ts', name: 'the English strings', when: 'the element is in English' },
  { module: 'packages/editor/src/plugins/fill-mode.ts', name: 'fill mode', when: 'fill mode is on (`mode="fill"`)' },
  { module: 'packages/editor/src/panels/overview.ts', name: 'the outline, findings and status line', when: 'after the first frame, when one of them is on' },
  { module: 'packages/editor/src/files/open.ts', name: 'opening a file', when: 'a file is opened or dropped' },
  { module: 'packages/docx/src/read/index.ts', name: 'the Word reader', when: 'a Word file is opened' },
  { module: 'packages/docx/src/write/index.ts', name: 'the Word writer', when: 'the summary is exported to Word' },
  { module: 'packages/model/src/compare.ts', name: 'comparing versions, with the diff library', when: 'two versions are compared' },
  { module: 'packages/editor/src/panels/versions.ts', name: 'the versions panel', when: 'the versions panel is shown' },
  { module: 'packages/editor/src/panels/comments.ts', name: 'the comments panel', when: 'the comments panel is shown, or a comment added' },
  { module: 'packages/editor/src/panels/suggestions.ts', name: 'the suggestions panel', when: 'the suggestions panel is shown' },
  { module: 'packages/editor/src/plugins/suggesting.ts', name: 'suggestion mode', when: 'suggestion mode or review mode is on, or the document has suggestions' },
  { module: 'packages/editor/src/collab/session.ts', name: 'co-editing', when: 'co-editing starts (`collab`)' },
  { module: 'packages/editor/src/drafts/drafts.ts', name: 'drafts', when: '`draft-key` is set' },
]

/** A module's name in the bundle tables: its package for a dependency, its path for the project's own. */
function moduleKey(id) {
  return id.includes('node_modules') ? id.replace(/.*node_modules\//, '').split('/').slice(0, id.includes('/@') ? 2 : 1).join('/') : relative(root, id)
}

/**
 * A library build's chunks, split into the main chunk — the entry and the chunks it imports
 * statically, all of which the browser loads before the element runs — and the chunks loaded
 * later (dynamic `import()`), each named by what it holds. Sizes: minified bytes and gzip -9; the
 * main chunk's gzip is of its files one after the other, as one file (as the whole build was
 * measured before it was split).
 */
function bundleOf(dir, chunks) {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]))
  const entry = chunks.find((c) => c.isEntry)
  const mainFiles = []
  const visit = (file) => {
    if (mainFiles.includes(file)) return
    mainFiles.push(file)
    for (const f of byFile.get(file).imports) visit(f)
  }
  visit(entry.fileName)
  const ids = (c) => Object.keys(c.modules).map((id) => relative(root, id))
  const holds = (c, path) => ids(c).includes(path)
  // What a chunk holds, for its name in the tables, and when the editor loads it.
  const named = (c) => parts.find((p) => holds(c, p.module)) ?? null
  const what = (c) => {
    const part = named(c)
    if (!part) return null
    return part.module === 'packages/docx/src/write/index.ts' && Object.keys(c.modules).some((id) => moduleKey(id) === 'docx') ? `${part.name}, with the docx library` : part.name
  }
  const importers = (file) => chunks.filter((c) => c.imports.includes(file) || c.dynamicImports.includes(file))
  // A chunk no part of its own names: by the chunks that load it.
  const users = (c) => importers(c.fileName).map((u) => (u === entry ? null : u))
  const describe = (c) => {
    const name = what(c)
    if (name) return name
    const names = users(c).map((u) => (u ? (named(u)?.name ?? u.fileName) : 'the editor'))
    return `shared by ${[...new Set(names)].join(' and ')}`
  }
  const whenOf = (c, seen = new Set()) => {
    const part = named(c)
    if (part) return part.when
    if (seen.has(c)) return ''
    seen.add(c)
    const whens = users(c).map((u) => (u ? whenOf(u, seen) : '')).filter(Boolean)
    return whens.length ? [...new Set(whens)].join('; or ') : 'with the part that needs it'
  }
  const sizeOf = (files) => {
    const code = Buffer.concat(files.map((f) => readFileSync(join(dir, f))))
    return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length }
  }
  const modulesOf = (list) => {
    const modules = {}
    for (const c of list) {
      for (const [id, m] of Object.entries(c.modules)) {
        const key = moduleKey(id)
        modules[key] = (modules[key] ?? 0) + m.renderedLength
      }
    }
    return Object.fromEntries(Object.entries(modules).sort((a, b) => b[1] - a[1]))
  }
  const main = mainFiles.map((f) => byFile.get(f))
  const lazy = chunks.filter((c) => !mainFiles.includes(c.fileName))
  return {
    files: chunks.map((c) => c.fileName),
    // The main chunk: what is loaded to open the editor and type.
    ...sizeOf(mainFiles),
    mainFiles: main.map((c) => ({ file: c.fileName, holds: c === entry ? 'the entry' : describe(c), ...sizeOf([c.fileName]), modules: Object.keys(modulesOf([c])).length })),
    lazy: lazy.map((c) => ({ file: c.fileName, holds: describe(c), when: whenOf(c), ...sizeOf([c.fileName]), modules: modulesOf([c]) })),
    all: sizeOf(chunks.map((c) => c.fileName)),
    modules: modulesOf(main),
  }
}

/**
 * Builds `entry` into `outDir` (emptied first) as an application's bundler would and measures it
 * (see {@link bundleOf}); `name` names the output file.
 */
export async function libraryBundle(name, entry, outDir) {
  const { build } = await import('vite')
  // A production build, whoever runs it: Vite picks the packages' `development` or `production`
  // builds (Lit's) by NODE_ENV, which a test runner sets to `test`.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  const out = await build({
    mode: 'production',
    configFile: false,
    logLevel: 'warn',
    envDir: false,
    root: resolve(dirname(fileURLToPath(import.meta.url)), '..'),
    // The editor's styles minified as its own builds minify them (its dist is what a bundler gets).
    plugins: [minifyLitCss(), minifyLitHtml()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
      // As an application's bundler does: the code the entry shares with the chunks it loads
      // later stays in the entry, which those chunks import (a library build would move it to
      // chunks of its own, to keep the entry's exports as written); and the whole output is
      // minified, its whitespace and comments too (an ES library build keeps them, with the
      // annotations that let the application's bundler shake the tree; what the browser gets has
      // been through that bundler).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: true, comments: false } },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  })
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)
  return bundleOf(outDir, outputs.filter((o) => o.type === 'chunk'))
}
