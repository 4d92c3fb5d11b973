import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { acknowledged, authMessage, connect, connectSynced, openingText, rawExchange, secretBytes, startServer, syncStep1Message, tokenFor, waitFor, type Running } from './helpers.ts'
import { TokenError, verifyToken } from '../src/index.ts'
import { sharedContent } from '../src/shared.ts'

const phrase = '独一无二的机密短语甲乙丙'
const doc = 'tokens/secret-doc'

let running: Running
let writer: Awaited<ReturnType<typeof connectSynced>>

beforeAll(async () => {
  running = await startServer()
  writer = await connectSynced(running.server.url, doc, await tokenFor(doc, 'editor'))
  openingText(writer.ydoc).insert(0, phrase)
  await acknowledged(writer)
})

afterAll(async () => {
  writer?.destroy()
  await running?.cleanup()
})

const badTokens: [string, () => Promise<string>][] = [
  ['missing', async () => ''],
  ['expired', () => tokenFor(doc, 'editor', undefined, -60)],
  ['signature', () => tokenFor(doc, 'editor', undefined, 3600, new TextEncoder().encode('another-secret-another-secret-another-secret'))],
  ['other-document', () => tokenFor('tokens/another-doc', 'editor')],
  [
    'role',
    () =>
      new SignJWT({ doc, role: 'admin', name: '某人' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u1')
        .setExpirationTime('1h')
        .sign(secretBytes),
  ],
  ['malformed', async () => 'not.a.jwt'],
]

describe('tokens', () => {
  for (const [reason, make] of badTokens) {
    it(`refuses a token (${reason}): authenticationFailed, and nothing of the document sent`, async () => {
      const token = await make()
      const client = connect(running.server.url, doc, token)
      try {
        await waitFor(() => client.refused !== null, 'refusal')
        expect(client.refused).toBe(reason)
        expect(sharedContent(client.ydoc).length).toBe(0)
      } finally {
        client.destroy()
      }
      // A raw client asking for the whole document before and after its bad token.
      const frames = await rawExchange(running.server.url, [syncStep1Message(doc), authMessage(doc, token), syncStep1Message(doc)], Buffer.from(reason))
      const needle = Buffer.from(phrase.slice(0, 4), 'utf8')
      expect(frames.length).toBeGreaterThan(0)
      for (const frame of frames) expect(frame.includes(needle)).toBe(false)
      expect(Buffer.concat(frames).includes(Buffer.from(reason))).toBe(true)
      expect(running.logs.some((e) => e.event === 'connection-refused' && e.reason?.startsWith(reason))).toBe(true)
    })
  }

  it('a good token is accepted, and a raw client with it gets the document (the check above can see it)', async () => {
    const frames = await rawExchange(running.server.url, [authMessage(doc, await tokenFor(doc, 'reader')), syncStep1Message(doc)], Buffer.from(phrase.slice(0, 4), 'utf8'))
    expect(Buffer.concat(frames).includes(Buffer.from(phrase.slice(0, 4), 'utf8'))).toBe(true)
  })

  it('verifyToken gives the user, role and document, and TokenError reasons', async () => {
    const check = { key: { kind: 'secret' as const, secret: secretBytes, algorithms: ['HS256'] as ['HS256'], development: false }, issuer: null, audience: null }
    const grant = await verifyToken(await tokenFor('d', 'reviewer', { id: 'u7', name: '李四' }), 'd', check)
    expect(grant).toMatchObject({ user: { id: 'u7', name: '李四' }, role: 'reviewer', document: 'd' })
    await expect(verifyToken(await tokenFor('d'), 'e', check)).rejects.toMatchObject({ reason: 'other-document' })
    await expect(verifyToken(await tokenFor('d'), 'd', { ...check, issuer: 'oa' })).rejects.toBeInstanceOf(TokenError)
    await expect(verifyToken(await tokenFor('d'), 'd', { ...check, issuer: 'oa' })).rejects.toMatchObject({ reason: 'issuer' })
  })
})
