import { Slice } from 'prosemirror-model'
import { TextSelection, type Selection } from 'prosemirror-state'
import { isSection } from '@zongjie/model'

/**
 * What a copy or cut of `selection` takes (复制、剪切): the selection, but for a selection from the
 * start of a heading, which takes the heading's whole section (its attributes too, such as a
 * run-in heading), and one ending at the start of a heading, which stops before that section.
 * `from` and `to` are the range taken, `slice` its content, without the sections around it it
 * only ends (the subsections of a `一、` from the start of a `（二）` to the next `二、` are the
 * `（二）` alone, whole: ProseMirror's parser cannot read a section back that has no heading
 * and nothing after it).
 */
export function copiedSlice(selection: Selection): { from: number; to: number; slice: Slice } {
  let { from, to } = selection
  const { $from, $to } = selection
  if ($from.parent.type.name === 'heading' && $from.parentOffset === 0) from = $from.before($from.depth - 1)
  if ($to.parent.type.name === 'heading' && $to.parentOffset === 0 && to > from) to = $to.before($to.depth - 1)
  let slice = selection instanceof TextSelection && to > from ? selection.$from.doc.slice(from, to) : selection.content()
  while (slice.openStart > 0 && slice.openEnd === 0 && slice.content.childCount === 1 && isSection(slice.content.firstChild!)) {
    slice = new Slice(slice.content.firstChild!.content, slice.openStart - 1, 0)
  }
  return { from, to, slice }
}
