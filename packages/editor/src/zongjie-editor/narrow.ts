/**
 * The element in a narrow frame (an OA form's column, a phone): beside the outline (220 px) and the
 * side panels (280 px) the page would be a few characters wide, so below the width they need with
 * a page of {@link pageMinWidth} the panels go under the page, full width (the shell's
 * `data-narrow`, see the styles). Measured with a `ResizeObserver`, which the browsers of OA
 * desktops (Chromium 78 and later) have, unlike container queries.
 */

/** The narrowest page (CSS px, its margins included) the panels are kept beside. */
export const pageMinWidth = 420

/** What {@link watchNarrow} returns. */
export interface NarrowWatch {
  /** After a render: if a panel came or went, the layout is decided again. Cheap when none did. */
  rendered(): void
  /** Stops watching (the element left the page). */
  stop(): void
}

/**
 * Keeps `shell`'s `data-narrow` right as its width changes and panels come and go. The panels'
 * widths are read while they are beside the page (under it they are full width), so that the
 * layout does not flip back and forth; the width is read only on a resize and when a panel came
 * or went, never on a keystroke's render.
 */
export function watchNarrow(shell: HTMLElement): NarrowWatch {
  const body = () => shell.querySelector<HTMLElement>(':scope > .body')
  // The panels' widths beside the page with the page's least width, when last measured beside it.
  let needed = 0
  let panels = -1
  const measure = () => {
    let sum = pageMinWidth
    for (const panel of body()?.children ?? []) if (!panel.classList.contains('page-scroll')) sum += (panel as HTMLElement).offsetWidth
    return sum
  }
  // A panel came or went while the element was not shown (a tab of the page hidden): measured once it is.
  let stale = false
  const decide = (remeasure: boolean) => {
    const width = shell.clientWidth
    if (!width) {
      stale ||= remeasure
      return
    }
    if (remeasure || stale) shell.removeAttribute('data-narrow')
    stale = false
    if (!shell.hasAttribute('data-narrow')) needed = measure()
    shell.toggleAttribute('data-narrow', needed > pageMinWidth && width < needed)
  }
  // The first decision comes with the observer's first report, after the first layout: none is forced at mount.
  const observer = new ResizeObserver(() => decide(false))
  observer.observe(shell)
  let frame = 0
  return {
    rendered() {
      const count = body()?.childElementCount ?? 0
      if (count === panels) return
      const first = panels < 0
      panels = count
      // A panel came or went: decided in the next frame, where the browser lays the page out anyway.
      if (!first && !frame) frame = requestAnimationFrame(() => {
        frame = 0
        decide(true)
      })
    },
    stop() {
      observer.disconnect()
      cancelAnimationFrame(frame)
      frame = 0
    },
  }
}
