// The floor page, for mounting only: ProseMirror alone drawing Zongjie's document, with Zongjie's
// schema and its `toDOM`, from ProseMirror's own JSON (`Node.fromJSON`, which checks nothing
// beyond the schema). No plugins, node views, styles or Lit: what any editor pays for the
// document's structure (nested sections, headings, work items, inline fields) before any of its
// own work. The editor's mount is compared with it to tell the structure's cost from the editor's.
import 'prosemirror-view/style/prosemirror.css'
import { Node } from 'prosemirror-model'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { schema } from '@zongjie/model'
import * as h from './harness.ts'

const data = h.pageData<unknown>('floor')
let view: EditorView | null = null

const bench = {
  kind: 'floor',
  ready: data.ready,
  /** Mounts the view: JavaScript only (to the end of the constructor), and to the first frame after. */
  async mount() {
    await data.ready
    const host = document.getElementById('host')!
    return h.timeMount(() => {
      view = new EditorView(host, { state: EditorState.create({ doc: Node.fromJSON(schema, data.get()) }) })
    })
  },
  /** The textblocks' text: without the numbers and ordinals, which this page does not draw, and with U+FFFC for each field. */
  check() {
    const v = view!
    const lines: string[] = []
    v.state.doc.descendants((node) => {
      if (!node.isTextblock) return true
      lines.push(node.textBetween(0, node.content.size, '', '\ufffc'))
      return false
    })
    return { blocks: v.state.doc.childCount, textblocks: h.textblockCount(v), lines }
  },
  release: data.release,
}
;(window as any).bench = bench
