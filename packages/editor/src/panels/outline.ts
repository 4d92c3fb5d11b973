import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { isSection, sectionNumber, displayText } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'

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

/** Renders the outline panel (提纲); `go` moves the cursor to a heading. */
export function renderOutline(entries: OutlineEntry[], go: (pos: number) => void, t: Catalog['outline']): TemplateResult {
  return html`<nav class="outline" part="outline" aria-label=${t.label}>
    <div class="panel-title">${t.label}</div>
    <ol>
      ${entries.map(
        (e) => html`<li data-level=${e.level}>
          <button type="button" @click=${() => go(e.pos)} title=${e.number + e.title}>${e.number}${e.title || html`<i>${t.untitled}</i>`}</button>
        </li>`,
      )}
    </ol>
  </nav>`
}
