import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node, ResolvedPos } from 'prosemirror-model'
import { isSection } from '@zongjie/model'
import { isTextOnly } from './text-only.ts'

/**
 * Whether the textblock `$pos` is in is drawn on the line of the block before it: a work item of
 * a list written together (`一是……；二是……`), or the first block after a run-in heading
 * (`（一）标题。正文……`) and the items of a list there (see the element's styles).
 */
export function drawnInline($pos: ResolvedPos): boolean {
  const block = $pos.parent
  const container = $pos.node($pos.depth - 1)
  if (block.type.name === 'workItem' && container.attrs.layout === 'joined') return true
  // In a run-in section, the block right after the heading, or an item of the list right after it.
  const inList = container.type.name === 'workItems'
  const section = inList ? $pos.node($pos.depth - 2) : container
  const index = inList ? $pos.index($pos.depth - 2) : $pos.index($pos.depth - 1)
  return section.attrs.runIn === true && index === 1 && block.type.name !== 'heading'
}

/**
 * A caret stop: an empty element the browser cannot put text in, drawn at the start of a block
 * drawn on the line of the one before it (see {@link drawnInline}), and at the end of a run-in
 * heading. Without it, the start of such a block is, to the browser, the end of the block before
 * on the same line: after Enter in `一是……；二是……` or at the end of a run-in heading, what the
 * writer typed (or composed) went into the item or the heading before. Part of the node views of
 * work items and headings (`plugins/numbering.ts`), outside their content, so that no change of
 * the text redraws it (a composition beside a redrawn element is lost).
 */
export function caretStop(): HTMLElement {
  const stop = document.createElement('span')
  stop.className = 'zj-caret-stop'
  stop.contentEditable = 'false'
  stop.textContent = '\u2060'
  return stop
}

/**
 * How a container draws blocks on one line, or `null`: a list written together (`joined`), a
 * run-in section (`runIn`: its heading ends with a caret stop), a list right after a run-in
 * heading (`afterRunIn`: its items are on the heading's line).
 */
function inlineKind(node: Node, parent: Node | null, index: number): string | null {
  let kind = ''
  if (node.type.name === 'workItems') {
    if (node.attrs.layout === 'joined') kind += 'joined '
    if (index === 1 && parent && isSection(parent) && parent.attrs.runIn === true) kind += 'afterRunIn'
  } else if (isSection(node) && node.attrs.runIn === true) kind = 'runIn'
  return kind || null
}

/** The containers of a document that draw blocks on one line, each marked by a node decoration with no attributes. */
function inlineContainers(doc: Node): DecorationSet {
  const decos: Decoration[] = []
  doc.descendants((node, pos, parent, index) => {
    if (node.isTextblock) return false
    const kind = inlineKind(node, parent, index)
    if (kind) decos.push(Decoration.node(pos, pos + node.nodeSize, {}, { inlineBlocks: kind }))
    return true
  })
  return DecorationSet.create(doc, decos)
}

/** The key of the {@link inlineBlocks} plugin. */
export const inlineBlocksKey = new PluginKey<DecorationSet>('zongjie-inline-blocks')

/**
 * Keeps caret stops (see {@link caretStop}) where blocks are drawn on one line, when a container
 * comes to draw them so, or stops, after its blocks were drawn: a list switched to written
 * together or back, a section made run-in or not, a list brought up to a run-in heading's line.
 * Each such container carries a node decoration naming how (no attributes, nothing drawn): when
 * that changes, ProseMirror draws the container's blocks anew (it would otherwise move the same
 * views into it), and their node views decide their caret stops again. Typing changes none: the
 * decorations are only mapped; other changes recompute them, a walk of the document's containers.
 */
export function inlineBlocks(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: inlineBlocksKey,
    state: {
      init: (_, state) => inlineContainers(state.doc),
      apply: (tr, set) => (!tr.docChanged ? set : isTextOnly(tr) ? set.map(tr.mapping, tr.doc) : inlineContainers(tr.doc)),
    },
    props: {
      decorations: (state) => inlineBlocksKey.getState(state),
    },
  })
}
