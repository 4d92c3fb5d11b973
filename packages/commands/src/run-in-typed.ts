import { TextSelection, type Transaction } from 'prosemirror-state'
import { schema, firstStop, hasSuggestionMarks, isSection } from '@zongjie/model'
import { paragraphToWorkItemIn } from './structure.ts'

/**
 * 连排标题 typed: `（一）加强救助。一是开展排查。` typed on one line, as in a word processor, is a
 * run-in section (its title the first sentence, the rest its body) when the importer reads it, so
 * it is one when typed too. This comes with what reads the parts the writer types (the chunk that
 * reads pastes, loaded on the writer's first focus).
 */

/** A work item's ordinal written at the start of a text (`一是`, `十二是`), with text after it. */
const typedOrdinal = /^[一二三四五六七八九十]+是(?=\S)/

/**
 * The heading the caret is in, of a section on its own line, once the writer has typed on past its
 * first `。` (`加强救助。一`, composed or key by key): the section becomes run-in, as the importer
 * reads the same line. The heading keeps the first sentence (its stop is drawn), the text after the
 * stop starts the body as a paragraph of its own (in the body's empty first paragraph, where it
 * has one), the caret going with it; a paragraph opening with a work item's ordinal (`一是开展排查。`)
 * becomes that work item, its typed ordinal dropped (ordinals are computed), as typing `一是` at
 * the start of a paragraph does. A heading with suggestions is left to suggestion mode. Returns
 * whether `tr` changed.
 */
export function settleTypedRunInIn(tr: Transaction): boolean {
  const { $head, empty } = tr.selection
  const heading = $head.parent
  if (!empty || heading.type !== schema.nodes.heading) return false
  const section = $head.node($head.depth - 1)
  const stop = firstStop(heading)
  if (!isSection(section) || section.attrs.runIn === true || stop <= 0 || stop >= heading.content.size - 1 || $head.parentOffset <= stop) return false
  if (hasSuggestionMarks(heading)) return false
  const headingPos = $head.before()
  const stopAt = headingPos + 1 + stop
  const rest = heading.content.cut(stop + 1)
  const caretInRest = $head.parentOffset - stop - 1
  tr.setNodeAttribute($head.before($head.depth - 1), 'runIn', true)
  tr.delete(stopAt, headingPos + 1 + heading.content.size)
  // The heading now ends right after the stop's place; the body starts there.
  const bodyAt = stopAt + 1
  const first = tr.doc.resolve(bodyAt).nodeAfter
  // Into the body's empty first paragraph, or a paragraph of its own there: its text starts at `restAt`.
  if (first?.type === schema.nodes.paragraph && !first.content.size) tr.insert(bodyAt + 1, rest)
  else tr.insert(bodyAt, schema.nodes.paragraph!.create(null, rest))
  const restAt = bodyAt + 1
  let caret = restAt + caretInRest
  const ordinal = typedOrdinal.exec(rest.textBetween(0, rest.size, '', '\ufffc'))?.[0]
  if (ordinal && caretInRest >= ordinal.length) {
    tr.delete(restAt, restAt + ordinal.length)
    // A paragraph always becomes a work item: where the item's text starts.
    caret = paragraphToWorkItemIn(tr, restAt)! + caretInRest - ordinal.length
  }
  tr.setSelection(TextSelection.create(tr.doc, caret))
  return true
}
