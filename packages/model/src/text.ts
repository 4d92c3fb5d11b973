import type { Node } from 'prosemirror-model'
import { displayText, isSection } from './schema.ts'
import { sectionNumber, workItemOrdinal } from './numbering.ts'
import { settledSummary } from './suggestions.ts'

/** The lines of a body block: a paragraph is one line; a joined list one line; a separate list one a paragraph. */
function blockLines(block: Node): string[] {
  if (block.type.name === 'paragraph') return [displayText(block)]
  const lines: string[] = []
  const joined = block.attrs.layout === 'joined'
  let line = ''
  block.forEach((child, _offset, index) => {
    const name = child.type.name
    const text = name === 'workItem' ? workItemOrdinal(block, index) + displayText(child) : displayText(child)
    if (joined && name !== 'workNote') line += text
    else {
      if (line) lines.push(line)
      line = ''
      lines.push(text)
    }
  })
  if (line) lines.push(line)
  return lines
}

function sectionLines(parent: Node, index: number, out: string[]) {
  const node = parent.child(index)
  const number = sectionNumber(parent, index)
  let heading = number + displayText(node.child(0))
  let i = 1
  const runIn = node.attrs.runIn === true
  if (runIn) {
    heading += '。'
    if (i < node.childCount && !isSection(node.child(i))) {
      const [first, ...rest] = blockLines(node.child(i))
      out.push(heading + (first ?? ''))
      out.push(...rest)
      i++
    } else out.push(heading)
  } else if (heading) out.push(heading)
  for (; i < node.childCount; i++) {
    const child = node.child(i)
    if (isSection(child)) sectionLines(node, i, out)
    else out.push(...blockLines(child))
  }
}

/** Options of {@link toText}. */
export interface TextOptions {
  /**
   * Which text a summary with suggestions (修订) gives: `'accepted'` (the default), the text with
   * every suggestion accepted, or `'original'`, the text before them (every one rejected).
   */
  suggestions?: 'accepted' | 'original'
}

/**
 * The summary as plain text in the conventional layout: the title, the opening, each heading with
 * its number, one paragraph a line, work items with their ordinals, the closing and the sign-off.
 * Fields read as displayed (`X名` while unfilled). {@link importText} reads this back. Suggestions
 * are settled as `options.suggestions` says, with no trace of them.
 */
export function toText(doc: Node, options: TextOptions = {}): string {
  doc = settledSummary(doc, options.suggestions !== 'original')
  const out: string[] = []
  doc.forEach((node, _offset, index) => {
    switch (node.type.name) {
      case 'title':
        out.push(displayText(node))
        break
      case 'subtitle':
        out.push(displayText(node))
        break
      case 'preamble':
      case 'closing':
        if (node.type.name === 'preamble') out.push('')
        node.forEach((block) => out.push(...blockLines(block)))
        break
      case 'signOff':
        out.push('', displayText(node.child(0)), displayText(node.child(1)))
        break
      default:
        sectionLines(doc, index, out)
    }
  })
  return out.join('\n') + '\n'
}

/**
 * The text of a range of the document (a selection) in the layout of {@link toText}, each heading
 * and work item with the number it has in the whole document: what copying puts on the clipboard.
 */
export function textBetween(doc: Node, from: number, to: number): string {
  const lines: string[] = []
  let joinNext = false
  doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (!node.isTextblock) return true
    const start = Math.max(from, pos + 1) - pos - 1
    const end = Math.min(to, pos + 1 + node.content.size) - pos - 1
    let text = displayText(node.cut(start, end))
    if (start === 0 && parent) {
      if (node.type.name === 'heading') {
        const $section = doc.resolve(pos)
        text = sectionNumber($section.node($section.depth - 1), $section.index($section.depth - 1)) + text
      } else if (node.type.name === 'workItem') text = workItemOrdinal(parent, index) + text
    }
    const joined = parent?.type.name === 'workItems' && parent.attrs.layout === 'joined' && node.type.name !== 'workNote' && index > 0
    if ((joinNext || joined) && lines.length) lines[lines.length - 1] += text
    else lines.push(text)
    joinNext = node.type.name === 'heading' && parent?.attrs.runIn === true
    if (joinNext) lines[lines.length - 1] += '。'
    return false
  })
  return lines.join('\n')
}
