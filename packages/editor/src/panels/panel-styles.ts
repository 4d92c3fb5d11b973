import { adoptStyles, supportsAdoptingStyleSheets, type CSSResult, type ReactiveControllerHost } from 'lit'

/**
 * Adds the styles of a panel loaded on first use to the element's shadow root, after the
 * element's own: panels that come later bring their styles with them.
 */
export function adoptPanelStyles(host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }, styles: CSSResult): void {
  const root = host.renderRoot
  if (!(root instanceof ShadowRoot)) return
  adoptStyles(root, supportsAdoptingStyleSheets ? [...root.adoptedStyleSheets, styles] : [styles])
}
