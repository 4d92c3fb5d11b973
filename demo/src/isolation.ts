/** The isolation page: the editor with the sample summary, on a clean page or a hostile one (`?hostile`). */
import '@zongjie/editor'
import { importText, toSummary, type Summary } from '@zongjie/model'
import { sampleText } from './sample.ts'

const editor = document.querySelector('zongjie-editor') as HTMLElement & { summary: Summary }
editor.summary = toSummary(importText(sampleText).doc)
document.documentElement.dataset.ready = 'true'
