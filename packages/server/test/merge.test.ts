import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { acknowledged, connectSynced, editSummary, startServer, tokenFor, waitFor, type Client, type Running } from './helpers.ts'
import { sharedProblem, summaryOfShared } from '../src/shared.ts'

let running: Running
const clients: Client[] = []

beforeAll(async () => {
  running = await startServer()
})
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy()
})
afterAll(async () => {
  await running?.cleanup()
})

async function join(doc: string, id: string, ydoc?: Y.Doc): Promise<Client> {
  const client = await connectSynced(running.server.url, doc, await tokenFor(doc, 'editor', { id, name: id }), ydoc)
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
    const server = running.server.hocuspocus.documents.get(doc)!
    expect(read(server)).toBe(text)
    expect(running.logs.filter((e) => e.event === 'update-refused')).toEqual([])
    expect(running.logs.find((e) => e.event === 'merge-to-repair')?.user).toBe('u-b')
    expect(running.logs.find((e) => e.event === 'merge-repaired')?.reason).toBe('a section3 of a section1 made a section2')
    expect(back.closes.filter((r) => r.startsWith('update-refused'))).toEqual([])
  })
})
