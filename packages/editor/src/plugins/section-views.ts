import { Plugin } from 'prosemirror-state'
import type { NodeView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { isSection, sectionTypeNames } from '@zongjie/model'

/** The attributes the schema's `toDOM` gives the element of a section (`<section>`, its content in it). */
const drawnAttrs = (node: Node) => (node.type.spec.toDOM!(node) as [string, Record<string, string>, 0])[1]

/**
 * The element of a section (`一、` … `（1）`, the problems, the plans), as the schema's `toDOM` draws
 * it, kept when the section becomes another kind or changes its other attributes: titled
 * `存在的问题`, a `一、` section becomes the problems section and stays the element it was, its
 * classes and attributes brought up to date (made run-in or not, it is drawn anew, for its caret
 * stops). ProseMirror would otherwise draw the section anew, heading and body with it; drawn anew
 * right after an input method committed the heading's text, Chromium began the next composition
 * twice, its first character doubled (`人人手不足`). The classes of decorations on the element
 * (`zj-current`) stay ProseMirror's.
 */
class SectionView implements NodeView {
  dom: HTMLElement = document.createElement('section')
  contentDOM = this.dom
  /** Asked to update to a section of another kind too (ProseMirror's `multiType`). */
  readonly multiType = true

  constructor(private node: Node) {
    for (const [name, value] of Object.entries(drawnAttrs(node))) this.dom.setAttribute(name, value)
  }

  /**
   * Any section of the same layout: the element's own classes and attributes follow it. A block of
   * another type, or a section made run-in or no longer run-in, is drawn anew: its heading's and
   * body's caret stops are decided as they are drawn (see `caretStop`).
   */
  update(node: Node): boolean {
    if (!isSection(node) || node.attrs.runIn !== this.node.attrs.runIn) return false
    if (node.sameMarkup(this.node)) return true
    const before = drawnAttrs(this.node)
    const after = drawnAttrs(node)
    for (const name in before) if (!(name in after)) this.dom.removeAttribute(name)
    this.dom.classList.remove(...before.class!.split(' '))
    for (const [name, value] of Object.entries(after)) name === 'class' ? this.dom.classList.add(...value.split(' ')) : this.dom.setAttribute(name, value)
    this.node = node
    return true
  }
}

/** Draws every section with a {@link SectionView}, which a change of kind or attributes keeps. */
export function sectionViews(): Plugin {
  return new Plugin({
    props: { nodeViews: Object.fromEntries([...sectionTypeNames, 'problems', 'plans'].map((name) => [name, (node: Node) => new SectionView(node)])) },
  })
}
