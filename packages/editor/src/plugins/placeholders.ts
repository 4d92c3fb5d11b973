import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'

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

function placeholderDecorations(doc: Node, documentPlaceholder: string): DecorationSet {
  const decos: Decoration[] = []
  // The writer's own guidance goes in the opening's first paragraph.
  let openingFirst = -1
  doc.forEach((child, offset) => {
    if (child.type.name === 'preamble' && child.firstChild?.type.name === 'paragraph') openingFirst = offset + 1
  })
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    if (node.content.size === 0) {
      const text = pos === openingFirst && documentPlaceholder ? documentPlaceholder : placeholderTexts[node.type.name]
      if (text) decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'zj-empty', 'data-placeholder': text }))
    }
    return false
  })
  return DecorationSet.create(doc, decos)
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
      apply: (tr, set) => (tr.docChanged || tr.getMeta(placeholdersKey) ? placeholderDecorations(tr.doc, paragraphText()) : set),
    },
    props: { decorations: (state) => placeholdersKey.getState(state) },
  })
}
