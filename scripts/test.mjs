#!/usr/bin/env node
// Runs every test suite of the project (type check, unit and property tests, the packed packages,
// browser tests) and ends with one line of totals: `N passed, N failed`. Exits non-zero when
// anything failed.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const bin = (name) => join(root, 'node_modules', '.bin', name)
const work = mkdtempSync(join(tmpdir(), 'zongjie-test-'))
let passed = 0
let failed = 0

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

// 1. Type check, one count per package.
//    The demo and the browser tests too: the framework examples' typed use of the element is checked there.
for (const dir of [...readdirSync(join(root, 'packages')).map((pkg) => join('packages', pkg)), 'demo', 'e2e']) {
  if (!existsSync(join(root, dir, 'tsconfig.json'))) continue
  const status = run(`typecheck ${dir}`, bin('tsc'), ['-p', dir])
  if (status === 0) passed++
  else failed++
}

// 2. Unit and property tests (Vitest). The Word export's tests convert .docx files with LibreOffice
//    and read the PDF with poppler: make sure they are there first. As root, missing ones are
//    installed with apt-get (as e2e/run.mjs installs Chromium); otherwise that is a failure, with
//    what to install. SKIP_OFFICE=1 skips those tests, loudly.
const officeTools = ['soffice', 'pdftotext', 'pdftoppm']
const officePackages = ['libreoffice-writer-nogui', 'poppler-utils', 'fonts-noto-cjk']
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
if (process.env.SKIP_OFFICE === '1') {
  console.log('\n' + '!'.repeat(72) + '\n!!! SKIP_OFFICE=1: THE LIBREOFFICE TESTS WERE NOT RUN. Nothing here shows the .docx opens. !!!\n' + '!'.repeat(72))
} else {
  const missingTools = officeTools.filter((t) => !hasCommand(t))
  if (missingTools.length && process.getuid?.() === 0) {
    // Waits for another apt run to release its lock rather than failing at once.
    const get = 'apt-get -o DPkg::Lock::Timeout=600'
    const command = `${get} update && ${get} install -y ${officePackages.join(' ')}`
    console.log(`\n=== office tools ===\n${missingTools.join(', ')} missing: installing ${officePackages.join(' ')} from Debian, running as root:\n    ${command}`)
    const r = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    if (r.status !== 0) console.error(`apt-get failed (status ${r.status}). Install by hand: apt-get update && apt-get install -y ${officePackages.join(' ')}`)
  }
  const stillMissing = officeTools.filter((t) => !hasCommand(t))
  if (stillMissing.length) {
    console.error(
      [
        `\n${stillMissing.join(', ')} not installed: the Word export's tests convert .docx files with LibreOffice and read them with poppler.`,
        'Install them, with CJK fonts, then run the tests again:',
        '',
        `    sudo apt-get update && sudo apt-get install -y ${officePackages.join(' ')}`,
        '',
        'or skip those tests, loudly: SKIP_OFFICE=1 pnpm test',
      ].join('\n'),
    )
    failed++
  }
}

// The co-editing server's tests store in a throwaway PostgreSQL cluster and relay through a
// throwaway redis-server, both on loopback ports and stopped after: as root, Debian's packages are
// installed when missing; otherwise that is a failure, with what to install. SKIP_POSTGRES=1 and
// SKIP_REDIS=1 skip those tests, loudly.
const serverTools = [
  { skip: 'SKIP_POSTGRES', command: 'pg_ctlcluster', found: () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)), package: 'postgresql' },
  { skip: 'SKIP_REDIS', command: 'redis-server', found: () => hasCommand('redis-server'), package: 'redis-server' },
]
const neededServerTools = serverTools.filter((t) => process.env[t.skip] !== '1' && !t.found())
if (neededServerTools.length && process.getuid?.() === 0) {
  const get = 'apt-get -o DPkg::Lock::Timeout=600'
  const packages = neededServerTools.map((t) => t.package).join(' ')
  const command = `${get} update && ${get} install -y ${packages}`
  console.log(`\n=== co-editing server tools ===\n${packages} missing: installing from Debian, running as root:\n    ${command}`)
  const r = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (r.status !== 0) console.error(`apt-get failed (status ${r.status}). Install by hand: apt-get update && apt-get install -y ${packages}`)
}
for (const t of neededServerTools.filter((t) => !t.found())) {
  console.error(`\n${t.package} not installed: the co-editing server's tests need it.\n\n    sudo apt-get update && sudo apt-get install -y ${t.package}\n\nor skip those tests, loudly: ${t.skip}=1 pnpm test`)
  failed++
}

const vitestJson = join(work, 'vitest.json')
const vitestStatus = run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests
  // A file that failed to load has no tests to count: count it as a failure.
  failed += r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  if (vitestStatus !== 0 && r.numFailedTests === 0 && r.testResults.every((f) => f.status !== 'failed')) failed++
} else failed++

// 3. The packages as an integrator gets them: built, packed, installed with plain npm into a
//    project outside the workspace, and used four ways (scripts/packed.mjs). One count a use.
const packedStatus = run('packed packages (npm install of the tarballs)', process.execPath, [join(root, 'scripts', 'packed.mjs'), join(work, 'packed')])
const packedJson = join(work, 'packed', 'packed.json')
if (existsSync(packedJson)) {
  const r = JSON.parse(readFileSync(packedJson, 'utf8'))
  passed += r.passed
  failed += r.failed
  if (packedStatus !== 0 && r.failed === 0) failed++
} else failed++

// 4. Browser tests (Playwright), when the project has them.
const e2eConfig = join(root, 'e2e', 'playwright.config.ts')
if (existsSync(e2eConfig)) {
  if (process.env.SKIP_E2E === '1') {
    console.log('\n' + '!'.repeat(72) + '\n!!! SKIP_E2E=1: THE BROWSER TESTS WERE NOT RUN. Nothing here shows the editor works. !!!\n' + '!'.repeat(72))
  } else {
    const status = run('browser tests (playwright)', process.execPath, [join(root, 'e2e', 'run.mjs'), work])
    const json = join(work, 'playwright.json')
    if (existsSync(json)) {
      const r = JSON.parse(readFileSync(json, 'utf8'))
      passed += r.stats.expected + (r.stats.flaky ?? 0)
      failed += r.stats.unexpected
      if (status !== 0 && r.stats.unexpected === 0) failed++
    } else failed++
  }
}

console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
