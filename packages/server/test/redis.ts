import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { connect } from 'node:net'

/** A throwaway redis-server on a loopback port, no persistence; `stop()` ends it. */
export interface RedisServer {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/** Whether the Redis tests are to be skipped (SKIP_REDIS=1), said loudly with `what` (the tests not run). */
export function skipRedis(what = 'THE REDIS TESTS'): boolean {
  if (process.env.SKIP_REDIS !== '1') return false
  console.warn('\n' + '!'.repeat(72) + `\n!!! SKIP_REDIS=1: ${what} WERE NOT RUN. !!!\n` + '!'.repeat(72))
  return true
}

/** Whether something listens on a loopback port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/**
 * Starts `redis-server` on 127.0.0.1:`port` with nothing kept on disk, once it listens. Throws
 * saying what to install when there is no redis-server (`pnpm test` installs it as root).
 */
export async function startRedis(port: number): Promise<RedisServer> {
  if (spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('redis-server is not installed: apt-get install redis-server, or skip these tests, loudly, with SKIP_REDIS=1')
  }
  const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const exited = new Promise<void>((resolve) => redis.once('exit', () => resolve()))
  const stop = async () => {
    if (redis.exitCode === null && redis.signalCode === null) redis.kill('SIGTERM')
    await exited
  }
  const start = Date.now()
  while (!(await listening(port))) {
    if (redis.exitCode !== null || Date.now() - start > 10_000) {
      await stop()
      throw new Error('redis-server did not start')
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  return { url: `redis://127.0.0.1:${port}`, process: redis, stop }
}
