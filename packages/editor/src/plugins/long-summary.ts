import { Plugin, PluginKey, TextSelection, type EditorState, type Selection, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import { isSection } from '@zongjie/model'
import { isTextOnly } from './text-only.ts'

/** The long-summary plugin's state: the jumps to another top-level part so far, the part the selection is in, and its mark. */
export interface LongSummaryState {
  jumps: number
  part: number
  current: DecorationSet
}

/** The key of the long-summary plugin. */
export const longSummaryKey = new PluginKey<LongSummaryState>('zongjie-long-summary')

/** The index of the top-level part (title, opening, a section, the closing …) the selection's head is in. */
function partOf(selection: Selection): number {
  return selection.$head.index(0)
}

/** The mark (`zj-current`) on the top-level section the selection is in; none elsewhere. */
function currentOf(state: EditorState): DecorationSet {
  const index = partOf(state.selection)
  const doc = state.doc
  if (index >= doc.childCount || !isSection(doc.child(index))) return DecorationSet.empty
  const from = state.selection.$head.before(1)
  return DecorationSet.create(doc, [Decoration.node(from, from + doc.child(index).nodeSize, { class: 'zj-current' })])
}

/**
 * The mark after a change that left the selection in the same part: typing and other text-only
 * changes keep every part where it was, so the mark is mapped (moved with its attributes object
 * kept, which the view then compares by identity rather than key by key); any other change finds
 * it again.
 */
function currentAfter(current: DecorationSet, tr: Transaction, state: EditorState): DecorationSet {
  return isTextOnly(tr) ? current.map(tr.mapping, tr.doc) : currentOf(state)
}

/** The nearest element around `dom` that scrolls (across shadow roots), or null for the page itself. */
export function scrollerOf(dom: Element): Element | null {
  for (let n: globalThis.Node | null = dom.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof Element) || n.scrollHeight <= n.clientHeight) continue
    const overflow = getComputedStyle(n).overflowY
    if (overflow === 'auto' || overflow === 'scroll') return n
  }
  return null
}

/** The top of the selection's head in the box of `scroller` (or of the window), or null when it has no box. */
function topOf(view: EditorView, scroller: Element | null): number | null {
  try {
    return view.coordsAtPos(view.state.selection.head).top - (scroller ? scroller.getBoundingClientRect().top : 0)
  } catch {
    return null
  }
}

/**
 * Whether ProseMirror's scrolling of a text selection's head into view would scroll nothing: the
 * head's box is within the window and within the box of every element around it that has
 * anything to scroll, as ProseMirror's `scrollRectIntoView` decides it for each element it passes
 * on its way up. That asks every element up to the page for its box and its computed style; here
 * most are passed on their sizes alone. False whenever in doubt (see {@link scrollsLater}).
 */
function headInView(view: EditorView): boolean {
  const viewport = view.dom.ownerDocument.defaultView?.visualViewport
  if (!viewport) return false
  // Where ProseMirror starts going up from: the DOM selection's focus, which it has found in the view.
  let node = (view.root as Document).getSelection?.()?.focusNode
  if (!node || !view.dom.contains(node)) return false
  const rect = view.coordsAtPos(view.state.selection.head, 1)
  const within = (left: number, top: number, right: number, bottom: number) => rect.left >= left && rect.top >= top && rect.right <= right && rect.bottom <= bottom
  for (; node; node = node.nodeType === 11 ? (node as ShadowRoot).host : ((node as Element).assignedSlot ?? node.parentNode)) {
    if (node.nodeType !== 1) continue
    const el = node as HTMLElement
    if (el === el.ownerDocument.body) return within(0, 0, viewport.width, viewport.height)
    if (el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth) continue
    // ProseMirror's box of a scrolling element: its client area, scaled as the element is drawn.
    const box = el.getBoundingClientRect()
    if (!within(box.left, box.top, box.left + el.clientWidth * (box.width / el.offsetWidth || 1), box.top + el.clientHeight * (box.height / el.offsetHeight || 1))) return false
  }
  return false
}

/** Whether the page's selection is the editor's: the browser has moved none the editor has not read yet. */
function selectionRead(view: EditorView): boolean {
  const sel = (view.root as Document).getSelection?.()
  if (!sel?.anchorNode || !sel.focusNode || !view.dom.contains(sel.anchorNode) || !view.dom.contains(sel.focusNode)) return false
  try {
    const { anchor, head } = view.state.selection
    return view.posAtDOM(sel.anchorNode, sel.anchorOffset) === anchor && view.posAtDOM(sel.focusNode, sel.focusOffset) === head
  } catch {
    return false
  }
}

/** The views whose last update was a jump to another part: ProseMirror scrolls to it at once (see `hold`). */
const jumped = new WeakMap<EditorView, boolean>()

/** The views with a check of the caret's place waiting for the next frame. */
const checking = new WeakSet<EditorView>()

/** Set while a check found the caret out of view and has ProseMirror scroll it in. */
let scrollingNow = false

/**
 * ProseMirror's scrolling of the selection into view after a change, put off to the next frame
 * when the change was typing or a move within the part the selection is in: then, with the frame's
 * layout to be done anyway, the caret is looked for, and ProseMirror scrolls it into view only when
 * it is not in view already (see {@link headInView}), which after typing it almost always is. No
 * layout is forced while a key is handled, and several keys in one frame are checked once. A jump
 * to another part, a node selection, a `scrollThreshold` set, or a page selection that cannot
 * be read in the editor's root: ProseMirror scrolls at once, as it always does.
 */
function scrollsLater(view: EditorView): boolean {
  // Where the page's selection cannot be read in the editor's root (a shadow root outside
  // Chromium), nor whether the caret is in view: ProseMirror scrolls at once.
  if (scrollingNow || jumped.get(view) || !(view.state.selection instanceof TextSelection) || view.someProp('scrollThreshold') || typeof (view.root as Document).getSelection !== 'function') return false
  if (!checking.has(view)) {
    checking.add(view)
    requestAnimationFrame(() => {
      checking.delete(view)
      // A composition is kept in view by the browser itself, and is left undisturbed; so is a
      // selection the browser has moved and the editor not yet read (a key pressed in this frame),
      // which the transaction that scrolls could put back to the one before.
      if (view.isDestroyed || view.composing || !(view.state.selection instanceof TextSelection) || !selectionRead(view) || headInView(view)) return
      scrollingNow = true
      try {
        view.dispatch(view.state.tr.scrollIntoView())
      } finally {
        scrollingNow = false
      }
    })
  }
  return true
}

/** How many frames after a jump the place is held. */
const frames = 10

/**
 * Long summaries, drawn a top-level section at a time: the element's styles let the browser lay
 * out and paint only the sections near the view (`content-visibility`); one not drawn yet stands
 * in with an estimated height. This plugin keeps that from the writer:
 *
 * - The section the selection is in is always drawn (marked `zj-current`): the browser never types,
 *   composes or places the caret in a section it has not laid out, even one made a moment ago by
 *   typing `一、`.
 * - After a jump to another part (an outline or findings entry, the next field in fill mode), the
 *   sections around the place are drawn in the next frames and take their real height instead of
 *   the estimate, which can push the place away. Where the jump put the place on screen is noted
 *   once it has scrolled (in the box of the nearest element that scrolls), and in each of the next
 *   few frames that element is scrolled back by however far the place has moved in it. Typing and
 *   moving within a part cost nothing.
 * - After typing, whether the caret is still in view is looked at in the next frame, and it is
 *   scrolled into view only when it is not (see `scrollsLater`): no layout is forced while a key is
 *   handled, and no element up to the page is asked for its box when the caret is in view.
 */
export function longSummary(): Plugin<LongSummaryState> {
  return new Plugin<LongSummaryState>({
    key: longSummaryKey,
    state: {
      init: (_, state) => ({ jumps: 0, part: partOf(state.selection), current: currentOf(state) }),
      apply: (tr, value, before, after) => {
        const part = partOf(tr.selection)
        return {
          jumps: tr.scrolledIntoView && part !== partOf(before.selection) ? value.jumps + 1 : value.jumps,
          part,
          current: part !== value.part ? currentOf(after) : tr.docChanged ? currentAfter(value.current, tr, after) : value.current,
        }
      },
    },
    props: {
      decorations: (state) => longSummaryKey.getState(state)!.current,
      // Typing: the caret is almost always in view already, and then nothing is to be scrolled.
      handleScrollToSelection: scrollsLater,
    },
    view() {
      let frame = 0
      const stop = () => {
        cancelAnimationFrame(frame)
        frame = 0
      }
      const hold = (view: EditorView) => {
        stop()
        const watched = view.state
        // A transaction that leaves the text and the selection as they were (the page's selection
        // read back after the focus moved, say) does not end the hold; any other does, and so does
        // the next jump (a transaction of its own) or the view's end.
        const moved = (v: EditorView) => v.isDestroyed || v.state.doc !== watched.doc || !v.state.selection.eq(watched.selection)
        // The plugin views are told of the new state before ProseMirror scrolls: the place is
        // noted after the transaction is through.
        queueMicrotask(() => {
          if (moved(view)) return
          const scroller = scrollerOf(view.dom)
          const target = topOf(view, scroller)
          if (target === null) return
          let left = frames
          const check = () => {
            frame = 0
            // The writer has moved on (typed, clicked elsewhere): their own scrolling rules.
            if (moved(view)) return
            const top = topOf(view, scroller)
            if (top !== null && Math.abs(top - target) > 1) {
              // By scrolling alone: the state and the selection are left as they are, even with
              // input the editor has not read yet.
              if (scroller) scroller.scrollTop += top - target
              else window.scrollBy(0, top - target)
            }
            if (--left > 0) frame = requestAnimationFrame(check)
          }
          frame = requestAnimationFrame(check)
        })
      }
      return {
        update(view, prev) {
          const jump = longSummaryKey.getState(view.state)!.jumps !== longSummaryKey.getState(prev)!.jumps
          jumped.set(view, jump)
          if (jump) hold(view)
        },
        destroy: stop,
      }
    },
  })
}
