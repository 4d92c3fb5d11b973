/**
 * `<zongjie-editor>` in Vue 3's types: the element's properties and events as props, for
 * templates (Vue's language tools read `GlobalComponents`) and for render functions
 * ({@link ZongjieEditorVueProps}). Vue sets a custom element's props as properties when the
 * element has them (`summary`, `value`, `toolbar` …) and listens to its events through `on…`
 * props; `v-model` binds `value`, the Summary JSON as one string.
 *
 * Render functions (`h('zongjie-editor', …)`) need nothing more. Templates compiled by
 * `@vitejs/plugin-vue` also need the element named a custom element, so that Vue does not look for
 * a component of that name: `vue({ template: { compilerOptions: { isCustomElement: (tag) => tag ===
 * 'zongjie-editor' } } })`; with the compiler in the browser, `app.config.compilerOptions.isCustomElement`.
 */
import type { HTMLAttributes, ReservedProps } from 'vue'
import type { ZongjieEditor, ZongjieEditorEventMap } from '@zongjie/editor'

/** The element's properties that a page sets. */
type Settable = 'summary' | 'value' | 'readonly' | 'placeholder' | 'toolbar' | 'outline' | 'findings' | 'status' | 'metrics' | 'template' | 'organization' | 'year' | 'period' | 'mode' | 'name' | 'required' | 'disabled'

/** The props of `<zongjie-editor>` in Vue: its properties, its events as `on…` listeners, `v-model`'s, and HTML's attributes. */
export type ZongjieEditorVueProps = Omit<HTMLAttributes, 'onInput' | 'onChange' | 'onError'> &
  ReservedProps &
  Partial<Pick<ZongjieEditor, Settable>> & {
    onInput?: (event: ZongjieEditorEventMap['input']) => void
    onChange?: (event: ZongjieEditorEventMap['change']) => void
    onError?: (event: ZongjieEditorEventMap['error']) => void
    /** What `v-model` (vModelText) calls with the element's new `value`. */
    'onUpdate:modelValue'?: (value: string) => void
  }

declare module 'vue' {
  interface GlobalComponents {
    /** `<zongjie-editor>`, a custom element (not a Vue component): its props for type checking templates. */
    'zongjie-editor': new () => ZongjieEditor & { $props: ZongjieEditorVueProps }
  }
}
