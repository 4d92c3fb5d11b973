import type { Fragment, Slice } from 'prosemirror-model'
import type { Command, EditorState, Transaction } from 'prosemirror-state'
import { isSection } from '@zongjie/model'
import { endBefore } from './sections.ts'

/** The text characters and inline nodes (fields) in a fragment: what a paste must neither lose nor add. */
function inlineSize(fragment: Fragment): number {
  let size = 0
  fragment.descendants((node) => {
    if (node.isText) size += node.text!.length
    else if (node.isInline) size++
    return !node.isInline
  })
  return size
}

/** Whether a slice holds sections (a copy that took headings with their sections). */
function holdsSections(slice: Slice): boolean {
  let found = false
  slice.content.descendants((node) => {
    found ||= isSection(node)
    return !found && !node.isTextblock
  })
  return found
}

/** `tr` when its document is valid and holds exactly `expected` characters and fields, else null. */
function whole(tr: Transaction, expected: number): Transaction | null {
  if (!tr.docChanged || inlineSize(tr.doc.content) !== expected) return null
  try {
    tr.doc.check()
  } catch {
    return null
  }
  return tr
}

/**
 * The transaction of a paste of `slice` into `state`, or null when it cannot go in whole (see
 * {@link pasteSlice}).
 */
export function pasteSliceTr(state: EditorState, slice: Slice): Transaction | null {
  const { selection, doc } = state
  const expected = inlineSize(doc.content) - inlineSize(selection.content().content) + inlineSize(slice.content)
  const { $from } = selection
  if (selection.empty && $from.parent.type.name === 'heading' && $from.parentOffset === 0 && holdsSections(slice)) {
    const section = $from.node($from.depth - 1)
    // An empty section (what cutting a whole section leaves, its heading emptied): the pasted
    // sections take its place.
    if (section.childCount === 1 && section.firstChild!.content.size === 0) {
      const from = $from.before($from.depth - 1)
      // (The caret, which was in the section, goes to what follows the pasted sections.)
      const placed = whole(state.tr.replace(from, from + section.nodeSize, slice), expected)
      if (placed) return placed
    }
    // Otherwise the sections go in before the heading's section, the caret staying at its heading.
    for (const at of [endBefore(doc, $from.before($from.depth - 1)), $from.before($from.depth - 1)]) {
      const placed = whole(state.tr.replace(at, at, slice), expected)
      if (placed) return placed
    }
  }
  return whole(state.tr.replaceSelection(slice), expected)
}

/**
 * 粘贴 (what the editor itself copied): puts `slice` at the selection as ProseMirror's replace fits
 * it, except that sections pasted at the start of a heading go in before that heading's section
 * in reading order (a subsection as the last subsection of the part before, where a cut took it
 * from), and in place of an empty section (what cutting a whole section leaves). Returns false,
 * changing nothing, when the slice cannot go in with every character and field it holds and the
 * document still a summary: the caller then pastes its text (see `insertImported`).
 */
export function pasteSlice(slice: Slice): Command {
  return (state, dispatch) => {
    const tr = pasteSliceTr(state, slice)
    if (!tr) return false
    if (dispatch) dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste').scrollIntoView())
    return true
  }
}
