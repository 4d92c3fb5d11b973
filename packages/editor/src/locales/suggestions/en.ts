import type { SuggestionsCatalog } from '../catalog.ts'
import { commentsEn } from '../comments/en.ts'

/** The suggestions panel in English. */
export const suggestionsEn: SuggestionsCatalog = {
  lang: 'en',
  label: 'Suggestions',
  title: (count) => (count ? `Suggestions (${count} open)` : 'Suggestions'),
  none: 'No suggestions',
  view: 'Show',
  views: { markup: 'Markup', final: 'Final', original: 'Original' },
  kinds: { insert: 'Inserted', delete: 'Deleted', structure: 'Restructured', field: 'Value changed', replace: 'Replaced' },
  noText: '(no text)',
  go: 'Select the suggestion',
  by: commentsEn.by,
  time: commentsEn.time,
  accept: 'Accept',
  reject: 'Reject',
  withdraw: 'Withdraw',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  authorCount: (name, count) => `${name}: ${count}`,
  acceptAuthor: (name) => `Accept all of ${name}'s suggestions`,
  rejectAuthor: (name) => `Reject all of ${name}'s suggestions`,
  accepted: (count) => `${count} suggestion${count === 1 ? '' : 's'} accepted (Ctrl+Z to undo)`,
  rejected: (count) => `${count} suggestion${count === 1 ? '' : 's'} rejected (Ctrl+Z to undo)`,
  refused: {
    join: 'Joining these two parts (two sections, two lists of work items, or a heading and its body) cannot be recorded as a suggestion and was not made; accept or reject the suggestions involved, or turn track changes off first',
    split: 'Splitting this part in two cannot be recorded as a suggestion and was not made; accept or reject the suggestions involved, or turn track changes off first',
    move: 'Moving a section up or down cannot be recorded as a suggestion and was not made; accept or reject the suggestions involved, or turn track changes off first',
    shift: 'Promoting or demoting a section (Tab, Shift+Tab) cannot be recorded as a suggestion and was not made; accept or reject the suggestions involved, or turn track changes off first',
    other: 'This edit cannot be recorded as a suggestion and was not made; accept or reject the suggestions involved, or turn track changes off first',
  },
}
