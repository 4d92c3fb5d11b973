import { Plugin, PluginKey, TextSelection, type EditorState } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import type { EditorView } from 'prosemirror-view'
import { isTextOnly } from './text-only.ts'
import { holdsField } from './fields.ts'
import { structureChecked, replacementBetween, isSharedDocumentChange, joinSectionEmptiedBy, compositionStarts, deletionKeepsParts, deleteAcrossParts } from '@zongjie/commands'

/**
 * The selection deleted across parts where ProseMirror's deletion would not keep them, before it
 * is `typed` over or not (see `deleteAcrossParts`). Typed over, the deletion is marked
 * `compositionStarts`, as before a composition: read with the text the key puts in (in suggestion
 * mode, one suggestion of both).
 */
function clearAwkwardSelection(view: EditorView, typed?: boolean): boolean {
  const { state } = view
  if (state.selection.empty || deletionKeepsParts(state)) return false
  view.dispatch(deleteAcrossParts(state, typed).setMeta(compositionStarts, typed))
  return true
}

const printable = (e: KeyboardEvent) => e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey

/**
 * Whether what changed from `before` to `after` fits the schema, checking only where they differ:
 * the nodes in the changed range whole, and the content of each node around it (the changed range
 * can only break their content). What `before` had wrong outside the change is not the change's:
 * a node around the change whose content did not fit before either does not count against it.
 * A change of the document's attributes alone is checked on the whole document.
 */
export function changeFits(before: Node, after: Node): boolean {
  const change = replacementBetween(before, after)
  if (!change) return before.attrs === after.attrs || fits(after)
  const from = change.from
  const end = from + change.slice.size
  const $from = after.resolve(from)
  const depth = $from.sharedDepth(end)
  // The nodes around the change: positions before `from` are the same in both documents, so the same ancestors.
  const $before = before.resolve(from)
  for (let d = depth; d >= 0; d--) {
    const node = $from.node(d)
    if (!node.type.validContent(node.content) && $before.node(d).type.validContent($before.node(d).content)) return false
  }
  // The nodes in the changed range, whole.
  const parent = $from.node(depth)
  const start = $from.start(depth)
  let ok = true
  parent.forEach((child, offset) => {
    const pos = start + offset
    if (ok && pos + child.nodeSize > from && pos < end) ok = fits(child)
  })
  return ok
}

/** Whether `node` fits the schema, whole. */
function fits(node: Node): boolean {
  try {
    node.check()
    return true
  } catch {
    return false
  }
}

/** The guard's state: the document as it last fitted the schema. */
const guardKey = new PluginKey<Node>('guard')

/**
 * The document of `state` as it last fitted the schema: the state's own, except in the moment
 * after a co-edited merge left it out of the schema and before the server's repair arrives (see
 * `guard`), when it is the document before that merge. What the element gives the page (`summary`,
 * `value`, `getHTML()`, the panels, the form's value) is read from it, so that nothing the page
 * reads describes, or fails on, a structure the genre does not have.
 */
export function validDoc(state: EditorState): Node {
  return guardKey.getState(state) ?? state.doc
}

/**
 * Keeps every document valid whatever the input: a transaction whose result the schema rejects
 * where it changed the document (ProseMirror's replace can produce one when fitting awkward
 * pastes) is dropped, and a selection whose deletion by ProseMirror would not keep the summary's
 * parts (from the opening or the title into a section; over a heading taken whole, ending inside
 * its section; over whole sections, which go with their headings) is deleted across parts before typing, deleting, composing or pasting over it (see
 * `deleteAcrossParts`; typed or composed over, a heading where it starts stays to take the text;
 * Enter deletes it itself, see `enterOverSelection`). A co-edited document's own state is let
 * through as it is (see `isSharedDocumentChange`): two writers' valid changes merged can leave it
 * out of the schema for a moment, until the server repairs the merge; meanwhile the writer's own
 * changes are judged by what they change (a structural change elsewhere goes through), and
 * `validDoc` gives the document before the merge.
 */
export function guard(): Plugin<Node> {
  return new Plugin<Node>({
    key: guardKey,
    state: {
      init: (_config, state) => state.doc,
      apply(tr, valid, before) {
        if (!tr.docChanged) return valid
        if (valid === before.doc) {
          // The filter let only a change that fits through, except the shared document's own.
          if (!isSharedDocumentChange(tr) || changeFits(tr.before, tr.doc)) return tr.doc
          return valid
        }
        // Out of the schema since a merge: valid again once the whole document fits (the server's repair, or the writer's own edit).
        return fits(tr.doc) ? tr.doc : valid
      },
    },
    // A selection from a block to the middle of a later heading, deleted or typed over, leaves that
    // heading's section with an empty heading: it is taken apart, its body following the joined
    // block, or, where it cannot be (it has subsections), its heading gets its text back (see
    // `joinSectionEmptiedBy`). Where the heading was the problems' or the plans', whose section the
    // deletion merged into the part before, that section is taken out again, whole but for the
    // text selected (`restoreSectionMergedBy`, which the deletion's mapping lets it find).
    appendTransaction(trs, before, state) {
      const tr = trs[0]!
      if (trs.length !== 1 || !tr.docChanged || isSharedDocumentChange(tr)) return null
      return joinSectionEmptiedBy(before.selection, state, tr.mapping)
    },
    filterTransaction(tr) {
      if (!tr.docChanged || isTextOnly(tr) || tr.getMeta(structureChecked) || isSharedDocumentChange(tr)) return true
      return changeFits(tr.before, tr.doc)
    },
    props: {
      handleKeyDown(view, event) {
        if (event.key === 'Backspace' || event.key === 'Delete') return clearAwkwardSelection(view)
        // Enter deletes such a selection itself, as the keys' `enterOverSelection` does.
        if (printable(event)) clearAwkwardSelection(view, true)
        return false
      },
      handleTextInput(view, _from, _to, text) {
        if (view.state.selection.empty || deletionKeepsParts(view.state)) return false
        view.dispatch(deleteAcrossParts(view.state, true).insertText(text))
        return true
      },
      handleDOMEvents: {
        compositionstart(view) {
          // A selection across blocks goes before the composition, as a typed key's would (see appendTransaction).
          const { state } = view
          const { $from, $to } = state.selection
          if (!$from.sameParent($to)) view.dispatch((deletionKeepsParts(state) ? state.tr.deleteSelection() : deleteAcrossParts(state, true)).setMeta(compositionStarts, true))
          return false
        },
        paste(view) {
          clearAwkwardSelection(view)
          return false
        },
        // Text that comes with no key press (an input method committing at once, as it does
        // punctuation; an emoji or handwriting panel; dictation) over a selection across blocks or
        // over a field is put in as a typed key's is (ProseMirror's keypress), not left to the
        // browser: its edit of the DOM across blocks and fields read back lost the fields' units
        // and values, made an ordinal text or dropped the text.
        beforeinput(view, event) {
          const e = event as InputEvent
          const text = e.data
          const sel = view.state.selection
          if (e.inputType !== 'insertText' || !text || view.composing || sel.empty) return false
          if (sel instanceof TextSelection && sel.$from.sameParent(sel.$to) && !holdsField(view.state.doc, sel.from, sel.to)) return false
          e.preventDefault()
          const { from, to } = sel
          const typed = () => view.state.tr.insertText(text).scrollIntoView()
          if (!view.someProp('handleTextInput', (f) => f(view, from, to, text, typed))) view.dispatch(typed())
          return true
        },
      },
    },
  })
}
