import { Fragment, type Node } from 'prosemirror-model'
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state'

/** The textblocks that keep their own text whatever is deleted after them: the title and the subtitle never take another block's text. */
const keptBlocks = new Set(['title', 'subtitle'])

/**
 * Whether ProseMirror's own deletion of the selection of `state` keeps the summary's parts. It
 * does not where it cannot delete the selection (from the opening into a section: the schema
 * keeps the parts apart), nor where the selection starts in the title or the subtitle and ends in
 * a heading, whose text the deletion would join to the title (the heading's rest becoming the
 * title, its body the opening's). There {@link deleteAcrossParts} deletes it.
 */
export function deletionKeepsParts(state: EditorState): boolean {
  const { selection } = state
  const { $from, $to } = selection
  if (selection instanceof TextSelection && keptBlocks.has($from.parent.type.name) && $to.parent.type.name === 'heading') return false
  try {
    state.tr.deleteSelection().doc.check()
    return true
  } catch {
    return false
  }
}

/**
 * The nodes of `parent` (whose content starts at `start`) lying wholly inside `from`–`to` that can
 * go whole, with `parent` still fitting the schema, as ranges to delete; of the others the
 * selection reaches, the text it covers (a textblock) or, inside, the same again.
 */
function rangesInside(parent: Node, start: number, from: number, to: number, ranges: [number, number][]): void {
  const children: Node[] = []
  parent.forEach((child) => void children.push(child))
  const kept: Node[] = []
  parent.forEach((child, offset, index) => {
    const pos = start + offset
    const end = pos + child.nodeSize
    const inside = from <= pos && end <= to
    if (inside && parent.type.validContent(Fragment.from(kept.concat(children.slice(index + 1))))) {
      ranges.push([pos, end])
      return
    }
    kept.push(child)
    if (end <= from || pos >= to) return
    if (child.isTextblock) {
      const textFrom = Math.max(from, pos + 1)
      const textTo = Math.min(to, end - 1)
      if (textTo > textFrom) ranges.push([textFrom, textTo])
    } else rangesInside(child, pos + 1, from, to, ranges)
  })
}

/**
 * 跨部分删除: deletes the selection of `state` where ProseMirror's deletion would not keep the
 * summary's parts (see {@link deletionKeepsParts}): what lies wholly inside the selection goes
 * whole where its part can do without it (the sections between, with their subsections; the
 * problems and plans; the opening's paragraphs; the subtitle), and is emptied where it cannot (the
 * opening, the closing, a line of the sign-off); the block where the selection starts keeps its
 * text before it, the block where it ends its text after it (a heading the rest of its title,
 * its section its body), no block taking another's text. The caret goes where the selection
 * began.
 */
export function deleteAcrossParts(state: EditorState): Transaction {
  const { from, to } = state.selection
  const ranges: [number, number][] = []
  rangesInside(state.doc, 0, from, to, ranges)
  const tr = state.tr
  for (const [start, end] of ranges.reverse()) tr.delete(start, end)
  return tr.setSelection(TextSelection.near(tr.doc.resolve(tr.mapping.map(from, -1)))).scrollIntoView()
}
