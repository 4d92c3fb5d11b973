// The in-page side of the bench, shared by the pages: the editor's own work per input, measured
// the way a harness inside the page would.
//
// A "span" is one task's editor work: from the first input event of the task (keydown, beforeinput,
// composition events, paste …, seen in the capture phase on window before the editor sees them),
// or from the start of a timer callback, a selectionchange or a message (another writer's change
// arriving in co-editing, see `message`), to the end of the last
// `view.updateState` in that task — for an editor that is not a ProseMirror view (Lexical), the end
// of the last update that reached its DOM, see `updated` — (and, for `all`, the end of a Lit update
// in it). The task is over
// when a message posted at its start arrives. Tasks with no view update are not spans: a keyup, a
// composition event that changes nothing. Lit updates in tasks with no view update (the editor's
// deferred panel refresh) are added up as `deferred`. A view update with no task start before it
// counts its own duration (`orphans`).
//
// The harness arms the measurement before each input it sends (`arm`), so that nothing left over
// from before (a timer, a frame) is taken for the input's work, and reads it back after the input
// has settled (`collect`).

// ProseMirror's types only: a page without ProseMirror (Lexical's) loads none of it (see `caret`).
import type { EditorView } from 'prosemirror-view'

interface Task {
  start: number
  source: 'input' | 'timer' | 'selection' | 'message'
  end: number
  litEnd: number
  /** The browser's own editing in the task: from the end of beforeinput to the start of input. */
  native: number
  pausedAt: number
}

let armed = false
let cur: Task | null = null
let spans: { view: number; all: number; full: number }[] = []
let orphans: number[] = []
/** Updates outside any task's span whose start is not known (see `updated`). */
let unstarted = 0
let deferred = 0

const channel = new MessageChannel()
channel.port1.onmessage = () => commit()

function commit() {
  const t = cur
  cur = null
  if (!t) return
  if (t.end) spans.push({ view: t.end - t.start - t.native, all: Math.max(t.end, t.litEnd) - t.start - t.native, full: Math.max(t.end, t.litEnd) - t.start })
  else if (t.litEnd) deferred += t.litEnd - t.start
}

function open(source: Task['source']) {
  if (!armed) return
  // Events of one input arrive in one task: the first opens the span. So do those a message's
  // work dispatches (the element's own `input` event, which bubbles up to window): they are part of
  // its span. A timer callback or a selectionchange always runs in a task of its own.
  if (cur && source === 'input' && (cur.source === 'input' || cur.source === 'message')) return
  if (cur) commit()
  cur = { start: performance.now(), source, end: 0, litEnd: 0, native: 0, pausedAt: 0 }
  channel.port2.postMessage(0)
}

const inputEvents = ['keydown', 'keypress', 'keyup', 'beforeinput', 'textInput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'paste']
for (const type of inputEvents) window.addEventListener(type, () => open('input'), true)
// The browser edits the DOM itself after beforeinput (typing, composition): that is not the
// editor's work (and costs the same under any editor), so it is left out of `view` and `all` and
// kept in `full`. The pause starts when beforeinput has come back up to window, after the editor's
// own beforeinput handlers, and ends when the browser's DOM change is first reported: this
// observer is created before any editor's, so its callback runs first in the microtask that
// reports the mutations (ProseMirror reads the change in its own observer's callback, right after).
window.addEventListener('beforeinput', () => {
  if (cur) cur.pausedAt = performance.now()
})
const resume = () => {
  if (cur?.pausedAt) {
    cur.native += performance.now() - cur.pausedAt
    cur.pausedAt = 0
  }
}
const marker = new MutationObserver(resume)
window.addEventListener('input', resume, true)

// Timer callbacks (ProseMirror ends a composition 20 ms after compositionend; the editor refreshes
// its panels 150 ms after a change) start a task of their own.
const nativeSetTimeout = window.setTimeout.bind(window)
;(window as any).setTimeout = (fn: TimerHandler, ms?: number, ...args: unknown[]) =>
  nativeSetTimeout(
    () => {
      open('timer')
      if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args)
    },
    ms,
  )

/** Reports the browser's own edits in `dom` (the editor's content) to the harness: see `marker`. */
export function observeEdits(dom: Node) {
  marker.observe(dom, { childList: true, characterData: true, subtree: true })
}

/**
 * Marks the end of an editor update that has reached the DOM: the end of the current task's span.
 * Outside any task's span (while armed), the update counts its own duration, from `t0` (its start);
 * an editor that does not say when its update started (Lexical's update listener) gives no `t0`,
 * and such an update counts as nothing but is reported in `unstarted` instead.
 */
export function updated(t0?: number) {
  const t1 = performance.now()
  if (cur) {
    // An update between beforeinput and input: the editor handled the input itself.
    cur.pausedAt = 0
    cur.end = t1
  } else if (armed) {
    if (t0 === undefined) unstarted++
    else orphans.push(t1 - t0)
  }
}

/** Wraps the view's `updateState` (which every dispatch ends in) to mark the end of its update. */
export function instrumentView(view: EditorView) {
  observeEdits(view.dom)
  const update = view.updateState
  view.updateState = function (this: EditorView, state) {
    const t0 = performance.now()
    update.call(this, state)
    updated(t0)
  }
}

/** Wraps a Lit element's `performUpdate` to mark the end of its render. */
export function instrumentLit(el: { performUpdate(): void }) {
  const perform = el.performUpdate
  el.performUpdate = function (this: unknown) {
    perform.call(this)
    if (cur) cur.litEnd = performance.now()
  }
}

/**
 * Opens a span for work that a message starts rather than an input event: another writer's
 * change arriving in co-editing (a WebSocket message's task), applied by the page's code right
 * after this call, in the same task.
 */
export function message() {
  open('message')
}

/** Ends the current task's span (before the harness sends the next part of one input). */
export function cut() {
  commit()
}

export function arm() {
  commit()
  spans = []
  orphans = []
  unstarted = 0
  deferred = 0
  armed = true
}

export function collect() {
  commit()
  const out = { spans, orphans, unstarted, deferred }
  spans = []
  orphans = []
  unstarted = 0
  deferred = 0
  armed = false
  return out
}

/** The frame after this one has been rendered: a requestAnimationFrame, then a task after it. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel()
      ch.port1.onmessage = () => resolve(performance.now())
      ch.port2.postMessage(0)
    }),
  )
}

const sleep = (ms: number) => new Promise((r) => nativeSetTimeout(r, ms))

/**
 * Until the view is not composing, pending ProseMirror timers have run (`ms`), and a frame has
 * rendered. For an editor that is not a ProseMirror view, `composing` says whether it is composing.
 */
export async function settle(view: EditorView | (() => boolean), ms = 0) {
  const composing = typeof view === 'function' ? view : () => view.composing
  for (let i = 0; i < 200 && composing(); i++) await sleep(5)
  if (ms) await sleep(ms)
  await nextFrame()
}

/** The position before the textblock with index `i` (in document order) and the textblock. */
export function textblockAt(view: EditorView, i: number) {
  let k = 0
  let found: { pos: number; node: import('prosemirror-model').Node } | null = null
  view.state.doc.descendants((node, pos) => {
    if (found) return false
    if (node.isTextblock) {
      if (k++ === i) found = { pos, node }
      return false
    }
    return true
  })
  if (!found) throw new Error(`no textblock ${i}`)
  return found as { pos: number; node: import('prosemirror-model').Node }
}

/**
 * Puts the cursor in textblock `i`, `offset` positions into it, and focuses the view.
 * (prosemirror-state is imported here, on first use, so that the harness's chunk does not import
 * it for every page: the ProseMirror pages have it loaded already.)
 */
export async function caret(view: EditorView, i: number, offset: number) {
  const { TextSelection } = await import('prosemirror-state')
  const { pos, node } = textblockAt(view, i)
  const at = pos + 1 + Math.min(offset, node.content.size)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at)).scrollIntoView())
  view.focus()
}

/** The number of textblocks in the document. */
export function textblockCount(view: EditorView) {
  let k = 0
  view.state.doc.descendants((node) => {
    if (node.isTextblock) {
      k++
      return false
    }
    return true
  })
  return k
}

/** A paste of plain text, as the browser fires it: a ClipboardEvent with a DataTransfer. */
export function paste(target: HTMLElement, text: string) {
  const data = new DataTransfer()
  data.setData('text/plain', text)
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true })
  target.dispatchEvent(event)
  return event.defaultPrevented
}

/**
 * Fetches the page's document data (`?n=2200`). The peers' pages (Tiptap, Lexical) load the
 * baseline's: the same generated text as headings and paragraphs.
 */
async function loadData<T>(kind: 'baseline' | 'zongjie' | 'floor'): Promise<{ n: number; data: T }> {
  const params = new URLSearchParams(location.search)
  const n = Number(params.get('n') ?? '220')
  // `data` names another document of the page's kind (`zongjie-reviewed`: with a review's comments).
  const name = params.get('data') ?? kind
  const res = await fetch(`../data/${name}-${n}.json`)
  if (!res.ok) throw new Error(`data ${name}-${n}: HTTP ${res.status}`)
  return { n, data: (await res.json()) as T }
}

/**
 * A page's document data: `ready` resolves with the number of blocks once it is loaded, `get()`
 * gives it, `release()` drops it (so that the heap after mount does not count it).
 */
export function pageData<T>(kind: 'baseline' | 'zongjie' | 'floor') {
  let data: T | null = null
  const ready = loadData<T>(kind).then((d) => {
    data = d.data
    return d.n
  })
  return {
    ready,
    get: (): T => data!,
    release() {
      data = null
    },
  }
}

/** Times a mount: `mount` itself (JavaScript only), and on to the first frame rendered after it. */
export async function timeMount(mount: () => unknown): Promise<{ js: number; frame: number }> {
  const t0 = performance.now()
  await mount()
  const t1 = performance.now()
  const t2 = await nextFrame()
  return { js: t1 - t0, frame: t2 - t0 }
}
