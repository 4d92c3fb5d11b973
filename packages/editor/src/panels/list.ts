/** The lists built so far, by the data and the strings they show. */
const built = new WeakMap<object, WeakMap<object, HTMLOListElement>>()

/**
 * An `<ol>` with one `<li>` per item, filled by `fill`, built once for each `items` array and
 * catalogue `t` and then reused: Lit places the same element again and does not diff the entries.
 * The panels list hundreds of entries in a long summary; as plain DOM they cost no template state.
 */
export function listOnce<T>(items: T[], t: object, fill: (li: HTMLLIElement, item: T, index: number) => void): HTMLOListElement {
  let byStrings = built.get(items)
  if (!byStrings) built.set(items, (byStrings = new WeakMap()))
  let ol = byStrings.get(t)
  if (!ol) {
    ol = document.createElement('ol')
    items.forEach((item, i) => fill(ol!.appendChild(document.createElement('li')), item, i))
    byStrings.set(t, ol)
  }
  return ol
}
