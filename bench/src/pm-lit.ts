// The reference bundle: bare ProseMirror (state, view, model, transform, keymap, history, commands,
// schema-basic) and Lit, everything each package exports, built the same way as the editor.
export * as model from 'prosemirror-model'
export * as state from 'prosemirror-state'
export * as view from 'prosemirror-view'
export * as transform from 'prosemirror-transform'
export * as keymap from 'prosemirror-keymap'
export * as history from 'prosemirror-history'
export * as commands from 'prosemirror-commands'
export * as schemaBasic from 'prosemirror-schema-basic'
export * as lit from 'lit'
