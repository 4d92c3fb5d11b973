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
  kinds: { insert: 'Inserted', delete: 'Deleted', structure: 'Restructured', field: 'Value changed' },
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
}
