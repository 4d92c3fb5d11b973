/**
 * Suggestions (修订) in Zongjie's HTML, read back: the marks and entries of the elements
 * `html-suggestions.ts` says `toHTML` writes for them, checked as they are read. Apart from the
 * writing side so that the reader (html-read.ts) alone brings it.
 */
import { Fragment, Mark, type Node } from 'prosemirror-model'
import { ImportError } from './errors.ts'
import { schema, displayText, commentIdPattern, suggestionsProblem, isSection, isField, type Suggestion } from './schema.ts'
import { suggestionsOf, isSuggestionMark } from './suggestions.ts'
import { suggestionClasses, blockSuggestionAttributes, clip, type AttributeReader } from './html-suggestions.ts'

const modificationKeys = ['type', 'attr', 'previous', 'value']
const blockModificationKeys = ['id', 'type', 'attr', 'previous', 'value']


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
 * element sits inside another it cannot go with (two insertions or two deletions, a modification
 * with either, a deletion of the same suggestion's insertion), which the writer never nests. A
 * deletion inside another suggestion's insertion (or the other way round) is a reviewer's
 * deletion of what another suggested inserting.
 */
export function withInlineSuggestion(mark: Mark, marks: readonly Mark[], where: string): readonly Mark[] {
  for (const other of marks) {
    if (isSuggestionMark(other) && (mark.type.excludes(other.type) || other.type.excludes(mark.type) || other.attrs.id === mark.attrs.id)) {
      const cls = (m: Mark) => `.${suggestionClasses[m.type.name as keyof typeof suggestionClasses]}`
      throw new ImportError(`${where}中修订标记 ${cls(mark)}（${mark.attrs.id as string}）套在 ${cls(other)}（${other.attrs.id as string}）之内；修订标记只在一条修订删除另一条插入的内容时嵌套（删除在插入之内）`)
    }
  }
  return mark.addToSet(marks)
}

/**
 * The suggestion marks of a whole block, from its `data-suggestion-insert`,
 * `data-suggestion-delete` or `data-suggestion-modify` (one of them, or an insertion and another
 * suggestion's deletion of it), checked; none when it has none. `place` names the block (a
 * function: worked out only for a message).
 */
export function blockSuggestionMarks(get: AttributeReader, place: string | (() => string)): readonly Mark[] {
  const ins = get(blockSuggestionAttributes.insertion)
  const del = get(blockSuggestionAttributes.deletion)
  const mod = get(blockSuggestionAttributes.modification)
  if (ins === null && del === null && mod === null) return Mark.none
  const where = typeof place === 'string' ? place : place()
  const present = Object.values(blockSuggestionAttributes).filter((_, i) => [ins, del, mod][i] !== null)
  if (present.length > 1 && (mod !== null || ins === del)) throw new ImportError(`${where}同时有 ${present.join(' 和 ')}；一块只能整块插入、整块删除或被修改，三者之一（另一修订删除整块插入的除外）`)
  if (ins !== null || del !== null) {
    const marks: Mark[] = []
    if (ins !== null) marks.push(schema.marks.insertion!.create({ id: idFrom(ins, `${where}的 ${blockSuggestionAttributes.insertion} `) }))
    if (del !== null) marks.push(schema.marks.deletion!.create({ id: idFrom(del, `${where}的 ${blockSuggestionAttributes.deletion} `) }))
    return marks
  }
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
