import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { isSection, sectionNumber, displayText } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'
import { listOnce } from './list.ts'

/** An outline entry: a section's depth, number, title and the position of its heading. */
export interface OutlineEntry {
  level: number
  number: string
  title: string
  pos: number
}

/** The outline of a document: every section with its number and title, in order. */
export function outlineOf(doc: Node): OutlineEntry[] {
  const out: OutlineEntry[] = []
  const visit = (parent: Node, parentPos: number, level: number) => {
    parent.forEach((child, offset, index) => {
      if (!isSection(child)) return
      const pos = parentPos + offset
      out.push({ level, number: sectionNumber(parent, index), title: displayText(child.firstChild!), pos: pos + 1 })
      visit(child, pos + 1, level + 1)
    })
  }
  visit(doc, 0, 1)
  return out
}

/** Whether two outlines list the same sections, numbers, titles and places. */
export function sameOutline(a: OutlineEntry[], b: OutlineEntry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.level === b[i]!.level && e.pos === b[i]!.pos && e.number === b[i]!.number && e.title === b[i]!.title)
}

/**
 * Renders the outline panel (提纲); `go` moves the cursor to a heading. The list is plain DOM,
 * built once for each outline (a long summary has hundreds of headings), with one click handler.
 */
export function renderOutline(entries: OutlineEntry[], go: (pos: number) => void, t: Catalog['outline']): TemplateResult {
  const list = listOnce(entries, t, (li, e) => {
    li.dataset.level = String(e.level)
    const button = li.appendChild(document.createElement('button'))
    button.type = 'button'
    button.dataset.pos = String(e.pos)
    button.title = e.number + e.title
    button.append(e.number)
    if (e.title) button.append(e.title)
    else button.appendChild(document.createElement('i')).textContent = t.untitled
  })
  const click = (event: Event) => {
    const pos = (event.target as Element).closest<HTMLElement>('button[data-pos]')?.dataset.pos
    if (pos !== undefined) go(Number(pos))
  }
  return html`<nav class="outline" part="outline" aria-label=${t.label} @click=${click}>
    <div class="panel-title">${t.label}</div>
    ${list}
  </nav>`
}
