/**
 * The list a panel shows, kept while what it shows stays the same: an `<ol>` with one `<li>` per
 * item, built by `fill` from the item's text alone. Typing moves every later section and field in
 * the document, but their entries read the same, so the panel keeps its list (a long summary lists
 * hundreds of entries) and looks each entry's place up when it is clicked, by its `data-index`.
 * One for each panel of each element: Lit places the same element again and does not diff the
 * entries, and as plain DOM they cost no template state.
 */
export class PanelList<T, S extends object> {
  private items: T[] | null = null
  private strings: S | null = null
  private ol: HTMLOListElement | null = null

  /**
   * @param same whether two items read the same (their place aside)
   * @param fill builds the entry of an item; its clickable element carries `data-index`
   */
  constructor(
    private readonly same: (a: T, b: T) => boolean,
    private readonly fill: (li: HTMLLIElement, item: T, index: number, t: S) => void,
  ) {}

  /** The list for `items` in the catalogue `t`: the one built before when every entry reads the same. */
  of(items: T[], t: S): HTMLOListElement {
    const before = this.items
    if (this.ol && t === this.strings && before && before.length === items.length && items.every((item, i) => item === before[i] || this.same(item, before[i]!))) {
      this.items = items
      return this.ol
    }
    const ol = document.createElement('ol')
    items.forEach((item, i) => this.fill(ol.appendChild(document.createElement('li')), item, i, t))
    this.items = items
    this.strings = t
    this.ol = ol
    return ol
  }
}

/** The index in `data-index` of the entry an event happened in, or null. */
export function entryIndex(event: Event): number | null {
  const index = (event.target as Element).closest<HTMLElement>('[data-index]')?.dataset.index
  return index === undefined ? null : Number(index)
}
