import { expect } from './errors.ts'

/**
 * Who is writing (the element's `user`): set by the page from its login, kept with every version
 * saved, and shown in the writer's colour wherever the editor tells who did what.
 */

/** A writer as the page knows it: an id from its login, a name to show, and optionally a role (科室, 职务) and a colour. */
export interface User {
  /** The login's id: stable, never shown; not empty. */
  readonly id: string
  /** The name shown with what the writer did (张三); not empty. */
  readonly name: string
  /** The writer's office or post (办公室, 科员), shown after the name; absent rather than empty. */
  readonly role?: string
  /** A CSS colour for the writer's marks; without one, {@link userColor} chooses one from {@link userColors} by the id. */
  readonly color?: string
}

/**
 * The colours a writer without a colour of their own is given, each readable as text on white
 * (a contrast of at least 4.5:1) and told apart from the others.
 */
export const userColors: readonly string[] = ['#1d4ed8', '#b91c1c', '#15803d', '#7c3aed', '#c2410c', '#0f766e', '#be185d', '#4d7c0f']

/** The colour of a writer: their own `color`, or one of {@link userColors} chosen by a hash of their id (FNV-1a), the same on every page. */
export function userColor(user: Pick<User, 'id' | 'color'>): string {
  let h = 0x811c9dc5
  for (let i = 0; i < user.id.length; i++) h = Math.imul(h ^ user.id.charCodeAt(i), 0x01000193)
  return user.color || userColors[(h >>> 0) % userColors.length]!
}

/**
 * A writer read from a value the page gave (`null` for nobody), copied with the fields it knows:
 * `id` and `name` strings that are not empty, `role` and `color` such strings when given (as the
 * model's comment authors are). Throws a `ReviewError` naming the field otherwise; `path` is where
 * the value is, for the message.
 */
export function readUser(value: unknown, path = '$'): User | null {
  if (value === null || value === undefined) return null
  expect(typeof value === 'object', path, '对象或 null', value)
  const { id, name, role, color } = value as Record<string, unknown>
  expect(typeof id === 'string' && id, `${path}.id`, '不空的字符串', id)
  expect(typeof name === 'string' && name, `${path}.name`, '不空的字符串', name)
  const user: Record<string, unknown> = { id, name }
  for (const [key, v] of [['role', role], ['color', color]] as const) {
    expect(v === undefined || (typeof v === 'string' && v), `${path}.${key}`, '不空的字符串，或省略', v)
    if (v !== undefined) user[key] = v
  }
  return user as unknown as User
}
