/**
 * Suggestions (修订) in Zongjie's HTML: what `toHTML` writes for them (`html-suggestions-read.ts`
 * reads them back). `html.ts` writes and walks the elements; this module says which attributes and
 * texts they carry. The layout is described at the top of `html.ts`.
 */
import { Mark, type Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { displayText, metricText, blankText, isSection, isField, type Suggestion, type SuggestionKind, type MetricAttrs, type BlankAttrs } from './schema.ts'
import { suggestionsOf, isSuggestionMark, hasSuggestionMarks, dropStraySuggestionMarks, suggestionAnchor } from './suggestions.ts'

/** Reads an attribute of an element, `null` when it is absent. */
export type AttributeReader = (name: string) => string | null

/** The attributes of an element as a record; `null` values are not written. */
export type AttributeRecord = Record<string, string | null>

/** The classes of the inline suggestion elements, by the kind of mark they stand for. */
export const suggestionClasses = { insertion: 'zj-ins', deletion: 'zj-del', modification: 'zj-mod' } as const

/** The attributes of a block element that carry the suggestion marks of the whole block. */
export const blockSuggestionAttributes = { insertion: 'data-suggestion-insert', deletion: 'data-suggestion-delete', modification: 'data-suggestion-modify' } as const

const noAttributes: AttributeRecord = Object.freeze({}) as AttributeRecord

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The document as the review HTML writes it: suggestion marks whose id has no entry in the
 * document's `suggestions` left out, their content as it stands (see `dropStraySuggestionMarks`:
 * as Summary JSON, the clean HTML and the text read them), and
 * modification marks on text dropped, as Summary JSON drops them (only fields and whole blocks
 * have attributes a modification can set back). The document itself when there is nothing to do.
 */
export function suggestionsToWrite(doc: Node): Node {
  if (!hasSuggestionMarks(doc)) return doc
  const tr = new Transform(doc)
  dropStraySuggestionMarks(tr)
  const onText: { from: number; to: number; mark: Mark }[] = []
  tr.doc.descendants((node, pos) => {
    if (node.isText) for (const mark of node.marks) if (mark.type.name === 'modification') onText.push({ from: pos, to: pos + node.nodeSize, mark })
    return true
  })
  for (const { from, to, mark } of onText) tr.removeMark(from, to, mark)
  return tr.docChanged ? tr.doc : doc
}

/** The element an inline suggestion mark is written as, around the text or field it marks. */
export interface InlineSuggestionElement {
  /** `ins` for an insertion, `del` for a deletion, `span` for a modification. */
  tag: 'ins' | 'del' | 'span'
  /** Its attributes: class, `data-suggestion`, `data-author`, `data-time`, a modification's `data-modification`. */
  attrs: AttributeRecord
  /** For a field's modification, the field's text before it, written first in a `del.zj-old` (for reading; skipped). */
  old: string | null
}

/** A modification's attributes as JSON, in the shape of Summary JSON's (`type`, `attr`, `previous`, `value`). */
function modificationJSON(mark: Mark): { type: string; attr: string | null; previous: unknown; value: unknown } {
  return { type: mark.attrs.type as string, attr: mark.attrs.attrName as string | null, previous: mark.attrs.previousValue, value: mark.attrs.newValue }
}

/** A field's text with one attribute set back, or null when the field cannot take that value. */
function fieldTextBefore(node: Node, mark: Mark): string | null {
  if (mark.attrs.type !== 'attr' || typeof mark.attrs.attrName !== 'string') return null
  try {
    const before = node.type.create({ ...node.attrs, [mark.attrs.attrName]: mark.attrs.previousValue })
    return node.type.name === 'metric' ? metricText(before.attrs as MetricAttrs) : blankText(before.attrs as BlankAttrs)
  } catch {
    return null
  }
}

/**
 * The element of an inline suggestion mark (`insertion`, `deletion`, `modification`) on `node`:
 * `ins.zj-ins`, `del.zj-del` or `span.zj-mod` with the suggestion's id, its author's name and its
 * time (for reading; the appendix is what is read back), a modification with its attributes as
 * JSON in `data-modification`, and for a field the text it had before.
 */
export function inlineSuggestionElement(mark: Mark, entry: Suggestion | undefined, node: Node): InlineSuggestionElement {
  const name = mark.type.name as keyof typeof suggestionClasses
  const attrs: AttributeRecord = {
    class: suggestionClasses[name],
    'data-suggestion': mark.attrs.id as string,
    'data-author': entry?.author.name ?? null,
    'data-time': entry?.time ?? null,
  }
  if (name !== 'modification') return { tag: name === 'insertion' ? 'ins' : 'del', attrs, old: null }
  attrs['data-modification'] = JSON.stringify(modificationJSON(mark))
  return { tag: 'span', attrs, old: isField(node) ? fieldTextBefore(node, mark) : null }
}

/**
 * The attributes that carry the suggestion marks of a whole block: `data-suggestion-insert` or
 * `data-suggestion-delete` with the suggestion's id, or `data-suggestion-modify` with the block's
 * modifications as a JSON array of `{id, type, attr, previous, value}`. None when it has none.
 */
export function blockSuggestionAttrs(marks: readonly Mark[]): AttributeRecord {
  if (!marks.length) return noAttributes
  let out: AttributeRecord | null = null
  let modifications: unknown[] | null = null
  for (const mark of marks) {
    if (!isSuggestionMark(mark)) continue
    const name = mark.type.name as keyof typeof blockSuggestionAttributes
    if (name === 'modification') (modifications ??= []).push({ id: mark.attrs.id as string, ...modificationJSON(mark) })
    else (out ??= {})[blockSuggestionAttributes[name]] = mark.attrs.id as string
  }
  if (modifications) (out ??= {})[blockSuggestionAttributes.modification] = JSON.stringify(modifications)
  return out ?? noAttributes
}

/** A text shortened for a line of the appendix or a message, the anchors at block boundaries left out. */
export function clip(text: string, max = 30): string {
  const t = text.replaceAll(suggestionAnchor, '').replace(/\s+/g, ' ').trim()
  return t.length > max ? t.slice(0, max) + '…' : t
}

const kindWords: Record<SuggestionKind, string> = { insert: '插入', delete: '删除', structure: '调整结构', field: '修改字段' }
const modificationWords: Record<string, string> = { structure: '调整结构', nodeType: '改变层级', attr: '修改格式' }

/** What a block is, as a line of the appendix names it: a section by its heading, other blocks by their text. */
function blockLabel(node: Node): string {
  return `“${clip(displayText(isSection(node) ? node.firstChild! : node), 20)}”`
}

/**
 * What each suggestion of a document does, in words for the appendix (`插入“深入”`,
 * `将“学习”改为“深入学习”`, `将“X名”改为“8名”`, `删除“夯实基层基础……”`, `调整结构：“……”`),
 * by id; an entry whose marks are gone says so.
 */
export function suggestionDescriptions(doc: Node): Map<string, string> {
  interface Found {
    inserted: string
    deleted: string
    fields: string[]
    blocks: Map<string, string[]>
  }
  const found = new Map<string, Found>()
  const at = (id: string) => {
    let f = found.get(id)
    if (!f) found.set(id, (f = { inserted: '', deleted: '', fields: [], blocks: new Map() }))
    return f
  }
  // A block inserted or deleted whole holds its text: the marks of the same suggestion inside add nothing.
  const visit = (node: Node, covered: readonly string[]) => {
    let inner = covered
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue
      const id = mark.attrs.id as string
      if (covered.includes(id)) continue
      const f = at(id)
      if (mark.type.name === 'modification') {
        if (isField(node)) f.fields.push(`将“${clip(fieldTextBefore(node, mark) ?? '')}”改为“${clip(displayText(node))}”`)
        else if (!node.isText) {
          const word = modificationWords[mark.attrs.type as string] ?? '修改'
          const list = f.blocks.get(word) ?? []
          list.push(blockLabel(node))
          f.blocks.set(word, list)
        }
        continue
      }
      if (mark.type.name === 'insertion') f.inserted += displayText(node)
      else f.deleted += displayText(node)
      if (!node.isInline) inner = [...inner, id]
    }
    node.forEach((child) => visit(child, inner))
  }
  doc.forEach((child) => visit(child, []))
  const out = new Map<string, string>()
  for (const entry of suggestionsOf(doc)) {
    const f = found.get(entry.id)
    const parts: string[] = []
    if (f) {
      const inserted = clip(f.inserted)
      const deleted = clip(f.deleted)
      if (inserted && deleted) parts.push(`将“${deleted}”改为“${inserted}”`)
      else if (inserted) parts.push(`插入“${inserted}”`)
      else if (deleted) parts.push(`删除“${deleted}”`)
      parts.push(...f.fields)
      for (const [word, labels] of f.blocks) parts.push(`${word}：${labels.join('、')}`)
    }
    out.set(entry.id, parts.length ? parts.join('；') : `${kindWords[entry.kind]}（内容已不在文中）`)
  }
  return out
}
