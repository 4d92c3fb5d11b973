// The baseline page: bare ProseMirror with prosemirror-schema-basic's schema, the history, a keymap
// and the base keymap, nothing else. Tab toggles the heading at the cursor between levels 2 and 3
// with setBlockType (the bench's restructuring edit); Mod-z / Mod-y undo and redo.
import 'prosemirror-view/style/prosemirror.css'
import { Node } from 'prosemirror-model'
import { EditorState, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { schema } from 'prosemirror-schema-basic'
import { keymap } from 'prosemirror-keymap'
import { history, undo, redo } from 'prosemirror-history'
import { baseKeymap, setBlockType } from 'prosemirror-commands'
import * as h from './harness.ts'

const toggleHeadingLevel: Command = (state, dispatch) => {
  const parent = state.selection.$from.parent
  if (parent.type !== schema.nodes.heading) return false
  return setBlockType(schema.nodes.heading, { level: parent.attrs.level === 2 ? 3 : 2 })(state, dispatch)
}

const data = h.pageData<unknown>('baseline')
let view: EditorView | null = null

const bench = {
  kind: 'baseline',
  ready: data.ready,
  /** Mounts the editor: JavaScript only (to the end of the constructor), and to the first frame after. */
  async mount() {
    await data.ready
    const host = document.getElementById('host')!
    const r = await h.timeMount(() => {
      const doc = Node.fromJSON(schema, data.get())
      const state = EditorState.create({
        doc,
        plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo, Tab: toggleHeadingLevel }), keymap(baseKeymap)],
      })
      view = new EditorView(host, { state })
    })
    h.instrumentView(view!)
    return r
  },
  check() {
    const v = view!
    const lines: string[] = []
    v.state.doc.forEach((node) => lines.push(node.textContent))
    return { blocks: v.state.doc.childCount, textblocks: h.textblockCount(v), lines }
  },
  caret: (i: number, offset: number) => h.caret(view!, i, offset),
  blockText: (i: number) => h.textblockAt(view!, i).node.textContent,
  /** What the restructuring edit changes: the level of the heading at block `i`. */
  shape: (i: number) => `h${h.textblockAt(view!, i).node.attrs.level}`,
  size: () => view!.state.doc.content.size,
  arm: h.arm,
  cut: h.cut,
  collect: h.collect,
  settle: (ms = 0) => h.settle(view!, ms),
  paste: (text: string) => h.paste(view!.dom, text),
  composing: () => view!.composing,
  release: data.release,
}
;(window as any).bench = bench
