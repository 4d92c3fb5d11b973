import * as Y from 'yjs'
import type { beforeHandleMessagePayload } from '@hocuspocus/server'
import { attributesName, contentName } from './shared.ts'
import { SummaryMirror, type SharedState } from './summary-mirror.ts'
import { changesReviewedBase } from './review.ts'
import { clientUpdateIn } from './wire.ts'
import { repairWhenQuiet, type RepairTiming } from './merge-repair.ts'
import { loggable, type Logger } from './log.ts'
import type { ConnectionContext } from './authentication.ts'
import type { Role } from './tokens.ts'

/**
 * Why an update was refused: it would make the shared document no valid summary (`schema`),
 * empty a summary (`emptied`), write a shared type other than the summary's content and
 * attributes (`unknown-shared-type`), it changes the text as a reviewer may not (`reviewer-edit`),
 * it could not be read (`unreadable`), or the connection may not write at all (`not-allowed`).
 */
export type RefusalKind = 'schema' | 'emptied' | 'unknown-shared-type' | 'reviewer-edit' | 'unreadable' | 'not-allowed'

/** An update refused, with why; `detail` is fit for the log (no document text). */
export interface Refusal {
  kind: RefusalKind
  detail: string
}

/**
 * Thrown from `beforeHandleMessage` to refuse a client's update: Hocuspocus then applies none of
 * the message, closes that client's connection to the document and sends it `reason`
 * (`update-refused:<kind>`) in its close message.
 */
export class UpdateRefused extends Error {
  override name = 'UpdateRefused'
  /** The reason Hocuspocus sends the client in its close message. */
  readonly reason: string
  /** The close code Hocuspocus logs (Forbidden). */
  readonly code = 4403
  constructor(readonly refusal: Refusal) {
    super(`update refused (${refusal.kind}): ${refusal.detail}`)
    this.reason = `update-refused:${refusal.kind}`
  }
}

const knownSharedTypes = new Set([contentName, attributesName])

/**
 * An update accepted whose merge with the document leaves the summary out of the schema in a way
 * `repairMerge` puts right (two kinds of subsection in one section …): the document takes it, and
 * is repaired once the writers' changes pause (`repairWhenQuiet`). `done` says what the repair
 * would do now, fit for the log.
 */
export interface Repairable {
  kind: 'repairable'
  done: string[]
}

/** What {@link judgeWith} says of an update: refused (why), accepted (to be repaired), or accepted as it changes nothing. */
export type Verdict = Refusal | Repairable | 'accepted' | 'unchanged'

/**
 * Judges a client's update on a mirror of the shared document ({@link SummaryMirror}): applied to
 * the mirror's copy, does it leave a valid summary (or the document as invalid as it already was),
 * and, for a reviewer, the text as it reads with every suggestion rejected the same? A refused
 * update is dropped from the copy; an accepted one stays there, for the document to take next.
 */
export function judgeWith(mirror: SummaryMirror, update: Uint8Array, role: Role): Verdict {
  let before: SharedState
  let tried: ReturnType<SummaryMirror['tryUpdate']>
  try {
    before = mirror.current()
    tried = mirror.tryUpdate(update)
  } catch (e) {
    return { kind: 'unreadable', detail: loggable(e) }
  }
  const refuse = (refusal: Refusal): Refusal => {
    mirror.drop()
    return refusal
  }
  // Content waiting for updates not seen yet is checked when they come; it is kept (and logged) meanwhile.
  if (!tried.changed) return tried.pending ? 'accepted' : 'unchanged'
  const foreign = tried.newTypes.filter((name) => !knownSharedTypes.has(name))
  if (foreign.length) return refuse({ kind: 'unknown-shared-type', detail: `a shared type other than ${[...knownSharedTypes].join(' and ')}` })
  const { after } = tried
  if (after.empty && !before.empty) return refuse({ kind: 'emptied', detail: 'the update empties the summary' })
  let summary = after.summary
  let repairable: Repairable | null = null
  // A document that is no summary already (stored so, or merged from another instance, or waiting for its repair) is not held against this update.
  if (after.problem !== null && before.problem === null) {
    // Valid changes that Yjs merged out of the schema (two writers at one place at once, or one back from offline) are repaired, not refused.
    const repair = mirror.tryRepair()
    if (repair.problem !== null) return refuse({ kind: 'schema', detail: after.problem })
    summary = repair.summary
    repairable = { kind: 'repairable', done: repair.done }
  }
  if (role === 'reviewer' && changesReviewedBase(before.summary, summary)) {
    return refuse({ kind: 'reviewer-edit', detail: 'a reviewer may only comment and suggest; the update changes the text itself' })
  }
  return repairable ?? 'accepted'
}

/** {@link judgeWith} on a copy made for the occasion, the document left as it is: null when the update may be applied (repaired or not). */
export function judgeUpdate(document: Y.Doc, update: Uint8Array, role: Role): Refusal | null {
  const mirror = new SummaryMirror(document)
  try {
    const verdict = judgeWith(mirror, update, role)
    return typeof verdict === 'string' || verdict.kind === 'repairable' ? null : verdict
  } finally {
    mirror.destroy()
  }
}

const mirrors = new WeakMap<Y.Doc, SummaryMirror>()

/** The mirror of a loaded document, made on first use. */
function mirrorOf(document: Y.Doc): SummaryMirror {
  let mirror = mirrors.get(document)
  if (!mirror) mirrors.set(document, (mirror = new SummaryMirror(document)))
  return mirror
}

/** The transaction origin Hocuspocus gives a client's changes (so that its hooks, stores and Redis treat them alike). */
function connectionOrigin(connection: unknown) {
  return { source: 'connection' as const, connection }
}

/** The update could not be logged: the client is not told it was applied (it sends it again when it reconnects). */
export class UpdateNotLogged extends Error {
  override name = 'UpdateNotLogged'
  readonly reason = 'update-not-stored'
}

/** How long the server waits for a document's updates to pause before it repairs a merge, in ms (see `repairWhenQuiet`). */
const defaultRepairTiming: RepairTiming = { quiet: 300, longest: 3000 }

/**
 * Whether this instance repairs a document's merge: an instance alone always does; instances
 * sharing documents through Redis agree on one (see `redisRepairClaim`), the others receiving its
 * repair as any update. Two instances repairing one merge would each copy the parts they move
 * (Yjs cannot move an item), and both copies would stay.
 */
export type RepairClaim = (documentName: string) => Promise<boolean>

/** The claim of an instance alone: it repairs. */
const alone: RepairClaim = async () => true

/** Appends an update to a document's update log in the store (see `DocumentStore.append`). */
type AppendUpdate = (documentName: string, update: Uint8Array) => Promise<void>

/** How this server repairs merges: the pause it waits for (300 ms, 3 s at most, unless given) and its claim (an instance alone, unless given). */
export interface RepairOptions {
  timing?: RepairTiming
  claim?: RepairClaim
}

/** What a repair needs of the server: its log, the store's update log, the pause it waits for and the claim. */
interface RepairContext {
  log: Logger
  append: AppendUpdate
  timing: RepairTiming
  claim: RepairClaim
}

/** The context of this server's repairs, the options' defaults filled in. */
function repairContext(log: Logger, append: AppendUpdate, options: RepairOptions): RepairContext {
  return { log, append, timing: options.timing ?? defaultRepairTiming, claim: options.claim ?? alone }
}

/**
 * Repairs a document's merge once its updates pause, if this instance claims it: the repair
 * logged (`merge-repaired`, or `merge-unrepaired` with why) and appended to the store's update log
 * like a writer's update.
 */
function repairSoon(document: Y.Doc, documentName: string, context: RepairContext): void {
  const { log, append, timing, claim } = context
  claim(documentName).then(
    (mine) => {
      if (!mine) return
      repairWhenQuiet(document, timing, () => mirrorOf(document).current().problem, (outcome) => {
        if (outcome.problem !== null) log({ level: 'warn', event: 'merge-unrepaired', document: documentName, reason: outcome.problem })
        else if (outcome.done.length) log({ level: 'info', event: 'merge-repaired', document: documentName, reason: outcome.done.join('; ') })
        if (outcome.update.length) {
          append(documentName, outcome.update).catch((e) => log({ level: 'error', event: 'update-not-logged', document: documentName, reason: `the repair of a merge: ${loggable(e)}; applied in memory, stored with the next store` }))
        }
      })
    },
    (e) => log({ level: 'error', event: 'merge-unrepaired', document: documentName, reason: `no claim to repair it: ${loggable(e)}; repaired when the document is next loaded` }),
  )
}

/**
 * Watches a loaded document for merges that arrive from another instance (through Redis, origin
 * `{ source: 'redis' }`): two instances each taking one writer's valid change at the same moment
 * merge into a document neither guard judged. When such an update leaves the summary out of the
 * schema where it fitted before, the merge is repaired as a client's would be (`repairSoon`), by
 * the one instance that claims it.
 */
export function repairRelayedMerges(document: Y.Doc, documentName: string, log: Logger, append: AppendUpdate, options: RepairOptions): void {
  const context = repairContext(log, append, options)
  const mirror = mirrorOf(document)
  let problem = mirror.current().problem
  // After the mirror's own listener (registered when it was made), so that it has the update.
  document.on('update', (_update: Uint8Array, origin: unknown) => {
    const now = mirror.current().problem
    const broke = problem === null && now !== null
    problem = now
    if (broke && (origin as { source?: unknown } | null)?.source === 'redis') {
      log({ level: 'info', event: 'merge-to-repair', document: documentName, reason: 'merged from another instance' })
      repairSoon(document, documentName, context)
    }
  })
}

/**
 * The `beforeHandleMessage` hook that enforces the schema and the reviewer's limits. For each
 * update a client sends (sync step 2 or a live update) it judges the update on the document's
 * mirror ({@link judgeWith}, {@link SummaryMirror});
 * a refused one is logged and thrown as {@link UpdateRefused}, so nothing of it reaches the
 * document or another client. One whose merge leaves the summary out of the schema in a way a
 * repair puts right is taken, and the document repaired once the writers' changes pause
 * (`repairWhenQuiet`, `repairs.timing`), by the instance that claims it (`repairs.claim`), the
 * repair logged (`merge-repaired`) and appended to the store's log like a writer's update. An accepted one is applied here, in the same synchronous step as
 * the judgement, so that no other client's update can slip in between (Hocuspocus then applies it
 * again, which changes nothing, and acknowledges it), and appended to the store's update log
 * (`append`) before Hocuspocus acknowledges it. A reader's updates are left to Hocuspocus, which
 * refuses them on a read-only connection; they are logged.
 */
export function schemaGuard(log: Logger, append: AppendUpdate, repairs: RepairOptions = {}) {
  const repairing = repairContext(log, append, repairs)
  return async (payload: beforeHandleMessagePayload<ConnectionContext>): Promise<void> => {
    const { connection, document, documentName, context } = payload
    const who = { document: documentName, user: context.user?.id, role: context.role }
    let found
    try {
      found = clientUpdateIn(payload.update)
    } catch (e) {
      const refusal: Refusal = { kind: 'unreadable', detail: loggable(e) }
      log({ level: 'warn', event: 'update-refused', ...who, reason: `${refusal.kind}: ${refusal.detail}` })
      throw new UpdateRefused(refusal)
    }
    if (!found) return
    if (connection.readOnly) {
      if (!Y.snapshotContainsUpdate(Y.snapshot(document), found.update)) log({ level: 'warn', event: 'update-refused', ...who, reason: 'read-only: a reader sent a change' })
      return
    }
    const role = context.role
    const verdict: Verdict =
      role === 'editor' || role === 'reviewer' ? judgeWith(mirrorOf(document), found.update, role) : { kind: 'not-allowed', detail: `no write access (role ${role ?? 'unknown'})` }
    if (verdict === 'unchanged') return
    if (verdict !== 'accepted' && verdict.kind !== 'repairable') {
      log({ level: 'warn', event: 'update-refused', ...who, reason: `${verdict.kind}: ${verdict.detail}`, bytes: found.update.length })
      throw new UpdateRefused(verdict)
    }
    const update = found.update
    Y.applyUpdate(document, update, connectionOrigin(connection))
    if (verdict !== 'accepted') {
      log({ level: 'info', event: 'merge-to-repair', ...who, reason: verdict.done.join('; ') })
      repairSoon(document, documentName, repairing)
    }
    try {
      await append(documentName, update)
    } catch (e) {
      log({ level: 'error', event: 'update-not-logged', ...who, reason: `${loggable(e)}; applied in memory, stored with the next store; the client is not acknowledged` })
      throw new UpdateNotLogged(`could not log an update of ${documentName}: ${loggable(e)}`)
    }
  }
}
