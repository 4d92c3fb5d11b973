// The element in happy-dom for the tests of its review features: mounted with a summary, removed
// after each test.
import { afterEach } from 'vitest'
import { importText, toSummary } from '@zongjie/model'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import '../src/zongjie-editor/zongjie-editor.ts'

// happy-dom has no ElementInternals: enough of it for a form-associated element.
HTMLElement.prototype.attachInternals ??= function () {
  return { form: null, validity: { valid: true }, validationMessage: '', setFormValue() {}, setValidity() {}, checkValidity: () => true, reportValidity: () => true } as unknown as ElementInternals
}

const mounted: ZongjieEditor[] = []
afterEach(() => {
  // A view left behind would still follow the page's selection, which happy-dom cannot give it
  // once its element is gone.
  for (const el of mounted.splice(0)) {
    el.remove()
    el.view?.destroy()
  }
})

/**
 * The time limit of a wait for what the element does in its own time: its first frame, a module it
 * loads on use (compiled the first time a test file imports it, seconds on a busy machine).
 * Generous, as only a wait that fails takes it all.
 */
export const loading = { timeout: 30_000 }

/** A rendered `<zongjie-editor>` with these attributes, holding the summary `text` imports to; removed after the test. */
export async function mountEditor(text: string, attributes: Record<string, string> = {}): Promise<ZongjieEditor> {
  const el = document.createElement('zongjie-editor')
  for (const [name, v] of Object.entries(attributes)) el.setAttribute(name, v)
  el.summary = toSummary(importText(text).doc)
  document.body.append(el)
  mounted.push(el)
  await el.updateComplete
  return el
}
