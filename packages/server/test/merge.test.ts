import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { acknowledged, connectSynced, editSummary, removeDir, serverForTests, startServer, tempDir, tokenFor, waitFor, type Client, type Running } from './helpers.ts'
import { sharedProblem, summaryOfShared } from '../src/shared.ts'

const server = serverForTests()
const clients = server.clients

async function join(doc: string, id: string, ydoc?: Y.Doc): Promise<Client> {
  const client = await connectSynced(server.running.server.url, doc, await tokenFor(doc, 'editor', { id, name: id }), ydoc)
  clients.push(client)
  return client
}

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部X名。', '今后，我们将继续努力。'].join('\n')

/** Adds a subsection of `kind` at the end of the first section. */
const addSubsection = (kind: 'section2' | 'section3', title: string) => (doc: Node) => {
  let at = -1
  doc.forEach((node, pos) => {
    if (at < 0 && node.type.name === 'section1') at = pos + node.nodeSize - 1
  })
  const n = schema.nodes
  const sub = n[kind]!.create(null, [n.heading!.create(null, schema.text(title)), n.paragraph!.create(null, schema.text(`${title}取得成效。`))])
  return doc.replace(at, at, new Slice(Fragment.from(sub), 0, 0))
}

/** The summary a client holds, as the model writes it (numbers computed). */
function read(ydoc: Y.Doc): string {
  return sharedProblem(ydoc) === null ? toText(summaryOfShared(ydoc)!) : `(invalid: ${sharedProblem(ydoc)})`
}

describe('concurrent structural changes', () => {
  it('a writer back from offline with a 1. under a section where another added （一） meanwhile: both kept, numbered （一） （二）, nothing refused', async () => {
    const doc = 'merge/offline-subsections'
    const a = await join(doc, 'u-a')
    editSummary(a.ydoc, (d) => d.type.create(d.attrs, importText(draft).doc.content))
    await acknowledged(a)
    const b = await join(doc, 'u-b')
    await waitFor(() => read(b.ydoc).includes('一、主要工作'), 'the section at b')
    // b goes offline, keeping its copy; each adds a subsection to 一、 meanwhile.
    const offline = b.ydoc
    b.destroy()
    editSummary(a.ydoc, addSubsection('section2', '强化队伍建设'))
    await acknowledged(a)
    editSummary(offline, addSubsection('section3', '完善工作制度'))
    // Back online with the same copy.
    const back = await join(doc, 'u-b', offline)
    await waitFor(() => read(a.ydoc) === read(back.ydoc) && read(a.ydoc).includes('完善工作制度') && read(a.ydoc).includes('强化队伍建设'), 'both writers converging on both subsections')
    const text = read(a.ydoc)
    expect(text).toMatch(/（一）(强化队伍建设|完善工作制度)\n[\s\S]*（二）(强化队伍建设|完善工作制度)/)
    expect(text).toContain('强化队伍建设取得成效。')
    expect(text).toContain('完善工作制度取得成效。')
    expect(read(server.running.server.hocuspocus.documents.get(doc)!)).toBe(text)
    expect(server.running.logs.filter((e) => e.event === 'update-refused')).toEqual([])
    expect(server.running.logs.find((e) => e.event === 'merge-to-repair')?.user).toBe('u-b')
    expect(server.running.logs.find((e) => e.event === 'merge-repaired')?.reason).toBe('a section3 of a section1 made a section2')
    expect(back.closes.filter((r) => r.startsWith('update-refused'))).toEqual([])
  })

  it('a merge stored before its repair (the server stopped within the pause it waits for) is repaired when the document is loaded again', async () => {
    const dataDir = tempDir()
    const doc = 'merge/stored'
    let first: Running | null = await startServer({}, dataDir)
    let second: Running | null = null
    const own: Client[] = []
    const as = async (server: Running, id: string, ydoc?: Y.Doc) => {
      const c = await connectSynced(server.server.url, doc, await tokenFor(doc, 'editor', { id, name: id }), ydoc)
      own.push(c)
      return c
    }
    try {
      const a = await as(first, 'u-a')
      editSummary(a.ydoc, (d) => d.type.create(d.attrs, importText(draft).doc.content))
      await acknowledged(a)
      // b's copy, offline from here; a adds （一） online, b 1. offline.
      const offline = new Y.Doc()
      Y.applyUpdate(offline, Y.encodeStateAsUpdate(a.ydoc))
      editSummary(a.ydoc, addSubsection('section2', '强化队伍建设'))
      await acknowledged(a)
      editSummary(offline, addSubsection('section3', '完善工作制度'))
      const b = await as(first, 'u-b', offline)
      await acknowledged(b)
      expect(first.logs.some((e) => e.event === 'merge-to-repair')).toBe(true)
      // Stopped at once: the repair waits for a pause that never comes.
      for (const c of own.splice(0)) c.destroy()
      await first.server.stop(10_000)
      expect(first.logs.some((e) => e.event === 'merge-repaired')).toBe(false)
      first = null
      second = await startServer({}, dataDir)
      const c = await as(second, 'u-c')
      const text = read(c.ydoc)
      expect(text).toMatch(/（一）(强化队伍建设|完善工作制度)\n[\s\S]*（二）(强化队伍建设|完善工作制度)/)
      expect(text).toContain('完善工作制度取得成效。')
      expect(text).toContain('强化队伍建设取得成效。')
      expect(second.logs.find((e) => e.event === 'merge-repaired')?.reason).toBe('a section3 of a section1 made a section2 (as stored)')
      expect(second.logs.some((e) => e.event === 'stored-document-invalid')).toBe(false)
    } finally {
      for (const c of own) c.destroy()
      if (first) await first.server.stop(10_000)
      if (second) await second.server.stop(10_000)
      removeDir(dataDir)
    }
  })
})
