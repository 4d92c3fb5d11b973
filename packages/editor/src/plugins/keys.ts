import { keymap } from 'prosemirror-keymap'
import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands'
import { undo, redo } from 'prosemirror-history'
import { undoInputRule } from 'prosemirror-inputrules'
import { Plugin, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { schema } from '@zongjie/model'
import { scrollerOf } from './long-summary.ts'
import { demoteSection, promoteSection, moveSectionUp, moveSectionDown, splitHeading, joinHeading, backspaceAtHeadingStart, backspaceAtBlockStart, deleteAtBlockEnd, exitEmptyWorkItem, selectDocumentEdge, enterOverSelection } from '@zongjie/commands'

/**
 * Enter in the title (or subtitle) goes on to the opening, making its first paragraph if needed.
 * With `carryRest`, the text after the caret goes with it, as the opening's new first paragraph
 * (as Word splits a line), never as a subtitle: Enter over a selection from the title on, whose
 * deletion leaves in the title what followed the selection. Without it the title stays whole: it
 * is one line of the summary, and Enter in its middle only goes on to the opening.
 */
export function enterFromTitleWith(carryRest: boolean): Command {
  return (state, dispatch) => {
    const { $from } = state.selection
    const name = $from.parent.type.name
    if ((name !== 'title' && name !== 'subtitle') || !state.selection.empty) return false
    let preamblePos = -1
    state.doc.forEach((child, offset) => {
      if (child.type.name === 'preamble') preamblePos = offset
    })
    if (preamblePos < 0) return false
    if (dispatch) {
      const rest = carryRest ? $from.parent.content.cut($from.parentOffset) : null
      const tr = rest?.size ? state.tr.delete($from.pos, $from.end()) : state.tr
      const at = tr.mapping.map(preamblePos) + 1
      const first = tr.doc.nodeAt(at - 1)!.firstChild
      if (rest?.size || !first || first.type.name !== 'paragraph' || first.content.size) tr.insert(at, schema.nodes.paragraph!.create(null, rest))
      dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView())
    }
    return true
  }
}

/** Enter in the title (or subtitle): on to the opening, the title left whole (see {@link enterFromTitleWith}). */
export const enterFromTitle: Command = enterFromTitleWith(false)

/**
 * Enter in the sign-off's organisation (落款单位) goes on to the start of its date, as from one line
 * of a form to the next: the text after the caret starts the date when the date is empty; with a
 * date there, the organisation stays whole.
 */
export const enterInOrganization: Command = (state, dispatch) => {
  const { $from, empty } = state.selection
  if (!empty || $from.parent.type !== schema.nodes.organization) return false
  const offset = $from.parentOffset
  const rest = $from.parent.content.cut(offset, state.doc.nodeAt($from.after())!.content.size ? offset : undefined)
  if (dispatch) {
    const tr = state.tr.delete($from.pos, $from.pos + rest.size)
    const at = tr.mapping.map($from.after()) + 1
    dispatch(tr.insert(at, rest).setSelection(TextSelection.create(tr.doc, at)).scrollIntoView())
  }
  return true
}

/**
 * Enter in the sign-off's date (落款日期): the date is the summary's last line (GB/T 9704 puts
 * nothing of a summary after it), so no line opens after it or inside it; the caret stays where
 * it is and `said` tells the writer why.
 */
export const enterInDate =
  (said?: () => void): Command =>
  (state, dispatch) => {
    if (state.selection.$head.parent.type !== schema.nodes.date) return false
    if (dispatch) said?.()
    return true
  }

/**
 * Ctrl-Home / Ctrl-End (with `extend`, Shift too): the selection to the start or end of the
 * summary, and the editor's scrolling page to its very top or bottom, the page margin included.
 */
export function toDocumentEdge(edge: 'start' | 'end', extend = false): Command {
  const move = selectDocumentEdge(edge, extend)
  return (state, dispatch, view) => {
    if (!move(state, dispatch)) return false
    const scroller = dispatch && view ? scrollerOf(view.dom) : null
    if (scroller) scroller.scrollTop = edge === 'start' ? 0 : scroller.scrollHeight
    return true
  }
}

/** What is used here of ProseMirror's view internals (prosemirror-view 1.x): the observer of the DOM. */
interface ViewInternals {
  domObserver?: {
    /** Reads what changed in the DOM, the selection included, into the state (nothing when nothing did). */
    flush?: () => void
  }
}

/**
 * Takes the browser's selection before a key is handled. A key the browser handles itself (End,
 * Home, the arrows, Page Down) moves the DOM selection, which ProseMirror reads when the
 * `selectionchange` event comes; the browser handles a key pressed before that event first (End
 * then Enter in quick succession, or on a busy page), and the key was handled at the old place:
 * Enter split the paragraph before a field instead of at the end of the line. Not during an input
 * method's composition, which reads the DOM itself.
 */
export function selectionBeforeKeys(): Plugin {
  return new Plugin({
    props: {
      handleDOMEvents: {
        keydown(view: EditorView, event: KeyboardEvent) {
          if (!view.composing && event.keyCode !== 229) (view as unknown as ViewInternals).domObserver?.flush?.()
          return false
        },
      },
    },
  })
}

/** Tab's and Shift-Tab's commands (see {@link shiftSectionsWith}). */
let shifts = { demote: demoteSection, promote: promoteSection }

/**
 * Tab and Shift-Tab, and the toolbar's 降级 and 升级 ({@link demoteShifted}, {@link promoteShifted}),
 * demote and promote with these from now on: the commands' reversible ones,
 * loaded on the writer's first focus with what reads pastes (Tab right after Shift-Tab gives back
 * what was there); until then, `demoteSection` and `promoteSection`.
 */
export function shiftSectionsWith(commands: { demote: Command; promote: Command }): void {
  shifts = commands
}

/**
 * 降级 as Tab does it: the command {@link shiftSectionsWith} last gave (Tab right after Shift-Tab,
 * or right after {@link promoteShifted}, gives back what was there). The toolbar's button.
 */
export const demoteShifted: Command = (state, dispatch, view) => shifts.demote(state, dispatch, view)

/** 升级 as Shift-Tab does it (see {@link demoteShifted}). The toolbar's button. */
export const promoteShifted: Command = (state, dispatch, view) => shifts.promote(state, dispatch, view)

/** What the editor's keys depend on. */
export interface KeysOptions {
  /** Whether Tab / Shift-Tab demote and promote sections (not in fill mode, where they go from field to field and then out). */
  sectionKeys?: () => boolean
  /** Tells the writer that Enter in the sign-off's date opens no line: the date is the summary's last (see {@link enterInDate}). */
  dateIsLast?: () => void
  /** Tells the writer that Tab (`demote`) or Shift-Tab (`promote`) has no section to act on here, and that the key again leaves the text. */
  nothingToShift?: (key: 'demote' | 'promote') => void
}

/**
 * A redo command for Ctrl-Shift-Z, which takes the key whether or not there is anything to redo.
 * With Caps Lock on, Ctrl-Shift-Z arrives as a lowercase `z`, and a keymap whose binding declines
 * it tries the key again without Shift: as Ctrl-Z, an undo.
 */
export const redoKeepingKey =
  (redoCommand: Command): Command =>
  (state, dispatch, view) => {
    redoCommand(state, dispatch, view)
    return true
  }

/**
 * The editor's keys. Enter: at the end of a heading into its body, in an empty work item out of
 * the list, in the sign-off's organisation on to its date, in its date nowhere (the summary's last
 * line; `dateIsLast` says so), over a selection across blocks the same
 * at the caret its deletion leaves (`enterOverSelection`); Tab / Shift-Tab demote / promote the section (with none to act on, held
 * once and said, `nothingToShift`, then on out of the text); Alt-↑ / Alt-↓ move it; Ctrl-Z,
 * Ctrl-Shift-Z, Ctrl-Y undo and redo; Ctrl-B bold; Ctrl-Home / Ctrl-End to the start / end of the
 * summary (with Shift, selecting), whatever the browser has drawn of a long one; Backspace right after `一、` turned a paragraph
 * into a heading takes that back, and at the start of a heading never takes its section apart; Backspace and Delete at the edge of
 * a part never select the part next to it whole (`backspaceAtBlockStart`, `deleteAtBlockEnd`). Outside these, ProseMirror's base keys.
 * Every key is handled where the browser's selection is (`selectionBeforeKeys`).
 */
export function keys(options: KeysOptions = {}): Plugin[] {
  const bold = toggleMark(schema.marks.bold!)
  const signOff = chainCommands(enterInOrganization, enterInDate(options.dateIsLast), baseKeymap.Enter!)
  const enter = chainCommands(exitEmptyWorkItem, splitHeading, enterFromTitle, signOff)
  const enterAfterDeleting = chainCommands(exitEmptyWorkItem, splitHeading, enterFromTitleWith(true), signOff)
  const sections = options.sectionKeys ?? (() => true)
  // Tab or Shift-Tab with no section to act on: held where the writer is writing, and said; the
  // same key again at once (nothing changed since), or either with the focus just come in (nothing
  // changed since either), goes on out of the text, as from any control.
  let passes: { state: EditorState; key?: string } | null = null
  const onSections =
    (key: 'demote' | 'promote'): Command =>
    (state, dispatch, view) => {
      if (!sections()) return false
      if (shifts[key](state, dispatch, view)) return true
      if (passes?.state === state && (!passes.key || passes.key === key)) return false
      passes = { state, key }
      options.nothingToShift?.(key)
      return true
    }
  return [
    selectionBeforeKeys(),
    new Plugin({ props: { handleDOMEvents: { focus: (view) => void (passes = { state: view.state }) } } }),
    keymap({
      Enter: chainCommands(enterOverSelection(enterAfterDeleting), enter),
      Backspace: chainCommands(undoInputRule, joinHeading, backspaceAtHeadingStart, backspaceAtBlockStart),
      Delete: deleteAtBlockEnd,
      Tab: onSections('demote'),
      'Shift-Tab': onSections('promote'),
      'Alt-ArrowUp': moveSectionUp,
      'Alt-ArrowDown': moveSectionDown,
      'Mod-z': undo,
      'Mod-Shift-z': redoKeepingKey(redo),
      'Mod-y': redo,
      'Mod-b': bold,
      'Mod-B': bold,
      'Mod-Home': toDocumentEdge('start'),
      'Mod-End': toDocumentEdge('end'),
      'Shift-Mod-Home': toDocumentEdge('start', true),
      'Shift-Mod-End': toDocumentEdge('end', true),
    }),
    keymap(baseKeymap),
  ]
}
