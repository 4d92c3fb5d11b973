// The subject page: <zongjie-editor> with every panel on (toolbar, outline, findings, status, metrics),
// loading the document as Summary JSON through its `summary` property.
import { loadPasteReader } from '@zongjie/editor'
import type { ZongjieEditor } from '@zongjie/editor'
import type { Summary } from '@zongjie/model'
import * as h from './harness.ts'

const data = h.pageData<Summary>('zongjie')
let el: ZongjieEditor | null = null

const view = () => el!.view!

/** The other writer of the co-editing case (see `share`). */
let other: import('../src/collab.ts').OtherWriter | null = null

/** Until the outline lists every heading, the metrics table has a row for every metric and the findings and status are drawn (at most ten seconds). */
async function panelsDrawn(e: ZongjieEditor) {
  let headings = 0
  let metrics = 0
  e.view!.state.doc.descendants((node) => {
    if (node.type.name === 'heading') headings++
    if (node.type.name === 'metric') metrics++
    return true
  })
  const root = e.shadowRoot!
  const drawn = () =>
    root.querySelectorAll('.outline li').length === headings &&
    root.querySelectorAll('.metrics tbody tr').length === metrics &&
    root.querySelector('.findings') !== null &&
    root.querySelector('.status') !== null
  const start = performance.now()
  while (!drawn()) {
    if (performance.now() - start > 10_000) throw new Error(`zongjie-editor: panels not drawn after 10 s (${headings} headings, ${metrics} metrics)`)
    await new Promise((ok) => setTimeout(ok, 20))
  }
  await e.updateComplete
}

const bench = {
  kind: 'zongjie',
  ready: data.ready,
  /** Mounts the editor: JavaScript only (to the end of Lit's first update), and to the first frame after. */
  async mount() {
    await data.ready
    let e!: ZongjieEditor
    const r = await h.timeMount(async () => {
      e = document.createElement('zongjie-editor')
      for (const name of ['toolbar', 'outline', 'findings', 'status', 'metrics']) e.setAttribute(name, '')
      // A document after review: its comments and suggestions listed in their panels too, as the writer answering them sees it.
      if (new URLSearchParams(location.search).get('data') === 'zongjie-reviewed') {
        e.setAttribute('comments', '')
        e.setAttribute('suggestions', '')
        e.user = { id: 'u3', name: '王科员' }
      }
      e.summary = data.get()
      document.body.append(e)
      await e.updateComplete
    })
    // The panels come after the first frame, in idle moments, and a long metrics table a hundred
    // rows at a time: wait until every panel is drawn whole, so that what follows (the heap after
    // mount, the first keystroke) finds the element complete.
    if (!e.view) throw new Error('zongjie-editor: no view after the first update')
    await panelsDrawn(e)
    el = e
    h.instrumentView(e.view)
    h.instrumentLit(e as unknown as { performUpdate(): void })
    return r
  },
  check() {
    const v = view()
    const lines = el!.getText().split('\n').filter((l) => l !== '')
    return { blocks: h.textblockCount(v), textblocks: h.textblockCount(v), lines }
  },
  caret: (i: number, offset: number) => h.caret(view(), i, offset),
  blockText: (i: number) => h.textblockAt(view(), i).node.textContent,
  /** What the restructuring edit changes: the number of top-level sections and the type of the section at block `i`. */
  shape: (i: number) => {
    const v = view()
    const $pos = v.state.doc.resolve(h.textblockAt(v, i).pos)
    return `${v.state.doc.childCount}:${$pos.parent.type.name}`
  },
  size: () => view().state.doc.content.size,
  arm: h.arm,
  cut: h.cut,
  collect: h.collect,
  settle: (ms = 0) => h.settle(view(), ms),
  // What reads a paste loads when the writer first focuses the editor: there by the time they paste.
  paste: async (text: string) => {
    await loadPasteReader()
    return h.paste(view().dom as HTMLElement, text)
  },
  composing: () => view().composing,
  /**
   * Co-editing: binds the mounted editor to a Yjs document as its co-editing session does, with
   * another writer typing into textblock `block`, `offset` characters in (loaded on first use, so
   * that the other cases' page holds none of it).
   */
  async share(block: number, offset: number) {
    const { share } = await import('../src/collab.ts')
    other = share(view(), block, offset)
  },
  /** The other writer types `ch` in its own document (not measured). */
  otherTypes: (ch: string) => other!.type(ch),
  /** The other writer's key arrives: its update applied to the editor's Yjs document, in a span of its own (a message's task). */
  otherArrives() {
    h.message()
    other!.arrive()
  },
  otherTyped: () => other!.typed,
  converged: () => other!.converged(),
  release: data.release,
}
;(window as any).bench = bench
