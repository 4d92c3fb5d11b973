import { beijingClock } from '@zongjie/model'

/**
 * How the editor writes a time (a version's, a comment's, a suggestion's, a draft's) in a
 * language other than Chinese: date and time of day in Beijing time (UTC+8), the clock the review
 * HTML reads the times of comments and suggestions from (see the model's `beijingClock`), in the
 * language's medium date and short time, said to be UTC+8 (`Jul 10, 2024, 2:05 PM (UTC+8)`),
 * whatever the zone of the writer's machine. Chinese catalogues write times with the model's
 * `reviewTime` itself (`2024年7月10日 14:05`), as the review HTML does. A value that is not a time
 * is shown as given.
 */
export function timeIn(lang: string): (iso: string) => string {
  // Made the first time a time is written.
  let format: Intl.DateTimeFormat | undefined
  return (iso) => {
    const clock = beijingClock(iso)
    return clock ? `${(format ??= new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })).format(clock)} (UTC+8)` : iso
  }
}
