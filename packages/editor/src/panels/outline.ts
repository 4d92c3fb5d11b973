import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { isSection, sectionNumber, displayText, PartCache } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'
import { PanelList, entryIndex } from './list.ts'

/** An outline entry: a section's depth, number, title and the position of its heading. */
export interface OutlineEntry {
  level: number
  number: string
  title: string
  pos: number
}

/** The outline of each top-level section, with places counted from its start, under the section's number. */
const partOutlines = new PartCache<OutlineEntry[]>()

/** The entries of the sections in `parent`'s content, `parent` starting at `parentPos`, added to `out`. */
function collect(parent: Node, parentPos: number, level: number, out: OutlineEntry[]) {
  parent.forEach((child, offset, index) => {
    if (!isSection(child)) return
    const pos = parentPos + offset
    out.push({ level, number: sectionNumber(parent, index), title: displayText(child.firstChild!), pos: pos + 1 })
    collect(child, pos + 1, level + 1, out)
  })
}

/**
 * The outline of a document: every section with its number and title, in order. A top-level
 * section unchanged since an earlier call, with the same number, is not walked again.
 */
export function outlineOf(doc: Node): OutlineEntry[] {
  const out: OutlineEntry[] = []
  doc.forEach((part, offset, index) => {
    if (!isSection(part)) return
    const number = sectionNumber(doc, index)
    const own = partOutlines.get(part, number, () => {
      const entries: OutlineEntry[] = [{ level: 1, number, title: displayText(part.firstChild!), pos: 1 }]
      collect(part, 1, 2, entries)
      return entries
    })
    for (const e of own) out.push({ level: e.level, number: e.number, title: e.title, pos: offset + e.pos })
  })
  return out
}

/** A list for the outline panel of one element: kept while every entry reads the same (level, number, title). */
export function outlineList(): PanelList<OutlineEntry, Catalog['outline']> {
  return new PanelList(
    (a, b) => a.level === b.level && a.number === b.number && a.title === b.title,
    (li, e, i, t) => {
      li.dataset.level = String(e.level)
      const button = li.appendChild(document.createElement('button'))
      button.type = 'button'
      button.dataset.index = String(i)
      button.title = e.number + e.title
      button.append(e.number)
      if (e.title) button.append(e.title)
      else button.appendChild(document.createElement('i')).textContent = t.untitled
    },
  )
}

/**
 * Renders the outline panel (提纲) with the element's `list`; `go` moves the cursor to a heading,
 * whose place is looked up in `entries` when its entry is clicked.
 */
export function renderOutline(entries: OutlineEntry[], list: PanelList<OutlineEntry, Catalog['outline']>, go: (pos: number) => void, t: Catalog['outline']): TemplateResult {
  const click = (event: Event) => {
    const i = entryIndex(event)
    if (i !== null && entries[i]) go(entries[i].pos)
  }
  return html`<nav class="outline" part="outline" aria-label=${t.label} @click=${click}>
    <div class="panel-title">${t.label}</div>
    ${list.of(entries, t)}
  </nav>`
}
