/**
 * Helpers for the browser tests: open the demo page, reach `<zongjie-editor>` and the ProseMirror
 * view in its shadow root, read what the editor holds, press keys and wait for the editor to see
 * the selection they made, and type through an IME composition (CDP) as a Chinese input method does.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import type { Finding, Summary } from '@zongjie/model'

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
