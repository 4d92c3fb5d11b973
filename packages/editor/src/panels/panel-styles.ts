import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveControllerHost } from 'lit'

/** The styles each shadow root has been given by {@link adoptPanelStyles}. */
const adopted = new WeakMap<ShadowRoot, Set<CSSResult>>()

/**
 * Adds the styles of a part loaded on first use (a panel, co-editing) to the element's shadow
 * root, after the element's own, once: parts that come later bring their styles with them.
 */
export function adoptPanelStyles(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }, styles: CSSResult): void {
  const root = host.renderRoot
  if (!(root instanceof ShadowRoot)) return
  const given = adopted.get(root) ?? new Set<CSSResult>()
  if (given.has(styles)) return
  given.add(styles)
  adopted.set(root, given)
  adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, styles] : [styles])
}
