import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { schema, hasSuggestionMarks, problemsHeading, typedPlansHeading } from '@zongjie/model'

/** A top-level section's title, as its role is read from it. */
const titleOf = (section: Node) => section.firstChild!.textContent

/**
 * 存在的问题 and 下步打算 as a writer types them (`三、存在的问题`, `四、下半年工作计划`): the last
 * `一、` sections take the role their titles read as, where the summary has none of that role, as
 * the importer reads pasted text: the last section, titled with when and what comes next
 * (`typedPlansHeading`), becomes the plans section; the last section before the plans, titled as
 * what fell short (`problemsHeading`), the problems section. Their numbers stay; a heading holding
 * suggestions is left as it is. Returns whether `tr` changed.
 */
export function settleSectionRolesIn(tr: Transaction): boolean {
  const tops: [Node, number][] = []
  tr.doc.forEach((child, pos) => {
    if (child.type === schema.nodes.section1 || child.type === schema.nodes.problems || child.type === schema.nodes.plans) tops.push([child, pos])
  })
  let i = tops.length - 1
  let changed = false
  const become = (at: number, role: 'problems' | 'plans', wording: RegExp) => {
    const [section, pos] = tops[at]!
    if (section.type !== schema.nodes.section1 || !wording.test(titleOf(section)) || hasSuggestionMarks(section.firstChild!)) return false
    tr.setNodeMarkup(pos, schema.nodes[role], { runIn: section.attrs.runIn, part: section.attrs.part })
    return (changed = true)
  }
  if (i >= 0 && (tops[i]![0].type === schema.nodes.plans || become(i, 'plans', typedPlansHeading))) i--
  if (i >= 0) become(i, 'problems', problemsHeading)
  return changed
}
