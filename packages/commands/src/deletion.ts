import { Fragment, type Node } from 'prosemirror-model'
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state'

/** The textblocks that keep their own text whatever is deleted after them: the title and the subtitle never take another block's text. */
const keptBlocks = new Set(['title', 'subtitle'])

/**
 * What the deletion of a selection does to the sections whose heading it takes whole while ending
 * inside them (随标题而去): the commands' `headlessSections`, which comes with the chunk that reads
 * what the writer types, loaded on the first focus (see {@link takeApartSectionsWith}).
 */
export interface HeadlessSections {
  /**
   * Whether ProseMirror's deletion of the selection of `state` would leave such a heading empty,
   * give it the text of a body block, or leave sections selected whole with an empty heading or line.
   */
  leavesHeadless(state: EditorState): boolean
  /** The sections the selection of `state` takes whole deleted with their headings, the first one's heading kept when `typed` over from its start (整节删除); null where it takes no section whole. */
  deleteWhole(state: EditorState, typed?: boolean): Transaction | null
  /** Takes apart in `tr`, the selection of `state` deleted across parts, such sections, the heading where the selection starts kept when `typed` over; gives the caret's place after, or null where it stays where the selection began. */
  takeApart(tr: Transaction, state: EditorState, typed?: boolean): number | null
}

let headless: HeadlessSections | null = null

/** Sets what the deletion of a selection does to the sections whose heading it takes whole (see {@link HeadlessSections}); without it they keep their headings, emptied. */
export function takeApartSectionsWith(sections: HeadlessSections): void {
  headless = sections
}

/**
 * Whether ProseMirror's own deletion of the selection of `state` keeps the summary's parts. It
 * does not where it cannot delete the selection (from the opening into a section: the schema
 * keeps the parts apart), nor where the selection starts in the title or the subtitle and ends in
 * a heading, whose text the deletion would join to the title (the heading's rest becoming the
 * title, its body the opening's), nor where it takes whole the heading of a section it ends
 * inside, that section holding its start (from the heading's start into the body) or lying deeper
 * than the section where it starts (from `一、` or the opening into a `（一）`): that deletion would
 * leave the heading empty, or give it the text of a body block; nor where it takes sections whole
 * (整节, from a heading's start to the end of a section's last line), which that deletion would
 * leave with an empty heading or an empty line. There {@link deleteAcrossParts} deletes it. A
 * selection from one section into the body of the next at its level is joined as in Word, by
 * ProseMirror's deletion.
 */
export function deletionKeepsParts(state: EditorState): boolean {
  const { selection } = state
  const { $from, $to } = selection
  if (selection instanceof TextSelection && ((keptBlocks.has($from.parent.type.name) && $to.parent.type.name === 'heading') || headless?.leavesHeadless(state))) return false
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
 * its section its body, a work item the rest of its text, still a work item), no block taking
 * another's text. A section whose heading it takes whole, ending inside the section, goes with its
 * heading (随标题而去, see {@link HeadlessSections}): what is left of it reads on where it stood, under
 * the section before; but where the selection starts at that heading's start and is `typed` over,
 * the heading stays, to take what is typed (`（一）` typed over up to a work item is a new title,
 * the item's rest still the item). The caret goes where the selection began (a section gone with
 * its heading: the start of what was left of it). Sections taken whole go whole, with their
 * headings (see {@link HeadlessSections.deleteWhole}).
 */
export function deleteAcrossParts(state: EditorState, typed?: boolean): Transaction {
  const whole = headless?.deleteWhole(state, typed)
  if (whole) return whole
  const { from, to } = state.selection
  const ranges: [number, number][] = []
  rangesInside(state.doc, 0, from, to, ranges)
  const tr = state.tr
  for (const [start, end] of ranges.reverse()) tr.delete(start, end)
  const caret = headless?.takeApart(tr, state, typed) ?? tr.mapping.map(from, -1)
  return tr.setSelection(TextSelection.near(tr.doc.resolve(caret))).scrollIntoView()
}
