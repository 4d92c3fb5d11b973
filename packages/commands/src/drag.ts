import { Fragment, Slice, type Node } from 'prosemirror-model'
import { EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state'
import { dropPoint } from 'prosemirror-transform'
import { schema } from '@zongjie/model'
import { deleteSelectionTr } from './sections.ts'
import { pasteSliceTr } from './paste.ts'
import { changedRanges } from './run-in.ts'

/** Whether the document `make` gives fits the schema (not where it throws). */
function fits(make: () => Node): boolean {
  try {
    make().check()
    return true
  } catch {
    return false
  }
}

/** The textblocks of `slice` as paragraphs (a heading's title too), open at both ends: what goes in where its parts cannot. */
function asParagraphs(slice: Slice): Slice {
  const paragraphs: Node[] = []
  slice.content.descendants((node) => {
    if (node.isTextblock) paragraphs.push(schema.nodes.paragraph!.create(null, node.content))
    return !node.isTextblock
  })
  return new Slice(Fragment.from(paragraphs), 1, 1)
}

/**
 * 拖动移动: the selection of `state`, across blocks, dragged away and dropped at `at` (`slice`,
 * what was dragged, as the editor drags it what a copy takes, see `copiedSlice`), before or after
 * it: deleted as Backspace deletes it (see {@link deleteSelectionTr}: a problems or plans section
 * whose heading it reached stays itself), but for a section dragged whole, which leaves no empty
 * section behind; then put in at `at`, mapped through the deletion, as pasting it there puts it (see
 * {@link pasteSliceTr}: as ProseMirror's replace fits it, with every character and field, a
 * heading dropped in a section's body becoming a heading of that section's subsection; at the
 * start of a heading, before that heading's section), where its parts cannot go in there as
 * paragraphs of its text, the text put in selected. Dropped inside the selection, it goes back
 * where the selection began. One transaction, for one undo step. `null` where even its text
 * cannot go in whole there (the title holds one line): the caller leaves the text where it was.
 */
export function moveSelectionTr(state: EditorState, slice: Slice, at: number): Transaction | null {
  const { from, to } = state.selection
  const target = dropPoint(state.doc, at, slice) ?? at
  const tr = deleteSelectionTr(state)
  // A section dragged whole (from its heading's start to its end) leaves no empty section behind,
  // where Backspace leaves its heading to type in.
  const { $from } = tr.selection
  const section = $from.depth > 1 && $from.parent.type === schema.nodes.heading ? $from.node($from.depth - 1) : null
  if (state.selection.$from.parentOffset === 0 && state.selection.$from.parent.type === schema.nodes.heading && section?.childCount === 1 && !section.textContent) {
    const start = $from.before($from.depth - 1)
    if (fits(() => tr.doc.replace(start, start + section.nodeSize, Slice.empty))) tr.delete(start, start + section.nodeSize)
  }
  const mapped = tr.mapping.mapResult(target > from && target < to ? from : target)
  // After the selection, in a section the deletion merged and the put-right took out again, which
  // the mapping cannot follow: as far from the end as before, all after the selection being as it was.
  const pos = mapped.deleted && target >= to ? tr.doc.content.size - (state.doc.content.size - target) : mapped.pos
  const deleted = EditorState.create({ doc: tr.doc, selection: TextSelection.near(tr.doc.resolve(pos)) })
  const pasted = pasteSliceTr(deleted, slice) ?? pasteSliceTr(deleted, asParagraphs(slice))
  if (!pasted) return null
  for (const step of pasted.steps) tr.step(step)
  // What was put in, selected: from its first line (not the end of the line it went in after).
  const put = changedRanges([pasted])
  let $start = tr.doc.resolve(Math.min(...put.map(([from]) => from)))
  const $end = tr.doc.resolve(Math.max(...put.map(([, to]) => to)))
  if ($start.parent.isTextblock && $start.pos === $start.end() && $end.pos > $start.end()) $start = tr.doc.resolve($start.after())
  $start = Selection.findFrom($start, 1, true)?.$from ?? $start
  return tr.setSelection(TextSelection.between($start, $end))
}

