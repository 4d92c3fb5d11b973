import { Schema, type NodeSpec, type MarkSpec, type Node } from 'prosemirror-model'

/**
 * The heading formats of the four section levels, in order of rank: `一、` `（一）` `1.` `（1）`.
 * A section's format follows from its node type (`section1` … `section4`); its depth in the tree
 * may be smaller, because writers skip levels (`一、` then `1.`).
 */
export type SectionFormat = 'chinese' | 'chineseParen' | 'arabic' | 'arabicParen'

/** The node type names of numbered sections, by format rank (1 = `一、`). */
export const sectionTypeNames = ['section1', 'section2', 'section3', 'section4'] as const

/** A name from {@link sectionTypeNames}. */
export type SectionTypeName = (typeof sectionTypeNames)[number]

/** The format of each section node type. */
export const sectionFormats: Record<SectionTypeName, SectionFormat> = {
  section1: 'chinese',
  section2: 'chineseParen',
  section3: 'arabic',
  section4: 'arabicParen',
}

/** Layouts of a work-item list (一是…二是…): run together in one paragraph, or one item per paragraph. */
export type WorkItemsLayout = 'joined' | 'separate'

/** Approximation words a metric may carry after its number: `X余名`, `X多个`. */
export const metricApproximations = ['', '余', '多'] as const

/** Scale words that may stand after a number, before its approximation or its unit: `X万多人`, `1.5万名`. */
export const metricScales = ['', '十', '百', '千', '万', '亿'] as const

/** How an unfilled field is written: `X` `XX` `x` `××` and the like. */
export const placeholderPattern = /^(?:[Xx]{1,3}|[×Ｘｘ]{1,3})$/

const isNumberOrNull = (v: unknown) => {
  if (v !== null && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
    throw new RangeError(`expected a non-negative number or null, got ${JSON.stringify(v)}`)
  }
}
const oneOf = (values: readonly string[]) => (v: unknown) => {
  if (typeof v !== 'string' || !values.includes(v)) {
    throw new RangeError(`expected one of ${values.map((x) => JSON.stringify(x)).join(', ')}, got ${JSON.stringify(v)}`)
  }
}
const isPlaceholder = (v: unknown) => {
  if (typeof v !== 'string' || !placeholderPattern.test(v)) {
    throw new RangeError(`expected a placeholder such as "X" or "XX", got ${JSON.stringify(v)}`)
  }
}
const lineBreakOrControl = /[\u0000-\u001f\u007f\u2028\u2029]/
const isDecimals = (v: unknown) => {
  if (!(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 20)) throw new RangeError(`expected 0 to 20 decimals, got ${v}`)
}
const isLine = (v: unknown) => {
  if (typeof v !== 'string' || lineBreakOrControl.test(v)) throw new RangeError(`expected text on one line, got ${JSON.stringify(v)}`)
}
const isNonEmptyStringOrNull = (v: unknown) => {
  if (v !== null && (typeof v !== 'string' || v === '' || lineBreakOrControl.test(v))) {
    throw new RangeError(`expected a non-empty string on one line, or null, got ${JSON.stringify(v)}`)
  }
}

const isPartId = (v: unknown) => {
  if (v !== null && (typeof v !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(v))) {
    throw new RangeError(`expected a part id such as "work-1" or null, got ${JSON.stringify(v)}`)
  }
}
const isYear = (v: unknown) => {
  if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2999)) {
    throw new RangeError(`expected a year such as 2024 or null, got ${JSON.stringify(v)}`)
  }
}

/** The reporting periods a summary covers: the first half (上半年), the second half (下半年), the whole year (全年). */
export const periods = ['first-half', 'second-half', 'year'] as const

/** A reporting period: see {@link periods}. */
export type Period = (typeof periods)[number]

// ---------------------------------------------------------------------------------------------
// Review comments (批注)

/** Who wrote a comment or a reply. */
export interface CommentAuthor {
  /** The user's id in the system the editor is part of; never empty. */
  id: string
  /** The name shown with the comment (`张三`); never empty. */
  name: string
  /** The user's post or role (`科长`, `审核人`), when known; absent otherwise (never empty). */
  role?: string
}

/** A reply (回复) in a comment thread. */
export interface CommentReply {
  /** Unique among the replies of its thread; see {@link commentIdPattern}. */
  id: string
  author: CommentAuthor
  /** When it was written: see {@link commentTimePattern}. */
  time: string
  /** What it says; may hold line breaks. */
  text: string
}

/** What a comment is about: a stretch of text, or a whole section (its heading and body), anchored at its heading's text. */
export type CommentScope = 'text' | 'section'

/**
 * A review comment thread (批注): the comment, its replies and whether it is resolved (已解决),
 * kept in the document's `comments` attribute in the order the threads were made. Its place in
 * the text is where `comment` marks of its `id` are; `quote` keeps the text it was first made on,
 * for a thread whose text has since been deleted (a detached thread).
 */
export interface CommentThread {
  /** Unique in the document; the `comment` marks of this id anchor it. See {@link commentIdPattern}. */
  id: string
  author: CommentAuthor
  /** When it was made: see {@link commentTimePattern}. */
  time: string
  /** What it says; may hold line breaks. */
  text: string
  /** The replies, oldest first. */
  replies: CommentReply[]
  /** Whether it is resolved (已解决). */
  resolved: boolean
  /** The text it was made on, as displayed then (fields as their text, paragraphs on lines of their own). */
  quote: string
  scope: CommentScope
}

/** The ids of comment threads and replies: 1 to 64 letters, digits, `_`, `.`, `:` or `-`, starting with a letter or digit (a UUID fits). */
export const commentIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/

/**
 * The times of comments and replies: an ISO 8601 date and time in the RFC 3339 form, with seconds
 * and an offset (`2024-07-08T09:30:00.000Z`, `2024-07-08T17:30:00+08:00`), as `Date.toISOString`
 * writes it. The document also checks what the pattern cannot: that the day exists in its month.
 */
export const commentTimePattern = /^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$/

/** A problem in comment threads: where, as a path from the value checked (`[2].replies[0].time`), and what is wrong. */
export interface CommentProblem {
  path: string
  problem: string
}

const threadKeys = ['id', 'author', 'time', 'text', 'replies', 'resolved', 'quote', 'scope']
const replyKeys = ['id', 'author', 'time', 'text']
const authorKeys = ['id', 'name', 'role']
/** Control characters other than tab, line feed and carriage return: no comment text holds them. */
const commentControl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

function shown(v: unknown): string {
  if (v === undefined) return '缺失'
  const s = JSON.stringify(v) ?? String(v)
  return s.length > 40 ? s.slice(0, 37) + '…' : s
}

/** Whether a value is a time as {@link commentTimePattern} says, on a day that exists (no 2 月 30 日). */
function isCommentTime(v: unknown): boolean {
  if (typeof v !== 'string' || !commentTimePattern.test(v)) return false
  const [year, month, day] = [Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))]
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day
}

function authorProblem(v: unknown, path: string): CommentProblem | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, problem: `应为作者对象 {id, name, role?}，实为 ${shown(v)}` }
  const a = v as Record<string, unknown>
  for (const key of Object.keys(a)) if (!authorKeys.includes(key)) return { path: `${path}.${key}`, problem: '不是作者的字段（只有 id、name、role）' }
  for (const key of ['id', 'name', 'role']) {
    if (key === 'role' && !('role' in a)) continue
    const s = a[key]
    if (typeof s !== 'string' || s === '' || lineBreakOrControl.test(s)) {
      return { path: `${path}.${key}`, problem: `应为一行非空文字${key === 'role' ? '（没有职务时省略此字段）' : ''}，实为 ${shown(s)}` }
    }
  }
  return null
}

/** The first problem of a comment or a reply, or null: the keys of `keys` (and `extra`, left to the caller), each of its kind. */
function entryProblem(v: unknown, path: string, keys: readonly string[], extra: readonly string[]): CommentProblem | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, problem: `应为对象，实为 ${shown(v)}` }
  const e = v as Record<string, unknown>
  for (const key of Object.keys(e)) if (!keys.includes(key) && !extra.includes(key)) return { path: `${path}.${key}`, problem: `不是${keys === threadKeys ? '批注' : '回复'}的字段` }
  for (const key of keys) if (!(key in e)) return { path: `${path}.${key}`, problem: '缺少此字段' }
  if (typeof e.id !== 'string' || !commentIdPattern.test(e.id)) {
    return { path: `${path}.id`, problem: `应为标识：1 到 64 个字母、数字或 _ . : -，以字母或数字开头，实为 ${shown(e.id)}` }
  }
  const author = authorProblem(e.author, `${path}.author`)
  if (author) return author
  if (!isCommentTime(e.time)) return { path: `${path}.time`, problem: `应为 ISO 8601 日期时间，含秒和时区（如 "2024-07-08T09:30:00+08:00"），实为 ${shown(e.time)}` }
  for (const key of keys === threadKeys ? ['text', 'quote'] : ['text']) {
    const s = e[key]
    if (typeof s !== 'string' || commentControl.test(s)) return { path: `${path}.${key}`, problem: `应为文字（可换行，不含其他控制字符），实为 ${shown(s)}` }
  }
  return null
}

/**
 * The first problem of a list of comment threads (see {@link CommentThread}), or null when it is
 * one: every field present and of its kind, nothing else (but the keys of `extra`, which the
 * caller checks), ids unique among the threads and among each thread's replies.
 */
export function commentThreadsProblem(value: unknown, extra: readonly string[] = []): CommentProblem | null {
  if (!Array.isArray(value)) return { path: '', problem: `应为批注的数组，实为 ${shown(value)}` }
  const ids = new Map<string, number>()
  for (let i = 0; i < value.length; i++) {
    const path = `[${i}]`
    const found = entryProblem(value[i], path, threadKeys, extra)
    if (found) return found
    const t = value[i] as Record<string, unknown>
    const id = t.id as string
    const first = ids.get(id)
    if (first !== undefined) return { path: `${path}.id`, problem: `批注标识 ${shown(id)} 重复，第 ${first + 1} 条已用` }
    ids.set(id, i)
    if (!Array.isArray(t.replies)) return { path: `${path}.replies`, problem: `应为回复的数组，实为 ${shown(t.replies)}` }
    const replyIds = new Set<string>()
    for (let j = 0; j < t.replies.length; j++) {
      const rp = `${path}.replies[${j}]`
      const reply = entryProblem(t.replies[j], rp, replyKeys, [])
      if (reply) return reply
      const rid = (t.replies[j] as { id: string }).id
      if (replyIds.has(rid)) return { path: `${rp}.id`, problem: `回复标识 ${shown(rid)} 在本条批注中重复` }
      replyIds.add(rid)
    }
    if (typeof t.resolved !== 'boolean') return { path: `${path}.resolved`, problem: `应为 true 或 false，实为 ${shown(t.resolved)}` }
    if (t.scope !== 'text' && t.scope !== 'section') return { path: `${path}.scope`, problem: `应为 "text"（一段文字）或 "section"（整个部分），实为 ${shown(t.scope)}` }
  }
  return null
}

const checkCommentThreads = (v: unknown) => {
  const found = commentThreadsProblem(v)
  if (found) throw new RangeError(`comments${found.path}: ${found.problem}`)
}
const isCommentIdAttr = (v: unknown) => {
  if (typeof v !== 'string' || !commentIdPattern.test(v)) throw new RangeError(`expected a comment id such as "c1", got ${JSON.stringify(v)}`)
}

/** The comments of a document that has none. */
const noComments: readonly CommentThread[] = Object.freeze([])

// ---------------------------------------------------------------------------------------------
// Suggestions (修订, track changes)

/**
 * What a suggestion (修订) does: inserts text or blocks (`insert`, a replacement included: it
 * deletes what it replaces too), deletes them (`delete`, the text kept and shown struck through
 * until accepted), changes a section's kind or an attribute of a block (`structure`), or changes a
 * field's value (`field`, the old value kept beside the new one).
 */
export type SuggestionKind = 'insert' | 'delete' | 'structure' | 'field'

/** The kinds of suggestions, see {@link SuggestionKind}. */
export const suggestionKinds: readonly SuggestionKind[] = ['insert', 'delete', 'structure', 'field']

/**
 * A suggestion (修订): a change a reviewer proposed, kept in the document's `suggestions`
 * attribute in the order they were made. Its place in the text is where `insertion`, `deletion`
 * and `modification` marks of its `id` are (on text and fields, or on whole blocks); the writer
 * accepts or rejects it, and either removes the entry.
 */
export interface Suggestion {
  /** Unique in the document; see {@link commentIdPattern}. */
  id: string
  /** Who proposed it (the same kind of author as a comment's). */
  author: CommentAuthor
  /** When: see {@link commentTimePattern}. */
  time: string
  kind: SuggestionKind
}

const suggestionKeys = ['id', 'author', 'time', 'kind']

/**
 * The first problem of a list of suggestions (see {@link Suggestion}), or null when it is one:
 * every field present and of its kind, nothing else (but the keys of `extra`, which the caller
 * checks), ids unique.
 */
export function suggestionsProblem(value: unknown, extra: readonly string[] = []): CommentProblem | null {
  if (!Array.isArray(value)) return { path: '', problem: `应为修订的数组，实为 ${shown(value)}` }
  const ids = new Map<string, number>()
  for (let i = 0; i < value.length; i++) {
    const path = `[${i}]`
    const v = value[i]
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { path, problem: `应为对象，实为 ${shown(v)}` }
    const e = v as Record<string, unknown>
    for (const key of Object.keys(e)) if (!suggestionKeys.includes(key) && !extra.includes(key)) return { path: `${path}.${key}`, problem: '不是修订的字段' }
    for (const key of suggestionKeys) if (!(key in e)) return { path: `${path}.${key}`, problem: '缺少此字段' }
    if (typeof e.id !== 'string' || !commentIdPattern.test(e.id)) {
      return { path: `${path}.id`, problem: `应为标识：1 到 64 个字母、数字或 _ . : -，以字母或数字开头，实为 ${shown(e.id)}` }
    }
    const first = ids.get(e.id)
    if (first !== undefined) return { path: `${path}.id`, problem: `修订标识 ${shown(e.id)} 重复，第 ${first + 1} 条已用` }
    ids.set(e.id, i)
    const author = authorProblem(e.author, `${path}.author`)
    if (author) return author
    if (!isCommentTime(e.time)) return { path: `${path}.time`, problem: `应为 ISO 8601 日期时间，含秒和时区（如 "2024-07-08T09:30:00+08:00"），实为 ${shown(e.time)}` }
    if (!suggestionKinds.includes(e.kind as SuggestionKind)) return { path: `${path}.kind`, problem: `应为 "insert"、"delete"、"structure" 或 "field"，实为 ${shown(e.kind)}` }
  }
  return null
}

const checkSuggestions = (v: unknown) => {
  const found = suggestionsProblem(v)
  if (found) throw new RangeError(`suggestions${found.path}: ${found.problem}`)
}
const isSuggestionIdAttr = (v: unknown) => {
  if (typeof v !== 'string' || !commentIdPattern.test(v)) throw new RangeError(`expected a suggestion id such as "s1", got ${JSON.stringify(v)}`)
}

/** The suggestions of a document that has none. */
const noSuggestions: readonly Suggestion[] = Object.freeze([])

/** The suggestion marks, which every node but the document may carry: on text and fields, or on a whole block. */
const suggestionMarks = 'insertion deletion modification'

const sectionBody = 'heading block*'

function sectionSpec(format: SectionFormat, content: string, level: number): NodeSpec {
  return {
    content,
    group: 'section',
    defining: true,
    marks: suggestionMarks,
    attrs: { runIn: { default: false, validate: 'boolean' }, part: { default: null, validate: isPartId } },
    toDOM: (node) => [
      'section',
      {
        class: `zj-section zj-${format}`,
        'data-format': format,
        'data-rank': String(level),
        ...(node.attrs.runIn ? { 'data-run-in': '' } : {}),
        ...(node.attrs.part ? { 'data-part': node.attrs.part } : {}),
      },
      0,
    ],
    parseDOM: [{ tag: `section.zj-${format}`, getAttrs: (dom) => ({ runIn: dom.hasAttribute('data-run-in'), part: dom.getAttribute('data-part') || null }) }],
  }
}

function roleSpec(role: 'problems' | 'plans'): NodeSpec {
  return {
    content: `${sectionBody} (section2+ | section3+ | section4+)?`,
    defining: true,
    marks: suggestionMarks,
    attrs: { runIn: { default: false, validate: 'boolean' }, numbered: { default: true, validate: 'boolean' }, part: { default: null, validate: isPartId } },
    toDOM: (node) => [
      'section',
      {
        class: `zj-section zj-${role}`,
        'data-role': role,
        ...(node.attrs.numbered ? {} : { 'data-unnumbered': '' }),
        ...(node.attrs.runIn ? { 'data-run-in': '' } : {}),
        ...(node.attrs.part ? { 'data-part': node.attrs.part } : {}),
      },
      0,
    ],
    parseDOM: [
      {
        tag: `section.zj-${role}`,
        getAttrs: (dom) => ({ numbered: !dom.hasAttribute('data-unnumbered'), runIn: dom.hasAttribute('data-run-in'), part: dom.getAttribute('data-part') || null }),
      },
    ],
  }
}

function textblock(tag: string, cls: string, extra: Partial<NodeSpec> = {}): NodeSpec {
  return { content: 'inline*', marks: `bold comment ${suggestionMarks}`, toDOM: () => [tag, { class: cls }, 0], parseDOM: [{ tag: `${tag}.${cls}` }], ...extra }
}

const nodes: Record<string, NodeSpec> = {
  /**
   * The whole summary. Parts in the order the genre fixes; problems before plans, both after the
   * main work. Its attributes say what it reports on: the organisation (单位), the year and period
   * (时限), the template it was started from, and the review comments (批注) on it: their threads
   * (see {@link CommentThread}), each anchored in the text by `comment` marks of its id, and the
   * suggestions (修订, see {@link Suggestion}), each placed by suggestion marks of its id.
   */
  doc: {
    content: 'title subtitle? preamble section1* problems? plans? closing signOff?',
    marks: suggestionMarks,
    attrs: {
      organization: { default: '', validate: isLine },
      year: { default: null, validate: isYear },
      period: { default: null, validate: (v: unknown) => v === null || oneOf(periods)(v) },
      template: { default: null, validate: isPartId },
      comments: { default: noComments, validate: checkCommentThreads },
      suggestions: { default: noSuggestions, validate: checkSuggestions },
    },
  },
  /** 标题: unit, period, subject and genre. */
  title: textblock('h1', 'zj-title'),
  /** 副标题, written under the title. */
  subtitle: textblock('p', 'zj-subtitle'),
  /** 导语: the opening paragraphs before the first section. */
  preamble: { content: 'block*', marks: suggestionMarks, toDOM: () => ['div', { class: 'zj-preamble' }, 0], parseDOM: [{ tag: 'div.zj-preamble' }] },
  /** A `一、` section of the main work (主要工作). */
  section1: sectionSpec('chinese', `${sectionBody} (section2+ | section3+ | section4+)?`, 1),
  /** A `（一）` section. */
  section2: sectionSpec('chineseParen', `${sectionBody} (section3+ | section4+)?`, 2),
  /** A `1.` section. */
  section3: sectionSpec('arabic', `${sectionBody} section4*`, 3),
  /** A `（1）` section. */
  section4: sectionSpec('arabicParen', sectionBody, 4),
  /** 存在的问题: what fell short. Numbered like a `一、` section, or not numbered at all. */
  problems: roleSpec('problems'),
  /** 下半年工作计划 / 下一步打算: what comes next. Numbered like a `一、` section, or not at all. */
  plans: roleSpec('plans'),
  /**
   * A section's heading text, without its number (which is computed). In a run-in section
   * (`（一）落实党建责任。一是……`) it is the first sentence without its final `。`.
   */
  heading: textblock('h2', 'zj-heading', {
    defining: true,
    // Numbers written into copied HTML are for other programs; they are computed here.
    parseDOM: [{ tag: 'span.zj-number', ignore: true }, { tag: '.zj-heading' }],
  }),
  /** A paragraph of body text. */
  // Any other <p> is a paragraph, after the rules of the classes above and below (priority 40).
  paragraph: { ...textblock('p', 'zj-paragraph'), group: 'block', parseDOM: [{ tag: 'p', priority: 40 }] },
  /** A work-item list (一是…二是…): an optional introduction, then items, with notes that continue an item. */
  workItems: {
    content: 'workIntro? workItem (workItem | workNote)*',
    group: 'block',
    marks: suggestionMarks,
    attrs: { layout: { default: 'separate', validate: oneOf(['joined', 'separate']) } },
    toDOM: (node) => ['div', { class: 'zj-work-items', 'data-layout': node.attrs.layout }, 0],
    parseDOM: [{ tag: 'div.zj-work-items', getAttrs: (dom) => ({ layout: dom.getAttribute('data-layout') === 'joined' ? 'joined' : 'separate' }) }],
  },
  /** The words that introduce a joined list on the same line (`……重点抓了三项工作。一是……`). */
  workIntro: textblock('span', 'zj-work-intro'),
  /** One work item; its ordinal (`一是`) is computed. Its lead phrase is its first sentence. */
  workItem: textblock('p', 'zj-work-item', { parseDOM: [{ tag: 'span.zj-ordinal', ignore: true }, { tag: '.zj-work-item' }] }),
  /** A paragraph that continues the item before it without an ordinal of its own. */
  workNote: textblock('p', 'zj-work-note'),
  /** 结尾: the closing paragraphs after the last section. */
  closing: { content: 'block*', marks: suggestionMarks, toDOM: () => ['div', { class: 'zj-closing' }, 0], parseDOM: [{ tag: 'div.zj-closing' }] },
  /** 落款: the signing organisation and the date, set right. */
  signOff: { content: 'organization date', marks: suggestionMarks, toDOM: () => ['div', { class: 'zj-sign-off' }, 0], parseDOM: [{ tag: 'div.zj-sign-off' }] },
  /** The signing organisation of the sign-off. */
  organization: textblock('p', 'zj-organization'),
  /** The date of the sign-off, in Arabic digits (`2020年7月10日`). */
  date: textblock('p', 'zj-date'),
  text: { group: 'inline' },
  /**
   * 指标: a number with its unit (`22个`), unfilled (`X名`), a range (`3000-5000元`, `X-X个`), with a
   * scale (`1.5万名`) or an approximation (`X余人次`, `X万多人`). Displayed as value, range end,
   * scale, approximation, unit; a number with the digits after its point as written (`12.50万元`).
   */
  metric: {
    inline: true,
    group: 'inline',
    atom: true,
    selectable: true,
    attrs: {
      value: { default: null, validate: isNumberOrNull },
      range: { default: false, validate: 'boolean' },
      upper: { default: null, validate: isNumberOrNull },
      scale: { default: '', validate: oneOf(metricScales) },
      approx: { default: '', validate: oneOf(metricApproximations) },
      unit: { default: '', validate: isLine },
      label: { default: '', validate: isLine },
      placeholder: { default: 'X', validate: isPlaceholder },
      decimals: { default: 0, validate: isDecimals },
    },
    toDOM: (node) => ['span', metricDataAttrs(node.attrs as MetricAttrs), metricText(node.attrs as MetricAttrs)],
    parseDOM: [{ tag: 'span.zj-metric', getAttrs: (dom) => metricAttrsFromData((name) => dom.getAttribute(name)) }],
  },
  /** 空白: an open name that a template leaves to fill (`X社区`, `《X》`, `XX党组`). */
  blank: {
    inline: true,
    group: 'inline',
    atom: true,
    selectable: true,
    attrs: {
      value: { default: null, validate: isNonEmptyStringOrNull },
      label: { default: '', validate: isLine },
      placeholder: { default: 'X', validate: isPlaceholder },
    },
    toDOM: (node) => ['span', blankDataAttrs(node.attrs as BlankAttrs), blankText(node.attrs as BlankAttrs)],
    parseDOM: [{ tag: 'span.zj-blank', getAttrs: (dom) => blankAttrsFromData((name) => dom.getAttribute(name)) }],
  },
}

/** A suggestion id read from HTML, or `false` when it is not one. */
function suggestionIdFrom(id: string | null): { id: string } | false {
  return id !== null && commentIdPattern.test(id) ? { id } : false
}

const marks: Record<string, MarkSpec> = {
  /** Bold (加粗), the one emphasis summaries use. */
  bold: { toDOM: () => ['strong', 0], parseDOM: [{ tag: 'strong' }, { tag: 'b' }] },
  /**
   * 批注: the text a review comment is about, by the id of its thread in the document's `comments`.
   * Comments overlap (marks of different ids on the same text); typing at either edge of one does
   * not extend it, typing inside does.
   */
  comment: {
    attrs: { id: { validate: isCommentIdAttr } },
    excludes: '',
    inclusive: false,
    toDOM: (mark) => ['span', { class: 'zj-comment', 'data-comment': mark.attrs.id as string }, 0],
    parseDOM: [
      {
        tag: 'span.zj-comment',
        getAttrs: (dom) => {
          const id = dom.getAttribute('data-comment')
          return id !== null && commentIdPattern.test(id) ? { id } : false
        },
      },
    ],
  },
  /**
   * 修订（插入）: text, a field or a whole block a reviewer proposed to insert, by the id of its
   * entry in the document's `suggestions`. Typing at its edges does not extend it (the suggestion
   * commands give new text its own mark). Another reviewer's deletion of it is a `deletion` on the
   * same content, as Word keeps a deletion inside an insertion: accepting the deletion takes the
   * content away, rejecting it leaves the insertion as it was.
   */
  insertion: {
    attrs: { id: { validate: isSuggestionIdAttr } },
    inclusive: false,
    excludes: 'insertion modification',
    toDOM: (mark) => ['ins', { class: 'zj-insertion', 'data-suggestion': mark.attrs.id as string }, 0],
    parseDOM: [{ tag: 'ins[data-suggestion]', getAttrs: (dom) => suggestionIdFrom(dom.getAttribute('data-suggestion')) }],
  },
  /**
   * 修订（删除）: text, a field or a whole block a reviewer proposed to delete, kept until the
   * suggestion is accepted; with an `insertion` of another reviewer's when it deletes what they
   * suggested inserting.
   */
  deletion: {
    attrs: { id: { validate: isSuggestionIdAttr } },
    inclusive: false,
    excludes: 'deletion modification',
    toDOM: (mark) => ['del', { class: 'zj-deletion', 'data-suggestion': mark.attrs.id as string }, 0],
    parseDOM: [{ tag: 'del[data-suggestion]', getAttrs: (dom) => suggestionIdFrom(dom.getAttribute('data-suggestion')) }],
  },
  /**
   * 修订（修改）: a change to a node's attributes (`type: 'attr'`, the attribute `attrName`, its
   * `previousValue` and `newValue`: a field's value, a block's layout) or to its kind
   * (`type: 'nodeType'`, the node type names), or a restructuring of sections (`type: 'structure'`:
   * on each block it made, `previousValue` on the first holding the blocks that stood there before,
   * as ProseMirror JSON), keeping the old so that rejecting restores it.
   */
  modification: {
    attrs: {
      id: { validate: isSuggestionIdAttr },
      type: { validate: oneOf(['attr', 'nodeType', 'structure']) },
      attrName: { default: null, validate: 'string|null' },
      previousValue: { default: null },
      newValue: { default: null },
    },
    inclusive: false,
    excludes: 'insertion deletion',
    toDOM: (mark) => ['span', { class: 'zj-modification', 'data-suggestion': mark.attrs.id as string }, 0],
  },
}

/** The schema of a work summary (工作总结). Every document it admits is a well-formed summary. */
export const schema = new Schema({ nodes, marks })

/** The attributes of a metric node. */
export interface MetricAttrs {
  /** The number, or `null` while unfilled. */
  value: number | null
  /** Whether the metric is a range (`3000-5000元`). */
  range: boolean
  /** The upper end of a range, or `null` while unfilled. */
  upper: number | null
  /** A scale word written after the number, before the approximation or the unit (`万` in `X万多人`, `1.5万名`). */
  scale: (typeof metricScales)[number]
  /** An approximation word (`余`, `多`). */
  approx: (typeof metricApproximations)[number]
  /** The unit or measure word (`名`, `%`, `万元`). */
  unit: string
  /** What the metric counts, for the metrics table; may be empty. */
  label: string
  /** How the number is written while unfilled (`X`, `XX`, `××`). */
  placeholder: string
  /**
   * How many digits the number (and a range's upper end) shows after its point at least, the
   * zeros the number itself drops kept as the writer wrote them: 1 for `5.0%`, 2 for `12.50万元`;
   * 0 (the default; absent from a Summary JSON that has none) shows the number as it is (`3.5万元`).
   * See {@link metricNumberText}.
   */
  decimals?: number
}

/** The attributes of a blank node. */
export interface BlankAttrs {
  /** The filled-in name, or `null` while unfilled. */
  value: string | null
  /** What the blank stands for; may be empty. */
  label: string
  /** How it is written while unfilled (`X`, `XX`). */
  placeholder: string
}

/**
 * A metric's number as displayed: with at least `decimals` digits after its point, the zeros the
 * number drops put back (`5` with 1 is `5.0`, `12.5` with 2 is `12.50`). See {@link MetricAttrs.decimals}.
 */
export function metricNumberText(n: number, decimals?: number): string {
  const s = String(n)
  if (!decimals || s.includes('e')) return s
  const t = s.includes('.') ? s : s + '.'
  return t.padEnd(t.indexOf('.') + 1 + decimals, '0')
}

function numberText(n: number | null, placeholder: string, decimals?: number): string {
  return n === null ? placeholder : metricNumberText(n, decimals)
}

/**
 * A metric's attributes as `data-*` attributes of a `span.zj-metric`, as the HTML export and the
 * clipboard carry them (`data-value` and `data-upper` absent while unfilled).
 */
export function metricDataAttrs(attrs: MetricAttrs): Record<string, string> {
  const out: Record<string, string> = { class: 'zj-metric' }
  if (attrs.value !== null) out['data-value'] = String(attrs.value)
  if (attrs.range) out['data-range'] = ''
  if (attrs.upper !== null) out['data-upper'] = String(attrs.upper)
  out['data-scale'] = attrs.scale
  out['data-approx'] = attrs.approx
  out['data-unit'] = attrs.unit
  out['data-label'] = attrs.label
  out['data-placeholder'] = attrs.placeholder
  if (attrs.decimals) out['data-decimals'] = String(attrs.decimals)
  return out
}

/** A metric's attributes read back from {@link metricDataAttrs}; `false` (no metric) when they do not fit the schema. */
export function metricAttrsFromData(get: (name: string) => string | null): MetricAttrs | false {
  const num = (v: string | null) => (v === null || v === '' ? null : Number(v))
  const attrs: MetricAttrs = {
    value: num(get('data-value')),
    range: get('data-range') !== null,
    upper: num(get('data-upper')),
    scale: (get('data-scale') ?? '') as MetricAttrs['scale'],
    approx: (get('data-approx') ?? '') as MetricAttrs['approx'],
    unit: get('data-unit') ?? '',
    label: get('data-label') ?? '',
    placeholder: get('data-placeholder') ?? 'X',
    decimals: Number(get('data-decimals') ?? 0),
  }
  try {
    schema.nodes.metric!.create(attrs).check()
    return attrs
  } catch {
    return false
  }
}

/** A blank's attributes as `data-*` attributes of a `span.zj-blank`. */
export function blankDataAttrs(attrs: BlankAttrs): Record<string, string> {
  const out: Record<string, string> = { class: 'zj-blank' }
  if (attrs.value !== null) out['data-value'] = attrs.value
  out['data-label'] = attrs.label
  out['data-placeholder'] = attrs.placeholder
  return out
}

/** A blank's attributes read back from {@link blankDataAttrs}; `false` when they do not fit the schema. */
export function blankAttrsFromData(get: (name: string) => string | null): BlankAttrs | false {
  const attrs: BlankAttrs = { value: get('data-value'), label: get('data-label') ?? '', placeholder: get('data-placeholder') ?? 'X' }
  try {
    schema.nodes.blank!.create(attrs).check()
    return attrs
  } catch {
    return false
  }
}

/** A metric as displayed: `X名`, `22个`, `X-X个`, `X余人次`, `X万多人`. */
export function metricText(attrs: MetricAttrs): string {
  const value = numberText(attrs.value, attrs.placeholder, attrs.decimals)
  const upper = attrs.range ? '-' + numberText(attrs.upper, attrs.placeholder, attrs.decimals) : ''
  return value + upper + attrs.scale + attrs.approx + attrs.unit
}

/** Whether a metric still waits for its number (or its range end). */
export function metricUnfilled(attrs: MetricAttrs): boolean {
  return attrs.value === null || (attrs.range && attrs.upper === null)
}

/** A blank as displayed: its value, or its placeholder while unfilled. */
export function blankText(attrs: BlankAttrs): string {
  return attrs.value ?? attrs.placeholder
}

/** The text of an inline node or textblock as displayed, fields included. */
export function displayText(node: Node): string {
  if (node.isText) return node.text ?? ''
  if (node.type.name === 'metric') return metricText(node.attrs as MetricAttrs)
  if (node.type.name === 'blank') return blankText(node.attrs as BlankAttrs)
  let out = ''
  node.forEach((child) => {
    out += displayText(child)
  })
  return out
}

/** Whether a node is a field (字段): a metric or a blank. */
export function isField(node: Node): boolean {
  return node.type.name === 'metric' || node.type.name === 'blank'
}

/** Whether a node is a section of any kind: `section1` … `section4`, `problems` or `plans`. */
export function isSection(node: Node): boolean {
  const name = node.type.name
  return name === 'problems' || name === 'plans' || (sectionTypeNames as readonly string[]).includes(name)
}
