import { parseArgs } from './args.ts'
import type { Io } from './io.ts'
import { exitCodes } from './errors.ts'
import { usage } from './usage.ts'

/**
 * Runs `zongjie` with the arguments after its name and returns the exit code. Errors are thrown
 * as `CliError`s (or anything else, for a bug) for the caller to report in one line. Each
 * command's module is loaded when it runs: help and usage errors need neither the model nor
 * linkedom.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const command = parseArgs(argv)
  switch (command.kind) {
    case 'help':
      io.out(usage(command.topic))
      return exitCodes.ok
    case 'import': {
      const { runImport } = await import('./commands/import.ts')
      return runImport(command, io)
    }
    case 'validate': {
      const { runValidate } = await import('./commands/validate.ts')
      return runValidate(command.input, io)
    }
    case 'diff': {
      const { runDiff } = await import('./commands/diff.ts')
      return runDiff(command, io)
    }
    case 'schema': {
      const { runSchema } = await import('./commands/schema.ts')
      return runSchema(io)
    }
  }
}
