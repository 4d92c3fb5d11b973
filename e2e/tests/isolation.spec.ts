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
