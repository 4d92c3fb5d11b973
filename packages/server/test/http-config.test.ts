import { afterEach, describe, expect, it } from 'vitest'
import { generateKeyPairSync } from 'node:crypto'
import { SignJWT } from 'jose'
import { connectSynced, startServer, tokenFor, type Client, type Running } from './helpers.ts'
import { ConfigError, optionsFromEnv, resolveConfig, verifyToken, createServer } from '../src/index.ts'

const running: Running[] = []
const clients: Client[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  for (const r of running.splice(0)) await r.cleanup()
})

async function start(options: Parameters<typeof startServer>[0] = {}) {
  const r = await startServer(options)
  running.push(r)
  return r
}

describe('HTTP', () => {
  it('GET /health answers the documents and connections', async () => {
    const { server } = await start()
    const empty = await fetch(`${server.httpUrl}/health`)
    expect(empty.status).toBe(200)
    expect(await empty.json()).toEqual({ status: 'ok', documents: 0, connections: 0 })
    clients.push(await connectSynced(server.url, 'health/a', await tokenFor('health/a')))
    clients.push(await connectSynced(server.url, 'health/b', await tokenFor('health/b')))
    expect(await (await fetch(`${server.httpUrl}/health`)).json()).toEqual({ status: 'ok', documents: 2, connections: 2 })
    expect((await fetch(`${server.httpUrl}/elsewhere`)).status).toBe(404)
  })

  it('has no /dev/token with a key configured', async () => {
    const { server } = await start()
    const response = await fetch(`${server.httpUrl}/dev/token`, { method: 'POST', body: JSON.stringify({ document: 'd', role: 'editor', user: { id: 'u', name: 'n' } }) })
    expect(response.status).toBe(404)
  })

  it('in development mode (no key): warns, and POST /dev/token gives a loopback client a token the server accepts', async () => {
    const { server, logs } = await start({ jwtSecret: undefined })
    expect(logs.some((e) => e.event === 'development-mode' && e.level === 'warn')).toBe(true)
    const ask = (body: unknown) => fetch(`${server.httpUrl}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' }, body: JSON.stringify(body) })
    const response = await ask({ document: 'dev/doc', role: 'reviewer', user: { id: 'u9', name: '王五' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    const { token } = (await response.json()) as { token: string }
    const grant = await verifyToken(token, 'dev/doc', { key: server.config.key, issuer: null, audience: null })
    expect(grant).toMatchObject({ role: 'reviewer', user: { id: 'u9', name: '王五' } })
    clients.push(await connectSynced(server.url, 'dev/doc', token))
    expect((await ask({ document: 'dev/doc', role: 'admin', user: { id: 'u9', name: 'x' } })).status).toBe(400)
    const proxied = await fetch(`${server.httpUrl}/dev/token`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9' }, body: JSON.stringify({ document: 'd', role: 'editor', user: { id: 'u', name: 'n' } }) })
    expect(proxied.status).toBe(403)
  })
})

describe('configuration', () => {
  it('reads the environment, with the defaults', () => {
    const config = resolveConfig(optionsFromEnv({ ZONGJIE_JWT_SECRET: 'x'.repeat(32) }))
    expect(config).toMatchObject({ host: '127.0.0.1', port: 1234, redisUrl: null, issuer: null, audience: null, debounce: 2000 })
    expect(config.storage).toEqual({ kind: 'sqlite', file: expect.stringMatching(/\/data\/zongjie\.sqlite$/) })
    const pg = resolveConfig(optionsFromEnv({ ZONGJIE_JWT_SECRET: 'x'.repeat(32), DATABASE_URL: 'postgres://u:p@db:5432/z', HOST: '0.0.0.0', PORT: '8080', ZONGJIE_JWT_ISSUER: 'oa' }))
    expect(pg).toMatchObject({ host: '0.0.0.0', port: 8080, storage: { kind: 'postgres', url: 'postgres://u:p@db:5432/z' }, issuer: 'oa' })
  })

  it('refuses what it cannot run with, saying what to set', () => {
    expect(() => resolveConfig(optionsFromEnv({ NODE_ENV: 'production' }))).toThrow(ConfigError)
    expect(() => resolveConfig(optionsFromEnv({ NODE_ENV: 'production' }))).toThrow(/ZONGJIE_JWT_SECRET.*ZONGJIE_JWT_PUBLIC_KEY/)
    expect(() => createServer({ production: true })).toThrow(ConfigError)
    expect(() => resolveConfig({ jwtSecret: 'short' })).toThrow(/at least 32/)
    expect(() => optionsFromEnv({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => resolveConfig({ jwtSecret: 'x'.repeat(32), databaseUrl: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/)
    expect(() => resolveConfig({ jwtPublicKey: 'not a key' })).toThrow(/ZONGJIE_JWT_PUBLIC_KEY/)
    expect(resolveConfig({}).key).toMatchObject({ kind: 'secret', development: true })
  })

  it('checks RS256 and ES256 tokens with a PEM public key', async () => {
    for (const [type, alg, options] of [
      ['rsa', 'RS256', { modulusLength: 2048 }],
      ['ec', 'ES256', { namedCurve: 'P-256' }],
    ] as const) {
      const { publicKey, privateKey } = generateKeyPairSync(type as 'rsa', options as { modulusLength: number })
      const config = resolveConfig({ jwtPublicKey: publicKey.export({ type: 'spki', format: 'pem' }) as string, jwtAudience: 'zongjie' })
      expect(config.key.kind).toBe('public-key')
      const token = await new SignJWT({ doc: 'd', role: 'editor', name: '赵六' }).setProtectedHeader({ alg }).setSubject('u1').setAudience('zongjie').setExpirationTime('1h').sign(privateKey)
      const check = { key: config.key, issuer: null, audience: 'zongjie' }
      expect(await verifyToken(token, 'd', check)).toMatchObject({ role: 'editor', user: { id: 'u1', name: '赵六' } })
      await expect(verifyToken(token, 'd', { ...check, audience: 'other' })).rejects.toMatchObject({ reason: 'audience' })
      // An HS256 token signed with the public key's bytes (algorithm confusion) is refused.
      const forged = await tokenFor('d', 'editor', undefined, 3600, new TextEncoder().encode(publicKey.export({ type: 'spki', format: 'pem' }) as string))
      await expect(verifyToken(forged, 'd', check)).rejects.toMatchObject({ reason: 'signature' })
    }
  })
})
