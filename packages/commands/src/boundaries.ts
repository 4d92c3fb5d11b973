import { Selection, type Command, type EditorState, type TextSelection, type Transaction } from 'prosemirror-state'
import type { ResolvedPos } from 'prosemirror-model'
import { joinBackward, joinForward } from 'prosemirror-commands'

/** The textblocks of a part's body (段落、事项), which join as paragraphs join in Word; a heading, the title or a sign-off line never takes another's text, nor gives its own. */
const bodyBlocks = new Set(['paragraph', 'workIntro', 'workItem', 'workNote'])

/**
 * The transaction joining the body textblocks at the two ends of `from`–`to` (the end of one, the
 * start of the next), when both are body textblocks and the part where they join stays within
 * the schema.
 */
function validJoin(state: EditorState, $cursor: ResolvedPos, other: Selection, from: number, to: number): Transaction | null {
  if (!bodyBlocks.has($cursor.parent.type.name) || !bodyBlocks.has(other.$from.parent.type.name)) return null
  try {
    const tr = state.tr.delete(from, to)
    // The smallest node holding both ends, after the join: the part where it joined.
    const $from = tr.doc.resolve(from)
    $from.node($from.sharedDepth(tr.mapping.map(to))).check()
    return tr
  } catch {
    return null
  }
}

/**
 * Backspace at the start of a textblock where ProseMirror would select the part before it whole
 * (a section before the closing, the section before a problems heading, a heading before its
 * first work item), so that a second Backspace, or a held key, deletes that part with all it
 * holds: a paragraph or work item joins the one before, as in Word and WPS, where the summary
 * stays well-formed; otherwise the caret moves to the end of the textblock before. Where
 * ProseMirror's own join applies, it is left to it.
 */
export const backspaceAtBlockStart: Command = (state, dispatch, view) => {
  const { $cursor } = state.selection as TextSelection
  if (!$cursor || $cursor.parentOffset !== 0 || joinBackward(state, undefined, view)) return false
  const before = Selection.findFrom(state.doc.resolve($cursor.before()), -1, true)
  const joined = before && validJoin(state, $cursor, before, before.from, $cursor.pos)
  if (joined) {
    dispatch?.(joined.scrollIntoView())
    return true
  }
  if (before && dispatch) dispatch(state.tr.setSelection(before).scrollIntoView())
  return true
}

/**
 * Delete at the end of a textblock where ProseMirror would select the part after it whole (the
 * first section after the opening, the next section after a section's last paragraph): the next
 * paragraph or work item joins this one where the summary stays well-formed; otherwise the caret moves to the
 * start of the next textblock. Where ProseMirror's own join applies, it is left to it.
 */
export const deleteAtBlockEnd: Command = (state, dispatch, view) => {
  const { $cursor } = state.selection as TextSelection
  if (!$cursor || $cursor.parentOffset !== $cursor.parent.content.size || joinForward(state, undefined, view)) return false
  const after = Selection.findFrom(state.doc.resolve($cursor.after()), 1, true)
  const joined = after && validJoin(state, $cursor, after, $cursor.pos, after.from)
  if (joined) {
    dispatch?.(joined.scrollIntoView())
    return true
  }
  if (after && dispatch) dispatch(state.tr.setSelection(after).scrollIntoView())
  return true
}
