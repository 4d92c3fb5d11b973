/**
 * Review comments (批注) in the model: the `comment` mark and the `comments` attribute, Summary
 * JSON version 2, the HTML spans and appendix, plain text, and `commentThreads`. The random
 * documents and edits are in `properties.test.ts`; the commands in `@zongjie/commands`.
 */
import { describe, it, expect } from 'vitest'
import { parseHTML } from 'linkedom'
import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { schema, type CommentThread } from '../src/schema.ts'
import { toSummary, readSummary, fromSummary, type Summary } from '../src/summary.ts'
import { toHTML } from '../src/html.ts'
import { fromHTML, type DomNodeLike } from '../src/html-read.ts'
import { toText } from '../src/text.ts'
import { commentThreads, quoteBetween, withoutCommentMarks } from '../src/comments.ts'
import { ImportError, SummaryError } from '../src/errors.ts'
import { doc, p, section, metric, bold, testAuthor, testTime } from './arbitrary.ts'
import { refusal } from './refusal.ts'

const parse = (html: string): DomNodeLike => parseHTML(html).document

/** The range of the `nth` occurrence of `needle` in the text of a textblock. */
function rangeOf(d: Node, needle: string, nth = 0): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  let count = 0
  d.descendants((node, pos) => {
    if (found || !node.isTextblock) return !found
    // A field stands for one position: one character here.
    const text = node.textBetween(0, node.content.size, undefined, '\ufffc')
    let offset = text.indexOf(needle)
    while (offset >= 0 && !found) {
      if (count++ === nth) found = { from: pos + 1 + offset, to: pos + 1 + offset + needle.length }
      offset = text.indexOf(needle, offset + 1)
    }
    return false
  })
  if (!found) throw new Error(`"${needle}" not found`)
  return found
}

const thread = (id: string, quote: string, extra: Partial<CommentThread> = {}): CommentThread => ({
  id,
  author: testAuthor(1),
  time: testTime(0),
  text: '请核实',
  replies: [],
  resolved: false,
  quote,
  scope: 'text',
  ...extra,
})

/** A document with comments on the given texts (each `[id, text]`), and the threads `extra` beside them. */
function commented(d: Node, marks: [string, string][], extra: CommentThread[] = []): Node {
  const tr = new Transform(d)
  const threads: CommentThread[] = []
  for (const [id, needle] of marks) {
    const { from, to } = rangeOf(d, needle)
    tr.addMark(from, to, schema.marks.comment!.create({ id }))
    if (!threads.some((t) => t.id === id)) threads.push(thread(id, needle))
  }
  return tr.setDocAttribute('comments', [...threads, ...extra]).doc
}

const base = doc({
  title: '2024年上半年工作总结',
  preamble: [p('上半年培训', metric({ unit: '名' }), '干部。')],
  sections: [section(1, '强化引领', [p('全面学习理论。')]), section(1, ['夯实', bold('基础')], [p('按期换届。')])],
  closing: [p('继续努力！')],
})

/** Two overlapping comments over text and a metric, one on a section heading, one detached. */
const reviewed = commented(
  base,
  [
    ['a', '上半年培'],
    ['b', '年培训'],
    ['s', '夯实'],
  ],
  [thread('gone', '按期', { resolved: true, replies: [{ id: 'r1', author: testAuthor(2, true), time: testTime(5), text: '已删去' }] })],
)

describe('the comment mark and the comments attribute', () => {
  it('overlap: marks of different ids on the same text', () => {
    const { from } = rangeOf(reviewed, '年培')
    const marks = reviewed.nodeAt(from)!.marks.map((m) => `${m.type.name}:${m.attrs.id ?? ''}`)
    expect(marks).toEqual(['comment:a', 'comment:b'])
    reviewed.check()
  })

  it('refuse a malformed thread on the document, naming the field', () => {
    const bad = (comments: unknown) => () => schema.nodes.doc!.create({ comments }, base.content).check()
    expect(bad([thread('a', 'x', { time: '2024-07-08 09:30' })])).toThrow(/comments\[0\]\.time/)
    expect(bad([thread('a', 'x'), thread('a', 'y')])).toThrow(/comments\[1\]\.id: 批注标识 "a" 重复/)
    expect(bad([thread('a', 'x', { author: { id: 'u', name: '' } })])).toThrow(/comments\[0\]\.author\.name/)
    expect(bad([{ ...thread('a', 'x'), extra: 1 }])).toThrow(/comments\[0\]\.extra/)
    expect(bad([thread('a', 'x', { scope: 'page' as never })])).toThrow(/comments\[0\]\.scope/)
    expect(bad({})).toThrow(/comments: 应为批注的数组/)
    expect(() => schema.marks.comment!.create({ id: 'a b' })).toThrow(RangeError)
    expect(() => schema.marks.comment!.create({})).toThrow(RangeError)
  })

  it('accept ISO 8601 times with an offset, and only days that exist', () => {
    const ok = (time: string) => schema.nodes.doc!.create({ comments: [thread('a', 'x', { time })] }, base.content)
    for (const t of ['2024-07-08T09:30:00Z', '2024-07-08T09:30:00.123Z', '2024-07-08T17:30:00+08:00', '2024-02-29T00:00:00-05:00']) expect(() => ok(t)).not.toThrow()
    for (const t of ['2024-07-08', '2024-07-08T09:30Z', '2024-07-08T09:30:00', '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-13-01T00:00:00Z']) expect(() => ok(t), t).toThrow(RangeError)
  })
})

describe('commentThreads', () => {
  it('lists the threads in reading order, each at its first stretch, the detached ones last', () => {
    const list = commentThreads(reviewed)
    expect(list.map((t) => [t.thread.id, t.anchorText, t.detached])).toEqual([
      ['a', '上半年培', false],
      ['b', '年培训', false],
      ['s', '夯实', false],
      ['gone', '', true],
    ])
    const a = list[0]!
    expect(reviewed.textBetween(a.from!, a.to!)).toBe('上半年培')
    expect(list[3]).toMatchObject({ from: null, to: null })
  })

  /** The base summary with the comment `x` on three stretches: `全面`, `培训X名` (with its field) and the second `上半`. */
  function commentedInThreeStretches() {
    const tr = new Transform(base)
    const mark = schema.marks.comment!.create({ id: 'x' })
    tr.addMark(rangeOf(base, '全面').from, rangeOf(base, '全面').to, mark)
    const training = rangeOf(base, '培训')
    tr.addMark(training.from, training.to + 1, mark)
    tr.addMark(rangeOf(base, '上半', 1).from, rangeOf(base, '上半', 1).to, mark)
    return tr.setDocAttribute('comments', [thread('x', '上半\n培训X名\n全面')]).doc
  }

  it('quotes every stretch in reading order, a line a textblock, and spans from the first to the last, reading fields as displayed', () => {
    const [x] = commentThreads(commentedInThreeStretches())
    expect(x!.anchorText).toBe('上半…培训X名\n全面')
    expect([x!.from, x!.to]).toEqual([rangeOf(base, '上半', 1).from, rangeOf(base, '全面').to])
  })

  it('Summary JSON quotes every stretch in its anchor as the panel does, at its first run, and gives each stretch its comment back', () => {
    const d = commentedInThreeStretches()
    const json = toSummary(d)
    expect(json.comments![0]!.anchor).toEqual({ path: '$.preamble[0].runs[0]', text: '上半…培训X名\n全面' })
    expect(json.comments![0]!.anchor!.text).toBe(commentThreads(d)[0]!.anchorText)
    // Read again from kept parts, the same anchor; read a second time, still (the parts' own left as they were).
    expect(readSummary(d).comments).toEqual(json.comments)
    expect(readSummary(d).comments).toEqual(json.comments)
    // Back from the JSON: the comment on each of the three stretches, the thread on the same text.
    const back = fromSummary(JSON.parse(JSON.stringify(json)))
    expect(back.eq(d)).toBe(true)
    expect(commentThreads(back)).toEqual(commentThreads(d))
    const stretches: string[] = []
    back.descendants((node) => {
      if (node.isInline && node.marks.some((m) => m.type.name === 'comment' && m.attrs.id === 'x')) stretches.push(node.isText ? node.text! : 'X名')
      return true
    })
    expect(stretches).toEqual(['上半', '培训', 'X名', '全面'])
    // An anchor that quotes only the first stretch is refused, naming the field.
    const cut = JSON.parse(JSON.stringify(json))
    cut.comments[0].anchor.text = '上半'
    expect(refusal(cut).path).toBe('$.comments[0].anchor.text')
  })

  it('quotes a comment across two paragraphs whole and spans both; Summary JSON and the review HTML give it back', () => {
    // 强化引领 (a heading) to 全面学习 (the next paragraph), as a selection across them is commented.
    const from = rangeOf(base, '引领').from
    const to = rangeOf(base, '全面学习').to
    const quote = quoteBetween(base, from, to)
    const tr = new Transform(base).addMark(from, to, schema.marks.comment!.create({ id: 'x' }))
    const across = tr.setDocAttribute('comments', [thread('x', quote)]).doc
    const [x] = commentThreads(across)
    expect(x).toMatchObject({ anchorText: '引领\n全面学习', from, to, detached: false })
    expect(x!.anchorText).toBe(quote)
    // Summary JSON: anchored at its first run, quoting both lines, the runs of both paragraphs naming it; the same thread on the same text back.
    const json = toSummary(across)
    expect(json.comments![0]!.anchor).toEqual({ path: '$.sections[0].titleRuns[1]', text: '引领\n全面学习' })
    expect(json.sections[0]!.body[0]).toMatchObject({ runs: [{ text: '全面学习', comments: ['x'] }, { text: '理论。' }] })
    const back = fromSummary(JSON.parse(JSON.stringify(json)))
    expect(back.eq(across)).toBe(true)
    expect(commentThreads(back)).toEqual(commentThreads(across))
    // The review HTML: both stretches marked, the thread quoting both lines.
    const html = toHTML(across)
    expect(html).toContain('<span class="zj-comment" data-comment="x">引领</span></h2>')
    expect(html).toContain('<p class="zj-paragraph"><span class="zj-comment" data-comment="x">全面学习</span>理论。</p>')
    expect(html).toContain('<blockquote class="zj-comment-quote">引领\n全面学习</blockquote>')
    // Printed, the quote keeps its lines.
    expect(toHTML(across, { standalone: true })).toMatch(/\.zj-comment-quote, \.zj-comment-text \{ white-space: pre-line; \}/)
    expect(fromHTML(html, parse).eq(across)).toBe(true)
  })

  it('is empty for a document without threads', () => {
    expect(commentThreads(base)).toEqual([])
  })

  it('quotes a range as displayed, one line a textblock, without numbers', () => {
    expect(quoteBetween(base, rangeOf(base, '培训').from, rangeOf(base, '干部').to)).toBe('培训X名干部')
    expect(quoteBetween(base, rangeOf(base, '强化').from, rangeOf(base, '全面').to)).toBe('强化引领\n全面')
  })
})

describe('Summary JSON version 2', () => {
  const s = toSummary(reviewed)

  it('is version 1, as it always was, without threads', () => {
    const v1 = JSON.stringify(toSummary(base))
    expect(JSON.parse(v1).version).toBe(1)
    expect(v1).not.toContain('comments')
    // Threads deleted, marks gone: the same bytes as before any comment.
    const cleared = withoutCommentMarks(reviewed, () => true)
    expect(JSON.stringify(toSummary(cleared.type.create({ ...cleared.attrs, comments: [] }, cleared.content)))).toBe(v1)
  })

  it('names the comments on each run, a run ending where they change', () => {
    expect(s.version).toBe(2)
    expect(s.preamble[0]).toEqual({
      type: 'paragraph',
      text: '上半年培训X名干部。',
      runs: [
        { text: '上半', comments: ['a'] },
        { text: '年培', comments: ['a', 'b'] },
        { text: '训', comments: ['b'] },
        { metric: { value: null, range: false, upper: null, scale: '', approx: '', unit: '名', label: '', placeholder: 'X' } },
        { text: '干部。' },
      ],
    })
    expect(s.sections[1]!.titleRuns).toEqual([{ text: '夯实', comments: ['s'] }, { text: '基础', bold: true }])
    // The metrics index is where it was.
    expect(s.metrics[0]!.path).toBe('$.preamble[0].runs[3]')
  })

  it('lists the threads with their anchors, or detached', () => {
    expect(s.comments!.map((t) => [t.id, t.anchor ?? t.detached])).toEqual([
      ['a', { path: '$.preamble[0].runs[0]', text: '上半年培' }],
      ['b', { path: '$.preamble[0].runs[1]', text: '年培训' }],
      ['s', { path: '$.sections[1].titleRuns[0]', text: '夯实' }],
      ['gone', true],
    ])
    expect(s.comments![3]).toEqual({
      id: 'gone',
      author: { id: 'u1', name: '作者1' },
      time: testTime(0),
      text: '请核实',
      replies: [{ id: 'r1', author: { id: 'u2', name: '作者2', role: '科长' }, time: testTime(5), text: '已删去' }],
      resolved: true,
      quote: '按期',
      scope: 'text',
      detached: true,
    })
    expect(Object.keys(s)).toEqual(['version', 'title', 'preamble', 'sections', 'closing', 'metrics', 'blanks', 'comments'])
  })

  it('puts comments on fields in their runs', () => {
    const tr = new Transform(base)
    const r = rangeOf(base, '培训')
    tr.addMark(r.to, r.to + 1, schema.marks.comment!.create({ id: 'm' })).setDocAttribute('comments', [thread('m', 'X名')])
    const json = toSummary(tr.doc)
    expect(json.preamble[0]).toMatchObject({ runs: [{ text: '上半年培训' }, { metric: { unit: '名' }, comments: ['m'] }, { text: '干部。' }] })
    expect(json.comments![0]!.anchor).toEqual({ path: '$.preamble[0].runs[1]', text: 'X名' })
    expect(fromSummary(JSON.parse(JSON.stringify(json))).eq(tr.doc)).toBe(true)
  })

  it('round-trips exactly, overlapping and detached threads included', () => {
    expect(fromSummary(JSON.parse(JSON.stringify(s))).eq(reviewed)).toBe(true)
    expect(fromSummary(JSON.parse(JSON.stringify(toSummary(base)))).eq(base)).toBe(true)
  })

  it('leaves out marks whose thread the document does not have, also when kept parts are read again', () => {
    const stray = commented(base, [['x', '全面']]).type.create({ ...base.attrs }, commented(base, [['x', '全面']]).content)
    expect(toSummary(stray)).toEqual(toSummary(base))
    const withThread = commented(base, [['x', '全面']])
    expect(readSummary(withThread).sections[0]!.body[0]).toMatchObject({ runs: [{ text: '全面', comments: ['x'] }, { text: '学习理论。' }] })
    // The same section node, its thread gone: what readSummary kept for it must not be used as is.
    const threadGone = withThread.type.create({ ...withThread.attrs, comments: [] }, withThread.content)
    expect(readSummary(threadGone)).toEqual(toSummary(base))
    expect(readSummary(withThread)).toEqual(toSummary(withThread))
  })
})

describe('HTML with comments', () => {
  const html = toHTML(reviewed)

  it('wraps commented text in nested spans, bold outermost, and appends the threads', () => {
    expect(html).toContain(
      '<p class="zj-paragraph"><span class="zj-comment" data-comment="a">上半<span class="zj-comment" data-comment="b">年培</span></span><span class="zj-comment" data-comment="b">训</span><span class="zj-metric"',
    )
    expect(html).toContain('<h2 class="zj-heading"><span class="zj-number">二、</span><span class="zj-comment" data-comment="s">夯实</span><strong>基础</strong></h2>')
    expect(html).toMatch(/<\/article>\n<aside class="zj-comments" lang="zh-CN">\n<h2 class="zj-comments-title">批注<\/h2>\n<section class="zj-comment-thread" data-comment="a" data-scope="text"/)
    expect(html).toContain('<section class="zj-comment-thread" data-comment="gone" data-scope="text" data-time="2024-07-08T08:00:00+08:00" data-author-id="u1" data-author-name="作者1" data-resolved="">')
    expect(html).toContain('<div class="zj-comment-reply" data-reply="r1" data-time="2024-07-08T08:05:00+08:00" data-author-id="u2" data-author-name="作者2" data-author-role="科长">')
  })

  it('reads back exactly, and with review: false gives the clean summary', () => {
    expect(fromHTML(html, parse).eq(reviewed)).toBe(true)
    expect(toHTML(reviewed, { review: false })).toBe(toHTML(base))
    expect(toHTML(reviewed, { standalone: true, review: false })).toBe(toHTML(base, { standalone: true }))
    expect(toHTML(reviewed, { standalone: true })).toContain('<aside class="zj-comments"')
    expect(fromHTML(toHTML(reviewed, { standalone: true }), parse).eq(reviewed)).toBe(true)
  })

  it('shows the time of each comment and reply to read, in Beijing time, the ISO time kept in datetime', () => {
    expect(html).toContain('<span class="zj-comment-author">作者2（科长）</span> <time datetime="2024-07-08T08:05:00+08:00">2024年7月8日 08:05</time></p>')
    const zone = process.env.TZ
    try {
      // The same wherever it is written: a time in UTC, late in the day there, is the next day in Beijing.
      process.env.TZ = 'America/New_York'
      const late = commented(base, [['t', '全面']]).type.create(
        { ...base.attrs, comments: [thread('t', '全面', { time: '2026-12-31T16:30:00.000Z', replies: [{ id: 'r', author: testAuthor(2), time: '2026-12-07T03:40:00Z', text: '好' }] })] },
        commented(base, [['t', '全面']]).content,
      )
      const written = toHTML(late)
      expect(written).toContain('<time datetime="2026-12-31T16:30:00.000Z">2027年1月1日 00:30</time>')
      expect(written).toContain('<time datetime="2026-12-07T03:40:00Z">2026年12月7日 11:40</time>')
      expect(fromHTML(written, parse).eq(late)).toBe(true)
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('keeps line breaks and markup characters in comment texts', () => {
    const tricky = commented(base, [['t', '全面']]).type.create(
      { ...base.attrs, comments: [thread('t', '全面', { text: ' 第一行\n<b>第二行</b> & "引号"\t', quote: '\n全面\r' })] },
      commented(base, [['t', '全面']]).content,
    )
    expect(fromHTML(toHTML(tricky), parse).eq(tricky)).toBe(true)
  })

  it('refuses comment marks with no thread and malformed threads, with ImportError', () => {
    const bad = (from: string | RegExp, to: string) => () => fromHTML(html.replace(from, to), parse)
    expect(bad(/<aside[\s\S]*<\/aside>/, '')).toThrow(ImportError)
    expect(bad(/<aside[\s\S]*<\/aside>/, '')).toThrow('data-comment="a"')
    expect(bad('data-time="2024-07-08T08:00:00+08:00"', 'data-time="昨天"')).toThrow(/comments\[0\]\.time/)
    expect(bad('<blockquote class="zj-comment-quote">上半年培</blockquote>', '')).toThrow('zj-comment-quote')
    expect(bad('data-comment="b">年培</span>', 'data-comment="b c">年培</span>')).toThrow('data-comment')
  })

  it('is ignored by plain text', () => {
    expect(toText(reviewed)).toBe(toText(base))
  })
})

describe('fromSummary on comments: refusals name the field', () => {
  it('refuses a value that disagrees with its anchors or versions', () => {
    /** The refusal of the reviewed summary's JSON after `change`. */
    const refusalOf = (change: (s: any) => void): SummaryError => {
      const s: any = JSON.parse(JSON.stringify(toSummary(reviewed)))
      change(s)
      return refusal(s)
    }
    expect(refusalOf((s) => (s.comments[1].anchor.path = '$.preamble[0].runs[2]')).path).toBe('$.comments[1].anchor.path')
    expect(refusalOf((s: Summary) => (s.comments![0]!.anchor!.text = '上半')).path).toBe('$.comments[0].anchor.text')
  })
})
