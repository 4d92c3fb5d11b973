import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { freePort } from './child.ts'

/** A throwaway PostgreSQL cluster on a loopback port, in a temporary directory. */
export interface Cluster {
  url: string
  stop(): Promise<void>
}

/** Whether the PostgreSQL tests are to be skipped (SKIP_POSTGRES=1), said loudly. */
export function skipPostgres(): boolean {
  if (process.env.SKIP_POSTGRES !== '1') return false
  console.warn('\n' + '!'.repeat(72) + '\n!!! SKIP_POSTGRES=1: THE POSTGRESQL STORAGE TESTS WERE NOT RUN. !!!\n' + '!'.repeat(72))
  return true
}

const binaries = '/usr/lib/postgresql/15/bin'

function idOf(flag: '-u' | '-g'): number {
  const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error('no postgres user on this machine: install PostgreSQL 15 (apt-get install postgresql-15) or set SKIP_POSTGRES=1')
  return Number(r.stdout.trim())
}

/**
 * Starts a PostgreSQL 15 cluster: `initdb` and `postgres` run as the `postgres` user (PostgreSQL
 * refuses to run as root), trust authentication for the `zongjie` superuser, listening on
 * 127.0.0.1 only, fsync off. `stop()` shuts it down and removes its directory.
 */
export async function startCluster(): Promise<Cluster> {
  const asPostgres = process.getuid?.() === 0 ? { uid: idOf('-u'), gid: idOf('-g') } : {}
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-pg-'))
  if ('uid' in asPostgres) chownSync(dir, asPostgres.uid!, asPostgres.gid!)
  const data = join(dir, 'data')
  const init = spawnSync(join(binaries, 'initdb'), ['-D', data, '-U', 'zongjie', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], { ...asPostgres, encoding: 'utf8' })
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`initdb failed (${init.status ?? init.error}): ${init.stderr}`)
  }
  const port = await freePort()
  let log = ''
  const server: ChildProcess = spawn(join(binaries, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'], {
    ...asPostgres,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (c: Buffer) => (log += c))
  server.stderr!.on('data', (c: Buffer) => (log += c))
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
  const url = `postgres://zongjie@127.0.0.1:${port}/postgres`
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT')
    await exited
    rmSync(dir, { recursive: true, force: true })
  }
  const start = Date.now()
  for (;;) {
    const client = new pg.Client({ connectionString: url })
    try {
      await client.connect()
      await client.end()
      return { url, stop }
    } catch (e) {
      await client.end().catch(() => {})
      if (server.exitCode !== null || Date.now() - start > 20_000) {
        await stop()
        throw new Error(`PostgreSQL did not start: ${e instanceof Error ? e.message : e}\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 100))
    }
  }
}
