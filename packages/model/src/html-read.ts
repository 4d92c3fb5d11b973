// HTML → document: the reader of Zongjie's own HTML and, through the text importer, of any other
// (Word, WPS, web pages). Apart from the writer (html.ts) so that what writes HTML does not bring
// the importer with it: the editor loads this module on the first paste.
import { Mark, type Node } from 'prosemirror-model'
import { HTML_VERSION, HTML_VERSION_SUGGESTIONS } from './html.ts'
import { ImportError } from './errors.ts'
import { commentIdsIn } from './comments.ts'
import { hasSuggestionMarks } from './suggestions.ts'
import type { AttributeReader } from './html-suggestions.ts'
import { inlineSuggestionMark, withInlineSuggestion, blockSuggestionMarks, suggestionEntriesFrom, checkSuggestionMarks } from './html-suggestions-read.ts'
import { importText, type ImportWarning, type ImportOptions } from './import/index.ts'
import { schema, displayText, commentIdPattern, commentThreadsProblem, type SectionFormat, type SectionTypeName, type CommentThread, type CommentReply, type CommentAuthor, type Suggestion } from './schema.ts'

/**
 * The little of a DOM node that {@link fromHTML} reads: satisfied by the browser's DOM (a
 * `Document` from `DOMParser`) and by linkedom's, without depending on the DOM library's types.
 */
export interface DomNodeLike {
  /** 1 for an element, 3 for text, 8 for a comment, 9 for a document. */
  readonly nodeType: number
  /** The tag name for an element (any case), `#text` for text. */
  readonly nodeName: string
  /** The child nodes, in order. */
  readonly childNodes: ArrayLike<DomNodeLike>
  /** For a text node, its text. */
  readonly textContent: string | null
  /** An attribute of an element, `null` when absent. Documents and text nodes have none. */
  getAttribute?(name: string): string | null
}

/** The result of {@link importHTML}: the document and the changes the text importer reported. */
export interface HTMLImport {
  /** The document read. */
  doc: Node
  /** What the text importer changed or guessed; empty for Zongjie's own HTML. */
  warnings: ImportWarning[]
  /** The level of the highest headings (see `ImportResult.topRank`); 1 for Zongjie's own HTML. */
  topRank: number
}

// ---------------------------------------------------------------------------------------------
// HTML → Document: shared helpers

const ELEMENT = 1
const TEXT = 3

/** Elements whose content is never read: active or hidden content, and the document head. */
const deadElements = new Set([
  'SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET', 'SVG', 'MATH',
  'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'TEXTAREA', 'SELECT', 'BUTTON', 'CANVAS', 'AUDIO', 'VIDEO', 'XML',
])

function tagOf(node: DomNodeLike): string {
  return node.nodeName.toUpperCase()
}

function attr(node: DomNodeLike, name: string): string | null {
  return typeof node.getAttribute === 'function' ? node.getAttribute(name) : null
}

function children(node: DomNodeLike): DomNodeLike[] {
  return Array.from(node.childNodes)
}

function isDead(node: DomNodeLike): boolean {
  return deadElements.has(tagOf(node))
}

/** The first element (depth first) that carries `data-zongjie`, outside dead elements. */
function findArticle(node: DomNodeLike): DomNodeLike | null {
  for (const child of children(node)) {
    if (child.nodeType !== ELEMENT || isDead(child)) continue
    if (attr(child, 'data-zongjie') !== null) return child
    const found = findArticle(child)
    if (found) return found
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Our own HTML → Document

/** The classes this reader knows, by the part of the document they mark. */
const kinds = [
  'title', 'subtitle', 'preamble', 'section', 'closing', 'sign-off', 'organization', 'date',
  'heading', 'run-in', 'paragraph', 'work-items', 'work-line', 'work-intro', 'work-item', 'work-note',
  'metric', 'blank', 'number', 'ordinal', 'stop', 'comment', 'ins', 'del', 'mod', 'old',
] as const
type Kind = (typeof kinds)[number]
const kindOfClass = new Map<string, Kind>(kinds.map((k) => [`zj-${k}`, k]))
/** Text written for reading only, recomputed on reading back. */
const computedKinds = new Set<Kind>(['number', 'ordinal', 'stop', 'old'])

const kindNames: Record<Kind, string> = {
  title: '标题', subtitle: '副标题', preamble: '导语', section: '部分（section）', closing: '结尾', 'sign-off': '落款',
  organization: '落款单位', date: '落款日期', heading: '小标题', 'run-in': '连写的小标题段', paragraph: '段落',
  'work-items': '工作事项列表', 'work-line': '工作事项行', 'work-intro': '工作事项引语', 'work-item': '工作事项（一是……）',
  'work-note': '工作事项的续段', metric: '指标', blank: '空白', number: '序号', ordinal: '“一是”序数', stop: '句号',
  comment: '批注标记', ins: '修订的插入标记', del: '修订的删除标记', mod: '修订的修改标记', old: '修改前的值',
}

function kindOf(el: DomNodeLike): Kind | null {
  const cls = attr(el, 'class')
  if (!cls) return null
  for (const c of cls.split(/\s+/)) {
    const k = kindOfClass.get(c)
    if (k) return k
  }
  return null
}

interface Part {
  el: DomNodeLike
  kind: Kind
}

/** Reads the attributes of an element. */
const reader = (el: DomNodeLike): AttributeReader => (name) => attr(el, name)

/**
 * Whether an element is a deletion of another program's (a `del` without our classes, as Word
 * and web pages write tracked deletions): its content is left out, the deletion accepted. Their
 * `ins` elements are looked through, their text kept.
 */
function isForeignDeletion(el: DomNodeLike, kind: Kind | null): boolean {
  return kind === null && tagOf(el) === 'DEL'
}

/**
 * The parts of a container: its descendant elements with a known class, looking through elements
 * with none (a wrapper another program added). Text between parts, dead elements, other programs'
 * deletions and computed numbers are skipped.
 */
function parts(container: DomNodeLike, out: Part[] = []): Part[] {
  for (const child of children(container)) {
    if (child.nodeType !== ELEMENT || isDead(child)) continue
    const kind = kindOf(child)
    if (isForeignDeletion(child, kind)) continue
    if (kind === null) parts(child, out)
    else if (!computedKinds.has(kind)) out.push({ el: child, kind })
  }
  return out
}

function misplaced(kind: Kind, where: string): ImportError {
  return new ImportError(`${where}中不应出现${kindNames[kind]}（.zj-${kind}），HTML 的结构已损坏`)
}

const boldMark = schema.marks.bold!.create()

function readNumber(el: DomNodeLike, name: string): number | null {
  const raw = attr(el, name)
  if (raw === null) return null
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0) throw new ImportError(`指标的 ${name} 应为非负数，实为 "${raw}"`)
  return n
}

function readField(el: DomNodeLike, kind: 'metric' | 'blank', marks: readonly Mark[]): Node {
  try {
    if (kind === 'metric') {
      const attrs = {
        value: readNumber(el, 'data-value'),
        range: attr(el, 'data-range') !== null,
        upper: readNumber(el, 'data-upper'),
        scale: attr(el, 'data-scale') ?? '',
        approx: attr(el, 'data-approx') ?? '',
        unit: attr(el, 'data-unit') ?? '',
        label: attr(el, 'data-label') ?? '',
        placeholder: attr(el, 'data-placeholder') ?? 'X',
        decimals: Number(attr(el, 'data-decimals') ?? 0),
      }
      return schema.nodes.metric!.create(attrs, null, marks)
    }
    const attrs = { value: attr(el, 'data-value'), label: attr(el, 'data-label') ?? '', placeholder: attr(el, 'data-placeholder') ?? 'X' }
    return schema.nodes.blank!.create(attrs, null, marks)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError(`${kindNames[kind]}的属性无效：${(e as Error).message}`)
  }
}

/**
 * The inline content of an element: text, `strong`/`b` as bold, `span.zj-comment` as a comment,
 * `ins.zj-ins`, `del.zj-del` and `span.zj-mod` as suggestions (修订), fields from their
 * attributes; `marks` are those of the elements around. Another program's `del` is left out.
 */
function readInline(el: DomNodeLike, where: string, marks: readonly Mark[] = [], out: Node[] = []): Node[] {
  for (const child of children(el)) {
    if (child.nodeType === TEXT) {
      const text = child.textContent ?? ''
      if (text) out.push(schema.text(text, marks))
      continue
    }
    if (child.nodeType !== ELEMENT || isDead(child)) continue
    const kind = kindOf(child)
    if (isForeignDeletion(child, kind)) continue
    if (kind === 'metric' || kind === 'blank') out.push(readField(child, kind, marks))
    else if (kind === 'comment') {
      const id = attr(child, 'data-comment')
      if (id === null || !commentIdPattern.test(id)) throw new ImportError(`${where}中批注标记（.zj-comment）的 data-comment 应为批注标识，实为 ${id === null ? '缺失' : `"${id}"`}`)
      readInline(child, where, schema.marks.comment!.create({ id }).addToSet(marks), out)
    } else if (kind === 'ins' || kind === 'del' || kind === 'mod') {
      const mark = inlineSuggestionMark(suggestionMarkOfKind[kind], reader(child), where)
      readInline(child, where, withInlineSuggestion(mark, marks, where), out)
    } else if (kind !== null && computedKinds.has(kind)) continue
    else if (kind !== null) throw misplaced(kind, where)
    else {
      const tag = tagOf(child)
      readInline(child, where, tag === 'STRONG' || tag === 'B' ? boldMark.addToSet(marks) : marks, out)
    }
  }
  return out
}

const suggestionMarkOfKind = { ins: 'insertion', del: 'deletion', mod: 'modification' } as const

/** The names of textblocks in messages, where the name of the part they are in does not say it. */
const textblockNames: Record<string, string> = { heading: '小标题', paragraph: '段落', workIntro: '工作事项引语', workItem: '工作事项', workNote: '工作事项的续段' }

/** A textblock, with the suggestion marks of the whole block; `where` is the part it is in. */
function textblock(type: string, el: DomNodeLike, where: string): Node {
  const content = readInline(el, where)
  const place = () => {
    const text = displayText(schema.nodes.paragraph!.create(null, content)).slice(0, 20)
    return `${where}${textblockNames[type] ? `中的${textblockNames[type]}` : ''}${text ? `“${text}”` : ''}`
  }
  return schema.nodes[type]!.create(null, content, blockSuggestionMarks(reader(el), place))
}

/** A work-item list being read; a run-in paragraph may hold its first line and a continuation its rest. */
interface PendingList {
  pending: true
  layout: 'joined' | 'separate'
  children: Node[]
  where: string
  /** The suggestion marks of the whole list. */
  marks: readonly Mark[]
}

/** A work-item list starting to be read from its first element. */
function pendingList(el: DomNodeLike, where: string): PendingList {
  return { pending: true, layout: readLayout(el, where), children: [], where, marks: blockSuggestionMarks(reader(el), `${where}的工作事项列表`) }
}

function readLayout(el: DomNodeLike, where: string): 'joined' | 'separate' {
  const layout = attr(el, 'data-layout')
  if (layout !== 'joined' && layout !== 'separate') throw new ImportError(`${where}的工作事项列表的 data-layout 应为 "joined" 或 "separate"，实为 ${layout === null ? '缺失' : `"${layout}"`}`)
  return layout
}

function readWorkChildren(el: DomNodeLike, list: PendingList): void {
  for (const { el: child, kind } of parts(el)) {
    if (kind === 'work-line') readWorkChildren(child, list)
    else if (kind === 'work-intro') list.children.push(textblock('workIntro', child, list.where))
    else if (kind === 'work-item') list.children.push(textblock('workItem', child, list.where))
    else if (kind === 'work-note') list.children.push(textblock('workNote', child, list.where))
    else throw misplaced(kind, `${list.where}的工作事项列表`)
  }
}

function finishList(list: PendingList): Node {
  try {
    return schema.nodes.workItems!.createChecked({ layout: list.layout }, list.children, list.marks)
  } catch {
    throw new ImportError(`${list.where}的工作事项列表不合规则：引语只能在最前，其后至少有一项“一是……”，续段须跟在某一项之后`)
  }
}

/** Body blocks (paragraphs and work-item lists) in document order, as they are read. */
type PendingBlock = { pending: false; node: Node } | PendingList

function isPendingList(b: PendingBlock | undefined): b is PendingList {
  return b?.pending === true
}

function readBlock(part: Part, where: string, blocks: PendingBlock[]): boolean {
  if (part.kind === 'paragraph') {
    blocks.push({ pending: false, node: textblock('paragraph', part.el, where) })
    return true
  }
  if (part.kind !== 'work-items') return false
  const list = pendingList(part.el, where)
  if (attr(part.el, 'data-continued') !== null) {
    const prev = blocks[blocks.length - 1]
    if (!isPendingList(prev) || prev.layout !== list.layout) throw new ImportError(`${where}中有一段续写的工作事项列表（data-continued），但它前面没有同一列表的开头`)
    if (!Mark.sameSet(prev.marks, list.marks)) throw new ImportError(`${where}中续写的工作事项列表（data-continued）的修订标记（data-suggestion-*）与列表开头的不同`)
    readWorkChildren(part.el, prev)
  } else {
    readWorkChildren(part.el, list)
    blocks.push(list)
  }
  return true
}

function finishBlocks(blocks: PendingBlock[]): Node[] {
  return blocks.map((b) => (isPendingList(b) ? finishList(b) : b.node))
}

function readBlocks(el: DomNodeLike, type: 'preamble' | 'closing'): Node {
  const where = kindNames[type]
  const blocks: PendingBlock[] = []
  for (const part of parts(el)) if (!readBlock(part, where, blocks)) throw misplaced(part.kind, where)
  return schema.nodes[type]!.create(null, finishBlocks(blocks), blockSuggestionMarks(reader(el), where))
}

const typeOfFormat: Record<SectionFormat, SectionTypeName> = { chinese: 'section1', chineseParen: 'section2', arabic: 'section3', arabicParen: 'section4' }

/** The heading and, for a run-in paragraph, the first block it holds. */
function readRunIn(el: DomNodeLike, where: string, blocks: PendingBlock[]): Node {
  let heading: Node | null = null
  for (const { el: child, kind } of parts(el)) {
    if (kind === 'heading' && !heading && !blocks.length) heading = textblock('heading', child, where)
    else if (kind === 'paragraph' && heading && !blocks.length) blocks.push({ pending: false, node: textblock('paragraph', child, where) })
    else if (kind === 'work-items' && heading && !blocks.length) {
      const list = pendingList(child, where)
      readWorkChildren(child, list)
      blocks.push(list)
    } else throw misplaced(kind, `${where}的连写小标题段`)
  }
  if (!heading) throw new ImportError(`${where}的连写小标题段缺少小标题（.zj-heading）`)
  return heading
}

function readSection(el: DomNodeLike, parentWhere: string): Node {
  const role = attr(el, 'data-role')
  const number = attr(el, 'data-number')
  const roleName = role === 'problems' ? '存在问题部分' : role === 'plans' ? '工作计划部分' : '部分'
  const at = (label: string) => `${parentWhere ? `${parentWhere}中的` : ''}${roleName}${label ? `“${label}”` : ''}`
  let where = at(number ?? '')
  let type: string
  let attrs: Record<string, boolean | string | null>
  const runIn = attr(el, 'data-run-in') !== null
  const part = attr(el, 'data-part')
  if (role === 'work') {
    const format = attr(el, 'data-format')
    if (!format || !(format in typeOfFormat)) {
      throw new ImportError(`${where}的 data-format 应为 chinese、chineseParen、arabic 或 arabicParen，实为 ${format === null ? '缺失' : `"${format}"`}`)
    }
    type = typeOfFormat[format as SectionFormat]
    attrs = { runIn, part }
  } else if (role === 'problems' || role === 'plans') {
    if (parentWhere) throw new ImportError(`${where}只能是一级部分，不能在其他部分之内`)
    type = role
    attrs = { runIn, numbered: attr(el, 'data-unnumbered') === null, part }
  } else throw new ImportError(`${where}的 data-role 应为 work、problems 或 plans，实为 ${role === null ? '缺失' : `"${role}"`}`)

  const list = parts(el)
  const first = list[0]
  const blocks: PendingBlock[] = []
  let heading: Node
  if (first?.kind === 'heading') heading = textblock('heading', first.el, where)
  else if (first?.kind === 'run-in') heading = readRunIn(first.el, where, blocks)
  else throw new ImportError(`${where}缺少小标题（.zj-heading 或 .zj-run-in）`)
  const headingText = displayText(heading)
  where = at((number ?? '') + headingText.slice(0, 20))

  const marks = blockSuggestionMarks(reader(el), where)
  const subsections: Node[] = []
  for (const part of list.slice(1)) {
    if (part.kind === 'section') subsections.push(readSection(part.el, where))
    else if (subsections.length) throw new ImportError(`${where}中，${kindNames[part.kind]}出现在下级部分之后；正文应在下级部分之前`)
    else if (!readBlock(part, where, blocks)) throw misplaced(part.kind, where)
  }
  try {
    return schema.nodes[type]!.createChecked(attrs, [heading, ...finishBlocks(blocks), ...subsections], marks)
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError(`${where}的下级部分不合规则：下级的序号层级须低于本部分，且同一部分的下级须用同一种序号格式（不能混用“（一）”与“1.”）`)
  }
}

function readSignOff(el: DomNodeLike): Node {
  const list = parts(el)
  if (list.length !== 2 || list[0]!.kind !== 'organization' || list[1]!.kind !== 'date') {
    throw new ImportError('落款应依次含落款单位（.zj-organization）和日期（.zj-date）')
  }
  const lines = [textblock('organization', list[0]!.el, '落款单位'), textblock('date', list[1]!.el, '落款日期')]
  return schema.nodes.signOff!.create(null, lines, blockSuggestionMarks(reader(el), '落款'))
}

/** The rank of each top-level part, for checking their order. */
const topRank: Partial<Record<Kind, number>> = { title: 0, subtitle: 1, preamble: 2, section: 3, closing: 4, 'sign-off': 5 }

// ---------------------------------------------------------------------------------------------
// The appendix of comment threads → threads

/** The first element (depth first, outside dead elements) with a class, not looking inside it. */
function findByClass(node: DomNodeLike, cls: string): DomNodeLike | null {
  for (const child of children(node)) {
    if (child.nodeType !== ELEMENT || isDead(child)) continue
    if (hasClass(child, cls)) return child
    const found = findByClass(child, cls)
    if (found) return found
  }
  return null
}

function hasClass(el: DomNodeLike, cls: string): boolean {
  return (attr(el, 'class') ?? '').split(/\s+/).includes(cls)
}

/** The elements with one of `classes` inside an element (looking through others, not inside those found), in order. */
function byClass(el: DomNodeLike, classes: readonly string[], out: { el: DomNodeLike; cls: string }[] = []): { el: DomNodeLike; cls: string }[] {
  for (const child of children(el)) {
    if (child.nodeType !== ELEMENT || isDead(child)) continue
    const cls = classes.find((c) => hasClass(child, c))
    if (cls) out.push({ el: child, cls })
    else byClass(child, classes, out)
  }
  return out
}

/** The text of an element, as written (white space and line breaks kept). */
function textIn(el: DomNodeLike): string {
  let out = ''
  for (const child of children(el)) {
    if (child.nodeType === TEXT) out += child.textContent ?? ''
    else if (child.nodeType === ELEMENT && !isDead(child)) out += textIn(child)
  }
  return out
}

/** An attribute as a field of a comment: absent when the element does not have it. */
const field = (el: DomNodeLike, name: string): string | undefined => attr(el, name) ?? undefined

function authorFrom(el: DomNodeLike): CommentAuthor {
  const role = attr(el, 'data-author-role')
  const author = { id: field(el, 'data-author-id'), name: field(el, 'data-author-name') } as CommentAuthor
  if (role !== null) author.role = role
  return author
}

/** The one `.zj-comment-text` (and for a thread `.zj-comment-quote`) of a comment or reply. */
function oneText(found: { el: DomNodeLike; cls: string }[], cls: string, what: string): string {
  const els = found.filter((f) => f.cls === cls)
  if (els.length !== 1) throw new ImportError(`${what}应有一个 .${cls}，实有 ${els.length} 个`)
  return textIn(els[0]!.el)
}

/**
 * The comment threads of the appendix {@link toHTML} writes after the article
 * (`aside.zj-comments`), checked as the document's `comments` are; none when there is no appendix.
 */
function readThreads(root: DomNodeLike): CommentThread[] {
  const aside = findByClass(root, 'zj-comments')
  if (!aside) return []
  const threads = byClass(aside, ['zj-comment-thread']).map(({ el }, i): CommentThread => {
    const what = `第 ${i + 1} 条批注`
    const found = byClass(el, ['zj-comment-quote', 'zj-comment-text', 'zj-comment-reply'])
    const replies = found
      .filter((f) => f.cls === 'zj-comment-reply')
      .map(({ el: r }, j): CommentReply => ({
        id: field(r, 'data-reply')!,
        author: authorFrom(r),
        time: field(r, 'data-time')!,
        text: oneText(byClass(r, ['zj-comment-text']), 'zj-comment-text', `${what}的第 ${j + 1} 条回复`),
      }))
    return {
      id: field(el, 'data-comment')!,
      author: authorFrom(el),
      time: field(el, 'data-time')!,
      text: oneText(found, 'zj-comment-text', what),
      replies,
      resolved: attr(el, 'data-resolved') !== null,
      quote: oneText(found, 'zj-comment-quote', what),
      scope: field(el, 'data-scope') as CommentThread['scope'],
    }
  })
  const problem = commentThreadsProblem(threads)
  if (problem) throw new ImportError(`HTML 附录中的批注有误（comments${problem.path}）：${problem.problem}`)
  return threads
}

/**
 * The suggestions (修订) of the appendix {@link toHTML} writes after the article
 * (`aside.zj-suggestions`), each from the data attributes of its `.zj-suggestion`, checked as the
 * document's `suggestions` are; none when there is no appendix.
 */
function readSuggestions(root: DomNodeLike): Suggestion[] {
  const aside = findByClass(root, 'zj-suggestions')
  if (!aside) return []
  return suggestionEntriesFrom(byClass(aside, ['zj-suggestion']).map(({ el }) => reader(el)))
}

function readArticle(article: DomNodeLike, threads: CommentThread[], suggestions: Suggestion[]): Node {
  const version = attr(article, 'data-zongjie')
  if (version !== HTML_VERSION && version !== HTML_VERSION_SUGGESTIONS) {
    throw new ImportError(`这是 Zongjie 第 ${version} 版的 HTML，本程序只能读取第 ${HTML_VERSION} 版和第 ${HTML_VERSION_SUGGESTIONS} 版（有修订）`)
  }
  let title: Node | null = null
  let subtitle: Node | null = null
  let preamble: Node | null = null
  let closing: Node | null = null
  let signOff: Node | null = null
  const sections: Node[] = []
  let rank = -1
  for (const { el, kind } of parts(article)) {
    const r = topRank[kind]
    if (r === undefined) throw misplaced(kind, '总结的最外层')
    if (r < rank || (r === rank && kind !== 'section')) {
      throw new ImportError(`${kindNames[kind]}的位置不对或重复：总结应依次为标题、副标题（可无）、导语、各部分、结尾、落款（可无），各一个`)
    }
    rank = r
    switch (kind) {
      case 'title':
        title = textblock('title', el, '标题')
        break
      case 'subtitle':
        subtitle = textblock('subtitle', el, '副标题')
        break
      case 'preamble':
        preamble = readBlocks(el, 'preamble')
        break
      case 'section':
        sections.push(readSection(el, ''))
        break
      case 'closing':
        closing = readBlocks(el, 'closing')
        break
      default:
        signOff = readSignOff(el)
    }
  }
  if (!title) throw new ImportError('总结缺少标题（h1.zj-title）')
  const content = [title, ...(subtitle ? [subtitle] : []), preamble ?? schema.nodes.preamble!.create(), ...sections, closing ?? schema.nodes.closing!.create(), ...(signOff ? [signOff] : [])]
  let doc: Node
  try {
    const year = attr(article, 'data-year')
    const docAttrs = {
      organization: attr(article, 'data-organization') ?? '',
      year: year === null ? null : Number(year),
      period: attr(article, 'data-period'),
      template: attr(article, 'data-template'),
      comments: threads,
      suggestions,
    }
    doc = schema.nodes.doc!.createChecked(docAttrs, content)
  } catch {
    throw new ImportError('各部分的顺序不对：主要工作的各部分在前，其后至多一个存在问题部分、至多一个工作计划部分，存在问题在前')
  }
  try {
    doc.check()
  } catch (e) {
    throw new ImportError(`HTML 中的总结结构无效：${(e as Error).message}`)
  }
  const known = new Set(threads.map((t) => t.id))
  doc.descendants((node) => {
    for (const id of commentIdsIn(node.marks) ?? []) {
      if (!known.has(id)) throw new ImportError(`批注标记 data-comment="${id}" 在批注附录（aside.zj-comments）中没有对应的一条批注`)
    }
    return true
  })
  if (version === HTML_VERSION && (suggestions.length || hasSuggestionMarks(doc))) {
    throw new ImportError(`第 ${HTML_VERSION} 版的 HTML 没有修订：有修订标记（.zj-ins、.zj-del、.zj-mod、data-suggestion-*）或修订附录（aside.zj-suggestions）的 HTML 应为 data-zongjie="${HTML_VERSION_SUGGESTIONS}"`)
  }
  if (version === HTML_VERSION_SUGGESTIONS && !suggestions.length) {
    throw new ImportError(`第 ${HTML_VERSION_SUGGESTIONS} 版的 HTML 应有修订附录（aside.zj-suggestions），至少一条修订；没有修订的 HTML 应为 data-zongjie="${HTML_VERSION}"`)
  }
  checkSuggestionMarks(doc)
  return doc
}

// ---------------------------------------------------------------------------------------------
// Other HTML (Word, WPS, web pages) → text lines

/** Elements that start and end a line of text. */
const blockElements = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML',
  'LEGEND', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
])

/** East Asian wide characters: CJK ideographs and punctuation, full-width forms. */
const wide = /[\u2e80-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/

/** Whether an element is hidden (Word's `mso-hide:all`, `display:none`, the `hidden` attribute). */
function isHidden(el: DomNodeLike): boolean {
  if (attr(el, 'hidden') !== null) return true
  const style = attr(el, 'style')
  return style !== null && /(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)/i.test(style)
}

/**
 * A line as a browser would show it: white space collapsed, a source line break between two wide
 * characters dropped (Word wraps its HTML source anywhere), spaces between Chinese characters (and
 * after a heading number such as Word's `1.&nbsp;&nbsp;` list label) dropped, ends trimmed.
 */
function cleanLine(raw: string): string {
  const collapsed = raw.replace(/[ \t\n\r\f\u00a0]+/g, (m, offset: number, s: string) => {
    if (/[\n\r]/.test(m) && !/\u00a0/.test(m) && wide.test(s[offset - 1] ?? '') && wide.test(s[offset + m.length] ?? '')) return ''
    return ' '
  })
  return collapsed
    .replace(/ (?=\S)/g, (m, offset: number, s: string) => {
      const before = s[offset - 1] ?? ''
      const after = s[offset + 1] ?? ''
      return wide.test(after) && (wide.test(before) || /[.．、)）]/.test(before)) ? '' : m
    })
    .replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '')
}

/**
 * The text lines of HTML that is not Zongjie's: one per block element, `br` or table row. A row's
 * cells, and the paragraphs and line breaks inside a cell (Word puts each cell's text in a `p`),
 * are apart on its line by a full-width space (spaces between Chinese characters are dropped, see
 * cleanLine), but for a heading number alone in a cell, which goes with the next (`二、存在不足`).
 */
function foreignLines(root: DomNodeLike): string[] {
  const lines: string[] = []
  let line = ''
  const flush = () => {
    const t = cleanLine(line)
    if (t) lines.push(t)
    line = ''
  }
  /** Inside a cell: a full-width space before what follows, unless the line is empty or ends with one. */
  const apart = () => {
    if (!/^$|[\s\u3000]$/.test(line)) line += '\u3000'
  }
  const walk = (node: DomNodeLike, pre: boolean, cell: boolean) => {
    const lineBreak = cell ? apart : flush
    for (const child of children(node)) {
      if (child.nodeType === TEXT) {
        const text = child.textContent ?? ''
        if (!pre) line += text
        else {
          const [firstPart, ...more] = text.split(/\r\n|\r|\n/)
          line += firstPart
          for (const part of more) {
            lineBreak()
            line += part
          }
        }
        continue
      }
      if (child.nodeType !== ELEMENT || isDead(child) || isHidden(child)) continue
      const tag = tagOf(child)
      // Tracked changes (Word's, a web page's): deleted text is left out, inserted text kept.
      if (tag === 'DEL') continue
      if (tag === 'BR') {
        lineBreak()
        continue
      }
      if (tag === 'TD' || tag === 'TH') {
        if (!/[.．、)）]$/.test(line)) apart()
        walk(child, pre, true)
        continue
      }
      const block = blockElements.has(tag)
      if (block) lineBreak()
      // Text kept as it stands: Word's list labels (`一、`, `1.`) are text the importer reads.
      walk(child, pre || tag === 'PRE', cell)
      if (block) lineBreak()
    }
  }
  walk(root, false, false)
  flush()
  return lines
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Reads HTML into a document, with the importer's warnings. Zongjie's own HTML (an element with
 * `data-zongjie`, as {@link toHTML} writes) is read losslessly from its classes, `data-*`
 * attributes and text alone (warnings empty), with the comment threads of its appendix
 * (`aside.zj-comments`) and the suggestions (修订) of its appendix (`aside.zj-suggestions`) when
 * it has them; numbers, ordinals and the texts written for reading (bylines, a suggestion's author
 * and time on its mark, a field's old value) are recomputed, and nothing else (scripts, styles,
 * event attributes, links, frames, images) is read. If that HTML is malformed (a comment or
 * suggestion mark with no entry in its appendix, an entry with a malformed time or kind, a
 * `.zj-ins` without `data-suggestion` among others), an {@link ImportError} says where; a `del`
 * without our classes is left out (a tracked deletion accepted). Any other HTML (Word, WPS, a web
 * page) is turned into text lines, one per paragraph, heading, list item, table row or line
 * break (scripts, styles, the head, hidden and Office-only content and tracked deletions (`del`)
 * skipped; list numbers kept as written), and read by `importText`. `parse` is the caller's HTML
 * parser: in a browser
 * `(h) => new DOMParser().parseFromString(h, 'text/html')`, in Node linkedom's
 * `(h) => parseHTML(h).document`. `options` go to `importText` (a pasted fragment).
 */
export function importHTML(html: string, parse: (html: string) => DomNodeLike, options: ImportOptions = {}): HTMLImport {
  const root = parse(html)
  const article = findArticle(root)
  if (article) return { doc: readArticle(article, readThreads(root), readSuggestions(root)), warnings: [], topRank: 1 }
  const lines = foreignLines(root)
  if (!lines.length) throw new ImportError('HTML 中没有可读的文字')
  return importText(lines.join('\n'), options)
}

/**
 * Reads HTML into a document: {@link importHTML} without the warnings. For HTML written by
 * {@link toHTML}, `fromHTML(toHTML(doc), parse).eq(doc)` holds for every valid document, its
 * comments and suggestions (修订) included, whose comment and suggestion marks all name an entry
 * of the document (a mark that does not is left out, a suggestion's settled as accepted) and
 * whose text carries no modification mark (which is dropped).
 */
export function fromHTML(html: string, parse: (html: string) => DomNodeLike): Node {
  return importHTML(html, parse).doc
}
