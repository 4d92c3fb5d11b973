import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sharedContent } from '../src/shared.ts'
import { startServer, tokenFor, connect, connectSynced, waitFor, sleep, openingText, acknowledged, type Running, type Client } from './helpers.ts'

let running: Running | null = null
const clients: Client[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await running?.cleanup()
  running = null
})

const writer = { id: 'u-zhang', name: '张三' }

/** What the opening's first paragraph reads in a copy, without making its text (as `openingText` does when it is missing). */
function opening(ydoc: Y.Doc): string {
  const paragraph = (sharedContent(ydoc).get(1) as Y.XmlElement | undefined)?.get(0) as Y.XmlElement | undefined
  return paragraph ? paragraph.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''
}

describe('a token that expires while the writer is connected', () => {
  it('ends the connection to the document when the page cannot renew it; the writer\'s later edits reach no one', async () => {
    running = await startServer({ tokenRenewal: 1000 })
    const url = `ws://127.0.0.1:${running.server.port}`
    const other = await connectSynced(url, 'expiring', await tokenFor('expiring', 'editor', { id: 'u-li', name: '李四' }))
    const short = await connectSynced(url, 'expiring', await tokenFor('expiring', 'editor', writer, 5))
    clients.push(other, short)
    openingText(short.ydoc).insert(0, '到期前')
    await waitFor(() => opening(other.ydoc) === '到期前', 'the edit before expiry')
    await waitFor(() => short.closes.includes('token-expired'), 'the connection closed at expiry', 15_000)
    expect(running.logs.some((e) => e.event === 'token-expired' && e.user === 'u-zhang')).toBe(true)
    openingText(short.ydoc).insert(0, '到期后')
    await sleep(500)
    expect(opening(other.ydoc)).toBe('到期前')
  })

  it('is renewed when the page gives a fresh token: the connection stays, and edits go on', async () => {
    running = await startServer({ tokenRenewal: 1000 })
    const url = `ws://127.0.0.1:${running.server.port}`
    let asked = 0
    const renewing = async () => (++asked === 1 ? tokenFor('renewed', 'editor', writer, 3) : tokenFor('renewed', 'editor', writer, 3600))
    const other = await connectSynced(url, 'renewed', await tokenFor('renewed', 'editor', { id: 'u-li', name: '李四' }))
    const client = await connectSynced(url, 'renewed', renewing)
    clients.push(other, client)
    await waitFor(() => running!.logs.some((e) => e.event === 'token-renewed' && e.renewed === true), 'the renewal')
    await sleep(3500)
    expect(client.closes).not.toContain('token-expired')
    openingText(client.ydoc).insert(0, '续期后')
    await acknowledged(client)
    await waitFor(() => opening(other.ydoc) === '续期后', 'the edit after the first token expired')
  })

  it("refuses a renewed token naming another user, and closes the connection", async () => {
    running = await startServer({ tokenRenewal: 1000 })
    const url = `ws://127.0.0.1:${running.server.port}`
    let asked = 0
    const swapping = async () => (++asked === 1 ? tokenFor('swapped', 'editor', writer, 3) : tokenFor('swapped', 'editor', { id: 'u-wang', name: '王五' }, 3600))
    const client = connect(url, 'swapped', swapping)
    clients.push(client)
    await waitFor(() => running!.logs.some((e) => e.event === 'token-renewal-refused' && e.user === 'u-zhang' && e.reason?.startsWith('role')), 'the refusal')
    await waitFor(() => client.closes.length > 0 || !client.provider.isAuthenticated, 'the connection closed')
  })
})
