/**
 * The form example: `<zongjie-editor name="summary" required>` inside a plain `<form>` that posts
 * to `/echo`. It starts with a short draft holding one unfilled metric. With `?draft=<key>` the
 * editor keeps the writer's draft in the browser and offers it when the form is opened again.
 */
import '@zongjie/editor'
import { importText, toSummary, type Summary } from '@zongjie/model'

const editor = document.querySelector('zongjie-editor') as HTMLElement & { summary: Summary; draftKey: string }
// `?draft=<key>` keeps the draft in this browser under that key, as an OA form would under its id.
const draftKey = new URLSearchParams(location.search).get('draft')
if (draftKey) editor.draftKey = draftKey
const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')
editor.summary = toSummary(importText(draft).doc)
document.documentElement.dataset.ready = 'true'
