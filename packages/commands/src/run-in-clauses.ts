import type { Node, NodeType } from 'prosemirror-model'
import { Mapping, ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform'
import type { Transaction } from 'prosemirror-state'
import { schema, hasSuggestionMarks, returnTitleRestToBody } from '@zongjie/model'

/**
 * A selection from a run-in section's title (`（二）提升养老服务。一是建设甲站点；二是……`) into the
 * first work item or paragraph of its body, typed or deleted over, joins the rest of that item to
 * the title (`提升养老X甲站点；`, drawn with the title's stop after it). Such a rest, a clause of the
 * body, goes back to the body, so that the title ends at its own stop with what the writer typed;
 * before the title's stops are settled, so that an item written `小标题。内容；` goes back whole.
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
  for (const { at, type } of joinedIntoTitles([...edits, tr], tr.doc).sort((a, b) => b.at - a.at)) changed = returnClauseToBody(tr, at, type) || changed
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
 * title, and the type of the textblock it came from.
 */
function joinedIntoTitles(trs: readonly Transaction[], doc: Node): { at: number; type: NodeType }[] {
  const maps = trs.flatMap((t) => t.mapping.maps)
  const joins: { at: number; type: NodeType }[] = []
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
      if ($at.parent.type === schema.nodes.heading && $at.node($at.depth - 1).attrs.runIn === true) joins.push({ at, type: $kept.parent.type })
    })
  }
  return joins
}

/**
 * The text from `at` to the end of the run-in title holding it, when it is a clause of the body
 * joined there (ending in `；` or `，`, a work item's lead phrase and its content, `完善管理。全面复核；`,
 * included), moved back to the start of the section's body: as the first work item of the list
 * there when it was a work item, else as a paragraph of its own (the model's
 * `returnTitleRestToBody`). The title keeps what comes before `at` (with what the writer typed),
 * and its drawn stop. A caret in the clause stays before it, at the end of the title. Returns
 * whether `tr` changed; a title with suggestions is left to suggestion mode. Before the titles'
 * stops are settled, which would take the clause apart at its own stop.
 */
function returnClauseToBody(tr: Transaction, at: number, type: NodeType): boolean {
  const $at = tr.doc.resolve(at)
  const heading = $at.parent
  if (heading.type !== schema.nodes.heading || $at.node($at.depth - 1).attrs.runIn !== true || hasSuggestionMarks(heading)) return false
  const clause = heading.content.cut($at.parentOffset)
  if (!clause.size || !clauseEnd.test(clause.textBetween(0, clause.size, '', '\ufffc').trim())) return false
  returnTitleRestToBody(tr, at, type)
  return true
}
