import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { displayText, metricUnfilled, PartCache, type MetricAttrs } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'

/** The counts of each top-level part of a document. */
const partCounts = new PartCache<{ characters: number; unfilled: number }>()

/** The counts of one part, walked. */
function countsOf(part: Node): { characters: number; unfilled: number } {
  let characters = 0
  let unfilled = 0
  const count = (node: Node) => {
    if (!node.isTextblock) return void node.forEach(count)
    characters += displayText(node).replace(/\s/g, '').length
    node.forEach((child) => {
      if (child.type.name === 'metric' && metricUnfilled(child.attrs as MetricAttrs)) unfilled++
      else if (child.type.name === 'blank' && child.attrs.value === null) unfilled++
    })
  }
  count(part)
  return { characters, unfilled }
}

/**
 * Counts for the status line: characters (字数, white space aside) and unfilled fields. Each
 * top-level part is counted once: after an edit, only the parts it changed are counted again.
 */
export function statusOf(doc: Node): { characters: number; unfilled: number } {
  let characters = 0
  let unfilled = 0
  doc.forEach((part) => {
    const counts = partCounts.get(part, '', () => countsOf(part))
    characters += counts.characters
    unfilled += counts.unfilled
  })
  return { characters, unfilled }
}

/**
 * Renders the status line (字数, 未填写; in fill mode, 还需填写: fields and required parts left;
 * co-editing, the connection, `collab`). What fill mode has left and the connection are live
 * regions: the counts change with every word typed.
 */
export function renderStatus(s: { characters: number; unfilled: number; left?: number }, t: Catalog['status'], collab?: string): TemplateResult {
  return html`<div class="status" part="status">
    <span class="count">${t.characters(s.characters)}</span>
    <span class=${s.unfilled ? 'unfilled' : ''}>${t.unfilled(s.unfilled)}</span>
    ${s.left === undefined
      ? ''
      : html`<span class="left ${s.left ? 'unfilled' : 'done'}" role="status">${s.left ? t.fillLeft(s.left) : t.fillDone}</span>`}
    ${collab === undefined ? '' : html`<span class="collab" role="status">${collab}</span>`}
  </div>`
}
