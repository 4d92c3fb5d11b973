import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

/** The repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** tsx's command line, as the root `zongjie` script runs it. */
export const tsxCli = join(repoRoot, 'node_modules/tsx/dist/cli.mjs')
/** The command line's entry point. */
export const mainTs = join(repoRoot, 'packages/cli/src/main.ts')

/** What a run of the command line gave. */
export interface Run {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs `zongjie …` as a child process (node + tsx), in `cwd`, with `input` on stdin. */
export function zongjie(args: string[], options: { cwd?: string; input?: string | Uint8Array } = {}): Promise<Run> {
  return runProcess(process.execPath, [tsxCli, mainTs, ...args], options)
}

/** Runs a command, collecting its stdout and stderr as UTF-8. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; input?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((done, fail) => {
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env }
    const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', fail)
    child.on('close', (status) => done({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }))
    child.stdin.on('error', () => {})
    child.stdin.end(options.input ?? '')
  })
}

const made: string[] = []
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temporary folder, removed after the test file (whether made in a suite or in a test). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-cli-'))
  made.push(dir)
  return dir
}

/** Writes files into a folder: name → text (UTF-8) or bytes. Returns the folder. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data)
  return dir
}

/** The names in a folder, sorted. */
export function listing(dir: string): string[] {
  return readdirSync(dir).sort()
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.length > 0)
}

/** Whether a text looks like it holds a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[:(]\d+:\d+\)?$/m.test(text) || /\.(?:ts|js|mjs):\d+:\d+/.test(text)
}
