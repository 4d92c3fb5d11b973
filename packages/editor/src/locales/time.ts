/**
 * How the editor writes a time (a version's, a comment's, a draft's) in a language: date and time
 * of day, medium and short (`2024年7月10日 14:05`, `Jul 10, 2024, 2:05 PM`). A value that is not a
 * time is shown as given.
 */
export function timeIn(lang: string): (iso: string) => string {
  // Made the first time a time is written.
  let format: Intl.DateTimeFormat | undefined
  return (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : (format ??= new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })).format(d)
  }
}
