/**
 * The isolation page: the editor with the sample summary, on a clean page or a hostile one
 * (`?hostile`, `?inherited`); `?panels` shows toolbar, outline, findings, metrics and status too.
 */
import '@zongjie/editor'
import { importText, toSummary, type Summary } from '@zongjie/model'
import { sampleText } from './sample.ts'

const editor = document.querySelector('zongjie-editor') as HTMLElement & { summary: Summary }
editor.summary = toSummary(importText(sampleText).doc)
if (location.search.includes('panels')) for (const panel of ['toolbar', 'outline', 'findings', 'metrics', 'status']) editor.setAttribute(panel, '')
document.documentElement.dataset.ready = 'true'
