import { html, type TemplateResult } from 'lit'
import type { Finding } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'
import { PanelList, entryIndex } from './list.ts'

/** A list for the findings panel of one element: kept while every finding reads the same (severity, code, message, place). */
export function findingsList(): PanelList<Finding, Catalog['findings']> {
  return new PanelList(
    (a, b) => a.severity === b.severity && a.code === b.code && a.message === b.message && a.where === b.where,
    (li, f, i, t) => {
      li.className = f.severity
      li.dataset.code = f.code
      const button = li.appendChild(document.createElement('button'))
      button.type = 'button'
      button.dataset.index = String(i)
      button.textContent = t.message(f)
    },
  )
}

/**
 * Renders the findings panel (检查结果) from the model's validator with the element's `list`;
 * `go` jumps to a finding's place, looked up in `findings` when its entry is clicked. Its title,
 * with the count of what is to resolve, is a polite live region: a screen reader tells the change.
 */
export function renderFindings(findings: Finding[], list: PanelList<Finding, Catalog['findings']>, go: (f: Finding) => void, t: Catalog['findings']): TemplateResult {
  const errors = findings.filter((f) => f.severity === 'error').length
  const click = (event: Event) => {
    const i = entryIndex(event)
    if (i !== null && findings[i]) go(findings[i])
  }
  return html`<aside class="findings" part="findings" aria-label=${t.label} @click=${click}>
    <div class="panel-title" role="status">${findings.length ? t.title(errors) : t.label}</div>
    ${findings.length ? list.of(findings, t) : html`<div class="none">${t.none}</div>`}
  </aside>`
}
