import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { acknowledged, connectSynced, openingText, removeDir, startServer, tempDir, textOf, tokenFor, waitFor, type Client, type Running } from './helpers.ts'
import { freePort } from './child.ts'
import { startRedis, skipRedis, type RedisServer } from './redis.ts'
import { createServer, StorageError } from '../src/index.ts'
import { sharedContent, sharedProblem } from '../src/shared.ts'

// Skipped only when asked (SKIP_REDIS=1), loudly; a machine without redis-server fails them (pnpm test installs it as root).
const skip = skipRedis()

describe.skipIf(skip)('two instances through Redis', () => {
  let redis: RedisServer
  let url: string
  const servers: Running[] = []
  const clients: Client[] = []

  beforeAll(async () => {
    redis = await startRedis(await freePort())
    url = redis.url
    servers.push(await startServer({ redisUrl: url }), await startServer({ redisUrl: url }))
    expect(servers).toHaveLength(2)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const s of servers) await s.cleanup()
    await redis?.stop()
  })

  it("relays one instance's writers to the other's, fills a new document once, and relays no refused update", async () => {
    const doc = 'redis/shared'
    const [one, two] = servers as [Running, Running]
    const a = await connectSynced(one.server.url, doc, await tokenFor(doc, 'editor', { id: 'a', name: 'a' }))
    const b = await connectSynced(two.server.url, doc, await tokenFor(doc, 'editor', { id: 'b', name: 'b' }))
    clients.push(a, b)
    // Both instances filled the new document: the same items, one summary.
    await waitFor(() => sharedContent(a.ydoc).length === 3 && sharedContent(b.ydoc).length === 3, 'one summary on both')
    openingText(a.ydoc).insert(0, '甲写')
    await acknowledged(a)
    await waitFor(() => textOf(b.ydoc) === '甲写', 'the edit reaching the other instance')
    openingText(b.ydoc).insert(2, '乙写')
    await waitFor(() => textOf(a.ydoc) === '甲写乙写', 'and back')
    // A refused update on one instance reaches neither.
    const rogue = await connectSynced(one.server.url, doc, await tokenFor(doc, 'editor', { id: 'r', name: 'r' }))
    clients.push(rogue)
    rogue.ydoc.transact(() => sharedContent(rogue.ydoc).insert(0, [new Y.XmlElement('heading')]))
    await waitFor(() => rogue.closes.includes('update-refused:schema'), 'the refusal')
    openingText(a.ydoc).insert(0, '后来')
    await waitFor(() => textOf(b.ydoc) === '后来甲写乙写', 'a later edit relayed')
    expect(sharedProblem(b.ydoc)).toBeNull()
    expect(sharedContent(b.ydoc).length).toBe(3)
    expect(sharedProblem(two.server.hocuspocus.documents.get(doc)!)).toBeNull()
  })

  it('refuses to start when Redis cannot be reached, saying what to check', async () => {
    const port = await freePort()
    const dataDir = tempDir()
    const server = createServer({ port: 0, jwtSecret: 'x'.repeat(32), redisUrl: `redis://127.0.0.1:${port}`, dataDir, log: () => {} })
    const failed = await server.listen().then(
      () => null,
      (e: unknown) => e,
    )
    expect(failed).toBeInstanceOf(StorageError)
    expect((failed as Error).message).toMatch(/cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+.*REDIS_URL/)
    await server.stop()
    removeDir(dataDir)
  })
})
