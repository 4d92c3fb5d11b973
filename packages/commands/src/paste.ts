import { Fragment, Slice, type Node, type ResolvedPos } from 'prosemirror-model'
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'
import { schema, closingStart, isSection, readPeriod, toText } from '@zongjie/model'
import { endBefore, sectionRank, sectionsAround, shiftSection } from './sections.ts'
import { isEmptyDoc, replaceDocumentIn } from './structure.ts'

/** The text characters and inline nodes (fields) in a fragment: what a paste must neither lose nor add. */
function inlineSize(fragment: Fragment): number {
  let size = 0
  fragment.descendants((node) => {
    if (node.isText) size += node.text!.length
    else if (node.isInline) size++
    return !node.isInline
  })
  return size
}

/** Whether a slice holds sections (a copy that took headings with their sections). */
function holdsSections(slice: Slice): boolean {
  let found = false
  slice.content.descendants((node) => {
    found ||= isSection(node)
    return !found && !node.isTextblock
  })
  return found
}

/**
 * The transaction `make` gives when its document is valid and holds exactly `expected` characters
 * and fields (see {@link inlineSize}), else null: also where ProseMirror's replace throws, as it
 * can fitting an awkward slice. What a paste or a drop (see `moveSelectionTr`) puts in must go in
 * whole.
 */
function whole(make: () => Transaction, expected: number): Transaction | null {
  try {
    const tr = make()
    if (!tr.docChanged || inlineSize(tr.doc.content) !== expected) return null
    tr.doc.check()
    return tr
  } catch {
    return null
  }
}

/**
 * The transaction of a paste of `slice` into `state`, or null when it cannot go in whole (see
 * {@link pasteSlice}).
 */
export function pasteSliceTr(state: EditorState, slice: Slice): Transaction | null {
  const { selection, doc } = state
  const expected = inlineSize(doc.content) - inlineSize(selection.content().content) + inlineSize(slice.content)
  const { $from } = selection
  const sections = holdsSections(slice)
  if (selection.empty && $from.parent.type.name === 'heading' && $from.parentOffset === 0 && (sections || slice.content.childCount > 1)) {
    const section = $from.node($from.depth - 1)
    // An empty section (what cutting a whole section leaves, its heading emptied): the pasted
    // sections take its place.
    if (sections && section.childCount === 1 && section.firstChild!.content.size === 0) {
      const from = $from.before($from.depth - 1)
      // (The caret, which was in the section, goes to what follows the pasted sections.)
      const placed = whole(() => state.tr.replace(from, from + section.nodeSize, slice), expected)
      if (placed) return placed
    }
    // Otherwise the sections, or the lines, whole, go in before the heading's section, the caret
    // staying at its heading: the heading keeps its title, as it does when text is pasted there.
    const put = sections ? slice : new Slice(slice.content, 0, 0)
    for (const at of [endBefore(doc, $from.before($from.depth - 1)), $from.before($from.depth - 1)]) {
      const placed = whole(() => state.tr.replace(at, at, put), expected)
      if (placed) return placed
    }
  }
  const fitted = whole(() => state.tr.replaceSelection(slice), expected)
  // Sections pasted into a section's body that ProseMirror's replace could fit only by taking them
  // apart (the second a subsection of the first) or by splitting that section: its subsections,
  // siblings, each with its subtree, as one section pasted there becomes one.
  const subsections = asSubsections(slice, $from)
  if (!subsections || (fitted && keepsLevels(state, fitted, slice.content))) return fitted
  const shifted = whole(() => state.tr.replaceSelection(subsections), expected)
  return shifted && keepsLevels(state, shifted, subsections.content) ? shifted : fitted
}

/** Whether `tr` added to what `state` holds after its selection is deleted the sections of `pasted`, each at its level, and no other. */
function keepsLevels(state: EditorState, tr: Transaction, pasted: Fragment): boolean {
  const before = shapeOf(state.tr.deleteSelection().doc.content).sections
  const added = shapeOf(pasted).sections
  return shapeOf(tr.doc.content).sections.every((n, i) => n === before[i]! + added[i]!)
}

/**
 * `slice`, whole sections from its start (a copy from a heading's start), as subsections of the
 * section whose body `$from` is in (下步打算 too), or at whose heading's end `$from` is while it
 * has no body yet (where its body would start): at the level of its subsections, or one below it
 * where it has none, each with its body and subsections moved as far (see `shiftSection`;
 * problems and plans as ordinary sections). Null where the slice is not such sections, the caret
 * is in no section's body nor there, or a level would go below `（1）`.
 */
function asSubsections(slice: Slice, $from: ResolvedPos): Slice | null {
  const around = sectionsAround($from).pop()
  const inHeading = $from.parent.type === schema.nodes.heading
  if (!around || slice.openStart > 0) return null
  if (inHeading && ($from.parentOffset < $from.parent.content.size || (around.node.childCount > 1 && !isSection(around.node.child(1))))) return null
  const last = around.node.lastChild!
  const rank = isSection(last) ? sectionRank(last) : sectionRank(around.node) + 1
  const sections: Node[] = []
  for (let i = 0; i < slice.content.childCount; i++) {
    const node = slice.content.child(i)
    if (!isSection(node)) return null
    const ordinary = sectionRank(node) === 1 ? schema.nodes.section1!.create(node.attrs, node.content) : node
    const shifted = shiftSection(ordinary, rank - sectionRank(ordinary))
    if (!shifted) return null
    sections.push(shifted)
  }
  return new Slice(Fragment.from(sections), 0, slice.openEnd)
}

/**
 * A whole summary the editor copied (from its title on), pasted into an empty editor, becomes the
 * document, what it reports on read from its title, as when a summary is imported. `null` when the
 * editor holds anything or the slice is no whole summary.
 */
function wholeSummaryTr(state: EditorState, slice: Slice): Transaction | null {
  if (!isEmptyDoc(state.doc)) return null
  try {
    const title = slice.content.firstChild?.type.name === 'title' ? slice.content.firstChild.textContent : ''
    const doc = schema.nodes.doc!.createChecked({ ...state.doc.attrs, ...readPeriod(title) }, slice.content)
    return replaceDocumentIn(state.tr, doc)
  } catch {
    return null
  }
}

/**
 * 粘贴 (what the editor itself copied): puts `slice` at the selection as ProseMirror's replace fits
 * it, except that sections or lines pasted at the start of a heading go in before that heading's
 * section in reading order (a subsection as the last subsection of the part before, where a cut
 * took it from; lines as the last of the part before), and sections in place of an empty section
 * (what cutting a whole section leaves); sections that cannot stand at their level in the section
 * body they are pasted into (`一、` sections in the plans' body), as that section's subsections,
 * siblings, with their subtrees (see `asSubsections`). Returns false, changing nothing, when the slice cannot go
 * in with every character and field it holds and the document still a summary: the caller then
 * pastes its text (see `insertImported`). A drop inside the editor puts what was dragged in as
 * this puts it (see `moveSelectionTr`). A whole summary pasted into an empty editor becomes the
 * document (see `wholeSummaryTr`).
 */
export function pasteSlice(slice: Slice): Command {
  return (state, dispatch) => {
    const whole = wholeSummaryTr(state, slice)
    if (whole) {
      if (dispatch) dispatch(whole.scrollIntoView())
      return true
    }
    const tr = pasteSliceTr(state, slice)
    if (!tr) return false
    if (dispatch) dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste').scrollIntoView())
    return true
  }
}

/** The section types, whose counts a paste of read text keeps: its headings keep their levels. */
const sectionTypes = ['section1', 'section2', 'section3', 'section4', 'problems', 'plans'].map((name) => schema.nodes[name]!)

/** What a paste of read text must keep: its characters and fields, its sections of each level, its work items and its lines (textblocks). */
interface Shape {
  inline: number
  sections: number[]
  items: number
  lines: number
}

/** The {@link Shape} of a fragment. */
function shapeOf(fragment: Fragment): Shape {
  const shape = { inline: inlineSize(fragment), sections: sectionTypes.map(() => 0), items: 0, lines: 0 }
  fragment.descendants((node) => {
    if (node.isTextblock) shape.lines++
    if (node.type === schema.nodes.workItem) shape.items++
    const level = sectionTypes.indexOf(node.type)
    if (level >= 0) shape.sections[level]!++
    return !node.isTextblock
  })
  return shape
}

/**
 * How deep a slice of `fragment` is open at its end so that the text after the caret joins its
 * last paragraph or work item, as Word joins it to the last line pasted; 0 (closed) where it ends
 * in a heading, which the text after the caret would otherwise become part of.
 */
function openEndOf(fragment: Fragment): number {
  let depth = 0
  for (let node = fragment.lastChild; node; node = node.lastChild) {
    depth++
    if (node.isTextblock) return node.type === schema.nodes.heading ? 0 : depth
  }
  return 0
}

/**
 * `slice` put in at the selection of `state` (what the selection held deleted first), or null
 * unless the document is valid and has everything it had and everything the slice has: no
 * character or field dropped, no heading unwrapped into a paragraph or taken to another level, no
 * work item into a plain one, no two pasted lines run into one, no section with an empty heading
 * made to hold the text after the caret. A heading pasted into stays whole: sections or lines put
 * in at its start go in before its section (the caret staying with the heading), lines after its
 * start at the start of its body. Otherwise the caret goes to the end of what was put in.
 */
function placed(state: EditorState, slice: Slice): Transaction | null {
  const base = state.tr.deleteSelection()
  const { $from } = base.selection
  const caretLineEmpty = $from.parent.isTextblock && $from.parent.content.size === 0
  const before = shapeOf(base.doc.content)
  const added = shapeOf(slice.content)
  // A first line or item that an open slice joins to the text before the caret is not a new one.
  const first = slice.openStart > 0 && slice.content.firstChild!.isTextblock ? slice.content.firstChild! : null
  const attempt = (put: (tr: Transaction) => void): Transaction | null => {
    const tr = state.tr.deleteSelection()
    try {
      put(tr)
      const after = shapeOf(tr.doc.content)
      // Lines: each pasted line stays one (the last may take the text after the caret), but for
      // the first joined to the text before it; an empty line at the caret may give way to them.
      const lines = before.lines + added.lines - (first ? 1 : 0) - (caretLineEmpty ? 1 : 0)
      const items = before.items + added.items - (first?.type === schema.nodes.workItem ? 1 : 0)
      if (after.inline !== before.inline + added.inline || after.sections.some((n, i) => n !== before.sections[i]! + added.sections[i]!) || after.items !== items || after.lines < lines) return null
      tr.doc.check()
    } catch {
      return null
    }
    return tr
  }
  if ($from.parent.type === schema.nodes.heading && (holdsSections(slice) || slice.content.childCount > 1)) {
    // Into a heading, the heading stays whole: sections or lines pasted at its start go in before
    // its section, in reading order; lines pasted after its start, at the start of its body.
    const sectionAt = $from.before($from.depth - 1)
    const closed = new Slice(slice.content, 0, 0)
    const spots = $from.parentOffset === 0 ? [endBefore(base.doc, sectionAt), sectionAt] : holdsSections(slice) ? [] : [$from.after()]
    for (const at of spots) {
      const tr = attempt((tr) => tr.replace(at, at, closed))
      if (tr) return tr
    }
  }
  return attempt((tr) => tr.replaceSelection(slice))
}

/** A pasted summary's end: its closing's paragraphs and its sign-off, and the rest of it (`before`). */
interface Ending {
  before: Node
  closing: Node[]
  signOff: Node | null
}

/**
 * The closing and the sign-off `imported` ends with, read as the importer reads them: its own
 * closing and sign-off; with no section in it (a fragment the importer reads as opening
 * paragraphs) but a sign-off, the paragraphs before the sign-off where the importer reads a closing
 * after sections (the model's `closingStart`: from the first that opens like one, `总之，……`).
 * Null when it has neither a closing nor a sign-off.
 */
function endingOf(imported: Node): Ending | null {
  const children: Node[] = []
  imported.forEach((child) => children.push(child))
  const signOff = children.find((c) => c.type === schema.nodes.signOff) ?? null
  const closingNode = children.find((c) => c.type === schema.nodes.closing)
  let closing: Node[] = []
  closingNode?.forEach((b) => closing.push(b))
  let parts = children.filter((c) => c !== signOff && c !== closingNode)
  const preamble = parts.find((c) => c.type === schema.nodes.preamble)
  if (!closing.length && signOff && preamble && !parts.some(isSection)) {
    const blocks: Node[] = []
    preamble.forEach((b) => blocks.push(b))
    const at = closingStart(blocks.map((b) => (b.type === schema.nodes.paragraph ? b.textContent : null)))
    if (at < blocks.length) {
      closing = blocks.slice(at)
      parts = parts.map((c) => (c === preamble ? preamble.copy(Fragment.from(blocks.slice(0, at))) : c))
    }
  }
  if (!closing.length && !signOff) return null
  return { before: imported.copy(Fragment.from([...parts, schema.nodes.closing!.create()])), closing, signOff }
}

/**
 * A paste at the end of the summary (the caret at the end of its last line, the summary with no
 * sign-off yet) of text that ends with a closing or a sign-off (see {@link endingOf}): what comes
 * before them goes in at the caret as any paste (an empty line at the caret giving way), the
 * closing's paragraphs at the end of the closing and the sign-off after it, the caret at the end
 * of the date, so that the summary reads as the importer reads the same text. Null where that
 * cannot be done with everything pasted kept; the paste then goes in as its lines.
 */
function endingPlaced(state: EditorState, imported: Node, topRank: number): Transaction | null {
  const { doc, selection } = state
  if (doc.lastChild!.type === schema.nodes.signOff || selection.to !== Selection.atEnd(doc).to) return null
  const ending = endingOf(imported)
  if (!ending) return null
  const expected = inlineSize(doc.content) - inlineSize(selection.content().content) + inlineSize(imported.content)
  const rest = inlineSize(ending.before.content) > 0
  const tr = rest ? insertImportedTr(state, ending.before, topRank) : state.tr.deleteSelection()
  const { $from } = tr.selection
  // Nothing put in before the closing: an empty line at the caret gives way (the closing follows it).
  if (!rest && $from.parent.type === schema.nodes.paragraph && !$from.parent.content.size && $from.depth > 1) tr.delete($from.before(), $from.after())
  else if (tr.selection.to !== Selection.atEnd(tr.doc).to) return null
  if (ending.closing.length) tr.insert(tr.doc.content.size - 1, ending.closing)
  if (ending.signOff) tr.insert(tr.doc.content.size, ending.signOff)
  return whole(() => tr.setSelection(Selection.atEnd(tr.doc)), expected)
}

/**
 * 粘贴 (pasted text or HTML, read by the model's importer): puts an imported document in at the
 * selection; `topRank` is the level its top headings had in the pasted text (2 for a fragment of
 * `（一）` sections, which the importer reads as `一、`). Into an empty document it becomes the whole
 * document. Otherwise its parts (opening paragraphs, sections, closing paragraphs) go in where
 * they fit whole (see `placed`): lines of text as Word pastes them, the first joining the text
 * before the caret and the last the text after it (in a work item, as items of its list); work
 * items into the list at the caret; sections at the caret, the text after the caret joining their
 * last paragraph; a problems or plans section where the document has its own, as an ordinary
 * section; into a heading, around it. Where the parts cannot go in whole
 * (sections pasted into the closing), the lines of `text` go in as paragraphs (what was pasted as
 * plain text, its numbers as written; by default the imported document's text), or at the least
 * as one line of text: nothing pasted is lost, merged or dropped silently.
 */
export function insertImported(imported: Node, topRank = 1, text?: string): Command {
  return (state, dispatch) => {
    if (dispatch) dispatch(closeHistory(insertImportedTr(state, imported, topRank, text)).scrollIntoView())
    return true
  }
}

function insertImportedTr(state: EditorState, imported: Node, topRank: number, text = toText(imported)): Transaction {
  // What the pasted summary reports on (its year and period, read from its title) comes too.
  if (isEmptyDoc(state.doc)) {
    const tr = replaceDocumentIn(state.tr, imported)
    return tr.setSelection(TextSelection.atEnd(tr.doc))
  }
  const ending = endingPlaced(state, imported, topRank)
  if (ending) return ending
  const parts: Node[] = []
  imported.forEach((child) => {
    const name = child.type.name
    if (name === 'title' || name === 'subtitle') {
      if (child.content.size) parts.push(schema.nodes.paragraph!.create(null, child.content))
    } else if (name === 'preamble' || name === 'closing') child.forEach((b) => parts.push(b))
    else if (name === 'signOff') child.forEach((line) => line.content.size && parts.push(schema.nodes.paragraph!.create(null, line.content)))
    // A fragment whose headings start at `（一）` (read as `一、` by the importer) goes back to its level.
    else parts.push(topRank === 1 ? child : (shiftSection(child, topRank - 1) ?? child))
  })
  const lines = text.split(/\r\n?|\n/).map((l) => l.trim()).filter(Boolean)
  // Lines pasted in a work item are its items, as Word makes lines pasted into a numbered list.
  const inItem = state.selection.$from.parent.type === schema.nodes.workItem
  const line = inItem ? schema.nodes.workItem! : schema.nodes.paragraph!
  const linesOf = (texts: string[]) => Fragment.from(texts.map((l) => line.create(null, schema.text(l))))
  const slices: Slice[] = []
  if (parts.every((p) => p.type === schema.nodes.paragraph)) slices.push(new Slice(Fragment.from(inItem ? parts.map((p) => line.create(null, p.content)) : parts), 1, 1))
  else {
    const forms = [Fragment.from(parts)]
    // The problems (存在的问题) and plans (下步打算) where the document has its own, or where they
    // cannot stand: as ordinary sections, with their headings and items.
    const ordinary = parts.map((p) => (p.type === schema.nodes.problems || p.type === schema.nodes.plans ? schema.nodes.section1!.create(null, p.content) : p))
    if (ordinary.some((p, i) => p !== parts[i])) forms.push(Fragment.from(ordinary))
    for (const fragment of forms) {
      // Work items alone: into the list at the caret, numbered on from its items.
      if (fragment.childCount === 1 && fragment.firstChild!.type === schema.nodes.workItems) slices.push(new Slice(fragment, 1, openEndOf(fragment)))
      slices.push(new Slice(fragment, 0, openEndOf(fragment)), new Slice(fragment, 0, 0))
    }
    slices.push(new Slice(linesOf(lines), 0, 1))
  }
  if (lines.length) slices.push(new Slice(Fragment.from(schema.nodes.paragraph!.create(null, schema.text(lines.join(' ')))), 1, 1))
  for (const slice of slices) {
    const tr = placed(state, slice)
    if (tr) return tr
  }
  return state.tr
}
