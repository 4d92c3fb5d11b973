#!/usr/bin/env node
// The packages as an integrator gets them: `node scripts/packed.mjs [workdir]` builds every package
// (`pnpm build`), packs each with `pnpm pack` (which writes the published package.json: exports
// into dist/, workspace versions made real), installs the tarballs with plain npm into a new
// project outside the workspace, and uses them there four ways:
//   1. the model (and the commands, and Word export) imported from Node as ES modules;
//   2. `npx zongjie import`, `validate` and `--to docx`, the command line's built bin;
//   3. a Vite application that imports `@zongjie/editor` and builds;
//   4. `tsc --strict` on a file that uses the element through `HTMLElementTagNameMap` and its typed
//      `input` / `change` events, under `bundler` and `nodenext` resolution; and a file with type
//      errors in those uses, which must be refused (so the types are real, not `any`).
// Prints one line a use and writes `{ passed, failed, checks }` to <workdir>/packed.json; exits 1
// when any use failed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const work = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'zongjie-packed-'))
const tarballs = join(work, 'tarballs')
// Outside the workspace: nothing of it can be found by walking up from the project.
const app = mkdtempSync(join(tmpdir(), 'zongjie-oa-app-'))
mkdirSync(tarballs, { recursive: true })

const checks = []
/** Runs a command; returns its status and output (stdout and stderr together when `merge`). */
function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, ...options.env } })
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error ? String(r.error) : '') }
}
/** Runs a step that must succeed before any use can be tried; stops with its output otherwise. */
function must(label, cmd, args, options) {
  console.log(`packed: ${label}`)
  const r = sh(cmd, args, options)
  if (r.status !== 0) {
    console.error(`packed: ${label} failed (status ${r.status})\n${r.stdout}\n${r.stderr}`)
    finish([{ name: label, ok: false, detail: r.stderr.slice(-2000) }])
  }
  return r
}
/** One use: `fn` returns null when it worked, or what went wrong. */
function use(name, fn) {
  let problem
  try {
    problem = fn()
  } catch (error) {
    problem = String(error?.stack ?? error)
  }
  checks.push({ name, ok: !problem, detail: problem ?? '' })
  console.log(`${problem ? '✗' : '✓'} ${name}${problem ? `\n    ${problem.split('\n').join('\n    ')}` : ''}`)
}
function finish(extra = []) {
  const all = [...checks, ...extra]
  const passed = all.filter((c) => c.ok).length
  const failed = all.length - passed
  writeFileSync(join(work, 'packed.json'), JSON.stringify({ passed, failed, checks: all }, null, 2))
  console.log(`packed: ${passed} of ${all.length} uses work from the tarballs${failed ? ` (the project is left in ${app})` : ''}`)
  // The project is kept to look into when a use failed.
  if (!failed) rmSync(app, { recursive: true, force: true })
  process.exit(failed ? 1 : 0)
}

// Build and pack. pnpm pack applies each package's publishConfig and turns `workspace:*` into the version.
must('building every package (pnpm build)', 'pnpm', ['--silent', 'build'], { cwd: root })
const packageDirs = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')))
const packed = {}
for (const dir of packageDirs) {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'))
  if (manifest.private) continue
  must(`packing ${manifest.name}`, 'pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', dir) })
  const file = readdirSync(tarballs).find((f) => f === `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`)
  if (!file) finish([{ name: `packing ${manifest.name}`, ok: false, detail: 'no tarball written' }])
  packed[manifest.name] = `file:${join(tarballs, file)}`
}

// The integrator's project: the tarballs (each also the version every other one depends on, since
// none is on the registry), Vite and TypeScript as the workspace uses them, installed by plain npm.
const version = (pkg, from) => JSON.parse(readFileSync(join(root, from, 'node_modules', pkg, 'package.json'), 'utf8')).version
writeFileSync(
  join(app, 'package.json'),
  JSON.stringify(
    {
      name: 'oa-app',
      private: true,
      type: 'module',
      dependencies: packed,
      devDependencies: { vite: version('vite', 'packages/editor'), typescript: version('typescript', '.') },
      overrides: packed,
    },
    null,
    2,
  ),
)
must('npm install of the tarballs in a new project', 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app })

// 1. The model from Node, as ES modules.
writeFileSync(
  join(app, 'model.mjs'),
  `import { importText, toSummary, toText, validate } from '@zongjie/model'
import { demoteSection } from '@zongjie/commands'
import { toDocx } from '@zongjie/docx/write'
const { doc } = importText('示范局2024年工作总结\\n一、主要工作\\n培训干部X名。\\n二、存在的问题\\n一是人手不足。\\n三、下步打算\\n一是加强培训。')
const summary = toSummary(doc)
const docx = await toDocx(doc)
console.log(JSON.stringify({ title: summary.title, sections: summary.sections.length, unfilled: validate(doc).filter((f) => f.severity === 'error').length, text: toText(doc).includes('\\n一、主要工作\\n'), command: typeof demoteSection, docx: docx.length > 1000 && docx[0] === 0x50 }))
`,
)
use('the model, the commands and Word export imported from Node (ESM)', () => {
  const r = sh(process.execPath, ['model.mjs'], { cwd: app })
  if (r.status !== 0) return r.stderr
  const out = JSON.parse(r.stdout)
  const want = { title: '示范局2024年工作总结', sections: 3, unfilled: 1, text: true, command: 'function', docx: true }
  return JSON.stringify(out) === JSON.stringify(want) ? null : `got ${r.stdout.trim()}, want ${JSON.stringify(want)}`
})

// 2. The bin.
writeFileSync(join(app, 'draft.txt'), '示范局2024年工作总结\n一、主要工作\n培训干部30名。\n二、存在的问题\n一是人手不足。\n三、下步打算\n一是加强培训。\n')
writeFileSync(join(app, 'unfilled.txt'), '示范局2024年工作总结\n一、主要工作\n培训干部X名。\n')
use('npx zongjie import, validate and --to docx', () => {
  const json = sh('npx', ['--no-install', 'zongjie', 'import', 'draft.txt'], { cwd: app })
  if (json.status !== 0) return `npx zongjie import draft.txt: status ${json.status}\n${json.stderr}`
  const summary = JSON.parse(json.stdout)
  if (summary.title !== '示范局2024年工作总结' || summary.sections.length !== 3) return `unexpected Summary JSON: ${json.stdout.slice(0, 300)}`
  const invalid = sh('npx', ['--no-install', 'zongjie', 'validate', 'unfilled.txt'], { cwd: app })
  if (invalid.status !== 1 || !/metric-unfilled/.test(invalid.stdout)) return `zongjie validate unfilled.txt: status ${invalid.status}, ${invalid.stdout}${invalid.stderr}`
  const docx = sh('npx', ['--no-install', 'zongjie', 'import', 'draft.txt', '--to', 'docx', '-o', 'draft.docx'], { cwd: app })
  if (docx.status !== 0) return `--to docx: status ${docx.status}\n${docx.stderr}`
  const back = sh('npx', ['--no-install', 'zongjie', 'import', 'draft.docx'], { cwd: app })
  if (back.status !== 0 || back.stdout !== json.stdout) return `the .docx does not read back as the same Summary JSON (status ${back.status})\n${back.stderr}`
  return null
})

// 3. A Vite application.
mkdirSync(join(app, 'src'), { recursive: true })
writeFileSync(
  join(app, 'index.html'),
  `<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>OA</title></head>\n<body><form><zongjie-editor name="summary" toolbar findings></zongjie-editor></form><script type="module" src="/src/main.js"></script></body></html>\n`,
)
writeFileSync(
  join(app, 'src', 'main.js'),
  `import '@zongjie/editor'
import { importText, toSummary } from '@zongjie/model'
const editor = document.querySelector('zongjie-editor')
editor.summary = toSummary(importText('示范局2024年工作总结\\n一、主要工作\\n培训干部X名。').doc)
editor.addEventListener('input', (event) => console.log(event.detail.summary.title))
`,
)
use('a Vite application that imports @zongjie/editor builds', () => {
  const r = sh('npx', ['--no-install', 'vite', 'build', '--logLevel', 'warn'], { cwd: app })
  if (r.status !== 0) return `vite build: status ${r.status}\n${r.stdout}\n${r.stderr}`
  const assets = join(app, 'dist', 'assets')
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const entry = scripts.map((f) => readFileSync(join(assets, f), 'utf8')).find((code) => code.includes('zongjie-editor'))
  if (!entry) return `no built script defines zongjie-editor (${scripts.join(', ')})`
  // Word support stays a chunk of its own, loaded on first use.
  if (scripts.length < 2) return `Word support is not a chunk of its own: ${scripts.join(', ')}`
  return null
})

// 4. TypeScript, strict, against the published declarations.
writeFileSync(
  join(app, 'src', 'uses.ts'),
  `import '@zongjie/editor'
import type { ZongjieChangeDetail } from '@zongjie/editor'
import type { Summary, Finding } from '@zongjie/model'

const editor = document.querySelector('zongjie-editor')!
const summary: Summary = editor.summary
const title: string = summary.title
editor.addEventListener('input', (event) => {
  const detail: ZongjieChangeDetail = event.detail
  const changed: string = detail.summary.title
  console.log(changed, title)
})
editor.addEventListener('change', (event) => console.log(event.detail.summary.metrics.length))
editor.addEventListener('click', (event) => console.log(event.clientX))
const findings: Finding[] = editor.validate()
const html: string = editor.getHTML()
console.log(findings.length, html)
`,
)
writeFileSync(
  join(app, 'src', 'wrong.ts'),
  `import '@zongjie/editor'
const editor = document.querySelector('zongjie-editor')!
const count: number = editor.summary.title
editor.addEventListener('input', (event) => console.log(event.detail.nothing))
console.log(count)
`,
)
const tsconfig = (resolution, files) => ({
  compilerOptions: { strict: true, target: 'ES2022', module: resolution === 'nodenext' ? 'NodeNext' : 'ESNext', moduleResolution: resolution, lib: ['ES2022', 'DOM', 'DOM.Iterable'], noEmit: true, skipLibCheck: false, types: [] },
  files,
})
use('tsc --strict on a file that uses the element: typed through HTMLElementTagNameMap and its events', () => {
  for (const resolution of ['bundler', 'nodenext']) {
    writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify(tsconfig(resolution, ['src/uses.ts']), null, 2))
    const r = sh('npx', ['--no-install', 'tsc', '-p', `tsconfig.${resolution}.json`], { cwd: app })
    if (r.status !== 0) return `tsc (${resolution}) refused src/uses.ts:\n${r.stdout}${r.stderr}`
    writeFileSync(join(app, `tsconfig.wrong-${resolution}.json`), JSON.stringify(tsconfig(resolution, ['src/wrong.ts']), null, 2))
    const wrong = sh('npx', ['--no-install', 'tsc', '-p', `tsconfig.wrong-${resolution}.json`], { cwd: app })
    const errors = wrong.stdout.split('\n').filter((l) => /error TS/.test(l))
    const expected = [/wrong\.ts\(3,7\): error TS2322/, /wrong\.ts\(4,70\): error TS2339/]
    if (errors.length !== 2 || !expected.every((e) => errors.some((l) => e.test(l)))) return `tsc (${resolution}) should refuse exactly the two wrong uses in src/wrong.ts, said:\n${wrong.stdout}${wrong.stderr}`
  }
  return null
})

finish()
