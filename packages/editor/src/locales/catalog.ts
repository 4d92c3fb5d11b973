import type { Finding } from '@zongjie/model'

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
  validity: (first: string, count: number) => string
  csvFile: (title: string) => string
  defaultTitle: string
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
  fill: { cannotDelete: (part: string) => string; cannotEdit: (part: string) => string }
}
