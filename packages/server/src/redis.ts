import { randomUUID } from 'node:crypto'
import { Redis } from '@hocuspocus/extension-redis'
import type { RepairClaim } from './schema-guard.ts'
import { StorageError } from './storage/store.ts'
import { loggable, type Logger } from './log.ts'

/** A Redis URL without its password, for the log and error messages. */
export function redisWithoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'REDIS_URL'
  }
}

/**
 * Hocuspocus' Redis extension for REDIS_URL (`redis://[user:password@]host[:port][/db]`,
 * `rediss://` for TLS): every instance relays the updates and awareness of its clients to the
 * others that have the document open, and a Redis lock lets one instance store a document at a
 * time. Redis keeps nothing: documents are stored by each instance's store (PostgreSQL, shared by
 * the instances). Keys and channels start with `zongjie`.
 */
export function redisExtension(url: string, log: Logger): Redis {
  const parsed = new URL(url)
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0
  const redis = new Redis({
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    prefix: 'zongjie',
    identifier: `zongjie-${randomUUID()}`,
    options: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(Number.isInteger(db) && db > 0 ? { db } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  })
  let lastError = ''
  for (const connection of [redis.pub, redis.sub]) {
    connection.on('error', (e: Error) => {
      // ioredis reconnects by itself and says so on every attempt: log each new error once.
      if (e.message === lastError) return
      lastError = e.message
      log({ level: 'error', event: 'redis-error', reason: `${redisWithoutPassword(url)}: ${loggable(e)}` })
    })
    connection.on('ready', () => (lastError = ''))
  }
  return redis
}

/** Closes the extension's connections at once (when the server did not start: `onDestroy` would wait for Redis to answer). */
export function disconnectRedis(redis: Redis): void {
  redis.pub.disconnect(false)
  redis.sub.disconnect(false)
}

/** Waits until Redis answers a PING; throws a {@link StorageError} saying what to check after `timeout` ms. */
export async function checkRedis(redis: Redis, url: string, timeout = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      redis.pub.ping(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout))),
    ])
  } catch (e) {
    throw new StorageError(`cannot reach Redis at ${redisWithoutPassword(url)} (${loggable(e)}); check REDIS_URL and that Redis is up`)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Which of the instances sharing documents through Redis repairs a merge (see `RepairClaim`):
 * the first to set the document's repair key in Redis, which holds it for `ttl` milliseconds and
 * claims again while the key is its own; the others leave the repair to it and receive it as any
 * update. An instance that stops holding the key leaves the merge to the next load of the document.
 */
export function redisRepairClaim(redis: Redis, ttl = 10_000): RepairClaim {
  const me = `host-${randomUUID()}`
  return async (documentName) => {
    const key = `zongjie:repair:${documentName}`
    if ((await redis.pub.set(key, me, 'PX', ttl, 'NX')) === 'OK') return true
    return (await redis.pub.get(key)) === me
  }
}
