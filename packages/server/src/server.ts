import type { Socket } from 'node:net'
import { Server, type Extension, type Hocuspocus } from '@hocuspocus/server'
import { ConfigError, resolveConfig, type ServerConfig, type ServerOptions } from './config.ts'
import { jsonLineLogger, loggable, type Logger } from './log.ts'
import { tokenExpiryHooks } from './expiry.ts'
import { authenticationHook, type ConnectionContext } from './authentication.ts'
import { repairRelayedMerges, schemaGuard } from './schema-guard.ts'
import { fillNewDocument } from './new-document.ts'
import * as Y from 'yjs'
import { sharedProblem } from './shared.ts'
import { repairOnCopy } from './merge-repair.ts'
import { requestHook } from './http.ts'
import { sqliteStore } from './storage/sqlite.ts'
import { postgresStore } from './storage/postgres.ts'
import type { DocumentStore } from './storage/store.ts'
import { checkRedis, disconnectRedis, redisExtension, redisRepairClaim } from './redis.ts'

/** The longest {@link ZongjieServer.stop} waits for every document to be stored, in ms, unless told otherwise. */
export const defaultStopTimeout = 30_000

/** The server did not stop cleanly: some document could not be stored in time. */
export class ShutdownError extends Error {
  override name = 'ShutdownError'
}

/** A Zongjie co-editing server: Hocuspocus with the tokens, the schema guard, new documents filled and the store. */
export interface ZongjieServer {
  /** The configuration it runs with. */
  readonly config: ServerConfig
  /** The Hocuspocus server underneath. */
  readonly server: Server<ConnectionContext>
  /** Its Hocuspocus instance (documents, connections, direct connections). */
  readonly hocuspocus: Hocuspocus<ConnectionContext>
  /** Where documents are kept, once listening. */
  readonly store: DocumentStore
  /** Opens the store and listens. Throws a `StorageError` when the store cannot be opened. */
  listen(): Promise<void>
  /** The port it listens on (the one given to port 0). */
  readonly port: number
  /** The WebSocket URL clients connect to (`ws://127.0.0.1:1234`). */
  readonly url: string
  /** The HTTP URL (`http://127.0.0.1:1234`), for `/health` and `/dev/token`. */
  readonly httpUrl: string
  /**
   * Stops: no new connections, every document with changes stored, connections closed, the store
   * closed. Throws a {@link ShutdownError} when documents could not be stored within `timeout` ms.
   */
  stop(timeout?: number): Promise<void>
}

/**
 * Makes a Zongjie co-editing server from options (see {@link ServerOptions}; `optionsFromEnv`
 * reads them from the environment). Throws a `ConfigError` saying what to set when they will not
 * do. Call `listen()` to start it.
 */
export function createServer(options: ServerOptions = {}): ZongjieServer {
  const config = resolveConfig(options)
  const log: Logger = options.log ?? jsonLineLogger()
  const store = config.storage.kind === 'postgres' ? postgresStore(config.storage.url, log) : sqliteStore(config.storage.file, log)
  const extensions: Extension[] = [store.extension]
  const redis = config.redisUrl ? redisExtension(config.redisUrl, log) : null
  if (redis) extensions.push(redis)
  // Instances sharing documents agree on which of them repairs a merge.
  const claim = redis ? redisRepairClaim(redis) : undefined
  const append = (name: string, update: Uint8Array) => store.append(name, update)
  const sockets = new Set<Socket>()
  const check = { key: config.key, issuer: config.issuer, audience: config.audience }

  const server = new Server<ConnectionContext>({
    name: 'zongjie',
    address: config.host,
    port: config.port,
    quiet: true,
    stopOnSignals: false,
    debounce: config.debounce,
    maxDebounce: config.maxDebounce,
    unloadImmediately: true,
    extensions,
    onAuthenticate: authenticationHook(check, log),
    // A token expiring during the connection is renewed by the page or ends it.
    ...tokenExpiryHooks(check, log, config.tokenRenewal),
    beforeHandleMessage: schemaGuard(log, append, { claim }),
    onRequest: requestHook(config, log),
    async onUpgrade({ socket }) {
      const s = socket as Socket
      sockets.add(s)
      s.once('close', () => sockets.delete(s))
    },
    async onLoadDocument({ document, documentName, context }) {
      const filling = await fillNewDocument(document, documentName, config.initialSummary, { source: 'local', skipStoreHooks: true })
      // Logged like a writer's update: the writers' updates build on it.
      if (filling) await store.append(documentName, filling)
      const filled = filling !== null
      let problem = filled ? null : sharedProblem(document)
      // Stored before the repair of a merge (the server stopped, or every writer left, within the pause it waits for): repaired now, before anyone writes.
      const repair = problem ? repairOnCopy(document) : null
      if (repair && repair.done.length && repair.problem === null) {
        Y.applyUpdate(document, repair.update, { source: 'local', skipStoreHooks: true })
        await store.append(documentName, repair.update)
        log({ level: 'info', event: 'merge-repaired', document: documentName, reason: `${repair.done.join('; ')} (as stored)` })
        problem = sharedProblem(document)
      }
      if (problem) {
        log({ level: 'warn', event: 'stored-document-invalid', document: documentName, reason: `${loggable(problem)}; served as it is, writers' updates are not held against it` })
      }
      // Merges made by two instances at once reach each through Redis, past the guard.
      if (claim) repairRelayedMerges(document, documentName, log, append, { claim })
      log({ level: 'info', event: 'document-loaded', document: documentName, user: context?.user?.id, role: context?.role, filled })
    },
    async onDisconnect({ documentName, context }) {
      log({ level: 'info', event: 'connection-closed', document: documentName, user: context?.user?.id, role: context?.role })
    },
  })

  let listening = false
  const self: ZongjieServer = {
    config,
    server,
    hocuspocus: server.hocuspocus,
    store,
    async listen() {
      await store.open()
      if (redis) {
        try {
          await checkRedis(redis, config.redisUrl!)
        } catch (e) {
          await store.close().catch(() => {})
          disconnectRedis(redis)
          throw e
        }
      }
      try {
        await new Promise<void>((resolve, reject) => {
          server.httpServer.once('error', reject)
          server.listen().then(() => {
            server.httpServer.off('error', reject)
            resolve()
          }, reject)
        })
      } catch (e) {
        await store.close().catch(() => {})
        if (redis) disconnectRedis(redis)
        const code = (e as NodeJS.ErrnoException).code
        throw new ConfigError(`cannot listen on ${config.host}:${config.port} (${code ?? loggable(e)})${code === 'EADDRINUSE' ? ': another process uses the port; set PORT' : code === 'EADDRNOTAVAIL' ? ': no such address here; set HOST' : ''}`)
      }
      listening = true
      if (config.key.kind === 'secret' && config.key.development) {
        const banner = '!'.repeat(78)
        process.stderr.write(
          `${banner}\n!!! DEVELOPMENT MODE: no ZONGJIE_JWT_SECRET or ZONGJIE_JWT_PUBLIC_KEY. Tokens are checked with a\n!!! random key made at start, and POST ${self.httpUrl}/dev/token gives one to anyone on this machine.\n!!! Never run so in production (NODE_ENV=production refuses to).\n${banner}\n`,
        )
        log({ level: 'warn', event: 'development-mode', reason: 'no ZONGJIE_JWT_SECRET or ZONGJIE_JWT_PUBLIC_KEY: tokens signed with a random key of this run; POST /dev/token serves loopback clients' })
      }
      if (redis && config.storage.kind === 'sqlite') {
        log({ level: 'warn', event: 'redis-with-sqlite', reason: 'REDIS_URL with SQLite: each instance keeps its own file; set DATABASE_URL so that the instances share one store' })
      }
      log({ level: 'info', event: 'listening', host: config.host, port: self.port, storage: config.storage.kind, location: store.location, redis: !!redis })
    },
    get port() {
      return server.address.port
    },
    get url() {
      return `ws://${hostInUrl(config.host)}:${self.port}`
    },
    get httpUrl() {
      return `http://${hostInUrl(config.host)}:${self.port}`
    },
    async stop(timeout = defaultStopTimeout) {
      const documents = server.hocuspocus.getDocumentsCount()
      log({ level: 'info', event: 'shutdown-started', documents, connections: server.hocuspocus.getConnectionsCount() })
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeout)))
      const outcome = listening ? await Promise.race([server.destroy().then(() => 'stored' as const), timedOut]) : 'stored'
      if (!listening && redis) disconnectRedis(redis)
      clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      const left = [...server.hocuspocus.documents.keys()]
      await store.close().catch((e) => log({ level: 'error', event: 'store-close-failed', reason: loggable(e) }))
      if (outcome === 'timeout') {
        log({ level: 'error', event: 'shutdown-incomplete', reason: `${left.length} document(s) could not be stored within ${timeout} ms`, documents: left.length })
        throw new ShutdownError(`${left.length} document(s) could not be stored within ${timeout} ms: ${left.join(', ')}`)
      }
      log({ level: 'info', event: 'shutdown-complete', documents })
    },
  }
  return self
}

function hostInUrl(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}
