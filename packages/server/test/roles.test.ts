import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { schema } from '@zongjie/model'
import { acknowledged, connect, connectSynced, editSummary, openingText, serverForTests, sleep, textOf, tokenFor, waitFor, type Client } from './helpers.ts'
import { sharedContent, sharedProblem, summaryOfShared } from '../src/shared.ts'

const server = serverForTests()
const clients = server.clients

async function join(doc: string, role: 'editor' | 'reviewer' | 'reader', id = `u-${role}`): Promise<Client> {
  const client = await connectSynced(server.running.server.url, doc, await tokenFor(doc, role, { id, name: `${role}用户` }))
  clients.push(client)
  return client
}

/** The server's copy of a document. */
function serverCopy(doc: string): Y.Doc {
  const document = server.running.server.hocuspocus.documents.get(doc)
  if (!document) throw new Error(`${doc} is not loaded`)
  return document
}

const author = { id: 'u-reviewer', name: 'reviewer用户' }
const time = '2024-07-08T09:30:00+08:00'

/** The opening paragraph with `text` added at its end, marked `marks`. */
function withOpening(doc: Node, text: string, marks: ReturnType<typeof schema.mark>[] = [], attrs: Record<string, unknown> = {}): Node {
  const json = doc.toJSON()
  const paragraph = json.content[1].content[0]
  paragraph.content = [...(paragraph.content ?? []), { type: 'text', text, marks: marks.map((m) => m.toJSON()) }]
  json.attrs = { ...json.attrs, ...attrs }
  const out = schema.nodeFromJSON(json)
  out.check()
  return out
}

describe('roles', () => {
  it("refuses a reader's update: not in the server's copy, not on an editor's client", async () => {
    const doc = 'roles/reader'
    const editor = await join(doc, 'editor')
    const reader = await join(doc, 'reader')
    openingText(reader.ydoc).insert(0, '读者不该写入的话')
    await waitFor(() => server.running.logs.some((e) => e.event === 'update-refused' && e.role === 'reader'), 'the refusal logged')
    // The editor keeps working, and sees nothing of the reader's text.
    openingText(editor.ydoc).insert(0, '编辑写的话')
    await acknowledged(editor)
    await waitFor(() => textOf(reader.ydoc).includes('编辑写的话'), 'the reader receiving the edit')
    expect(textOf(serverCopy(doc))).toBe('编辑写的话')
    expect(textOf(editor.ydoc)).toBe('编辑写的话')
    expect(reader.provider.unsyncedChanges).toBeGreaterThan(0)
  })

  it("refuses a reviewer's direct edit, and accepts a reviewer's suggestion and comment", async () => {
    const doc = 'roles/reviewer'
    const editor = await join(doc, 'editor')
    openingText(editor.ydoc).insert(0, '原文。')
    await acknowledged(editor)

    const reviewer = await join(doc, 'reviewer')
    openingText(reviewer.ydoc).insert(3, '审阅人直接改的字')
    await waitFor(() => reviewer.closes.includes('update-refused:reviewer-edit'), "the reviewer's connection closed")
    expect(textOf(serverCopy(doc))).toBe('原文。')
    expect(server.running.logs.some((e) => e.event === 'update-refused' && e.role === 'reviewer' && e.reason?.startsWith('reviewer-edit'))).toBe(true)
    reviewer.destroy()

    // A suggestion: the text marked inserted, with its entry.
    const suggester = await join(doc, 'reviewer')
    editSummary(suggester.ydoc, (d) =>
      withOpening(d, '建议加的字', [schema.mark('insertion', { id: 's1' })], { suggestions: [{ id: 's1', author, time, kind: 'insert' }] }),
    )
    await acknowledged(suggester)
    await waitFor(() => textOf(editor.ydoc).includes('建议加的字'), 'the suggestion reaching the editor')
    const onServer = summaryOfShared(serverCopy(doc))!
    expect(onServer.textContent).toBe('原文。建议加的字')
    expect(onServer.attrs.suggestions).toEqual([{ id: 's1', author, time, kind: 'insert' }])

    // A comment on the original text.
    editSummary(suggester.ydoc, (d) => {
      const json = d.toJSON()
      const paragraph = json.content[1].content[0]
      paragraph.content[0].marks = [{ type: 'comment', attrs: { id: 'c1' } }]
      json.attrs = { ...json.attrs }
      json.attrs.comments = [{ id: 'c1', author, time, text: '请核实', replies: [], resolved: false, quote: '原文。', scope: 'text' }]
      return schema.nodeFromJSON(json)
    })
    await acknowledged(suggester)
    await waitFor(() => (summaryOfShared(editor.ydoc)!.attrs.comments as unknown[]).length === 1, 'the comment reaching the editor')
    expect(suggester.closes).toEqual([])

    // Accepting a suggestion is the editor's, not the reviewer's.
    editSummary(suggester.ydoc, (d) => {
      const json = d.toJSON()
      const paragraph = json.content[1].content[0]
      paragraph.content[1].marks = []
      json.attrs = { ...json.attrs, suggestions: [] }
      return schema.nodeFromJSON(json)
    })
    await waitFor(() => suggester.closes.includes('update-refused:reviewer-edit'), 'the accepting refused')
    expect(summaryOfShared(serverCopy(doc))!.attrs.suggestions).toHaveLength(1)
  })

  it('refuses an update that breaks the schema, logs it, and the other client keeps a valid summary and keeps working', async () => {
    const doc = 'roles/schema'
    const phrase = '机密的标题文字'
    const editor = await join(doc, 'editor')
    const rogue = await join(doc, 'editor', 'u-rogue')
    rogue.ydoc.transact(() => {
      const heading = new Y.XmlElement('heading')
      heading.insert(0, [new Y.XmlText(phrase)])
      sharedContent(rogue.ydoc).insert(0, [heading])
    })
    await waitFor(() => rogue.closes.includes('update-refused:schema'), "the rogue's connection closed")
    const refusal = server.running.logs.find((e) => e.event === 'update-refused' && e.user === 'u-rogue')
    expect(refusal?.reason).toMatch(/^schema: Invalid content for node doc/)
    expect(JSON.stringify(server.running.logs)).not.toContain(phrase)
    await sleep(100)
    expect(sharedProblem(serverCopy(doc))).toBeNull()
    expect(sharedProblem(editor.ydoc)).toBeNull()
    expect(sharedContent(editor.ydoc).length).toBe(3)
    openingText(editor.ydoc).insert(0, '照常工作')
    await acknowledged(editor)
    expect(textOf(serverCopy(doc))).toBe('照常工作')
    // The rogue reconnecting with its change is refused again; the document stays as it is.
    rogue.destroy()
    const again = connect(server.running.server.url, doc, await tokenFor(doc, 'editor', { id: 'u-rogue', name: 'x' }), rogue.ydoc)
    clients.push(again)
    await waitFor(() => again.closes.includes('update-refused:schema'), 'the rogue refused again')
    expect(sharedProblem(serverCopy(doc))).toBeNull()
    expect(textOf(editor.ydoc)).toBe('照常工作')
  })

  it('refuses an update that empties the summary, and one writing another shared type', async () => {
    const doc = 'roles/empty'
    const editor = await join(doc, 'editor')
    const rogue = await join(doc, 'editor', 'u-rogue2')
    rogue.ydoc.transact(() => sharedContent(rogue.ydoc).delete(0, sharedContent(rogue.ydoc).length))
    await waitFor(() => rogue.closes.includes('update-refused:emptied'), 'emptying refused')
    const other = await join(doc, 'editor', 'u-rogue3')
    other.ydoc.getText('elsewhere').insert(0, 'x')
    await waitFor(() => other.closes.includes('update-refused:unknown-shared-type'), 'another shared type refused')
    expect(sharedContent(serverCopy(doc)).length).toBe(3)
    expect(sharedContent(editor.ydoc).length).toBe(3)
  })
})
