#!/usr/bin/env node
// Serves the demo page with Vite at http://127.0.0.1:5173/ (the port is fixed: it fails rather than
// move when the port is taken; the browser tests set another with ZONGJIE_DEMO_PORT). Extra arguments go to Vite: `pnpm demo --open`.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { constants } from 'node:os'

const root = new URL('..', import.meta.url).pathname
const demo = join(root, 'demo')
const vite = join(demo, 'node_modules', 'vite', 'bin', 'vite.js')

if (!existsSync(vite)) {
  console.error('demo: Vite is not installed in demo/. Run `pnpm install` at the root of the repository first.')
  process.exit(1)
}

const port = process.env.ZONGJIE_DEMO_PORT ?? '5173'
const args = [vite, '--host', '127.0.0.1', '--port', port, '--strictPort', ...process.argv.slice(2)]
const child = spawn(process.execPath, args, { cwd: demo, stdio: 'inherit' })

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal))
}
child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 1)))
