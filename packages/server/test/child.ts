import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createServer } from 'node:net'

/** The repository's root, where the server command runs. */
export const root = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The server command: node with tsx's loader, in one process. (`tsx packages/server/src/main.ts`
 * runs the server in a child of the tsx process: a SIGKILL would kill tsx and leave the server
 * running. tsx passes SIGTERM and SIGINT on.)
 */
export const serverCommand = ['--import', 'tsx', 'packages/server/src/main.ts']

/** The server running as a command (`tsx packages/server/src/main.ts`) in a child process. */
export interface ChildServer {
  process: ChildProcess
  /** Every JSON line it wrote to stdout, parsed. */
  lines: Record<string, unknown>[]
  stderr: string[]
  port: number
  url: string
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>
}

/** Starts the server command with `env` added to this environment; resolves once it listens (or rejects with what it wrote when it exits first). */
export function spawnServer(env: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, serverCommand, {
    cwd: root,
    env: { ...process.env, NODE_ENV: '', ZONGJIE_JWT_SECRET: '', ZONGJIE_JWT_PUBLIC_KEY: '', DATABASE_URL: '', REDIS_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: Record<string, unknown>[] = []
  const stderr: string[] = []
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)))
  return new Promise((resolve, reject) => {
    let buffer = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        try {
          const entry = JSON.parse(line) as Record<string, unknown>
          lines.push(entry)
          if (entry.event === 'listening') {
            const port = entry.port as number
            resolve({ process: child, lines, stderr, port, url: `ws://127.0.0.1:${port}`, exited })
          }
        } catch {
          stderr.push(`stdout, not JSON: ${line}`)
        }
      }
    })
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk))
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr.join('')}`)))
  })
}

/** Waits for a child to exit, killing it after `ms`. */
export async function exitOf(child: ChildServer, ms = 15_000): Promise<number | string> {
  const timer = setTimeout(() => child.process.kill('SIGKILL'), ms)
  try {
    return await child.exited
  } finally {
    clearTimeout(timer)
  }
}

/**
 * A free port below the ephemeral range (32768 and up on Linux), for a server restarted on the
 * same port: while it is down, a client reconnecting to a port in that range can be given the
 * same port as its own and connect to itself, leaving the port taken.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 10000)
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
}
