import { Plugin, PluginKey, type Selection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'

/** The key of the scroll-settle plugin; its state counts the jumps to another top-level part. */
export const scrollSettleKey = new PluginKey<number>('zongjie-scroll-settle')

/** The index of the top-level part (title, opening, a section, the closing …) the selection's head is in. */
function partOf(selection: Selection): number {
  return selection.$head.index(0)
}

/** How many frames after a jump the place is watched. */
const frames = 5

/**
 * Keeps the place in view after a jump. A long summary is drawn a top-level section at a time, as
 * sections come near the view (`content-visibility` in the element's styles); one not drawn yet
 * stands in with an estimated height. A jump to another part (an outline or findings entry, the
 * next field in fill mode) scrolls to where the place is at that moment; in the frames after, the
 * sections around it are drawn, take their real height and can push the place away. After a
 * transaction that scrolls into view in another part, the place is checked in each of the next
 * few frames and scrolled to again when it has moved. Typing and moving within a part cost nothing.
 */
export function scrollSettle(): Plugin<number> {
  return new Plugin<number>({
    key: scrollSettleKey,
    state: {
      init: () => 0,
      apply: (tr, jumps, before) => (tr.scrolledIntoView && partOf(tr.selection) !== partOf(before.selection) ? jumps + 1 : jumps),
    },
    view(view) {
      let frame = 0
      const stop = () => {
        cancelAnimationFrame(frame)
        frame = 0
      }
      /** The top of the selection's head on screen, or null when it has no box. */
      const topOf = (v: EditorView): number | null => {
        try {
          return v.coordsAtPos(v.state.selection.head).top
        } catch {
          return null
        }
      }
      const watch = (v: EditorView) => {
        stop()
        let left = frames
        let last: number | null = null
        let watched = v.state
        const check = () => {
          frame = 0
          // The writer has moved on (typed, clicked elsewhere): their own scrolling rules.
          if (v.isDestroyed || v.state !== watched) return
          const top = topOf(v)
          if (last !== null && top !== null && Math.abs(top - last) > 1) {
            v.dispatch(v.state.tr.scrollIntoView())
            watched = v.state
            last = topOf(v)
          } else last = top
          if (--left > 0) frame = requestAnimationFrame(check)
        }
        frame = requestAnimationFrame(check)
      }
      return {
        update(v, prev) {
          if (scrollSettleKey.getState(v.state) !== scrollSettleKey.getState(prev)) watch(v)
        },
        destroy: stop,
      }
    },
  })
}
