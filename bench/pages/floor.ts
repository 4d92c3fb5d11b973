// The floor page, for mounting only: ProseMirror alone drawing Zongjie's document, with Zongjie's
// schema and its `toDOM`, from ProseMirror's own JSON (`Node.fromJSON`, which checks nothing
// beyond the schema). No plugins, node views, styles or Lit: what any editor pays for the
// document's structure (nested sections, headings, work items, inline fields) before any of its
// own work. The editor's mount is compared with it to tell the structure's cost from the editor's.
// It takes the per-input cases' calls too (caret, arm, collect …), so that an input can be
// measured on it with the same harness: what ProseMirror's own handling of the input costs on
// Zongjie's document. `?cv=1` draws the top-level sections as the editor's styles do
// (content-visibility), so that layout is compared like for like; `?shadow=1` mounts the view in a
// shadow root, as the editor is (the DOM selection is then the shadow root's).
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
    const params = new URLSearchParams(location.search)
    let place: HTMLElement = document.getElementById('host')!
    let styles: ParentNode = document.head
    if (params.get('shadow') === '1') {
      const root = place.attachShadow({ mode: 'open' })
      // The view's own styles, which the page's stylesheet no longer reaches.
      const base = document.createElement('style')
      base.textContent = '.ProseMirror { position: relative; word-wrap: break-word; white-space: pre-wrap; white-space: break-spaces; outline: none; }'
      place = document.createElement('div')
      root.append(base, place)
      styles = root
    }
    if (params.get('cv') === '1') {
      const style = document.createElement('style')
      style.textContent = '.ProseMirror > section { content-visibility: auto; contain-intrinsic-size: auto 40em; }'
      styles.append(style)
    }
    const mountAt = place
    const r = await h.timeMount(() => {
      view = new EditorView(mountAt, { state: EditorState.create({ doc: Node.fromJSON(schema, data.get()) }) })
    })
    h.instrumentView(view!)
    return r
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
  caret: (i: number, offset: number) => h.caret(view!, i, offset),
  blockText: (i: number) => h.textblockAt(view!, i).node.textContent,
  arm: h.arm,
  cut: h.cut,
  collect: h.collect,
  settle: (ms = 0) => h.settle(view!, ms),
  composing: () => view!.composing,
  release: data.release,
}
;(window as any).bench = bench
