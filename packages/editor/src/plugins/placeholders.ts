import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { isTextOnly, touchedTextblocks } from './text-only.ts'
import { zhCN } from '../locales/zh-CN.ts'

/** Guidance shown in an empty block of each kind (简体中文; the editor's catalogue gives it per language). Never part of the document. */
export const placeholderTexts: Record<string, string> = zhCN.placeholders

/** The key of the placeholder plugin. */
export const placeholdersKey = new PluginKey<DecorationSet>('zongjie-placeholders')

/** Where the opening's first paragraph starts, which takes the writer's own guidance. */
function openingFirst(doc: Node): number {
  let at = -1
  doc.forEach((child, offset) => {
    if (child.type.name === 'preamble' && child.firstChild?.type.name === 'paragraph') at = offset + 1
  })
  return at
}

function placeholderFor(node: Node, pos: number, doc: Node, texts: Texts, first = openingFirst(doc)): Decoration | null {
  if (!node.isTextblock || node.content.size) return null
  const text = pos === first && texts.opening ? texts.opening : texts.byType[node.type.name]
  return text ? Decoration.node(pos, pos + node.nodeSize, { class: 'zj-empty', 'data-placeholder': text }) : null
}

/** The guidance texts in force: by block type, and the writer's own for the opening. */
interface Texts {
  byType: Record<string, string>
  opening: string
}

function placeholderDecorations(doc: Node, texts: Texts): DecorationSet {
  const decos: Decoration[] = []
  const first = openingFirst(doc)
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const deco = placeholderFor(node, pos, doc, texts, first)
    if (deco) decos.push(deco)
    return false
  })
  return DecorationSet.create(doc, decos)
}

/**
 * The placeholders after a text-only change: mapped, and redone for the textblocks it touched.
 * The guidance texts are asked for only when a block's placeholder is redone (typing in a block
 * that has text, the usual case, asks for none: the element's catalogue is looked up afresh on
 * every call).
 */
function updatePlaceholders(set: DecorationSet, tr: Transaction, texts: () => Texts): DecorationSet {
  let next = set.map(tr.mapping, tr.doc)
  let known: Texts | null = null
  for (const pos of touchedTextblocks(tr)) {
    const node = tr.doc.nodeAt(pos)
    if (!node) continue
    const found = next.find(pos + 1, pos + node.nodeSize - 1)
    // A block that had text and still has it had no placeholder and gets none: nothing to do.
    if (!found.length && node.content.size) continue
    next = next.remove(found)
    const deco = placeholderFor(node, pos, tr.doc, (known ??= texts()))
    if (deco) next = next.add(tr.doc, [deco])
  }
  return next
}

/**
 * Placeholders: an empty block carries `zj-empty` and its guidance in `data-placeholder`, shown by
 * the styles as generated content after the caret, in the flow of the line (not positioned), so
 * it can never be typed into nor disturb composition. `paragraphText`, when given, replaces the
 * guidance of the opening's first paragraph (the element's `placeholder` attribute).
 */
export function placeholders(paragraphText: () => string, byType: () => Record<string, string> = () => placeholderTexts): Plugin<DecorationSet> {
  const texts = (): Texts => ({ byType: byType(), opening: paragraphText() })
  return new Plugin<DecorationSet>({
    key: placeholdersKey,
    state: {
      init: (_, state) => placeholderDecorations(state.doc, texts()),
      apply: (tr, set) => {
        if (tr.getMeta(placeholdersKey)) return placeholderDecorations(tr.doc, texts())
        if (!tr.docChanged) return set
        return isTextOnly(tr) ? updatePlaceholders(set, tr, texts) : placeholderDecorations(tr.doc, texts())
      },
    },
    props: { decorations: (state) => placeholdersKey.getState(state) },
  })
}
