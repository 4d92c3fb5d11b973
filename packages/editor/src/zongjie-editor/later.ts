/** Work the element has put off: cancelled with `cancel()`. */
export interface Pending {
  cancel(): void
}

/** Runs `fn` after `ms` milliseconds. */
export function after(ms: number, fn: () => void): Pending {
  const id = setTimeout(fn, ms)
  return { cancel: () => clearTimeout(id) }
}

/**
 * Runs `fn` once the next frame has been drawn and the browser is idle (`requestIdleCallback`,
 * at most 200 ms later; a task where that is missing), so that the frame does not wait for it:
 * mounting shows the text first, then the panels. A hidden page draws no frames: `fn` then runs
 * after half a second.
 */
export function afterFrame(fn: () => void): Pending {
  let done = false
  let idle: (() => void) | null = null
  const run = () => {
    if (done) return
    done = true
    clearTimeout(fallback)
    fn()
  }
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback)
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 200 })
      idle = () => cancelIdleCallback(id)
    } else {
      const id = setTimeout(run)
      idle = () => clearTimeout(id)
    }
  })
  const fallback = setTimeout(run, 500)
  return {
    cancel() {
      done = true
      cancelAnimationFrame(frame)
      clearTimeout(fallback)
      idle?.()
    },
  }
}
