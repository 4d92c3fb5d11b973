// The floor of the editor's main chunk: what any editor of this genre built on ProseMirror and Lit
// ships before it can open a summary and take keys, and nothing of Zongjie's own beyond it: the
// model's schema and its reader of Summary JSON (with the numbering it draws), ProseMirror's view
// and state, a keymap with the base keymap and the undo history, and Lit. No element, styles,
// plugins, node views, structure commands, toolbar, panels, validator or writers. Built and
// measured as the editor's bundle; the main chunk's size is read against it.
export { schema, fromSummary, sectionNumber, workItemOrdinal } from '@zongjie/model'
export { EditorView } from 'prosemirror-view'
export { EditorState } from 'prosemirror-state'
export { keymap } from 'prosemirror-keymap'
export { baseKeymap } from 'prosemirror-commands'
export { history, undo, redo } from 'prosemirror-history'
export { LitElement, html, css } from 'lit'
