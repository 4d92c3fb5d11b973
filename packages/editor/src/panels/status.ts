import { html, type TemplateResult } from 'lit'
import type { Node } from 'prosemirror-model'
import { displayText, metricUnfilled, type MetricAttrs } from '@zongjie/model'

/** Counts for the status line: characters (字数, white space aside) and unfilled fields. */
export function statusOf(doc: Node): { characters: number; unfilled: number } {
  let characters = 0
  let unfilled = 0
  doc.descendants((node) => {
    if (node.isTextblock) {
      characters += displayText(node).replace(/\s/g, '').length
      node.forEach((child) => {
        if (child.type.name === 'metric' && metricUnfilled(child.attrs as MetricAttrs)) unfilled++
        else if (child.type.name === 'blank' && child.attrs.value === null) unfilled++
      })
      return false
    }
    return true
  })
  return { characters, unfilled }
}

/** Renders the status line (字数, 未填写; in fill mode, 还需填写: fields and required parts left). */
export function renderStatus(s: { characters: number; unfilled: number; left?: number }): TemplateResult {
  return html`<div class="status" part="status" role="status">
    <span class="count">字数 ${s.characters}</span>
    <span class=${s.unfilled ? 'unfilled' : ''}>未填写 ${s.unfilled} 处</span>
    ${s.left === undefined
      ? ''
      : html`<span class="left ${s.left ? 'unfilled' : 'done'}">${s.left ? `填写模式：还需填写 ${s.left} 处（Tab 跳到下一处）` : '填写模式：已全部填写'}</span>`}
  </div>`
}
