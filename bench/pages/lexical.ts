// A peer's page: Lexical (lexical, with @lexical/rich-text's HeadingNode and rich-text behaviour,
// and @lexical/history's undo, as the baseline has ProseMirror's), in a contenteditable host. The
// document is the baseline's (prosemirror-schema-basic's JSON: headings and paragraphs with the
// same generated text), built in one update as Lexical's own JSON import builds it: a HeadingNode
// (h1–h3) or ParagraphNode a block, each with one TextNode, appended to the root one by one.
//
// Lexical has no ProseMirror view: its edits reach the DOM in a commit (a microtask after the
// update that the input's event handlers start, in the same task), which reconciles the DOM and
// then calls the update listeners. The page's update listener, registered last, marks the end of
// the editor's work on the input (`h.updated`), as the end of `view.updateState` does for the
// others. Keys, IME compositions and pastes arrive as real input events, as for the others.
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, createEditor, type LexicalEditor } from 'lexical'
import { $createHeadingNode, HeadingNode, QuoteNode, registerRichText, type HeadingTagType } from '@lexical/rich-text'
import { createEmptyHistoryState, registerHistory } from '@lexical/history'
import * as h from './harness.ts'

/** The baseline's document: prosemirror-schema-basic's JSON, headings and paragraphs of one text node each. */
interface BaselineDoc {
  type: 'doc'
  content: { type: 'heading' | 'paragraph'; attrs?: { level: number }; content?: { type: 'text'; text: string }[] }[]
}

const data = h.pageData<BaselineDoc>('baseline')
let editor: LexicalEditor | null = null

/** The root's block at index `i` (every block is a textblock: a heading or a paragraph). */
function $blockAt(i: number) {
  const block = $getRoot().getChildAtIndex(i)
  if (!$isElementNode(block)) throw new Error(`no textblock ${i}`)
  return block
}

const read = <T>(fn: () => T): T => editor!.getEditorState().read(fn)

const bench = {
  kind: 'lexical',
  ready: data.ready,
  /**
   * Mounts the editor: JavaScript only (the editor created, rich text and history registered, the
   * document built, and the root element set, whose commit renders the whole document), and to the
   * first frame after.
   */
  async mount() {
    await data.ready
    const host = document.getElementById('host')!
    const r = await h.timeMount(() => {
      const e = createEditor({
        namespace: 'bench',
        nodes: [HeadingNode, QuoteNode],
        onError: (error) => {
          throw error
        },
      })
      registerRichText(e)
      registerHistory(e, createEmptyHistoryState(), 300)
      const doc = data.get()
      // The initial content, outside the undo history (as Lexical's initial editor state is).
      e.update(
        () => {
          const root = $getRoot()
          for (const block of doc.content) {
            const node = block.type === 'heading' ? $createHeadingNode(`h${block.attrs!.level}` as HeadingTagType) : $createParagraphNode()
            node.append($createTextNode(block.content?.[0]?.text ?? ''))
            root.append(node)
          }
        },
        { discrete: true, tag: 'history-merge' },
      )
      e.setRootElement(host)
      editor = e
    })
    h.observeEdits(host)
    editor!.registerUpdateListener(() => h.updated())
    return r
  },
  check() {
    return read(() => {
      const blocks = $getRoot().getChildren()
      const lines = blocks.map((b) => b.getTextContent())
      const textblocks = blocks.filter((b) => $isElementNode(b) && !b.isInline() && b.getChildren().every($isTextNode)).length
      return { blocks: blocks.length, textblocks, lines }
    })
  },
  /** Puts the cursor in block `i`, `offset` characters into it, and focuses the editor (which scrolls the cursor into view). */
  caret(i: number, offset: number) {
    editor!.getRootElement()!.focus({ preventScroll: true })
    editor!.update(
      () => {
        const text = $blockAt(i).getFirstChild()
        if (!$isTextNode(text)) throw new Error(`no text in block ${i}`)
        const at = Math.min(offset, text.getTextContentSize())
        text.select(at, at)
      },
      { discrete: true },
    )
  },
  blockText: (i: number) => read(() => $blockAt(i).getTextContent()),
  size: () => read(() => $getRoot().getTextContentSize()),
  arm: h.arm,
  cut: h.cut,
  collect: h.collect,
  settle: (ms = 0) => h.settle(() => editor!.isComposing(), ms),
  paste: (text: string) => h.paste(editor!.getRootElement()!, text),
  composing: () => editor!.isComposing(),
  release: data.release,
}
;(window as any).bench = bench
