import { Fragment, type Node } from 'prosemirror-model'
import { displayText, placeholderPattern, schema } from '@zongjie/model'
import type { BlankControl } from './paragraphs.ts'
import { mapTextblocks } from './textblocks.ts'

/**
 * The blanks (空白) of a Word file Zongjie wrote, given back from their content controls (see
 * `blankControlTag`) after the file was edited: the importer reads a blank's words as text (its
 * `X` as an unfilled blank with no label), the content control says they are a blank, with its
 * label and placeholder.
 */

/** Whether a node carries the range of one of `blanks`; its id if so. */
function blankId(node: Node, blanks: ReadonlyMap<string, BlankControl>): string | null {
  for (const m of node.marks) if (m.type.name === 'comment' && blanks.has(m.attrs.id as string)) return m.attrs.id as string
  return null
}

/** Whether a node is marked as part of a suggestion (inserted, deleted, or a field's value changed). */
function suggested(node: Node): boolean {
  return node.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion' || m.type.name === 'modification')
}

/**
 * The blank that the nodes read from one content control are: their text, unchanged by any
 * suggestion, as the blank's value (unfilled when it is a placeholder, `X` or `XX`, then its
 * placeholder), with the control's label and the first node's marks (bold, comments); or one blank
 * node, a suggestion's change of its value among its marks, given the control's label. The nodes as
 * they are when they make no blank (a change of part of the words, a value the schema refuses).
 */
function blankOf(nodes: readonly Node[], control: BlankControl): readonly Node[] {
  const first = nodes[0]!
  try {
    if (!nodes.some(suggested)) {
      const text = nodes.map(displayText).join('').trim()
      if (!text) return nodes
      const unfilled = placeholderPattern.test(text)
      const blank = schema.nodes.blank!.create({ value: unfilled ? null : text, label: control.label, placeholder: unfilled ? text : control.placeholder }, null, first.marks)
      blank.check()
      return [blank]
    }
    if (nodes.length === 1 && first.type.name === 'blank') {
      const filled = first.attrs.value !== null
      const blank = first.type.create({ ...first.attrs, label: control.label, placeholder: filled ? control.placeholder : first.attrs.placeholder }, null, first.marks)
      blank.check()
      return [blank]
    }
  } catch {
    return nodes
  }
  return nodes
}

/**
 * The document with the blanks its file's content controls say (see {@link BlankControl}): the
 * nodes read from each control's text, which carry its range as a comment mark of its id, one
 * blank with its label (see `blankOf`); those marks gone everywhere. The document itself when
 * the file has no such control.
 */
export function withBlanks(doc: Node, blanks: ReadonlyMap<string, BlankControl>): Node {
  if (!blanks.size) return doc
  const bare = (node: Node) => node.mark(node.marks.filter((m) => !(m.type.name === 'comment' && blanks.has(m.attrs.id as string))))
  return mapTextblocks(doc, (block) => {
    if (!block.childCount) return null
    let any = false
    const content: Node[] = []
    for (let i = 0; i < block.childCount; ) {
      const id = blankId(block.child(i), blanks)
      if (id === null) {
        content.push(block.child(i++))
        continue
      }
      any = true
      const group: Node[] = []
      while (i < block.childCount && blankId(block.child(i), blanks) === id) group.push(bare(block.child(i++)))
      content.push(...blankOf(group, blanks.get(id)!))
    }
    return any ? block.copy(Fragment.fromArray(content)) : null
  })
}
