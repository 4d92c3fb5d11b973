import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { toSummary, type Summary } from '../src/summary.ts'
import { schema, placeholderPattern, metricScales, metricApproximations, commentIdPattern, commentTimePattern } from '../src/schema.ts'
import { doc, p, items, item, note, intro, section, roleSection, metric, blank, bold, withComments } from './arbitrary.ts'

const schemaJson = JSON.parse(readFileSync(new URL('../summary.schema.json', import.meta.url), 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
const validate = ajv.compile<Summary>(schemaJson)

const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))

const full = doc({
  title: ['2020年', blank({ label: '单位' }), bold('党建'), '工作总结'],
  subtitle: '——以基层为重点',
  preamble: [p('上半年，', bold('坚持'), '党建引领。现将工作总结如下：'), items('joined', intro('重点抓了', bold('两项'), '。'), item('学习。'), item('培训', metric({ unit: '名' })))],
  sections: [
    section(1, '强化引领', [
      p('全面学习。'),
      section(2, ['抓好', bold('理论学习')], [items('separate', item('开展轮训。'), note('轮训', metric({ value: 3, unit: '期' }), '。'), item('组织考试。'))], { runIn: true }),
      section(2, '建设队伍', [section(4, '培训', [p('覆盖', metric({ value: 95.5, unit: '%', approx: '多' }))]), section(4, '考核')]),
    ]),
    section(1, '夯实基础', [section(3, '建强支部', [section(4, '换届', [], { runIn: true })])]),
    roleSection('problems', '存在的问题', [p('一是学习不深；二是', blank({ value: '某地', placeholder: 'XX' }), '进展慢。')], { numbered: false }),
    roleSection('plans', '下半年工作计划', [section(3, '继续学习'), section(3, ['投入', metric({ value: 3000, range: true, upper: 5000, unit: '元' })])]),
  ],
  closing: [p('我们将继续努力！')],
  signOff: [[bold('某某党委')], ['2020年7月', metric({ value: 10, unit: '日' }, true)]],
})
const minimal = doc({ title: '' })
/**
 * `full` with comments: two overlapping in the opening's first paragraph, one on the first
 * section's heading, one detached from the start; with replies, a role and a resolved thread.
 */
const reviewed = withComments(full, [
  { from: 30, to: 36, section: null, text: '请核实', resolved: false, replies: 2, role: true },
  { from: 33, to: 40, section: null, text: '此处\n补充', resolved: true, replies: 0, role: false },
  { from: 0, to: 0, section: 0, text: '整节重写', resolved: false, replies: 1, role: false },
  { from: 5, to: 5, section: null, text: '已删去', resolved: false, replies: 0, role: false },
])
const plain = doc({ title: '工作总结', preamble: [p('正文')], sections: [section(1, '一节')], closing: [p('结尾')] })

/** The summary of `full`, copied for tampering. */
const tamperable = (): any => JSON.parse(JSON.stringify(toSummary(full)))

describe('summary.schema.json', () => {
  it('is a draft 2020-12 schema with an id, and compiles in Ajv strict mode', () => {
    expect(schemaJson.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schemaJson.$id).toBe('https://zongjie.dev/schema/summary-v2.json')
    expect(typeof validate).toBe('function')
  })

  it('documents every property and forbids unknown ones', () => {
    const missing: string[] = []
    const walk = (node: any, path: string) => {
      if (!node || typeof node !== 'object') return
      if (node.type === 'object' && node.properties) {
        if (node.additionalProperties !== false) missing.push(`${path}: additionalProperties`)
        for (const [k, v] of Object.entries<any>(node.properties)) {
          const documented = typeof v.description === 'string' || (v.$ref && !v.$ref.includes('/properties/') && schemaJson.$defs[v.$ref.split('/').pop()]?.description)
          if (!documented && !v.$ref?.includes('/properties/')) missing.push(`${path}.${k}: description`)
        }
      }
    }
    walk(schemaJson, '$')
    for (const [name, def] of Object.entries<any>(schemaJson.$defs)) {
      walk(def, name)
      if (typeof def.description !== 'string') missing.push(`${name}: description`)
    }
    expect(missing).toEqual([])
  })

  it('spells fields exactly as the document schema does', () => {
    const field = schemaJson.$defs.MetricField.properties
    expect(field.placeholder.pattern).toBe(placeholderPattern.source)
    expect(schemaJson.$defs.BlankField.properties.placeholder.pattern).toBe(placeholderPattern.source)
    expect(field.scale.enum).toEqual([...metricScales])
    expect(field.approx.enum).toEqual([...metricApproximations])
    expect(Object.keys(field)).toEqual(Object.keys(schema.nodes.metric!.spec.attrs!))
    expect(Object.keys(schemaJson.$defs.BlankField.properties)).toEqual(Object.keys(schema.nodes.blank!.spec.attrs!))
    expect(schemaJson.$defs.CommentId.pattern).toBe(commentIdPattern.source)
    expect(schemaJson.$defs.CommentTime.pattern).toBe(commentTimePattern.source)
  })

  it('accepts the summaries of hand-built documents', () => {
    for (const d of [full, minimal, plain, reviewed]) expect(errorsOf(JSON.parse(JSON.stringify(toSummary(d))))).toEqual([])
  })

  it('tells the versions apart: version 1 without review fields, version 2 with its threads', () => {
    const s = JSON.parse(JSON.stringify(toSummary(reviewed)))
    expect(s.version).toBe(2)
    expect(s.comments.map((t: any) => t.anchor?.path ?? 'detached')).toEqual(['$.preamble[0].runs[3]', '$.preamble[0].runs[4]', '$.sections[0].titleRuns[0]', 'detached'])
    expect(s.preamble[0].runs[4].comments).toEqual(['c0', 'c1'])
    expect(JSON.stringify(toSummary(full))).not.toContain('comments')
  })

  it('accepts an empty summary', () => {
    expect(toSummary(minimal)).toEqual({ version: 1, title: '', preamble: [], sections: [], closing: [], metrics: [], blanks: [] })
  })

  const malformed: [string, (s: any) => void][] = [
    ['a missing field', (s) => delete s.metrics],
    ['a missing section field', (s) => delete s.sections[0].runIn],
    ['an extra top-level field', (s) => (s.author = '某人')],
    ['an extra field in a run', (s) => (s.preamble[0].runs[0].italic = true)],
    ['an extra field in a metric', (s) => (s.metrics[0].id = 1)],
    ['a wrong version', (s) => (s.version = 2)],
    ['a number in no known format', (s) => (s.sections[0].number = '1、')],
    ['a half-width bracket', (s) => (s.sections[0].sections[0].number = '(一)')],
    ['a top-level number of a lower format', (s) => (s.sections[0].number = '（一）')],
    ['an unnumbered work section', (s) => (s.sections[0].number = '')],
    ['a subsection of the same format as its parent', (s) => (s.sections[0].sections[0].number = '一、')],
    ['a subsection ranking above its parent', (s) => (s.sections[1].sections[0].sections[0].number = '（一）')],
    ['mixed sibling formats', (s) => (s.sections[0].sections[1].number = '2.')],
    ['a subsection at the wrong level', (s) => (s.sections[0].sections[0].level = 3)],
    ['a level out of range', (s) => (s.sections[0].level = 5)],
    ['a problems section below the top', (s) => (s.sections[0].sections[0].role = 'problems')],
    ['an unknown role', (s) => (s.sections[0].role = 'other')],
    ['a line break in a title', (s) => (s.sections[0].title = '强化\n引领')],
    ['a line break in a run', (s) => (s.preamble[0].runs[0].text = '上半年\r\n')],
    ['an empty text run', (s) => (s.preamble[0].runs[0].text = '')],
    ['bold false', (s) => (s.preamble[0].runs[0].bold = false)],
    ['a run with text and a metric', (s) => (s.preamble[0].runs[1].metric = s.metrics[0])],
    ['runs with no mark and no field', (s) => (s.closing[0].runs = [{ text: '我们将继续努力！' }])],
    ['a negative metric value', (s) => (s.metrics[0].value = -1)],
    ['a metric value given as a string', (s) => (s.preamble[1].items[1].runs[1].metric.value = '3')],
    ['an infinite upper bound written as a string', (s) => (s.metrics[1].upper = 'Infinity')],
    ['an unknown scale', (s) => (s.metrics[0].scale = '兆')],
    ['an unknown approximation', (s) => (s.metrics[0].approx = '约')],
    ['a placeholder that is not X', (s) => (s.metrics[0].placeholder = 'Y')],
    ['a placeholder too long', (s) => (s.blanks[0].placeholder = 'XXXX')],
    ['an empty blank value', (s) => (s.blanks[1].value = '')],
    ['an unknown block type', (s) => (s.preamble[0].type = 'table')],
    ['an empty work-item list', (s) => (s.preamble[1].items = [])],
    ['an unknown layout', (s) => (s.preamble[1].layout = 'inline')],
    ['a bad ordinal', (s) => (s.preamble[1].items[0].ordinal = '1是')],
    ['a lead that runs past its sentence', (s) => (s.preamble[1].items[0].lead = '学习。')],
    ['empty notes', (s) => (s.sections[0].sections[0].body[0].items[0].notes = [])],
    ['introRuns without intro', (s) => delete s.preamble[1].intro],
    ['a malformed metric path', (s) => (s.metrics[0].path = 'sections[0].runs[1]')],
    ['an unknown place', (s) => (s.metrics[0].where = '第一部分')],
    ['a context that spans a clause break', (s) => (s.metrics[0].context = '培训，党员')],
    ['a sign-off without a date', (s) => delete s.signOff.date],
  ]
  for (const [what, tamper] of malformed) {
    it(`rejects ${what}`, () => {
      const s = tamperable()
      expect(errorsOf(s)).toEqual([])
      tamper(s)
      expect(errorsOf(s).length).toBeGreaterThan(0)
    })
  }

  /** The summary of `reviewed` (version 2), copied for tampering. */
  const reviewedCopy = (): any => JSON.parse(JSON.stringify(toSummary(reviewed)))
  const malformedReview: [string, (s: any) => void][] = [
    ['comments in version 1', (s) => (s.version = 1)],
    ['a comment id on a run in version 1', (s) => ((s.version = 1), delete s.comments)],
    ['version 2 without threads', (s) => delete s.comments],
    ['an empty list of threads', (s) => (s.comments = [])],
    ['an empty list of comments on a run', (s) => (s.preamble[0].runs[0].comments = [])],
    ['a comment id twice on a run', (s) => s.preamble[0].runs[4].comments.push('c0')],
    ['a comment id with a space', (s) => (s.preamble[0].runs[0].comments = ['a b'])],
    ['a thread with a bad time', (s) => (s.comments[0].time = '2024-07-08 09:30')],
    ['a thread time without an offset', (s) => (s.comments[0].time = '2024-07-08T09:30:00')],
    ['a reply with a bad time', (s) => (s.comments[0].replies[0].time = '昨天')],
    ['a thread without an author', (s) => delete s.comments[0].author],
    ['an author with an empty name', (s) => (s.comments[0].author.name = '')],
    ['an empty role', (s) => (s.comments[0].author.role = '')],
    ['an unknown thread field', (s) => (s.comments[0].color = 'red')],
    ['an unknown scope', (s) => (s.comments[0].scope = 'page')],
    ['a thread both anchored and detached', (s) => (s.comments[0].detached = true)],
    ['a thread neither anchored nor detached', (s) => delete s.comments[3].detached],
    ['detached false', (s) => (s.comments[3].detached = false)],
    ['a malformed anchor path', (s) => (s.comments[0].anchor.path = 'preamble[0]')],
    ['a control character in a comment', (s) => (s.comments[0].text = 'a\u0007')],
  ]
  for (const [what, tamper] of malformedReview) {
    it(`rejects ${what}`, () => {
      const s = reviewedCopy()
      expect(errorsOf(s)).toEqual([])
      tamper(s)
      expect(errorsOf(s).length).toBeGreaterThan(0)
    })
  }
})
