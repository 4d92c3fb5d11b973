import type { ResolvedPos } from 'prosemirror-model'

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
