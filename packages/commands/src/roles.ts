import type { Node } from 'prosemirror-model'
import { TextSelection, type Transaction } from 'prosemirror-state'
import { schema, hasSuggestionMarks, isSection, problemsHeading, signOffDate, signOffOrganization, typedClosingOpening, typedPlansHeading } from '@zongjie/model'

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
  // The last two top-level sections, read from the end (a key is not to walk a long summary).
  const tops: [Node, number][] = []
  let end = tr.doc.content.size
  for (let i = tr.doc.childCount - 1; i >= 0 && tops.length < 2; i--) {
    const child = tr.doc.child(i)
    end -= child.nodeSize
    if (child.type === schema.nodes.section1 || child.type === schema.nodes.problems || child.type === schema.nodes.plans) tops.unshift([child, end])
    else if (tops.length) break
  }
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

/** A paragraph the writer typed as it stands: no suggestion on it or in it. */
const plainParagraph = (node: Node) => node.type === schema.nodes.paragraph && !node.marks.length && !hasSuggestionMarks(node)

/**
 * The paragraphs at the end of a container (the deepest last section, or the closing): `from`, the
 * position of the first, `to`, the end of the last; `nodes`, the paragraphs in order.
 */
function trailingParagraphs(container: Node, pos: number): { nodes: Node[]; from: number; to: number } {
  const nodes: Node[] = []
  const to = pos + container.nodeSize - 1
  let from = to
  for (let i = container.childCount - 1; i >= 0; i--) {
    const child = container.child(i)
    if (!plainParagraph(child)) break
    nodes.push(child)
    from -= child.nodeSize
  }
  return { nodes: nodes.reverse(), from, to }
}

/** The deepest last section of the summary (the last section of its last section …) before the closing at `closingPos`, and its position, or null with none. */
function deepestLastSection(doc: Node, closingPos: number): { node: Node; pos: number } | null {
  let node = doc.child(doc.childCount - (doc.lastChild!.type === schema.nodes.signOff ? 3 : 2))
  if (!isSection(node)) return null
  let pos = closingPos - node.nodeSize
  while (node.lastChild && isSection(node.lastChild)) {
    pos += node.nodeSize - 1 - node.lastChild.nodeSize
    node = node.lastChild
  }
  return { node, pos }
}

/** The text a paragraph starts with: its first text node's (enough for the first words), or its whole text when it starts with a field. */
const opening = (paragraph: Node) => (paragraph.firstChild?.isText ? paragraph.firstChild.text! : paragraph.textContent)

/**
 * 结尾 and 落款 as a writer types them after the last section, read as the importer reads them:
 * - with the closing empty, the paragraphs at the end of the last section from the first that opens
 *   like a closing (`总之，……`, `综上所述，……`; see the model's `typedClosingOpening`) become the
 *   closing;
 * - with no sign-off, a last paragraph that is a date (`2024年7月10日`, the model's `signOffDate`),
 *   at the end of the closing or of the last section, becomes the sign-off's date, and the
 *   paragraph above it its organisation when it reads as one (`signOffOrganization`; else the
 *   organisation is left empty).
 *
 * Only paragraphs typed as they stand are read (none holding suggestions), and only after a
 * section: the paragraphs of a summary with none are its opening. The text stays where it is on
 * the page; the caret stays in it. Returns whether `tr` changed.
 */
export function settleClosingIn(tr: Transaction): boolean {
  let changed = false
  /** Moves the caret, if it was in `from`–`to` (now deleted), to the same place in the text now at `at`. */
  const follow = (from: number, to: number, at: number, headBefore: number) => {
    if (headBefore >= from && headBefore < to) tr.setSelection(TextSelection.create(tr.doc, at + headBefore - from))
  }
  const closingPos = () => {
    const last = tr.doc.lastChild!
    return tr.doc.content.size - last.nodeSize - (last.type === schema.nodes.signOff ? tr.doc.child(tr.doc.childCount - 2).nodeSize : 0)
  }

  // The closing, from a paragraph that opens like one.
  let at = closingPos()
  const section = deepestLastSection(tr.doc, at)
  if (!section) return false
  if (tr.doc.nodeAt(at)!.childCount === 0) {
    const trailing = trailingParagraphs(section.node, section.pos)
    const first = trailing.nodes.findIndex((p) => typedClosingOpening.test(opening(p)))
    if (first >= 0) {
      let from = trailing.from
      for (let i = 0; i < first; i++) from += trailing.nodes[i]!.nodeSize
      const headBefore = tr.selection.head
      tr.delete(from, trailing.to)
      at = tr.mapping.map(at)
      tr.insert(at + 1, trailing.nodes.slice(first))
      follow(from, trailing.to, at + 1, headBefore)
      changed = true
    }
  }

  // The sign-off, from a date on the last line and the organisation above it.
  if (tr.doc.lastChild!.type !== schema.nodes.signOff) {
    at = closingPos()
    const closing = tr.doc.nodeAt(at)!
    const last = closing.childCount ? { node: closing, pos: at } : deepestLastSection(tr.doc, at)!
    const trailing = trailingParagraphs(last.node, last.pos)
    const date = trailing.nodes[trailing.nodes.length - 1]
    // A date is a short line (`二〇二四年十二月三十一日`, spaces aside): a longer last paragraph is not read.
    if (date && date.content.size <= 30 && signOffDate.test(date.textContent.replace(/\s/g, ''))) {
      const above = trailing.nodes[trailing.nodes.length - 2]
      const organization = above && signOffOrganization(above.textContent) ? above : null
      const from = trailing.to - date.nodeSize - (organization ? organization.nodeSize : 0)
      const { organization: orgType, date: dateType, signOff } = schema.nodes
      const lines = [orgType!.create(null, organization?.content), dateType!.create(null, date.content)]
      if (lines.every((line) => line.type.validContent(line.content))) {
        const headBefore = tr.selection.head
        tr.delete(from, trailing.to)
        const end = tr.doc.content.size
        tr.insert(end, signOff!.create(null, lines))
        // The lines as they were, inside the sign-off; after an empty organisation when none was read.
        follow(from, trailing.to, end + 1 + (organization ? 0 : lines[0]!.nodeSize), headBefore)
        changed = true
      }
    }
  }
  return changed
}
