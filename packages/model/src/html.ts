import { Mark, type Node } from 'prosemirror-model'
import { threadsOf, withoutCommentMarks } from './comments.ts'
import { settledSummary, suggestionsOf, isSuggestionMark } from './suggestions.ts'
import {
  suggestionsToWrite,
  inlineSuggestionElement,
  blockSuggestionAttrs,
  suggestionDescriptions,
} from './html-suggestions.ts'
import { printStylesheet } from './print.ts'
import { reviewTime } from './review-time.ts'
import { sectionNumber, workItemOrdinal } from './numbering.ts'
import {
  sectionFormats,
  displayText,
  metricText,
  blankText,
  metricDataAttrs,
  blankDataAttrs,
  type MetricAttrs,
  type BlankAttrs,
  type SectionFormat,
  type SectionTypeName,
  type CommentThread,
  type CommentReply,
  type CommentAuthor,
  type Suggestion,
} from './schema.ts'

// =============================================================================================
// The HTML shape (version 1; version 2 when it carries suggestions, see below)
//
// <article class="zj-summary" data-zongjie="1" lang="zh-CN">
//   <h1 class="zj-title">…</h1>
//   <p class="zj-subtitle">…</p>                                   (optional)
//   <div class="zj-preamble"> blocks </div>
//   <section class="zj-section zj-chinese" data-role="work" data-level="1" data-format="chinese" data-number="一、" [data-run-in]>
//     <h2 class="zj-heading"><span class="zj-number">一、</span>…</h2>          (h2…h5 by depth)
//     blocks, then subsections
//   </section>
//   <section class="zj-section zj-problems" data-role="problems" … [data-unnumbered]> … </section>
//   <section class="zj-section zj-plans" data-role="plans" …> … </section>
//   <div class="zj-closing"> blocks </div>
//   <div class="zj-sign-off"><p class="zj-organization">…</p><p class="zj-date">…</p></div>   (optional)
// </article>
//
// Blocks:
//   <p class="zj-paragraph">…</p>
//   <div class="zj-work-items" data-layout="separate">
//     <p class="zj-work-intro">…</p> <p class="zj-work-item"><span class="zj-ordinal">一是</span>…</p> <p class="zj-work-note">…</p>
//   </div>
//   <div class="zj-work-items" data-layout="joined">
//     <p class="zj-work-line"><span class="zj-work-intro">…</span><span class="zj-work-item"><span class="zj-ordinal">一是</span>…</span>…</p>
//     <p class="zj-work-note">…</p>                              (a note breaks the line, as in plain text)
//   </div>
//
// A run-in section (`（一）落实责任。一是……`) starts with one paragraph holding the heading and the
// first line of its first block:
//   <p class="zj-run-in"><strong class="zj-heading" role="heading" aria-level="3"><span class="zj-number">（一）</span>…<span class="zj-stop">。</span></strong>
//     <span class="zj-paragraph">…</span>                        (first block a paragraph), or
//     <span class="zj-work-items" data-layout="joined">…item spans of the first line…</span></p>
//   <div class="zj-work-items" data-layout="joined" data-continued="">…the list's further lines…</div>
//
// Inline: text; <strong> for bold; fields as
//   <span class="zj-metric" data-value="22" data-range="" data-upper="30" data-scale="万" data-approx="余" data-unit="名" data-label="…" data-placeholder="X">22-30万余名</span>
//   <span class="zj-blank" data-value="…" data-label="…" data-placeholder="X">…</span>
// (`data-value`/`data-upper` absent while unfilled, `data-range` present only for a range).
//
// Numbers, ordinals and the run-in stop (`zj-number`, `zj-ordinal`, `zj-stop`) are written for
// reading and skipped when reading back: they are recomputed from the tree.
//
// Review comments (批注), unless written with `review: false`: commented text in
//   <span class="zj-comment" data-comment="c1">…</span>            (nested where comments overlap)
// and the threads in an appendix after the article:
//   <aside class="zj-comments" lang="zh-CN"><h2 class="zj-comments-title">批注</h2>
//     <section class="zj-comment-thread" data-comment="c1" data-scope="text" data-time="…"
//              data-author-id="…" data-author-name="…" [data-author-role="…"] [data-resolved]>
//       <p class="zj-comment-byline">…</p>                          (for reading, the time in Beijing time; skipped)
//       <blockquote class="zj-comment-quote">…</blockquote>
//       <p class="zj-comment-text">…</p>
//       <div class="zj-comment-reply" data-reply="r1" data-time="…" data-author-id="…" data-author-name="…" [data-author-role="…"]>
//         <p class="zj-comment-byline">…</p><p class="zj-comment-text">…</p></div>
//     </section>
//   </aside>
// A reader of version 1 that knows nothing of comments reads the text and leaves them out.
//
// Suggestions (修订), unless written with `review: false`, make the HTML version 2
// (`data-zongjie="2"`): a reader of version 1 would take deleted text and old values for text.
// Suggested text and fields, nested inside the comment spans (a suggestion mark is the innermost):
//   <ins class="zj-ins" data-suggestion="s1" data-author="李科长" data-time="…">…</ins>       (insertion)
//   <del class="zj-del" data-suggestion="s2" data-author="李科长" data-time="…">…</del>       (deletion)
//   <span class="zj-mod" data-suggestion="s3" data-author="…" data-time="…"
//         data-modification='{"type":"attr","attr":"value","previous":null,"value":8}'>   (a field's value changed)
//     <del class="zj-old">X名</del><span class="zj-metric" data-value="8" …>8名</span></span>
// (`data-author` and `data-time` for reading, `del.zj-old` the field's text before, for reading;
// all three skipped when reading back. A `span.zj-mod` holds one field; a field changed by two
// suggestions has two, nested. Modification marks on text, which no edit makes and Summary JSON
// drops too, are not written.) A whole block inserted, deleted or modified carries it on its
// element (the section, heading, paragraph, list, item, title … itself; a list continued after a
// run-in paragraph on both its elements):
//   data-suggestion-insert="s4"   data-suggestion-delete="s5"                     (one of the three)
//   data-suggestion-modify='[{"id":"s6","type":"structure","attr":null,"previous":[…ProseMirror JSON of the sections before…],"value":null}]'
// (the modifications in the shape of Summary JSON's `blocks`: `type` "structure", "nodeType" or
// "attr"). The print stylesheet underlines insertions and strikes deletions through. Then, after
// the comments' appendix, the suggestions in the order they were made:
//   <aside class="zj-suggestions" lang="zh-CN"><h2 class="zj-suggestions-title">修订</h2>
//     <ol class="zj-suggestion-list">
//       <li class="zj-suggestion zj-suggestion-insert" data-suggestion="s1" data-kind="insert" data-time="…"
//           data-author-id="…" data-author-name="…" [data-author-role="…"]>
//         修订 s1 · <span class="zj-suggestion-author">李科长（科长）</span> · 插入“深入” · <time datetime="…">2024年7月8日 09:30</time></li>   (the line for reading; skipped)
//     </ol>
//   </aside>
// Every suggestion mark names an entry of the appendix. A suggestion mark whose entry the document
// does not have is no suggestion: it is left out before writing, what it marks written as it
// stands. With `review: false` the HTML is that of the summary with every suggestion accepted
// (`settledSummary(doc, true)`, a mark with no entry likewise read as it stands), version 1.
//
// HTML of other programs: a `del` without our classes (a tracked deletion of Word's or a web
// page's) is left out and an `ins` is read as text: their changes are accepted, as the Word
// reader accepts tracked changes.
// =============================================================================================



/** The version of the HTML: 1, or 2 when it carries suggestions (修订), which a reader of version 1 would read as text. */
export const HTML_VERSION = '1'
export const HTML_VERSION_SUGGESTIONS = '2'

// ---------------------------------------------------------------------------------------------
// Document → HTML
//
// One pass over the tree: each block a string built by concatenation, pushed as a line, and the
// lines joined once at the end. The bench holds toHTML to 3× ProseMirror's own `toJSON` and
// `JSON.stringify` of a document of the same text, so the writer allocates little per block: no
// closures or arrays per block, no attribute records for the elements there are most of (sections
// and metrics write their attributes out in long literals: every concatenation is a piece that the
// final join copies on its own, and that join is a good part of the time), and a textblock whose
// content carries no mark is written without the machinery that nests mark elements.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' }

/** Escapes text or an attribute value (a carriage return too, which parsers would turn into a line feed). */
const needsEscape = /[&<>"'\r]/
function esc(text: string): string {
  // Most texts have nothing to escape: no replacement pass for them.
  return needsEscape.test(text) ? text.replace(/[&<>"'\r]/g, (c) => escapes[c]!) : text
}

/** Attributes as HTML: ` name="value"` for each, in the record's order, `null` values left out. */
function attrsHTML(attrs: Record<string, string | null>): string {
  let out = ''
  for (const name in attrs) {
    const value = attrs[name] as string | null
    if (value !== null) out += ' ' + name + '="' + esc(value) + '"'
  }
  return out
}

/**
 * A metric's span: the attributes of {@link metricDataAttrs}, in its order, written out here with
 * their markup in a few long literals (a metric is the element the HTML has most of after text).
 */
function metricHTML(attrs: MetricAttrs): string {
  let out = '<span class="zj-metric"'
  if (attrs.value !== null) out += ' data-value="' + attrs.value + '"'
  if (attrs.range) out += ' data-range=""'
  if (attrs.upper !== null) out += ' data-upper="' + attrs.upper + '"'
  out += ' data-scale="' + esc(attrs.scale) + '" data-approx="' + esc(attrs.approx) + '" data-unit="' + esc(attrs.unit)
  return out + '" data-label="' + esc(attrs.label) + '" data-placeholder="' + esc(attrs.placeholder) + (attrs.decimals ? '" data-decimals="' + attrs.decimals : '') + '">' + esc(metricText(attrs)) + '</span>'
}

function blankHTML(attrs: BlankAttrs): string {
  return '<span' + attrsHTML(blankDataAttrs(attrs)) + '>' + esc(blankText(attrs)) + '</span>'
}

/** An inline node without its marks: escaped text, or a field's span. */
function leafHTML(node: Node): string {
  if (node.isText) return esc(node.text ?? '')
  const name = node.type.name
  if (name === 'metric') return metricHTML(node.attrs as MetricAttrs)
  if (name === 'blank') return blankHTML(node.attrs as BlankAttrs)
  return ''
}

/** What the writer needs beyond the node it writes: the suggestions (修订) by id, for their authors and times. */
interface Writer {
  suggestions: ReadonlyMap<string, Suggestion>
}

/**
 * The key of the element a mark is written as: two neighbouring pieces share the element exactly
 * when their marks have the same keys. A modification's element holds one piece (`index`, the
 * piece's index in its textblock), the field whose old value it shows.
 */
function markKey(mark: Mark, index: number): string {
  switch (mark.type.name) {
    case 'bold':
      return ''
    case 'comment':
      return 'c' + (mark.attrs.id as string)
    case 'insertion':
      return 'i' + (mark.attrs.id as string)
    case 'deletion':
      return 'd' + (mark.attrs.id as string)
    default:
      return 'm' + index
  }
}

/** The opening and closing tags of a mark's element around `node`. */
function markTags(mark: Mark, node: Node, w: Writer): [string, string] {
  const name = mark.type.name
  if (name === 'bold') return ['<strong>', '</strong>']
  if (name === 'comment') return [`<span class="zj-comment" data-comment="${esc(mark.attrs.id as string)}">`, '</span>']
  const el = inlineSuggestionElement(mark, w.suggestions.get(mark.attrs.id as string), node)
  const old = el.old === null ? '' : `<del class="zj-old">${esc(el.old)}</del>`
  return [`<${el.tag}${attrsHTML(el.attrs)}>${old}`, `</${el.tag}>`]
}

/** The mark elements open while a textblock's content is written, outermost first: each one's key and closing tag. */
interface OpenMarks {
  keys: string[]
  closing: string[]
}

/** The closing tags of the open mark elements beyond the first `depth`, which are closed. */
function closeMarks(open: OpenMarks, depth: number): string {
  let out = ''
  while (open.keys.length > depth) {
    open.keys.pop()
    out += open.closing.pop()!
  }
  return out
}

/**
 * The tags between the previous piece of a textblock and `child` (at `index`): the open elements
 * whose marks `child` does not continue closed, then those of its further marks opened.
 */
function markTagsBefore(open: OpenMarks, child: Node, index: number, w: Writer): string {
  const marks = child.marks
  let same = 0
  while (same < open.keys.length && same < marks.length && open.keys[same] === markKey(marks[same]!, index)) same++
  let out = closeMarks(open, same)
  for (let i = same; i < marks.length; i++) {
    const [start, end] = markTags(marks[i]!, child, w)
    out += start
    open.keys.push(markKey(marks[i]!, index))
    open.closing.push(end)
  }
  return out
}

/**
 * The inline content of a textblock: text, fields, `<strong>` around bold runs, a
 * `span.zj-comment` around commented ones, and `ins.zj-ins`, `del.zj-del` or `span.zj-mod` around
 * suggested ones, nested in the order of the marks: an element stays open while the pieces after
 * it keep its mark.
 */
function inlineHTML(block: Node, w: Writer): string {
  let out = ''
  // Made at the first marked piece: most textblocks have none.
  let open: OpenMarks | null = null
  for (let index = 0; index < block.childCount; index++) {
    const child = block.child(index)
    if (open || child.marks.length) out += markTagsBefore((open ??= { keys: [], closing: [] }), child, index, w)
    out += leafHTML(child)
  }
  return open ? out + closeMarks(open, 0) : out
}

/** The attributes of a block element for the suggestion marks on the whole block, `''` when it has none. */
function blockMarksHTML(node: Node): string {
  return node.marks.length ? attrsHTML(blockSuggestionAttrs(node.marks)) : ''
}

function authorDataAttrs(author: CommentAuthor): Record<string, string | null> {
  return { 'data-author-id': author.id, 'data-author-name': author.name, 'data-author-role': author.role ?? null }
}

/** Who wrote a comment or reply and when (in Beijing time, see `reviewTime`), for reading (recomputed from the data attributes, never read). */
function bylineHTML(entry: CommentThread | CommentReply, resolved: boolean): string {
  const role = entry.author.role ? `（${esc(entry.author.role)}）` : ''
  const state = resolved ? ' <span class="zj-comment-resolved">已解决</span>' : ''
  return `<p class="zj-comment-byline"><span class="zj-comment-author">${esc(entry.author.name)}${role}</span> <time datetime="${esc(entry.time)}">${esc(reviewTime(entry.time))}</time>${state}</p>`
}

/** The appendix of comment threads (批注) after the article. */
function commentsHTML(threads: readonly CommentThread[]): string {
  const out = ['<aside class="zj-comments" lang="zh-CN">', '<h2 class="zj-comments-title">批注</h2>']
  for (const t of threads) {
    const attrs = attrsHTML({ class: 'zj-comment-thread', 'data-comment': t.id, 'data-scope': t.scope, 'data-time': t.time, ...authorDataAttrs(t.author), 'data-resolved': t.resolved ? '' : null })
    out.push(`<section${attrs}>`, bylineHTML(t, t.resolved), `<blockquote class="zj-comment-quote">${esc(t.quote)}</blockquote>`, `<p class="zj-comment-text">${esc(t.text)}</p>`)
    for (const r of t.replies) {
      const replyAttrs = attrsHTML({ class: 'zj-comment-reply', 'data-reply': r.id, 'data-time': r.time, ...authorDataAttrs(r.author) })
      out.push(`<div${replyAttrs}>${bylineHTML(r, false)}<p class="zj-comment-text">${esc(r.text)}</p></div>`)
    }
    out.push('</section>')
  }
  out.push('</aside>')
  return out.join('\n')
}

/**
 * The appendix of suggestions (修订) after the article, in the order they were made: each entry's
 * fields in data attributes (what is read back), and a line saying who proposed what, when (for
 * reading; skipped).
 */
function suggestionsHTML(doc: Node, suggestions: readonly Suggestion[]): string {
  const descriptions = suggestionDescriptions(doc)
  const out = ['<aside class="zj-suggestions" lang="zh-CN">', '<h2 class="zj-suggestions-title">修订</h2>', '<ol class="zj-suggestion-list">']
  for (const s of suggestions) {
    const attrs = attrsHTML({ class: `zj-suggestion zj-suggestion-${s.kind}`, 'data-suggestion': s.id, 'data-kind': s.kind, 'data-time': s.time, ...authorDataAttrs(s.author) })
    const role = s.author.role ? `（${esc(s.author.role)}）` : ''
    const line = `修订 ${esc(s.id)} · <span class="zj-suggestion-author">${esc(s.author.name)}${role}</span> · ${esc(descriptions.get(s.id) ?? '')} · <time datetime="${esc(s.time)}">${esc(reviewTime(s.time))}</time>`
    out.push(`<li${attrs}>${line}</li>`)
  }
  out.push('</ol>', '</aside>')
  return out.join('\n')
}

const childClass: Record<string, string> = { workIntro: 'zj-work-intro', workItem: 'zj-work-item', workNote: 'zj-work-note' }

/** A child of a work-item list as an element (`p` on a line of its own, `span` inside a line). */
function workChildHTML(list: Node, index: number, tag: 'p' | 'span', w: Writer): string {
  const child = list.child(index)
  const name = child.type.name
  const ordinal = name === 'workItem' ? '<span class="zj-ordinal">' + esc(workItemOrdinal(list, index)) + '</span>' : ''
  return '<' + tag + ' class="' + childClass[name] + '"' + blockMarksHTML(child) + '>' + ordinal + inlineHTML(child, w) + '</' + tag + '>'
}

/** The children from `start` to `end` of a work-item list as spans, one after another. */
function workSpansHTML(list: Node, start: number, end: number, w: Writer): string {
  let out = ''
  for (let i = start; i < end; i++) out += workChildHTML(list, i, 'span', w)
  return out
}

/**
 * Where the line of a work-item list that starts at child `start` ends (the index after its last
 * child): in a joined list the intro and items run together and a note stands on its own line;
 * in a separate list every child has its own line.
 */
function workLineEnd(list: Node, start: number): number {
  if (list.attrs.layout !== 'joined' || list.child(start).type.name === 'workNote') return start + 1
  let end = start + 1
  while (end < list.childCount && list.child(end).type.name !== 'workNote') end++
  return end
}

/** The line of a work-item list from child `start` to `end`: one child's `p`, or a `p.zj-work-line` of spans. */
function workLineHTML(list: Node, start: number, end: number, w: Writer): string {
  const single = end - start === 1 && (list.attrs.layout === 'separate' || list.child(start).type.name === 'workNote')
  if (single) return workChildHTML(list, start, 'p', w)
  return '<p class="zj-work-line">' + workSpansHTML(list, start, end, w) + '</p>'
}

/**
 * A work-item list from child `from` on, a line of HTML for each of its lines: the whole list
 * (`from` 0), or its lines after the first when a run-in paragraph holds that (`continued`); both
 * carry the list's suggestion marks.
 */
function workItemsHTML(list: Node, from: number, continued: boolean, w: Writer): string {
  const attrs = attrsHTML({ class: 'zj-work-items', 'data-layout': list.attrs.layout as string, 'data-continued': continued ? '' : null })
  let out = '<div' + attrs + blockMarksHTML(list) + '>\n'
  for (let start = from, end: number; start < list.childCount; start = end) {
    end = workLineEnd(list, start)
    if (start > from) out += '\n'
    out += workLineHTML(list, start, end, w)
  }
  return out + '\n</div>'
}

function blockHTML(block: Node, w: Writer): string {
  if (block.type.name === 'paragraph') return '<p class="zj-paragraph"' + blockMarksHTML(block) + '>' + inlineHTML(block, w) + '</p>'
  return workItemsHTML(block, 0, false, w)
}

/**
 * The opening tag of a section's element, its structure in classes and data attributes (class,
 * `data-role`, `data-level`, `data-format`, `data-number`, `data-run-in`, `data-unnumbered`,
 * `data-part`, then its suggestion marks), written out with their markup in a few long literals.
 */
function sectionTag(node: Node, depth: number, number: string): string {
  const name = node.type.name
  const role = name === 'problems' || name === 'plans' ? name : 'work'
  const format: SectionFormat | null = role === 'work' ? sectionFormats[name as SectionTypeName] : number ? 'chinese' : null
  let out = '<section class="zj-section zj-' + (role === 'work' ? format : role) + '" data-role="' + role + '" data-level="' + depth + '"'
  if (format !== null) out += ' data-format="' + format + '"'
  out += ' data-number="' + esc(number) + '"'
  if (node.attrs.runIn === true) out += ' data-run-in=""'
  if (role !== 'work' && !node.attrs.numbered) out += ' data-unnumbered=""'
  if (node.attrs.part !== null) out += ' data-part="' + esc(node.attrs.part as string) + '"'
  return out + blockMarksHTML(node) + '>'
}

/**
 * The paragraph of a run-in section (`（一）落实责任。一是……`): its heading, then the first line of
 * its first block, when that is a paragraph or a work-item list. Returns the index of the first
 * child still to write, and pushes the list's further lines after the paragraph.
 */
function runInHTML(node: Node, depth: number, numberHTML: string, out: string[], w: Writer): number {
  const heading = node.child(0)
  let line = `<p class="zj-run-in"><strong class="zj-heading" role="heading" aria-level="${depth + 1}"${blockMarksHTML(heading)}>${numberHTML}${inlineHTML(heading, w)}<span class="zj-stop">。</span></strong>`
  const first = node.childCount > 1 ? node.child(1) : null
  if (first?.type.name === 'paragraph') {
    out.push(line + '<span class="zj-paragraph"' + blockMarksHTML(first) + '>' + inlineHTML(first, w) + '</span></p>')
    return 2
  }
  if (first?.type.name !== 'workItems') {
    out.push(line + '</p>')
    return 1
  }
  const end = workLineEnd(first, 0)
  line += `<span class="zj-work-items" data-layout="${esc(first.attrs.layout as string)}"${blockMarksHTML(first)}>${workSpansHTML(first, 0, end, w)}</span>`
  out.push(line + '</p>')
  if (end < first.childCount) out.push(workItemsHTML(first, end, true, w))
  return 2
}

function sectionHTML(parent: Node, index: number, depth: number, out: string[], w: Writer): void {
  const node = parent.child(index)
  const number = sectionNumber(parent, index)
  out.push(sectionTag(node, depth, number))
  const numberHTML = number ? '<span class="zj-number">' + esc(number) + '</span>' : ''
  let i = 1
  if (node.attrs.runIn === true) i = runInHTML(node, depth, numberHTML, out, w)
  else {
    const heading = node.child(0)
    const h = `h${Math.min(depth + 1, 6)}`
    out.push('<' + h + ' class="zj-heading"' + blockMarksHTML(heading) + '>' + numberHTML + inlineHTML(heading, w) + '</' + h + '>')
  }
  for (; i < node.childCount; i++) {
    const child = node.child(i)
    if (child.type.spec.group === 'section' || child.type.name === 'problems' || child.type.name === 'plans') sectionHTML(node, i, depth + 1, out, w)
    else out.push(blockHTML(child, w))
  }
  out.push('</section>')
}

function blocksHTML(container: Node, cls: string, out: string[], w: Writer): void {
  out.push('<div class="' + cls + '"' + blockMarksHTML(container) + '>')
  for (let i = 0; i < container.childCount; i++) out.push(blockHTML(container.child(i), w))
  out.push('</div>')
}

/** A part of the summary (the child of the document at `index`: title, opening, section …) as lines of HTML. */
function partHTML(doc: Node, index: number, out: string[], w: Writer): void {
  const node = doc.child(index)
  switch (node.type.name) {
    case 'title':
      out.push('<h1 class="zj-title"' + blockMarksHTML(node) + '>' + inlineHTML(node, w) + '</h1>')
      break
    case 'subtitle':
      out.push('<p class="zj-subtitle"' + blockMarksHTML(node) + '>' + inlineHTML(node, w) + '</p>')
      break
    case 'preamble':
      blocksHTML(node, 'zj-preamble', out, w)
      break
    case 'closing':
      blocksHTML(node, 'zj-closing', out, w)
      break
    case 'signOff': {
      const [organization, date] = [node.child(0), node.child(1)]
      out.push(
        `<div class="zj-sign-off"${blockMarksHTML(node)}>\n<p class="zj-organization"${blockMarksHTML(organization)}>${inlineHTML(organization, w)}</p>\n<p class="zj-date"${blockMarksHTML(date)}>${inlineHTML(date, w)}</p>\n</div>`,
      )
      break
    }
    default:
      sectionHTML(doc, index, 1, out, w)
  }
}

/** Whether a node carries a comment or suggestion mark, or has one inside it. */
function hasReviewMarks(node: Node): boolean {
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    for (const mark of child.marks) if (mark.type.name === 'comment' || isSuggestionMark(mark)) return true
    if (hasReviewMarks(child)) return true
  }
  return false
}

/**
 * The document as the HTML writes it: with review, every suggestion (修订) as it stands (see
 * suggestionsToWrite); without, every one accepted. Either way without the comment marks whose
 * thread the document does not have (without review, all of them).
 */
function docToWrite(doc: Node, review: boolean): Node {
  // Most documents carry no review marks: one quick walk finds that, and saves the two below.
  if (review && !hasReviewMarks(doc)) return doc
  doc = review ? suggestionsToWrite(doc) : settledSummary(doc, true)
  const known = new Set(review ? threadsOf(doc).map((t) => t.id) : [])
  return withoutCommentMarks(doc, (id) => !known.has(id))
}

/** Options of {@link toHTML}. */
export interface HTMLOptions {
  /** A whole HTML page with the print stylesheet, not a fragment. */
  standalone?: boolean
  /**
   * Whether the review is written: the comments (批注), the commented text in `span.zj-comment`
   * and the threads in an appendix after the summary (`aside.zj-comments`), and the suggestions
   * (修订), suggested text in `ins.zj-ins`, `del.zj-del` and `span.zj-mod`, whole blocks with
   * `data-suggestion-*`, and the suggestions in an appendix (`aside.zj-suggestions`). Default true;
   * false gives the clean text with every suggestion accepted, as the summary is submitted.
   */
  review?: boolean
}

/**
 * The document as an HTML fragment: one `<article class="zj-summary" data-zongjie="1">` (`"2"`
 * when it carries suggestions) with semantic elements (`h1` title, `section`s with `h2`…`h5`
 * headings, `p` paragraphs, `strong` for bold), the structure in classes and `data-*` attributes,
 * and every number (`一、` `（一）` `1.` `（1）`) and ordinal (`一是`) written out as text in its own
 * span, so it reads right with no CSS and no script. Built as a string, with every text and
 * attribute value escaped; needs no DOM. Review comments (批注) are written as `span.zj-comment`
 * around their text and an appendix of the threads after the article (`aside.zj-comments`),
 * unless `review` is false; a comment mark whose thread the document does not have is left out.
 * So are suggestions (修订), unless `review` is false: suggested text and fields in `ins.zj-ins`,
 * `del.zj-del` or `span.zj-mod` (a field's old value shown struck through), blocks inserted,
 * deleted or modified whole with `data-suggestion-*` attributes, and an appendix of the
 * suggestions (`aside.zj-suggestions`) with their authors and times; a suggestion mark whose entry
 * the document does not have is settled as accepted. Without review, the HTML is the summary with
 * every suggestion accepted. {@link fromHTML} reads it back losslessly. With `standalone`, a whole
 * HTML page around it, with the print stylesheet after GB/T 9704 ({@link printStylesheet}): open
 * it and print, A4 as the standard lays it out.
 */
export function toHTML(doc: Node, options: HTMLOptions = {}): string {
  if (options.standalone) {
    const title = esc(displayText(doc.child(0)) || '工作总结')
    return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n<style>\n${printStylesheet}\n</style>\n</head>\n<body>\n${toHTML(doc, { review: options.review })}</body>\n</html>\n`
  }
  const review = options.review !== false
  doc = docToWrite(doc, review)
  const threads = review ? threadsOf(doc) : []
  const suggestions = review ? suggestionsOf(doc) : []
  const w: Writer = { suggestions: new Map(suggestions.map((s) => [s.id, s])) }
  const meta = attrsHTML({
    'data-organization': doc.attrs.organization || null,
    'data-year': doc.attrs.year === null ? null : String(doc.attrs.year),
    'data-period': doc.attrs.period,
    'data-template': doc.attrs.template,
  })
  const version = suggestions.length ? HTML_VERSION_SUGGESTIONS : HTML_VERSION
  const out: string[] = [`<article class="zj-summary" data-zongjie="${version}"${meta} lang="zh-CN">`]
  for (let index = 0; index < doc.childCount; index++) partHTML(doc, index, out, w)
  out.push('</article>')
  if (threads.length) out.push(commentsHTML(threads))
  if (suggestions.length) out.push(suggestionsHTML(doc, suggestions))
  // The last line's end joined with the rest: the HTML in one piece, which `+ '\n'` after the join
  // would split again (V8 copies a string made of pieces into one when it is first read).
  out.push('')
  return out.join('\n')
}
