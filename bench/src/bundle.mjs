import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/**
 * Library bundles as the bench measures them (and the editor's size budget, in its tests): a Vite
 * library build of an entry, ES, minified, every dependency bundled, split into the main chunk and
 * the chunks loaded later, with their sizes minified and gzip -9.
 */

/** The repository's root. */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * The editor's main chunk before Word support: the bench's editor bundle (`libraryBundle`'s Vite
 * library build of packages/editor/src/index.ts, ES, minified, every dependency bundled, then
 * gzip -9) built from commit 5d2b924, the last commit before Word support, where it was one file
 * of 469,441 bytes minified. The main chunk's growth is measured against it.
 */
export const mainChunkBefore = { commit: '5d2b924', minified: 469441, gzip: 134950 }

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
  // What a chunk holds, for its name in the tables.
  const what = (c) => {
    if (holds(c, 'packages/editor/src/files/open.ts')) return 'opening a file (packages/editor/src/files/open.ts)'
    if (holds(c, 'packages/docx/src/read/index.ts')) return 'the Word reader (@zongjie/docx/read)'
    if (holds(c, 'packages/model/src/compare.ts')) return 'comparing versions, with the diff library (@zongjie/model/compare)'
    if (holds(c, 'packages/editor/src/panels/versions.ts')) return 'the versions panel (packages/editor/src/panels/versions.ts)'
    if (holds(c, 'packages/docx/src/write/index.ts')) {
      return Object.keys(c.modules).some((id) => moduleKey(id) === 'docx') ? 'the Word writer, with the docx library (@zongjie/docx/write)' : 'the Word writer (@zongjie/docx/write)'
    }
    return null
  }
  const importers = (file) => chunks.filter((c) => c.imports.includes(file) || c.dynamicImports.includes(file))
  // A chunk no entry point of its own names: by the chunks that load it.
  const describe = (c) => {
    const named = what(c)
    if (named) return named
    const users = importers(c.fileName).map((u) => (u === entry ? 'the editor' : (what(u)?.replace(/ \(.*\)$/, '').replace(/, with the docx library$/, '') ?? u.fileName)))
    return `shared by ${users.join(' and ')}`.replace(/the Word reader and the Word writer/, 'the Word reader and writer')
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
    lazy: lazy.map((c) => ({ file: c.fileName, holds: describe(c), ...sizeOf([c.fileName]), modules: modulesOf([c]) })),
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
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
      // As an application's bundler does: the code the entry shares with the chunks it loads
      // later stays in the entry, which those chunks import (a library build would move it to
      // chunks of its own, to keep the entry's exports as written).
      rolldownOptions: { preserveEntrySignatures: 'allow-extension' },
    },
  }).finally(() => {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  })
  const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output)
  return bundleOf(outDir, outputs.filter((o) => o.type === 'chunk'))
}
