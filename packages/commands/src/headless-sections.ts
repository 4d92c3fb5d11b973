import { Slice, type Node } from 'prosemirror-model'
import { EditorState, type Transaction } from 'prosemirror-state'
import { ReplaceStep, Transform } from 'prosemirror-transform'
import { isSection } from '@zongjie/model'
import { childRank, dissolveTr, sectionRank, shiftSection } from './sections.ts'
import type { HeadlessSections } from './deletion.ts'
import { deleteSectionsWhole, sectionsSelectedWhole } from './whole-sections.ts'

/**
 * 随标题而去: the section at `pos` in `tr.doc`, whose heading a deletion across parts took whole
 * and emptied, the selection ending inside the section (see `deleteAcrossParts`), taken apart as
 * Word leaves a heading deleted with the text after it: the section's body reads on where it stood
 * (after its parent's body, where it is the first subsection; else at the end of the section
 * before it, its deepest last subsection; or at the end of the opening), and its subsections go
 * on under the section before it, at the level of that section's subsections (`二、` taken whole
 * with the start of its `（一）`: its `（二）` becomes the next `（N）` of `一、`); where no section
 * stands before it, they take its place a level up (the first `一、` taken so: its `（一）` becomes
 * `一、`). Returns where what was left of it now starts, or null where it cannot be taken apart
 * (a level would go below `（1）`): it then stays, its heading empty.
 */
function takeApartHeadless(tr: Transaction, pos: number): number | null {
  const $pos = tr.doc.resolve(pos)
  const section = $pos.nodeAfter
  if (!section || !isSection(section) || section.firstChild!.content.size) return null
  const prev = $pos.index() > 0 ? $pos.parent.child($pos.index() - 1) : null
  const under = prev && isSection(prev) ? prev : null
  const rank = under ? (childRank(under) ?? sectionRank(under) + 1) : sectionRank(section)
  const shifted: (Node | null)[] = []
  let subsectionsAt = -1
  section.forEach((child, offset) => {
    if (!isSection(child)) return
    if (subsectionsAt < 0) subsectionsAt = pos + 1 + offset
    shifted.push(shiftSection(child, rank - sectionRank(child), !under && $pos.depth === 0))
  })
  if (shifted.some((s) => !s)) return null
  const subsections = shifted as Node[]
  // The subsections out first: the section left with its body alone is dissolved as Backspace at its heading's start dissolves one.
  const t = new Transform(tr.doc)
  if (subsections.length) t.delete(subsectionsAt, pos + section.nodeSize - 1)
  const end = pos + t.doc.nodeAt(pos)!.nodeSize
  const dissolved = dissolveTr(EditorState.create({ doc: t.doc }), pos, true)
  if (!dissolved) return null
  const steps = t.steps.length
  dissolved.tr.steps.forEach((step) => t.step(step))
  // Under the section before, after what it holds (the body just moved into it included); or where this one stood.
  const at = t.mapping.slice(steps).map(under ? pos - 1 : end, 1)
  const inserted = t.steps.length
  try {
    t.insert(at, subsections)
    t.doc.check()
  } catch {
    return null
  }
  t.steps.forEach((step) => tr.step(step))
  return section.childCount > 1 + subsections.length ? t.mapping.slice(inserted).map(dissolved.cursor) : at
}

/**
 * The sections whose heading the selection from `from` to `to` in `doc` takes whole while ending
 * inside them, in their body or a subsection: their positions, innermost first. Not the problems
 * and the plans, whose headings name their parts (see `joinEmptiedSection`).
 */
function headingsTakenWhole(doc: Node, from: number, to: number): number[] {
  const $to = doc.resolve(to)
  const taken: number[] = []
  for (let d = $to.depth - 1; d > 0; d--) {
    const pos = $to.before(d)
    // The heading is the section's child 0; its text starts at pos + 2.
    if (isSection($to.node(d)) && !/^(problems|plans)$/.test($to.node(d).type.name) && $to.index(d) > 0 && from <= pos + 2) taken.push(pos)
  }
  return taken
}

/**
 * 随标题而去: a section whose heading a selection takes whole, ending inside the section, goes
 * with its heading where the selection is deleted (see `deleteAcrossParts`), and what is left of
 * it reads on where it stood, under the section before ({@link takeApartHeadless}). ProseMirror's
 * deletion would leave that heading empty, or give it the text of a body block, where the section
 * holds the selection's start (from the heading's start into its body: `（一）加强队伍建设。一是……`
 * from `加` into the item) or lies deeper than the section where it starts (from `一、`, or the
 * opening, into a `（一）`); a selection from one section into the body of the next at its level
 * is joined there as in Word. Typed over from the heading's start, that heading stays, to take
 * what is typed. Sections the selection takes whole go whole, with their headings (see
 * `deleteSectionsWhole`).
 */
export const headlessSections: HeadlessSections = {
  leavesHeadless(state) {
    const { $from, $to } = state.selection
    if (sectionsSelectedWhole(state)) return true
    let startDepth = $from.depth
    while (startDepth > 0 && !isSection($from.node(startDepth))) startDepth--
    return headingsTakenWhole(state.doc, $from.pos, $to.pos).some((pos) => {
      const depth = state.doc.resolve(pos).depth + 1
      return depth > startDepth || $from.before(depth) === pos
    })
  },
  deleteWhole: deleteSectionsWhole,
  takeApart(tr, state, typed) {
    const { from, to } = state.selection
    // The caret, in the document after the step it counts from.
    let caret = tr.mapping.map(from, -1)
    let caretStep = tr.steps.length
    for (const pos of headingsTakenWhole(state.doc, from, to)) {
      if (typed && from === pos + 2) continue
      const at = takeApartHeadless(tr, tr.mapping.map(pos, 1))
      if (at !== null && from === pos + 2) [caret, caretStep] = [at, tr.steps.length]
    }
    caret = tr.mapping.slice(caretStep).map(caret, -1)
    // Typed over, the deletion's last step is at the caret, where the text typed next goes: the
    // history keeps the two, when quick, in one undo step (it joins only changes next to each other).
    if (typed && tr.steps.length > caretStep) tr.step(new ReplaceStep(caret, caret, Slice.empty))
    return caret
  },
}
