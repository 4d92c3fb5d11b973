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
