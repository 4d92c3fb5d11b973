import type { Node } from 'prosemirror-model'
import { Selection, TextSelection, type Transaction } from 'prosemirror-state'
import { ReplaceAroundStep, ReplaceStep } from 'prosemirror-transform'
import { deepestLastSection } from './sections.ts'
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

/** The text a paragraph starts with: its first text node's (enough for the first words), or its whole text when it starts with a field. */
const opening = (paragraph: Node) => (paragraph.firstChild?.isText ? paragraph.firstChild.text! : paragraph.textContent)

/** A paragraph typed as it stands that opens like a closing typed at the end of the plans (`总之，……`). */
const opensClosing = (paragraph: Node) => plainParagraph(paragraph) && typedClosingOpening.test(opening(paragraph))

/**
 * Whether the plans keep something of their own with the blocks of `section` (the plans, or the
 * last of their subsections) from `index` on taken to the closing: the plans themselves a paragraph
 * or list before those blocks, a subsection its heading (the plans keep the subsection, `（二）……`
 * with its body yet to come, as the importer reads such lines).
 */
const keepsOwn = (section: Node, index: number) => index > (section.type === schema.nodes.plans ? 1 : 0)

/** A line that is a sign-off date, spaces aside; a long one is not read. */
const isDate = (line: Node) => line.content.size <= 30 && signOffDate.test(line.textContent.replace(/\s/g, ''))

/** A complete date with more written after it (`2024年8月1日前完成……`): a sentence, not a date. */
const datedSentence = new RegExp(`${signOffDate.source.replace(/\$$/, '')}\\s*\\S`)

/**
 * 结尾 and 落款 as a writer types them at the end of the summary, read as the importer reads them,
 * in the paragraph the caret is in (what the writer is typing; nothing else is read again):
 * - the last paragraph of the plans section (下步打算, the summary's last part), opening like a
 *   closing (`总之，……`, `综上所述，……`; the model's `typedClosingOpening`), starts the empty
 *   closing, where the plans keep something of their own before it: a paragraph or list, or, the
 *   paragraph being the first of their last subsection (`（二）……` holding only its heading), that
 *   subsection;
 * - the last line of the summary, when it is a date (`2024年7月10日`, the model's `signOffDate`),
 *   with no sign-off yet, becomes the sign-off's date, and the line above it its organisation
 *   when it reads as one (`signOffOrganization`; else the organisation is left empty); in the
 *   plans, the paragraph above them opening like a closing starts the empty closing, as it does
 *   typed (the three lines accepted or pasted at once). With
 *   `justSigned` (the sign-off was made so by the writer, the caret still in its date), writing on
 *   after the date (`2024年8月1日前完成……`) makes the two lines paragraphs again;
 * - the whole sign-off, organisation and date, typed or pasted over (by `tr`'s own steps or the
 *   writer's `edits` that led to `tr`'s document), leaving its date empty: what was typed becomes
 *   a paragraph at the end of the closing (or of the last section, with the closing empty), and
 *   the sign-off goes, as the lines a selection covers go in Word (deleted over, an empty line).
 *
 * Only paragraphs typed as they stand are read (none holding suggestions). The text stays where it
 * is on the page; the caret stays in it. Returns whether `tr` changed.
 */
export function settleClosingIn(tr: Transaction, justSigned = false, edits: readonly Transaction[] = []): boolean {
  const { $head } = tr.selection
  const doc = tr.doc
  const last = doc.lastChild!
  const signed = last.type === schema.nodes.signOff
  const closingPos = doc.content.size - last.nodeSize - (signed ? doc.child(doc.childCount - 2).nodeSize : 0)
  const closing = doc.nodeAt(closingPos)!
  if (signed && !last.child(1).content.size && [...edits, tr].some(typedOverSignOff)) return replaceSignOff(tr, closingPos)
  if ($head.depth < 2) return false
  const line = $head.parent
  const container = $head.node($head.depth - 1)
  const lineStart = $head.before()
  const offset = $head.parentOffset

  if (container.type === schema.nodes.signOff) return signed && justSigned && $head.index($head.depth - 1) === 1 && unsign(tr, closingPos, offset)
  if (!plainParagraph(line) || container.lastChild !== line) return false
  const section = isSection(container) ? container : null
  // The paragraph ends its container: the closing, or the deepest last section before it.
  if (!section ? container !== closing : lineStart + line.nodeSize + $head.depth - 1 !== closingPos) return false

  // The closing, from the plans' last paragraph.
  if (section && !closing.childCount && $head.node(1).type === schema.nodes.plans && keepsOwn(container, container.childCount - 1) && opensClosing(line)) {
    const steps = tr.steps.length
    tr.delete(lineStart, lineStart + line.nodeSize)
    const at = tr.mapping.slice(steps).map(closingPos)
    tr.insert(at + 1, line)
    tr.setSelection(TextSelection.create(tr.doc, at + 2 + offset))
    return true
  }

  // The sign-off, from a date on the last line and the organisation above it.
  if (signed || (section && closing.childCount) || !isDate(line)) return false
  const index = $head.index($head.depth - 1)
  const above = index > (section ? 1 : 0) ? container.child(index - 1) : null
  const organization = above && plainParagraph(above) && signOffOrganization(above.textContent) ? above : null
  // Above them, the plans' last paragraph opening like a closing starts the empty closing, as it
  // would have when typed (a sign-off and the closing above it accepted, or pasted, at once).
  const closingAt = index - (organization ? 2 : 1)
  const closingLine = section && $head.node(1).type === schema.nodes.plans && keepsOwn(container, closingAt) ? container.child(closingAt) : null
  const closes = closingLine && opensClosing(closingLine) ? closingLine : null
  const from = lineStart - (organization ? organization.nodeSize : 0) - (closes ? closes.nodeSize : 0)
  const { organization: orgType, date: dateType, signOff } = schema.nodes
  const lines = [orgType!.create(null, organization?.content), dateType!.create(null, line.content)]
  if (!lines.every((l) => l.type.validContent(l.content))) return false
  const steps = tr.steps.length
  tr.delete(from, lineStart + line.nodeSize)
  if (closes) tr.insert(tr.mapping.slice(steps).map(closingPos) + 1, closes)
  const end = tr.doc.content.size
  tr.insert(end, signOff!.create(null, lines))
  tr.setSelection(TextSelection.create(tr.doc, end + 2 + lines[0]!.nodeSize + offset))
  return true
}

/**
 * The closing and the sign-off read as {@link settleClosingIn} reads them typed, once suggestions
 * were accepted or rejected (`before`: the document then; `tr` made on what settling left). Where
 * settling changed the summary's last line (the lines of a closing and a sign-off typed in
 * suggestion mode, accepted at once or the last of them), that line is read as if the caret were
 * in it, wherever the reviewer's caret is, which stays where it was. Elsewhere, as typed. Returns
 * whether `tr` changed.
 */
export function settleResolvedClosingIn(tr: Transaction, before: Node, justSigned = false, edits: readonly Transaction[] = []): boolean {
  const caret = tr.selection
  const lastLine = Selection.atEnd(tr.doc)
  if (lastLine.$head.parent === Selection.atEnd(before).$head.parent || caret.$head.parent === lastLine.$head.parent) return settleClosingIn(tr, justSigned, edits)
  const steps = tr.steps.length
  tr.setSelection(lastLine)
  const changed = settleClosingIn(tr, false, edits)
  tr.setSelection(caret.map(tr.doc, tr.mapping.slice(steps)))
  return changed
}

/**
 * The sign-off at the end of `tr`'s document, the caret at `dateOffset` in its date, made
 * paragraphs again at the end of the closing (or of the last section, with the closing empty) when
 * its date has become a sentence. Whether `tr` changed.
 */
function unsign(tr: Transaction, closingPos: number, dateOffset: number): boolean {
  const doc = tr.doc
  const signOff = doc.lastChild!
  const [organization, date] = [signOff.child(0), signOff.child(1)]
  const signOffPos = doc.content.size - signOff.nodeSize
  if (!datedSentence.test(date.textContent)) return false
  const paragraph = schema.nodes.paragraph!
  const lines = [...(organization.content.size ? [paragraph.create(null, organization.content)] : []), paragraph.create(null, date.content)]
  // Where the lines were typed.
  const at = endOfBody(doc, closingPos)
  if (at < 0) return false
  tr.delete(signOffPos, doc.content.size)
  tr.insert(at, lines)
  const dateLine = at + lines.reduce((size, l) => size + l.nodeSize, 0) - lines[lines.length - 1]!.nodeSize
  tr.setSelection(TextSelection.create(tr.doc, dateLine + 1 + dateOffset))
  return true
}

/**
 * Where lines written above the sign-off go in `doc`: the end of the closing (at `closingPos`), or,
 * with the closing empty, the end of the deepest last section; -1 when there is no section.
 */
function endOfBody(doc: Node, closingPos: number): number {
  const closing = doc.nodeAt(closingPos)!
  if (closing.childCount) return closingPos + closing.nodeSize - 1
  const before = doc.resolve(closingPos).nodeBefore
  if (!before || !isSection(before)) return -1
  const deepest = deepestLastSection(before, closingPos - before.nodeSize)
  return deepest.pos + deepest.node.nodeSize - 1
}

/**
 * Whether a step of `tr` replaced the whole text of the sign-off at the end of its document, its
 * organisation and its date: a selection of the whole sign-off typed, pasted or deleted over.
 */
function typedOverSignOff(tr: Transaction): boolean {
  return tr.steps.some((step, i) => {
    const doc = tr.docs[i]!
    const signOff = doc.lastChild!
    if (signOff.type !== schema.nodes.signOff || !(step instanceof ReplaceStep || step instanceof ReplaceAroundStep)) return false
    const signOffPos = doc.content.size - signOff.nodeSize
    // From the start of the organisation's text to the end of the date's.
    return step.from >= signOffPos && step.from <= signOffPos + 2 && step.to >= doc.content.size - 2 && signOff.textContent.length > 0
  })
}

/**
 * The sign-off at the end of `tr`'s document, typed over whole (its date empty), replaced as a
 * writer expects: what its organisation line now holds (what was typed) becomes a paragraph at the
 * end of the closing (or of the last section, with the closing empty), the caret in it where it
 * was, and the sign-off goes. Deleted over, the paragraph is empty, as the lines a selection covers
 * leave one empty line in Word: what an input method then composes goes there. Whether `tr` changed.
 */
function replaceSignOff(tr: Transaction, closingPos: number): boolean {
  const doc = tr.doc
  const signOff = doc.lastChild!
  const typed = signOff.child(0)
  const at = endOfBody(doc, closingPos)
  if (at < 0) return false
  const { $head } = tr.selection
  const offset = $head.parent === typed ? $head.parentOffset : typed.content.size
  tr.delete(doc.content.size - signOff.nodeSize, doc.content.size)
  tr.insert(at, schema.nodes.paragraph!.create(null, typed.content))
  return !!tr.setSelection(TextSelection.create(tr.doc, at + 1 + offset))
}
