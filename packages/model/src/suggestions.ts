import { Fragment, type Mark, type Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { displayText, type Suggestion, type SuggestionKind } from './schema.ts'
import { settleRunInTitlesSince } from './run-in.ts'

/** The suggestions of a document (修订), in the order they were made: its `suggestions` attribute. */
export function suggestionsOf(doc: Node): readonly Suggestion[] {
  return doc.attrs.suggestions as readonly Suggestion[]
}

/** The anchor character the suggestion commands put at a block boundary a suggestion crosses (a zero-width space); it goes when the suggestion is settled. */
export const suggestionAnchor = '\u200B'

const suggestionMarkNames = ['insertion', 'deletion', 'modification']

/** Whether a mark is a suggestion mark: `insertion`, `deletion` or `modification`. */
export function isSuggestionMark(mark: Mark): boolean {
  return suggestionMarkNames.includes(mark.type.name)
}

/** Whether a document carries any suggestion mark, on text, fields or blocks (any node: on what is inside it). */
export function hasSuggestionMarks(doc: Node): boolean {
  // A plain walk, without positions: every export asks this, mostly of documents that have none.
  for (let i = 0; i < doc.childCount; i++) {
    const child = doc.child(i)
    if ((child.marks.length && child.marks.some(isSuggestionMark)) || hasSuggestionMarks(child)) return true
  }
  return false
}

/**
 * Where a suggestion is in a document, as {@link suggestionsAt} lists it: the first stretch of
 * content carrying its marks, and the text it inserts or deletes.
 */
export interface SuggestionAt {
  /** The suggestion, as kept in the document's `suggestions`. */
  suggestion: Suggestion
  /** Where its first marked content starts, or null when no content carries its marks any more. */
  from: number | null
  /** Where its last marked content ends (other content may lie between), or null. */
  to: number | null
  kind: SuggestionKind
  /** Its text as displayed (fields as their text, anchors left out), the blocks it marks whole included. */
  text: string
}

/**
 * The suggestions of a document in reading order (by where their first marked content starts;
 * those whose content is gone after them, in the order they were made), with their range and text.
 */
export function suggestionsAt(doc: Node): SuggestionAt[] {
  const entries = suggestionsOf(doc)
  if (!entries.length) return []
  // For each id: where its content is, and its text, kept apart for content inserted or deleted
  // and for blocks only restructured (whose text is the suggestion's only where it has no other).
  const found = new Map<string, { from: number; to: number; text: string; textTo?: number; shapeTo: number; shape: string }>()
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue
      const id = mark.attrs.id as string
      const structure = mark.type.name === 'modification' && mark.attrs.type === 'structure'
      let at = found.get(id)
      if (!at) found.set(id, (at = { from: pos, to: pos + node.nodeSize, text: '', shapeTo: -1, shape: '' }))
      at.to = Math.max(at.to, pos + node.nodeSize)
      // Content inside a block the same suggestion marks whole is in that block's text already.
      if (pos < (structure ? at.shapeTo : at.textTo ?? -1)) continue
      const text = (node.isInline ? displayText(node) : node.textContent).replaceAll(suggestionAnchor, '')
      if (structure) {
        at.shape += text
        at.shapeTo = pos + node.nodeSize
      } else {
        at.text += text
        at.textTo = pos + node.nodeSize
      }
    }
    return true
  })
  const out: SuggestionAt[] = entries.map((suggestion) => {
    const at = found.get(suggestion.id)
    return { suggestion, from: at?.from ?? null, to: at?.to ?? null, kind: suggestion.kind, text: at ? at.text || at.shape : '' }
  })
  const placed = out.filter((s) => s.from !== null).sort((a, b) => a.from! - b.from!)
  return [...placed, ...out.filter((s) => s.from === null)]
}

/**
 * Settles suggestions in a transform: accepts (`accept`) or rejects the suggestions whose id
 * `which` says, and removes their entries from the document's `suggestions`, with the entries of
 * other suggestions whose every mark went with them (words typed into a block rejected).
 *
 * Accepting deletes the content marked deleted and keeps what is marked inserted, without its
 * marks; rejecting deletes what is marked inserted and keeps what is marked deleted. A deletion or
 * insertion that ends a textblock and goes on at the start of the next joins the two blocks when
 * it goes. Modifications are kept (accepted) or set back to their previous value or node type
 * (rejected); a restructuring (`type: 'structure'`: sections demoted, promoted or moved) rejected
 * puts back the blocks that stood there before it, as they were then. The anchors at block boundaries go either way. Returns whether anything changed.
 * `within` limits the search for their content to a range of the document, where the caller knows
 * every suggestion `which` picks to lie.
 */
export function settleSuggestions(tr: Transform, which: (id: string) => boolean, accept: boolean, within?: { from: number; to: number }): boolean {
  const doc = tr.doc
  const firstStep = tr.steps.length
  const goes = accept ? 'deletion' : 'insertion'
  const stays = accept ? 'insertion' : 'deletion'
  const cut: [number, number][] = []
  const keep: { from: number; to: number; mark: Mark; node: boolean }[] = []
  const modified: { pos: number; node: Node; mark: Mark }[] = []
  // Restructurings rejected: the range of the blocks each made, and what stood there before.
  const restored = new Map<string, { from: number; to: number; previous: unknown }>()
  const ofType = (node: Node, name: string) => node.marks.find((m) => m.type.name === name && which(m.attrs.id as string))
  // A block restructured twice carries both marks: the later restructuring is undone first.
  const order = new Map(suggestionsOf(doc).map((s, i) => [s.id, i]))
  const latest = (node: Node) => {
    let found: Mark | undefined
    for (const m of node.marks) {
      if (m.type.name !== 'modification' || m.attrs.type !== 'structure') continue
      if (!found || (order.get(m.attrs.id as string) ?? -1) > (order.get(found.attrs.id as string) ?? -1)) found = m
    }
    return found && which(found.attrs.id as string) ? found : undefined
  }
  doc.nodesBetween(within?.from ?? 0, within?.to ?? doc.content.size, (node, pos) => {
    const structure = accept ? undefined : latest(node)
    if (structure) {
      const id = structure.attrs.id as string
      const group = restored.get(id)
      if (group) {
        group.to = pos + node.nodeSize
        group.previous ??= structure.attrs.previousValue
      } else restored.set(id, { from: pos, to: pos + node.nodeSize, previous: structure.attrs.previousValue })
      return false
    }
    const gone = ofType(node, goes)
    if (gone) {
      const last = cut[cut.length - 1]
      if (last && node.isInline && continues(doc, last[1], pos, gone)) last[1] = pos + node.nodeSize
      else cut.push([pos, pos + node.nodeSize])
      return false
    }
    const kept = ofType(node, stays)
    if (kept) {
      keep.push({ from: pos, to: pos + node.nodeSize, mark: kept, node: !node.isInline })
      if (node.isText && node.text!.includes(suggestionAnchor)) {
        for (let i = node.text!.indexOf(suggestionAnchor); i >= 0; i = node.text!.indexOf(suggestionAnchor, i + 1)) cut.push([pos + i, pos + i + 1])
      }
    }
    for (const mark of node.marks) if (mark.type.name === 'modification' && which(mark.attrs.id as string)) modified.push({ pos, node, mark })
    return true
  })
  const ids = new Set<string>()
  for (const s of suggestionsOf(doc)) if (which(s.id)) ids.add(s.id)
  if (!cut.length && !keep.length && !modified.length && !restored.size && !ids.size) return false
  for (const k of keep) {
    if (k.node) tr.removeNodeMark(k.from, k.mark)
    else tr.removeMark(k.from, k.to, k.mark)
  }
  for (const { pos, node, mark } of modified) {
    tr.removeNodeMark(pos, mark)
    if (accept) continue
    const current = tr.doc.nodeAt(pos)!
    if (mark.attrs.type === 'attr' && typeof mark.attrs.attrName === 'string') tr.setNodeAttribute(pos, mark.attrs.attrName, mark.attrs.previousValue)
    else if (mark.attrs.type === 'nodeType') {
      const type = node.type.schema.nodes[mark.attrs.previousValue as string]
      if (type) tr.setNodeMarkup(pos, type, current.attrs, current.marks)
    }
  }
  // Cut from the end, so that the positions before each cut stay as they were.
  cut.sort((a, b) => b[0] - a[0])
  for (const [from, to] of cut) tr.delete(from, to)
  for (const { from, to, previous } of [...restored.values()].sort((a, b) => b.from - a.from)) {
    tr.replaceWith(tr.mapping.map(from, 1), tr.mapping.map(to, -1), Fragment.fromJSON(doc.type.schema, previous as object[]))
  }
  // Suggestions whose every mark went with what was settled (words typed into a block rejected) go too.
  for (const id of unmarkedEntries(tr, doc, firstStep, ids, within)) ids.add(id)
  if (ids.size) tr.setDocAttribute('suggestions', suggestionsOf(tr.doc).filter((s) => !ids.has(s.id)))
  // What a restructuring rejected put back may hold earlier suggestions to settle.
  if (restored.size) settleSuggestions(tr, which, accept)
  return true
}

/** The ids of the suggestion marks on the nodes from `from` to `to` of a document (all of it without), on text, fields or blocks. */
function markedIdsBetween(doc: Node, from = 0, to = doc.content.size): Set<string> {
  const ids = new Set<string>()
  doc.nodesBetween(from, to, (node) => {
    for (const mark of node.marks) if (isSuggestionMark(mark)) ids.add(mark.attrs.id as string)
    return true
  })
  return ids
}

/**
 * The entries of the document of `tr`, other than the `settled` ones, that no mark in it names any
 * more, once the steps from `firstStep` on have settled suggestions of `doc`. With `within` (where
 * the settling looked, in `doc`), only the suggestions marked there before are looked for, the
 * rest of the document being as it was; without, every entry.
 */
function unmarkedEntries(tr: Transform, doc: Node, firstStep: number, settled: Set<string>, within?: { from: number; to: number }): string[] {
  const entries = suggestionsOf(tr.doc)
    .map((s) => s.id)
    .filter((id) => !settled.has(id))
  if (!entries.length) return []
  let candidates = entries
  if (within) {
    const seen = markedIdsBetween(doc, within.from, within.to)
    const mapping = tr.mapping.slice(firstStep)
    const still = markedIdsBetween(tr.doc, mapping.map(within.from, -1), mapping.map(within.to, 1))
    candidates = entries.filter((id) => seen.has(id) && !still.has(id))
    if (!candidates.length) return []
  }
  const marked = markedIdsBetween(tr.doc)
  return candidates.filter((id) => !marked.has(id))
}

/**
 * Whether marked content at `pos` continues a stretch that ends at `end`: right after it, or at
 * the start of the next textblock when the stretch ended its own (a suggestion across a block
 * boundary), with only empty textblocks between.
 */
function continues(doc: Node, end: number, pos: number, mark: Mark): boolean {
  if (pos === end) return true
  if (pos < end) return false
  let ok = true
  doc.nodesBetween(end, pos, (node, at) => {
    if (!ok) return false
    if (node.isInline && at >= end) ok = false
    return !node.isInline
  })
  if (!ok) return false
  const $end = doc.resolve(end)
  const $pos = doc.resolve(pos)
  const before = $end.nodeBefore
  return !!before && mark.isInSet(before.marks) && $end.parentOffset === $end.parent.content.size && $pos.parentOffset === 0
}

/**
 * Settles suggestions in a transform as {@link settleSuggestions} does, then the run-in titles
 * that settling joined to their bodies (a deletion of the boundary between them accepted): each
 * ends at its first sentence again, the rest of it the start of its body, as the editor settles
 * it when the suggestion is accepted there. So every reader of a document with suggestions
 * settled (the text, the HTML, the validator) reads the summary the editor would show. Returns
 * whether anything changed.
 */
export function settleSuggestionsAndTitles(tr: Transform, which: (id: string) => boolean, accept: boolean): boolean {
  const firstStep = tr.steps.length
  if (!settleSuggestions(tr, which, accept)) return false
  settleRunInTitlesSince(tr, firstStep)
  return true
}

/**
 * Removes from the document of a transform the suggestion marks whose id has no entry in its
 * `suggestions` (stray marks: text from a hand-edited Summary JSON, a co-edited state whose entry
 * has not arrived). Such a mark is no suggestion: every output reads its text, fields and blocks
 * as they stand, inserted or deleted, so that nothing is lost, as Summary JSON, which can only
 * write marks with an entry, reads them. Returns whether there were any.
 */
export function dropStraySuggestionMarks(tr: Transform): boolean {
  const doc = tr.doc
  if (!hasSuggestionMarks(doc)) return false
  const known = new Set(suggestionsOf(doc).map((s) => s.id))
  const stray: { pos: number; node: Node; mark: Mark }[] = []
  doc.descendants((node, pos) => {
    for (const mark of node.marks) if (isSuggestionMark(mark) && !known.has(mark.attrs.id as string)) stray.push({ pos, node, mark })
    return true
  })
  for (const { pos, node, mark } of stray) {
    if (node.isInline) tr.removeMark(pos, pos + node.nodeSize, mark)
    else tr.removeNodeMark(pos, mark)
  }
  return stray.length > 0
}

/**
 * A document with every suggestion accepted (or, with `accept` false, rejected) and no suggestions
 * left, its run-in titles settled (see {@link settleSuggestionsAndTitles}): the document itself
 * when it has none. Every mark is settled, with an entry or not (the importers mark suggestions
 * before their entries are made); the outputs read a summary with {@link settledSummary}.
 */
export function settledDoc(doc: Node, accept = true): Node {
  if (!suggestionsOf(doc).length && !hasSuggestionMarks(doc)) return doc
  const tr = new Transform(doc)
  settleSuggestionsAndTitles(tr, () => true, accept)
  return tr.doc
}

/**
 * The summary a document says with its suggestions accepted (or, with `accept` false, rejected),
 * as the outputs write it (the text, the clean HTML): {@link settledDoc} of the document whose
 * marks with no entry are left out first, their content kept as it stands (see
 * {@link dropStraySuggestionMarks}).
 */
export function settledSummary(doc: Node, accept = true): Node {
  // Most documents have no marks: one walk to say so (settledDoc would walk again).
  if (!hasSuggestionMarks(doc)) return suggestionsOf(doc).length ? settledDoc(doc, accept) : doc
  const tr = new Transform(doc)
  dropStraySuggestionMarks(tr)
  return settledDoc(tr.doc, accept)
}
