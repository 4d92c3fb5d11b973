// The co-editing server as a command: `tsx packages/server/src/main.ts`, configured by the
// environment (see ServerOptions in config.ts). Stops on SIGTERM or SIGINT once every document
// is stored (exit 0; 1 when some could not be).
import { createServer } from './server.ts'
import { ConfigError, optionsFromEnv } from './config.ts'
import { jsonLineLogger } from './log.ts'
import { StorageError } from './storage/store.ts'

const log = jsonLineLogger()

async function main() {
  const server = createServer({ ...optionsFromEnv(), log })
  await server.listen()
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    log({ level: 'info', event: 'signal', reason: signal })
    try {
      await server.stop()
      process.exit(0)
    } catch {
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((e: unknown) => {
  const known = e instanceof ConfigError || e instanceof StorageError
  log({ level: 'error', event: 'start-failed', reason: e instanceof Error ? e.message : String(e) })
  process.stderr.write(`zongjie server: ${known ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exit(1)
})
