import type { PartName } from '../zongjie-editor/parts.ts'
import type { Change, Finding } from '@zongjie/model'
import type { SuggestionRefusal } from '@zongjie/commands'

/**
 * Every string the editor shows or announces, in one place per language. `zh-CN` is the default;
 * the element's `lang` attribute (or its closest ancestor's) chooses another. A finding's own
 * message comes from the model (in Chinese); a catalogue may word it anew from its code and place.
 */
export interface Catalog {
  /** The language tag the catalogue is for. */
  lang: string
  editorLabel: string
  loadRefused: (message: string) => string
  /** What a `value` that is not JSON at all is (the parser's own message is in English). */
  notJson: string
  validity: (first: string, count: number) => string
  csvFile: (title: string) => string
  defaultTitle: string
  /** Enter in the sign-off's date, which opens no line: the date is the summary's last. */
  dateIsLast: string
  /** Tab (`demote`) or Shift-Tab (`promote`) with no section to act on, held once: why, and that the key again leaves the text. */
  nothingToShift: { demote: string; promote: string }
  toolbar: {
    label: string
    insert: [string, string, string, string]
    insertTitles: [string, string, string, string]
    demote: string
    demoteTitle: string
    promote: string
    promoteTitle: string
    moveUp: string
    moveUpTitle: string
    moveDown: string
    moveDownTitle: string
    toItems: string
    toItemsTitle: string
    toParagraphs: string
    toParagraphsTitle: string
    layout: string
    layoutTitle: string
    metric: (unit: string) => string
    metricTitle: (unit: string) => string
    blank: string
    blankTitle: string
    bold: string
    boldTitle: string
    undo: string
    undoTitle: string
    redo: string
    redoTitle: string
    unit: string
    unitTitle: string
    open: string
    openTitle: string
    exportWord: string
    exportWordTitle: string
    /** 添加批注, shown with the comments panel. */
    comment: string
    commentTitle: string
    /** 修订: the toggle of suggestion mode, pressed while it is on. */
    suggest: string
    suggestTitle: string
  }
  files: {
    opening: (name: string) => string
    opened: (name: string, warnings: number) => string
    openFailed: (name: string, message: string) => string
    exporting: string
    exportFailed: (message: string) => string
  }
  outline: { label: string; untitled: string }
  findings: { label: string; title: (errors: number) => string; none: string; message: (f: Finding) => string }
  status: { characters: (n: number) => string; unfilled: (n: number) => string; fillLeft: (n: number) => string; fillDone: string }
  metrics: {
    label: string
    title: (unfilled: number) => string
    csv: string
    csvTitle: string
    columns: [string, string, string]
    valueLabel: (label: string, unit: string) => string
    invalid: string
    go: string
    goTitle: string
  }
  fields: {
    metricHint: string
    blankHint: string
    metric: string
    blank: string
    label: (kind: string, label: string, text: string, filled: boolean) => string
    /** The name of a metric's input: what it counts and its unit (培训人数（名）). */
    metricInput: (label: string, unit: string) => string
  }
  placeholders: Record<string, string>
  /** What the element says about versions outside the versions panel (whose strings load with it, see `VersionsCatalog`). */
  versions: {
    /** A list set on `versions` was refused. */
    refused: (message: string) => string
    /** No version has this id (`compareVersions`, `restoreVersion`). */
    unknown: (id: string) => string
  }
  /** A value set on `user` was refused. */
  userRefused: (message: string) => string
  /** A selection dragged within the editor that cannot go in where it was dropped (the title holds one line): it stays where it was. */
  dropRefused: string
  /** Drafts kept in the browser: the offer of one, and what follows. */
  drafts: { found: (time: string) => string; time: (iso: string) => string; restore: string; discard: string; restored: string }
  /** A part of the editor that loads on use could not be loaded (see `PartLoadError`). */
  parts: { failed: (part: PartName) => string }
  /** Co-editing: the connection as the status line tells it, and what the page is told. */
  collab: { connecting: string; connected: string; reconnecting: string; offline: string; changeRefused: string; refused: string; invalid: string; anonymous: string }
  /** Why the page's `addComment` is refused. */
  review: { noUser: string; emptyComment: string; readOnly: string; nothingSelected: string }
  /** Suggestion mode (修订): what the writer is told when an edit is not made. */
  suggesting: {
    /** Suggestion mode is on but the page set no `user` to record as the author. */
    noUser: string
    /** In review mode (`mode="review"`) changes are suggestions; suggestion mode cannot be turned off. */
    reviewOnly: string
    /** An edit made while what records suggestions is still loading (suggestion mode just turned on). */
    loading: string
  }
  fill: { cannotDelete: (part: string) => string; cannotEdit: (part: string) => string }
}

/**
 * The strings of the versions panel (版本) and of the comparisons it shows, one catalogue per
 * language in `locales/versions/`: they load with the panel, not with the editor.
 */
export interface VersionsCatalog {
  /** The language tag the catalogue is for. */
  lang: string
  label: string
  save: string
  saveTitle: string
  /** The name of the input that asks for the new version's label, and its guidance. */
  name: string
  namePlaceholder: string
  confirm: string
  cancel: string
  none: string
  /** What a version without a label is called: by its place in the list, from 1. */
  unnamed: (n: number) => string
  /** Who saved a version: the name, and the role when there is one. */
  by: (name: string, role: string) => string
  anonymous: string
  /** When a version was saved, from its ISO time, in the catalogue's language. */
  time: (iso: string) => string
  compare: string
  compareTitle: (label: string) => string
  restore: string
  restoreTitle: (label: string) => string
  saved: (label: string) => string
  restored: (label: string) => string
  comparing: (label: string) => string
  /** The heading of a comparison: the version, and how many differences the draft has from it. */
  compared: (label: string, count: number) => string
  close: string
  closeTitle: string
  compareFailed: (message: string) => string
  /** What each kind of difference is called at the start of its line. */
  kinds: Record<Change['kind'], string>
  /** A paragraph of a part: `一、（二）第3段`. */
  paragraph: (where: string, n: number) => string
  opening: string
  closing: string
  /** The tooltip of a difference that has a place in the draft. */
  go: string
}

/**
 * The strings of the comments panel (批注), one catalogue per language in `locales/comments/`: they
 * load with the panel, not with the editor.
 */
export interface CommentsCatalog {
  /** The language tag the catalogue is for. */
  lang: string
  label: string
  /** The panel's heading with the number of threads open (not resolved). */
  title: (open: number) => string
  add: string
  addTitle: string
  none: string
  /** The name of the input for a new comment's text, and its guidance. */
  text: string
  textPlaceholder: string
  /** What a new comment is on: the text quoted, or the section whose heading it is. */
  on: (quote: string) => string
  onSection: (heading: string) => string
  confirm: string
  cancel: string
  /** Nothing selected to comment on. */
  selectFirst: string
  /** Adding, replying, resolving or deleting without a `user`: the page has to set one. */
  noUser: string
  /** The text of a thread is gone; the thread stands on its quote. */
  detached: string
  /** A thread on a whole section. */
  section: string
  /** The tooltip of a thread's quote: selects its text. */
  go: string
  /** Who wrote a comment or a reply: the name, and the role when there is one. */
  by: (name: string, role: string) => string
  /** When, from an ISO time, in the catalogue's language. */
  time: (iso: string) => string
  resolvedState: string
  reply: string
  replyText: string
  replyPlaceholder: string
  send: string
  resolve: string
  reopen: string
  delete: string
  deleteTitle: string
  deleteReply: string
  /** 修改: a thread's or a reply's text opened for its author to change, the name of its input, its guidance and its button. */
  edit: string
  editText: string
  editPlaceholder: string
  save: string
  /** What a thread's actions belong to, for screen readers (their description): its author and the text it is on, shortened. */
  context: (author: string, quote: string) => string
  /** What a reply's actions belong to, for screen readers: the reply's author and the text its thread is on, shortened. */
  replyContext: (author: string, quote: string) => string
  /** What the panel announces after a change. */
  added: string
  deleted: string
  replied: string
  resolved: string
  reopened: string
  edited: string
  replyDeleted: string
}

/**
 * The strings of the suggestions panel (修订), one catalogue per language in `locales/suggestions/`:
 * they load with the panel.
 */
export interface SuggestionsCatalog {
  /** The language tag the catalogue is for. */
  lang: string
  label: string
  /** The panel's heading with the number of suggestions waiting. */
  title: (count: number) => string
  none: string
  /** The choice of how the text is shown: with the suggestions marked, as it would be with all accepted, or as it was. */
  view: string
  views: { markup: string; final: string; original: string }
  /** What a suggestion does, by kind; `replace`: a suggestion that deletes text and inserts other text in its place (typed over a selection, or inside one's own deletion). */
  kinds: { insert: string; delete: string; structure: string; field: string; replace: string }
  /** The quote of a suggestion whose content is no longer in the text, or which changes a block's structure only. */
  noText: string
  /** The tooltip of a suggestion's quote: selects its text. */
  go: string
  /** Who made a suggestion: the name, and the role when there is one. */
  by: (name: string, role: string) => string
  /** When, from an ISO time, in the catalogue's language. */
  time: (iso: string) => string
  accept: string
  reject: string
  /** 撤回: a reviewer's rejecting of their own suggestion in review mode. */
  withdraw: string
  acceptAll: string
  rejectAll: string
  /** The line of one author's suggestions: their name and how many. */
  authorCount: (name: string, count: number) => string
  acceptAuthor: (name: string) => string
  rejectAuthor: (name: string) => string
  /** What the panel announces after settling. */
  accepted: (count: number) => string
  rejected: (count: number) => string
  /** The hint when suggestion mode refuses an edit that suggestions cannot say, by what the edit did (see `SuggestionRefusal`). */
  refused: Record<SuggestionRefusal, string>
}
