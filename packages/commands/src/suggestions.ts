/**
 * Suggestions (修订, track changes): running edits as suggestions by an author, and accepting or
 * rejecting them one by one, all of one author, or all.
 *
 * The rewriting of an edit into suggestions is `@handlewithcare/prosemirror-suggest-changes`'s:
 * what is typed is marked `insertion`, what is deleted is kept and marked `deletion` (text, or
 * whole blocks), a changed attribute or node type gets a `modification` mark keeping the previous
 * one. This module gives each new suggestion an entry in the document's `suggestions` with its
 * author, time and kind, in the same transaction, so that undo takes both back together.
 * Settling is the model's `settleSuggestions`: the library's own accept and reject commands settle
 * every modification in the document whatever the id asked for, and leave the anchors at block
 * boundaries in the text when they have merged into a longer text node.
 */
import { transformToSuggestionTransaction, suggestChangesKey } from '@handlewithcare/prosemirror-suggest-changes'
import { Fragment, Mark, Slice, type MarkType, type Node, type ResolvedPos } from 'prosemirror-model'
import { Mapping, ReplaceStep, Transform } from 'prosemirror-transform'
import { Selection, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { suggestionsSettled, suggestionsResolved } from './suggestible.ts'
import { replacementBetween } from './replacement.ts'
import { schema, suggestionAnchor, settleSuggestions, suggestionsOf, suggestionsProblem, isSuggestionMark, isSection, type CommentAuthor, type Suggestion, type SuggestionKind } from '@zongjie/model'

export { suggestionsAt as suggestionsIn } from '@zongjie/model'
export type { SuggestionAt } from '@zongjie/model'

/**
 * The top-level parts (title, opening, sections …) of `b` that are not those of `a`, as a range of
 * child indices of each: ProseMirror shares the parts an edit leaves alone, so the parts before
 * `from` and the last `tail` of both are the same. What suggestion mode looks at is there: a key
 * in a long summary costs as much as in its one section.
 */
interface Changed {
  from: number
  tail: number
}

function changedParts(a: Node, b: Node): Changed {
  const n = Math.min(a.childCount, b.childCount)
  let from = 0
  while (from < n && a.child(from) === b.child(from)) from++
  let tail = 0
  while (tail < n - from && a.child(a.childCount - 1 - tail) === b.child(b.childCount - 1 - tail)) tail++
  return { from, tail }
}

/** Checks the parts of `doc` changed from `before`, and the order of its parts: `doc.check()` where the rest is known to be right. Throws a RangeError as `check` does. */
function checkChanged(before: Node, doc: Node): void {
  const changed = changedParts(before, doc)
  for (let i = changed.from; i < doc.childCount - changed.tail; i++) doc.child(i).check()
  if (!doc.type.validContent(doc.content)) throw new RangeError(`Invalid content for node ${doc.type.name}`)
}

/** The parts changed in any of two edits of one document: the union of their ranges. */
function unionOf(x: Changed, y: Changed): Changed {
  return { from: Math.min(x.from, y.from), tail: Math.min(x.tail, y.tail) }
}

/** Calls `f` for each node of the parts of `doc` that `changed` covers, with its position. */
function eachChangedNode(doc: Node, changed: Changed, f: (node: Node, pos: number) => void): void {
  let pos = 0
  for (let i = 0; i < doc.childCount; i++) {
    const child = doc.child(i)
    if (i >= changed.from && i < doc.childCount - changed.tail) {
      f(child, pos)
      child.descendants((node, at) => {
        f(node, pos + 1 + at)
        return true
      })
    }
    pos += child.nodeSize
  }
}

/** The ids of the suggestion marks in the parts `changed` of a document (all of it without), with the marks' kinds for each. */
function markedIds(doc: Node, changed: Changed = { from: 0, tail: 0 }): Map<string, Set<SuggestionKind>> {
  const out = new Map<string, Set<SuggestionKind>>()
  eachChangedNode(doc, changed, (node) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue
      const id = mark.attrs.id as string
      let kinds = out.get(id)
      if (!kinds) out.set(id, (kinds = new Set()))
      if (mark.type.name === 'insertion') kinds.add('insert')
      else if (mark.type.name === 'deletion') kinds.add('delete')
      else kinds.add(node.type.name === 'metric' || node.type.name === 'blank' ? 'field' : 'structure')
    }
  })
  return out
}

/**
 * Whether the suggested document `out` says the edit that made `plain` from `before`: accepting
 * its suggestions gives `plain` (settled alike), rejecting them gives `before`. Only the
 * suggestions in the parts any of the three differ in are settled, the rest being the same in all.
 */
function saysEdit(before: Node, out: Node, plain: Node): boolean {
  const within = unionOf(changedParts(before, out), changedParts(before, plain))
  const ids = new Set<string>()
  for (const doc of [before, out, plain]) for (const id of markedIds(doc, within).keys()) ids.add(id)
  const settle = (doc: Node, accept: boolean) => {
    if (!ids.size) return doc
    const tr = new Transform(doc)
    settleSuggestions(tr, (id) => ids.has(id), accept, rangeOf(doc, within, ids))
    return tr.doc
  }
  return settle(out, true).eq(settle(plain, true)) && settle(out, false).eq(settle(before, false))
}

/**
 * The positions of the parts `changed` of a document, widened by the parts next to them that
 * hold content of the suggestions `ids` (a suggestion's content is one stretch, or blocks side by
 * side), so that settling those suggestions finds all of their content there.
 */
function rangeOf(doc: Node, changed: Changed, ids: Set<string>): { from: number; to: number } {
  const holds = (i: number) => [...markedIds(doc, { from: i, tail: doc.childCount - i - 1 }).keys()].some((id) => ids.has(id))
  let first = changed.from
  let last = doc.childCount - changed.tail
  while (first > 0 && holds(first - 1)) first--
  while (last < doc.childCount && holds(last)) last++
  let from = 0
  for (let i = 0; i < first; i++) from += doc.child(i).nodeSize
  let to = from
  for (let i = first; i < last; i++) to += doc.child(i).nodeSize
  return { from, to }
}

/** The kind of a new suggestion from the kinds of its marks: a structure or field change first, then an insertion (a replacement deletes too), then a deletion. */
function kindOf(kinds: Set<SuggestionKind>): SuggestionKind {
  for (const k of ['structure', 'field', 'insert'] as const) if (kinds.has(k)) return k
  return 'delete'
}

/**
 * The highest number of the `s1`, `s2` … ids a document's entries use, and its marks in the parts
 * `changed` (marks elsewhere have their entries: only an edit under way has marks without).
 */
function lastIdNumber(doc: Node, changed: Changed): number {
  let n = 0
  const see = (id: string) => {
    const m = /^s([0-9]+)$/.exec(id)
    if (m) n = Math.max(n, Number(m[1]))
  }
  for (const s of suggestionsOf(doc)) see(s.id)
  for (const id of markedIds(doc, changed).keys()) see(id)
  return n
}

/** The text of a fragment, blocks on lines of their own and fields as one character. */
const textOf = (f: Fragment) => f.textBetween(0, f.size, '\n', '\ufffc')

/** Whether `after` holds the same nodes as `before`, in another order (sections moved up or down). */
function reordered(before: Fragment, after: Fragment): boolean {
  if (before.childCount !== after.childCount) return false
  const left: Node[] = []
  before.forEach((node) => left.push(node))
  let all = true
  after.forEach((node) => {
    const i = left.findIndex((other) => other.eq(node))
    if (i < 0) all = false
    else left.splice(i, 1)
  })
  return all
}

/**
 * Where a restructuring puts back the sections as they stood before the author's own earlier
 * restructuring of them (demoted and promoted again, moved up and down again), that suggestion
 * taken back: its marks taken off the sections `tr` put in at `from` in place of `old`, so that no
 * suggestion is left that changes nothing. Whether it was.
 */
function takesBack(state: EditorState, tr: Transaction, old: Fragment, from: number, author: CommentAuthor): boolean {
  const structural = (n: Node) => n.marks.find((m) => m.type === schema.marks.modification && m.attrs.type === 'structure')
  const ids = new Set<string>()
  let previous: unknown = null
  old.forEach((n) => {
    const m = structural(n)
    ids.add(m ? (m.attrs.id as string) : '')
    previous ??= m?.attrs.previousValue
  })
  const [id] = ids
  if (ids.size !== 1 || !id || suggestionsOf(state.doc).find((s) => s.id === id)?.author.id !== author.id) return false
  // The suggestion's sections are all among these.
  let elsewhere = 0
  state.doc.descendants((n) => {
    if (structural(n)?.attrs.id === id) elsewhere++
  })
  if (elsewhere !== old.childCount || !previous) return false
  const made = (tr.steps[0] as ReplaceStep).slice.content
  const bare: Node[] = []
  made.forEach((n) => bare.push(n.mark(n.marks.filter((m) => m !== structural(n)))))
  if (!Fragment.fromArray(bare).eq(Fragment.fromJSON(schema, previous as object[]))) return false
  made.forEach((n, offset) => {
    const m = structural(n)
    if (m) tr.removeNodeMark(from + offset, m)
  })
  return true
}

/**
 * A restructuring of sections (demoting, promoting, moving: one step that puts sections, with the
 * same text or the same sections in another order, where sections were) as one suggestion of kind
 * `structure`: the edit is made, and each section it made is marked with a `modification` of type
 * `structure`, the first holding the sections that stood there before, so that rejecting puts them
 * back; where it puts back what the author's own earlier restructuring changed, that suggestion is
 * taken back instead (see {@link takesBack}). Null for any other edit, and for sections that carry
 * suggestions already (those go through the rewriting of the library).
 */
function restructuring(state: EditorState, tr: Transaction, id: string, author: CommentAuthor): Transaction | null {
  if (tr.steps.length !== 1) return null
  const step = tr.steps[0]
  if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd) return null
  const { from, to } = step as unknown as { from: number; to: number }
  const old = state.doc.slice(from, to)
  if (old.openStart || old.openEnd || !old.content.childCount || !step.slice.content.childCount) return null
  const sections = (f: Fragment) => {
    let all = true
    f.forEach((n) => (all &&= isSection(n)))
    return all
  }
  if (!sections(old.content) || !sections(step.slice.content) || (textOf(old.content) !== textOf(step.slice.content) && !reordered(old.content, step.slice.content))) return null
  // Sections restructured before may be restructured again; any other suggestion in them goes through the library.
  let marked = false
  old.content.descendants((node) => {
    for (const m of node.marks) if (isSuggestionMark(m) && !(m.type.name === 'modification' && m.attrs.type === 'structure')) marked = true
    return !marked
  })
  if (marked) return null
  if (takesBack(state, tr, old.content, from, author)) return tr
  let first = true
  step.slice.content.forEach((_node, offset) => {
    const previousValue = first ? old.content.toJSON() : null
    first = false
    tr.addNodeMark(from + offset, schema.marks.modification!.create({ id, type: 'structure', previousValue }))
  })
  return tr
}

/**
 * A work-item list put in place of blocks right after another list (一是… on the paragraph after
 * `二是……`) as that list's next items (`三是`), as the editor joins two lists side by side: the
 * items put in at the end of the list before, then the blocks deleted, so that the blocks kept as
 * deleted do not stand between the list and its new items. Null for any other edit.
 */
function listContinued(state: EditorState, tr: Transaction): Transaction | null {
  const step = tr.steps[0]
  if (tr.steps.length !== 1 || !(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd || step.slice.content.childCount !== 1) return null
  const { from, to } = step as unknown as { from: number; to: number }
  const items = step.slice.content.firstChild!.content
  if (step.slice.content.firstChild!.type !== schema.nodes.workItems || state.doc.resolve(from).nodeBefore?.type !== schema.nodes.workItems) return null
  const out = state.tr.insert(from - 1, items).delete(from + items.size, to + items.size)
  // The selection in the items, two places earlier: they no longer open a list of their own.
  const { anchor, head } = tr.selection
  const inItems = (p: number) => p > from && p < from + items.size + 2
  if (inItems(anchor) && inItems(head)) out.setSelection(TextSelection.create(out.doc, anchor - 2, head - 2))
  return out
}

/**
 * `tr` with the text it types freed of deletion marks: typed (or composed) inside words suggested
 * deleted, text takes their marks as it takes those of the text before it, and would be struck
 * out with them, in the writer's colour, and go when they are accepted. What is typed is an
 * insertion only. Null when no typed text carries a deletion mark.
 */
function typedUndeleted(state: EditorState, tr: Transaction): Transaction | null {
  const deletion = schema.marks.deletion!
  const typed = (step: unknown): step is ReplaceStep =>
    step instanceof ReplaceStep && !step.slice.openStart && !step.slice.openEnd && step.slice.content.childCount > 0 && step.slice.content.content.every((n) => n.isText)
  if (!tr.steps.some((step) => typed(step) && step.slice.content.content.some((n) => deletion.isInSet(n.marks)))) return null
  const out = state.tr
  for (const step of tr.steps) {
    if (!typed(step)) {
      out.step(step)
      continue
    }
    const { from, to } = step as unknown as { from: number; to: number }
    const text = step.slice.content.content.map((n) => n.mark(deletion.removeFromSet(n.marks)))
    out.step(new ReplaceStep(from, to, new Slice(Fragment.fromArray(text), 0, 0)))
  }
  return carried(tr, out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON())))
}

/** The single step of `tr` when it types text at the caret (puts in text and replaces nothing), else null. */
function typedStep(tr: Transaction): ReplaceStep | null {
  const step = tr.steps[0]
  if (tr.steps.length !== 1 || !(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd || !step.slice.content.childCount) return null
  const { from, to } = step as unknown as { from: number; to: number }
  return from === to && step.slice.content.content.every((n) => n.isText) ? step : null
}

/**
 * Text typed beside a suggested join of two textblocks (Backspace at the start of the second,
 * then typing), made so that the deletion still runs from the end of the first to the start of
 * the second and accepting it still joins them: typed at the end of the first, the text is
 * followed by a marker of that deletion (a zero-width anchor carrying its mark); typed at the
 * start of the second, before the anchors that start it, it goes in after them. Without, the text
 * stood between the deletion and the boundary it deletes, and the edit could not be said. Null
 * for any other edit.
 */
function joinKept(state: EditorState, tr: Transaction): Transaction | null {
  const step = typedStep(tr)
  if (!step) return null
  const deletion = schema.marks.deletion!
  const $pos = state.doc.resolve((step as unknown as { from: number }).from)
  const { nodeBefore, nodeAfter } = $pos
  let out: Transaction
  if (!nodeAfter && nodeBefore && deletion.isInSet(nodeBefore.marks)) {
    const struck = deletion.isInSet(nodeBefore.marks)!
    const next = Selection.findFrom(state.doc.resolve($pos.after()), 1, true)
    if (!next || !struck.isInSet(next.$from.nodeAfter?.marks ?? [])) return null
    out = state.tr.insert($pos.pos, step.slice.content.addToEnd(schema.text(suggestionAnchor, [struck])))
    out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON()))
  } else if (!$pos.parentOffset && nodeAfter?.isText && deletion.isInSet(nodeAfter.marks)) {
    const anchors = /^\u200b*/.exec(nodeAfter.text!)![0].length
    if (!anchors) return null
    out = state.tr.insert($pos.pos + anchors, step.slice.content)
    out.setSelection(TextSelection.create(out.doc, $pos.pos + anchors + step.slice.size))
  } else return null
  return carried(tr, out)
}

/** `out`, made in place of `tr`, with what `tr` carries besides its steps: stored marks, scrolling and meta (the rewriting keeps a transaction's meta so too). */
function carried(tr: Transaction, out: Transaction): Transaction {
  if (tr.storedMarksSet) out.setStoredMarks(tr.storedMarks)
  if (tr.scrolledIntoView) out.scrollIntoView()
  ;(out as unknown as { meta: unknown }).meta = (tr as unknown as { meta: unknown }).meta
  return out
}

/**
 * Text typed at the caret before words suggested deleted, or inside them, or beside the markers
 * of a suggested join ({@link joinKept}), as an insertion there: the rewriting would move it to
 * after the struck words (and after a suggested join, into the next paragraph, past the
 * boundary). The text takes the id of the suggestion before the caret (an insertion it goes on
 * with, the author's own deletion it replaces part of), else of the one after it, else a new
 * one (`generate`); the markers of a join give none. Null for any other edit.
 */
function typedAtCaret(state: EditorState, tr: Transaction, generate: () => string): Transaction | null {
  const step = typedStep(tr)
  if (!step) return null
  const { deletion, insertion } = schema.marks as { deletion: MarkType; insertion: MarkType }
  const from = (step as unknown as { from: number }).from
  const $pos = state.doc.resolve(from)
  const text = step.slice.content
  const words = (node: Node | null | undefined) => !!node && !!node.textContent.replaceAll(suggestionAnchor, '')
  const struck = (node: Node | null | undefined) => !!node && !!deletion.isInSet(node.marks)
  if (!struck($pos.nodeAfter) && !struck(text.lastChild) && !(struck($pos.nodeBefore) && !words($pos.nodeBefore))) return null
  const idOf = (node: Node | null | undefined) => (words(node) ? (node!.marks.find((m) => m.type === insertion || m.type === deletion)?.attrs.id as string | undefined) : undefined)
  const mark = insertion.create({ id: idOf($pos.nodeBefore) ?? idOf($pos.nodeAfter) ?? generate() })
  const marked: Node[] = []
  text.forEach((n) => marked.push(deletion.isInSet(n.marks) ? n : n.mark(mark.addToSet(insertion.removeFromSet(n.marks)))))
  const out = state.tr.insert(from, marked)
  return carried(tr, out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON())))
}

/**
 * A field's value changed (filling a metric or a blank: one step that replaces the field by the
 * same field with other attributes) as a change of its attributes, which the library makes a
 * `modification` keeping the old value: a suggestion of kind `field`. Null for any other edit.
 */
function fieldChange(state: EditorState, tr: Transaction): Transaction | null {
  if (tr.steps.length !== 1) return null
  const step = tr.steps[0]
  if (!(step instanceof ReplaceStep) || step.slice.openStart || step.slice.openEnd || step.slice.content.childCount !== 1) return null
  const { from, to } = step as unknown as { from: number; to: number }
  const old = state.doc.nodeAt(from)
  const next = step.slice.content.firstChild!
  if (!old || from + old.nodeSize !== to || (old.type.name !== 'metric' && old.type.name !== 'blank') || next.type !== old.type || !Mark.sameSet(old.marks, next.marks)) return null
  const out = state.tr
  for (const name of Object.keys(old.attrs)) if (!Object.is(old.attrs[name], next.attrs[name])) out.setNodeAttribute(from, name, next.attrs[name])
  if (!out.docChanged) return null
  out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON()))
  return out
}

/**
 * An edit of content the author has suggested inserting, and of nothing else (typing into the
 * empty paragraph they inserted, turning the new paragraph they typed into a section with 「二、」,
 * splitting or retyping it), as part of that same insertion: the ways of saying it (see {@link newBlocks} and {@link reshaped}), for the caller
 * to take the first that settles right. None when the edit touches other content.
 */
function ownInsertionEdits(state: EditorState, tr: Transaction, author: CommentAuthor): Transaction[] {
  const owners = new Map(suggestionsOf(state.doc).map((s) => [s.id, s.author.id]))
  const before = state.doc
  const after = tr.doc
  const change = replacementBetween(before, after)
  if (!change) return []
  const { from, to: endA } = change
  const endB = from + change.slice.size
  // What the edit replaced must all be the author's own suggested insertion: text in a block they
  // inserted (typing into the new empty paragraph) goes on with that block's suggestion.
  const block = ownBlockAround(before.resolve(from), endA, owners, author)
  let id: string | null = block
  let foreign = false
  before.nodesBetween(from, endA, (node, pos) => {
    if (foreign) return false
    const inside = pos >= from && pos + node.nodeSize <= endA
    const mark = schema.marks.insertion!.isInSet(node.marks)
    if (mark && owners.get(mark.attrs.id as string) === author.id && (inside || node.isInline)) {
      id ??= mark.attrs.id as string
      return false
    }
    if ((node.isInline && (block === null || node.marks.some(isSuggestionMark))) || (node.marks.some(isSuggestionMark) && inside)) foreign = true
    return !foreign
  })
  if (foreign || id === null) return []
  const own: string = id
  return [newBlocks(state, tr, own, from, endB), reshaped(state, tr, own, from, endA, endB)].filter((t): t is Transaction => t !== null)
}

/**
 * The id of the insertion by `author` that marks whole a block holding all from `$from` to `to`
 * (the innermost such block), or null when no block around that stretch is their inserted one.
 */
function ownBlockAround($from: ResolvedPos, to: number, owners: Map<string, string>, author: CommentAuthor): string | null {
  for (let depth = $from.depth; depth > 0; depth--) {
    if ($from.end(depth) < to) continue
    const mark = schema.marks.insertion!.isInSet($from.node(depth).marks)
    if (mark && owners.get(mark.attrs.id as string) === author.id) return mark.attrs.id as string
  }
  return null
}

/**
 * The edit made as it is, and what it made (from `from` to `to` in its document) marked as part
 * of the insertion `id`: new blocks (those that open in it) whole, inline content elsewhere in it.
 */
function newBlocks(state: EditorState, tr: Transaction, id: string, from: number, to: number): Transaction {
  const insertion = schema.marks.insertion!.create({ id })
  const out = state.tr
  for (const step of tr.steps) out.step(step)
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (pos >= from && pos < to && !node.isInline) {
      if (!node.marks.some(isSuggestionMark)) out.addNodeMark(pos, insertion)
      return false
    }
    if (node.isInline) {
      const a = Math.max(pos, from)
      const b = Math.min(pos + node.nodeSize, to)
      if (a < b && !insertion.isInSet(node.marks)) out.removeMark(a, b, schema.marks.deletion!).addMark(a, b, insertion)
      return false
    }
    return true
  })
  return out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON()))
}

/**
 * The edit as a restructuring that belongs to the insertion `id`: the top-level parts it changed
 * (a new section that takes the paragraphs after it, say) replaced by what it made, the first
 * marked with what stood there before, so that rejecting the insertion puts them back. Null when
 * those parts carry other suggestions, which putting them back would bring back too.
 */
function reshaped(state: EditorState, tr: Transaction, id: string, from: number, endA: number, endB: number): Transaction | null {
  const before = state.doc
  const after = tr.doc
  const $from = before.resolve(from)
  const $end = before.resolve(endA)
  const start = $from.depth ? $from.before(1) : from
  const end = $end.depth ? $end.after(1) : endA
  const newEnd = after.content.size - (before.content.size - end)
  if (newEnd < endB) return null
  let other = false
  before.nodesBetween(start, end, (node) => {
    if (node.marks.some((m) => isSuggestionMark(m) && m.attrs.id !== id)) other = true
    return !other
  })
  if (other) return null
  const made = after.slice(start, newEnd).content
  const out = state.tr.replaceWith(start, end, made)
  let first = true
  made.forEach((_node, offset) => {
    out.addNodeMark(start + offset, schema.marks.modification!.create({ id, type: 'structure', previousValue: first ? before.slice(start, end).content.toJSON() : null }))
    first = false
  })
  return out.setSelection(Selection.fromJSON(out.doc, tr.selection.toJSON()))
}

/** Whether the block around `$pos`, or a block it is in, is marked as inserted. */
function insertedAt($pos: ResolvedPos): boolean {
  for (let depth = $pos.depth; depth > 0; depth--) if (schema.marks.insertion!.isInSet($pos.node(depth).marks)) return true
  return false
}

/**
 * The selection of `tr` in its rewriting `out`, where it is in a block that `tr` inserted whole
 * (the body paragraph `。` starts after a run-in heading; a paragraph made a work item, a list made
 * paragraphs, the blocks before kept as deleted): there, in the same block, now marked inserted.
 * The rewriting maps the selection back to the document before the edit, where that block is not,
 * and forward again, which puts it past the block (into the next heading) or at the start of the
 * blocks kept as deleted. Null where the selection is not in such a block, or the block is not
 * found in `out`.
 */
function selectionInNewBlock(tr: Transaction, out: Transaction): Selection | null {
  const sel = tr.selection
  if (!tr.selectionSet || !(sel instanceof TextSelection)) return null
  const back = tr.mapping.invert()
  const $from = sel.$from
  for (let depth = 1; depth <= $from.depth; depth++) {
    const start = $from.before(depth)
    const end = $from.after(depth)
    // A block the edit inserted whole: all of it goes when the edit is taken back.
    if (sel.to > end || back.map(end, -1) > back.map(start, 1)) continue
    const block = tr.doc.nodeAt(start)!
    // Where the inserted content starts: at the place of the edit, or, where the edit replaced
    // blocks (a paragraph made a work item, a list made paragraphs), after them, kept as deleted;
    // the block is as far into it as in the edit.
    const replaced = back.map(start, -1)
    const offset = start - tr.mapping.map(replaced, -1)
    const at = [out.mapping.map(replaced, -1), out.mapping.map(back.map(start, 1), -1)]
      .map((p) => p + offset)
      .find((p) => {
        const made = p <= out.doc.content.size ? out.doc.nodeAt(p) : null
        return !!made && made.type === block.type && made.nodeSize === block.nodeSize && insertedAt(out.doc.resolve(p + 1))
      })
    if (at === undefined) return null
    const $anchor = out.doc.resolve(at + sel.anchor - start)
    const $head = out.doc.resolve(at + sel.head - start)
    return $anchor.parent.inlineContent && $head.parent.inlineContent ? new TextSelection($anchor, $head) : null
  }
  return null
}

/** The stretches of inline content carrying an insertion or deletion mark in the parts `changed`, with the mark. */
function markedStretches(doc: Node, changed: Changed): { from: number; to: number; mark: Mark }[] {
  const out: { from: number; to: number; mark: Mark }[] = []
  eachChangedNode(doc, changed, (node, pos) => {
    if (!node.isInline) return
    for (const mark of node.marks) {
      if (mark.type !== schema.marks.insertion && mark.type !== schema.marks.deletion) continue
      const last = out[out.length - 1]
      if (last && last.to === pos && last.mark.eq(mark)) last.to = pos + node.nodeSize
      else out.push({ from: pos, to: pos + node.nodeSize, mark })
    }
  })
  return out
}

/** The ranges of `tr`'s document that its steps put in (content new in it). */
function insertedRanges(tr: Transaction): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  tr.mapping.maps.forEach((map, i) => {
    const after = new Mapping(tr.mapping.maps.slice(i + 1))
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      const from = after.map(newStart, 1)
      const to = after.map(newEnd, -1)
      if (from < to) out.push({ from, to })
    })
  })
  return out
}

/** The parts of `range` outside every one of `holes`. */
function outside(range: { from: number; to: number }, holes: readonly { from: number; to: number }[]): { from: number; to: number }[] {
  let parts = [range]
  for (const h of holes) parts = parts.flatMap((p) => (h.to <= p.from || h.from >= p.to ? [p] : [{ from: p.from, to: h.from }, { from: h.to, to: p.to }].filter((q) => q.from < q.to)))
  return parts
}

/**
 * Keeps each author's suggestions their own. The rewriting joins a new insertion or deletion with
 * one it touches, whoever made that one, and gives the joined stretch one id. Here what was
 * suggested before keeps its id, and new content that took the id of another author's suggestion
 * (typed next to it, inside it, or over part of it) gets an id of its own (`fresh`), so that every
 * suggestion says who made it. Joining one's own suggestions (typing on) stays.
 */
function keepAuthors(state: EditorState, out: Transaction, author: CommentAuthor, fresh: string): void {
  const owners = new Map(suggestionsOf(state.doc).map((s) => [s.id, s.author.id]))
  const changed = changedParts(state.doc, out.doc)
  const added = insertedRanges(out)
  const old = markedStretches(state.doc, changed).flatMap((s) => outside({ from: out.mapping.map(s.from, 1), to: out.mapping.map(s.to, -1) }, added).map((r) => ({ ...r, mark: s.mark })))
  const oldOf = (type: Mark['type'], id: string) => old.filter((o) => o.mark.type === type && o.mark.attrs.id === id)
  const stretches = markedStretches(out.doc, changed)
  // New content by `author` goes on with a suggestion of theirs of its kind that it touches (a
  // deletion of another's suggested words, one key after another), else takes the id `fresh`.
  const own = (type: Mark['type'], from: number, to: number) =>
    stretches.find((s) => s.mark.type === type && owners.get(s.mark.attrs.id as string) === author.id && (s.to === from || s.from === to))?.mark ?? type.create({ id: fresh })
  for (const stretch of stretches) {
    const { type } = stretch.mark
    const id = stretch.mark.attrs.id as string
    // Content suggested before, now under another id: its own id back.
    for (const o of old) {
      if (o.mark.type !== type || o.mark.attrs.id === id) continue
      const from = Math.max(o.from, stretch.from)
      const to = Math.min(o.to, stretch.to)
      if (from < to) out.removeMark(from, to, type).addMark(from, to, o.mark)
    }
    // New content under someone else's id: an id of its own.
    const owner = owners.get(id)
    if (owner === undefined || owner === author.id) continue
    let pos = stretch.from
    for (const o of oldOf(type, id).sort((a, b) => a.from - b.from)) {
      if (o.to <= pos || o.from >= stretch.to) continue
      if (o.from > pos) out.removeMark(pos, o.from, type).addMark(pos, o.from, own(type, pos, o.from))
      pos = Math.max(pos, o.to)
    }
    if (pos < stretch.to) out.removeMark(pos, stretch.to, type).addMark(pos, stretch.to, own(type, pos, stretch.to))
  }
}

/** Content another author suggested inserting that an edit deletes: a stretch of inline content, or a block marked whole (`block`), with the insertion's mark. */
interface Held {
  from: number
  to: number
  mark: Mark
  block: boolean
}

/** The ranges of `tr`'s document before it that its steps delete or replace. */
function deletedRanges(tr: Transaction): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = []
  tr.mapping.maps.forEach((map, i) => {
    const back = new Mapping(tr.mapping.maps.slice(0, i)).invert()
    map.forEach((oldStart, oldEnd) => {
      const from = back.map(oldStart, 1)
      const to = back.map(oldEnd, -1)
      if (from < to) out.push({ from, to })
    })
  })
  return out
}

/**
 * What the edit `tr` deletes of other authors' suggested insertions (text and fields, and the
 * blocks they inserted whole that hold what it deletes): deleting another reviewer's suggested
 * words is a deletion suggestion on them, as in Word, not their removal, which would change that
 * reviewer's suggestion with no trace. An author's own suggested words still simply go.
 */
function othersInsertionsDeleted(state: EditorState, tr: Transaction, author: CommentAuthor): Held[] {
  const owners = new Map(suggestionsOf(state.doc).map((s) => [s.id, s.author.id]))
  if (!owners.size) return []
  const held: Held[] = []
  for (const { from, to } of deletedRanges(tr)) {
    state.doc.nodesBetween(from, to, (node, pos) => {
      const mark = schema.marks.insertion!.isInSet(node.marks)
      const owner = mark ? owners.get(mark.attrs.id as string) : undefined
      if (!mark || owner === undefined || owner === author.id) return true
      if (node.isInline) held.push({ from: Math.max(pos, from), to: Math.min(pos + node.nodeSize, to), mark, block: false })
      else if (!held.some((h) => h.block && h.from === pos)) held.push({ from: pos, to: pos + node.nodeSize, mark, block: true })
      return true
    })
  }
  return held
}

/**
 * `state` as the rewriting sees it: its transactions start by taking the insertion marks `held`
 * off, so that the rewriting marks that content deleted rather than removing it (it removes what
 * is marked inserted); {@link holdInsertions} puts the marks back.
 */
function withoutInsertions(state: EditorState, held: Held[]): EditorState {
  return Object.create(state, {
    tr: {
      get: () => {
        const tr = state.tr
        for (const h of held) {
          if (h.block) tr.removeNodeMark(h.from, h.mark)
          else tr.removeMark(h.from, h.to, h.mark)
        }
        return tr
      },
    },
  }) as EditorState
}

/** Puts the insertion marks `held` (positions in the document before `out`) back on their content, now marked deleted too. */
function holdInsertions(out: Transaction, held: Held[]): void {
  for (const h of held) {
    const from = out.mapping.map(h.from, 1)
    if (h.block) {
      const node = out.doc.nodeAt(from)
      if (node && !node.isInline) out.addNodeMark(from, h.mark)
      continue
    }
    const to = out.mapping.map(h.to, -1)
    if (from < to) out.addMark(from, to, h.mark)
  }
}

/**
 * The suggestions whose marks an edit took away with the last of their content (an author's own
 * insertion deleted again): marked in the parts `changed` of `before`, and nowhere in `after`.
 */
function unmarkedBy(before: Node, after: Node, changed: Changed): Set<string> {
  const known = new Set(suggestionsOf(after).map((s) => s.id))
  const still = markedIds(after, changed)
  const gone = [...markedIds(before, changed).keys()].filter((id) => known.has(id) && !still.has(id))
  if (!gone.length) return new Set()
  const marked = markedIds(after)
  return new Set(gone.filter((id) => !marked.has(id)))
}

/**
 * An edit that types over the selection of `state`: the selection deleted (by ProseMirror, or
 * across parts, `deleteAcrossParts`), then text put in where it began. What deletes it (a
 * transaction of the steps before the typing) and the text typed; null for any other edit.
 */
function typedOver(state: EditorState, tr: Transaction): { deletion: Transaction; text: Fragment } | null {
  const { from, to, empty } = state.selection
  const last = tr.steps[tr.steps.length - 1]
  if (empty || !(last instanceof ReplaceStep) || last.slice.openStart || last.slice.openEnd || !last.slice.size || !last.slice.content.content.every((n) => n.isText)) return null
  const step = last as unknown as { from: number; to: number }
  const deletion = state.tr
  if (tr.steps.length === 1) {
    if (step.from !== from || step.to !== to) return null
    deletion.delete(from, to)
  } else {
    for (const s of tr.steps.slice(0, -1)) if (deletion.maybeStep(s).failed) return null
    if (step.from !== step.to || step.from !== deletion.mapping.map(from, -1)) return null
  }
  return { deletion, text: last.slice.content }
}

/**
 * Text typed over a selection (see {@link typedOver}) as one suggestion, a replacement: the
 * selection suggested deleted as its deletion alone is (each of its pieces struck out, headings'
 * words too, nothing joined or taken away until accepted), and the typed text inserted where the
 * selection began, before the struck words, under the same id. The rewriting of the whole edit
 * put the text after the struck words, in the block where the selection ended (a heading), and
 * each piece under an id of its own. Null where the deletion makes no one new suggestion, or the
 * result would not say the edit.
 */
function typedOverSelection(state: EditorState, tr: Transaction, over: { deletion: Transaction; text: Fragment }, author: CommentAuthor, time: string): Transaction | null {
  const out = suggestTransaction(state, over.deletion, author, time)
  if (!out) return null
  const known = new Set(suggestionsOf(state.doc).map((s) => s.id))
  const { insertion, deletion } = schema.marks as { insertion: MarkType; deletion: MarkType }
  const at = out.mapping.map(state.selection.from, -1)
  // The suggestion whose struck words start at the selection's start: a new deletion.
  const $at = out.doc.resolve(at)
  const struck = deletion.isInSet($at.nodeAfter?.marks ?? []) ?? deletion.isInSet(Selection.findFrom($at, 1, true)?.$from.nodeAfter?.marks ?? [])
  const entry = struck && suggestionsOf(out.doc).find((s) => s.id === struck.attrs.id && !known.has(s.id) && s.kind === 'delete')
  if (!entry) return null
  const mark = insertion.create({ id: entry.id })
  const text: Node[] = []
  over.text.forEach((n) => text.push(n.mark(mark.addToSet(insertion.removeFromSet(deletion.removeFromSet(n.marks))))))
  out.insert(at, text)
  out.setDocAttribute('suggestions', suggestionsOf(out.doc).map((s) => (s === entry ? { ...s, kind: 'insert' as const } : s)))
  out.setSelection(TextSelection.create(out.doc, at + over.text.size))
  try {
    checkChanged(state.doc, out.doc)
    if (!saysEdit(state.doc, out.doc, tr.doc)) return null
  } catch (e) {
    if (e instanceof RangeError) return null
    throw e
  }
  return carried(tr, out)
}

/**
 * Whether the stretches of marked content `a` and `b` (`a` before `b`) would be one stretch across
 * a block boundary if they had one id: `a` ends a textblock and `b` starts a later one, with only
 * block boundaries (and empty textblocks) between. Settling reads such a stretch as going on into
 * the next block, and joins the two blocks when it goes (see the model's `settleSuggestions`).
 */
function acrossBoundary(doc: Node, a: { to: number; mark: Mark }, b: { from: number; mark: Mark }): boolean {
  if (a.mark.type !== b.mark.type || b.from <= a.to) return false
  const $end = doc.resolve(a.to)
  const $start = doc.resolve(b.from)
  if ($end.parentOffset !== $end.parent.content.size || $start.parentOffset !== 0) return false
  let inline = false
  doc.nodesBetween(a.to, b.from, (node, at) => {
    if (node.isInline && at >= a.to) inline = true
    return !inline && !node.isInline
  })
  return !inline
}

/**
 * The new suggestions `ids` that one edit made, in the parts `changed` of `out`, made as few as
 * they can be: each takes the id of the first it can join. The rewriting asks for an id before
 * each of the edit's steps, so that typing or deleting over a selection across parts (its text in
 * each block struck out, the typed text inserted) came as a suggestion for each piece; the writer
 * made one edit, to accept or reject whole. Two pieces stay apart where one ends a block and the
 * other starts the next (see {@link acrossBoundary}): one suggestion, accepting them would join
 * the blocks, which the edit does not.
 */
function fewestSuggestions(out: Transaction, ids: string[], changed: Changed): void {
  if (ids.length < 2) return
  const fresh = new Set(ids)
  const stretches = markedStretches(out.doc, changed).filter((st) => fresh.has(st.mark.attrs.id as string))
  const apart = new Set<string>()
  for (let i = 0; i + 1 < stretches.length; i++) {
    const a = stretches[i]!
    const b = stretches.find((st, j) => j > i && st.mark.type === a.mark.type)
    if (b && a.mark.attrs.id !== b.mark.attrs.id && acrossBoundary(out.doc, a, b)) apart.add(`${a.mark.attrs.id} ${b.mark.attrs.id}`).add(`${b.mark.attrs.id} ${a.mark.attrs.id}`)
  }
  // Each id into the first group none of whose ids it must stay apart from.
  const groups: string[][] = []
  const target = new Map<string, string>()
  for (const id of ids) {
    const group = groups.find((g) => g.every((other) => !apart.has(`${id} ${other}`)))
    if (group) {
      group.push(id)
      target.set(id, group[0]!)
    } else groups.push([id])
  }
  if (!target.size) return
  const moves: { pos: number; node: Node; mark: Mark; id: string }[] = []
  eachChangedNode(out.doc, changed, (node, pos) => {
    for (const mark of node.marks) {
      const id = isSuggestionMark(mark) ? target.get(mark.attrs.id as string) : undefined
      if (id) moves.push({ pos, node, mark, id })
    }
  })
  for (const { pos, node, mark, id } of moves) {
    const renamed = mark.type.create({ ...mark.attrs, id })
    if (node.isInline) out.removeMark(pos, pos + node.nodeSize, mark).addMark(pos, pos + node.nodeSize, renamed)
    else out.removeNodeMark(pos, mark).addNodeMark(pos, renamed)
  }
}

/** An author with exactly the fields the document keeps (no `role: undefined`). */
function authorOf(a: CommentAuthor): CommentAuthor {
  return a.role === undefined ? { id: a.id, name: a.name } : { id: a.id, name: a.name, role: a.role }
}

/**
 * The transaction `tr` (made on `state`) as suggestions by `author` at `time` (ISO 8601, see
 * `commentTimePattern`): the same edit, with insertions and deletions marked instead of made,
 * and an entry in the document's `suggestions` for each new suggestion id; the entries of
 * suggestions the edit took the last of away (words suggested, then deleted by their author) go. A transaction that
 * changes nothing in the document is given back as it is. Gives null when the edit cannot be
 * made as suggestions, which is when accepting the suggestions would not give the edit, or
 * rejecting them not the document before it (joining two work-item lists or two sections, a
 * deletion across parts of different kinds, which marks on content cannot say), or when the
 * rewriting fails or would leave an invalid document: the editor then refuses the edit. A
 * restructuring of sections is given back as `tr` itself, with its marks added (its meta and
 * selection kept); other edits as a new transaction with `tr`'s meta. Throws a RangeError naming
 * the field when the author or the time is malformed.
 */
export function suggestTransaction(state: EditorState, tr: Transaction, author: CommentAuthor, time: string): Transaction | null {
  if (!tr.docChanged) return tr
  const over = typedOver(state, tr)
  if (over) {
    const made = typedOverSelection(state, tr, over, author, time)
    if (made) return made
  }
  tr = listContinued(state, tr) ?? tr
  tr = typedUndeleted(state, tr) ?? tr
  tr = joinKept(state, tr) ?? tr
  const known = new Set(suggestionsOf(state.doc).map((s) => s.id))
  const edited = changedParts(state.doc, tr.doc)
  const before = markedIds(state.doc, edited)
  // The rewriting asks for an id before each step, and again only once the last one was used.
  let last = lastIdNumber(state.doc, edited)
  const generate = () => `s${++last}`
  const plain = tr.doc
  let out: Transaction
  let held: Held[] = []
  try {
    const own = ownInsertionEdits(state, tr, author).find((t) => saysEdit(state.doc, t.doc, plain))
    if (own) out = own
    else {
      const restructured = restructuring(state, tr, `s${last + 1}`, author)
      if (restructured) out = restructured
      else {
        const edit = fieldChange(state, tr) ?? tr
        held = othersInsertionsDeleted(state, edit, author)
        out = typedAtCaret(state, edit, generate) ?? transformToSuggestionTransaction(edit, held.length ? withoutInsertions(state, held) : state, generate)
        const selection = selectionInNewBlock(edit, out)
        if (selection) out.setSelection(selection)
      }
      keepAuthors(state, out, author, `s${lastIdNumber(out.doc, changedParts(state.doc, out.doc)) + 1}`)
      holdInsertions(out, held)
    }
    checkChanged(state.doc, out.doc)
    // The rewriting must say the edit: accepting it gives the edit, rejecting it gives none. Where
    // marks cannot say it (joining two lists or sections, whose boundary holds no text to mark),
    // the edit is refused rather than made as something else.
    if (!saysEdit(state.doc, out.doc, plain)) return null
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError || (e instanceof Error && /Invalid content|TransformError|contentMatchAt/.test(e.name + e.message))) return null
    throw e
  }
  const made = changedParts(state.doc, out.doc)
  fewestSuggestions(out, [...markedIds(out.doc, made).keys()].filter((id) => !known.has(id) && !before.has(id)), made)
  const added: Suggestion[] = []
  for (const [id, kinds] of markedIds(out.doc, made)) {
    if (known.has(id) || before.has(id)) continue
    added.push({ id, author: authorOf(author), time, kind: kindOf(kinds) })
  }
  const gone = unmarkedBy(state.doc, out.doc, made)
  // The author's own deletion that now inserts too (typed at its start or inside it) is a
  // replacement, as one typed over a selection is: its entry says so.
  const replaced = new Set([...markedIds(out.doc, made)].filter(([id, kinds]) => before.has(id) && kinds.has('insert')).map(([id]) => id))
  const grown = suggestionsOf(out.doc).some((s) => s.kind === 'delete' && s.author.id === author.id && replaced.has(s.id))
  if (added.length || gone.size || grown) {
    const next = [...suggestionsOf(out.doc).filter((s) => !gone.has(s.id)).map((s) => (s.kind === 'delete' && s.author.id === author.id && replaced.has(s.id) ? { ...s, kind: 'insert' as const } : s)), ...added]
    const problem = suggestionsProblem(next)
    if (problem) throw new RangeError(`suggestTransaction: suggestions${problem.path}: ${problem.problem}`)
    out.setDocAttribute('suggestions', next)
  }
  return out
}

/**
 * A command run as suggestions (修订) by `author` at `time`: what it would change is proposed
 * instead (see {@link suggestTransaction}). Applies where the command applies; an edit that
 * cannot be made as suggestions is not made.
 */
export function suggesting(command: Command, author: CommentAuthor, time: string): Command {
  return (state, dispatch, view) =>
    command(
      state,
      dispatch &&
        ((tr) => {
          const suggested = suggestTransaction(state, tr, author, time)
          if (suggested) dispatch(suggested)
        }),
      view,
    )
}

/** A command that settles the suggestions `which` picks; false when there is none. */
function settle(which: (s: Suggestion | null, id: string) => boolean, accept: boolean): Command {
  return (state: EditorState, dispatch) => {
    const entries = new Map(suggestionsOf(state.doc).map((s) => [s.id, s]))
    const tr = state.tr
    if (!settleSuggestions(tr, (id) => which(entries.get(id) ?? null, id), accept)) return false
    if (dispatch) dispatch(tr.setMeta(suggestChangesKey, { skip: true }).setMeta(suggestionsSettled, true).setMeta(suggestionsResolved, accept ? 'accept' : 'reject'))
    return true
  }
}

/** 接受修订: accepts the suggestion `id` (its insertions stay, its deletions go) and removes its entry. */
export function acceptSuggestion(id: string): Command {
  return settle((_, other) => other === id, true)
}

/** 拒绝修订: rejects the suggestion `id` (its insertions go, its deletions stay, its changes are set back) and removes its entry. */
export function rejectSuggestion(id: string): Command {
  return settle((_, other) => other === id, false)
}

/** 全部接受: accepts every suggestion, or every one of the author `authorId`. */
export function acceptAll(authorId?: string): Command {
  return settle((s) => authorId === undefined || s?.author.id === authorId, true)
}

/** 全部拒绝: rejects every suggestion, or every one of the author `authorId`. */
export function rejectAll(authorId?: string): Command {
  return settle((s) => authorId === undefined || s?.author.id === authorId, false)
}
