// A peer's bundle: what the Lexical page (bench/pages/lexical.ts) uses, the editor, rich text
// (HeadingNode) and history, built the same way as the editor's bundle (every dependency bundled).
export { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, createEditor } from 'lexical'
export { $createHeadingNode, HeadingNode, QuoteNode, registerRichText } from '@lexical/rich-text'
export { createEmptyHistoryState, registerHistory } from '@lexical/history'
