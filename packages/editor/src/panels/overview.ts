/**
 * The panels that give an overview of the draft — the outline (提纲), the findings (检查结果) and
 * the status line (字数, 未填写) — loaded together after the first frame, when any of them is on:
 * opening a summary and typing need none of them.
 */
import { css } from 'lit'
import { adoptPanelStyles } from './panel-styles.ts'

export { outlineOf, outlineList, renderOutline } from './outline.ts'
export type { OutlineEntry } from './outline.ts'
export { findingsList, renderFindings } from './findings.ts'
export { statusOf, renderStatus } from './status.ts'

/** The outline's, the findings' and the status line's styles, added to their element's when they load (see {@link adoptOverviewStyles}). */
export const overviewStyles = css`
  .outline, .findings { overflow: auto; background: var(--zj-panel-bg); font-size: 13px; }
  .status .done { color: #15803d; }
  /* The outline beside the page; the findings share the side column with the other panels (its .side > * rule). */
  .outline { width: 220px; flex: none; border-right: 1px solid var(--zj-border); }
  .findings { width: 260px; }
  .outline ol, .findings ol { list-style: none; margin: 0; padding: 0 4px 8px; }
  .outline button, .findings button { display: block; width: 100%; text-align: left; border: none; background: none; padding: 3px 6px; border-radius: 3px; font: inherit; color: inherit; cursor: pointer; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .outline button:hover, .findings button:hover { background: #e5e7eb; }
  .outline [data-level='2'] button { padding-left: 18px; }
  .outline [data-level='3'] button { padding-left: 30px; }
  .outline [data-level='4'] button { padding-left: 42px; }
  .findings li { display: flex; align-items: baseline; }
  .findings button { white-space: normal; }
  .findings li::before { content: '●'; font-size: 10px; margin: 0 2px 0 6px; flex: none; }
  .findings .error::before { color: var(--zj-accent); }
  .findings .warning::before { color: #d97706; }
  .findings .info::before { color: #6b7280; }
  .findings .advice::before { color: #2563eb; }
  .findings .none { padding: 4px 10px; color: #15803d; }
  .status { display: flex; gap: 16px; padding: 4px 10px; border-top: 1px solid var(--zj-border); background: var(--zj-panel-bg); font-size: 12px; color: #4b5563; }
  .status .unfilled { color: var(--zj-accent); }
`

/** Adds {@link overviewStyles} to the element's shadow root. */
export function adoptOverviewStyles(host: Parameters<typeof adoptPanelStyles>[0]): void {
  adoptPanelStyles(host, overviewStyles)
}
