import { html, type TemplateResult } from 'lit'
import type { Finding } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'
import { listOnce } from './list.ts'

/**
 * Renders the findings panel (检查结果) from the model's validator; `go` jumps to a finding's
 * place. The list is plain DOM, built once for each set of findings, with one click handler.
 */
export function renderFindings(findings: Finding[], go: (f: Finding) => void, t: Catalog['findings']): TemplateResult {
  const errors = findings.filter((f) => f.severity === 'error').length
  const click = (event: Event) => {
    const i = (event.target as Element).closest<HTMLElement>('button[data-index]')?.dataset.index
    if (i !== undefined) go(findings[Number(i)]!)
  }
  return html`<aside class="findings" part="findings" aria-label=${t.label} @click=${click}>
    <div class="panel-title">${findings.length ? t.title(errors) : t.label}</div>
    ${findings.length
      ? listOnce(findings, t, (li, f, i) => {
          li.className = f.severity
          li.dataset.code = f.code
          const button = li.appendChild(document.createElement('button'))
          button.type = 'button'
          button.dataset.index = String(i)
          button.textContent = t.message(f)
        })
      : html`<div class="none">${t.none}</div>`}
  </aside>`
}
