/**
 * Suggestions (修订) in HTML: `toHTML` writes them (ins/del/span.zj-mod, data-suggestion-* on
 * blocks, the appendix aside.zj-suggestions), `fromHTML` reads them back exactly and refuses
 * malformed ones; `review: false` gives the summary with every suggestion accepted.
 */
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import type { Mark, Node } from 'prosemirror-model'
import { schema, type CommentThread, type Suggestion } from '../src/schema.ts'
import { toHTML } from '../src/html.ts'
import { fromHTML, importHTML, type DomNodeLike } from '../src/html-read.ts'
import { settledDoc } from '../src/suggestions.ts'
import { withoutCommentMarks } from '../src/comments.ts'
import { printStylesheet } from '../src/print.ts'
import { toText } from '../src/text.ts'
import { ImportError } from '../src/errors.ts'
import { doc as docOf, p, section, items, item, note, metric, blank, docArbitraries, arbCommentSpecs, arbSuggestionSpecs, arbSuggestedDoc, withComments, withSuggestions } from './arbitrary.ts'

const parse = (html: string): DomNodeLike => parseHTML(html).document
const roundTrip = (d: Node) => fromHTML(toHTML(d), parse)

const m = schema.marks
const ins = (id: string) => m.insertion!.create({ id })
const del = (id: string) => m.deletion!.create({ id })
const comment = (id: string) => m.comment!.create({ id })
const t = (text: string, ...marks: Mark[]) => schema.text(text, marks)

const kezhang = { id: 'u1', name: '李科长', role: '科长' }
const wang = { id: 'u2', name: '王五' }
const time = (minute: number) => `2024-07-08T09:${String(minute).padStart(2, '0')}:00+08:00`

/** The sections a restructuring (s7) replaced: “队伍建设” was a `（一）` section. */
const before = [section(2, '队伍建设', [p('加强培训。')]).toJSON()]

const entries: Suggestion[] = [
  { id: 's1', author: kezhang, time: time(1), kind: 'insert' },
  { id: 's2', author: kezhang, time: time(2), kind: 'delete' },
  { id: 's3', author: wang, time: time(3), kind: 'insert' },
  { id: 's4', author: kezhang, time: time(4), kind: 'field' },
  { id: 's5', author: wang, time: time(5), kind: 'insert' },
  { id: 's6', author: kezhang, time: time(6), kind: 'delete' },
  { id: 's7', author: kezhang, time: time(7), kind: 'structure' },
  { id: 's8', author: wang, time: time(8), kind: 'insert' },
  { id: 's9', author: wang, time: time(9), kind: 'structure' },
  { id: 's10', author: kezhang, time: time(10), kind: 'insert' },
]

const thread: CommentThread = { id: 'c1', author: wang, time: time(30), text: '请核实。', replies: [], resolved: false, quote: '街道围绕年度', scope: 'text' }

/**
 * A summary with a suggestion of every kind: text inserted (s1) and deleted (s2) under a comment
 * that overlaps both, a replacement (s3), a metric's value changed (s4), a paragraph and a date
 * inserted whole (s5), a section deleted whole (s6), a section restructured (s7), a blank
 * inserted (s8), a joined list continued after a run-in paragraph changed in layout (s9), and an
 * entry whose text is gone (s10).
 */
function suggested(): Node {
  const base = docOf({
    title: '青禾街道2024年上半年工作总结',
    preamble: [
      p(t('今年以来，'), t('街道', comment('c1'), ins('s1')), t('围绕', comment('c1')), t('年度', comment('c1'), del('s2')), t('目标推进工作。')),
      p('新增一段导语。').mark([ins('s5')]),
    ],
    sections: [
      section(1, '主要工作', [
        p(
          '走访群众',
          metric({ value: 1280, unit: '户' }).mark([m.modification!.create({ id: 's4', type: 'attr', attrName: 'value', previousValue: 1000, newValue: 1280 })]),
          '，收集',
          t('意见', del('s3')),
          t('建议', ins('s3')),
          blank({ value: '滨河', label: '路名' }).mark([ins('s8')]),
          '。',
        ),
        section(2, '夯实基层', [items('joined', item('抓学习。'), note('（注）'), item('抓落实。')).mark([m.modification!.create({ id: 's9', type: 'attr', attrName: 'layout', previousValue: 'separate', newValue: 'joined' })])], { runIn: true }),
      ]),
      section(1, '项目建设', [p('完成改造。')]).mark([del('s6')]),
      section(1, '队伍建设', [p('加强培训。')]).mark([m.modification!.create({ id: 's7', type: 'structure', previousValue: before })]),
    ],
    closing: [p('再接再厉。')],
    signOff: ['青禾街道办事处', '2024年7月8日'],
  })
  const signOff = base.lastChild!
  const dated = signOff.copy(signOff.content.replaceChild(1, signOff.child(1).mark([ins('s5')])))
  const d = base.type.create({ ...base.attrs, comments: [thread], suggestions: entries }, base.content.replaceChild(base.childCount - 1, dated))
  d.check()
  return d
}

const doc = suggested()
const html = toHTML(doc)

/** The document without suggestions and comments, as the clean HTML reads back. */
function clean(d: Node): Node {
  const settled = withoutCommentMarks(settledDoc(d, true), () => true)
  return settled.type.create({ ...settled.attrs, comments: [] }, settled.content)
}

describe('toHTML with suggestions', () => {
  it('writes suggested text in ins and del with the author and time, nested inside the comment', () => {
    expect(html).toMatch(/^<article class="zj-summary" data-zongjie="2"/)
    expect(html).toContain(
      '<p class="zj-paragraph">今年以来，<span class="zj-comment" data-comment="c1"><ins class="zj-ins" data-suggestion="s1" data-author="李科长" data-time="2024-07-08T09:01:00+08:00">街道</ins>围绕' +
        '<del class="zj-del" data-suggestion="s2" data-author="李科长" data-time="2024-07-08T09:02:00+08:00">年度</del></span>目标推进工作。</p>',
    )
    expect(html).toContain('<del class="zj-del" data-suggestion="s3" data-author="王五" data-time="2024-07-08T09:03:00+08:00">意见</del><ins class="zj-ins" data-suggestion="s3" data-author="王五"')
  })

  it('writes a changed field with its modification and its old text struck through, an inserted field inside ins', () => {
    expect(html).toContain(
      '<span class="zj-mod" data-suggestion="s4" data-author="李科长" data-time="2024-07-08T09:04:00+08:00" data-modification="{&quot;type&quot;:&quot;attr&quot;,&quot;attr&quot;:&quot;value&quot;,&quot;previous&quot;:1000,&quot;value&quot;:1280}">' +
        '<del class="zj-old">1000户</del><span class="zj-metric" data-value="1280"',
    )
    expect(html).toContain('<ins class="zj-ins" data-suggestion="s8" data-author="王五" data-time="2024-07-08T09:08:00+08:00"><span class="zj-blank" data-value="滨河" data-label="路名" data-placeholder="X">滨河</span></ins>')
  })

  it('marks whole blocks on their element: inserted, deleted, restructured, a continued list on both its elements', () => {
    expect(html).toContain('<p class="zj-paragraph" data-suggestion-insert="s5">新增一段导语。</p>')
    expect(html).toContain('<p class="zj-date" data-suggestion-insert="s5">2024年7月8日</p>')
    expect(html).toContain('data-number="二、" data-suggestion-delete="s6">')
    expect(html).toContain(`data-number="三、" data-suggestion-modify="${JSON.stringify([{ id: 's7', type: 'structure', attr: null, previous: before, value: null }]).replaceAll('"', '&quot;')}">`)
    const layout = 'data-suggestion-modify="[{&quot;id&quot;:&quot;s9&quot;,&quot;type&quot;:&quot;attr&quot;,&quot;attr&quot;:&quot;layout&quot;,&quot;previous&quot;:&quot;separate&quot;,&quot;value&quot;:&quot;joined&quot;}]"'
    expect(html).toContain(`<span class="zj-work-items" data-layout="joined" ${layout}>`)
    expect(html).toContain(`<div class="zj-work-items" data-layout="joined" data-continued="" ${layout}>`)
  })

  it('lists every suggestion in an appendix after the comments, in the order made, with a line to read (its time in Beijing time)', () => {
    expect(html.indexOf('<aside class="zj-comments"')).toBeLessThan(html.indexOf('<aside class="zj-suggestions"'))
    expect(html).toContain('<aside class="zj-suggestions" lang="zh-CN">\n<h2 class="zj-suggestions-title">修订</h2>\n<ol class="zj-suggestion-list">')
    expect(html).toContain(
      '<li class="zj-suggestion zj-suggestion-insert" data-suggestion="s1" data-kind="insert" data-time="2024-07-08T09:01:00+08:00" data-author-id="u1" data-author-name="李科长" data-author-role="科长">' +
        '修订 s1 · <span class="zj-suggestion-author">李科长（科长）</span> · 插入“街道” · <time datetime="2024-07-08T09:01:00+08:00">2024年7月8日 09:01</time></li>',
    )
    expect(html).toContain('data-author-id="u2" data-author-name="王五">修订 s3 · <span class="zj-suggestion-author">王五</span> · 将“意见”改为“建议”')
    expect(html).toContain('修订 s4 · <span class="zj-suggestion-author">李科长（科长）</span> · 将“1000户”改为“1280户”')
    expect(html).toContain('修订 s5 · <span class="zj-suggestion-author">王五</span> · 插入“新增一段导语。2024年7月8日”')
    expect(html).toContain('删除“项目建设完成改造。”')
    expect(html).toContain('调整结构：“队伍建设”')
    expect(html).toContain('修订 s10 · <span class="zj-suggestion-author">李科长（科长）</span> · 插入（内容已不在文中）')
    const order = [...html.matchAll(/<li class="zj-suggestion[^"]*" data-suggestion="([^"]+)"/g)].map((x) => x[1])
    expect(order).toEqual(entries.map((e) => e.id))
  })

  it('the print stylesheet underlines insertions and strikes deletions through', () => {
    expect(printStylesheet).toMatch(/ins\.zj-ins, \.zj-summary \[data-suggestion-insert\] \{ text-decoration: underline/)
    expect(printStylesheet).toMatch(/del\.zj-del, \.zj-summary del\.zj-old, \.zj-summary \[data-suggestion-delete\] \{ text-decoration: line-through/)
    expect(printStylesheet).toContain('.zj-suggestions { break-before: page;')
    expect(toHTML(doc, { standalone: true })).toContain('<aside class="zj-suggestions"')
  })

  it('writes a suggestion mark with no entry as no suggestion, its text kept, as Summary JSON and the clean HTML read it', () => {
    const stray = doc.type.create({ ...doc.attrs, suggestions: entries.filter((e) => e.id !== 's2' && e.id !== 's5') }, doc.content)
    const out = toHTML(stray)
    expect(out).not.toContain('data-suggestion="s2"')
    expect(out).toContain('围绕年度</span>目标推进工作。</p>')
    expect(out).not.toContain('s5')
    expect(out).toContain('<p class="zj-paragraph">新增一段导语。</p>')
    const back = fromHTML(out, parse)
    expect(back.eq(stray)).toBe(false)
    const known = new Set(stray.attrs.suggestions.map((s: Suggestion) => s.id))
    expect(toHTML(back)).toBe(out)
    back.descendants((n) => {
      for (const mark of n.marks) if (mark.type.name !== 'comment' && mark.type.name !== 'bold') expect(known.has(mark.attrs.id as string)).toBe(true)
      return true
    })
  })
})

describe('fromHTML with suggestions', () => {
  it('reads back exactly: the marks on text, fields and blocks, the entries, the comments', () => {
    const back = roundTrip(doc)
    if (!back.eq(doc)) expect(back.toJSON()).toEqual(doc.toJSON())
    expect(back.eq(doc)).toBe(true)
    expect(toHTML(back)).toBe(html)
    expect(fromHTML(toHTML(doc, { standalone: true }), parse).eq(doc)).toBe(true)
    expect(importHTML(html, parse).warnings).toEqual([])
  })

  it("writes and reads back a reviewer's deletion of another's suggested words, and of a paragraph suggested whole", () => {
    const base = docOf({
      title: '总结',
      closing: [p('全面学习', t('深入', ins('s1')), t('系统', ins('s1'), del('s3')), t('理', del('s3')), '论。'), p('新增一段。').mark([ins('s1'), del('s3')])],
    })
    const d = base.type.create({ ...base.attrs, suggestions: [entries[0]!, { id: 's3', author: wang, time: time(3), kind: 'delete' }] }, base.content)
    d.check()
    const out = toHTML(d)
    expect(out).toContain('<ins class="zj-ins" data-suggestion="s1" data-author="李科长" data-time="2024-07-08T09:01:00+08:00">深入<del class="zj-del" data-suggestion="s3" data-author="王五" data-time="2024-07-08T09:03:00+08:00">系统</del></ins>')
    expect(out).toContain('data-suggestion-insert="s1" data-suggestion-delete="s3">新增一段。</p>')
    const back = roundTrip(d)
    if (!back.eq(d)) expect(back.toJSON()).toEqual(d.toJSON())
    expect(toText(fromHTML(toHTML(d, { review: false }), parse))).toContain('全面学习深入论。')
  })

  it('reads back a field changed by two suggestions, and an entry kept with no marks', () => {
    const twice = docOf({
      title: '总结',
      closing: [
        p(
          '投入',
          metric({ value: 30, range: true, upper: 50, unit: '万元' }).mark([
            m.modification!.create({ id: 'a', type: 'attr', attrName: 'value', previousValue: null, newValue: 30 }),
            m.modification!.create({ id: 'b', type: 'attr', attrName: 'upper', previousValue: 40, newValue: 50 }),
          ]),
        ),
      ],
    })
    const d = twice.type.create({ ...twice.attrs, suggestions: [{ id: 'a', author: kezhang, time: time(1), kind: 'field' }, { id: 'b', author: wang, time: time(2), kind: 'field' }, { id: 'z', author: wang, time: time(3), kind: 'delete' }] }, twice.content)
    d.check()
    const out = toHTML(d)
    expect(out).toContain('<del class="zj-old">X-50万元</del><span class="zj-mod" data-suggestion="b"')
    expect(out).toContain('<del class="zj-old">30-40万元</del><span class="zj-metric"')
    expect(roundTrip(d).eq(d)).toBe(true)
  })

  it('holds for random documents with suggestions on text, fields and blocks, and comments (property)', () => {
    fc.assert(
      fc.property(arbSuggestedDoc, (d) => {
        const back = roundTrip(d)
        if (!back.eq(d)) expect(back.toJSON()).toEqual(d.toJSON())
      }),
      { numRuns: 300 },
    )
  })

  it('holds for random documents with suggestions and markup characters, anchors and white space in their texts (property)', () => {
    const { doc: nasty } = docArbitraries({ char: fc.constantFrom(...'<>&"\'; =/!-[]a一。 \n\t\r\u00a0\u3000\u200b'), maxInline: 5 })
    fc.assert(
      fc.property(nasty, arbCommentSpecs, arbSuggestionSpecs, (d, comments, suggestions) => {
        const s = withSuggestions(withComments(d, comments), suggestions)
        const back = roundTrip(s)
        if (!back.eq(s)) expect(back.toJSON()).toEqual(s.toJSON())
      }),
      { numRuns: 300 },
    )
  })
})

describe('toHTML with review: false', () => {
  const plain = toHTML(doc, { review: false })

  it('is the HTML of the summary with every suggestion accepted, version 1, no trace of them', () => {
    expect(plain).toBe(toHTML(settledDoc(doc, true), { review: false }))
    expect(toHTML(doc, { review: false, standalone: true })).toBe(toHTML(settledDoc(doc, true), { review: false, standalone: true }))
    expect(plain).toMatch(/^<article class="zj-summary" data-zongjie="1"/)
    for (const trace of ['<ins', '<del', 'zj-suggestions', 'data-suggestion', 'zj-mod', 'zj-comment']) expect(plain).not.toContain(trace)
    expect(plain).toContain('<p class="zj-paragraph">今年以来，街道围绕目标推进工作。</p>')
    expect(plain).not.toContain('项目建设')
    expect(plain).toContain('收集建议<span class="zj-blank" data-value="滨河"')
  })

  it('reads back as the accepted summary, its text the plain-text export', () => {
    const back = fromHTML(plain, parse)
    expect(back.eq(clean(doc))).toBe(true)
    expect(toText(back)).toBe(toText(doc))
  })

  it('holds for random documents (property)', () => {
    fc.assert(
      fc.property(arbSuggestedDoc, (d) => {
        const out = toHTML(d, { review: false })
        expect(out).toBe(toHTML(settledDoc(d, true), { review: false }))
        expect(out).not.toMatch(/<ins|<del|zj-suggestions|data-suggestion/)
        expect(fromHTML(out, parse).eq(clean(d))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })
})

describe('fromHTML on malformed suggestions', () => {
  const bad = (from: string | RegExp, to: string) => () => fromHTML(html.replace(from, to), parse)
  const refused = (from: string | RegExp, to: string, message: string | RegExp) => {
    expect(bad(from, to)).toThrow(ImportError)
    expect(bad(from, to)).toThrow(message)
  }

  it('refuses an inline mark without a suggestion id, or with one the appendix does not have', () => {
    refused('<ins class="zj-ins" data-suggestion="s1"', '<ins class="zj-ins"', '导语中修订标记（.zj-ins）的 data-suggestion 应为修订标识（如 "s1"），实为 缺失')
    refused('<del class="zj-del" data-suggestion="s2"', '<del class="zj-del" data-suggestion="第二条"', '导语中修订标记（.zj-del）的 data-suggestion 应为修订标识（如 "s1"），实为 "第二条"')
    refused('<del class="zj-del" data-suggestion="s2"', '<del class="zj-del" data-suggestion="s99"', '文字“年度”上的修订标记（.zj-del 的 data-suggestion="s99"）在修订附录（aside.zj-suggestions）中没有对应的一条修订')
    refused('data-number="二、" data-suggestion-delete="s6"', 'data-number="二、" data-suggestion-delete="s66"', '部分“项目建设”上的修订标记（data-suggestion-delete="s66"）在修订附录')
  })

  it('refuses a malformed entry in the appendix, naming the entry and its attribute', () => {
    refused('data-suggestion="s2" data-kind="delete" data-time="2024-07-08T09:02:00+08:00"', 'data-suggestion="s2" data-kind="delete" data-time="2024-07-08 09:02"', /修订附录（aside\.zj-suggestions）第 2 条修订（s2）的 data-time 有误：应为 ISO 8601.*suggestions\[1\]\.time/)
    refused('data-time="2024-07-08T09:02:00+08:00" data-author-id', 'data-time="2024-02-30T09:02:00+08:00" data-author-id', '第 2 条修订（s2）的 data-time 有误')
    refused('data-kind="delete"', 'data-kind="move"', /第 2 条修订（s2）的 data-kind 有误：应为 "insert"、"delete"、"structure" 或 "field"，实为 "move"/)
    refused(' data-kind="delete"', '', '第 2 条修订（s2）的 data-kind 有误：缺少此字段')
    refused('data-suggestion="s2" data-kind', 'data-suggestion="s1" data-kind', /第 2 条修订（s1）的 data-suggestion 有误：修订标识 "s1" 重复/)
    refused('data-author-name="王五">修订 s3', '>修订 s3', '第 3 条修订（s3）的 data-author-name 有误')
    refused('data-author-role="科长">修订 s1', 'data-author-role="">修订 s1', '第 1 条修订（s1）的 data-author-role 有误')
  })

  it('refuses suggestions in version 1, and version 2 without them', () => {
    refused('data-zongjie="2"', 'data-zongjie="1"', '第 1 版的 HTML 没有修订')
    refused(/<aside class="zj-suggestions"[\s\S]*<\/aside>/, '', '第 2 版的 HTML 应有修订附录（aside.zj-suggestions），至少一条修订')
    const plain = toHTML(doc, { review: false })
    expect(() => fromHTML(plain.replace('data-zongjie="1"', 'data-zongjie="2"'), parse)).toThrow('第 2 版的 HTML 应有修订附录')
    expect(() => fromHTML(plain.replace('data-zongjie="1"', 'data-zongjie="3"'), parse)).toThrow('第 3 版')
  })

  it('refuses a malformed modification of a field', () => {
    const mod = '{&quot;type&quot;:&quot;attr&quot;,&quot;attr&quot;:&quot;value&quot;,&quot;previous&quot;:1000,&quot;value&quot;:1280}'
    refused(mod, '{type: attr}', '修改标记 .zj-mod（s4）的 data-modification 不是有效的 JSON')
    refused(mod, '{&quot;type&quot;:&quot;attr&quot;}', /data-modification 应恰有 type、attr、previous、value 这些字段，实有 type/)
    refused(mod, mod.replace('&quot;attr&quot;,&quot;attr', '&quot;move&quot;,&quot;attr'), 'data-modification 的 type 应为 "attr"、"nodeType" 或 "structure"，实为 "move"')
    refused(mod, mod.replace(':1000', ':-1'), /指标“1280户”上的修改标记（\.zj-mod 的 data-suggestion，修订 s4）有误：previous 不是 value 能取的值/)
    refused(mod, mod.replace('&quot;value&quot;,&quot;previous', '&quot;label&quot;,&quot;previous'), '有误：attr 应为字段的值属性（如 "value"），实为 "label"')
    refused(' data-modification="' + mod + '"', '', 'data-modification 缺失')
    // A modification around text rather than a field.
    refused('<span class="zj-metric" data-value="1280"', '走访<span class="zj-metric" data-value="1280"', '文字“走访”上的修改标记（.zj-mod 的 data-suggestion，修订 s4）有误：修改标记（.zj-mod）只能包住指标或空白')
  })

  it('refuses malformed marks on blocks', () => {
    refused('data-suggestion-insert="s5">新增', 'data-suggestion-insert="s5" data-suggestion-delete="s5">新增', '导语中的段落“新增一段导语。”同时有 data-suggestion-insert 和 data-suggestion-delete')
    refused('data-suggestion-delete="s6">', 'data-suggestion-delete="s6" data-suggestion-modify="[]">', '部分“二、项目建设”同时有 data-suggestion-delete 和 data-suggestion-modify')
    refused('data-suggestion-insert="s5">新增', 'data-suggestion-insert="">新增', '导语中的段落“新增一段导语。”的 data-suggestion-insert 应为修订标识')
    refused('data-suggestion-delete="s6">', 'data-suggestion-modify="s6">', '部分“二、项目建设”的 data-suggestion-modify 不是有效的 JSON')
    refused('data-suggestion-delete="s6">', 'data-suggestion-modify="[]">', '部分“二、项目建设”的 data-suggestion-modify 应为非空的 JSON 数组')
    refused('data-suggestion-delete="s6">', 'data-suggestion-modify="[{&quot;id&quot;:&quot;s6&quot;}]">', '部分“二、项目建设”的 data-suggestion-modify 第 1 项应恰有 id、type、attr、previous、value 这些字段')
    refused(/&quot;previous&quot;:&quot;separate&quot;/g, '&quot;previous&quot;:&quot;grid&quot;', /工作事项列表“抓学习。（注）抓落实。”上的修改标记（data-suggestion-modify，修订 s9）有误：previous 不是 layout 能取的值/)
    refused('&quot;id&quot;:&quot;s7&quot;,&quot;type&quot;:&quot;structure&quot;,&quot;attr&quot;:null,&quot;previous&quot;:[', '&quot;id&quot;:&quot;s7&quot;,&quot;type&quot;:&quot;structure&quot;,&quot;attr&quot;:null,&quot;previous&quot;:[{&quot;type&quot;:&quot;chapter&quot;},', '部分“队伍建设”上的修改标记（data-suggestion-modify，修订 s7）有误：previous 应为原先各块的 ProseMirror JSON')
    // The continuation of a list says the same as its beginning.
    refused('data-continued="" data-suggestion-modify', 'data-continued="" data-x', '续写的工作事项列表（data-continued）的修订标记（data-suggestion-*）与列表开头的不同')
  })

  it("refuses insertions nested in insertions, a suggestion's deletion of its own insertion, and suggestion marks where a block belongs", () => {
    refused('<ins class="zj-ins" data-suggestion="s1"', '<ins class="zj-ins" data-suggestion="s3"><ins class="zj-ins" data-suggestion="s1"', '导语中修订标记 .zj-ins（s1）套在 .zj-ins（s3）之内')
    refused('<del class="zj-del" data-suggestion="s2"', '<ins class="zj-ins" data-suggestion="s2"><del class="zj-del" data-suggestion="s2"', '导语中修订标记 .zj-del（s2）套在 .zj-ins（s2）之内')
    refused('<p class="zj-paragraph" data-suggestion-insert="s5">新增一段导语。</p>', '<ins class="zj-ins" data-suggestion="s5"><p class="zj-paragraph">新增一段导语。</p></ins>', '导语中不应出现修订的插入标记（.zj-ins）')
  })
})

describe('fromHTML on tracked changes of other programs', () => {
  it('keeps the text of ins and leaves out that of del: the changes accepted', () => {
    const page = `<html><body><h1>某中心2024年工作总结</h1><p>一年来，<ins cite="mailto:x" datetime="2024-07-01T00:00:00Z">中心</ins>工作<del datetime="2024-07-01T00:00:00Z">基本</del>有序开展。</p>
<h2>一、主要工作</h2><p>完成课题<del class="msoDel">两</del><ins class="msoIns">三</ins>项。</p></body></html>`
    const text = toText(fromHTML(page, parse))
    expect(text).toContain('一年来，中心工作有序开展。')
    expect(text).toContain('完成课题三项。')
    expect(text).not.toMatch(/基本|两/)
  })

  it('does the same inside our own HTML, where a del or ins without our classes was added', () => {
    const base = clean(doc)
    const edited = toHTML(base).replace('目标推进工作。', '目标<del>扎实</del><ins>稳步</ins>推进工作。')
    const back = fromHTML(edited, parse)
    expect(toText(back)).toContain('街道围绕目标稳步推进工作。')
    expect(back.attrs.suggestions).toEqual([])
  })
})
