import { createPublicKey, randomBytes, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Summary } from '@zongjie/model'
import type { Logger } from './log.ts'

/**
 * What the server is given: by `createServer(options)`, or read from the environment by
 * {@link optionsFromEnv} (the variable each reads is named on it).
 */
export interface ServerOptions {
  /** HOST: the address to listen on; 127.0.0.1 by default (put a TLS proxy in front for others). */
  host?: string
  /** PORT: the port; 1234 by default, 0 for any free one. */
  port?: number
  /** DATA_DIR: where the SQLite file `zongjie.sqlite` is kept; `./data` by default. Not used with a database URL. */
  dataDir?: string
  /** DATABASE_URL: a PostgreSQL URL (`postgres://user:password@host:5432/db`); documents are kept there instead of SQLite. */
  databaseUrl?: string
  /** REDIS_URL: a Redis URL (`redis://host:6379`) through which several instances share their documents. */
  redisUrl?: string
  /** ZONGJIE_JWT_SECRET: the HS256 secret the OA system signs tokens with, at least 32 characters. */
  jwtSecret?: string
  /** ZONGJIE_JWT_PUBLIC_KEY: the PEM public key (RSA for RS256, EC P-256 for ES256) the OA system's tokens are checked with, or the path of a file holding it. */
  jwtPublicKey?: string
  /** ZONGJIE_JWT_ISSUER: the `iss` every token must carry, when set. */
  jwtIssuer?: string
  /** ZONGJIE_JWT_AUDIENCE: the `aud` every token must carry, when set. */
  jwtAudience?: string
  /** NODE_ENV=production: refuse to start without a key (no development mode). */
  production?: boolean
  /**
   * The summary a new document starts with (Summary JSON, as the model's `toSummary` writes it),
   * by its name; null or absent for an empty summary (a title, an opening paragraph, a closing).
   * Must give the same summary each time for the same name.
   */
  initialSummary?: (documentName: string) => Summary | null | undefined | Promise<Summary | null | undefined>
  /** Where the log goes; JSON lines on stdout by default. */
  log?: Logger
  /** How long after a change a document is stored, in ms (Hocuspocus' `debounce`); 2000 by default. */
  debounce?: number
  /** The longest a changed document waits to be stored while changes keep coming, in ms; 10000 by default. */
  maxDebounce?: number
  /** How long before a writer's token expires the server asks their page for a fresh one, in ms; 60000 by default. */
  tokenRenewal?: number
}

/** A configuration the server cannot start with; the message says what to set. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** The key tokens are checked with. */
export type VerificationKey =
  | { kind: 'secret'; secret: Uint8Array; algorithms: ['HS256']; development: boolean }
  | { kind: 'public-key'; key: KeyObject; algorithms: ['RS256'] | ['ES256'] }

/** The configuration the server runs with: the options checked, defaults filled in. */
export interface ServerConfig {
  host: string
  port: number
  storage: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }
  redisUrl: string | null
  key: VerificationKey
  issuer: string | null
  audience: string | null
  initialSummary: NonNullable<ServerOptions['initialSummary']> | null
  debounce: number
  maxDebounce: number
  tokenRenewal: number
}

/** The shortest HS256 secret accepted, in characters (256 bits of ASCII). */
export const minimumSecretLength = 32

/** The options the environment gives (HOST, PORT, DATA_DIR, DATABASE_URL, REDIS_URL, ZONGJIE_JWT_*, NODE_ENV); empty variables count as unset. */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): ServerOptions {
  const get = (name: string) => {
    const value = env[name]?.trim()
    return value ? value : undefined
  }
  const port = get('PORT')
  const options: ServerOptions = {
    host: get('HOST'),
    port: port === undefined ? undefined : parsePort(port),
    dataDir: get('DATA_DIR'),
    databaseUrl: get('DATABASE_URL'),
    redisUrl: get('REDIS_URL'),
    jwtSecret: env.ZONGJIE_JWT_SECRET || undefined,
    jwtPublicKey: get('ZONGJIE_JWT_PUBLIC_KEY'),
    jwtIssuer: get('ZONGJIE_JWT_ISSUER'),
    jwtAudience: get('ZONGJIE_JWT_AUDIENCE'),
    production: get('NODE_ENV') === 'production',
  }
  return options
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) throw new ConfigError(`PORT must be a port number from 0 to 65535, not ${JSON.stringify(text)}`)
  return port
}

/** Checks the options and fills in the defaults. Throws a {@link ConfigError} saying what to set. */
export function resolveConfig(options: ServerOptions): ServerConfig {
  const port = options.port ?? 1234
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port must be a port number from 0 to 65535, not ${port}`)
  return {
    host: options.host ?? '127.0.0.1',
    port,
    storage: options.databaseUrl
      ? { kind: 'postgres', url: checkUrl(options.databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:']) }
      : { kind: 'sqlite', file: resolve(options.dataDir ?? './data', 'zongjie.sqlite') },
    redisUrl: options.redisUrl ? checkUrl(options.redisUrl, 'REDIS_URL', ['redis:', 'rediss:']) : null,
    key: verificationKey(options),
    issuer: options.jwtIssuer ?? null,
    audience: options.jwtAudience ?? null,
    initialSummary: options.initialSummary ?? null,
    debounce: options.debounce ?? 2000,
    maxDebounce: options.maxDebounce ?? 10000,
    tokenRenewal: options.tokenRenewal ?? 60_000,
  }
}

function checkUrl(url: string, name: string, protocols: string[]): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ConfigError(`${name} is not a URL; expected ${protocols[0]}//host:port/…`)
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${name} must start with ${protocols.join(' or ')}//, not ${parsed.protocol}//`)
  return url
}

function verificationKey(options: ServerOptions): VerificationKey {
  if (options.jwtSecret && options.jwtPublicKey) {
    throw new ConfigError('Set ZONGJIE_JWT_SECRET (HS256) or ZONGJIE_JWT_PUBLIC_KEY (RS256/ES256), not both')
  }
  if (options.jwtSecret) {
    if (options.jwtSecret.length < minimumSecretLength) {
      throw new ConfigError(`ZONGJIE_JWT_SECRET is ${options.jwtSecret.length} characters; use at least ${minimumSecretLength} (e.g. \`openssl rand -base64 48\`)`)
    }
    return { kind: 'secret', secret: new TextEncoder().encode(options.jwtSecret), algorithms: ['HS256'], development: false }
  }
  if (options.jwtPublicKey) return publicKey(options.jwtPublicKey)
  if (options.production) {
    throw new ConfigError(
      'NODE_ENV=production and no key to check tokens with: set ZONGJIE_JWT_SECRET (the HS256 secret the OA system signs with) or ZONGJIE_JWT_PUBLIC_KEY (its PEM public key, RS256 or ES256)',
    )
  }
  return { kind: 'secret', secret: randomBytes(32), algorithms: ['HS256'], development: true }
}

function publicKey(value: string): VerificationKey {
  let pem = value
  if (!value.includes('-----BEGIN')) {
    if (!existsSync(value)) throw new ConfigError('ZONGJIE_JWT_PUBLIC_KEY is neither a PEM public key (-----BEGIN PUBLIC KEY-----…) nor the path of a file holding one')
    pem = readFileSync(value, 'utf8')
  }
  let key: KeyObject
  try {
    key = createPublicKey(pem)
  } catch (e) {
    throw new ConfigError(`ZONGJIE_JWT_PUBLIC_KEY is not a PEM public key that can be read (${e instanceof Error ? e.message : e})`)
  }
  if (key.asymmetricKeyType === 'rsa') return { kind: 'public-key', key, algorithms: ['RS256'] }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return { kind: 'public-key', key, algorithms: ['ES256'] }
  throw new ConfigError(`ZONGJIE_JWT_PUBLIC_KEY must be an RSA key (RS256) or an EC P-256 key (ES256), not ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ' ' + key.asymmetricKeyDetails.namedCurve : ''}`)
}
