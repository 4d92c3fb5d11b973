/** Beijing time (UTC+8), where the offices that write these summaries are, in milliseconds ahead of UTC. */
const beijingOffset = 8 * 3600_000

/**
 * A comment's or a suggestion's time (an ISO 8601 time, see `commentTimePattern`) as the review
 * HTML shows it to a reader: date and time of day in Beijing time (UTC+8), whatever the zone of
 * the machine that writes it, as the editor's panels write a time in Chinese
 * (`2026-12-07T03:40:00Z` → `2026年12月7日 11:40`). The same in Node and in every browser, as it
 * uses no time zone data. A value that is not a time is given as it is.
 */
export function reviewTime(iso: string): string {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  // The instant moved on by the offset, read as UTC: `2026-12-07T11:40:00.000Z`.
  const t = new Date(ms + beijingOffset).toISOString()
  return `${t.slice(0, 4)}年${+t.slice(5, 7)}月${+t.slice(8, 10)}日 ${t.slice(11, 16)}`
}
