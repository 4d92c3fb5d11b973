// A peer's page: Tiptap (@tiptap/core with StarterKit, its defaults), given the baseline's document
// (prosemirror-schema-basic's JSON, which is Tiptap's own: headings and paragraphs with the same
// generated text) as its `content`. Tiptap is a ProseMirror view underneath (the same ProseMirror
// packages as the baseline's): the harness instruments that view as it does the baseline's, so its
// editor work is Tiptap's handling of the input to the end of the view's update.
import { Editor, type JSONContent } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import * as h from './harness.ts'

const data = h.pageData<JSONContent>('baseline')
let editor: Editor | null = null

const view = () => editor!.view

const bench = {
  kind: 'tiptap',
  ready: data.ready,
  /** Mounts the editor: JavaScript only (to the end of the constructor, which mounts the view), and to the first frame after. */
  async mount() {
    await data.ready
    const host = document.getElementById('host')!
    const r = await h.timeMount(() => {
      editor = new Editor({ element: host, extensions: [StarterKit], content: data.get() })
    })
    h.instrumentView(view())
    return r
  },
  check() {
    const v = view()
    const lines: string[] = []
    v.state.doc.forEach((node) => lines.push(node.textContent))
    return { blocks: v.state.doc.childCount, textblocks: h.textblockCount(v), lines }
  },
  caret: (i: number, offset: number) => h.caret(view(), i, offset),
  blockText: (i: number) => h.textblockAt(view(), i).node.textContent,
  size: () => view().state.doc.content.size,
  arm: h.arm,
  cut: h.cut,
  collect: h.collect,
  settle: (ms = 0) => h.settle(view(), ms),
  paste: (text: string) => h.paste(view().dom, text),
  composing: () => view().composing,
  release: data.release,
}
;(window as any).bench = bench
