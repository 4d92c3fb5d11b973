import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose'
import type { VerificationKey } from './config.ts'

/** What a user may do with a document: edit it, comment and suggest (review), or only read it. */
export type Role = 'editor' | 'reviewer' | 'reader'

/** The roles, as a token names them. */
export const roles: readonly Role[] = ['editor', 'reviewer', 'reader']

/** The user a token was issued to. */
export interface TokenUser {
  /** The user's id in the OA system (the token's `sub`). */
  id: string
  /** The name shown to the other writers (the token's `name`). */
  name: string
}

/** What a verified token grants: this user, in this role, on this document, until `expires`. */
export interface Grant {
  user: TokenUser
  role: Role
  document: string
  /** When the token expires (its `exp`, seconds since 1970). */
  expires: number
}

/** Why a token was refused. */
export type TokenProblem =
  | 'missing'
  | 'expired'
  | 'not-yet-valid'
  | 'signature'
  | 'other-document'
  | 'role'
  | 'issuer'
  | 'audience'
  | 'malformed'

/**
 * A token refused. `reason` is what the client is told (Hocuspocus sends it in its
 * permission-denied message, the provider's `authenticationFailed` event gives it): say
 * `expired` and the page fetches a new token.
 */
export class TokenError extends Error {
  override name = 'TokenError'
  constructor(
    readonly reason: TokenProblem,
    message: string,
  ) {
    super(message)
  }
}

/** What to check tokens against: the key, and the issuer and audience when required. */
export interface TokenCheck {
  key: VerificationKey
  issuer: string | null
  audience: string | null
}

/**
 * Verifies a token for a document: signed with the configured key, not expired, for this
 * document (`doc`), with a known `role`, a user (`sub`, `name`) and an `exp`. Throws a
 * {@link TokenError}.
 */
export async function verifyToken(token: string | null | undefined, documentName: string, check: TokenCheck): Promise<Grant> {
  if (!token) throw new TokenError('missing', 'no token: the page must pass the token the OA system issued for this document')
  let payload: JWTPayload
  try {
    const key = check.key.kind === 'secret' ? check.key.secret : check.key.key
    ;({ payload } = await jwtVerify(token, key, {
      algorithms: check.key.algorithms,
      requiredClaims: ['exp', 'sub'],
      ...(check.issuer ? { issuer: check.issuer } : {}),
      ...(check.audience ? { audience: check.audience } : {}),
    }))
  } catch (e) {
    throw tokenErrorOf(e)
  }
  if (payload.doc !== documentName) throw new TokenError('other-document', 'the token was issued for another document')
  if (!roles.includes(payload.role as Role)) throw new TokenError('role', `the token's role must be one of ${roles.join(', ')}`)
  if (typeof payload.sub !== 'string' || !payload.sub) throw new TokenError('malformed', 'the token has no user id (sub)')
  const name = typeof payload.name === 'string' && payload.name ? payload.name : payload.sub
  return { user: { id: payload.sub, name }, role: payload.role as Role, document: documentName, expires: payload.exp! }
}

function tokenErrorOf(e: unknown): TokenError {
  if (e instanceof errors.JWTExpired) return new TokenError('expired', 'the token has expired')
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'iss') return new TokenError('issuer', 'the token is from another issuer (iss)')
    if (e.claim === 'aud') return new TokenError('audience', 'the token is for another audience (aud)')
    if (e.claim === 'nbf') return new TokenError('not-yet-valid', 'the token is not valid yet (nbf)')
    return new TokenError('malformed', `the token's ${e.claim} claim is ${e.reason === 'missing' ? 'missing' : 'invalid'}`)
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return new TokenError('signature', 'the token was not signed with the configured key')
  if (e instanceof errors.JOSEAlgNotAllowed) return new TokenError('signature', 'the token is signed with an algorithm this server does not accept')
  return new TokenError('malformed', 'the token is not a JWT that can be read')
}

/** What a development token is asked for (`POST /dev/token`). */
export interface TokenRequest {
  document: string
  role: Role
  user: TokenUser
}

/** Signs a token with an HS256 secret, valid for `seconds` (8 hours by default): what the OA system does, for development and tests. */
export async function signToken(request: TokenRequest, secret: Uint8Array, seconds = 8 * 3600, claims: { issuer?: string | null; audience?: string | null } = {}): Promise<string> {
  let jwt = new SignJWT({ doc: request.document, role: request.role, name: request.user.name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.user.id)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + seconds)
  if (claims.issuer) jwt = jwt.setIssuer(claims.issuer)
  if (claims.audience) jwt = jwt.setAudience(claims.audience)
  return jwt.sign(secret)
}
