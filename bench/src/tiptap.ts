// A peer's bundle: what the Tiptap page (bench/pages/tiptap.ts) uses, the editor and StarterKit,
// built the same way as the editor's bundle (every dependency bundled, ProseMirror included).
export { Editor } from '@tiptap/core'
export { StarterKit } from '@tiptap/starter-kit'
