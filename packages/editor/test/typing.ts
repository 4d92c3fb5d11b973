import type { EditorView } from 'prosemirror-view'

/** Types `text` at the caret as the keyboard's text input does: a character at a time, through the input rules. */
export function typeKeys(view: EditorView, text: string): void {
  for (const ch of text) {
    const { from, to } = view.state.selection
    if (!view.someProp('handleTextInput', (f) => f(view, from, to, ch, () => view.state.tr.insertText(ch)))) view.dispatch(view.state.tr.insertText(ch))
  }
}

/** `text` committed by an input method at the caret: the composition's start, its text, its end, and what runs after it. */
export async function compose(view: EditorView, text: string): Promise<void> {
  view.someProp('handleDOMEvents', (h) => void h.compositionstart?.(view, new Event('compositionstart') as CompositionEvent))
  view.dispatch(view.state.tr.insertText(text))
  view.someProp('handleDOMEvents', (h) => void h.compositionend?.(view, new Event('compositionend') as CompositionEvent))
  await new Promise((resolve) => setTimeout(resolve, 30))
}
