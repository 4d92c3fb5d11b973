import { Fragment, type Node } from 'prosemirror-model'
import { Mapping } from 'prosemirror-transform'
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import { schema, hasSuggestionMarks } from '@zongjie/model'

/**
 * 连排标题 (a run-in section's title, `（一）落实责任。一是……`): its heading holds the first sentence
 * without the final `。`, which the editor and every output draw after it. An edit can leave a `。`
 * in that heading — Backspace at the start of the body joins the body to it, a selection from the
 * title into the body is typed over, a stop is typed inside the title — and the stop would then
 * show twice, or a sentence of the body be drawn as the title. Settling the heading takes the stop
 * out (it is drawn) and moves what followed it to the start of the body, so that the page reads as
 * it did with the stop deleted or typed: the title is the first sentence again.
 */

/** Text that ends a sentence or a clause: the title's drawn stop is not written after it. */
const ended = /[。！？!?…；;，,：:、]$/

/** The offset in `heading`'s content of its first `。` (a field counts one, as its size), or -1. */
function firstStop(heading: Node): number {
  return heading.textBetween(0, heading.content.size, '', '\ufffc').indexOf('。')
}

/**
 * Settles the heading at `pos` in `tr.doc` if it is a run-in section's and holds a `。` (see the
 * module's comment): the first stop goes, what followed it starts the body (its first paragraph,
 * or a new one before a list or subsections), with the stop that was drawn after it unless it ends
 * a sentence or clause of its own (`（一）兜底。保障` typed becomes `（一）兜底。保障。做好……`). A
 * caret past the stop goes with the text. Returns whether anything changed; a heading with
 * suggestions is left to suggestion mode.
 */
export function settleRunInTitleIn(tr: Transaction, pos: number): boolean {
  const heading = tr.doc.nodeAt(pos)
  if (!heading || heading.type !== schema.nodes.heading) return false
  const section = tr.doc.resolve(pos).parent
  if (section.attrs.runIn !== true || section.firstChild !== heading) return false
  const stop = firstStop(heading)
  if (stop < 0 || hasSuggestionMarks(heading)) return false
  const stopAt = pos + 1 + stop
  let rest = heading.content.cut(stop + 1)
  if (rest.size && !ended.test(rest.textBetween(0, rest.size, '', '\ufffc'))) rest = rest.append(Fragment.from(schema.text('。')))
  const { anchor, head } = tr.selection
  const steps = tr.steps.length
  tr.delete(stopAt, pos + 1 + heading.content.size)
  // The heading now ends at the stop's place: the body starts right after it.
  const bodyAt = stopAt + 1
  let restAt = -1
  if (rest.size) {
    const first = tr.doc.resolve(pos).parent.maybeChild(1)
    if (first?.type === schema.nodes.paragraph) {
      restAt = bodyAt + 1
      tr.insert(restAt, rest)
    } else {
      tr.insert(bodyAt, schema.nodes.paragraph!.create(null, rest))
      restAt = bodyAt + 1
    }
  }
  const mapping = tr.mapping.slice(steps)
  const place = (p: number) => (restAt >= 0 && p > stopAt ? restAt + Math.max(0, p - stopAt - 1) : mapping.map(p))
  return !!tr.setSelection(TextSelection.between(tr.doc.resolve(place(anchor)), tr.doc.resolve(place(head))))
}

/**
 * The writer's edit `trs` settled: every run-in heading the edits touched that holds a `。` (see
 * the module's comment), in one transaction to append to them; null when there is none.
 */
export function settleRunInTitles(trs: readonly Transaction[], state: EditorState): Transaction | null {
  return settleRunInTitlesBetween(state, changedRanges(trs))
}

/** What each step of `trs` changed, `[from, to]` mapped into the document after all of them. */
export function changedRanges(trs: readonly Transaction[]): [number, number][] {
  const maps = trs.flatMap((t) => t.mapping.maps)
  const ranges: [number, number][] = []
  maps.forEach((map, i) =>
    map.forEach((_oldStart, _oldEnd, start, end) => {
      const after = new Mapping(maps.slice(i + 1))
      ranges.push([after.map(start, -1), after.map(end, 1)])
    }),
  )
  return ranges
}

/**
 * Every run-in heading between each of `ranges` (`[from, to]` in `state.doc`) that holds a `。`,
 * settled (see the module's comment), in one transaction; null when there is none.
 */
export function settleRunInTitlesBetween(state: EditorState, ranges: readonly (readonly [number, number])[]): Transaction | null {
  const headings = new Set<number>()
  for (const [from, to] of ranges) {
    state.doc.nodesBetween(from, Math.min(to, state.doc.content.size), (node, pos, parent) => {
      if (node.type !== schema.nodes.heading) return !node.isTextblock
      if (parent!.attrs.runIn === true && firstStop(node) >= 0) headings.add(pos)
      return false
    })
  }
  if (!headings.size) return null
  const tr = state.tr
  // Last first, so that the positions before stay as they were.
  let changed = false
  for (const pos of [...headings].sort((a, b) => b - a)) changed = settleRunInTitleIn(tr, pos) || changed
  return changed ? tr : null
}
