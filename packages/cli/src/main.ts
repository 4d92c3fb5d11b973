#!/usr/bin/env node
/**
 * The `zongjie` command line's entry point: it only wires the process to `run` (in cli.ts). The rest
 * is loaded inside the `try`, so that even a module that fails to load ends as one line on
 * stderr, never a stack trace.
 */
import { describeFailure, exitCodes } from './errors.ts'
import { processIo } from './io.ts'

function fail(error: unknown): void {
  const { line, exitCode } = describeFailure(error)
  try {
    process.stderr.write(line + '\n')
  } finally {
    process.exitCode = exitCode
  }
}

process.on('uncaughtException', (error) => {
  fail(error)
  process.exit()
})
process.on('unhandledRejection', (error) => {
  fail(error)
  process.exit()
})
// A reader that stops early (`zongjie import a.txt | head`) is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? exitCodes.ok)
  fail(error)
  process.exit()
})

// Nor is a reader of stderr that went away (`zongjie import a.txt -o a.docx 2>&1 | head -1`): the
// warnings are lost (there is nowhere left to report anything), but the work goes on to the end
// and ends with its own exit code.
process.stderr.on('error', () => {})

// Run as the repository's script (`pnpm zongjie …`, which pnpm runs in the repository's root),
// files are named from the folder the command was typed in, as a command's files are.
if (process.env.npm_lifecycle_event === 'zongjie' && process.env.INIT_CWD) {
  try {
    process.chdir(process.env.INIT_CWD)
  } catch {
    // That folder is gone: names are read from the root, as before.
  }
}

try {
  const { run } = await import('./cli.ts')
  process.exitCode = await run(process.argv.slice(2), processIo)
} catch (error) {
  fail(error)
}
