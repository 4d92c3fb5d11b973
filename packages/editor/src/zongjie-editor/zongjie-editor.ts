import { ZongjieEditor } from './zongjie-editor.component.ts'

export { ZongjieEditor }

if (!customElements.get('zongjie-editor')) customElements.define('zongjie-editor', ZongjieEditor)

declare global {
  interface HTMLElementTagNameMap {
    'zongjie-editor': ZongjieEditor
  }
}
