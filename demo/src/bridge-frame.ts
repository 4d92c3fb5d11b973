/**
 * The editor's side of the iframe bridge: the host posts `{type: 'zongjie:save', id}`; the editor
 * validates and answers `{type: 'zongjie:saved', id, summary}` when the draft may be submitted, or
 * `{type: 'zongjie:invalid', id, findings}` (the errors) when not. Only the page's own origin is
 * answered.
 */
import '@zongjie/editor'
import { importText, toSummary, type Finding, type Summary } from '@zongjie/model'

type Editor = HTMLElement & { summary: Summary; validate(): Finding[] & { submittable: boolean } }
const editor = document.querySelector('zongjie-editor') as Editor
const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')
editor.summary = toSummary(importText(draft).doc)

window.addEventListener('message', (event: MessageEvent) => {
  if (event.origin !== location.origin || event.data?.type !== 'zongjie:save') return
  const id = event.data.id
  const findings = editor.validate()
  const answer = findings.submittable
    ? { type: 'zongjie:saved', id, summary: editor.summary }
    : { type: 'zongjie:invalid', id, findings: findings.filter((f) => f.severity === 'error') }
  ;(event.source as Window).postMessage(answer, event.origin)
})
document.documentElement.dataset.ready = 'true'
