import type { Node } from 'prosemirror-model'
import { isSection } from '@zongjie/model'

/**
 * What an edit that suggestion mode (修订) refuses did, so that the writer is told which edit
 * could not be made as suggestions (see `suggestTransaction`, which gives null for it):
 * `join`, two parts made one (two sections, two lists of work items, a heading and its body);
 * `split`, a part made two; `move`, sections moved up or down (Alt-↑, Alt-↓); `shift`, sections
 * promoted or demoted (Tab, Shift-Tab, 升级, 降级); `other`, any other edit.
 */
export type SuggestionRefusal = 'join' | 'split' | 'move' | 'shift' | 'other'

/** The headings of a document in reading order, each with its section's depth, and how many blocks it has. */
function outlineOf(doc: Node): { headings: { title: string; depth: number }[]; blocks: number } {
  const headings: { title: string; depth: number }[] = []
  let blocks = 0
  const walk = (node: Node, depth: number) =>
    node.forEach((child) => {
      if (child.isInline) return
      blocks++
      if (isSection(child)) headings.push({ title: child.firstChild?.textContent ?? '', depth })
      walk(child, isSection(child) ? depth + 1 : depth)
    })
  walk(doc, 0)
  return { headings, blocks }
}

/**
 * What the edit that made `after` from `before` did, as the writer is told when suggestion mode
 * refuses it (see {@link SuggestionRefusal}): the same headings in another order, moved; the same
 * headings at other depths, promoted or demoted; else fewer blocks, joined; more, split.
 */
export function refusalOf(before: Node, after: Node): SuggestionRefusal {
  const a = outlineOf(before)
  const b = outlineOf(after)
  const titles = (o: typeof a) => o.headings.map((h) => h.title)
  const same = (x: string[], y: string[]) => x.length === y.length && x.every((t, i) => t === y[i])
  if (a.blocks === b.blocks && !same(titles(a), titles(b)) && same([...titles(a)].sort(), [...titles(b)].sort())) return 'move'
  if (same(titles(a), titles(b)) && a.headings.some((h, i) => h.depth !== b.headings[i]!.depth)) return 'shift'
  if (b.blocks < a.blocks) return 'join'
  if (b.blocks > a.blocks) return 'split'
  return 'other'
}
