import type { Connection, connectedPayload, onTokenSyncPayload } from '@hocuspocus/server'
import { verifyToken, TokenError, type TokenCheck } from './tokens.ts'
import type { ConnectionContext } from './authentication.ts'
import type { Logger } from './log.ts'

/**
 * A token is checked when a writer connects, and it expires: an OA session that ends (the writer
 * logged out, their role taken away) must not leave them writing for hours over a connection
 * still open. So the server asks the writer's page for a fresh token shortly before the one it
 * holds expires (Hocuspocus' token sync: the provider answers with its `token`, a function the page
 * gives to renew it), checks it as at connecting (same document, same user and role), and closes
 * the writer's connection to the document with `token-expired` when it expires unrenewed. The page
 * then connects again with whatever token it has, and is refused if it is expired.
 */

/** The close event a connection whose token expired gets: the page connects again, with a fresh token or refused. */
export const tokenExpired = { code: 4401, reason: 'token-expired' }

/** The timers of a connection: when to ask for a fresh token, and when to close it. */
interface Timers {
  ask: ReturnType<typeof setTimeout> | null
  end: ReturnType<typeof setTimeout>
}

/** The hooks that keep a connection's token fresh (`connected`, `onTokenSync`); the page is asked for a fresh token `renewBefore` ms before it expires. */
export function tokenExpiryHooks(check: TokenCheck, log: Logger, renewBefore: number) {
  const timers = new WeakMap<Connection<ConnectionContext>, Timers>()

  /** (Re)sets the connection's timers for a token expiring at `expires` (seconds since 1970); `ask` false when asking would bring no later one. */
  function schedule(connection: Connection<ConnectionContext>, documentName: string, expires: number, ask: boolean) {
    const old = timers.get(connection)
    if (old) {
      if (old.ask) clearTimeout(old.ask)
      clearTimeout(old.end)
    }
    const left = expires * 1000 - Date.now()
    const context = connection.context
    timers.set(connection, {
      ask: ask ? setTimeout(() => connection.requestToken(), Math.max(0, left - renewBefore)) : null,
      end: setTimeout(() => {
        log({ level: 'info', event: 'token-expired', document: documentName, user: context?.user?.id, role: context?.role })
        connection.close(tokenExpired)
      }, Math.max(0, left)),
    })
  }

  return {
    async connected({ connection, context, documentName }: connectedPayload<ConnectionContext>) {
      if (!context?.expires) return
      schedule(connection, documentName, context.expires, true)
      connection.onClose(() => {
        const t = timers.get(connection)
        if (t?.ask) clearTimeout(t.ask)
        if (t) clearTimeout(t.end)
        timers.delete(connection)
      })
    },

    /** The page's answer: a token for the same document, user and role renews the connection; anything else closes it (Hocuspocus closes it when this throws). */
    async onTokenSync({ token, connection, documentName }: onTokenSyncPayload<ConnectionContext>) {
      const context = connection.context
      try {
        const grant = await verifyToken(token, documentName, check)
        if (grant.user.id !== context.user.id || grant.role !== context.role) throw new TokenError('role', 'a renewed token must name the same user and role; connect again for another')
        const later = grant.expires > context.expires
        context.expires = grant.expires
        log({ level: 'info', event: 'token-renewed', document: documentName, user: context.user.id, role: context.role, renewed: later })
        // The same token again (a page with no way to renew it): no more asking, the connection ends when it expires.
        schedule(connection, documentName, grant.expires, later)
      } catch (e) {
        const error = e instanceof TokenError ? e : new TokenError('malformed', 'the token could not be checked')
        log({ level: 'warn', event: 'token-renewal-refused', document: documentName, user: context?.user?.id, role: context?.role, reason: `${error.reason}: ${error.message}` })
        throw error
      }
    },
  }
}
