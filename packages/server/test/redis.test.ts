import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { acknowledged, connectSynced, editSummary, openingText, removeDir, startServer, tempDir, textOf, tokenFor, waitFor, type Client, type Running } from './helpers.ts'
import { freePort } from './child.ts'
import { startRedis, skipRedis, type RedisServer } from './redis.ts'
import { createServer, StorageError } from '../src/index.ts'
import { sharedContent, sharedProblem, summaryOfShared } from '../src/shared.ts'

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

  it('repairs once a merge the two instances made at once, each taking one half: both writers kept, numbered （一） （二）', async () => {
    const doc = 'redis/merge'
    const [one, two] = servers as [Running, Running]
    const a = await connectSynced(one.server.url, doc, await tokenFor(doc, 'editor', { id: 'm-a', name: 'a' }))
    clients.push(a)
    const draft = ['示范县民政局2024年工作总结', '今年以来，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部X名。'].join('\n')
    editSummary(a.ydoc, (d) => d.type.create(d.attrs, importText(draft).doc.content))
    await acknowledged(a)
    const b = await connectSynced(two.server.url, doc, await tokenFor(doc, 'editor', { id: 'm-b', name: 'b' }))
    clients.push(b)
    const read = (ydoc: Y.Doc) => (sharedProblem(ydoc) === null ? toText(summaryOfShared(ydoc)!) : `(invalid: ${sharedProblem(ydoc)})`)
    await waitFor(() => read(b.ydoc).includes('一、主要工作'), 'the section at b')
    /** Adds a subsection of `kind` at the end of the first section. */
    const addSubsection = (kind: 'section2' | 'section3', title: string) => (d: Node) => {
      let at = -1
      d.forEach((node, pos) => {
        if (at < 0 && node.type.name === 'section1') at = pos + node.nodeSize - 1
      })
      const n = schema.nodes
      return d.replace(at, at, new Slice(Fragment.from(n[kind]!.create(null, [n.heading!.create(null, schema.text(title)), n.paragraph!.create(null, schema.text(`${title}取得成效。`))])), 0, 0))
    }
    // In one moment: a （一） through one instance, a 1. through the other; each instance takes its writer's change before the other's arrives.
    editSummary(a.ydoc, addSubsection('section2', '强化队伍建设'))
    editSummary(b.ydoc, addSubsection('section3', '完善工作制度'))
    const logs = () => [...one.logs, ...two.logs].filter((e) => e.document === doc)
    await waitFor(
      () => [a.ydoc, b.ydoc, one.server.hocuspocus.documents.get(doc)!, two.server.hocuspocus.documents.get(doc)!].every((y) => read(y).includes('完善工作制度') && read(y) === read(a.ydoc)),
      'one valid summary with both subsections on both writers and both instances',
      10_000,
    )
    const text = read(a.ydoc)
    expect(text).toMatch(/（一）(强化队伍建设|完善工作制度)\n[\s\S]*（二）(强化队伍建设|完善工作制度)/)
    // Each writer's text once: repaired by one instance, not both.
    expect(text.split('强化队伍建设取得成效。')).toHaveLength(2)
    expect(text.split('完善工作制度取得成效。')).toHaveLength(2)
    expect(logs().filter((e) => e.event === 'update-refused')).toEqual([])
    expect(logs().filter((e) => e.event === 'merge-repaired')).toHaveLength(1)
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
