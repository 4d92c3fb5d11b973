import { parseChineseNumeral, type Finding, type FindingCode } from '@zongjie/model'
import type { Catalog } from './catalog.ts'
import { timeIn } from './time.ts'

/** Each finding's English text, by its code (every code has one). */
const findingText: Record<FindingCode, string> = {
  'title-missing': 'The title is empty: give the organisation, the period and the genre',
  'title-period-missing': 'The title names no period (such as the first half of a year)',
  'title-genre-missing': 'The title names no genre (work summary)',
  'metric-unfilled': 'A metric is not filled in',
  'blank-unfilled': 'A name is not filled in',
  'heading-empty': 'A section has no heading',
  'section-empty': 'A section has no content yet',
  'problems-missing': 'There is no problems section',
  'plans-missing': 'There is no plans section',
  'part-missing': 'A part the template requires is missing',
  'part-empty': 'A part the template requires is empty',
  'part-length': 'A part is far shorter or longer than usual',
  'title-period-conflict': 'The title contradicts the period the summary covers',
  'plans-period-conflict': 'The plans heading contradicts the period the summary covers',
  'date-format': 'The sign-off date is not written as GB/T 9704 writes it (Arabic numerals, the year in full, no zero before a month or day)',
  'import-repaired': 'The importer changed the text here',
}

/** The summary's parts by their Chinese names, as a finding's `where` gives them, in English. */
const partNames: Record<string, string> = { 标题: 'Title', 副标题: 'Subtitle', 导语: 'Opening', 结尾: 'Closing', 落款: 'Sign-off', 工作计划: 'Plans' }

/**
 * A finding's place in English, as the model's `placeName` says it in Chinese: a part by its name
 * (`导语` Opening), a section by its numbers (`一、（二）1.（3）` Section 1 (2) point 1 (3)), an
 * unnumbered problems or plans section as Problems or Plans, and `heading of` the section when
 * the message names its heading (第一部分标题); a place it does not know (a template's part) quoted;
 * an imported text's line or a Word file's paragraph by its number; none, no place.
 */
function placeOf(f: Finding): string {
  const where = f.where
  if (where === undefined) return f.line ? `line ${f.line}` : f.paragraph ? `paragraph ${f.paragraph}` : ''
  if (partNames[where]) return partNames[where]
  const numeral = (n: string) => parseChineseNumeral(n) ?? n
  let place = where.replace(/（问题）|（计划）|(.+?)、|（(.+?)）|(\d+)\./g, (all, top?: string, paren?: string, point?: string) =>
    all === '（问题）' ? ' Problems' : all === '（计划）' ? ' Plans' : top ? ` Section ${numeral(top)}` : paren ? ` (${numeral(paren)})` : ` point ${point}`,
  )
  if (/\p{Script=Han}/u.test(place)) return `“${where}”`
  place = place.trim()
  return /标题：[指「]/.test(f.message) ? `heading of ${place}` : place
}

/** English. */
export const en: Catalog = {
  lang: 'en',
  editorLabel: 'Work summary',
  loadRefused: (message) => `Cannot load: ${message}`,
  notJson: 'not valid JSON',
  validity: (first, count) => `${first} (${count} to resolve)`,
  csvFile: (title) => `${title}-metrics.csv`,
  defaultTitle: 'work-summary',
  dateIsLast: 'The sign-off date is the last line of the summary',
  nothingToShift: { demote: 'No section here to demote; press Tab again to leave the text', promote: 'No section here to promote; press Shift+Tab again to leave the text' },
  toolbar: {
    label: 'Editing toolbar',
    insert: ['Level 1', 'Level 2', 'Level 3', 'Level 4'],
    insertTitles: [
      'Insert a level-1 heading (or type its number at the start of a paragraph)',
      'Insert a level-2 heading (or type its number at the start of a paragraph)',
      'Insert a level-3 heading (or type its number at the start of a paragraph)',
      'Insert a level-4 heading (or type its number at the start of a paragraph)',
    ],
    demote: 'Demote',
    demoteTitle: 'Demote: this section and its subsections go under the section before (Tab)',
    promote: 'Promote',
    promoteTitle: 'Promote: this section and its subsections go up a level (Shift+Tab)',
    moveUp: 'Move up',
    moveUpTitle: 'Move this section up (Alt+Up)',
    moveDown: 'Move down',
    moveDownTitle: 'Move this section down (Alt+Down)',
    toItems: 'Work items',
    toItemsTitle: 'Make the selected paragraphs numbered work items',
    toParagraphs: 'To paragraphs',
    toParagraphsTitle: 'Turn the work items back into paragraphs, keeping their ordinals as text',
    layout: 'Run together / one a line',
    layoutTitle: 'Work items run together in one paragraph, or one item a paragraph',
    metric: (unit) => `Metric X${unit}`,
    metricTitle: (unit) => `Insert a metric to fill in (unit ${unit})`,
    blank: 'Blank X',
    blankTitle: 'Insert a name to fill in',
    bold: 'Bold',
    boldTitle: 'Bold (Ctrl+B)',
    undo: 'Undo',
    undoTitle: 'Undo (Ctrl+Z)',
    redo: 'Redo',
    redoTitle: 'Redo (Ctrl+Y or Ctrl+Shift+Z)',
    unit: 'Unit',
    unitTitle: 'The unit of inserted metrics',
    open: 'Open',
    openTitle: 'Open a Word, text or HTML file in place of the content (undoable)',
    exportWord: 'Export Word',
    exportWordTitle: 'Export as a Word file laid out as an official document',
    comment: 'Comment',
    commentTitle: 'Comment on the selected text; with the cursor in a heading, on the whole section (Ctrl+Alt+M)',
    suggest: 'Track changes',
    suggestTitle: 'Track changes: edits are recorded as suggestions (insertions, deletions, changes) by the current user, to accept or reject (Ctrl+Shift+E)',
  },
  files: {
    opening: (name) => `Opening “${name}”…`,
    opened: (name, warnings) => `Opened “${name}”${warnings ? `; the importer adjusted ${warnings} place${warnings === 1 ? '' : 's'}` : ''} (Ctrl+Z undoes)`,
    openFailed: (name, message) => `Cannot open “${name}”: ${message}`,
    exporting: 'Exporting the Word file…',
    exportFailed: (message) => `Cannot export the Word file: ${message}`,
  },
  outline: { label: 'Outline', untitled: '(untitled)' },
  findings: {
    label: 'Findings',
    title: (errors) => `Findings (${errors} to resolve)`,
    none: 'Nothing found',
    // The words the Chinese message quotes (「」: the field with its clause, the title, the
    // section, the date and how to write it), then the place.
    message: (f) => {
      const quoted = [...f.message.matchAll(/「(.*?)」/g)].map((q) => `“${q[1]}”`).join(' → ')
      const place = placeOf(f)
      return `${findingText[f.code] ?? f.code}${quoted ? `: ${quoted}` : ''}${place ? ` (${place})` : ''}`
    },
  },
  status: {
    characters: (n) => `${n} characters`,
    unfilled: (n) => `${n} unfilled`,
    fillLeft: (n) => `Fill mode: ${n} left to fill (Tab goes to the next)`,
    fillDone: 'Fill mode: everything is filled in',
  },
  metrics: {
    label: 'Metrics',
    title: (n) => `Metrics (${n} unfilled)`,
    csv: 'Export CSV',
    csvTitle: 'Export every metric as a CSV file',
    columns: ['Metric', 'Value', 'Unit'],
    valueLabel: (label, unit) => `Value of ${label} (unit ${unit})`,
    invalid: 'Digits and a decimal point only; a range with "-"',
    go: 'Go',
    goTitle: 'Go to this metric in the text',
  },
  fields: {
    metricHint: 'Digits and a decimal point only; a range with "-", e.g. 22, 12.5, 3000-5000',
    blankHint: 'Type a name',
    metric: 'Metric',
    blank: 'Name',
    label: (kind, label, text, filled) => `${kind}: ${label ? `${label}, ` : ''}${text}, ${filled ? 'filled in' : 'not filled in'}, press Enter to fill in`,
    metricInput: (label, unit) => (unit ? `${label} (${unit})` : label),
  },
  placeholders: {
    title: 'Title: organisation, period and genre',
    subtitle: 'Subtitle',
    heading: 'Heading',
    paragraph: 'Text',
    workIntro: 'Introduction',
    workItem: 'Work item: a summary sentence, then what was done',
    workNote: 'More on this item',
    organization: 'Signing organisation',
    date: 'Date',
  },
  versions: {
    refused: (message) => `Cannot load the versions: ${message}`,
    unknown: (id) => `No version has the id "${id}"`,
  },
  userRefused: (message) => `Cannot set the user: ${message}`,
  dropRefused: 'What was dragged cannot go in here (the title holds one line); it stays where it was',
  drafts: {
    found: (time) => `An unsaved draft was found (kept ${time}). Restore it?`,
    time: timeIn('en'),
    restore: 'Restore',
    discard: 'Discard',
    restored: 'Draft restored (Ctrl+Z to undo)',
  },
  parts: {
    failed: (part) => `Could not load ${({ files: 'file opening', word: 'Word support', versions: 'the versions panel', comments: 'the comments panel', suggestions: 'suggestion mode', collab: 'co-editing', drafts: 'draft saving', compare: 'version comparison', paste: 'pasting', templates: 'the templates', metrics: 'the metrics table', english: 'the English interface', fill: 'fill mode', panels: 'the outline, findings and status line' } as const)[part]}: the network failed or the editor was updated; reload the page and try again`,
  },
  collab: {
    connecting: 'Shared: connecting…',
    connected: 'Shared: connected',
    reconnecting: 'Shared: connection lost, reconnecting…',
    offline: 'Shared: offline, changes saved on this device and sent when the connection is back',
    changeRefused: 'The server refused one of your changes (it would break the summary\'s structure or exceed your role); it did not reach the others, and the document has been loaded again from the server',
    refused: 'Shared: the server refused the connection (the token is not valid or has expired)',
    invalid: 'collab must be { url, document, token }, with a url and a document',
    anonymous: 'Unnamed',
  },
  review: {
    noUser: "Cannot add a comment: the page has set no current user (the editor's user property)",
    emptyComment: 'The comment is empty',
    readOnly: 'The editor is read-only: no comment can be added',
    nothingSelected: 'Nothing to comment on: select some text, or put the cursor in the heading of the section',
  },
  suggesting: {
    noUser: 'Cannot edit with track changes on: the page has set no current user (the editor\'s user property) to record as the author',
    reviewOnly: 'In review mode every change is a suggestion; track changes cannot be turned off',
    loading: 'Track changes is still loading: this edit was not made; try again in a moment',
  },
  fill: {
    cannotDelete: (part) => `"${part}" is a part the template requires: it cannot be removed`,
    cannotEdit: (part) => `The heading of "${part}" is fixed by the template: it cannot be changed`,
  },
}
