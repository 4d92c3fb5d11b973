import type { Fragment, Node, ResolvedPos } from 'prosemirror-model'
import { Mapping, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform'
import type { Transaction } from 'prosemirror-state'
import { schema, hasSuggestionMarks, returnTitleRestToBody } from '@zongjie/model'

/**
 * A selection from a run-in section's title (`（二）提升养老服务。一是建设甲站点；二是……`) into a
 * work item or paragraph of its body, typed or deleted over, joins the rest of that block to the
 * title (`提升养老X甲站点；`, drawn with the title's stop after it). Such a rest, a work item's or a
 * clause of the body, goes back to the body, so that the title ends at its own stop with what the
 * writer typed; before the title's stops are settled, so that an item written `小标题。内容；` or
 * `小标题。内容。` goes back whole.
 * This comes with what reads the parts the writer types (the chunk that reads pastes, loaded on
 * the writer's first focus).
 */

/**
 * The clauses the writer's `edits` (the transactions that led to `tr`'s document), and `tr`'s own
 * steps, joined to the end of run-in titles, moved back to the start of their sections' bodies
 * (see {@link returnClauseToBody}), in `tr`. Returns whether `tr` changed.
 */
export function returnJoinedClausesIn(tr: Transaction, edits: readonly Transaction[] = []): boolean {
  let changed = false
  // Last first, so that the positions before stay as they were.
  for (const { at, $from } of joinedIntoTitles([...edits, tr], tr.doc).sort((a, b) => b.at - a.at)) changed = returnClauseToBody(tr, at, $from) || changed
  return changed
}

/** The body's textblocks, whose text an edit can join to the end of a title. */
const bodyBlocks = new Set(['paragraph', 'workIntro', 'workItem', 'workNote'])

/** A clause that ends in a clause mark (`；`, `，`): a work item's or a sentence's part, never a title. */
const clauseEnd = /[；;，,]$/

/**
 * Where the edits `trs` joined the rest of a body textblock (a work item, a paragraph) to a run-in
 * section's title, as a selection from the title into the body typed over or deleted does: for
 * each, the position in `doc` (the document after them) where the joined text starts in the
 * title, and where that text was in the textblock it came from (`$from`, in the document before
 * the edit that joined it).
 */
function joinedIntoTitles(trs: readonly Transaction[], doc: Node): { at: number; $from: ResolvedPos }[] {
  const maps = trs.flatMap((t) => t.mapping.maps)
  const joins: { at: number; $from: ResolvedPos }[] = []
  let index = 0
  for (const t of trs) {
    t.steps.forEach((step, i) => {
      const stepIndex = index++
      if (!(step instanceof ReplaceStep) && !(step instanceof ReplaceAroundStep)) return
      // The start of what the step kept of the textblock at its end.
      const kept = step instanceof ReplaceAroundStep ? step.gapFrom : step.to
      const [$from, $kept] = [t.docs[i]!.resolve(step.from), t.docs[i]!.resolve(kept)]
      if ($from.parent.type !== schema.nodes.heading || $from.sameParent($kept) || !bodyBlocks.has($kept.parent.type.name)) return
      const at = new Mapping(maps.slice(stepIndex)).map(kept, 1)
      if (at > doc.content.size) return
      const $at = doc.resolve(at)
      if ($at.parent.type === schema.nodes.heading && $at.node($at.depth - 1).attrs.runIn === true) joins.push({ at, $from: $kept })
    })
  }
  return joins
}

/**
 * Whether `rest`, the text of a body block joined to a run-in title, goes back to the body, given
 * where it came from (`$from`). A work item's rest always does (unless it is only a stop, the
 * title's own): its ordinal (`一是`) is drawn, never typed, so the writer who selected from the title
 * into the item took none of the item's words past the selection, and the rest reads on as the
 * item it was, whether it ends in `；` (an item of `一是……；二是……`) or in `。` (the list's last
 * item, or items written one a line). The rest of a paragraph goes back only as a clause (ending in
 * `；` or `，`); one ending in `。` reads as the title's own sentence, as the line prints it
 * (`（一）兜底X救助。` where the writer typed `X` over `保障。做好`), so it is left to settle as the
 * title, which is the line a Word user would see after the same edit.
 */
function returnsToBody(rest: Fragment, $from: ResolvedPos): boolean {
  const text = rest.textBetween(0, rest.size, '', '\ufffc').trim()
  if ($from.parent.type === schema.nodes.workItem && /[^。\s]/.test(text)) return true
  return clauseEnd.test(text)
}

/**
 * The text from `at` to the end of the run-in title holding it, when it is a body block's rest
 * joined there that goes back to the body (see {@link returnsToBody}: a work item's rest, a work
 * item's lead phrase and its content, `完善管理。全面复核；` or `……。`, included; a paragraph's clause
 * ending in `；` or `，`), moved back to the start of the section's body: as a work item of the list
 * there, or of a list made anew, when it was a work item, else as a paragraph of its own (the
 * model's `returnTitleRestToBody`). The title keeps what comes before `at` (with what the writer
 * typed), and its drawn stop. A caret in the clause stays before it, at the end of the title.
 * Returns whether `tr` changed; a title with suggestions is left to suggestion mode. Before the
 * titles' stops are settled, which would take the rest apart at its own stop.
 */
function returnClauseToBody(tr: Transaction, at: number, $from: ResolvedPos): boolean {
  const $at = tr.doc.resolve(at)
  const heading = $at.parent
  if (heading.type !== schema.nodes.heading || $at.node($at.depth - 1).attrs.runIn !== true || hasSuggestionMarks(heading)) return false
  const rest = heading.content.cut($at.parentOffset)
  if (!rest.size || !returnsToBody(rest, $from)) return false
  returnTitleRestToBody(tr, at, $from)
  return true
}
