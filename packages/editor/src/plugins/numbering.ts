import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { isSection, sectionNumber, workItemOrdinal } from '@zongjie/model'
import { isTextOnly } from './text-only.ts'

/** The key of the numbering plugin; its state is the set of number decorations. */
export const numberingKey = new PluginKey<DecorationSet>('zongjie-numbering')

/**
 * Decorations that show each heading's number (`一、` `（一）` `1.` `（1）`) and each work item's
 * ordinal (`一是`) as `data-number` / `data-ordinal` attributes, which the styles display with
 * generated content: no text nodes in the editable DOM, so composition is never disturbed. The
 * numbers come from the model's one numbering function.
 */
export function numberDecorations(doc: Node): DecorationSet {
  const decos: Decoration[] = []
  const visit = (parent: Node, parentPos: number) => {
    parent.forEach((child, offset, index) => {
      const pos = parentPos + offset
      if (isSection(child)) {
        const number = sectionNumber(parent, index)
        const heading = child.firstChild!
        const attrs: Record<string, string> = { 'data-number': number }
        if (child.attrs.runIn) attrs.class = 'zj-run-in-heading'
        decos.push(Decoration.node(pos + 1, pos + 1 + heading.nodeSize, attrs))
        visit(child, pos + 1)
      } else if (child.type.name === 'workItems') {
        child.forEach((item, itemOffset, itemIndex) => {
          if (item.type.name !== 'workItem') return
          const at = pos + 1 + itemOffset
          decos.push(Decoration.node(at, at + item.nodeSize, { 'data-ordinal': workItemOrdinal(child, itemIndex) }))
        })
      } else if (child.type.name === 'preamble' || child.type.name === 'closing') visit(child, pos + 1)
    })
  }
  visit(doc, 0)
  return DecorationSet.create(doc, decos)
}

/**
 * The numbering plugin: when typing changes only text, the number decorations are mapped (no
 * number can have changed); when the outline changes, they are recomputed from the tree.
 */
export function numbering(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_, state) => numberDecorations(state.doc),
      apply: (tr, set) => (!tr.docChanged ? set : isTextOnly(tr) ? set.map(tr.mapping, tr.doc) : numberDecorations(tr.doc)),
    },
    props: {
      decorations: (state) => numberingKey.getState(state),
    },
  })
}
