import { Fragment, type Node, type ResolvedPos } from 'prosemirror-model'
import { Mapping, type StepMap, type Transform } from 'prosemirror-transform'
import { schema } from './schema.ts'
import { hasSuggestionMarks } from './suggestions.ts'

/**
 * 连排标题 (a run-in section's title, `（一）落实责任。一是……`): its heading holds the first sentence
 * without the final `。`, which the editor and every output draw after it. An edit can leave a `。`
 * in that heading — Backspace at the start of the body joins the body to it, a selection from the
 * title into the body is typed over, a stop is typed inside the title, a suggestion that joins the
 * body to it is accepted — and the stop would then show twice, or a sentence of the body be drawn
 * as the title. Settling the heading takes the stop out (it is drawn) and moves what followed it to
 * the start of the body, so that the summary reads as it did with the stop deleted or typed: the
 * title is the first sentence again.
 */

/** Text that ends a sentence or a clause: the title's drawn stop is not written after it. */
const ended = /[。！？!?…；;，,：:、]$/

/** The offset in `heading`'s content of its first `。` (a field counts one, as its size), or -1. */
export function firstStop(heading: Node): number {
  return heading.textBetween(0, heading.content.size, '', '\ufffc').indexOf('。')
}

/** Where settling a run-in title moved its text: the stop's place, and where what followed it now starts (-1 when nothing did). */
export interface SettledRunInTitle {
  stopAt: number
  restAt: number
}

/**
 * Settles the heading at `pos` in `tr.doc` if it is a run-in section's and holds a `。` (see the
 * module's comment): the first stop goes, what followed it starts the body (its first paragraph,
 * or a new one before a list or subsections), with the stop that was drawn after it unless it ends
 * a sentence or clause of its own (`（一）兜底。保障` typed becomes `（一）兜底。保障。做好……`).
 * Gives where the text went, or null when nothing changed; a heading with suggestions is left as
 * it is (settling them settles it).
 */
export function settleRunInTitle(tr: Transform, pos: number): SettledRunInTitle | null {
  const heading = tr.doc.nodeAt(pos)
  if (!heading || heading.type !== schema.nodes.heading) return null
  const section = tr.doc.resolve(pos).parent
  if (section.attrs.runIn !== true || section.firstChild !== heading) return null
  const stop = firstStop(heading)
  if (stop < 0 || hasSuggestionMarks(heading)) return null
  const stopAt = pos + 1 + stop
  let rest = heading.content.cut(stop + 1)
  if (rest.size && !ended.test(rest.textBetween(0, rest.size, '', '\ufffc'))) rest = rest.append(Fragment.from(schema.text('。')))
  tr.delete(stopAt, pos + 1 + heading.content.size)
  // The heading now ends at the stop's place: the body starts right after it.
  const bodyAt = stopAt + 1
  if (!rest.size) return { stopAt, restAt: -1 }
  const first = tr.doc.resolve(pos).parent.maybeChild(1)
  if (first?.type === schema.nodes.paragraph) tr.insert(bodyAt + 1, rest)
  else tr.insert(bodyAt, schema.nodes.paragraph!.create(null, rest))
  return { stopAt, restAt: bodyAt + 1 }
}

/**
 * The text from `at` to the end of the section title holding it, in `tr.doc`, moved to the start of
 * the section's body as the block at `$from` (in the document before the edit) was, before an edit
 * joined that block's rest to the title (a selection from the title into the body deleted, typed
 * or Entered over). A work item stays a work item, whatever it ends in: the first item of the list
 * at the body's start (the item's own list, or the next one, as two lists side by side are one);
 * where the deletion took its list with it (the item was the list's last) and no such list
 * follows, the only item of a list made as that one was (`layout`: on the title's line, or one item
 * a line). Anything else goes back as a paragraph of its own. The title keeps what comes before
 * `at`. Gives where the moved text starts.
 */
export function returnTitleRestToBody(tr: Transform, at: number, $from: ResolvedPos): number {
  const $at = tr.doc.resolve(at)
  const rest = $at.parent.content.cut($at.parentOffset)
  tr.delete(at, $at.end())
  // The body starts right after the title.
  const bodyAt = at + 1
  if ($from.parent.type !== schema.nodes.workItem) {
    tr.insert(bodyAt, schema.nodes.paragraph!.create(null, rest))
    return bodyAt + 1
  }
  const item = schema.nodes.workItem!.create(null, rest)
  const list = tr.doc.nodeAt(bodyAt)
  // A list led in by words of its own is another list, which the item goes before.
  if (list?.type === schema.nodes.workItems && list.firstChild!.type !== schema.nodes.workIntro) tr.insert(bodyAt + 1, item)
  else tr.insert(bodyAt, schema.nodes.workItems!.create($from.node($from.depth - 1).attrs, item))
  // In either case, the item's text starts two steps in: into the list, then into the item.
  return bodyAt + 2
}

/** The run-in headings between each of `ranges` (`[from, to]` in `doc`) that hold a `。`: their positions, last first. */
export function runInTitlesToSettle(doc: Node, ranges: readonly (readonly [number, number])[]): number[] {
  const headings = new Set<number>()
  for (const [from, to] of ranges) {
    doc.nodesBetween(from, Math.min(to, doc.content.size), (node, pos, parent) => {
      if (node.type !== schema.nodes.heading) return !node.isTextblock
      if (parent!.attrs.runIn === true && firstStop(node) >= 0) headings.add(pos)
      return false
    })
  }
  return [...headings].sort((a, b) => b - a)
}

/** What each of the step maps `maps` changed, `[from, to]` mapped into the document after all of them. */
export function rangesChangedBy(maps: readonly StepMap[]): [number, number][] {
  const ranges: [number, number][] = []
  maps.forEach((map, i) =>
    map.forEach((_oldStart, _oldEnd, start, end) => {
      const after = new Mapping(maps.slice(i + 1))
      ranges.push([after.map(start, -1), after.map(end, 1)])
    }),
  )
  return ranges
}

/** Settles every run-in title that the steps of `tr` from `firstStep` on left holding a `。` (see {@link settleRunInTitle}). */
export function settleRunInTitlesSince(tr: Transform, firstStep: number): void {
  // Last first, so that the positions before stay as they were.
  for (const pos of runInTitlesToSettle(tr.doc, rangesChangedBy(tr.mapping.maps.slice(firstStep)))) settleRunInTitle(tr, pos)
}
