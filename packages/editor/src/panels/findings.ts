import { html, type TemplateResult } from 'lit'
import type { Finding } from '@zongjie/model'

/** Renders the findings panel (检查结果) from the model's validator; `go` jumps to a finding's place. */
export function renderFindings(findings: Finding[], go: (f: Finding) => void): TemplateResult {
  const errors = findings.filter((f) => f.severity === 'error').length
  return html`<aside class="findings" part="findings" aria-label="检查结果">
    <div class="panel-title">检查结果${findings.length ? `（${errors} 项须处理）` : ''}</div>
    ${findings.length
      ? html`<ol>
          ${findings.map(
            (f) => html`<li class=${f.severity} data-code=${f.code}>
              <button type="button" @click=${() => go(f)}>${f.message}</button>
            </li>`,
          )}
        </ol>`
      : html`<div class="none">未发现问题</div>`}
  </aside>`
}
