import type { Node } from 'prosemirror-model'
import type { Change } from '@zongjie/model'
import { outlineOf } from '../panels/outline.ts'
import { metricRows } from '../panels/metrics.ts'

/** A place in the document: the position of a node, and whether it is a field to select. */
export interface Place {
  pos: number
  field: boolean
}

/** A part of the document (the opening, a section, the closing) and the position of its node. */
interface Part {
  node: Node
  pos: number
}

/**
 * The part a comparison's `where` names in `doc`: `导语` the opening, `结尾` the closing, otherwise
 * a section by the numbers of its parents and its own (`二、（一）`), a section without a number by
 * its title in brackets (`「存在的问题」`), as the model's comparison writes them. The sections
 * come from the outline, which keeps what it found for each part of the document.
 */
function partAt(doc: Node, where: string): Part | null {
  if (where === '导语' || where === '结尾') {
    let found: Part | null = null
    doc.forEach((node, pos) => {
      if (node.type.name === (where === '导语' ? 'preamble' : 'closing')) found = { node, pos }
    })
    return found
  }
  const path: string[] = []
  for (const entry of outlineOf(doc)) {
    path.length = entry.level - 1
    path.push(entry.number || `「${entry.title}」`)
    // The entry's place is its heading's, the first child of the section.
    if (path.join('') === where) return { node: doc.nodeAt(entry.pos - 1)!, pos: entry.pos - 1 }
  }
  return null
}

/**
 * The textblocks of a part's own text, in order, with their positions: paragraphs, and each
 * introduction, work item and note of a work-item list; not the heading, not the subsections.
 * The comparison counts a section's paragraphs so (`第2段`).
 */
function unitsOf(part: Part): Part[] {
  const units: Part[] = []
  part.node.forEach((child, offset) => {
    const pos = part.pos + 1 + offset
    if (child.type.name === 'paragraph') units.push({ node: child, pos })
    else if (child.type.name === 'workItems') child.forEach((item, o) => units.push({ node: item, pos: pos + 1 + o }))
  })
  return units
}

/** The start of a part: its heading, or for the opening and the closing their first paragraph. */
function startOf(part: Part): Place | null {
  const first = part.node.firstChild?.type.name === 'heading' ? { pos: part.pos + 1 } : unitsOf(part)[0]
  return first ? { pos: first.pos, field: false } : null
}

/**
 * Where a difference found by comparing a version with the current draft is in that draft
 * (`doc`): the title, the sign-off, a section's heading, a paragraph, or the metric whose value
 * changed. Null for what is no longer there (a removed section) and for a place not found.
 * Places in such a comparison are numbered as in the newer version, the draft.
 */
export function placeOfChange(doc: Node, change: Change): Place | null {
  switch (change.kind) {
    case 'title':
      return { pos: 0, field: false }
    case 'sign-off': {
      let place: Place | null = null
      doc.forEach((node, pos) => {
        if (node.type.name === 'signOff') place = { pos: pos + 1, field: false }
      })
      return place
    }
    case 'section-removed':
      return null
    case 'section-added':
    case 'section-retitled':
    case 'section-moved':
    case 'section-renumbered': {
      const part = partAt(doc, 'to' in change ? change.to : change.where)
      return part && startOf(part)
    }
    default: {
      const part = partAt(doc, change.where)
      if (!part) return null
      const units = unitsOf(part)
      // A removed paragraph: where it was, the paragraph now in its place (or the part's last).
      const unit = units[Math.min(change.paragraph, units.length) - 1]
      if (!unit) return startOf(part)
      const end = unit.pos + unit.node.nodeSize
      const metric = change.kind === 'metric-changed' && metricRows(doc).find((row) => row.pos > unit.pos && row.pos < end && row.text === change.new)
      return metric ? { pos: metric.pos, field: true } : { pos: unit.pos, field: false }
    }
  }
}
