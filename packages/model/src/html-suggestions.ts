/**
 * Suggestions (修订) in Zongjie's HTML: what `toHTML` writes for them and what `fromHTML` reads
 * back. `html.ts` writes and walks the elements; this module says which attributes and texts they
 * carry, and checks what is read. The layout is described at the top of `html.ts`.
 */
import { Fragment, Mark, type Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { ImportError } from './errors.ts'
import { schema, displayText, metricText, blankText, commentIdPattern, suggestionsProblem, isSection, type Suggestion, type SuggestionKind, type MetricAttrs, type BlankAttrs } from './schema.ts'
import { suggestionsOf, isSuggestionMark, hasSuggestionMarks, settleSuggestions, suggestionAnchor } from './suggestions.ts'

/** Reads an attribute of an element, `null` when it is absent. */
export type AttributeReader = (name: string) => string | null

/** The attributes of an element as a record; `null` values are not written. */
export type AttributeRecord = Record<string, string | null>

/** The classes of the inline suggestion elements, by the kind of mark they stand for. */
export const suggestionClasses = { insertion: 'zj-ins', deletion: 'zj-del', modification: 'zj-mod' } as const

/** The attributes of a block element that carry the suggestion marks of the whole block. */
export const blockSuggestionAttributes = { insertion: 'data-suggestion-insert', deletion: 'data-suggestion-delete', modification: 'data-suggestion-modify' } as const

const modificationKeys = ['type', 'attr', 'previous', 'value']
const blockModificationKeys = ['id', 'type', 'attr', 'previous', 'value']
const isField = (node: Node) => node.type.name === 'metric' || node.type.name === 'blank'
const noAttributes: AttributeRecord = Object.freeze({}) as AttributeRecord

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The document as the review HTML writes it: suggestion marks whose id has no entry in the
 * document's `suggestions` settled as accepted (as the clean HTML settles every one), and
 * modification marks on text dropped, as Summary JSON drops them (only fields and whole blocks
 * have attributes a modification can set back). The document itself when there is nothing to do.
 */
export function suggestionsToWrite(doc: Node): Node {
  if (!hasSuggestionMarks(doc)) return doc
  const known = new Set(suggestionsOf(doc).map((s) => s.id))
  const tr = new Transform(doc)
  settleSuggestions(tr, (id) => !known.has(id), true)
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

/** A text shortened for a line of the appendix, the anchors at block boundaries left out. */
function clip(text: string, max = 30): string {
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

// ---------------------------------------------------------------------------------------------
// Reading

/** The value of an attribute as a message shows it. */
function shown(value: string | null): string {
  if (value === null) return '缺失'
  return `"${value.length > 40 ? value.slice(0, 37) + '…' : value}"`
}

/** A suggestion id read from an attribute; an ImportError naming `what` when it is not one. */
function idFrom(value: string | null, what: string): string {
  if (value === null || !commentIdPattern.test(value)) throw new ImportError(`${what}应为修订标识（如 "s1"），实为 ${shown(value)}`)
  return value
}

/** The object of JSON text with exactly `keys`; an ImportError naming `what` otherwise. */
function objectFrom(value: unknown, keys: readonly string[], what: string): Record<string, unknown> {
  const fields = `{${keys.join(', ')}}`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ImportError(`${what}应为 JSON 对象 ${fields}`)
  const o = value as Record<string, unknown>
  const actual = Object.keys(o)
  if (actual.length !== keys.length || !keys.every((k) => k in o)) throw new ImportError(`${what}应恰有 ${keys.join('、')} 这些字段，实有 ${actual.join('、') || '无'}`)
  return o
}

function parseJSON(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new ImportError(`${what}不是有效的 JSON：${shown(raw)}`)
  }
}

/** A modification mark from its JSON fields; an ImportError naming `what` when the schema refuses them. */
function modificationMark(id: string, o: Record<string, unknown>, what: string): Mark {
  if (o.type !== 'attr' && o.type !== 'nodeType' && o.type !== 'structure') throw new ImportError(`${what}的 type 应为 "attr"、"nodeType" 或 "structure"，实为 ${JSON.stringify(o.type)}`)
  if (o.attr !== null && typeof o.attr !== 'string') throw new ImportError(`${what}的 attr 应为属性名或 null，实为 ${JSON.stringify(o.attr)}`)
  return schema.marks.modification!.create({ id, type: o.type, attrName: o.attr, previousValue: o.previous, newValue: o.value })
}

/**
 * The mark of an inline suggestion element (`.zj-ins`, `.zj-del`, `.zj-mod`) in `where`,
 * checked: a suggestion id in `data-suggestion`, and for a modification its fields in
 * `data-modification`. Its author and time are not read (the appendix has them).
 */
export function inlineSuggestionMark(name: keyof typeof suggestionClasses, get: AttributeReader, where: string): Mark {
  const what = `${where}中修订标记（.${suggestionClasses[name]}）的 data-suggestion `
  const id = idFrom(get('data-suggestion'), what)
  if (name !== 'modification') return schema.marks[name]!.create({ id })
  const mod = `${where}中修改标记 .zj-mod（${id}）的 data-modification `
  const raw = get('data-modification')
  if (raw === null) throw new ImportError(`${mod}缺失：应为 JSON 对象 {type, attr, previous, value}`)
  return modificationMark(id, objectFrom(parseJSON(raw, mod), modificationKeys, mod), mod)
}

/**
 * The marks inside an inline suggestion element with its mark added; an ImportError when the
 * element sits inside another it cannot go with (an insertion inside a deletion, anything inside
 * an insertion or deletion but a comment or bold), which the writer never nests.
 */
export function withInlineSuggestion(mark: Mark, marks: readonly Mark[], where: string): readonly Mark[] {
  for (const other of marks) {
    if (isSuggestionMark(other) && (mark.type.excludes(other.type) || other.type.excludes(mark.type))) {
      const cls = (m: Mark) => `.${suggestionClasses[m.type.name as keyof typeof suggestionClasses]}`
      throw new ImportError(`${where}中修订标记 ${cls(mark)}（${mark.attrs.id as string}）套在 ${cls(other)}（${other.attrs.id as string}）之内；插入和删除不能与其他修订标记互相嵌套`)
    }
  }
  return mark.addToSet(marks)
}

/**
 * The suggestion marks of a whole block, from its `data-suggestion-insert`,
 * `data-suggestion-delete` or `data-suggestion-modify` (at most one of them), checked; none when
 * it has none. `place` names the block (a function: worked out only for a message).
 */
export function blockSuggestionMarks(get: AttributeReader, place: string | (() => string)): readonly Mark[] {
  const ins = get(blockSuggestionAttributes.insertion)
  const del = get(blockSuggestionAttributes.deletion)
  const mod = get(blockSuggestionAttributes.modification)
  if (ins === null && del === null && mod === null) return Mark.none
  const where = typeof place === 'string' ? place : place()
  const present = Object.values(blockSuggestionAttributes).filter((_, i) => [ins, del, mod][i] !== null)
  if (present.length > 1) throw new ImportError(`${where}同时有 ${present.join(' 和 ')}；一块只能整块插入、整块删除或被修改，三者之一`)
  if (ins !== null) return [schema.marks.insertion!.create({ id: idFrom(ins, `${where}的 ${blockSuggestionAttributes.insertion} `) })]
  if (del !== null) return [schema.marks.deletion!.create({ id: idFrom(del, `${where}的 ${blockSuggestionAttributes.deletion} `) })]
  const what = `${where}的 ${blockSuggestionAttributes.modification} `
  const list = parseJSON(mod!, what)
  if (!Array.isArray(list) || !list.length) throw new ImportError(`${what}应为非空的 JSON 数组，每项为 {id, type, attr, previous, value}`)
  let marks: readonly Mark[] = Mark.none
  list.forEach((v, i) => {
    const item = `${what}第 ${i + 1} 项`
    const o = objectFrom(v, blockModificationKeys, item)
    const id = idFrom(typeof o.id === 'string' ? o.id : JSON.stringify(o.id), `${item}的 id `)
    marks = modificationMark(id, o, item).addToSet(marks)
  })
  return marks
}

/** The HTML attribute of an entry's field, by its path in `suggestionsProblem`. */
const entryAttributes: Record<string, string> = {
  id: 'data-suggestion',
  time: 'data-time',
  kind: 'data-kind',
  author: 'data-author-id 和 data-author-name',
  'author.id': 'data-author-id',
  'author.name': 'data-author-name',
  'author.role': 'data-author-role',
}

/**
 * The entries of the appendix of suggestions (`aside.zj-suggestions`), one per element read by
 * `items` in order, checked as the document's `suggestions` are: an ImportError names the entry,
 * its attribute and the problem.
 */
export function suggestionEntriesFrom(items: readonly AttributeReader[]): Suggestion[] {
  const entries = items.map((get) => {
    const e: Record<string, unknown> = {}
    const author: Record<string, string> = {}
    const set = (o: Record<string, unknown>, key: string, name: string) => {
      const v = get(name)
      if (v !== null) o[key] = v
    }
    set(e, 'id', 'data-suggestion')
    set(author, 'id', 'data-author-id')
    set(author, 'name', 'data-author-name')
    set(author, 'role', 'data-author-role')
    e.author = author
    set(e, 'time', 'data-time')
    set(e, 'kind', 'data-kind')
    return e
  })
  const problem = suggestionsProblem(entries)
  if (problem) {
    const m = /^\[(\d+)\]\.?(.*)$/.exec(problem.path)
    const i = Number(m?.[1] ?? 0)
    const id = entries[i]?.id
    const attribute = entryAttributes[m?.[2] ?? ''] ?? (m?.[2] || '属性')
    throw new ImportError(`修订附录（aside.zj-suggestions）第 ${i + 1} 条修订${typeof id === 'string' ? `（${id}）` : ''}的 ${attribute} 有误：${problem.problem}（suggestions${problem.path}）`)
  }
  return entries as unknown as Suggestion[]
}

const nodeNames: Record<string, string> = {
  title: '标题', subtitle: '副标题', preamble: '导语', closing: '结尾', signOff: '落款', organization: '落款单位', date: '落款日期',
  section1: '部分', section2: '部分', section3: '部分', section4: '部分', problems: '存在问题部分', plans: '工作计划部分',
  heading: '小标题', paragraph: '段落', workItems: '工作事项列表', workIntro: '工作事项引语', workItem: '工作事项', workNote: '工作事项的续段',
  metric: '指标', blank: '空白', text: '文字',
}

/** Where a node is, for a message: what it is and the beginning of its text (a section's heading). */
export function placeOf(node: Node): string {
  const text = clip(displayText(isSection(node) ? node.firstChild! : node), 20)
  return `${nodeNames[node.type.name] ?? node.type.name}${text ? `“${text}”` : ''}`
}

/** How a suggestion mark on a node is written, for a message. */
function written(node: Node, mark: Mark): string {
  const name = mark.type.name as keyof typeof suggestionClasses
  return node.isInline ? `.${suggestionClasses[name]} 的 data-suggestion` : blockSuggestionAttributes[name]
}

/**
 * The problem of a modification mark on a node, or null: what rejecting it needs, as Summary
 * JSON checks it. A field's modification sets one of its values (`attr`, not `label` or
 * `placeholder`) back to a value the field can take; a block's sets an attribute it has back
 * (`attr`), gives it back a node type the schema has (`nodeType`), or puts back blocks that are
 * valid ProseMirror JSON (`structure`, or null on all but the first block it made). Text has none.
 */
function modificationProblem(node: Node, mark: Mark): string | null {
  const { type, attrName, previousValue } = mark.attrs as { type: string; attrName: string | null; previousValue: unknown }
  if (node.isText) return '修改标记（.zj-mod）只能包住指标或空白，不能包住文字'
  const field = isField(node)
  if (field && type !== 'attr') return `指标或空白的修改应为 type "attr"，实为 "${type}"`
  if (type === 'attr') {
    if (typeof attrName !== 'string' || !(attrName in node.attrs) || (field && (attrName === 'label' || attrName === 'placeholder'))) {
      return `attr 应为${field ? '字段的值属性（如 "value"）' : '此块的属性名'}，实为 ${JSON.stringify(attrName)}`
    }
    try {
      node.type.create({ ...node.attrs, [attrName]: previousValue })
    } catch (e) {
      return `previous 不是 ${attrName} 能取的值：${(e as Error).message}`
    }
  } else if (type === 'nodeType') {
    if (typeof previousValue !== 'string' || !schema.nodes[previousValue]) return `previous 应为原先的节点类型名，实为 ${JSON.stringify(previousValue)}`
  } else if (previousValue !== null) {
    try {
      Fragment.fromJSON(schema, previousValue).forEach((n) => n.check())
    } catch (e) {
      return `previous 应为原先各块的 ProseMirror JSON（或 null），实为无效内容：${(e as Error).message}`
    }
  }
  return null
}

/**
 * Checks the suggestion marks of a document read from HTML: each names an entry of its
 * `suggestions` (the appendix), and each modification can be rejected. Throws an ImportError
 * saying where otherwise.
 */
export function checkSuggestionMarks(doc: Node): void {
  const known = new Set(suggestionsOf(doc).map((s) => s.id))
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue
      const id = mark.attrs.id as string
      if (!known.has(id)) throw new ImportError(`${placeOf(node)}上的修订标记（${written(node, mark)}="${id}"）在修订附录（aside.zj-suggestions）中没有对应的一条修订`)
      if (mark.type.name !== 'modification') continue
      const problem = modificationProblem(node, mark)
      if (problem) throw new ImportError(`${placeOf(node)}上的修改标记（${written(node, mark)}，修订 ${id}）有误：${problem}`)
    }
    return true
  })
}
