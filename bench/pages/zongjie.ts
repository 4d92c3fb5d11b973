// The subject page: <zongjie-editor> with every panel on (toolbar, outline, findings, status, metrics),
// loading the document as Summary JSON through its `summary` property.
import '@zongjie/editor'
import type { ZongjieEditor } from '@zongjie/editor'
import type { Summary } from '@zongjie/model'
import * as h from './harness.ts'

let data: Summary | null = null
let el: ZongjieEditor | null = null
const ready = h.loadData<Summary>('zongjie').then((d) => {
  data = d.data
  return d.n
})

const view = () => el!.view!

const bench = {
  kind: 'zongjie',
  ready,
  /** Mounts the editor: JavaScript only (to the end of Lit's first update), and to the first frame after. */
  async mount() {
    await ready
    const t0 = performance.now()
    const e = document.createElement('zongjie-editor')
    for (const name of ['toolbar', 'outline', 'findings', 'status', 'metrics']) e.setAttribute(name, '')
    e.summary = data!
    document.body.append(e)
    await e.updateComplete
    const t1 = performance.now()
    const t2 = await h.nextFrame()
    // The panels come after the first frame: wait for them, so that what follows (the heap after
    // mount, the first keystroke) finds the element complete.
    await new Promise((ok) => setTimeout(ok, 250))
    await e.updateComplete
    el = e
    if (!e.view) throw new Error('zongjie-editor: no view after the first update')
    h.instrumentView(e.view)
    h.instrumentLit(e as unknown as { performUpdate(): void })
    return { js: t1 - t0, frame: t2 - t0 }
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
  paste: (text: string) => h.paste(view().dom as HTMLElement, text),
  composing: () => view().composing,
  release() {
    data = null
  },
}
;(window as any).bench = bench
