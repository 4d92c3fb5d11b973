import { Fragment, type Mark, type Node } from 'prosemirror-model'
import { schema } from '../schema.ts'
import { settledDoc } from '../suggestions.ts'
import type { CommentRange, DeletedText, SuggestionRange, TextRange } from './lines.ts'

/**
 * Suggestions (修订, tracked changes) in the text an import reads: a paragraph of a file holds its
 * inserted text and its deleted text, with ranges saying which is which. The importer recognises
 * the structure from the text as it reads with every change accepted (a deleted `一、` makes no
 * heading, an inserted one does), so each paragraph is first read that way ({@link acceptedView}):
 * its deleted text taken out and kept beside it, anchored where it stood, the other ranges moved
 * along. The pieces the importer makes of the text then put the deleted text back where it stood
 * (see `inlineOf`), marked `deletion`, and mark the inserted text `insertion`. What falls into
 * text the importer does not keep as text (a heading's number, a work item's `一是`, the `。` of a
 * run-in heading) is accepted, and reported.
 */

/** A paragraph read with its suggestions accepted: see {@link acceptedView}. */
export interface AcceptedView {
  /** The text without the deleted text. */
  text: string
  /** The bold ranges of `text`. */
  bold: TextRange[]
  /** The comment ranges of `text`. */
  comments: CommentRange[]
  /** The inserted ranges of `text`. */
  inserted: SuggestionRange[]
  /** The deleted text, each anchored at where it stood in `text`, in order. */
  deleted: DeletedText[]
}

/** The parts of `ranges` that fall in `[from, to)`, as offsets from `from`. */
function clipTo<T extends { from: number; to: number }>(ranges: readonly T[], from: number, to: number): T[] {
  return ranges.map((r) => ({ ...r, from: Math.max(r.from, from) - from, to: Math.min(r.to, to) - from })).filter((r) => r.to > r.from)
}

/**
 * A paragraph's text with its suggestions accepted: the ranges the `delete` suggestions cover taken
 * out of the text (overlapping ones counted once) and kept as {@link DeletedText} anchored where
 * they stood, with their bold, comments and the `insert` ranges under them (a reviewer's deletion
 * of words another suggested: both suggestions on that text); bold, comment and `insert` ranges
 * moved to the shortened text (their deleted parts left out).
 */
export function acceptedView(text: string, bold: readonly TextRange[], comments: readonly CommentRange[], suggestions: readonly SuggestionRange[]): AcceptedView {
  const inserted = suggestions.filter((s) => s.kind === 'insert')
  const cuts: SuggestionRange[] = []
  const deletions = suggestions
    .filter((s) => s.kind === 'delete')
    .map((s) => ({ ...s, from: Math.max(s.from, 0), to: Math.min(s.to, text.length) }))
    .sort((a, b) => a.from - b.from)
  for (const d of deletions) {
    const last = cuts[cuts.length - 1]
    const from = last ? Math.max(d.from, last.to) : d.from
    if (d.to > from) cuts.push({ ...d, from })
  }
  if (!cuts.length) return { text, bold: [...bold], comments: [...comments], inserted: [...inserted], deleted: [] }
  /** Where an offset of the text lands once the cuts are made. */
  const accepted = (pos: number) => {
    let removed = 0
    for (const c of cuts) {
      if (c.from >= pos) break
      removed += Math.min(c.to, pos) - c.from
    }
    return pos - removed
  }
  let out = ''
  let at = 0
  for (const c of cuts) {
    out += text.slice(at, c.from)
    at = c.to
  }
  out += text.slice(at)
  const move = <T extends { from: number; to: number }>(r: T): T => ({ ...r, from: accepted(r.from), to: accepted(r.to) })
  const kept = <T extends { from: number; to: number }>(r: T) => r.to > r.from
  const boldRanges = bold.map(([from, to]) => ({ from, to }))
  return {
    text: out,
    bold: boldRanges.map(move).filter(kept).map((r): TextRange => [r.from, r.to]),
    comments: comments.map(move).filter(kept),
    inserted: inserted.map(move).filter(kept),
    deleted: cuts.map((c) => {
      const d: DeletedText = {
        id: c.id,
        at: accepted(c.from),
        text: text.slice(c.from, c.to),
        bold: clipTo(boldRanges, c.from, c.to).map((r): TextRange => [r.from, r.to]),
      }
      const on = clipTo(comments, c.from, c.to)
      if (on.length) d.comments = on
      const insertedToo = clipTo(inserted, c.from, c.to)
      if (insertedToo.length) d.inserted = insertedToo
      return d
    }),
  }
}

/** Node types a whole inserted or deleted block can be (the required textblocks, headings and the parts of the document never are). */
const wholeBlocks = new Set(['paragraph', 'workItems', 'workIntro', 'workItem', 'workNote', 'section1', 'section2', 'section3', 'section4', 'problems', 'plans'])

/** The suggestions a block is inserted whole by, or not, and deleted whole by (a reviewer's deletion of it, or of another's insertion) or not; one at least. */
interface Whole {
  insertion: string | null
  deletion: string | null
}

/** Whether two blocks are inserted, and deleted, whole by the same suggestions. */
function sameWhole(a: Whole | null, b: Whole | null): boolean {
  return a !== null && b !== null && a.insertion === b.insertion && a.deletion === b.deletion
}

/** The id of the mark of type `name` that every inline node of a textblock carries, or null. */
function sharedMark(block: Node, name: string): string | null {
  let id: string | null = null
  for (let i = 0; i < block.childCount; i++) {
    const mark = block.child(i).marks.find((m) => m.type.name === name)
    if (!mark || (id !== null && mark.attrs.id !== id)) return null
    id = mark.attrs.id as string
  }
  return id
}

/**
 * The insertion that every inline node of a textblock carries, with the deletion they all carry
 * too, if any; or, with no insertion, the deletion they all carry when it is one of `deletedWhole`;
 * or null.
 */
function changedWhole(block: Node, deletedWhole: ReadonlySet<string>): Whole | null {
  const insertion = sharedMark(block, 'insertion')
  const deletion = sharedMark(block, 'deletion')
  if (insertion === null) return deletion !== null && deletedWhole.has(deletion) ? { insertion, deletion } : null
  return { insertion, deletion }
}

/** A node with the insertion (and deletion) of `whole` taken off everything inside it and put on itself. */
function markedWhole(node: Node, whole: Whole): Node {
  const marks: Mark[] = []
  if (whole.insertion !== null) marks.push(schema.marks.insertion!.create({ id: whole.insertion }))
  if (whole.deletion !== null) marks.push(schema.marks.deletion!.create({ id: whole.deletion }))
  const ours = (m: Mark) => (m.type.name === 'insertion' && m.attrs.id === whole.insertion) || (m.type.name === 'deletion' && m.attrs.id === whole.deletion)
  const strip = (n: Node): Node => {
    const kept = n.marks.filter((m: Mark) => !ours(m))
    if (n.isText) return n.mark(kept)
    const content: Node[] = []
    n.forEach((c) => content.push(strip(c)))
    return n.type.create(n.attrs, Fragment.fromArray(content), kept)
  }
  return strip(node).mark(marks.reduce((set, m) => m.addToSet(set), node.marks))
}

/** A node with its whole inserted and deleted blocks marked as blocks, and the suggestions it is inside whole, if any. */
function lift(node: Node, deletedWhole: ReadonlySet<string>): { node: Node; whole: Whole | null } {
  if (node.isTextblock) return { node, whole: node.childCount ? changedWhole(node, deletedWhole) : null }
  if (node.isLeaf) return { node, whole: null }
  const children: { node: Node; whole: Whole | null }[] = []
  node.forEach((c) => children.push(lift(c, deletedWhole)))
  const first = children[0]?.whole ?? null
  if (first !== null && wholeBlocks.has(node.type.name) && children.every((c) => sameWhole(c.whole, first))) {
    return { node: node.copy(Fragment.fromArray(children.map((c) => c.node))), whole: first }
  }
  const content = children.map((c) => (c.whole !== null && wholeBlocks.has(c.node.type.name) ? markedWhole(c.node, c.whole) : c.node))
  return { node: node.copy(Fragment.fromArray(content)), whole: null }
}

/**
 * A document whose inserted and deleted blocks are marked as blocks: a paragraph, work item or note
 * whose whole text one suggestion inserts, and a section or list all of whose content it inserts,
 * carry the `insertion` on the block itself, so that rejecting it removes the block rather than
 * leaving it empty (as a paragraph inserted in Word goes with its paragraph mark); a `deletion`
 * that all of that text carries too (another reviewer's deletion of the block) goes on the block
 * beside it; and so does a deletion of `deletedWhole` that all the text of a block carries alone
 * (paragraphs a reviewer deleted whole, their marks too: see `deletedWhole` of `SourceParagraph`),
 * so that accepting it removes the block rather than leaving it empty.
 * The document itself when
 * nothing is marked so, or when the blocks so marked could not all be rejected and accepted.
 */
export function withInsertedBlocks(doc: Node, deletedWhole: ReadonlySet<string> = new Set()): Node {
  const lifted = lift(doc, deletedWhole).node
  if (lifted.eq(doc)) return doc
  try {
    settledDoc(lifted, false).check()
    settledDoc(lifted, true).check()
    lifted.check()
    return lifted
  } catch {
    return doc
  }
}

/** The ids of the `insertion` and `deletion` marks among `marks`. */
function changeIds(marks: readonly Mark[]): string[] {
  return marks.filter((m) => m.type.name === 'insertion' || m.type.name === 'deletion').map((m) => m.attrs.id as string)
}

/**
 * A document in which no suggestion goes on from one textblock into the next: where the text a
 * suggestion marks ends a textblock (or a block it marks whole ends) and the next textblock starts
 * with text it marks, the marks from there on take the id `id.2` (then `.3` …), so that settling
 * it never joins the two blocks (see `settleSuggestions`): the paragraphs of a file stay
 * paragraphs whichever way its changes go. The caller's entry for `id` stands for these ids too.
 * The document itself when there is no such place.
 */
export function separatedAtBlocks(doc: Node): Node {
  const renamed = new Map<string, string>()
  const parts = new Map<string, number>()
  let before = new Set<string>()
  let changed = false
  const rename = (marks: readonly Mark[]): readonly Mark[] => {
    if (!renamed.size || !marks.some((m) => renamed.has(m.attrs.id as string) && (m.type.name === 'insertion' || m.type.name === 'deletion'))) return marks
    return marks.map((m) => ((m.type.name === 'insertion' || m.type.name === 'deletion') && renamed.has(m.attrs.id as string) ? m.type.create({ ...m.attrs, id: renamed.get(m.attrs.id as string) }) : m))
  }
  const current = (id: string) => renamed.get(id) ?? id
  const walk = (node: Node): Node => {
    if (node.isTextblock) {
      const first = node.firstChild
      if (first) {
        for (const id of changeIds(first.marks).map(current)) {
          if (!before.has(id)) continue
          const base = id.replace(/\.\d+$/, '')
          const n = (parts.get(base) ?? 1) + 1
          parts.set(base, n)
          for (const [from, to] of renamed) if (to === id) renamed.set(from, `${base}.${n}`)
          renamed.set(id, `${base}.${n}`)
          changed = true
        }
      }
      const content: Node[] = []
      node.forEach((c) => content.push(c.mark(rename(c.marks))))
      const last = content[content.length - 1]
      if (last) before = new Set(changeIds(last.marks))
      return node.type.create(node.attrs, Fragment.fromArray(content), rename(node.marks))
    }
    if (node.isLeaf) return node
    const marks = rename(node.marks)
    const blockIds = changeIds(marks)
    const content: Node[] = []
    node.forEach((c) => content.push(walk(c)))
    if (blockIds.length) before = new Set(blockIds)
    return node.type.create(node.attrs, Fragment.fromArray(content), marks)
  }
  const out = walk(doc)
  return changed ? out : doc
}
