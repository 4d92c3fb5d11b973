import { Plugin, PluginKey, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { isTextOnly, touchedTextblocks } from './text-only.ts'

/** Guidance shown in an empty block of each kind. Never part of the document. */
export const placeholderTexts: Record<string, string> = {
  title: '标题：单位 + 时间 + 工作总结，如“XX局2024年上半年工作总结”',
  subtitle: '副标题',
  heading: '请输入标题',
  paragraph: '请输入正文',
  workIntro: '引语',
  workItem: '请输入工作事项：先写一句概括，再写具体做法',
  workNote: '补充说明',
  organization: '落款单位',
  date: '日期，如 2024年7月10日',
}

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

function placeholderFor(node: Node, pos: number, doc: Node, documentPlaceholder: string, first = openingFirst(doc)): Decoration | null {
  if (!node.isTextblock || node.content.size) return null
  const text = pos === first && documentPlaceholder ? documentPlaceholder : placeholderTexts[node.type.name]
  return text ? Decoration.node(pos, pos + node.nodeSize, { class: 'zj-empty', 'data-placeholder': text }) : null
}

function placeholderDecorations(doc: Node, documentPlaceholder: string): DecorationSet {
  const decos: Decoration[] = []
  const first = openingFirst(doc)
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    const deco = placeholderFor(node, pos, doc, documentPlaceholder, first)
    if (deco) decos.push(deco)
    return false
  })
  return DecorationSet.create(doc, decos)
}

/** The placeholders after a text-only change: mapped, and redone for the textblocks it touched. */
function updatePlaceholders(set: DecorationSet, tr: Transaction, documentPlaceholder: string): DecorationSet {
  let next = set.map(tr.mapping, tr.doc)
  for (const pos of touchedTextblocks(tr)) {
    const node = tr.doc.nodeAt(pos)
    if (!node) continue
    next = next.remove(next.find(pos + 1, pos + node.nodeSize - 1))
    const deco = placeholderFor(node, pos, tr.doc, documentPlaceholder)
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
export function placeholders(paragraphText: () => string): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: placeholdersKey,
    state: {
      init: (_, state) => placeholderDecorations(state.doc, paragraphText()),
      apply: (tr, set) => {
        if (tr.getMeta(placeholdersKey)) return placeholderDecorations(tr.doc, paragraphText())
        if (!tr.docChanged) return set
        return isTextOnly(tr) ? updatePlaceholders(set, tr, paragraphText()) : placeholderDecorations(tr.doc, paragraphText())
      },
    },
    props: { decorations: (state) => placeholdersKey.getState(state) },
  })
}
