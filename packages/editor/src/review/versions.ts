import { fromSummary, SummaryError, type Summary } from '@zongjie/model'
import { expect, ReviewError } from './errors.ts'
import { readUser, type User } from './user.ts'

/**
 * A version of the summary (版本) the writer kept: to compare the draft with later, or to go back
 * to. The page stores versions where it likes (the element's `version` event gives each one) and
 * gives the list back to the element's `versions`.
 */
export interface Version {
  /** Unique in the list; made by the editor when the version is saved. */
  readonly id: string
  /** What the writer called it (初稿, 送审稿); may be empty. */
  readonly label: string
  /** Who saved it: the element's `user` at the time, or null. */
  readonly author: User | null
  /** When it was saved, as an ISO 8601 string (`2024-07-10T06:05:00.000Z`). */
  readonly time: string
  /** The summary as it was, as Summary JSON. */
  readonly summary: Summary
}

/** A copy of a Summary JSON value, sharing nothing with it. */
const copy = (summary: unknown) => JSON.parse(JSON.stringify(summary)) as Summary

/** A version as given: checked, its fields copied (its summary a copy sharing nothing); throws a `ReviewError` naming the field. */
function readVersion(v: unknown, path: string): Version {
  expect(typeof v === 'object' && v, path, '对象', v)
  const { id, label, author, time, summary } = v as Record<string, unknown>
  expect(typeof id === 'string' && id, `${path}.id`, '不空的字符串', id)
  expect(typeof label === 'string', `${path}.label`, '字符串', label)
  expect(typeof time === 'string' && /^\d{4}-\d\d-\d\d/.test(time) && !Number.isNaN(Date.parse(time)), `${path}.time`, ' ISO 8601 时间', time)
  try {
    fromSummary(summary)
  } catch (error) {
    // The model names the field inside the summary (`$.sections[0].title`), from its root `$`.
    const inner = error instanceof SummaryError ? error.path : '$'
    throw new ReviewError(path + '.summary' + inner.slice(1), (error as Error).message.replace(`${inner}: `, ''))
  }
  return { id, label, author: readUser(author, `${path}.author`), time, summary: copy(summary) } as Version
}

/**
 * A list of versions read from a value the page gave (what it stored from `version` events, oldest
 * first): an array of versions, each with a unique `id`, a `label` (a string), an `author` (a
 * writer, or null), a `time` (ISO 8601) and a `summary` that is valid Summary JSON. Fields it does
 * not know are left out. Throws a `ReviewError` whose `path` names the first offending field
 * (`$[2].summary.sections[0].title`).
 */
export function readVersions(value: unknown): Version[] {
  expect(Array.isArray(value), '$', '版本的数组', value)
  const ids = new Map<string, number>()
  return (value as unknown[]).map((v, i) => {
    const version = readVersion(v, `$[${i}]`)
    expect(!ids.has(version.id), `$[${i}].id`, `与 $[${ids.get(version.id)}] 不同的 id`, version.id)
    ids.set(version.id, i)
    return version
  })
}

/** A new version of `summary`, its id unique among `list`'s, saved by `author` at `now`. */
export function newVersion(list: readonly Version[], summary: Summary, label: string, author: User | null, now = new Date()): Version {
  let id: string
  do id = `v${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  while (list.some((v) => v.id === id))
  return { id, label, author, time: now.toISOString(), summary: copy(summary) }
}
