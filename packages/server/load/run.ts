// The co-editing server's load test: `pnpm load` (node --import tsx load/run.ts in packages/server).
// Runs the scenarios (see options.ts for the flags), prints a markdown table of the figures, and
// exits 1 when anything was lost or diverged (2 on a command-line mistake).
import { writeFileSync } from 'node:fs'
import { parseLoadArgs, usage, UsageError } from './options.ts'
import { runLoad } from './load.ts'
import { markdownReport } from './report.ts'

async function main(): Promise<number> {
  let options
  try {
    options = parseLoadArgs(process.argv.slice(2))
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    process.stderr.write(`${e.message}\n\n${usage}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`)
    return 0
  }
  const result = await runLoad(options, (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`))
  process.stdout.write(`${markdownReport(result)}\n`)
  if (options.json) writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`)
  return result.ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
    process.exit(1)
  },
)
