import { test, expect } from './helpers.ts'
import type { Page } from '@playwright/test'

/** The boxes of the editor's headings and paragraphs, relative to the editor. */
async function boxes(page: Page) {
  return page.locator('zongjie-editor').evaluate((el) => {
    const origin = el.getBoundingClientRect()
    return [...el.shadowRoot!.querySelectorAll('.zj-title, .zj-heading, .zj-paragraph, .zj-work-item')].map((n) => {
      const r = n.getBoundingClientRect()
      return { cls: n.className, x: r.x - origin.x, y: r.y - origin.y, w: r.width, h: r.height }
    })
  })
}

test('hostile page CSS does not change the editor, and the editor’s CSS does not leak out', async ({ page }) => {
  await page.goto('isolation.html')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const clean = await boxes(page)
  expect(clean.length).toBeGreaterThan(20)

  await page.goto('isolation.html?hostile')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  expect(await page.locator('#hostile').count()).toBe(1)
  const hostile = await boxes(page)
  expect(hostile.length).toBe(clean.length)
  hostile.forEach((b, i) => {
    const c = clean[i]!
    for (const k of ['x', 'y', 'w', 'h'] as const) expect(Math.abs(b[k] - c[k]), `${c.cls} #${i} ${k}`).toBeLessThanOrEqual(1)
  })

  // The editor's own classes style nothing outside it.
  const leaked = await page.evaluate(() => {
    const p = document.createElement('p')
    p.className = 'zj-paragraph zj-heading'
    p.textContent = '页面上的段落'
    document.body.append(p)
    const style = getComputedStyle(p)
    return { indent: style.textIndent, font: style.fontFamily }
  })
  expect(leaked.indent).toBe('0px')
  expect(leaked.font).not.toContain('FangSong')
})

/** What the editor shows with every panel on: the summary's text, an open field with its hint, each panel's parts. */
const shown = [
  '.zj-title', '.zj-heading', '.zj-paragraph', '.zj-work-item', '.zj-field', '.zj-field-input', '.zj-field-hint',
  '.toolbar button', '.toolbar label', '.toolbar select', '.panel-title', '.outline li', '.findings li',
  '.metrics th', '.metrics td', '.metrics input', '.metrics .csv', '.status span',
].join(', ')

/** One element of each kind whose computed style is compared whole. */
const sampled = [
  '.shell', '.zj-title', '.zj-chinese > .zj-heading', '.zj-paragraph', '.zj-field', '.zj-field-input', '.zj-field-hint',
  '.toolbar button', '.toolbar select', '.outline button', '.findings button', '.metrics td', '.metrics input', '.status span',
]

/**
 * Opens the isolation page with every panel (and `query`), opens the first unfilled metric and
 * types a letter so that its hint shows, then reads where each element shown is, relative to the
 * editor (its box, and the extent of its text), and the computed style of the sampled elements.
 */
async function withPanels(page: Page, query = '') {
  await page.goto('isolation.html?panels' + query)
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const el = page.locator('zongjie-editor')
  for (const panel of ['.outline li', '.findings li', '.metrics td', '.status span']) await expect(el.locator(panel).first()).toBeAttached()
  await el.locator('.zj-field.zj-metric.zj-unfilled').first().click()
  await expect(el.locator('.zj-field-input')).toBeFocused()
  await page.keyboard.type('a')
  await expect(el.locator('.zj-field-hint')).toBeVisible()
  return el.evaluate(
    (e, { shown, sampled }) => {
      const root = e.shadowRoot!
      const origin = e.getBoundingClientRect()
      const range = document.createRange()
      const at = (r: DOMRect) => [r.x - origin.x, r.y - origin.y, r.width, r.height].map((v) => Math.round(v * 100) / 100)
      const boxes = [...root.querySelectorAll(shown)].map((n) => {
        range.selectNodeContents(n)
        const text = range.getBoundingClientRect()
        return { what: `${n.localName}.${n.className}`, box: at(n.getBoundingClientRect()), text: text.width ? at(text) : [] }
      })
      const styles = sampled.map((selector) => {
        const style = getComputedStyle(root.querySelector(selector)!)
        return { selector, style: Object.fromEntries([...style].map((p) => [p, style.getPropertyValue(p)])) }
      })
      return { boxes, styles }
    },
    { shown, sampled },
  )
}

test('inherited properties the page sets on everything with !important do not reach inside the editor', async ({ page }) => {
  const clean = await withPanels(page)
  expect(clean.boxes.length).toBeGreaterThan(100)

  const hostile = await withPanels(page, '&inherited')
  const host = await page.locator('zongjie-editor').evaluate((e) => {
    const style = getComputedStyle(e)
    return [style.letterSpacing, style.color, style.fontFamily, getComputedStyle(e.parentElement!).writingMode]
  })
  expect(host, 'the page’s stylesheet is in force on the element').toEqual(['10px', 'rgb(255, 0, 0)', 'fantasy', 'vertical-rl'])

  // Positions: every element and its text where it is on a clean page, within 1 px.
  expect(hostile.boxes.map((b) => b.what)).toEqual(clean.boxes.map((b) => b.what))
  const moved = hostile.boxes.flatMap((b, i) => {
    const c = clean.boxes[i]!
    const far = (a: number[], z: number[]) => a.some((v, k) => Math.abs(v - z[k]!) > 1)
    return far(b.box, c.box) || far(b.text, c.text) ? [`${c.what} #${i}: box ${c.box} → ${b.box}, text ${c.text} → ${b.text}`] : []
  })
  expect(moved).toEqual([])

  // Styles: what positions would not show (colour, shadows, emphasis, cursor, smoothing …), property by property.
  const changed = hostile.styles.flatMap(({ selector, style }, i) => {
    const before = clean.styles[i]!.style
    return Object.keys({ ...before, ...style }).flatMap((p) => (style[p] === before[p] ? [] : [`${selector} ${p}: ${before[p]} → ${style[p]}`]))
  })
  expect(changed).toEqual([])
})

test('what the page sets on the element as a whole still applies inside: hidden, no pointer events, the language', async ({ page }) => {
  await page.goto('isolation.html?panels')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const parts = ['.zj-paragraph', '.toolbar button', '.status span']
  // The status line comes with the panels' first fill, in an idle moment after the first frame.
  await expect.poll(() => page.locator('zongjie-editor').evaluate((e, parts) => parts.every((selector) => e.shadowRoot!.querySelector(selector)), parts)).toBe(true)
  const inside = () =>
    page.locator('zongjie-editor').evaluate(
      (e, parts) =>
        parts.map((selector) => {
          const style = getComputedStyle(e.shadowRoot!.querySelector(selector)!)
          return [style.visibility, style.pointerEvents, style.getPropertyValue('-webkit-locale')].join(' ')
        }),
      parts,
    )
  expect(await inside()).toEqual(Array(3).fill('visible auto "zh-CN"'))
  await page.locator('#host').evaluate((host) => {
    host.style.visibility = 'hidden'
    host.style.pointerEvents = 'none'
    host.setAttribute('lang', 'ja')
  })
  // The summary's text is Chinese whatever the language of the page around it.
  expect(await inside()).toEqual(['hidden none "zh-CN"', 'hidden none "ja"', 'hidden none "ja"'])
})

test('theming through the documented custom properties: field highlight, page width, fonts', async ({ page }) => {
  await page.goto('isolation.html')
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true')
  const el = page.locator('zongjie-editor')
  await el.evaluate((e) => {
    e.style.setProperty('--zongjie-field-bg', 'rgb(1, 2, 3)')
    e.style.setProperty('--zongjie-page-width', '500px')
    e.style.setProperty('--zongjie-font-heiti', 'monospace')
  })
  const look = await el.evaluate((e) => {
    const root = e.shadowRoot!
    return {
      field: getComputedStyle(root.querySelector('.zj-field.zj-unfilled')!).backgroundColor,
      page: root.querySelector('.page')!.getBoundingClientRect().width,
      heading: getComputedStyle(root.querySelector('.zj-chinese > .zj-heading')!).fontFamily,
    }
  })
  expect(look).toEqual({ field: 'rgb(1, 2, 3)', page: 500, heading: 'monospace' })
})
