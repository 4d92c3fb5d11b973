/** Beijing time (UTC+8), where the offices that write these summaries are, in milliseconds ahead of UTC. */
const beijingOffset = 8 * 3600_000

/**
 * The clock in Beijing (UTC+8) at an ISO 8601 time: a `Date` whose UTC fields (`getUTCHours()`,
 * or a format with `timeZone: 'UTC'`) read as a clock in Beijing reads then, whatever the zone of
 * the machine (`2026-12-07T17:30:00Z` → 8 December, 01:30). Null when the value is not a time.
 * {@link reviewTime} writes it in Chinese; the editor's panels show every time through it.
 */
export function beijingClock(iso: string): Date | null {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? null : new Date(ms + beijingOffset)
}

/**
 * A comment's or a suggestion's time (an ISO 8601 time, see `commentTimePattern`) as the review
 * HTML and the editor's panels (comments, suggestions, versions) show it to a reader: date and
 * time of day in Beijing time (UTC+8), whatever the zone of the machine that writes it
 * (`2026-12-07T03:40:00Z` → `2026年12月7日 11:40`; see {@link beijingClock}). The same in Node and
 * in every browser, as it uses no time zone data. A value that is not a time is given as it is.
 */
export function reviewTime(iso: string): string {
  const clock = beijingClock(iso)
  if (!clock) return iso
  // Read as UTC: `2026-12-07T11:40:00.000Z`.
  const t = clock.toISOString()
  return `${t.slice(0, 4)}年${+t.slice(5, 7)}月${+t.slice(8, 10)}日 ${t.slice(11, 16)}`
}
