import { describe, it, expect } from 'vitest'
import type { Node } from 'prosemirror-model'
import { toSummary, fromSummary, leadOf, type Summary } from '../src/summary.ts'
import { Transform } from 'prosemirror-transform'
import { schema } from '../src/schema.ts'
import { doc, p, items, item, note, intro, section, roleSection, metric, blank, bold } from './arbitrary.ts'
import { refusal } from './refusal.ts'

/** A deep copy of a summary to tamper with. */
const copy = (s: Summary): any => JSON.parse(JSON.stringify(s))


function roundTrips(d: Node) {
  const json = JSON.parse(JSON.stringify(toSummary(d)))
  expect(fromSummary(json).eq(d)).toBe(true)
}

const outline = doc({
  title: '2020年上半年党建工作总结',
  preamble: [p('上半年，我们坚持以党建为引领。现将工作总结如下：')],
  sections: [
    section(1, '强化政治引领', [p('全面学习。'), section(2, '抓好理论学习'), section(2, '抓好队伍建设', [section(4, '培训'), section(4, '考核')])]),
    section(1, '夯实基层基础', [section(3, '建强支部', [p('按期换届。')]), section(3, '规范活动')]),
    roleSection('problems', '存在的问题', [section(2, '学习不够深入')]),
    roleSection('plans', '下半年工作计划', [], { numbered: false }),
  ],
  closing: [p('我们将继续努力！')],
  signOff: ['某某单位党委', '2020年7月10日'],
})

describe('toSummary: numbers', () => {
  const s = toSummary(outline)
  it('numbers top-level sections, problems included, and leaves an unnumbered plans section blank', () => {
    expect(s.sections.map((x) => [x.level, x.number, x.role, x.title])).toEqual([
      [1, '一、', 'work', '强化政治引领'],
      [1, '二、', 'work', '夯实基层基础'],
      [1, '三、', 'problems', '存在的问题'],
      [1, '', 'plans', '下半年工作计划'],
    ])
  })
  it('numbers subsections by their format and level, including a skipped rank', () => {
    const [first, second, problems] = s.sections
    expect(first!.sections.map((x) => [x.level, x.number])).toEqual([
      [2, '（一）'],
      [2, '（二）'],
    ])
    expect(first!.sections[1]!.sections.map((x) => [x.level, x.number])).toEqual([
      [3, '（1）'],
      [3, '（2）'],
    ])
    expect(second!.sections.map((x) => [x.level, x.number])).toEqual([
      [2, '1.'],
      [2, '2.'],
    ])
    expect(problems!.sections.map((x) => [x.level, x.number, x.role])).toEqual([[2, '（一）', 'work']])
  })
  it('gives a numbered plans section the next number after an unnumbered problems section', () => {
    const d = doc({
      title: 't',
      sections: [section(1, 'a'), section(1, 'b'), roleSection('problems', '问题', [], { numbered: false }), roleSection('plans', '打算')],
    })
    expect(toSummary(d).sections.map((x) => x.number)).toEqual(['一、', '二、', '', '三、'])
  })
  it('writes numbers past ten in Chinese', () => {
    const d = doc({ title: 't', sections: Array.from({ length: 12 }, (_, i) => section(1, `第${i}部分`)) })
    const numbers = toSummary(d).sections.map((x) => x.number)
    expect(numbers.slice(9)).toEqual(['十、', '十一、', '十二、'])
  })
  it('keeps body blocks before subsections and the parts in order', () => {
    expect(s.preamble).toEqual([{ type: 'paragraph', text: '上半年，我们坚持以党建为引领。现将工作总结如下：' }])
    expect(s.sections[0]!.body).toEqual([{ type: 'paragraph', text: '全面学习。' }])
    expect(s.closing).toEqual([{ type: 'paragraph', text: '我们将继续努力！' }])
    expect(s.signOff).toEqual({ organization: '某某单位党委', date: '2020年7月10日' })
    expect(s.subtitle).toBeUndefined()
    expect(Object.keys(s)).toEqual(['version', 'title', 'preamble', 'sections', 'closing', 'signOff', 'metrics', 'blanks'])
  })
  it('round-trips', () => roundTrips(outline))
})

describe('toSummary: work items', () => {
  const d = doc({
    title: 't',
    sections: [
      section(
        1,
        '抓实党建',
        [
          items(
            'separate',
            item('开展书记轮训。全年轮训两次。'),
            note('轮训结束后组织考试。'),
            note('考试合格率较高。'),
            item('推进阵地建设；新建活动室'),
            item('没有句号的事项'),
          ),
          items('joined', intro('重点抓了三项工作。'), item('建立台账。'), item('完善制度！'), item('')),
        ],
        { runIn: true },
      ),
    ],
  })
  const body = toSummary(d).sections[0]!.body
  it('computes ordinals that skip notes', () => {
    expect(body[0]).toEqual({
      type: 'workItems',
      layout: 'separate',
      items: [
        { ordinal: '一是', lead: '开展书记轮训', text: '开展书记轮训。全年轮训两次。', notes: [{ text: '轮训结束后组织考试。' }, { text: '考试合格率较高。' }] },
        { ordinal: '二是', lead: '推进阵地建设', text: '推进阵地建设；新建活动室' },
        { ordinal: '三是', lead: '没有句号的事项', text: '没有句号的事项' },
      ],
    })
  })
  it('writes the introduction before the items, and an empty item', () => {
    expect(body[1]).toEqual({
      type: 'workItems',
      layout: 'joined',
      intro: '重点抓了三项工作。',
      items: [
        { ordinal: '一是', lead: '建立台账', text: '建立台账。' },
        { ordinal: '二是', lead: '完善制度', text: '完善制度！' },
        { ordinal: '三是', lead: '', text: '' },
      ],
    })
    expect(Object.keys(body[1]!)).toEqual(['type', 'layout', 'intro', 'items'])
  })
  it('counts past ten', () => {
    const many = doc({ title: 't', preamble: [items('separate', ...Array.from({ length: 11 }, () => item('事项。')))] })
    const list = toSummary(many).preamble[0]
    expect(list?.type === 'workItems' && list.items.map((x) => x.ordinal).slice(9)).toEqual(['十是', '十一是'])
  })
  it('reads leads up to the first sentence mark', () => {
    expect(leadOf('开展轮训。随后考试。')).toBe('开展轮训')
    expect(leadOf('开展轮训；随后考试')).toBe('开展轮训')
    expect(leadOf('Done! then')).toBe('Done')
    expect(leadOf('开展轮训，随后考试')).toBe('开展轮训，随后考试')
    expect(leadOf('。')).toBe('')
  })
  it('keeps run-in headings', () => {
    expect(toSummary(d).sections[0]!.runIn).toBe(true)
  })
  it('round-trips', () => roundTrips(d))
})

describe('toSummary: runs and fields', () => {
  const d = doc({
    title: ['2020年', blank({ label: '单位' }), '工作总结'],
    subtitle: [bold('——'), '副标题'],
    preamble: [p('全年，培训党组织书记', metric({ unit: '名', label: '培训人数' }), '，覆盖', metric({ value: 98.5, unit: '%' }), '。')],
    sections: [
      section(1, ['完成', metric({ value: 22, unit: '个' }), '社区整合'], [
        section(2, '推进项目', [
          items(
            'joined',
            intro('走访', blank({ value: '城东社区', placeholder: 'XX' }), '。'),
            item(bold('一项重点工作'), '，投入', metric({ value: 3000, range: true, upper: null, unit: '元', placeholder: '××' }), '。'),
            note('惠及', metric({ value: 5, scale: '万', approx: '多', unit: '人' }, true)),
          ),
        ]),
      ]),
      roleSection('plans', '下一步打算', [p('开展', metric({ value: 2, range: true, upper: 3, unit: '期' }), '培训')], { numbered: false }),
    ],
    signOff: [[blank()], '2020年7月10日'],
  })
  const s = toSummary(d)

  it('writes texts as displayed and runs only where needed', () => {
    expect(s.title).toBe('2020年X工作总结')
    expect(s.titleRuns).toEqual([{ text: '2020年' }, { blank: { value: null, label: '单位', placeholder: 'X' } }, { text: '工作总结' }])
    expect(s.subtitle).toBe('——副标题')
    expect(s.subtitleRuns).toEqual([{ text: '——', bold: true }, { text: '副标题' }])
    expect(s.preamble[0]).toMatchObject({ type: 'paragraph', text: '全年，培训党组织书记X名，覆盖98.5%。' })
    expect(s.sections[0]!.title).toBe('完成22个社区整合')
    expect(s.signOff).toEqual({
      organization: 'X',
      organizationRuns: [{ blank: { value: null, label: '', placeholder: 'X' } }],
      date: '2020年7月10日',
    })
  })

  it('writes a metric run with all its attributes, bold when bold', () => {
    const list = s.sections[0]!.sections[0]!.body[0]!
    expect(list.type).toBe('workItems')
    if (list.type !== 'workItems') return
    expect(list.intro).toBe('走访城东社区。')
    expect(list.items[0]!.lead).toBe('一项重点工作，投入3000-××元')
    expect(list.items[0]!.runs).toEqual([
      { text: '一项重点工作', bold: true },
      { text: '，投入' },
      { metric: { value: 3000, range: true, upper: null, scale: '', approx: '', unit: '元', label: '', placeholder: '××' } },
      { text: '。' },
    ])
    expect(list.items[0]!.notes).toEqual([
      {
        text: '惠及5万多人',
        runs: [{ text: '惠及' }, { metric: { value: 5, range: false, upper: null, scale: '万', approx: '多', unit: '人', label: '', placeholder: 'X' }, bold: true }],
      },
    ])
  })

  it('indexes every metric in document order with its path, place and context', () => {
    expect(s.metrics.map((m) => [m.text, m.filled, m.path, m.where, m.context])).toEqual([
      ['X名', false, '$.preamble[0].runs[1]', '导语', '培训党组织书记'],
      ['98.5%', true, '$.preamble[0].runs[3]', '导语', '覆盖'],
      ['22个', true, '$.sections[0].titleRuns[1]', '一、', '完成'],
      ['3000-××元', false, '$.sections[0].sections[0].body[0].items[0].runs[2]', '一、（一）', '投入'],
      ['5万多人', true, '$.sections[0].sections[0].body[0].items[0].notes[0].runs[1]', '一、（一）', '惠及'],
      ['2-3期', true, '$.sections[1].body[0].runs[1]', '（计划）', '开展'],
    ])
    expect(s.metrics[0]).toEqual({
      value: null,
      range: false,
      upper: null,
      scale: '',
      approx: '',
      unit: '名',
      label: '培训人数',
      placeholder: 'X',
      text: 'X名',
      filled: false,
      path: '$.preamble[0].runs[1]',
      where: '导语',
      context: '培训党组织书记',
    })
  })

  it('indexes every blank', () => {
    expect(s.blanks.map((b) => [b.text, b.filled, b.path, b.where, b.context, b.label])).toEqual([
      ['X', false, '$.titleRuns[1]', '标题', '2020年', '单位'],
      ['城东社区', true, '$.sections[0].sections[0].body[0].introRuns[1]', '一、（一）', '走访', ''],
      ['X', false, '$.signOff.organizationRuns[0]', '落款', '', ''],
    ])
  })

  it('keeps at most twenty characters of context', () => {
    const long = '一二三四五六七八九十一二三四五六七八九十甲乙丙'
    const s2 = toSummary(doc({ title: 't', closing: [p(long, metric({ unit: '名' }))] }))
    expect(s2.metrics[0]!.context).toBe(long.slice(-20))
    expect(s2.metrics[0]!.where).toBe('结尾')
  })

  it('round-trips', () => roundTrips(d))
})

describe('toSummary: a metric\'s digits after its point (decimals)', () => {
  const d = doc({ title: '总结', preamble: [p('增长', metric({ value: 5, unit: '%', decimals: 1 }), '，投入', metric({ value: 12.5, unit: '万元', decimals: 2 }), '，另有', metric({ value: 3.5, unit: '万元' }), '。')] })
  const s = toSummary(d)

  it('writes `decimals` where a number shows zeros it drops, in its run and in the index, and shows them', () => {
    const runs = s.preamble[0]!.type === 'paragraph' ? s.preamble[0]!.runs! : []
    expect(s.preamble[0]).toMatchObject({ text: '增长5.0%，投入12.50万元，另有3.5万元。' })
    expect(runs[1]).toEqual({ metric: { value: 5, range: false, upper: null, scale: '', approx: '', unit: '%', label: '', placeholder: 'X', decimals: 1 } })
    expect(s.metrics.map((m) => [m.text, m.value, m.decimals])).toEqual([
      ['5.0%', 5, 1],
      ['12.50万元', 12.5, 2],
      ['3.5万元', 3.5, undefined],
    ])
    // None where the number shows as it is: the field reads as before there was `decimals`.
    expect('decimals' in (runs[5] as { metric: object }).metric).toBe(false)
    expect('decimals' in s.metrics[2]!).toBe(false)
  })

  it('round-trips, and two metrics that differ only in their zeros stay apart', () => {
    roundTrips(d)
    roundTrips(doc({ title: '总结', preamble: [p('由', metric({ value: 5, unit: '%' }), '到', metric({ value: 5, unit: '%', decimals: 1 }), '再到', metric({ value: 5, unit: '%' }), '。')] }))
  })

  it('opens a summary written before `decimals` unchanged', () => {
    const before = {
      version: 1,
      title: '总结',
      preamble: [{ type: 'paragraph', text: '增长5%。', runs: [{ text: '增长' }, { metric: { value: 5, range: false, upper: null, scale: '', approx: '', unit: '%', label: '', placeholder: 'X' } }, { text: '。' }] }],
      sections: [],
      closing: [],
      metrics: [{ value: 5, range: false, upper: null, scale: '', approx: '', unit: '%', label: '', placeholder: 'X', text: '5%', filled: true, path: '$.preamble[0].runs[1]', where: '导语', context: '增长' }],
      blanks: [],
    }
    const opened = fromSummary(copy(before as unknown as Summary))
    expect(opened.eq(doc({ title: '总结', preamble: [p('增长', metric({ value: 5, unit: '%' }), '。')] }))).toBe(true)
    expect(toSummary(opened)).toEqual(before)
  })
})

describe('fromSummary: refusals name the field', () => {
  const d = doc({
    title: '总结',
    preamble: [items('separate', item('第一项。'), item('第二项。')), p('培训', metric({ unit: '名' }), '。')],
    sections: [section(1, '工作一', [section(2, '小节')]), section(1, '工作二'), roleSection('problems', '问题')],
  })
  const good = toSummary(d)

  it('accepts the untouched value', () => {
    expect(fromSummary(copy(good)).eq(d)).toBe(true)
  })

  const cases: [string, (s: any) => void, string][] = [
    ['a wrong section number', (s) => (s.sections[1].number = '三、'), '$.sections[1].number'],
    ['a number in the wrong format for level 1', (s) => (s.sections[0].number = '1.'), '$.sections[0].number'],
    ['a subsection number not below its parent', (s) => (s.sections[0].sections[0].number = '二、'), '$.sections[0].sections[0].number'],
    ['a wrong ordinal', (s) => (s.preamble[0].items[1].ordinal = '三是'), '$.preamble[0].items[1].ordinal'],
    ['a wrong lead', (s) => (s.preamble[0].items[0].lead = '第一'), '$.preamble[0].items[0].lead'],
    ['an extra field in a section', (s) => (s.sections[0].extra = 1), '$.sections[0].extra'],
    ['an extra field in a metric', (s) => (s.preamble[1].runs[1].metric.extra = 1), '$.preamble[1].runs[1].metric.extra'],
    ['a missing field', (s) => delete s.sections[0].runIn, '$.sections[0].runIn'],
    ['a missing index', (s) => delete s.metrics, '$.metrics'],
    ['problems before work', (s) => s.sections.unshift(s.sections.pop()), '$.sections[1].role'],
    ['two problems sections', (s) => s.sections.push({ ...s.sections[2], number: '四、' }), '$.sections[3].role'],
    ['a problems section below level 1', (s) => (s.sections[0].sections[0].role = 'problems'), '$.sections[0].sections[0].role'],
    [
      'mixed sibling formats',
      (s) => s.sections[0].sections.push({ ...s.sections[0].sections[0], number: '1.' }),
      '$.sections[0].sections',
    ],
    ['a line break in a text', (s) => (s.sections[1].title = '工作\n二'), '$.sections[1].title'],
    ['a line break in a run', (s) => (s.preamble[1].runs[0].text = '培\r训'), '$.preamble[1].runs[0].text'],
    ['a text that disagrees with its runs', (s) => (s.preamble[1].text = '培训22名。'), '$.preamble[1].text'],
    ['a negative metric value', (s) => (s.preamble[1].runs[1].metric.value = -1), '$.preamble[1].runs[1]'],
    ['a metric value that is a string', (s) => (s.preamble[1].runs[1].metric.value = '3'), '$.preamble[1].runs[1]'],
    ['an unknown scale', (s) => (s.preamble[1].runs[1].metric.scale = '兆'), '$.preamble[1].runs[1]'],
    ['a bad placeholder', (s) => (s.preamble[1].runs[1].metric.placeholder = 'Y'), '$.preamble[1].runs[1]'],
    ['decimals that are negative', (s) => (s.preamble[1].runs[1].metric.decimals = -1), '$.preamble[1].runs[1]'],
    ['decimals that are a fraction', (s) => (s.preamble[1].runs[1].metric.decimals = 1.5), '$.preamble[1].runs[1]'],
    ['decimals past 20', (s) => (s.preamble[1].runs[1].metric.decimals = 1e6), '$.preamble[1].runs[1]'],
    ['decimals of 0, which a summary leaves out', (s) => (s.preamble[1].runs[1].metric.decimals = 0), '$.preamble[1].runs[1].metric.decimals'],
    ['decimals that disagree with the text', (s) => (s.preamble[1].runs[1].metric = { ...s.preamble[1].runs[1].metric, value: 5, decimals: 1 }), '$.preamble[1].text'],
    ['an empty blank value', (s) => (s.preamble[1].runs[1] = { blank: { value: '', label: '', placeholder: 'X' } }), '$.preamble[1].runs[1]'],
    ['an empty text run', (s) => (s.preamble[1].runs[0].text = ''), '$.preamble[1].runs[0].text'],
    ['bold that is not true', (s) => (s.preamble[1].runs[0].bold = false), '$.preamble[1].runs[0].bold'],
    ['a run of no kind', (s) => (s.preamble[1].runs[0] = { image: 'x' }), '$.preamble[1].runs[0]'],
    ['a wrong metrics index entry', (s) => (s.metrics[0].where = '结尾'), '$.metrics[0].where'],
    ['an unknown block type', (s) => (s.preamble[0].type = 'table'), '$.preamble[0].type'],
    ['an empty work-item list', (s) => (s.preamble[0].items = []), '$.preamble[0].items'],
    ['an unknown layout', (s) => (s.preamble[0].layout = 'inline'), '$.preamble[0].layout'],
    ['an unknown role', (s) => (s.sections[0].role = 'other'), '$.sections[0].role'],
    ['a wrong version', (s) => (s.version = 3), '$.version'],
    ['version 2 without comments', (s) => (s.version = 2), '$.comments'],
  ]
  for (const [what, tamper, path] of cases) {
    it(`refuses ${what} at ${path}`, () => {
      const s = copy(good)
      tamper(s)
      const e = refusal(s)
      expect(e.path).toBe(path)
      expect(e.message.startsWith(path + ': ')).toBe(true)
    })
  }

  it('refuses what is not an object', () => {
    expect(refusal(null).path).toBe('$')
    expect(refusal([]).path).toBe('$')
    expect(refusal({ ...copy(good), sections: {} }).path).toBe('$.sections')
  })
})

describe('fromSummary: refusals of comments (version 2) name the field', () => {
  const author = { id: 'u1', name: '张三' }
  const time = '2024-07-08T09:30:00+08:00'
  const base = doc({ title: '总结', preamble: [p('上半年培训', metric({ unit: '名' }), '干部。')], sections: [section(1, '工作一', [p('全面学习。')])] })
  const tr = new Transform(base)
  // 上半年培 (a) overlaps 年培训 and the metric (b); 全面 (c); a thread whose text is gone (d).
  tr.addMark(6, 10, schema.marks.comment!.create({ id: 'a' })).addMark(8, 12, schema.marks.comment!.create({ id: 'b' }))
  tr.addMark(24, 26, schema.marks.comment!.create({ id: 'c' }))
  const thread = (id: string, quote: string, extra = {}) => ({ id, author, time, text: '请核实', replies: [], resolved: false, quote, scope: 'text', ...extra })
  tr.setDocAttribute('comments', [
    thread('a', '上半年培', { replies: [{ id: 'r1', author: { id: 'u2', name: '李四', role: '科长' }, time, text: '已核实' }, { id: 'r2', author, time, text: '好' }] }),
    thread('b', '年培训X名'),
    thread('c', '全面'),
    thread('d', '已删去的文字', { resolved: true }),
  ])
  const d = tr.doc
  const good = toSummary(d)

  it('accepts the untouched value, version 2 with overlapping and detached threads', () => {
    expect(good.version).toBe(2)
    expect(good.preamble[0]).toMatchObject({ runs: [{ comments: ['a'] }, { comments: ['a', 'b'] }, { comments: ['b'] }, { comments: ['b'] }, { text: '干部。' }] })
    expect(good.sections[0]!.body[0]).toMatchObject({ runs: [{ text: '全面', comments: ['c'] }, { text: '学习。' }] })
    expect(good.comments!.map((t) => t.anchor?.path ?? t.detached)).toEqual(['$.preamble[0].runs[0]', '$.preamble[0].runs[1]', '$.sections[0].body[0].runs[0]', true])
    expect(fromSummary(copy(good)).eq(d)).toBe(true)
  })

  const cases: [string, (s: any) => void, string][] = [
    ['a comment id on a run with no thread', (s) => (s.preamble[0].runs[4].comments = ['x']), '$.preamble[0].runs[4].comments[0]'],
    ['a comment id that is not an id', (s) => (s.preamble[0].runs[0].comments = ['a b']), '$.preamble[0].runs[0].comments[0]'],
    ['a comment id twice on a run', (s) => s.preamble[0].runs[1].comments.push('a'), '$.preamble[0].runs[1].comments[2]'],
    ['an empty list of comments on a run', (s) => (s.preamble[0].runs[4].comments = []), '$.preamble[0].runs[4].comments'],
    ['comments on a run that is not a list', (s) => (s.preamble[0].runs[0].comments = 'a'), '$.preamble[0].runs[0].comments'],
    ['a thread with a bad time', (s) => (s.comments[0].time = '2024-07-08 09:30'), '$.comments[0].time'],
    ['a thread on a day that does not exist', (s) => (s.comments[2].time = '2023-02-29T09:30:00Z'), '$.comments[2].time'],
    ['a thread time without an offset', (s) => (s.comments[1].time = '2024-07-08T09:30:00'), '$.comments[1].time'],
    ['a duplicate thread id', (s) => (s.comments[1].id = 'a'), '$.comments[1].id'],
    ['a reply with a bad time', (s) => (s.comments[0].replies[0].time = 'yesterday'), '$.comments[0].replies[0].time'],
    ['a duplicate reply id', (s) => (s.comments[0].replies[1].id = 'r1'), '$.comments[0].replies[1].id'],
    ['an author with an empty name', (s) => (s.comments[0].author.name = ''), '$.comments[0].author.name'],
    ['an empty role', (s) => (s.comments[0].replies[0].author.role = ''), '$.comments[0].replies[0].author.role'],
    ['an unknown author field', (s) => (s.comments[0].author.email = 'x@y'), '$.comments[0].author.email'],
    ['an unknown thread field', (s) => (s.comments[0].color = 'red'), '$.comments[0].color'],
    ['a missing thread field', (s) => delete s.comments[2].quote, '$.comments[2].quote'],
    ['an unknown scope', (s) => (s.comments[0].scope = 'page'), '$.comments[0].scope'],
    ['resolved that is not a boolean', (s) => (s.comments[0].resolved = 'no'), '$.comments[0].resolved'],
    ['a control character in a comment', (s) => (s.comments[0].text = 'a\u0007'), '$.comments[0].text'],
    ['a wrong anchor path', (s) => (s.comments[1].anchor.path = '$.preamble[0].runs[2]'), '$.comments[1].anchor.path'],
    ['a wrong anchor text', (s) => (s.comments[2].anchor.text = '全'), '$.comments[2].anchor.text'],
    ['an anchored thread said detached', (s) => (delete s.comments[2].anchor, (s.comments[2].detached = true)), '$.comments[2].detached'],
    ['a detached thread given an anchor', (s) => (delete s.comments[3].detached, (s.comments[3].anchor = { path: '$.preamble[0].runs[0]', text: '上半' })), '$.comments[3].anchor'],
    ['both anchor and detached', (s) => (s.comments[0].detached = true), '$.comments[0]'],
    ['detached that is not true', (s) => (s.comments[3].detached = false), '$.comments[3].detached'],
    ['comments in version 1', (s) => (s.version = 1), '$.comments'],
    ['an empty list of threads', (s) => (s.comments = []), '$.comments'],
    ['threads that are not a list', (s) => (s.comments = {}), '$.comments'],
  ]
  for (const [what, tamper, path] of cases) {
    it(`refuses ${what} at ${path}`, () => {
      const s = copy(good)
      tamper(s)
      const e = refusal(s)
      expect(e.path).toBe(path)
      expect(e.message.startsWith(path + ': ')).toBe(true)
    })
  }
})
