import * as React from 'react'
import { createComponent, type EventName } from '@lit/react'
import { ZongjieEditor as ZongjieEditorClass, type ZongjieChangeDetail, type ZongjieErrorDetail } from '@zongjie/editor'

/**
 * The `<zongjie-editor>` element a {@link ZongjieEditor}'s ref reaches, with the element's
 * properties and methods (`summary`, `value`, `validate()`, `getHTML()`, `getText()` …):
 *
 * ```tsx
 * const ref = useRef<ZongjieEditorElement>(null)
 * // …
 * const { submittable } = ref.current!.validate()
 * ```
 */
export type ZongjieEditorElement = ZongjieEditorClass

/**
 * The events a {@link ZongjieEditor} takes as props, each the element's event of that name:
 * `onInput` (`input`, after every change), `onChange` (`change`, on leaving the editor after a
 * change), both with `event.detail.summary`, and `onError` (`error`, a refused summary or file,
 * with `event.detail.message`):
 *
 * ```tsx
 * <ZongjieEditor onInput={(e) => setTitle(e.detail.summary.title)} />
 * ```
 */
export const zongjieEditorEvents = {
  onInput: 'input' as EventName<CustomEvent<ZongjieChangeDetail>>,
  onChange: 'change' as EventName<CustomEvent<ZongjieChangeDetail>>,
  onError: 'error' as EventName<CustomEvent<ZongjieErrorDetail>>,
}

/** The element made a React component by `@lit/react`: every prop is set on the element at every render. */
const Element = createComponent({
  react: React,
  tagName: 'zongjie-editor',
  elementClass: ZongjieEditorClass,
  events: zongjieEditorEvents,
  displayName: 'ZongjieEditorElement',
})

/**
 * The props of a {@link ZongjieEditor}: the element's properties (`summary`, `value`, `toolbar`,
 * `status`, `findings`, `template`, `readonly` …), the events of {@link zongjieEditorEvents}, and
 * React's HTML attributes (`className`, `style`, `id` …):
 *
 * ```tsx
 * const props: ZongjieEditorProps = { summary, status: true, onInput: (e) => save(e.detail.summary) }
 * ```
 */
export type ZongjieEditorProps = React.ComponentPropsWithoutRef<typeof Element>

/**
 * `<zongjie-editor>` as a React component (React 18 and 19), made with `@lit/react`'s
 * `createComponent`. Properties are set on the element, `onInput`, `onChange` and `onError`
 * listen to its events, and the ref reaches the element ({@link ZongjieEditorElement}).
 *
 * `summary` and `value` are set when they change, not at every render, as React sets an
 * input's `defaultValue`: a parent that renders again on `onInput` keeps what the writer typed
 * (and where the cursor is). Give a new `summary` object (or a different `value` string) to load
 * another summary.
 *
 * ```tsx
 * import { useRef } from 'react'
 * import { ZongjieEditor, type ZongjieEditorElement } from '@zongjie/react'
 *
 * function Report({ draft }: { draft: Summary }) {
 *   const editor = useRef<ZongjieEditorElement>(null)
 *   const submit = () => {
 *     const findings = editor.current!.validate()
 *     if (findings.submittable) post(editor.current!.summary)
 *   }
 *   return <>
 *     <ZongjieEditor ref={editor} summary={draft} toolbar status onInput={(e) => console.log(e.detail.summary.title)} />
 *     <button onClick={submit}>提交</button>
 *   </>
 * }
 * ```
 */
export const ZongjieEditor = React.forwardRef<ZongjieEditorElement, ZongjieEditorProps>(function ZongjieEditor(props, ref) {
  const { summary, value, ...rest } = props
  const element = React.useRef<ZongjieEditorElement | null>(null)
  const setRef = React.useCallback(
    (node: ZongjieEditorElement | null) => {
      element.current = node
      if (typeof ref === 'function') ref(node)
      else if (ref) ref.current = node
    },
    [ref],
  )
  // After the element's own props (layout effects run child first): `template` and the rest are set.
  React.useLayoutEffect(() => {
    if (element.current && summary !== undefined) element.current.summary = summary
  }, [summary])
  React.useLayoutEffect(() => {
    if (element.current && value !== undefined) element.current.value = value
  }, [value])
  return React.createElement(Element, { ...rest, ref: setRef })
})
