import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hocuspocus, onRequestPayload } from '@hocuspocus/server'
import { roles, signToken, type Role, type TokenRequest } from './tokens.ts'
import type { ServerConfig } from './config.ts'
import type { Logger } from './log.ts'

/** The largest body `POST /dev/token` reads, in bytes. */
const maxBody = 16 * 1024

/** What `GET /health` answers. */
export interface Health {
  status: 'ok'
  /** Documents loaded. */
  documents: number
  /** Open connections (WebSocket clients and direct connections). */
  connections: number
}

/** The server's health: the documents loaded and the connections open. */
export function healthOf(instance: Hocuspocus): Health {
  return { status: 'ok', documents: instance.getDocumentsCount(), connections: instance.getConnectionsCount() }
}

/** Whether a request comes from this machine, not through a proxy. */
export function fromLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? ''
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
  return loopback && request.headers['x-forwarded-for'] === undefined && request.headers.forwarded === undefined
}

/** Whether an Origin header names a page served from this machine (`http://localhost:5173` …). */
function loopbackOrigin(origin: string | undefined): origin is string {
  if (!origin) return false
  try {
    const { protocol, hostname } = new URL(origin)
    return (protocol === 'http:' || protocol === 'https:') && (hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.'))
  } catch {
    return false
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers })
  response.end(JSON.stringify(body))
}

async function readBody(request: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBody) throw new Error(`body over ${maxBody} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The token request in a `POST /dev/token` body, or a message saying what is wrong with it. */
export function tokenRequestOf(body: unknown): TokenRequest | string {
  if (typeof body !== 'object' || body === null) return 'the body must be a JSON object {document, role, user: {id, name}}'
  const { document, role, user } = body as Record<string, unknown>
  if (typeof document !== 'string' || !document.trim()) return 'document must be the name of a document'
  if (!roles.includes(role as Role)) return `role must be one of ${roles.join(', ')}`
  if (typeof user !== 'object' || user === null) return 'user must be {id, name}'
  const { id, name } = user as Record<string, unknown>
  if (typeof id !== 'string' || !id) return 'user.id must be a non-empty string'
  if (typeof name !== 'string' || !name) return 'user.name must be a non-empty string'
  return { document, role: role as Role, user: { id, name } }
}

/**
 * The `onRequest` hook: `GET /health`; in development mode only (no key configured), `POST
 * /dev/token` for clients on this machine, answering `{token}` signed with the random key of this
 * run (what the OA system does in production); 404 for anything else. Rejects with nothing once
 * it has answered, which stops Hocuspocus from answering again.
 */
export function requestHook(config: ServerConfig, log: Logger) {
  return async ({ request, response, instance }: onRequestPayload): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0]
    try {
      if (path === '/health' && (request.method === 'GET' || request.method === 'HEAD')) {
        send(response, 200, healthOf(instance))
      } else if (path === '/dev/token' && config.key.kind === 'secret' && config.key.development) {
        await devToken(request, response, config.key.secret, config, log)
      } else {
        send(response, 404, { error: 'not found' })
      }
    } catch (e) {
      log({ level: 'error', event: 'request-failed', reason: `${path}: ${e instanceof Error ? e.message : e}` })
      if (!response.headersSent) send(response, 500, { error: 'internal error' })
      else response.end()
    }
    // Answered: stop Hocuspocus from answering too.
    throw null
  }
}

async function devToken(request: IncomingMessage, response: ServerResponse, secret: Uint8Array, config: ServerConfig, log: Logger) {
  if (!fromLoopback(request)) {
    log({ level: 'warn', event: 'dev-token-refused', reason: 'request from another machine or through a proxy' })
    return send(response, 403, { error: 'development tokens are given only to clients on this machine' })
  }
  const origin = request.headers.origin
  const cors: Record<string, string> = loopbackOrigin(origin) ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}
  if (request.method === 'OPTIONS') {
    response.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'content-type', 'Access-Control-Max-Age': '600' })
    return response.end()
  }
  if (request.method !== 'POST') return send(response, 405, { error: 'POST a JSON body {document, role, user: {id, name}}' }, { Allow: 'POST', ...cors })
  let body: unknown
  try {
    body = JSON.parse(await readBody(request))
  } catch (e) {
    return send(response, 400, { error: `the body is not JSON (${e instanceof Error ? e.message : e})` }, cors)
  }
  const asked = tokenRequestOf(body)
  if (typeof asked === 'string') return send(response, 400, { error: asked }, cors)
  const token = await signToken(asked, secret, 8 * 3600, { issuer: config.issuer, audience: config.audience })
  log({ level: 'info', event: 'dev-token-issued', document: asked.document, user: asked.user.id, role: asked.role })
  send(response, 200, { token }, cors)
}
