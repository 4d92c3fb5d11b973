import { randomBytes } from 'node:crypto'
import { exitOf, spawnServer, type ChildServer } from '../test/child.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The server under load: the real command (`node --import tsx packages/server/src/main.ts`) in a child process of its own, with a temporary DATA_DIR. */
export interface LoadServer {
  child: ChildServer
  /** The server process's id (the node process itself, so /proc gives the server's memory alone). */
  pid: number
  url: string
  dataDir: string
  /** The HS256 secret it checks tokens with. */
  secret: Uint8Array
  /** Stops it with SIGTERM (it stores every document first); resolves with its exit code, or the signal when it had to be killed after `timeout` ms. */
  stop(timeout?: number): Promise<number | string>
  /** Removes its DATA_DIR (kills it first if it still runs). */
  remove(): void
}

/** Starts the server command on a free loopback port with a fresh DATA_DIR and a random JWT secret. */
export async function startLoadServer(): Promise<LoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zongjie-load-'))
  const secretText = randomBytes(36).toString('base64')
  let child: ChildServer
  try {
    child = await spawnServer({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', ZONGJIE_JWT_SECRET: secretText })
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true })
    throw e
  }
  const running = () => child.process.exitCode === null && child.process.signalCode === null
  // Should the load command die first, the server and its DATA_DIR do not outlive it.
  const orphaned = () => {
    if (running()) child.process.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.once('exit', orphaned)
  return {
    child,
    pid: child.process.pid!,
    url: child.url,
    dataDir,
    secret: new TextEncoder().encode(secretText),
    stop(timeout = 60_000) {
      if (running()) child.process.kill('SIGTERM')
      return exitOf(child, timeout)
    },
    remove() {
      process.off('exit', orphaned)
      orphaned()
    },
  }
}
