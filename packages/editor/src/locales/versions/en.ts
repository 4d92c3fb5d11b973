import type { VersionsCatalog } from '../catalog.ts'

/** How times are written, made the first time one is. */
let timeFormat: Intl.DateTimeFormat | undefined

/** The versions panel in English. */
export const versionsEn: VersionsCatalog = {
  lang: 'en',
  label: 'Versions',
  save: 'Save version',
  saveTitle: 'Keep the draft as a version, to compare the draft with or to go back to',
  name: 'Version name',
  namePlaceholder: 'Such as "first draft" (optional)',
  confirm: 'Save',
  cancel: 'Cancel',
  none: 'No version saved yet',
  unnamed: (n) => `Version ${n}`,
  by: (name, role) => (role ? `${name} (${role})` : name),
  anonymous: 'Unsigned',
  time: (iso) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : (timeFormat ??= new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' })).format(d)
  },
  compare: 'Compare with draft',
  compareTitle: (label) => `List what the draft changed since "${label}"`,
  restore: 'Restore',
  restoreTitle: (label) => `Replace the draft with "${label}" (Ctrl+Z undoes)`,
  saved: (label) => `Saved version "${label}"`,
  restored: (label) => `Restored "${label}" (Ctrl+Z undoes)`,
  comparing: (label) => `Comparing "${label}" with the draft…`,
  compared: (label, count) => (count ? `The draft since "${label}": ${count} change${count === 1 ? '' : 's'}` : `The draft is the same as "${label}"`),
  close: 'Close',
  closeTitle: 'Close the comparison',
  compareFailed: (message) => `Cannot compare: ${message}`,
  kinds: {
    title: 'Title',
    'section-added': 'Section added',
    'section-removed': 'Section removed',
    'section-moved': 'Section moved',
    'section-renumbered': 'Section renumbered',
    'section-retitled': 'Heading changed',
    'paragraph-added': 'Paragraph added',
    'paragraph-removed': 'Paragraph removed',
    'paragraph-changed': 'Paragraph changed',
    'metric-changed': 'Metric changed',
    'sign-off': 'Sign-off changed',
  },
  paragraph: (where, n) => `${where}, paragraph ${n}`,
  opening: 'Opening',
  closing: 'Closing',
  go: 'Go to this place in the draft',
}
