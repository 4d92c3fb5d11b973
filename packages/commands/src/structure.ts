import type { Node } from 'prosemirror-model'
import { TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { closeHistory } from 'prosemirror-history'
import { schema, isSection } from '@zongjie/model'
import { sectionRank, shiftSection, structureChecked } from './sections.ts'

function blocksAfter(container: Node, index: number): Node[] {
  const out: Node[] = []
  for (let i = index + 1; i < container.childCount && !isSection(container.child(i)); i++) out.push(container.child(i))
  return out
}

function subsectionsOf(node: Node): Node[] {
  const out: Node[] = []
  node.forEach((c) => {
    if (isSection(c)) out.push(c)
  })
  return out
}

/**
 * Makes the paragraph at `pos` in `tr.doc` the heading of a new section of a rank (1 `一、` … 4
 * `（1）`), the way typing `一、` or `（一）` at the start of a paragraph does: what followed the
 * paragraph in its part moves into the new section, so the reading order stays; in the problems
 * section (存在的问题), a `一、` section starts the plans (下步打算), the only part that can follow it.
 * Returns where the new heading's text starts, or `null`, changing nothing, where a section of that
 * rank cannot start there.
 */
export function paragraphToSectionIn(tr: Transaction, pos: number, rank: number): number | null {
  const $p = tr.doc.resolve(pos)
  const para = $p.parent
  if (para.type.name !== 'paragraph') return null
  const cd = $p.depth - 1
  const container = $p.node(cd)
  const index = $p.index(cd)
  const heading = schema.nodes.heading!.create(null, para.content)
  const following = blocksAfter(container, index)
  const paraStart = $p.before()
  const type = schema.nodes[`section${rank}`]!
  const name = container.type.name

  if (name === 'preamble' || name === 'closing') {
    if (rank !== 1) return null
    if (name === 'closing') {
      let ok = index === 0
      tr.doc.forEach((c) => {
        if (c.type.name === 'problems' || c.type.name === 'plans') ok = false
      })
      if (!ok) return null
    }
    const section = type.create(null, [heading, ...following])
    const containerStart = $p.before(cd)
    const containerEnd = containerStart + container.nodeSize
    if (name === 'preamble') {
      tr.insert(containerEnd, section)
      tr.delete(paraStart, containerEnd - 1)
      return paraStart + 1 + 2
    }
    tr.delete(paraStart, containerEnd - 1)
    tr.insert(containerStart, section)
    return containerStart + 2
  }
  if (!isSection(container)) return null
  const c = sectionRank(container)
  const containerStart = $p.before(cd)
  const restEnd = paraStart + para.nodeSize + following.reduce((n, b) => n + b.nodeSize, 0)
  const subs = subsectionsOf(container)
  if (rank > c) {
    const sr = subs.length ? sectionRank(subs[0]!) : null
    let section: Node
    let end = restEnd
    if (sr === null || sr === rank) section = type.create(null, [heading, ...following])
    else if (sr > rank) {
      section = type.create(null, [heading, ...following, ...subs])
      end = containerStart + container.nodeSize - 1
    } else return null
    if (!type.validContent(section.content)) return null
    tr.replaceWith(paraStart, end, section)
    return paraStart + 2
  }
  // A section of the container's rank or above: after the ancestor of that rank, taking along
  // everything that followed the paragraph inside that ancestor, in reading order.
  let ad = -1
  for (let d = cd; d > 0; d--) {
    const n = $p.node(d)
    if (isSection(n) && sectionRank(n) === rank) {
      ad = d
      break
    }
  }
  if (ad < 0) return null
  // After the problems section, a top-level section can only be the plans (下步打算), if there are none.
  let made = type
  if (ad === 1 && $p.node(1).type === schema.nodes.problems && tr.doc.maybeChild($p.index(0) + 1)?.type !== schema.nodes.plans) made = schema.nodes.plans!
  else if ($p.node(ad).type !== type) return null
  const trailing: Node[] = [...subs]
  for (let d = cd; d > ad; d--) {
    const parent = $p.node(d - 1)
    for (let i = $p.index(d - 1) + 1; i < parent.childCount; i++) trailing.push(parent.child(i))
  }
  // The sections taken along become the new section's subsections, in one format: the highest
  // among them, each with its subtree moved by the same number of ranks.
  const target = Math.min(...trailing.map(sectionRank))
  const children: Node[] = []
  for (const section of trailing) {
    const shifted = shiftSection(section, target - sectionRank(section))
    if (!shifted) return null
    children.push(shifted)
  }
  const section = made.create(null, [heading, ...following, ...children])
  if (!made.validContent(section.content)) return null
  const after = $p.after(ad)
  tr.insert(after, section)
  const deleteFrom = tr.steps.length
  tr.delete(paraStart, $p.end(ad))
  return tr.mapping.slice(deleteFrom).map(after) + 2
}

/**
 * Makes the paragraph at `pos` a work item: the next item of a list just before it, or the first
 * item of a new list. What typing `一是` at the start of a paragraph does. Returns where the item's
 * text starts, or `null` where the paragraph cannot become one.
 */
export function paragraphToWorkItemIn(tr: Transaction, pos: number): number | null {
  const $p = tr.doc.resolve(pos)
  const para = $p.parent
  if (para.type.name !== 'paragraph') return null
  const cd = $p.depth - 1
  const index = $p.index(cd)
  const item = schema.nodes.workItem!.create(null, para.content)
  const prev = index > 0 ? $p.node(cd).child(index - 1) : null
  const paraStart = $p.before()
  if (prev?.type.name === 'workItems') {
    tr.delete(paraStart, paraStart + para.nodeSize)
    tr.insert(paraStart - 1, item)
    return paraStart
  }
  tr.replaceWith(paraStart, paraStart + para.nodeSize, schema.nodes.workItems!.create({ layout: 'separate' }, item))
  return paraStart + 2
}

/** 设为标题: the paragraph at the cursor becomes a heading of a rank (see {@link paragraphToSectionIn}). */
export function paragraphToSection(rank: 1 | 2 | 3 | 4): Command {
  return (state, dispatch) => {
    const tr = state.tr
    const start = paragraphToSectionIn(tr, state.selection.from, rank)
    if (start === null) return false
    if (dispatch) dispatch(closeHistory(tr.setSelection(TextSelection.create(tr.doc, start + state.selection.$from.parentOffset))).scrollIntoView())
    return true
  }
}

/** 设为事项: the paragraph at the cursor becomes a work item (see {@link paragraphToWorkItemIn}). */
export const paragraphToWorkItem: Command = (state, dispatch) => {
  const tr = state.tr
  const start = paragraphToWorkItemIn(tr, state.selection.from)
  if (start === null) return false
  if (dispatch) dispatch(closeHistory(tr.setSelection(TextSelection.create(tr.doc, start + state.selection.$from.parentOffset))).scrollIntoView())
  return true
}

/** Whether a document is still empty: no title, no sections, nothing but empty paragraphs. */
export function isEmptyDoc(doc: Node): boolean {
  let empty = true
  doc.descendants((node) => {
    if (!empty) return false
    if (isSection(node) || (node.isTextblock && node.content.size > 0) || node.type.name === 'workItems' || node.type.name === 'signOff') empty = false
    return empty
  })
  return empty
}

/** The meta key of a transaction that replaces the whole document (see {@link replaceDocument}). */
export const documentReplaced = 'zongjie-load'

/**
 * Replaces the whole document with another (a file the writer opened), as one step that undo takes
 * back; what the new document reports on (its attributes) comes with it, and the cursor goes to
 * its start. Its transaction carries {@link documentReplaced}, so that plugins guarding the old
 * document's parts (fill mode) let it through. `doc` must be of the model's schema.
 */
export function replaceDocument(doc: Node): Command {
  return (state, dispatch) => {
    if (dispatch) {
      const tr = replaceDocumentIn(state.tr, doc)
      tr.setSelection(TextSelection.atStart(tr.doc)).setMeta(documentReplaced, true).setMeta(structureChecked, true)
      dispatch(closeHistory(tr).scrollIntoView())
    }
    return true
  }
}

/**
 * Replaces the whole of `tr`'s document with `doc`'s content, and its attributes (what the summary
 * reports on: organisation, year, period, template; and its comment threads) with `doc`'s.
 * Returns `tr`.
 */
export function replaceDocumentIn(tr: Transaction, doc: Node): Transaction {
  tr.replaceWith(0, tr.doc.content.size, doc.content)
  for (const [name, value] of Object.entries(doc.attrs)) if (tr.doc.attrs[name] !== value) tr.setDocAttribute(name, value)
  return tr
}
