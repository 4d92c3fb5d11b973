import type { Node } from 'prosemirror-model'

/**
 * Values derived from the top-level parts of documents (the title, the opening, each top-level
 * section, the closing …), kept for each part's node. A node is immutable, so what is derived from
 * it stays right as long as what else it depends on, its `key` (a place, a number), is the same:
 * after an edit, only the parts the edit changed are derived again.
 */
export class PartCache<T> {
  private readonly kept = new WeakMap<Node, { key: string; value: T }>()

  /** The value for `part` under `key`: the one kept, or else `make()`, kept from now on. */
  get(part: Node, key: string, make: () => T): T {
    const kept = this.kept.get(part)
    if (kept && kept.key === key) return kept.value
    const value = make()
    this.kept.set(part, { key, value })
    return value
  }
}
