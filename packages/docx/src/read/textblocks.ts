import { Fragment, type Node } from 'prosemirror-model'

/**
 * `doc` with each textblock (paragraph, heading, title …) as `f` makes it anew, or as it is where
 * `f` gives null; the nodes above a textblock copied only where something under them changed, so
 * that an unchanged document is given back itself.
 */
export function mapTextblocks(doc: Node, f: (block: Node) => Node | null): Node {
  const walk = (node: Node): Node => {
    if (node.isTextblock) return f(node) ?? node
    if (node.isLeaf) return node
    let any = false
    const content: Node[] = []
    node.forEach((c) => {
      const out = walk(c)
      if (out !== c) any = true
      content.push(out)
    })
    return any ? node.copy(Fragment.fromArray(content)) : node
  }
  return walk(doc)
}
