import { Plugin, PluginKey } from 'prosemirror-state'
import type { EditorView, NodeView } from 'prosemirror-view'
import { DOMSerializer, type Node, type NodeType, type ResolvedPos } from 'prosemirror-model'
import { isSection, sectionNumber, workItemOrdinal } from '@zongjie/model'
import { isTextOnly } from './text-only.ts'
import { caretStop, drawnInline } from './inline-blocks.ts'

/**
 * The numbering plugin's state: a count that changes with every transaction that may change a
 * number (every change of the document but a text-only one, see `isTextOnly`), and that differs
 * between states created apart.
 */
export interface NumberingState {
  outline: number
}

/** The key of the numbering plugin. */
export const numberingKey = new PluginKey<NumberingState>('zongjie-numbering')

// Each new state starts its outline count apart from every other.
let states = 0

/** Every heading's number (`一、` `（一）` `1.` `（1）`, `""` unnumbered) with its position, from the model's numbering. */
export function headingNumbers(doc: Node): { pos: number; number: string }[] {
  const out: { pos: number; number: string }[] = []
  eachHeading(doc, 0, (pos, number) => out.push({ pos, number }))
  return out
}

/** Calls `f` with the position and number of every heading at `from` or after, in document order. */
function eachHeading(doc: Node, from: number, f: (pos: number, number: string) => void) {
  const visit = (parent: Node, parentPos: number) => {
    parent.forEach((child, offset, index) => {
      const pos = parentPos + offset
      if (!isSection(child) || pos + child.nodeSize <= from) return
      if (pos + 1 >= from) f(pos + 1, sectionNumber(parent, index))
      visit(child, pos + 1)
    })
  }
  visit(doc, 0)
}

/** The number of a heading, from a position inside it (`$inside`, resolved once for the view): its section and the section's parent. */
function numberAt($inside: ResolvedPos): string {
  const depth = $inside.depth
  if (depth < 2 || !isSection($inside.node(depth - 1))) return ''
  return sectionNumber($inside.node(depth - 2), $inside.index(depth - 2))
}

/** The ordinal of a work item in its list, from a position inside it (`$inside`). */
function ordinalAt($inside: ResolvedPos): string {
  const list = $inside.node($inside.depth - 1)
  return list.type.name === 'workItems' ? workItemOrdinal(list, $inside.index($inside.depth - 1)) : ''
}

/**
 * The DOM of a numbered block, a heading or a work item: exactly what the schema's `toDOM` draws,
 * carrying the block's number in an attribute (`data-number`, `data-ordinal`) that the styles show
 * as generated content (no text in the editable DOM, so composition is never disturbed). The
 * number is set when the block is drawn, from the document being drawn, and refreshed by the
 * plugin view when a change may have changed it, so numbers are not decorations: a restructuring
 * that renumbers every later section does not make ProseMirror redraw them, and a long document
 * builds no decoration set.
 */
class NumberedView implements NodeView {
  dom: HTMLElement
  contentDOM: HTMLElement
  private readonly type: NodeType
  private readonly attr: string
  private readonly view: EditorView

  constructor(node: Node, view: EditorView, getPos: () => number | undefined, attr: string, numberOf: ($inside: ResolvedPos) => string) {
    const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node))
    this.dom = dom as HTMLElement
    this.contentDOM = contentDOM!
    this.type = node.type
    this.attr = attr
    this.view = view
    const pos = getPos()
    if (pos === undefined) return
    // One resolve gives the number and whether the block needs a caret stop.
    const $inside = view.state.doc.resolve(pos + 1)
    this.dom.setAttribute(attr, numberOf($inside))
    // A block drawn on the line of the one before begins with a caret stop; a run-in heading,
    // which the body's first block follows on its line, ends with one (see `caretStop`).
    const stop = node.type.name === 'heading' ? ($inside.node($inside.depth - 1).attrs.runIn === true ? 'end' : null) : drawnInline($inside) ? 'start' : null
    if (stop) {
      this.contentDOM = document.createElement('span')
      this.dom.append(...(stop === 'start' ? [caretStop(), this.contentDOM] : [this.contentDOM, caretStop()]))
    }
  }

  /**
   * A numbered block's view is dropped: ProseMirror may have given its place to the view of an
   * equal block drawn elsewhere (two empty sections 二、 三、, when a decoration such as another
   * writer's cursor moves between them, with no change of the document), which carries that
   * block's number. The plugin view checks every number after this update.
   */
  destroy() {
    viewsToCheck.add(this.view)
  }

  /** Any node of the same type: the plugin view keeps the number right. */
  update(node: Node) {
    return node.type === this.type
  }

  /** The number's attribute is the plugin's own, not a change of the document. */
  ignoreMutation(mutation: MutationRecord | { type: 'selection'; target: globalThis.Node }) {
    return mutation.type === 'attributes' && (mutation as MutationRecord).attributeName === this.attr
  }
}

/** The editor views where a numbered block's view was dropped since their last update (see `NumberedView.destroy`). */
const viewsToCheck = new WeakSet<EditorView>()

/** Sets `attr` of `dom` (a numbered block's, from `view.nodeDOM`) to `value` if it differs. */
function setNumber(dom: globalThis.Node | null, attr: string, value: string) {
  const el = dom as HTMLElement | null
  if (el && el.getAttribute(attr) !== value) el.setAttribute(attr, value)
}

/**
 * Sets the `data-number` of every heading at `from` or after that differs from the model's
 * numbering. Every heading draws one `.zj-heading` element, in document order: read in one query,
 * they pair with the model's headings without a lookup for each (`view.nodeDOM`), which would
 * walk the view's tree from the top every time.
 */
function refreshHeadingNumbers(view: EditorView, from = 0) {
  const headings = headingNumbers(view.state.doc)
  const elements = view.dom.querySelectorAll('.zj-heading')
  if (elements.length !== headings.length) {
    eachHeading(view.state.doc, from, (pos, number) => setNumber(view.nodeDOM(pos), 'data-number', number))
    return
  }
  headings.forEach((h, i) => {
    if (h.pos >= from) setNumber(elements[i]!, 'data-number', h.number)
  })
}

/** Sets the `data-ordinal` of every work item in a list overlapping `from`–`to` that differs from the model's ordinal. */
function refreshOrdinals(view: EditorView, from: number, to: number) {
  view.state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== 'workItems') return !node.isTextblock
    node.forEach((item, offset, index) => {
      if (item.type.name === 'workItem') setNumber(view.nodeDOM(pos + 1 + offset), 'data-ordinal', workItemOrdinal(node, index))
    })
    return false
  })
}

/** Whether a section starts or ends within `from`–`to` of `doc`, or is replaced or retyped there. */
function touchesSections(doc: Node, from: number, to: number): boolean {
  let found = false
  doc.nodesBetween(from, to, (node, pos) => {
    if (found || node.isTextblock) return false
    if (isSection(node) && (pos >= from || pos + node.nodeSize <= to)) found = true
    return !found
  })
  return found
}

/**
 * Brings the numbers shown up to date after the view went from `prev` to its document. What
 * differs lies between the first and the last difference of the two documents: ordinals are local
 * to their list, so only the lists there are renumbered; a heading's number depends on the
 * sections before it in its parent, so headings are renumbered, from the first difference on,
 * only when a section starts, ends or changes type there.
 */
function refreshChanged(view: EditorView, prev: Node) {
  const doc = view.state.doc
  const start = prev.content.findDiffStart(doc.content)
  if (start == null) return
  let { a: endA, b: endB } = prev.content.findDiffEnd(doc.content)!
  // Where a repeated stretch makes the two ends overlap the start, move them past it.
  const overlap = start - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  // ProseMirror redraws the changed stretch by whole nodes, and may give a node a view drawn for
  // another node of its type there: renumber from the start of the part the change starts in to
  // the end of the part it ends in.
  const $start = doc.resolve(start)
  const $end = doc.resolve(Math.min(endB, doc.content.size))
  const from = $start.depth ? $start.before(1) : start
  const to = $end.depth ? $end.after(1) : endB
  if (touchesSections(prev, start, endA) || touchesSections(doc, start, endB)) refreshHeadingNumbers(view, from)
  refreshOrdinals(view, from, to)
}

/**
 * The numbering plugin: numbers come from the model's functions (`sectionNumber`,
 * `workItemOrdinal`). Headings and work items carry theirs in their DOM (`data-number`,
 * `data-ordinal`), set by their node views when drawn; after a transaction that may change them
 * (typing never does), the plugin view refreshes those of the changed stretch. When the view's
 * state is replaced (a loaded document), ProseMirror may keep node views drawn for the old
 * document, so every number is refreshed then; when the view is first drawn, none needs to be.
 */
export function numbering(): Plugin<NumberingState> {
  // The views this plugin has drawn: a view it meets again has had its state replaced.
  const drawn = new WeakSet<EditorView>()
  return new Plugin<NumberingState>({
    key: numberingKey,
    state: {
      init: () => ({ outline: ++states * 1e6 }),
      apply: (tr, value) => (!tr.docChanged || isTextOnly(tr) ? value : { outline: value.outline + 1 }),
    },
    view: (view) => {
      if (drawn.has(view)) {
        refreshHeadingNumbers(view)
        refreshOrdinals(view, 0, view.state.doc.content.size)
      }
      drawn.add(view)
      return {
        update: (view, prev) => {
          if (viewsToCheck.has(view)) {
            // A block's view may stand where another was: every number checked, wherever the change.
            viewsToCheck.delete(view)
            refreshHeadingNumbers(view)
            refreshOrdinals(view, 0, view.state.doc.content.size)
          } else if (numberingKey.getState(prev)?.outline !== numberingKey.getState(view.state)?.outline) refreshChanged(view, prev.doc)
        },
      }
    },
    props: {
      nodeViews: {
        heading: (node, view, getPos) => new NumberedView(node, view, getPos, 'data-number', numberAt),
        workItem: (node, view, getPos) => new NumberedView(node, view, getPos, 'data-ordinal', ordinalAt),
      },
    },
  })
}
