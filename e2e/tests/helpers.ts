/**
 * Helpers for the browser tests: open the demo page, reach `<zongjie-editor>` and the ProseMirror
 * view in its shadow root, read what the editor holds, press keys and wait for the editor to see
 * the selection they made, and type through an IME composition (CDP) as a Chinese input method does.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { importText, toSummary, type Finding, type Summary } from '@zongjie/model'

/**
 * `test` with one automatic fixture: a test fails when the page threw an uncaught error, even if
 * its own assertions passed.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`))
      await use(errors)
      expect(errors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})
export { expect }

/** Opens the demo page (with `query`, e.g. `?sample`) and waits until the editor is on it and ready. */
export async function openDemo(page: Page, query = ''): Promise<Locator> {
  await page.goto('/' + query)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  await expect(content(page)).toBeVisible()
  return editor(page)
}

/** The `<zongjie-editor>` element. */
export function editor(page: Page): Locator {
  return page.locator('zongjie-editor')
}

/** The ProseMirror editing surface inside the editor's open shadow root (Playwright's CSS locators pierce it). */
export function content(page: Page): Locator {
  return page.locator('zongjie-editor .ProseMirror')
}

/** Clicks the demo's 载入示例 button and waits until the sample is in the editor. */
export async function loadSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: '载入示例' }).click()
  await expect.poll(() => getText(page)).toContain('一、')
}

/** Clicks the demo's 新建空白 button and waits until the editor holds no sections. */
export async function newBlank(page: Page): Promise<void> {
  await page.getByRole('button', { name: '新建空白' }).click()
  await expect.poll(async () => (await getSummary(page)).sections.length).toBe(0)
}

/** The editor's `summary` property: the Summary JSON of what it holds. */
export function getSummary(page: Page): Promise<Summary> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { summary: Summary }).summary)
}

/** Loads a Summary JSON into the editor through its `summary` property. */
export function setSummary(page: Page, summary: unknown): Promise<void> {
  return page.evaluate((s) => {
    ;(document.querySelector('zongjie-editor') as unknown as { summary: unknown }).summary = s
  }, summary)
}

/** The editor's `getText()`: the document as plain text, numbers included. */
export function getText(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { getText(): string }).getText())
}

/** The editor's `getHTML()`. */
export function getHTML(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { getHTML(): string }).getHTML())
}

/** The editor's `validate()`: its findings. */
export function validate(page: Page): Promise<Finding[]> {
  return page.evaluate(() => (document.querySelector('zongjie-editor') as unknown as { validate(): Finding[] }).validate())
}

/** The text of the ProseMirror document (`doc.textContent`: no numbers, fields as their inline text). */
export function docText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const view = (document.querySelector('zongjie-editor') as unknown as { view: { state: { doc: { textContent: string } } } }).view
    return view.state.doc.textContent
  })
}

/** The editor state's selection. */
export interface EditorSelection {
  anchor: number
  head: number
  from: number
  to: number
  empty: boolean
  /** The selection's class name: `TextSelection`, `NodeSelection`, `AllSelection`… */
  kind: string
}

/** The selection in the editor's state (not the DOM's). */
export function editorSelection(page: Page): Promise<EditorSelection> {
  return page.evaluate(() => {
    const el = document.querySelector('zongjie-editor') as unknown as { view: { state: { selection: EditorSelection & object } } }
    const s = el.view.state.selection
    return { anchor: s.anchor, head: s.head, from: s.from, to: s.to, empty: s.empty, kind: s.constructor.name }
  })
}

/** Focuses the ProseMirror surface inside the shadow root and waits until the editor has read the selection. */
export async function focusEditor(page: Page): Promise<void> {
  await content(page).focus()
  await expect(content(page)).toBeFocused()
  await waitForEditorSelection(page)
}

/**
 * Puts the cursor just before (`'start'`) or after (`'end'`) the first occurrence of `text` in the
 * document, through the view, focuses the editor, and waits for the DOM selection to follow.
 * `text` must lie inside one text node (not across a metric or a change of marks).
 */
export async function placeCursor(page: Page, text: string, at: 'start' | 'end' = 'end'): Promise<number> {
  const pos = await page.evaluate(
    ({ text, at }) => {
      // The view's objects are ProseMirror's; only their public API is used here.
      const view = (document.querySelector('zongjie-editor') as any).view
      const { doc } = view.state
      let found = -1
      doc.descendants((node: { isText: boolean; text?: string }, pos: number) => {
        if (found >= 0) return false
        if (node.isText) {
          const i = node.text!.indexOf(text)
          if (i >= 0) found = pos + i + (at === 'end' ? text.length : 0)
        }
        return true
      })
      if (found < 0) throw new Error(`placeCursor: 「${text}」 is not in one text node of the document`)
      // Selection.near is a static of every selection class.
      const Selection = view.state.selection.constructor
      view.dispatch(view.state.tr.setSelection(Selection.near(doc.resolve(found))))
      view.focus()
      return found
    },
    { text, at },
  )
  await waitForEditorSelection(page)
  return pos
}

/**
 * Waits until the editor's state selection and the DOM selection in its shadow root say the same
 * thing. Keys the browser handles itself (arrows, Home, End) move the DOM selection first and
 * the editor reads it a moment later, on `selectionchange`: wait for this before the next key.
 */
export async function waitForEditorSelection(page: Page, timeout = 2_000): Promise<EditorSelection> {
  try {
    await page.waitForFunction(
      () => {
        const view = (document.querySelector('zongjie-editor') as any)?.view
        if (!view || view.composing) return false
        const root = view.root as Document | ShadowRoot
        const sel = 'getSelection' in root && typeof root.getSelection === 'function' ? root.getSelection() : document.getSelection()
        if (!sel || !sel.focusNode || !sel.anchorNode || !view.dom.contains(sel.focusNode)) return false
        try {
          const head = view.posAtDOM(sel.focusNode, sel.focusOffset)
          const anchor = view.posAtDOM(sel.anchorNode, sel.anchorOffset)
          const s = view.state.selection
          return s.head === head && s.anchor === anchor
        } catch {
          return false
        }
      },
      undefined,
      { timeout, polling: 'raf' },
    )
  } catch (error) {
    const state = await editorSelection(page).catch(() => null)
    throw new Error(`the editor's selection did not follow the DOM selection within ${timeout} ms (state: ${JSON.stringify(state)})`, { cause: error })
  }
  return editorSelection(page)
}

/** Presses a key (`'ArrowLeft'`, `'Enter'`, `'Control+z'`) and waits for the editor to read the new selection. */
export async function press(page: Page, key: string): Promise<EditorSelection> {
  await page.keyboard.press(key)
  return waitForEditorSelection(page)
}

/** Types text key by key (characters with no key, such as Chinese, arrive as text input) and waits for the selection. */
export async function typeText(page: Page, text: string): Promise<EditorSelection> {
  await page.keyboard.type(text)
  return waitForEditorSelection(page)
}

/**
 * Types `commit` the way a Chinese input method does, through Chromium's IME over CDP: the
 * composition shows each of `steps` in turn (the pinyin as it is typed, `['z', 'zong', 'zongjie']`),
 * then the chosen characters are committed. Waits until the editor is no longer composing.
 */
export async function compose(page: Page, steps: string[], commit: string): Promise<EditorSelection> {
  const cdp = await page.context().newCDPSession(page)
  try {
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
    }
    await cdp.send('Input.insertText', { text: commit })
  } finally {
    await cdp.detach()
  }
  await page.waitForFunction(() => !(document.querySelector('zongjie-editor') as any).view.composing)
  return waitForEditorSelection(page)
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1
}

// ---------------------------------------------------------------------------------------------
// The editor test suites: one page per worker, reloaded for every test.

/**
 * `test` for the editor suites: like {@link test}, but every test of a worker shares one page (and
 * its browser context, so the demo's modules come from the HTTP cache). Each test still starts from
 * a fresh document by opening the demo page again ({@link openDemo}), which takes a few hundred
 * milliseconds instead of a new context's second or two. Uncaught errors in the page fail the test.
 */
export const editorTest = base.extend<{ pageErrors: string[] }, { sharedPage: Page }>({
  sharedPage: [
    async ({ browser }, use, workerInfo) => {
      const u = workerInfo.project.use
      const context = await browser.newContext({
        baseURL: u.baseURL,
        viewport: u.viewport,
        locale: u.locale,
        timezoneId: u.timezoneId,
      })
      const page = await context.newPage()
      await use(page)
      await context.close()
    },
    { scope: 'worker' },
  ],
  page: async ({ sharedPage }, use) => {
    await use(sharedPage)
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      const onError = (error: Error) => errors.push(`${error.name}: ${error.message}`)
      page.on('pageerror', onError)
      await use(errors)
      page.off('pageerror', onError)
      expect(errors, 'uncaught errors in the page').toEqual([])
    },
    { auto: true },
  ],
})

/** The Summary JSON of a summary written as plain text, read by the model's importer (in Node). */
export function summaryOf(text: string): Summary {
  return toSummary(importText(text).doc)
}

/** Opens the demo page and loads a summary, given as Summary JSON or as plain text; returns the editor. */
export async function openWith(page: Page, summary: Summary | string): Promise<Locator> {
  const el = await openDemo(page)
  const s = typeof summary === 'string' ? summaryOf(summary) : summary
  await setSummary(page, s)
  await expect.poll(() => getSummary(page)).toEqual(s)
  return el
}

/** The non-empty lines of `getText()`. */
export async function textLines(page: Page): Promise<string[]> {
  return (await getText(page)).split('\n').filter((l) => l !== '')
}

/** What the shadow DOM shows of the numbers: each heading and work item with its `data-number` / `data-ordinal`. */
export interface ShownNumbers {
  /** `data-number` + heading text, for every `.zj-heading`, in order. */
  headings: string[]
  /** `data-ordinal` + item text, for every `.zj-work-item`, in order. */
  items: string[]
}

/** Reads the numbers shown in the editor: the `data-number` and `data-ordinal` attributes the styles display. */
export function shownNumbers(page: Page): Promise<ShownNumbers> {
  return page.evaluate(() => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    // The text as the writer sees it: without the caret stops (U+2060, drawn as nothing) of blocks drawn on one line.
    const text = (el: Element) => (el.textContent ?? '').replaceAll('\u2060', '')
    return {
      headings: [...root.querySelectorAll('.ProseMirror .zj-heading')].map((h) => (h.getAttribute('data-number') ?? '∅') + text(h)),
      items: [...root.querySelectorAll('.ProseMirror .zj-work-item')].map((i) => (i.getAttribute('data-ordinal') ?? '∅') + text(i)),
    }
  })
}

/** The generated content (`::before`) of each heading in the shadow DOM: what the writer sees before the heading text. */
export function generatedNumbers(page: Page, selector = '.zj-heading'): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector('zongjie-editor')!.shadowRoot!
    return [...root.querySelectorAll(`.ProseMirror ${selector}`)].map((h) => {
      const c = getComputedStyle(h, '::before').content
      return c === 'none' || c === 'normal' ? '' : c.replace(/^"|"$/g, '')
    })
  }, selector)
}

/** The document position just before (`'start'`) or after (`'end'`) the first occurrence of `text` inside one text node. */
export function positionOf(page: Page, text: string, at: 'start' | 'end' = 'start', nth = 0): Promise<number> {
  return page.evaluate(
    ({ text, at, nth }) => {
      const view = (document.querySelector('zongjie-editor') as any).view
      let found = -1
      let seen = 0
      view.state.doc.descendants((node: { isText: boolean; text?: string }, pos: number) => {
        if (found >= 0) return false
        if (node.isText) {
          let from = 0
          for (;;) {
            const i = node.text!.indexOf(text, from)
            if (i < 0) break
            if (seen++ === nth) {
              found = pos + i + (at === 'end' ? text.length : 0)
              break
            }
            from = i + 1
          }
        }
        return true
      })
      if (found < 0) throw new Error(`positionOf: 「${text}」 is not in one text node of the document`)
      return found
    },
    { text, at, nth },
  )
}

/** The positions of the metric (or blank) fields of the document, in order. */
export function fieldPositions(page: Page, type: 'metric' | 'blank' = 'metric'): Promise<number[]> {
  return page.evaluate((type) => {
    const view = (document.querySelector('zongjie-editor') as any).view
    const out: number[] = []
    view.state.doc.descendants((node: { type: { name: string } }, pos: number) => {
      if (node.type.name === type) out.push(pos)
      return true
    })
    return out
  }, type)
}

/**
 * Sets a text selection from `anchor` to `head` (document positions) through the view, focuses
 * the editor and waits for the DOM selection to follow. With `head` omitted, a cursor.
 */
export async function selectRange(page: Page, anchor: number, head = anchor): Promise<EditorSelection> {
  await page.evaluate(
    ({ anchor, head }) => {
      const view = (document.querySelector('zongjie-editor') as any).view
      const { doc } = view.state
      // TextSelection is not exported to the page: Selection.near on a text position gives one.
      const near = view.state.selection.constructor.near(doc.resolve(anchor))
      const TextSelection = near.constructor
      const sel = TextSelection.between(doc.resolve(anchor), doc.resolve(head))
      view.dispatch(view.state.tr.setSelection(sel))
      view.focus()
    },
    { anchor, head },
  )
  return waitForEditorSelection(page)
}

/**
 * Dispatches a synthetic `paste` event with the given clipboard data on the ProseMirror element;
 * returns whether the editor took it (default prevented). Then waits until what was pasted is in
 * (the first paste may wait for the module that reads it), unless `settle` is false.
 */
export async function paste(page: Page, data: { text?: string; html?: string }, settle = true): Promise<boolean> {
  const taken = await page.evaluate((data) => {
    const pm = document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror') as HTMLElement
    const dt = new DataTransfer()
    if (data.html !== undefined) dt.setData('text/html', data.html)
    if (data.text !== undefined) dt.setData('text/plain', data.text)
    const event = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true })
    pm.dispatchEvent(event)
    return event.defaultPrevented
  }, data)
  if (settle) await pastesSettled(page)
  return taken
}

/**
 * Waits until what loads on the writer's first focus, with the module that reads pastes, is in
 * (Tab's and Shift-Tab's reversible demote and promote among it): the editor's own
 * `loadPasteReader`, from the copy of its clipboard module the demo page loaded.
 */
export async function firstFocusPartsLoaded(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const url = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .find((name) => /\/plugins\/clipboard\.ts(\?|$)/.test(name))
    if (!url) throw new Error('the editor’s clipboard module is not among the modules the page loaded')
    await ((await import(url)) as { loadPasteReader(): Promise<unknown> }).loadPasteReader()
  })
}

/** Waits until no paste or drop waits for the module that reads it (the clipboard plugin's pending pastes). */
export async function pastesSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const view = (document.querySelector('zongjie-editor') as unknown as { view: { state: { plugins: { key: string; getState(s: unknown): { pastes: unknown[] } }[] } } }).view
    const plugin = view.state.plugins.find((p) => p.key.startsWith('zongjie-pending-paste'))
    return !plugin || plugin.getState(view.state).pastes.length === 0
  })
}

/** Dispatches a synthetic `copy` (or `cut`) event on the ProseMirror element and returns what the editor put on the clipboard. */
export function copy(page: Page, type: 'copy' | 'cut' = 'copy'): Promise<{ text: string; html: string; handled: boolean }> {
  return page.evaluate((type) => {
    const pm = document.querySelector('zongjie-editor')!.shadowRoot!.querySelector('.ProseMirror') as HTMLElement
    const dt = new DataTransfer()
    const event = new ClipboardEvent(type, { clipboardData: dt, bubbles: true, cancelable: true, composed: true })
    pm.dispatchEvent(event)
    return { text: dt.getData('text/plain'), html: dt.getData('text/html'), handled: event.defaultPrevented }
  }, type)
}

/** One event the editor element fired, as recorded by {@link recordEvents}. */
export interface RecordedEvent {
  type: string
  /** `detail.summary` as read when the event fired, for `input` and `change`. */
  summary?: Summary
  message?: string
  path?: string
  bubbles: boolean
  composed: boolean
  isCustom: boolean
}

/** Starts recording the editor element's `input`, `change` and `error` events (listeners on `document`); read them with {@link recordedEvents}. */
export function recordEvents(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __zjEvents: unknown[]; __zjRecording?: boolean }
    w.__zjEvents = []
    if (w.__zjRecording) return
    w.__zjRecording = true
    for (const type of ['input', 'change', 'error']) {
      document.addEventListener(type, (e) => {
        if (!(e.target instanceof Element) || e.target.localName !== 'zongjie-editor') return
        const detail = e instanceof CustomEvent ? e.detail : undefined
        w.__zjEvents.push({
          type,
          ...(detail && 'summary' in detail ? { summary: detail.summary } : {}),
          ...(detail && typeof detail.message === 'string' ? { message: detail.message } : {}),
          ...(detail && typeof detail.path === 'string' ? { path: detail.path } : {}),
          bubbles: e.bubbles,
          composed: e.composed,
          isCustom: e instanceof CustomEvent,
        })
      })
    }
  })
}

/** The events recorded since {@link recordEvents}. */
export function recordedEvents(page: Page): Promise<RecordedEvent[]> {
  return page.evaluate(() => (window as unknown as { __zjEvents: RecordedEvent[] }).__zjEvents)
}

/**
 * An IME composition over CDP, step by step, so that a test can look at the editor between steps:
 * `const ime = await startComposition(page); await ime.step('yi'); …; await ime.commit('一')`.
 */
export async function startComposition(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  return {
    /** Shows `text` as the composition (the pinyin, or candidates as an input method shows them inline). */
    async step(text: string) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
      // Let the editor read the DOM change the composition made.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20))))
    },
    /** Commits `text` and ends the composition; waits until the editor is no longer composing. */
    async commit(text: string) {
      await cdp.send('Input.insertText', { text })
      await cdp.detach()
      await page.waitForFunction(() => !(document.querySelector('zongjie-editor') as any).view.composing)
      return waitForEditorSelection(page)
    },
  }
}

/** Whether the editor's view is composing (an IME composition is open). */
export function isComposing(page: Page): Promise<boolean> {
  return page.evaluate(() => !!(document.querySelector('zongjie-editor') as any).view.composing)
}

/** A short draft with two sections and one unfilled metric, shared by the suites that need only a little text. */
export const shortDraft = `示范县民政局2024年上半年工作总结

现将上半年工作总结如下：

一、主要工作
全年培训干部X名。
二、社会事务
办理婚姻登记。
`

/** Sets the editor's `user` (who is writing), as the page does from its login; null for nobody. */
export function setUser(page: Page, user: unknown): Promise<void> {
  return page.evaluate((u) => {
    ;(document.querySelector('zongjie-editor') as unknown as { user: unknown }).user = u
  }, user)
}

/** A short draft that review rounds (comments, suggestions) work on: an opening, a section with a metric, problems with a work item. */
export const reviewDraft = `示范县民政局2024年上半年工作总结

上半年，我局稳步推进各项工作。

一、主要工作
新建社区养老服务站6个。
二、存在的问题
一是力量不足。
`
