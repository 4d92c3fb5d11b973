import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import type { Node } from 'prosemirror-model'
import { schema, toHTML, fromHTML, importHTML, toText, displayText, ImportError, type DomNodeLike, type MetricAttrs, type BlankAttrs } from '../src/index.ts'
import { importText } from '../src/import/index.ts'
import { arbDoc, arbCommentedDoc, arbCommentSpecs, docArbitraries, withComments } from './arbitrary.ts'

const parse = (html: string): DomNodeLike => parseHTML(html).document

// ---------------------------------------------------------------------------------------------
// Builders (kept here so the examples read on their own)

const n = schema.nodes
const boldMark = schema.marks.bold!.create()
type Spec = string | Node
const inl = (specs: Spec[]) => specs.filter((s) => s !== '').map((s) => (typeof s === 'string' ? schema.text(s) : s))
const b = (text: string) => schema.text(text, [boldMark])
const metric = (attrs: Partial<MetricAttrs>, bold = false) => n.metric!.create(attrs, null, bold ? [boldMark] : [])
const blank = (attrs: Partial<BlankAttrs>, bold = false) => n.blank!.create(attrs, null, bold ? [boldMark] : [])
const p = (...c: Spec[]) => n.paragraph!.create(null, inl(c))
const intro = (...c: Spec[]) => n.workIntro!.create(null, inl(c))
const item = (...c: Spec[]) => n.workItem!.create(null, inl(c))
const note = (...c: Spec[]) => n.workNote!.create(null, inl(c))
const list = (layout: 'joined' | 'separate', ...c: Node[]) => n.workItems!.create({ layout }, c)
const h = (...c: Spec[]) => n.heading!.create(null, inl(c))
const sec = (rank: 1 | 2 | 3 | 4, heading: Node, children: Node[] = [], runIn = false) => n[`section${rank}`]!.create({ runIn }, [heading, ...children])
const role = (r: 'problems' | 'plans', heading: Node, children: Node[] = [], numbered = true, runIn = false) => n[r]!.create({ numbered, runIn }, [heading, ...children])

function doc(parts: { title: Spec[]; subtitle?: Spec[]; preamble?: Node[]; sections?: Node[]; closing?: Node[]; signOff?: [Spec[], Spec[]] }): Node {
  const d = n.doc!.create(null, [
    n.title!.create(null, inl(parts.title)),
    ...(parts.subtitle ? [n.subtitle!.create(null, inl(parts.subtitle))] : []),
    n.preamble!.create(null, parts.preamble ?? []),
    ...(parts.sections ?? []),
    n.closing!.create(null, parts.closing ?? []),
    ...(parts.signOff ? [n.signOff!.create(null, [n.organization!.create(null, inl(parts.signOff[0])), n.date!.create(null, inl(parts.signOff[1]))])] : []),
  ])
  d.check()
  return d
}

/** A summary that uses every node type and attribute the schema has. */
const full = doc({
  title: ['青禾街道2024年上半年', b('综合治理'), '工作总结'],
  subtitle: ['——在', blank({ label: '会议名称' }), '上的汇报'],
  preamble: [
    p('今年以来，街道围绕年度目标，扎实推进各项工作。现将有关情况报告如下：'),
    list('joined', intro('上半年重点做了三件事。'), item('抓学习。'), item('抓服务。'), item('抓落实。')),
  ],
  sections: [
    sec(1, h('主要工作及成效'), [
      p('全街道共走访群众', metric({ value: 1280, unit: '户' }), '，收集意见', metric({ unit: '条', placeholder: 'XX' }), '。'),
      sec(2, h('夯实基层', b('组织')), [
        p('整顿软弱涣散组织', metric({ value: 3, unit: '个' }), '。'),
        sec(3, h('培训骨干'), [p('举办培训班', metric({ value: null, approx: '余', unit: '期' }), '。'), sec(4, h('线上课程')), sec(4, h('线下课程'), [p('参训', metric({ value: 2, scale: '万', approx: '多', unit: '人次' }, true), '。')])]),
      ]),
      sec(2, h('优化服务'), [list('joined', item('推行“一窗通办”；'), item('延长周末服务时间；'), item('上门代办', metric({ range: true, value: 30, upper: 50, unit: '件' }), '。'))], true),
      sec(2, h('化解矛盾'), [p('调处纠纷', metric({ range: true, unit: '起' }), '，成功率', metric({ value: 96.5, unit: '%', label: '调处成功率' }), '。')], true),
    ]),
    // Skipped level: 一、 directly followed by 1.
    sec(1, h('项目建设'), [
      sec(3, h('完成', blank({ value: '滨河', label: '路名' }), '路改造'), [
        list('separate', intro('主要有以下举措：'), item('统筹资金。投入', metric({ value: 1200, unit: '万元' }), '。'), note('其中区级补助占一半。'), item(b('倒排工期'), '。'), note('每周调度一次。'), note('')),
      ]),
      sec(3, h('推进', blank({ placeholder: 'XX' }), '社区改造'), [], true),
      sec(3, h('建设口袋公园'), [list('joined', intro('新建公园两处，'), item('一处在北区；'), note('已于五月开放。'), item('一处在南区。'))], true),
    ]),
    role('problems', h('存在的问题'), [list('separate', item('服务能力还不强。'), item('宣传力度还不够。'))]),
    role('plans', h(''), [p('下半年，街道将重点做好以下几项工作。'), sec(2, h('抓好安全生产'), [p('开展专项检查。')], true), sec(2, h('抓好民生实事'))], false),
  ],
  closing: [p('我们将', b('再接再厉'), '，努力开创新局面。'), p('')],
  signOff: [['青禾街道办事处'], ['2024年7月8日']],
})

/** A problems section that is not numbered, a run-in problems section, and no subtitle or sign-off. */
const small = doc({
  title: ['某局工作总结'],
  preamble: [],
  sections: [
    sec(1, h('工作开展情况'), [p('按计划推进。')]),
    role('problems', h('不足之处'), [p('一些工作还有差距。')], false, true),
    role('plans', h('下步打算'), [], true),
  ],
})

const roundTrip = (d: Node) => fromHTML(toHTML(d), parse)

describe('toHTML / fromHTML round trip', () => {
  it('reads back a summary with every node type', () => {
    const back = roundTrip(full)
    expect(back.toJSON()).toEqual(full.toJSON())
    expect(back.eq(full)).toBe(true)
    expect(toHTML(back)).toBe(toHTML(full))
  })

  it('reads back unnumbered and run-in problems, and a doc without subtitle and sign-off', () => {
    expect(roundTrip(small).eq(small)).toBe(true)
  })

  it('reads back the smallest document, and empty textblocks everywhere', () => {
    const empty = doc({ title: [] })
    expect(roundTrip(empty).eq(empty)).toBe(true)
    const hollow = doc({
      title: [],
      subtitle: [],
      preamble: [p(), list('joined', intro(), item(), note())],
      sections: [sec(1, h(), [p(), list('separate', intro(), item())], true), role('problems', h(), [], false, true), role('plans', h(), [], false)],
      closing: [p()],
      signOff: [[], []],
    })
    expect(roundTrip(hollow).eq(hollow)).toBe(true)
  })

  it('keeps white space, line feeds, carriage returns and markup characters in text', () => {
    const tricky = doc({
      title: ['  前后有空格  '],
      preamble: [p('第一行\n第二行\r\n第三行\t制表'), p('<b>不是加粗</b> & &amp; "引号" \'单引号\' <!-- 注释 --> ]]>')],
      sections: [sec(1, h('a < b > c'), [p('x')], true)],
      closing: [p(blank({ value: '<img src=x onerror=alert(1)>' }), metric({ unit: '"><script>', label: "'&'" }))],
    })
    expect(roundTrip(tricky).eq(tricky)).toBe(true)
    // Browsers turn a raw carriage return into a line feed; it must be written as a reference.
    expect(toHTML(tricky)).not.toContain('\r')
    expect(toHTML(tricky)).toContain('第二行&#13;\n第三行')
  })

  it('holds for random documents (property)', () => {
    fc.assert(
      fc.property(arbDoc, (d) => {
        expect(roundTrip(d).eq(d)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('holds for random documents with markup characters and white space in their texts (property)', () => {
    const { doc: nasty } = docArbitraries({ char: fc.constantFrom(...'<>&"\'; =/!-[]a一。 \n\t\r\u00a0\u3000'), maxInline: 5 })
    fc.assert(
      fc.property(nasty, (d) => {
        expect(roundTrip(d).eq(d)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('holds for random documents with comments, overlapping, on sections and detached (property)', () => {
    fc.assert(
      fc.property(arbCommentedDoc, (d) => {
        expect(roundTrip(d).eq(d)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('holds for random documents with comments and markup characters in their texts and quotes (property)', () => {
    const { doc: nasty } = docArbitraries({ char: fc.constantFrom(...'<>&"\'; =/!-[]a一。 \n\t\r\u00a0\u3000'), maxInline: 5 })
    fc.assert(
      fc.property(nasty, arbCommentSpecs, (d, specs) => {
        const c = withComments(d, specs)
        expect(roundTrip(c).eq(c)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('toHTML', () => {
  const html = toHTML(full)

  it('marks itself and carries the structure in classes and data attributes', () => {
    expect(html).toMatch(/^<article class="zj-summary" data-zongjie="1"/)
    expect(html).toContain('<h1 class="zj-title">青禾街道2024年上半年<strong>综合治理</strong>工作总结</h1>')
    expect(html).toContain('<p class="zj-subtitle">')
    expect(html).toContain('<div class="zj-preamble">')
    expect(html).toContain('<section class="zj-section zj-chinese" data-role="work" data-level="1" data-format="chinese" data-number="一、">')
    expect(html).toContain('data-role="work" data-level="2" data-format="chineseParen" data-number="（二）" data-run-in=""')
    // The skipped level: a `1.` section at depth 2.
    expect(html).toContain('data-role="work" data-level="2" data-format="arabic" data-number="1."')
    expect(html).toContain('data-role="work" data-level="4" data-format="arabicParen" data-number="（2）"')
    expect(html).toContain('<section class="zj-section zj-problems" data-role="problems" data-level="1" data-format="chinese" data-number="三、">')
    expect(html).toContain('<section class="zj-section zj-plans" data-role="plans" data-level="1" data-number="" data-unnumbered="">')
    expect(html).toContain('<div class="zj-closing">')
    expect(html).toContain('<div class="zj-sign-off">\n<p class="zj-organization">青禾街道办事处</p>\n<p class="zj-date">2024年7月8日</p>\n</div>')
  })

  it('writes numbers and ordinals as text in their own spans', () => {
    expect(html).toContain('<h2 class="zj-heading"><span class="zj-number">一、</span>主要工作及成效</h2>')
    expect(html).toContain('<h3 class="zj-heading"><span class="zj-number">（一）</span>夯实基层<strong>组织</strong></h3>')
    expect(html).toContain('<h4 class="zj-heading"><span class="zj-number">1.</span>培训骨干</h4>')
    expect(html).toContain('<h5 class="zj-heading"><span class="zj-number">（1）</span>线上课程</h5>')
    expect(html).toContain('<h3 class="zj-heading"><span class="zj-number">1.</span>完成')
    expect(html).toContain('<h2 class="zj-heading"><span class="zj-number">二、</span>项目建设</h2>')
    expect(html).toContain('<p class="zj-work-item"><span class="zj-ordinal">一是</span>统筹资金。')
    expect(html).toContain('<p class="zj-work-note">其中区级补助占一半。</p>')
    expect(html).toContain('<span class="zj-work-item"><span class="zj-ordinal">三是</span>抓落实。</span>')
  })

  it('writes a run-in heading and the first line of its body in one paragraph', () => {
    expect(html).toContain(
      '<p class="zj-run-in"><strong class="zj-heading" role="heading" aria-level="3"><span class="zj-number">（二）</span>优化服务<span class="zj-stop">。</span></strong>' +
        '<span class="zj-work-items" data-layout="joined"><span class="zj-work-item"><span class="zj-ordinal">一是</span>推行“一窗通办”；</span>',
    )
    expect(html).toContain('<span class="zj-number">（三）</span>化解矛盾<span class="zj-stop">。</span></strong><span class="zj-paragraph">调处纠纷')
    // A joined list whose note breaks the line continues after the run-in paragraph.
    expect(html).toMatch(/<span class="zj-ordinal">一是<\/span>一处在北区；<\/span><\/span><\/p>\n<div class="zj-work-items" data-layout="joined" data-continued="">\n<p class="zj-work-note">已于五月开放。<\/p>\n<p class="zj-work-line"><span class="zj-work-item"><span class="zj-ordinal">二是<\/span>一处在南区。/)
    // A run-in heading with no body.
    expect(html).toContain('<span class="zj-number">2.</span>推进<span class="zj-blank" data-label="" data-placeholder="XX">XX</span>社区改造<span class="zj-stop">。</span></strong></p>')
  })

  it('writes fields with every attribute in data-*', () => {
    expect(html).toContain('<span class="zj-metric" data-value="1280" data-scale="" data-approx="" data-unit="户" data-label="" data-placeholder="X">1280户</span>')
    expect(html).toContain('<span class="zj-metric" data-scale="" data-approx="" data-unit="条" data-label="" data-placeholder="XX">XX条</span>')
    expect(html).toContain('<span class="zj-metric" data-range="" data-scale="" data-approx="" data-unit="起" data-label="" data-placeholder="X">X-X起</span>')
    expect(html).toContain('<span class="zj-metric" data-value="30" data-range="" data-upper="50" data-scale="" data-approx="" data-unit="件" data-label="" data-placeholder="X">30-50件</span>')
    expect(html).toContain('<strong><span class="zj-metric" data-value="2" data-scale="万" data-approx="多" data-unit="人次" data-label="" data-placeholder="X">2万多人次</span></strong>')
    expect(html).toContain('data-value="96.5" data-scale="" data-approx="" data-unit="%" data-label="调处成功率"')
    expect(html).toContain('<span class="zj-blank" data-value="滨河" data-label="路名" data-placeholder="X">滨河</span>')
  })

  it('reads right as text: its lines are the plain-text export', () => {
    // Every block element is a line; with no CSS a browser shows the same lines as toText.
    const document = parseHTML(toHTML(full)).document
    const lines: string[] = []
    const blocks = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'P'])
    const walk = (node: { childNodes: ArrayLike<unknown> }) => {
      for (const c of Array.from(node.childNodes) as { nodeName: string; textContent: string; childNodes: ArrayLike<unknown> }[]) {
        if (blocks.has(c.nodeName)) lines.push(c.textContent)
        else walk(c)
      }
    }
    walk(document)
    expect(lines.filter((l) => l)).toEqual(toText(full).split('\n').filter((l) => l))
  })

  it('escapes markup in text and attributes', () => {
    const d = doc({
      title: ['<script>alert("x")</script> & 更多'],
      preamble: [p('A&B <b>粗</b> \'引\'')],
      closing: [p(blank({ value: '"><img src=x onerror=alert(1)>', label: "'" }))],
    })
    const out = toHTML(d)
    expect(out).not.toContain('<script')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<b>')
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 更多')
    expect(out).toContain('A&amp;B &lt;b&gt;粗&lt;/b&gt; &#39;引&#39;')
    expect(out).toContain('data-value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" data-label="&#39;"')
    expect(roundTrip(d).eq(d)).toBe(true)
  })

  it('needs no DOM', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined')
    expect(() => toHTML(full)).not.toThrow()
  })
})

describe('fromHTML on edited or hostile HTML', () => {
  const html = toHTML(full)

  it('drops scripts, event attributes, links, images and frames', () => {
    const injected = html
      .replace('<div class="zj-preamble">', '<div class="zj-preamble" onclick="alert(1)"><script>alert("preamble")</script><style>body{display:none}</style>')
      .replace('<p class="zj-paragraph">今年以来', '<p class="zj-paragraph" onmouseover="alert(2)">今年以来<a href="javascript:alert(3)">请点此处</a><img src=x onerror="alert(4)"><iframe src="https://example.invalid/"></iframe><script>alert(5)</script>')
      .replace('</article>', '<script>alert(6)</script><object data="x.swf"></object></article>')
      .replace('<h1 class="zj-title"', '<h1 class="zj-title" onclick="alert(7)" style="background:url(javascript:alert(8))"')
    const back = fromHTML(injected, parse)
    const out = toHTML(back)
    expect(out).not.toMatch(/<script|<style|onclick|onmouseover|onerror|javascript:|<img|<iframe|<object|<a\s|alert/i)
    // The link's text stays where it sits inside a paragraph; nothing else changes.
    expect(displayText(back.child(2).child(0))).toBe('今年以来请点此处，街道围绕年度目标，扎实推进各项工作。现将有关情况报告如下：')
  })

  it('recomputes numbers and ordinals instead of reading them', () => {
    const edited = html.replace('<span class="zj-number">一、</span>', '<span class="zj-number">九、</span>').replace('<span class="zj-ordinal">一是</span>统筹资金', '<span class="zj-ordinal">五是</span>统筹资金')
    expect(fromHTML(edited, parse).eq(full)).toBe(true)
  })

  it('looks through wrappers other programs add around our HTML', () => {
    const wrapped = `<!DOCTYPE html><html><head><title>复制</title></head><body><!--StartFragment--><div class="wrap">${html}</div><!--EndFragment--></body></html>`
    expect(fromHTML(wrapped, parse).eq(full)).toBe(true)
    expect(importHTML(wrapped, parse).warnings).toEqual([])
  })

  const bad = (from: string | RegExp, to: string) => () => fromHTML(html.replace(from, to), parse)

  it('refuses malformed HTML of its own with ImportError and a Chinese message', () => {
    expect(bad(/<h1 class="zj-title">.*?<\/h1>/, '')).toThrow(ImportError)
    expect(bad(/<h1 class="zj-title">.*?<\/h1>/, '')).toThrow('缺少标题')
    expect(bad('data-zongjie="1"', 'data-zongjie="9"')).toThrow('第 9 版')
    expect(bad('data-role="work" data-level="1"', 'data-role="other" data-level="1"')).toThrow('data-role')
    expect(bad('data-format="arabic"', 'data-format="roman"')).toThrow('data-format')
    expect(bad('data-value="1280"', 'data-value="很多"')).toThrow('非负数')
    expect(bad('data-value="1280"', 'data-value="-3"')).toThrow(ImportError)
    expect(bad('data-scale="万"', 'data-scale="兆"')).toThrow('指标的属性无效')
    expect(bad('data-layout="separate"', 'data-layout="grid"')).toThrow('data-layout')
    expect(bad('<h2 class="zj-heading"><span class="zj-number">一、</span>主要工作及成效</h2>', '')).toThrow('缺少小标题')
    // A `（一）` section under a `1.` one.
    expect(bad('<section class="zj-section zj-arabicParen" data-role="work" data-level="4" data-format="arabicParen"', '<section class="zj-section zj-chineseParen" data-role="work" data-level="4" data-format="chineseParen"')).toThrow('下级部分不合规则')
    // A list that starts with a note.
    expect(bad('<p class="zj-work-item"><span class="zj-ordinal">一是</span>服务能力还不强。</p>', '<p class="zj-work-note">服务能力还不强。</p>')).toThrow('工作事项列表不合规则')
    // Plans before problems.
    const problems = /<section class="zj-section zj-problems"[\s\S]*?<\/section>\n/.exec(html)![0]
    expect(fromHTML(html.replace(problems, ''), parse).childCount).toBe(full.childCount - 1)
    expect(() => fromHTML(html.replace(problems, '').replace('<div class="zj-closing">', problems + '<div class="zj-closing">'), parse)).toThrow('顺序不对')
    // The closing before the sections.
    const closing = /<div class="zj-closing">[\s\S]*?<\/div>\n/.exec(html)![0]
    expect(() => fromHTML(html.replace(closing, '').replace('<section', closing + '<section'), parse)).toThrow('位置不对')
    // A paragraph where only parts of the summary may stand.
    expect(bad('<div class="zj-preamble">', '<p class="zj-paragraph">游离的段落</p><div class="zj-preamble">')).toThrow('不应出现')
    // A continuation with nothing to continue.
    expect(bad('<div class="zj-work-items" data-layout="separate">', '<div class="zj-work-items" data-layout="separate" data-continued="">')).toThrow('续写')
    expect(bad('<p class="zj-date">2024年7月8日</p>', '')).toThrow('落款')
  })
})

describe('fromHTML on HTML that is not ours', () => {
  const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><title>文档</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style>p.MsoNormal{mso-style-parent:"";margin:0cm;font-family:仿宋_GB2312}</style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'><b><span
style='font-size:22.0pt;font-family:方正小标宋简体;mso-hansi-font-family:"Times New Roman"'>长宁镇2024年上半年工作总结<o:p></o:p></span></b></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>上半年，全镇上下齐心协力，各项工作稳步推进。现将有关情况总结如下：<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体;mso-ascii-font-family:"Times New Roman"'>一、主要工作<o:p></o:p></span></p>
<p class=MsoListParagraph style='margin-left:32pt;text-indent:-32pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>（一）<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span style='font-family:楷体_GB2312'>抓好产业发展<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>全年引进项目X个，完成投资X万元。<span style='mso-spacerun:yes'>&nbsp; </span><o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>（二）改善人居环境。一是清理河道；二是整治村容。</span></p>
<p class=MsoNormal style='display:none;mso-hide:all'><span>隐藏的修订文字</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>二、存在的问题</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>一是人手紧张。</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>二是资金不足。</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:黑体'>三、下半年工作计划</span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>继续抓好各项工作。<script>alert(1)</script></span></p>
<p class=MsoNormal align=right style='text-align:right'><span>长宁镇人民政府</span></p>
<p class=MsoNormal align=right style='text-align:right'><span>2024年7月5日</span></p>
</div></body></html>`

  it('turns a Word document into sections through the text importer', () => {
    const { doc: d } = importHTML(word, parse)
    expect(displayText(d.child(0))).toBe('长宁镇2024年上半年工作总结')
    const names: string[] = []
    d.forEach((c) => names.push(c.type.name))
    expect(names).toContain('section1')
    expect(names).toContain('problems')
    expect(names).toContain('plans')
    const work = d.child(names.indexOf('section1'))
    expect(displayText(work.child(0))).toBe('主要工作')
    const subs: string[] = []
    work.forEach((c) => {
      if (c.type.name === 'section2') subs.push(displayText(c.child(0)))
    })
    expect(subs).toEqual(['抓好产业发展', '改善人居环境'])
    const text = toText(d)
    expect(text).not.toMatch(/alert|Print|mso|隐藏的修订文字/)
    expect(fromHTML(word, parse).eq(d)).toBe(true)
  })

  it('reads the same as the text importer on the same lines', () => {
    // Our own HTML without its marker is read as foreign HTML: line for line the plain-text export.
    const foreign = toHTML(full).replace(' data-zongjie="1"', '')
    expect(importHTML(foreign, parse).doc.eq(importText(toText(full)).doc)).toBe(true)
  })

  it('reads a web page, keeping list numbers as written and skipping the head and scripts', () => {
    const page = `<!DOCTYPE html><html><head><title>网页标题</title><script>var x = "一、不该读到"</script></head><body>
<h1>某中心2024年工作总结</h1><p>一年来，中心工作有序开展。</p>
<h2>一、主要工作</h2><ul><li>（一）完成课题X项</li></ul><p>做了大量工作。<br>另起一行的文字。</p>
<table><tr><td>二、</td><td>存在不足</td></tr></table><p>经验还不够。</p></body></html>`
    const d = fromHTML(page, parse)
    const text = toText(d)
    expect(displayText(d.child(0))).toBe('某中心2024年工作总结')
    expect(text).toContain('一、主要工作')
    expect(text).toContain('另起一行的文字。')
    expect(text).not.toContain('不该读到')
    expect(text).not.toContain('网页标题')
  })

  it('reads a table row as one line, its cells and the paragraphs in them apart: a heading number in a cell of its own goes with the next', () => {
    // As Word writes a table to the clipboard: each cell's text in a paragraph of its own.
    const cell = (...paragraphs: string[]) => `<td style="border:solid windowtext 1.0pt">${paragraphs.map((p) => `<p class=MsoNormal><span lang=ZH-CN>${p}</span></p>`).join('\n')}</td>`
    const page = `<html><body><p>某中心2024年工作总结</p><p>一、主要工作</p>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>
  救助人次</td><td>1200人次</td><td></td></tr>
<tr>${cell('培训', '第二段')}${cell('行内<br>换行')}</tr><tr><td>二、</td><td>存在不足</td></tr></table><p>经验还不够。</p></body></html>`
    const lines = toText(fromHTML(page, parse)).split('\n').filter((l) => l)
    expect(lines).toEqual(['某中心2024年工作总结', '一、主要工作', '指标\u3000数值', '救助人次\u30001200人次', '培训\u3000第二段\u3000行内\u3000换行', '二、存在不足', '经验还不够。'])
  })

  it('refuses HTML with no text', () => {
    expect(() => fromHTML('<html><head><title>空</title></head><body><script>alert(1)</script></body></html>', parse)).toThrow(ImportError)
    expect(() => fromHTML('', parse)).toThrow('没有可读的文字')
  })
})
