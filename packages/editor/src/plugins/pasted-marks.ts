import { Fragment, Slice, type Node } from 'prosemirror-model'
import { schema, isSuggestionMark, suggestionAnchor } from '@zongjie/model'

/*
 * What a paste or a drop of what the editor itself copied leaves out (its comment marks that would
 * anchor a thread twice, its suggestions as accepted), loaded with what reads pastes, on the
 * writer's first focus (see `plugins/clipboard.ts`).
 */

/**
 * A slice without the comment marks (批注) that would anchor a thread a second time: those of a
 * thread whose text is still in `doc` outside `from`–`to` (the text being moved, if any), and
 * those of a thread `doc` does not have (text copied from another summary). Text cut and pasted
 * again keeps its comments: at paste time its thread anchors nowhere else.
 */
export function withoutForeignComments(slice: Slice, doc: Node, from = 0, to = 0): Slice {
  const type = schema.marks.comment!
  const threads = doc.attrs.comments as readonly { id: string }[]
  const verdicts = new Map<string, boolean>()
  const drop = (id: string) => {
    let d = verdicts.get(id)
    if (d === undefined) {
      const mark = type.create({ id })
      d = !threads.some((t) => t.id === id) || doc.rangeHasMark(0, from, mark) || doc.rangeHasMark(to, doc.content.size, mark)
      verdicts.set(id, d)
    }
    return d
  }
  const strip = (fragment: Fragment): Fragment => {
    const nodes: Node[] = []
    fragment.forEach((child) => {
      let node = child.isLeaf ? child : child.copy(strip(child.content))
      const marks = node.marks.filter((m) => m.type !== type || !drop(m.attrs.id as string))
      if (marks.length < node.marks.length) node = node.mark(marks)
      const last = nodes[nodes.length - 1]
      if (last?.isText && node.isText && last.sameMarkup(node)) nodes[nodes.length - 1] = schema.text(last.text! + node.text!, last.marks)
      else nodes.push(node)
    })
    return Fragment.from(nodes)
  }
  let any = false
  slice.content.descendants((node) => {
    any ||= node.marks.some((m) => m.type === type)
    return !any
  })
  return any ? new Slice(strip(slice.content), slice.openStart, slice.openEnd) : slice
}

/**
 * A pasted slice read as it would be with its suggestions (修订) accepted: what is marked deleted
 * is left out, and what is marked inserted or changed pasted as plain content without its marks
 * or the anchors at block boundaries. A suggestion is made where it stands, by its author: a
 * copy elsewhere is the text it proposes, which suggestion mode makes a new insertion by the one
 * who pastes.
 */
export function withoutSuggestions(slice: Slice): Slice {
  let any = false
  slice.content.descendants((node) => {
    any ||= node.marks.some(isSuggestionMark)
    return !any
  })
  if (!any) return slice
  const strip = (fragment: Fragment): Fragment => {
    const nodes: Node[] = []
    fragment.forEach((child) => {
      if (child.marks.some((m) => m.type === schema.marks.deletion)) return
      let node = child.isLeaf ? child : child.copy(strip(child.content))
      if (node.marks.some(isSuggestionMark)) {
        node = node.mark(node.marks.filter((m) => !isSuggestionMark(m)))
        if (node.isText) {
          const text = node.text!.replaceAll(suggestionAnchor, '')
          if (!text) return
          node = schema.text(text, node.marks)
        }
      }
      const last = nodes[nodes.length - 1]
      if (last?.isText && node.isText && last.sameMarkup(node)) nodes[nodes.length - 1] = schema.text(last.text! + node.text!, last.marks)
      else nodes.push(node)
    })
    return Fragment.from(nodes)
  }
  return new Slice(strip(slice.content), slice.openStart, slice.openEnd)
}
