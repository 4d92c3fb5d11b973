import { Fragment, Slice, type Node } from 'prosemirror-model'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { dropPoint } from 'prosemirror-transform'
import { schema } from '@zongjie/model'
import { deleteSelectionTr } from './sections.ts'

/** `slice` put in at the selection of `state` as ProseMirror's replace fits it, where the summary stays valid and keeps all its text and the slice's; else `null`. */
function placedWhole(state: EditorState, slice: Slice): Transaction | null {
  const tr = state.tr.replaceSelection(slice)
  try {
    tr.doc.check()
  } catch {
    return null
  }
  const length = (fragment: Fragment) => fragment.textBetween(0, fragment.size).length
  return tr.docChanged && length(tr.doc.content) === length(state.doc.content) + length(slice.content) ? tr : null
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
 * what was dragged): deleted as Backspace deletes it (see {@link deleteSelectionTr}: a problems or
 * plans section whose heading it reached stays itself), then put in at `at`, mapped through the
 * deletion, as ProseMirror's replace fits it with every character (where its parts cannot go in
 * there, as paragraphs of its text), the text put in selected. Dropped inside the selection, it
 * goes back where the selection began. One transaction, for one undo step. `null` where even its
 * text cannot go in whole there.
 */
export function moveSelectionTr(state: EditorState, slice: Slice, at: number): Transaction | null {
  const { from, to } = state.selection
  const target = dropPoint(state.doc, at, slice) ?? at
  const tr = deleteSelectionTr(state)
  const mapped = tr.mapping.mapResult(target > from && target < to ? from : target)
  // After the selection, in a section the deletion merged and the put-right took out again, which
  // the mapping cannot follow: as far from the end as before, all after the selection being as it was.
  const pos = mapped.deleted && target >= to ? tr.doc.content.size - (state.doc.content.size - target) : mapped.pos
  const deleted = EditorState.create({ doc: tr.doc, selection: TextSelection.near(tr.doc.resolve(pos)) })
  const pasted = placedWhole(deleted, slice) ?? placedWhole(deleted, asParagraphs(slice))
  if (!pasted) return null
  for (const step of pasted.steps) tr.step(step)
  const start = pasted.mapping.map(deleted.selection.from, -1)
  return tr.setSelection(TextSelection.between(tr.doc.resolve(start), tr.doc.resolve(pasted.selection.head)))
}

