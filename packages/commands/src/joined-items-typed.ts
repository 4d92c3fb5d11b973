import type { Node } from 'prosemirror-model'
import { TextSelection, type Transaction } from 'prosemirror-state'
import { schema, formatOrdinal, hasSuggestionMarks, isSection, joinedOrdinals } from '@zongjie/model'

/**
 * 一是……；二是…… typed: work items run together on one line (`一是完善管理；二是落实救助。`, or
 * after an introduction, `重点抓了两件事：一是……；二是……`) are a list of work items, one per
 * ordinal, when the importer reads the line, so they are one when typed too. This comes with what
 * reads the parts the writer types (the chunk that reads pastes, loaded on the writer's first focus).
 */

/** A block's text, a field a character of its own (as the importer reads the line with the field's text, never with a stop in it). */
const textOf = (block: Node) => block.textBetween(0, block.content.size, '', '\ufffc')

/**
 * The line `block` (child `index` of `list`, the node holding it) prints as, with where the
 * block's text starts in it: a work item
 * of a joined list on its list's line (its introduction and every item, each after its ordinal),
 * of a list written one a line on its own line after its ordinal; a paragraph, its text. Null
 * where the line is not the writer's to type items in (a list with notes, a closing's paragraph).
 */
function lineOf(block: Node, list: Node, index: number): { line: string; start: number } | null {
  // A paragraph of the opening or of a section (the closing's lines are read as its own).
  if (block.type === schema.nodes.paragraph) return isSection(list) || list.type === schema.nodes.preamble ? { line: textOf(block), start: 0 } : null
  let line = ''
  let start = 0
  let n = 0
  for (let i = 0; i < list.childCount; i++) {
    const child = list.child(i)
    if (child.type === schema.nodes.workNote) return null
    const ordinal = child.type === schema.nodes.workItem ? formatOrdinal(++n) : ''
    if (list.attrs.layout !== 'joined' && i !== index) continue
    if (i === index) start = line.length + ordinal.length
    line += ordinal + textOf(child)
  }
  return { line, start }
}

/**
 * The paragraph or work item the caret is in, once the writer has typed an ordinal in it that the
 * importer reads as starting a work item of a list run together on one line (`一是完善管理；二是`,
 * `……：一是完善管理；二是`, key by key or committed by an input method): from each such ordinal on,
 * its text is a work item of its own, the ordinal dropped (ordinals are computed), and the list
 * is written joined; a paragraph becomes that list, the text before its first ordinal the list's
 * introduction. The caret stays in the text it was in. A block with suggestions is left to
 * suggestion mode. Returns whether `tr` changed.
 */
export function settleTypedJoinedItemsIn(tr: Transaction): boolean {
  const { $head, empty } = tr.selection
  const block = $head.parent
  if (!empty || (block.type !== schema.nodes.paragraph && block.type !== schema.nodes.workItem) || hasSuggestionMarks(block)) return false
  const list = $head.node($head.depth - 1)
  const read = lineOf(block, list, $head.index($head.depth - 1))
  if (!read) return false
  const { line, start } = read
  const end = start + textOf(block).length
  // The ordinals in the block's own text (not its own, nor the next item's).
  const marks = joinedOrdinals(line)?.filter((m) => m.at >= start && m.at < end) ?? []
  // Only once the caret is past an ordinal of the block's own (the writer typed on to it).
  if (!marks.length || $head.parentOffset + start < marks[0]!.textAt) return false
  const cuts = marks.map((m) => ({ at: m.at - start, textAt: m.textAt - start }))
  const items = cuts.map((cut, i) => schema.nodes.workItem!.create(null, block.content.cut(cut.textAt, cuts[i + 1]?.at ?? block.content.size)))
  const head = block.content.cut(0, cuts[0]!.at)
  // The caret's place: in which new block, and where in it.
  const offset = $head.parentOffset
  let caretBlock = 0
  let caretIn = offset
  cuts.forEach((cut, i) => {
    if (offset >= cut.textAt) [caretBlock, caretIn] = [i + 1, offset - cut.textAt]
  })
  const blockPos = $head.before()
  if (block.type === schema.nodes.workItem) {
    tr.replaceWith(blockPos, blockPos + block.nodeSize, [schema.nodes.workItem!.create(block.attrs, head, block.marks), ...items])
    tr.setNodeAttribute($head.before($head.depth - 1), 'layout', 'joined')
  } else {
    const intro = head.size ? [schema.nodes.workIntro!.create(null, head)] : []
    tr.replaceWith(blockPos, blockPos + block.nodeSize, schema.nodes.workItems!.create({ layout: 'joined' }, [...intro, ...items]))
    // Inside the list: the introduction, if any, then the items.
    if (!intro.length) caretBlock = Math.max(0, caretBlock - 1)
  }
  // The start of the new blocks' content, one after another from the block's place.
  const blocks = block.type === schema.nodes.workItem ? [head.size, ...items.map((item) => item.content.size)] : [...(head.size ? [head.size] : []), ...items.map((item) => item.content.size)]
  let pos = blockPos + (block.type === schema.nodes.paragraph ? 1 : 0) + 1
  for (let i = 0; i < caretBlock; i++) pos += blocks[i]! + 2
  tr.setSelection(TextSelection.create(tr.doc, pos + caretIn))
  return true
}
