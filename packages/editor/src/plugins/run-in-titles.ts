import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { schema } from '@zongjie/model'
import type { EditorView } from 'prosemirror-view'
import { closeHistory } from 'prosemirror-history'
import { changedRanges, compositionStarts, isComposition, isWritersChange, settleRunInTitles, settleRunInTitlesIn, suggestionsResolved } from '@zongjie/commands'

/**
 * How the parts the writer types are read from what they say, once what reads text has loaded with
 * the importer's wording (`paste-read.ts`, on the writer's first focus); until then, not at all.
 */
export interface PartsReading {
  /**
   * Gives a clause of the body that the writer's `edits` joined to a run-in title back to the body
   * (the commands' `returnJoinedClausesIn`). Read before the titles' stops are settled, which would
   * take apart a clause holding a stop (a work item `小标题。内容；`).
   */
  returnClauses: (tr: Transaction, edits: readonly Transaction[]) => boolean
  /**
   * Reads the last sections' roles from their titles, the closing and the sign-off (the commands'
   * `settleSectionRolesIn` and `settleClosingIn`, or `settleResolvedClosingIn` once suggestions
   * were accepted or rejected: `resolvedFrom`, the document before).
   */
  settleParts: (tr: Transaction, justSigned: boolean, edits?: readonly Transaction[], resolvedFrom?: Node) => boolean
}

let reading: PartsReading = { returnClauses: () => false, settleParts: () => false }

/** Reads the parts the writer types with `parts` from now on (see {@link runInTitles}). */
export function readPartsWith(parts: PartsReading): void {
  reading = parts
}

/** The clauses joined to run-in titles, then the other parts, read in `tr` (see {@link PartsReading}): {@link settleEdits} with no stops to settle. */
function readParts(tr: Transaction, justSigned: boolean, edits: readonly Transaction[] = []): boolean {
  return settleEdits(tr, edits, [], justSigned, true)
}

/**
 * What the writer's `edits` (every transaction up to `tr`'s start since the last settling) left to
 * settle, in `tr`, in this order: the clauses of the body they joined to run-in titles back to the
 * body, the stops left in the run-in titles between `ranges` (in the document before `tr`), then
 * the last sections' roles, the closing and the sign-off. With `readingParts` false (an edit made
 * in suggestion mode), only the stops; `resolvedFrom`, the document before suggestions were
 * accepted or rejected (in either mode). Returns whether `tr` changed.
 */
function settleEdits(tr: Transaction, edits: readonly Transaction[], ranges: readonly (readonly [number, number])[], justSigned: boolean, readingParts: boolean, resolvedFrom?: Node): boolean {
  const clauses = readingParts && reading.returnClauses(tr, edits)
  const stops = settleRunInTitlesIn(
    tr,
    ranges.map(([from, to]) => [tr.mapping.map(from, -1), tr.mapping.map(to, 1)]),
  )
  return (readingParts && reading.settleParts(tr, justSigned, edits, resolvedFrom)) || stops || clauses
}

/**
 * The plugin's state: whether an input method's text left a stop in a run-in title, to settle once
 * committed (`pending`); whether the writer has just made the sign-off, by typing its date, and
 * the caret is still in that date (`justSigned`: what they write on after it may unmake it).
 */
interface RunInTitlesState {
  pending: boolean
  justSigned: boolean
}

const runInTitlesKey = new PluginKey<RunInTitlesState>('zongjie-run-in-titles')

const justSigned = (state: EditorState) => runInTitlesKey.getState(state)?.justSigned ?? false

/**
 * A selection across blocks that an input method's composition replaces is deleted as the
 * composition starts, in a transaction of its own (the guard's, marked `compositionStarts`): what
 * that deletion does to the parts the writer types (the sign-off typed over whole, a clause joined
 * to a run-in title) is read with the committed text, in its undo step. `edits`: that deletion and
 * every transaction since, until then; `null` otherwise.
 */
interface CompositionStart {
  edits: Transaction[] | null
}

/** What a composition left in run-in titles, settled once the composition is over (see {@link runInTitles}). */
function settleCommitted(view: EditorView, suggesting: () => boolean, start: CompositionStart): void {
  const state = view.state
  const edits = start.edits ?? []
  if (view.isDestroyed || view.composing) return
  start.edits = null
  if (!runInTitlesKey.getState(state)?.pending && !edits.length) return
  const tr = state.tr
  if (!suggesting()) settleEdits(tr, edits, [[0, state.doc.content.size]], justSigned(state), true)
  const changed = tr.docChanged
  view.dispatch(tr.setMeta(runInTitlesKey, true))
  // The composition and what was settled after it are one undo step; keys typed next, another.
  if (changed) view.dispatch(closeHistory(view.state.tr))
}

/**
 * A run-in section's title stays its first sentence (`（一）落实责任。一是……`, the stop drawn by the
 * editor): after the writer's edit, a `。` the edit left in such a title — a selection from the
 * title into the body typed over or deleted, a stop typed inside the title, a paste, suggestions
 * accepted — is settled as the commands' `settleRunInTitles` says, in the same step of the undo
 * history. What an input method composes is left as it is until it is committed, then settled
 * (unless `suggesting()`: suggestion mode makes the committed text a suggestion, which it leaves).
 * Undo and redo, another writer's change and a document loaded are taken as they are. So are the
 * last `一、` sections' roles: titled `存在的问题` or `下半年工作计划`, they become the problems or plans
 * section, as the commands' `settleSectionRolesIn` says; and the closing and the sign-off typed
 * at the end (`总之，……`, a date on the last line), as `settleClosingIn` says. Not as the writer
 * types in suggestion mode, whose suggestions could not say such a change; but once suggestions
 * are accepted or rejected (the commands' `suggestionsResolved`), in that mode or not, what that
 * made plain is read as typed, in the same undo step.
 */
export function runInTitles(suggesting: () => boolean = () => false): Plugin<RunInTitlesState> {
  const start: CompositionStart = { edits: null }
  return new Plugin<RunInTitlesState>({
    key: runInTitlesKey,
    state: {
      init: () => ({ pending: false, justSigned: false }),
      apply: (tr, value, before, state) => {
        const signOff = schema.nodes.signOff
        const made = isWritersChange(tr) && before.doc.lastChild!.type !== signOff && state.doc.lastChild!.type === signOff
        return {
          pending: tr.getMeta(runInTitlesKey) ? false : value.pending || (isComposition(tr) && isWritersChange(tr) && (settleRunInTitles([tr], state) !== null || (!suggesting() && readParts(state.tr, value.justSigned)))),
          justSigned: (made || value.justSigned) && state.selection.$head.parent.type === schema.nodes.date,
        }
      },
    },
    appendTransaction(trs, before, state) {
      // Every change since a composition started over a selection, for its positions to map on.
      start.edits?.push(...trs)
      if (!trs.some(isWritersChange) || trs.some(isComposition)) return null
      // The deletion is read with the composed text, once committed (see settleCommitted).
      if (trs.some((t) => t.getMeta(compositionStarts))) {
        start.edits = [...trs]
        return null
      }
      // A key typed before the composition's text was read takes its start with it.
      const edits = start.edits ?? trs
      start.edits = null
      // Accepting or rejecting suggestions is no edit made as suggestions, in suggestion mode too.
      const resolved = trs.some((t) => t.getMeta(suggestionsResolved)) ? before.doc : undefined
      const tr = state.tr
      return settleEdits(tr, edits, changedRanges(edits), justSigned(state), Boolean(resolved) || !suggesting(), resolved) || tr.docChanged ? tr : null
    },
    view: () => ({
      update(view) {
        // Committed: the titles are settled (after this update, not inside it).
        if (runInTitlesKey.getState(view.state)?.pending && !view.composing) queueMicrotask(() => settleCommitted(view, suggesting, start))
      },
    }),
    props: {
      // A key typed at the end of the summary that makes or unmakes the closing or the sign-off
      // (the 前 of `2024年8月1日前完成……`) goes in with that change as one transaction, so that
      // the keys typed next are of the same undo step, as any run of typing is.
      handleTextInput(view, from, _to, _text, typed) {
        const { doc } = view.state
        // Only in the last three parts (the last section, the closing, the sign-off).
        let end = doc.content.size
        for (let i = doc.childCount - 1; i >= Math.max(0, doc.childCount - 3); i--) end -= doc.child(i).nodeSize
        // What an input method composes is read once it is committed (see settleCommitted).
        if (suggesting() || view.composing || from < end) return false
        const tr = typed()
        try {
          if (!readParts(tr, justSigned(view.state))) return false
        } catch {
          // Never at the cost of the key: typed as any key is.
          return false
        }
        view.dispatch(tr.scrollIntoView())
        return true
      },
      handleDOMEvents: {
        // A composition can end with no change left to make (its text was read as it was composed):
        // once ProseMirror has ended it (20 ms after the event), the titles are settled.
        compositionend(view) {
          setTimeout(() => settleCommitted(view, suggesting, start), 25)
          return false
        },
      },
    },
  })
}
