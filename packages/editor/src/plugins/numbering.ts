import { Plugin, PluginKey, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView, type NodeView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { isSection, sectionNumber, workItemOrdinal } from '@zongjie/model'
import { isTextOnly } from './text-only.ts'

/** The numbering plugin's state: the ordinal decorations, and a count that changes with the outline. */
export interface NumberingState {
  ordinals: DecorationSet
  outline: number
}

/** The key of the numbering plugin. */
export const numberingKey = new PluginKey<NumberingState>('zongjie-numbering')

// Each new state starts its outline count apart from every other, so a loaded document is renumbered.
let states = 0

/**
 * Each work item's ordinal (`一是`) as a `data-ordinal` node decoration, which the styles show as
 * generated content. Ordinals are local to their list, so a change elsewhere leaves them be.
 */
export function ordinalDecorations(doc: Node): DecorationSet {
  const decos: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'workItems') {
      node.forEach((item, offset, index) => {
        if (item.type.name !== 'workItem') return
        const at = pos + 1 + offset
        decos.push(Decoration.node(at, at + item.nodeSize, { 'data-ordinal': workItemOrdinal(node, index) }))
      })
      return false
    }
    return !node.isTextblock
  })
  return DecorationSet.create(doc, decos)
}

/** Every heading's number (`一、` `（一）` `1.` `（1）`, `""` unnumbered) with its position, from the model's numbering. */
export function headingNumbers(doc: Node): { pos: number; number: string }[] {
  const out: { pos: number; number: string }[] = []
  const visit = (parent: Node, parentPos: number) => {
    parent.forEach((child, offset, index) => {
      if (!isSection(child)) return
      const pos = parentPos + offset
      out.push({ pos: pos + 1, number: sectionNumber(parent, index) })
      visit(child, pos + 1)
    })
  }
  visit(doc, 0)
  return out
}

/** The number of the heading at `pos` (the heading node's own position). */
function numberAt(doc: Node, pos: number): string {
  const $pos = doc.resolve(pos)
  const section = $pos.parent
  if (!isSection(section)) return ''
  const $section = doc.resolve($pos.before())
  return sectionNumber($section.parent, $section.index())
}

/**
 * A heading's DOM: it carries its number in `data-number`, which the styles show as generated
 * content (no text in the editable DOM, so composition is never disturbed). The number is set when
 * the heading is drawn and refreshed by the plugin view when the outline changes, so numbers are
 * not decorations: a restructuring that renumbers every later section does not make ProseMirror
 * redraw them.
 */
class HeadingView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement

  constructor(view: EditorView, getPos: () => number | undefined) {
    this.dom = this.contentDOM = document.createElement('h2')
    this.dom.className = 'zj-heading'
    const pos = getPos()
    if (pos !== undefined) this.dom.setAttribute('data-number', numberAt(view.state.doc, pos))
  }

  update(node: Node) {
    return node.type.name === 'heading'
  }

  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: globalThis.Node }) {
    return mutation.type === 'attributes' && (mutation as MutationRecord).attributeName === 'data-number'
  }
}

/** Sets every heading's `data-number` that differs from the model's numbering. */
function refreshHeadingNumbers(view: EditorView) {
  for (const { pos, number } of headingNumbers(view.state.doc)) {
    const dom = view.nodeDOM(pos) as HTMLElement | null
    if (dom && dom.getAttribute('data-number') !== number) dom.setAttribute('data-number', number)
  }
}

/**
 * The numbering plugin: numbers come from the model's one numbering function. Headings carry
 * theirs in their DOM, refreshed only when a transaction changes the outline (typing never does);
 * work-item ordinals are decorations, mapped while typing and recomputed when a list changes.
 */
export function numbering(): Plugin<NumberingState> {
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: (_, state: EditorState) => ({ ordinals: ordinalDecorations(state.doc), outline: ++states * 1e6 }),
      apply: (tr, value) => {
        if (!tr.docChanged) return value
        if (isTextOnly(tr)) return { ordinals: value.ordinals.map(tr.mapping, tr.doc), outline: value.outline }
        return { ordinals: ordinalDecorations(tr.doc), outline: value.outline + 1 }
      },
    },
    view: (view) => {
      refreshHeadingNumbers(view)
      return {
        update: (view, prev) => {
          const before = numberingKey.getState(prev)
          const now = numberingKey.getState(view.state)
          if (!before || !now || before.outline !== now.outline) refreshHeadingNumbers(view)
        },
      }
    },
    props: {
      decorations: (state) => numberingKey.getState(state)?.ordinals,
      nodeViews: { heading: (_node, view, getPos) => new HeadingView(view, getPos) },
    },
  })
}
