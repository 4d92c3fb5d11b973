#!/usr/bin/env node
// Runs the browser tests: `node e2e/run.mjs [workdir] [playwright arguments…]`.
// 1. Checks for Chromium at $CHROMIUM_PATH or /usr/bin/chromium. Playwright's own browser download
//    does not work here: Chromium comes from Debian. When it is missing and we are root, installs
//    `chromium` and `fonts-noto-cjk` with apt-get; otherwise says how to and exits 1. Likewise
//    poppler-utils (pdftoppm), with which the print test renders a PDF page.
// 2. Runs `playwright test -c e2e/playwright.config.ts` with the JSON report written to
//    <workdir>/playwright.json (scripts/test.mjs reads it), and exits with Playwright's status.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromiumPath } from './chromium.mjs'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
const work = args[0] && !args[0].startsWith('-') ? args.shift() : mkdtempSync(join(tmpdir(), 'zongjie-e2e-'))
const isRoot = process.getuid?.() === 0
const packages = ['chromium', 'fonts-noto-cjk']

function apt(what) {
  // Waits for another apt run to release its lock rather than failing at once.
  const get = 'apt-get -o DPkg::Lock::Timeout=600'
  const command = `${get} update && ${get} install -y ${what.join(' ')}`
  console.log(`e2e: installing ${what.join(' ')} from Debian, running as root:\n    ${command}`)
  const r = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (r.status !== 0) {
    console.error(`e2e: apt-get failed (status ${r.status}). Install by hand: apt-get update && apt-get install -y ${what.join(' ')}`)
    process.exit(1)
  }
}

// 1. Chromium
const chromium = chromiumPath
if (!existsSync(chromium)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`e2e: CHROMIUM_PATH=${chromium} does not exist. Point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium.`)
    process.exit(1)
  }
  if (!isRoot) {
    console.error(
      [
        `e2e: Chromium is not installed (looked for ${chromium}). The browser tests use the system's Chromium,`,
        'not a Playwright download. Install it, with CJK fonts so that Chinese text renders, then run the tests again:',
        '',
        `    sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
        '',
        'or point CHROMIUM_PATH at another Chromium or Chrome binary: CHROMIUM_PATH=/path/to/chrome pnpm test',
      ].join('\n'),
    )
    process.exit(1)
  }
  apt(packages)
  if (!existsSync(chromium)) {
    console.error(`e2e: apt-get installed chromium but ${chromium} is still missing.`)
    process.exit(1)
  }
} else if (isRoot && !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') && !hasCjkFont()) {
  // Without a CJK font the tests still run, but screenshots show boxes instead of Chinese.
  apt(['fonts-noto-cjk'])
}

// The print test rasterises a PDF page with poppler's pdftoppm.
if (spawnSync('sh', ['-c', 'command -v pdftoppm'], { encoding: 'utf8' }).status !== 0) {
  if (!isRoot) {
    console.error('e2e: pdftoppm is not installed; the print test renders a PDF page with it. Install it and run the tests again:\n\n    sudo apt-get update && sudo apt-get install -y poppler-utils\n')
    process.exit(1)
  }
  apt(['poppler-utils'])
}

function hasCjkFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
  return r.status !== 0 || r.stdout.trim() !== ''
}

// 2. Playwright
const cli = join(root, 'e2e', 'node_modules', '@playwright', 'test', 'cli.js')
if (!existsSync(cli)) {
  console.error('e2e: @playwright/test is not installed. Run `pnpm install` at the root of the repository first.')
  process.exit(1)
}
const report = join(work, 'playwright.json')
console.log(`e2e: Chromium ${chromium}; JSON report ${report}`)
// A free port for the demo server, so a demo left running on 5173 never gets in the way.
const port =
  process.env.ZONGJIE_E2E_PORT ??
  (await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(String(port)))
    })
  }))
// And one for the co-editing server the co-editing tests start, with its data in the run's directory.
const serverPort =
  process.env.ZONGJIE_SERVER_PORT ??
  (await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(String(port)))
    })
  }))
const r = spawnSync(process.execPath, [cli, 'test', '-c', join('e2e', 'playwright.config.ts'), ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: report, ZONGJIE_E2E_PORT: port, ZONGJIE_SERVER_PORT: serverPort, ZONGJIE_SERVER_DATA: join(work, 'server-data') },
})
if (r.error) console.error(`e2e: could not run Playwright: ${r.error.message}`)
process.exit(r.status ?? 1)
