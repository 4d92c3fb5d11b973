import { Fragment, type Node } from 'prosemirror-model'
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { canJoin } from 'prosemirror-transform'
import { closeHistory } from 'prosemirror-history'
import { schema, workItemOrdinal, type WorkItemsLayout } from '@zongjie/model'

const typedOrdinal = /^[一二三四五六七八九十]+是/

/** A paragraph's content without an ordinal typed at its start (`二是`), which the list computes. */
function withoutTypedOrdinal(content: Fragment): Fragment {
  const first = content.firstChild
  if (!first?.isText) return content
  const m = typedOrdinal.exec(first.text!)
  return m ? content.cut(m[0].length) : content
}

/** The work-item list around the selection: the node, its depth and its start. */
function listAround(state: Parameters<Command>[0]): { node: Node; pos: number; depth: number } | null {
  const { $from } = state.selection
  for (let d = $from.depth; d > 0; d--) {
    if ($from.node(d).type.name === 'workItems') return { node: $from.node(d), pos: $from.before(d), depth: d }
  }
  return null
}

/**
 * 转为工作事项: turns the paragraphs the selection touches into a work-item list, one item a
 * paragraph (`一是…二是…`); an ordinal typed at the start of a paragraph is dropped, since the list
 * computes its own. Applies when the selection covers only paragraphs of one part.
 */
export const paragraphsToWorkItems: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  const depth = $from.sharedDepth($to.pos)
  // The container of the paragraphs: the paragraphs' parent.
  const containerDepth = $from.parent.type.name === 'paragraph' && $from.depth - 1 <= depth ? $from.depth - 1 : -1
  if (containerDepth < 0 || $to.parent.type.name !== 'paragraph' || $to.depth - 1 !== containerDepth) return false
  const container = $from.node(containerDepth)
  const start = $from.index(containerDepth)
  const end = $to.index(containerDepth) + 1
  const items: Node[] = []
  for (let i = start; i < end; i++) {
    const child = container.child(i)
    if (child.type.name !== 'paragraph') return false
    items.push(schema.nodes.workItem!.create(null, withoutTypedOrdinal(child.content)))
  }
  const list = schema.nodes.workItems!.create({ layout: 'separate' }, items)
  if (!container.canReplace(start, end, Fragment.from(list))) return false
  if (dispatch) {
    const from = $from.posAtIndex(start, containerDepth)
    const to = $to.posAtIndex(end, containerDepth)
    const tr = state.tr.replaceWith(from, to, list)
    const offset = $from.parentOffset
    const first = items[0]!
    const dropped = container.child(start).content.size - first.content.size
    const cursor = from + 2 + Math.max(0, offset - dropped)
    dispatch(closeHistory(tr.setSelection(TextSelection.create(tr.doc, cursor))).scrollIntoView())
  }
  return true
}

/**
 * 转为段落: turns the work-item list at the cursor back into paragraphs, each item keeping its
 * ordinal as text (`一是……`), so the words on the page do not change: one paragraph an item, or,
 * for a list run together (`joined`), the one paragraph it was printed as.
 */
export const workItemsToParagraphs: Command = (state, dispatch) => {
  const list = listAround(state)
  if (!list) return false
  const $list = state.doc.resolve(list.pos)
  const joined = list.node.attrs.layout === 'joined'
  // Each item's words with its ordinal before them.
  const texts: Fragment[] = []
  list.node.forEach((child, _offset, index) => texts.push(child.type.name === 'workItem' ? Fragment.from(schema.text(workItemOrdinal(list.node, index))).append(child.content) : child.content))
  const paragraphs = (joined ? [texts.reduce((all, t) => all.append(t))] : texts).map((t) => schema.nodes.paragraph!.create(null, t))
  if (!$list.parent.canReplace($list.index(), $list.index() + 1, Fragment.from(paragraphs))) return false
  if (dispatch) {
    const tr = state.tr.replaceWith(list.pos, list.pos + list.node.nodeSize, paragraphs)
    // The caret stays in the words it was in, now in their paragraph, after the ordinal put in as text.
    const $head = state.selection.$head
    let cursor = list.pos + 1
    if ($head.depth >= 1 && $head.node($head.depth - 1) === list.node && $head.before($head.depth - 1) === list.pos) {
      const index = $head.index($head.depth - 1)
      cursor += $head.parentOffset + texts[index]!.size - list.node.child(index).content.size
      for (let i = 0; i < index; i++) cursor += texts[i]!.size + (joined ? 0 : 2)
    }
    dispatch(closeHistory(tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(tr.doc.content.size, cursor))))).scrollIntoView())
  }
  return true
}

/**
 * 连写/分段: sets how the work-item list at the cursor is laid out: run together in one paragraph
 * (`joined`) or one item a paragraph (`separate`).
 */
export function setWorkItemsLayout(layout: WorkItemsLayout): Command {
  return (state, dispatch) => {
    const list = listAround(state)
    if (!list || list.node.attrs.layout === layout) return false
    if (dispatch) dispatch(closeHistory(state.tr.setNodeAttribute(list.pos, 'layout', layout)))
    return true
  }
}

/** Switches the work-item list at the cursor between its two layouts. */
export const toggleWorkItemsLayout: Command = (state, dispatch) => {
  const list = listAround(state)
  if (!list) return false
  return setWorkItemsLayout(list.node.attrs.layout === 'joined' ? 'separate' : 'joined')(state, dispatch)
}

/**
 * Ends the work-item list at the empty item at `pos` in `tr.doc`: the item becomes a paragraph
 * after the list, or between its two halves. Returns where the paragraph's text starts, or `null`
 * where there is no empty item at `pos` or the halves would not stand as lists.
 */
export function exitWorkItemIn(tr: Transaction, pos: number): number | null {
  const $cursor = tr.doc.resolve(pos)
  if ($cursor.parent.type.name !== 'workItem' || $cursor.parent.content.size) return null
  const list = $cursor.node($cursor.depth - 1)
  const listPos = $cursor.before($cursor.depth - 1)
  const before = list.content.cut(0, $cursor.before() - listPos - 1)
  const after = list.content.cut($cursor.after() - listPos - 1)
  const validList = (content: Fragment) => content.size > 0 && list.type.validContent(content)
  if ((before.size && !validList(before)) || (after.size && !validList(after))) return null
  const parts: Node[] = []
  if (before.size) parts.push(list.copy(before))
  parts.push(schema.nodes.paragraph!.create())
  if (after.size) parts.push(list.copy(after))
  const $list = tr.doc.resolve(listPos)
  if (!$list.parent.canReplace($list.index(), $list.index() + 1, Fragment.from(parts))) return null
  tr.replaceWith(listPos, listPos + list.nodeSize, parts)
  return listPos + (before.size ? before.size + 2 : 0) + 1
}

/**
 * 结束列表: in an empty work item, ends the list there: the item becomes a paragraph after the
 * list (or between its two halves). This is what Enter does in an empty item.
 */
export const exitEmptyWorkItem: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection
  if (!$cursor) return false
  const tr = state.tr
  const at = exitWorkItemIn(tr, $cursor.pos)
  if (at === null) return false
  if (dispatch) dispatch(closeHistory(tr.setSelection(TextSelection.create(tr.doc, at))).scrollIntoView())
  return true
}

/**
 * Two work-item lists side by side are one list (一是 二是 三是, not 一是 again): where a writer's
 * edit (`ranges`, in `state.doc`: a paragraph between them deleted, a selection across sections
 * deleted, a move) has left one list right after another, they are joined, the second's items
 * numbered on from the first's, as Word continues a numbering. A transaction joining them, or null
 * where there is none.
 */
export function joinAdjacentWorkItems(state: EditorState, ranges: readonly (readonly [number, number])[]): Transaction | null {
  const joins = new Set<number>()
  const size = state.doc.content.size
  for (const [from, to] of ranges) {
    // From the start to the end of the blocks holding the change's ends (the lists around them).
    const $from = state.doc.resolve(from)
    const $to = state.doc.resolve(to)
    const start = $from.depth > 1 ? $from.before($from.depth - 1) : 0
    const end = $to.depth > 1 ? $to.after($to.depth - 1) : size
    state.doc.nodesBetween(Math.max(0, start - 1), Math.min(size, end + 1), (node, pos, parent, index) => {
      if (node.type === schema.nodes.workItems && parent!.maybeChild(index + 1)?.type === schema.nodes.workItems) joins.add(pos + node.nodeSize)
      return !node.isTextblock && node.type !== schema.nodes.workItems
    })
  }
  const tr = state.tr
  // Last first, so that the positions before stay as they were.
  for (const pos of [...joins].sort((a, b) => b - a)) if (canJoin(tr.doc, pos)) tr.join(pos)
  return tr.docChanged ? tr : null
}
