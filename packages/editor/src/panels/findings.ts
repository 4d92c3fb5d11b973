import { html, type TemplateResult } from 'lit'
import type { Finding } from '@zongjie/model'
import type { Catalog } from '../locales/index.ts'

/** Renders the findings panel (检查结果) from the model's validator; `go` jumps to a finding's place. */
export function renderFindings(findings: Finding[], go: (f: Finding) => void, t: Catalog['findings']): TemplateResult {
  const errors = findings.filter((f) => f.severity === 'error').length
  return html`<aside class="findings" part="findings" aria-label=${t.label}>
    <div class="panel-title">${findings.length ? t.title(errors) : t.label}</div>
    ${findings.length
      ? html`<ol>
          ${findings.map(
            (f) => html`<li class=${f.severity} data-code=${f.code}>
              <button type="button" @click=${() => go(f)}>${t.message(f)}</button>
            </li>`,
          )}
        </ol>`
      : html`<div class="none">${t.none}</div>`}
  </aside>`
}
