import type { onAuthenticatePayload } from '@hocuspocus/server'
import { verifyToken, TokenError, type Role, type TokenCheck, type TokenUser } from './tokens.ts'
import type { Logger } from './log.ts'

/** What the server keeps of a connection once its token is verified (Hocuspocus' connection context). */
export interface ConnectionContext {
  user: TokenUser
  role: Role
  /** When the token expires (seconds since 1970). */
  expires: number
}

/**
 * The `onAuthenticate` hook: verifies the client's token for the document it opens. A refused
 * token is logged and thrown as a {@link TokenError}: Hocuspocus then sends only a
 * permission-denied message with its reason, before anything of the document is loaded or sent. A
 * reader's connection is made read-only, so that Hocuspocus applies none of its updates. The user
 * and role go into the connection's context.
 */
export function authenticationHook(check: TokenCheck, log: Logger) {
  return async (payload: onAuthenticatePayload<ConnectionContext>): Promise<ConnectionContext> => {
    const { documentName, connectionConfig, token } = payload
    try {
      const grant = await verifyToken(token, documentName, check)
      if (grant.role === 'reader') connectionConfig.readOnly = true
      log({ level: 'info', event: 'connection-authenticated', document: documentName, user: grant.user.id, role: grant.role })
      return { user: grant.user, role: grant.role, expires: grant.expires }
    } catch (e) {
      const error = e instanceof TokenError ? e : new TokenError('malformed', 'the token could not be checked')
      log({ level: 'warn', event: 'connection-refused', document: documentName, reason: `${error.reason}: ${error.message}` })
      throw error
    }
  }
}
