import { Fragment, type Node, type NodeType, type ResolvedPos } from 'prosemirror-model'
import { AllSelection, EditorState, Selection, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { StepMap, type Mappable } from 'prosemirror-transform'
import { closeHistory } from 'prosemirror-history'
import { schema, isSection, returnTitleRestToBody } from '@zongjie/model'
import { settleRunInTitleIn } from './run-in.ts'
import { deleteAcrossParts, deletionKeepsParts } from './deletion.ts'

/** The rank of a section's number format: 1 for `一、` (and problems and plans), 4 for `（1）`. */
export function sectionRank(node: Node): number {
  const name = node.type.name
  if (name === 'problems' || name === 'plans') return 1
  const m = /^section([1-4])$/.exec(name)
  if (!m) throw new RangeError(`${name} is not a section`)
  return Number(m[1])
}

function sectionType(rank: number): NodeType {
  return schema.nodes[`section${rank}`]!
}

/** A section around a position: the node, its depth and where it starts. */
export interface SectionAt {
  node: Node
  depth: number
  pos: number
}

/** The sections around a position, outermost first. */
export function sectionsAround($pos: ResolvedPos): SectionAt[] {
  const out: SectionAt[] = []
  for (let d = 1; d <= $pos.depth; d++) {
    const node = $pos.node(d)
    if (isSection(node)) out.push({ node, depth: d, pos: $pos.before(d) })
  }
  return out
}

function innermost(state: EditorState): SectionAt | null {
  const all = sectionsAround(state.selection.$from)
  return all[all.length - 1] ?? null
}

/**
 * A section with its whole subtree moved `delta` ranks (a `（一）` section with `1.` subsections,
 * moved by 1, becomes a `1.` section with `（1）` subsections). `null` when a rank would leave 2…4
 * (a nested section) or when the section is a problems or plans section.
 */
export function shiftSection(node: Node, delta: number, topLevel = false): Node | null {
  if (node.type.name === 'problems' || node.type.name === 'plans') return delta === 0 ? node : null
  const rank = sectionRank(node) + delta
  if (rank > 4 || rank < (topLevel ? 1 : 2) || (topLevel && rank !== 1)) return null
  const children: Node[] = []
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    if (isSection(child)) {
      const shifted = shiftSection(child, delta)
      if (!shifted) return null
      children.push(shifted)
    } else children.push(child)
  }
  return sectionType(rank).create(node.attrs, children)
}

/**
 * The meta key a restructuring command sets on its transaction: the command built the result from
 * the schema's own content rules, so a guard need not check the whole document again.
 */
export const structureChecked = 'zongjie-structure-checked'

function finish(tr: Transaction, from: number, to: number): Transaction {
  const sel = TextSelection.between(tr.doc.resolve(from), tr.doc.resolve(to))
  return closeHistory(tr.setSelection(sel)).scrollIntoView().setMeta(structureChecked, true)
}

/** Where the selection sits inside a section, so it can be put back at the same place after a move. */
function offsets(state: EditorState, sectionPos: number) {
  return { from: state.selection.from - sectionPos, to: state.selection.to - sectionPos }
}

/** The highest rank (the deepest format) in a section's subtree. */
function deepestRank(node: Node): number {
  let rank = sectionRank(node)
  node.forEach((child) => {
    if (isSection(child)) rank = Math.max(rank, deepestRank(child))
  })
  return rank
}

/** The rank of the subsections a section holds, or `null` when it has none. @internal */
export function childRank(node: Node): number | null {
  for (let i = node.childCount - 1; i >= 0; i--) if (isSection(node.child(i))) return sectionRank(node.child(i))
  return null
}

/** Where a section's body ends: the position before its first subsection, or its end. */
function bodyEnd(node: Node, pos: number): number {
  let p = pos + 1
  for (let i = 0; i < node.childCount; i++) {
    if (isSection(node.child(i))) break
    p += node.child(i).nodeSize
  }
  return p
}

/**
 * 降级: makes the section at the cursor, with its subtree, the last subsection of the section
 * before it (`二、` becomes `（N）` under `一、`). The reading order stays; numbers follow. Does not
 * apply to the first section of its level, to problems and plans, or where a subsection would go
 * below `（1）`.
 */
export const demoteSection: Command = (state, dispatch) => {
  const here = innermost(state)
  if (!here) return false
  const $pos = state.doc.resolve(here.pos)
  const parent = $pos.parent
  const index = $pos.index()
  if (index === 0) return false
  const prev = parent.child(index - 1)
  if (prev.type !== here.node.type || !isSection(prev) || prev.type.name === 'problems' || prev.type.name === 'plans') return false
  const target = childRank(prev) ?? sectionRank(prev) + 1
  // Whether it can apply is a matter of ranks: the check-only call (the toolbar's) builds nothing.
  if (deepestRank(here.node) + target - sectionRank(here.node) > 4 || target < 2) return false
  if (dispatch) {
    const shifted = shiftSection(here.node, target - sectionRank(here.node))
    if (!shifted) return false
    const content = prev.content.append(Fragment.from(shifted))
    if (!prev.type.validContent(content)) return false
    const prevPos = here.pos - prev.nodeSize
    const tr = state.tr.replaceWith(prevPos, here.pos + here.node.nodeSize, prev.copy(content))
    const newPos = prevPos + 1 + prev.content.size
    const o = offsets(state, here.pos)
    dispatch(finish(tr, newPos + o.from, newPos + o.to))
  }
  return true
}

/**
 * 升级: makes the section at the cursor a sibling of the section that holds it, right after it,
 * with its subtree; the sections that followed it at its old level become its subsections, so the
 * reading order stays. Does not apply to `一、` sections or inside problems and plans at the top.
 */
export const promoteSection: Command = (state, dispatch) => {
  const here = innermost(state)
  if (!here || here.depth < 2) return false
  const $pos = state.doc.resolve(here.pos)
  const parentNode = $pos.parent
  if (!isSection(parentNode)) return false
  const parentPos = $pos.before($pos.depth)
  const grand = state.doc.resolve(parentPos).parent
  const topLevel = grand.type.name === 'doc'
  if (topLevel && parentNode.type.name !== 'section1') return false
  const index = $pos.index()
  const rank = sectionRank(here.node)
  const newRank = sectionRank(parentNode)
  const following: Node[] = []
  for (let i = index + 1; i < parentNode.childCount; i++) following.push(parentNode.child(i))

  const ownChildRank = childRank(here.node)
  const build = (childTarget: number): Node | null => {
    const head: Node[] = []
    const subs: Node[] = []
    here.node.forEach((child) => {
      if (!isSection(child)) head.push(child)
      else subs.push(child)
    })
    const shiftedOwn = subs.map((c) => shiftSection(c, childTarget - sectionRank(c)))
    const shiftedFollowing = following.map((c) => shiftSection(c, childTarget - rank))
    if ([...shiftedOwn, ...shiftedFollowing].some((n) => !n)) return null
    const type = sectionType(newRank)
    const content = Fragment.from([...head, ...(shiftedOwn as Node[]), ...(shiftedFollowing as Node[])])
    return type.validContent(content) ? type.create(here.node.attrs, content) : null
  }
  // Whether a child format fits is a matter of ranks: the check-only call builds nothing.
  const subsOf = (n: Node) => {
    const out: Node[] = []
    n.forEach((c) => {
      if (isSection(c)) out.push(c)
    })
    return out
  }
  const fits = (childTarget: number) =>
    childTarget > newRank &&
    subsOf(here.node).every((c) => deepestRank(c) + childTarget - sectionRank(c) <= 4) &&
    following.every((c) => deepestRank(c) + childTarget - rank <= 4)
  const childTarget = ownChildRank !== null && fits(ownChildRank + newRank - rank) ? ownChildRank + newRank - rank : fits(rank) ? rank : null
  if (childTarget === null) return false
  if (dispatch) {
    const promoted = build(childTarget)
    if (!promoted) return false
    const keep = parentNode.copy(parentNode.content.cut(0, here.pos - parentPos - 1))
    const tr = state.tr.replaceWith(parentPos, parentPos + parentNode.nodeSize, [keep, promoted])
    const newPos = parentPos + keep.nodeSize
    const o = offsets(state, here.pos)
    dispatch(finish(tr, newPos + o.from, newPos + o.to))
  }
  return true
}

function move(dir: -1 | 1): Command {
  return (state, dispatch) => {
    const here = innermost(state)
    if (!here) return false
    const $pos = state.doc.resolve(here.pos)
    const index = $pos.index()
    const otherIndex = index + dir
    if (otherIndex < 0 || otherIndex >= $pos.parent.childCount) return false
    const other = $pos.parent.child(otherIndex)
    if (other.type !== here.node.type || other.type.name === 'problems' || other.type.name === 'plans') return false
    if (dispatch) {
      const o = offsets(state, here.pos)
      let tr: Transaction
      let newPos: number
      if (dir < 0) {
        const start = here.pos - other.nodeSize
        tr = state.tr.replaceWith(start, here.pos + here.node.nodeSize, [here.node, other])
        newPos = start
      } else {
        tr = state.tr.replaceWith(here.pos, here.pos + here.node.nodeSize + other.nodeSize, [other, here.node])
        newPos = here.pos + other.nodeSize
      }
      dispatch(finish(tr, newPos + o.from, newPos + o.to))
    }
    return true
  }
}

/** 上移: swaps the section at the cursor, with its subtree, with the section of its level before it. */
export const moveSectionUp: Command = move(-1)

/** 下移: swaps the section at the cursor, with its subtree, with the section of its level after it. */
export const moveSectionDown: Command = move(1)

/**
 * 插入标题: a new, empty section of a level (1 `一、` … 4 `（1）`) at the cursor: after the
 * section of that level the cursor is in, or as the first subsection of the section the cursor is
 * in when it is of a higher level; `一、` sections from the opening go first, from the closing last
 * among the main work. The cursor goes into the new heading. Does not apply where the level cannot
 * stand (mixing `（一）` and `1.` under one section, a `一、` section inside problems or plans).
 */
export function insertSection(rank: 1 | 2 | 3 | 4): Command {
  return (state, dispatch) => {
    const around = sectionsAround(state.selection.$from)
    const type = sectionType(rank)
    const fresh = type.create(null, schema.nodes.heading!.create())
    let insertAt: number | null = null
    const same = [...around].reverse().find((s) => sectionRank(s.node) === rank)
    const inner = around[around.length - 1]
    if (same) {
      if (same.node.type !== type) return false
      insertAt = same.pos + same.node.nodeSize
    } else if (inner && sectionRank(inner.node) < rank) {
      const existing = childRank(inner.node)
      if (existing !== null && existing !== rank) return false
      insertAt = bodyEnd(inner.node, inner.pos)
    } else if (!inner && rank === 1) {
      const doc = state.doc
      const inClosing = state.selection.$from.node(1)?.type.name === 'closing' || state.selection.$from.node(1)?.type.name === 'signOff'
      let pos = 0
      let afterPreamble = 0
      let afterWork = 0
      doc.forEach((child) => {
        pos += child.nodeSize
        if (child.type.name === 'preamble') afterPreamble = pos
        if (child.type.name === 'preamble' || child.type.name === 'section1') afterWork = pos
      })
      insertAt = inClosing ? afterWork : afterPreamble
    } else return false
    const $at = state.doc.resolve(insertAt)
    if (!$at.parent.canReplaceWith($at.index(), $at.index(), type)) return false
    if (dispatch) {
      const tr = state.tr.insert(insertAt, fresh)
      dispatch(finish(tr, insertAt + 2, insertAt + 2))
    }
    return true
  }
}

/**
 * The end of what comes before the section at `sectionPos` in reading order, as deep as the
 * sections before it go (the end of the deepest last subsection of the section before; the end of
 * the opening, before the first section): where an empty line opened above the section goes, and
 * where a paste at its heading's start puts sections in (ProseMirror's replace taking them out to
 * the level they fit).
 */
export function endBefore(doc: Node, sectionPos: number): number {
  let pos = sectionPos
  for (let before = doc.resolve(pos).nodeBefore; before && (isSection(before) || before.type.name === 'preamble'); before = doc.resolve(pos).nodeBefore) {
    pos--
    if (!isSection(before)) break
  }
  return pos
}

/**
 * 拆分标题: splits the heading at the cursor: the text after the cursor becomes the first paragraph
 * of the section's body (at the end of the heading, an empty paragraph), and the cursor goes there.
 * At the start of a heading with text, as in Word, an empty line opens above it
 * and the heading stays whole, the cursor with it (see `endBefore`). This is what Enter does in a heading.
 */
export const splitHeading: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  if ($from.parent.type.name !== 'heading' || !$from.sameParent($to)) return false
  if (state.selection.empty && $from.parentOffset === 0 && $from.parent.content.size > 0) {
    const at = endBefore(state.doc, $from.before($from.depth - 1))
    const $at = state.doc.resolve(at)
    if ($at.parent.canReplaceWith($at.index(), $at.index(), schema.nodes.paragraph!)) {
      if (dispatch) {
        const tr = state.tr.insert(at, schema.nodes.paragraph!.create())
        const cursor = tr.mapping.map($from.pos)
        dispatch(finish(tr, cursor, cursor))
      }
      return true
    }
  }
  if (dispatch) {
    const headingEnd = $from.end()
    const rest = $from.parent.content.cut($to.parentOffset)
    const tr = state.tr
    tr.delete($from.pos, headingEnd)
    const at = tr.mapping.map(headingEnd) + 1
    tr.insert(at, schema.nodes.paragraph!.create(null, rest))
    dispatch(finish(tr, at + 1, at + 1))
  }
  return true
}

/**
 * The deepest last section of `section` (at `pos`): the last section of its last section …, or
 * itself, with its position. The end of its content is where text written after `section` reads on.
 */
export function deepestLastSection(section: Node, pos: number): { node: Node; pos: number } {
  let node = section
  while (node.lastChild && isSection(node.lastChild)) {
    pos += node.nodeSize - 1 - node.lastChild.nodeSize
    node = node.lastChild
  }
  return { node, pos }
}

/**
 * The blocks a section's heading and body become when the section is dissolved, and where they
 * go: replacing the section (the first subsection of its parent, after the parent's body), at the
 * end of the section before it (its last, deepest subsection), or at the end of the opening.
 * `null` when the section has subsections (they would have no parent to stand under; see
 * `headlessSections`, which moves them first). The caret's place is `cursor`, in the block moved first.
 * @internal
 */
export function dissolveTr(state: EditorState, sectionPos: number, dropEmptyHeading = false): { tr: Transaction; cursor: number } | null {
  const $s = state.doc.resolve(sectionPos)
  const section = $s.nodeAfter!
  const parent = $s.parent
  const index = $s.index()
  const heading = section.firstChild!
  const blocks: Node[] = dropEmptyHeading && !heading.content.size ? [] : [schema.nodes.paragraph!.create(null, heading.content)]
  for (let i = 1; i < section.childCount; i++) {
    if (isSection(section.child(i))) return null
    blocks.push(section.child(i))
  }
  const end = sectionPos + section.nodeSize
  if (parent.canReplace(index, index + 1, Fragment.from(blocks))) {
    return { tr: state.tr.replaceWith(sectionPos, end, blocks), cursor: sectionPos + 1 }
  }
  const prev = index > 0 ? parent.child(index - 1) : null
  if (!prev) return null
  let target: number
  if (isSection(prev)) {
    // The deepest last section before: the text there is what this heading follows in reading order.
    const deepest = deepestLastSection(prev, sectionPos - prev.nodeSize)
    target = deepest.pos + deepest.node.nodeSize - 1
  } else if (prev.type.name === 'preamble') target = sectionPos - 1
  else return null
  try {
    const tr = state.tr.delete(sectionPos, end).insert(target, blocks)
    tr.doc.check()
    return { tr, cursor: target + 1 }
  } catch {
    return null
  }
}

/**
 * 并入上文: the section at `sectionPos`, whose heading a deletion emptied by taking its text into
 * the block before (a selection from a paragraph to the middle of a later heading, deleted or typed
 * over), taken apart as in Word: its body follows that block in reading order, the empty heading
 * goes. Where it cannot be taken apart (it has subsections, which would have no section to stand
 * under, as after the opening; it is the problems or plans section, whose body would change its
 * part), the section stays and the heading's text the deletion joined to the block before, from
 * `joinedAt` (the caret after the deletion) to that block's end, goes back to be its heading (see
 * {@link restoreEmptiedHeading}). `null` where its heading is not empty, or there is nothing to
 * put right.
 */
export function joinEmptiedSection(state: EditorState, sectionPos: number, joinedAt = state.selection.from): Transaction | null {
  const section = state.doc.nodeAt(sectionPos)
  if (!section || !isSection(section) || section.firstChild!.content.size) return null
  const dissolved = section.type.name === 'problems' || section.type.name === 'plans' ? null : dissolveTr(state, sectionPos, true)
  return dissolved?.tr ?? restoreEmptiedHeading(state, sectionPos, joinedAt)
}

/**
 * The heading of the section at `sectionPos`, which a deletion emptied by joining its text to the
 * textblock right before it, given that text back: what follows `joinedAt` in that textblock
 * becomes the heading's text, and the caret stays at `joinedAt`, after what was kept (and typed).
 * `null` where the textblock at `joinedAt` is not the one right before the heading, or nothing
 * follows `joinedAt` in it.
 */
export function restoreEmptiedHeading(state: EditorState, sectionPos: number, joinedAt: number): Transaction | null {
  const headingStart = sectionPos + 2
  const $joined = state.doc.resolve(joinedAt)
  if (!$joined.parent.isTextblock || $joined.parentOffset === $joined.parent.content.size) return null
  const next = Selection.findFrom(state.doc.resolve($joined.after()), 1, true)
  if (!next || next.from !== headingStart || next.$from.parent.type.name !== 'heading') return null
  const text = $joined.parent.content.cut($joined.parentOffset)
  const tr = state.tr.delete(joinedAt, $joined.end())
  tr.insert(tr.mapping.map(headingStart), text)
  return tr.setSelection(TextSelection.create(tr.doc, joinedAt))
}

/**
 * Where the node that took the body of a section at `depth` a deletion merged into the node before
 * it starts: the document after holds the section's heading rest, `rest`, at the end of the
 * textblock at `restStart`, and its body, `body`, from `bodyStart` to `sectionEnd`, the end of a
 * node at `depth` (the node that took it), with only the ends of nodes between. `null` otherwise.
 */
function mergedNodeAt(doc: Node, depth: number, rest: Fragment, body: Fragment, restStart: number, bodyStart: number, sectionEnd: number): number | null {
  if (restStart > bodyStart || bodyStart > sectionEnd || sectionEnd > doc.content.size) return null
  const $rest = doc.resolve(restStart)
  const $body = doc.resolve(bodyStart)
  const there =
    $rest.parent.isTextblock &&
    $body.depth === depth &&
    $rest.depth > depth &&
    $rest.after(depth + 1) === bodyStart &&
    $body.end() === sectionEnd &&
    $rest.parent.content.cut($rest.parentOffset).eq(rest) &&
    doc.slice(bodyStart, sectionEnd).content.eq(body)
  return there ? $body.before(depth) : null
}

/**
 * 保留存在的问题、下步打算: the problems or plans section whose heading a deletion of `deleted` (a
 * selection from before the section into its heading, deleted or typed over) reached, which the
 * deletion merged into the part before (ProseMirror's deletion joins the heading's rest to the
 * block where the selection starts and moves the body after it, as the two parts' content rules
 * are the same), taken out again: the section stands after that part, its heading keeping the
 * text after the selection's end (empty, where the selection took it all, as
 * {@link joinEmptiedSection} leaves a problems or plans heading), its body and subsections its
 * own; the caret stays where the selection began, after what was typed. `mapping` is the
 * deletion's, `state` the state after it. `null` where the deletion merged no such section.
 */
export function restoreSectionMergedBy(deleted: Selection, mapping: Mappable, state: EditorState): Transaction | null {
  const { $from, $to } = deleted
  if ($from.sameParent($to) || $to.parent.type.name !== 'heading') return null
  const depth = $to.depth - 1
  const section = $to.node(depth)
  if (!/^(problems|plans)$/.test(section.type.name) || $from.pos > $to.before(depth)) return null
  const rest = $to.parent.content.cut($to.parentOffset)
  const body = section.content.cut($to.parent.nodeSize)
  const restStart = mapping.map($to.pos, 1)
  const bodyStart = mapping.map($to.after(), 1)
  const sectionEnd = mapping.map($to.end(depth), -1)
  const mergedPos = mergedNodeAt(state.doc, depth, rest, body, restStart, bodyStart, sectionEnd)
  // Where the section stayed itself (its heading emptied, see joinSectionEmptiedBy), nothing was merged.
  if (mergedPos === null || state.doc.nodeAt(mergedPos)!.type === section.type) return null
  const tr = state.tr.delete(restStart, sectionEnd)
  tr.insert(mergedPos + tr.doc.nodeAt(mergedPos)!.nodeSize, section.copy(Fragment.from($to.parent.copy(rest)).append(body)))
  return tr.setSelection(TextSelection.create(tr.doc, restStart))
}

/**
 * The section whose heading a deletion of `deleted` (a selection from a block to the middle of a
 * later heading) emptied, put right in `state`, the state after the deletion (see
 * {@link joinEmptiedSection}); given the deletion's `mapping`, a problems or plans section it
 * merged into the part before taken out again (see {@link restoreSectionMergedBy}). `null` where
 * the deletion emptied no heading and merged no such section.
 */
export function joinSectionEmptiedBy(deleted: Selection, state: EditorState, mapping?: Mappable): Transaction | null {
  const { $from, $to } = deleted
  if ($from.sameParent($to) || $to.parent.type.name !== 'heading') return null
  const restored = mapping && restoreSectionMergedBy(deleted, mapping, state)
  if (restored) return restored
  const $next = Selection.findFrom(state.doc.resolve(state.selection.$from.after()), 1, true)?.$from
  if ($next?.parent.type.name !== 'heading' || $next.parent.content.size) return null
  return joinEmptiedSection(state, $next.before($next.depth - 1))
}

/**
 * The selection of `state` deleted as Backspace deletes it in the editor: by ProseMirror's
 * deletion where that keeps the summary's parts, else by {@link deleteAcrossParts}; then a heading
 * the deletion emptied, or a problems or plans section it merged, put right (see
 * {@link joinSectionEmptiedBy}). One transaction.
 */
export function deleteSelectionTr(state: EditorState): Transaction {
  const tr = deletionKeepsParts(state) ? state.tr.deleteSelection() : deleteAcrossParts(state)
  const joined = joinSectionEmptiedBy(state.selection, EditorState.create({ doc: tr.doc, selection: tr.selection }), tr.mapping)
  return joined ? carryOn(tr, joined) : tr
}

/** `next`, a transaction on the document `tr` has made, carried on in `tr`: its steps, then its selection. */
function carryOn(tr: Transaction, next: Transaction): Transaction {
  for (const step of next.steps) tr.step(step)
  return tr.setSelection(next.selection.map(tr.doc, StepMap.empty))
}

/**
 * Where the deletion in `tr` of `deleted`, a selection from a section's title (run-in,
 * `（一）小标题。一是……`, or on a line of its own) into a work item of that section's body, joined
 * the rest of that item to the title: that rest given back to the body as a work item, the list
 * made again where the deletion took it (the item was its last; see the model's
 * `returnTitleRestToBody`), the caret at its start, where Enter would have put it. Not from a
 * title into a subsection's item. Returns whether it applied.
 */
function returnItemAfterTitle(tr: Transaction, deleted: Selection): boolean {
  const { $from, $to } = deleted
  const { $head } = tr.selection
  if ($to.parent.type !== schema.nodes.workItem || $from.parent.type !== schema.nodes.heading || $head.parent.type !== schema.nodes.heading) return false
  // The item's list is in the body of the title's own section.
  if ($to.before($to.depth - 2) !== $from.before($from.depth - 1)) return false
  const itemAt = returnTitleRestToBody(tr, $head.pos, $to)
  tr.setSelection(TextSelection.create(tr.doc, itemAt))
  return true
}

/**
 * Enter over a selection across blocks (from a paragraph or heading into a later one, from the
 * sign-off up into the opening or the title, the whole summary selected with Ctrl-A): the
 * selection is deleted first, as Backspace deletes it (a heading it emptied, or a problems or
 * plans section it merged, put right: see {@link joinSectionEmptiedBy}), and `enter`, the
 * editor's Enter at a caret, then does at the caret the deletion left what it does there: at the
 * start of a heading an empty line opens above it (see {@link splitHeading}), in a paragraph the
 * paragraph splits; where the deletion ended in a heading given its text back, the caret goes to
 * that heading's start; from a section's title (run-in or not) into a work item of its body, the
 * rest of the item stays a work item, the caret at its start (see {@link returnItemAfterTitle}).
 * Where ProseMirror's deletion would not keep the summary's parts (see {@link deletionKeepsParts}),
 * the selection is deleted across parts ({@link deleteAcrossParts}), which leaves its two ends
 * apart (a section whose heading it takes whole gone with its heading): the caret goes to the
 * start of what followed the selection, on its own line (`一、主要|工作…（一）…一是完善|低保`: the
 * caret before `低保`, still a work item), no empty line between. One step for undo. Does not
 * apply to a selection inside one textblock.
 */
export function enterOverSelection(enter: Command): Command {
  return (state, dispatch) => {
    const { selection } = state
    if (selection instanceof TextSelection ? selection.$from.sameParent(selection.$to) : !(selection instanceof AllSelection)) return false
    const acrossParts = selection instanceof TextSelection && !deletionKeepsParts(state)
    try {
      const tr = acrossParts ? deleteAcrossParts(state) : state.tr.deleteSelection()
      let deleted = EditorState.create({ doc: tr.doc, selection: tr.selection })
      // From a title into a work item: the rest of the item, a work item still, the caret at its start.
      if (!acrossParts && returnItemAfterTitle(tr, selection)) {
        tr.doc.check()
        dispatch?.(tr.scrollIntoView())
        return true
      }
      const joined = !acrossParts && joinSectionEmptiedBy(selection, deleted, tr.mapping)
      if (joined) {
        carryOn(tr, joined)
        deleted = deleted.apply(joined)
      }
      if (joined || acrossParts) {
        // A heading given its text back stands on a line of its own after the caret, as the line
        // Enter would have started: the caret goes to its start, no empty line between. So does what
        // followed a selection deleted across parts, which leaves its two ends apart; where the caret
        // is at its start already (a section gone with its heading), it stays there.
        const { $head } = deleted.selection
        const next = $head.parentOffset === $head.parent.content.size ? Selection.findFrom(deleted.doc.resolve($head.after()), 1, true) : null
        if (acrossParts ? next || !$head.parentOffset : next?.$from.parent.type.name === 'heading' && next.$from.parent.content.size) {
          if (next) tr.setSelection(TextSelection.create(tr.doc, next.from))
          tr.doc.check()
          dispatch?.(tr.scrollIntoView())
          return true
        }
      }
      // Without the view: its state is the one before the deletion.
      enter(deleted, (next) => carryOn(tr, next))
      tr.doc.check()
      dispatch?.(tr.scrollIntoView())
      return true
    } catch {
      return false
    }
  }
}

/**
 * Backspace at the start of a heading: an empty section (no heading text, body or subsections)
 * goes; a section without subsections is dissolved, its heading becoming a paragraph of the text
 * before it and its body following, in reading order (what the heading number was is renumbered
 * away); otherwise the cursor moves to the end of the text before, and nothing is taken apart.
 */
export const backspaceAtHeadingStart: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection
  if (!$cursor || $cursor.parentOffset !== 0 || $cursor.parent.type.name !== 'heading') return false
  const sd = $cursor.depth - 1
  const section = $cursor.node(sd)
  const sectionPos = $cursor.before(sd)
  const parent = $cursor.node(sd - 1)
  const index = $cursor.index(sd - 1)
  if (section.type.name === 'problems' || section.type.name === 'plans') return false
  const empty = section.childCount === 1 && section.firstChild!.content.size === 0
  if (dispatch) {
    if (empty && parent.canReplace(index, index + 1)) {
      const tr = state.tr.delete(sectionPos, sectionPos + section.nodeSize)
      dispatch(closeHistory(tr.setSelection(Selection.near(tr.doc.resolve(sectionPos), -1))).scrollIntoView())
      return true
    }
    const dissolved = dissolveTr(state, sectionPos)
    if (dissolved) {
      dispatch(closeHistory(dissolved.tr.setSelection(TextSelection.create(dissolved.tr.doc, dissolved.cursor))).scrollIntoView())
      return true
    }
    const before = Selection.findFrom(state.doc.resolve(sectionPos), -1, true)
    if (before) dispatch(state.tr.setSelection(before).scrollIntoView())
  }
  return true
}

/**
 * 合并到标题: at the start of a section's first body paragraph, joins the paragraph to the heading
 * (the inverse of {@link splitHeading}). This is what Backspace does there. In a run-in section,
 * whose title's stop is drawn before the body, it is that stop that goes: the body's first
 * sentence joins the title and the rest stays the body (`settleRunInTitleIn`).
 */
export const joinHeading: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection
  if (!$cursor || $cursor.parentOffset !== 0 || $cursor.parent.type.name !== 'paragraph') return false
  const section = $cursor.node($cursor.depth - 1)
  if (!isSection(section) || $cursor.index($cursor.depth - 1) !== 1) return false
  if (dispatch) {
    const paraStart = $cursor.before()
    const headingEnd = paraStart - 1
    const tr = state.tr.replaceWith(paraStart, $cursor.after(), Fragment.empty)
    tr.insert(headingEnd, $cursor.parent.content)
    tr.setSelection(TextSelection.create(tr.doc, headingEnd))
    settleRunInTitleIn(tr, $cursor.before($cursor.depth - 1) + 1)
    dispatch(finish(tr, tr.selection.from, tr.selection.to))
  }
  return true
}
