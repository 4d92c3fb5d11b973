import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { schema, type Suggestion } from '../src/schema.ts'
import { toSummary, readSummary, fromSummary } from '../src/summary.ts'
import { SummaryError } from '../src/errors.ts'
import { toText } from '../src/text.ts'
import { suggestionsAt, settledDoc, suggestionAnchor } from '../src/suggestions.ts'
import { validate } from '../src/validate.ts'
import { toHTML } from '../src/html.ts'
import { doc as docOf, p, section, roleSection, metric } from './arbitrary.ts'

const schemaValid = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(new URL('../summary.schema.json', import.meta.url), 'utf8')))
const author = { id: 'u1', name: '王科长', role: '科长' }
const time = '2024-07-08T09:30:00+08:00'
const ins = (id: string) => schema.marks.insertion!.create({ id })
const del = (id: string) => schema.marks.deletion!.create({ id })

/** A summary with an insertion (s1), a deletion (s2), a field changed (s3) and a deleted section (s4). */
function suggested() {
  const base = docOf({
    title: '2024年上半年工作总结',
    sections: [section(1, '强化政治引领', [p('全面学习理论')]), section(1, '夯实基层基础', [p('按期换届')])],
  })
  const suggestions: Suggestion[] = [
    { id: 's1', author, time, kind: 'insert' },
    { id: 's2', author, time, kind: 'delete' },
    { id: 's3', author, time, kind: 'field' },
    { id: 's4', author: { id: 'u2', name: '李四' }, time, kind: 'delete' },
  ]
  const para = schema.nodes.paragraph!.create(null, [
    schema.text('全面'),
    schema.text('深入', [ins('s1')]),
    schema.text('学习理论', [del('s2')]),
    metric({ value: 8, unit: '名' }).mark([schema.marks.modification!.create({ id: 's3', type: 'attr', attrName: 'value', previousValue: null, newValue: 8 })]),
  ])
  const first = base.child(2).copy(base.child(2).content.replaceChild(1, para))
  const second = base.child(3).mark([del('s4')])
  return base.type.create({ ...base.attrs, suggestions }, [base.child(0), base.child(1), first, second, base.child(4)])
}

/** The Summary JSON of `suggested()`, changed by `tamper`; expects fromSummary to refuse it at `path`. */
function refused(tamper: (s: any) => void, path: string) {
  const json = JSON.parse(JSON.stringify(toSummary(suggested())))
  tamper(json)
  let error: unknown
  try {
    fromSummary(json)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(SummaryError)
  expect((error as SummaryError).path).toBe(path)
}

describe('suggestions in the model', () => {
  it('are listed in reading order with their kind and text', () => {
    const doc = suggested()
    doc.check()
    expect(suggestionsAt(doc).map((s) => [s.suggestion.id, s.kind, s.text])).toEqual([
      ['s1', 'insert', '深入'],
      ['s2', 'delete', '学习理论'],
      ['s3', 'field', '8名'],
      ['s4', 'delete', '夯实基层基础按期换届'],
    ])
  })

  it('Summary JSON version 2 carries them exactly, and the schema describes it', () => {
    const doc = suggested()
    const json = toSummary(doc)
    expect(json.version).toBe(2)
    expect(json.comments).toBeUndefined()
    expect(json.sections[0]!.body[0]).toEqual({
      type: 'paragraph',
      text: '全面深入学习理论8名',
      runs: [
        { text: '全面' },
        { text: '深入', inserted: 's1' },
        { text: '学习理论', deleted: 's2' },
        { metric: { value: 8, range: false, upper: null, scale: '', approx: '', unit: '名', label: '', placeholder: 'X' }, modified: [{ id: 's3', attr: 'value', previous: null, value: 8 }] },
      ],
    })
    expect(json.suggestions![3]).toEqual({ id: 's4', author: { id: 'u2', name: '李四' }, time, kind: 'delete', blocks: [{ path: '$.sections[1]', mark: 'deletion' }] })
    expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true)
    expect(fromSummary(JSON.parse(JSON.stringify(json))).eq(doc)).toBe(true)
    expect(readSummary(doc)).toEqual(json)
    const v1 = { ...json, version: 1 }
    expect(schemaValid(v1)).toBe(false)
  })

  it("Summary JSON carries a reviewer's deletion of another's suggested words (a run both inserted and deleted), and the schema describes it", () => {
    const doc = suggested()
    const json = toSummary(doc)
    // 李四 (s4) deletes 深入, which 王科长 suggested inserting (s1).
    ;(json.sections[0]!.body[0] as { runs: object[] }).runs[1] = { text: '深入', inserted: 's1', deleted: 's4' }
    expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true)
    const back = fromSummary(JSON.parse(JSON.stringify(json)))
    expect(toSummary(back)).toEqual(json)
    expect(toText(back)).toContain('全面8名')
    expect(toText(back, { suggestions: 'original' })).toContain('全面学习理论X名')
    expect(suggestionsAt(back).map((s) => [s.suggestion.id, s.text])).toEqual([['s1', '深入'], ['s4', '深入夯实基层基础按期换届'], ['s2', '学习理论'], ['s3', '8名']])
  })

  it('a summary without comments or suggestions stays version 1, byte for byte', () => {
    const plain = settledDoc(suggested())
    expect(plain.attrs.suggestions).toEqual([])
    const json = toSummary(plain)
    expect(json.version).toBe(1)
    expect(Object.keys(json)).not.toContain('suggestions')
    expect(JSON.stringify(toSummary(fromSummary(json)))).toBe(JSON.stringify(json))
  })

  it('an entry whose marks are gone is kept and read back', () => {
    const doc = suggested()
    const json = toSummary(doc.type.create({ ...doc.attrs, suggestions: [...doc.attrs.suggestions, { id: 's9', author, time, kind: 'insert' }] }, doc.content))
    expect(json.suggestions![4]).toEqual({ id: 's9', author, time, kind: 'insert' })
    expect(toSummary(fromSummary(json))).toEqual(json)
  })

  it('refuses tampered suggestions, naming the JSON path', () => {
    refused((s) => (s.sections[0].body[0].runs[1].inserted = 's7'), '$.sections[0].body[0].runs[1].inserted')
    refused((s) => (s.suggestions[1].time = '2024-02-30T09:30:00+08:00'), '$.suggestions[1].time')
    refused((s) => (s.suggestions[1].id = 's1'), '$.suggestions[1].id')
    refused((s) => (s.suggestions[0].kind = 'move'), '$.suggestions[0].kind')
    refused((s) => (s.suggestions[3].blocks[0].path = '$.sections[5]'), '$.suggestions[3].blocks[0].path')
    refused((s) => (s.suggestions[3].blocks[0].mark = 'moved'), '$.suggestions[3].blocks[0].mark')
    refused((s) => (s.version = 1), '$.suggestions')
    refused((s) => (s.suggestions = []), '$.suggestions')
    refused((s) => (s.sections[0].body[0].runs[1].deleted = 's1'), '$.sections[0].body[0].runs[1].deleted')
    refused((s) => (s.sections[0].body[0].runs[0].modified = [{ id: 's3', attr: 'value', previous: 1, value: 2 }]), '$.sections[0].body[0].runs[0].modified')
    refused((s) => (s.suggestions[3].blocks = []), '$.suggestions[3].blocks')
    refused((s) => (s.sections[0].body[0].runs[3].modified[0].attr = 'colour'), '$.sections[0].body[0].runs[3].modified[0].attr')
    refused((s) => (s.sections[0].body[0].runs[3].modified[0].previous = -1), '$.sections[0].body[0].runs[3].modified[0].previous')
    refused((s) => (s.suggestions[3].blocks[0] = { path: '$.sections[1]', mark: 'modification', type: 'nodeType', attr: null, previous: 'chapter', value: 'section1' }), '$.suggestions[3].blocks[0].previous')
  })

  it('plain text is the accepted text unless the original is asked for', () => {
    const doc = suggested()
    expect(toText(doc)).toContain('全面深入8名')
    expect(toText(doc)).not.toContain('夯实基层基础')
    expect(toText(doc, { suggestions: 'original' })).toContain('全面学习理论X名')
    expect(toText(doc, { suggestions: 'original' })).toContain('二、夯实基层基础')
  })

  it('joins two blocks when one deletion goes on across their boundary, never for two different ones', () => {
    const base = docOf({ title: '2024年工作总结', preamble: [p('甲乙'), p('丙丁')] })
    const marked = (first: string, second: string) => {
      const a = schema.nodes.paragraph!.create(null, [schema.text('甲'), schema.text('乙', [del(first)])])
      const b = schema.nodes.paragraph!.create(null, [schema.text('丙', [del(second)]), schema.text('丁')])
      const ids = [...new Set([first, second])]
      return base.type.create({ ...base.attrs, suggestions: ids.map((id) => ({ id, author, time, kind: 'delete' })) }, [base.child(0), base.child(1).copy(base.child(1).content.replaceChild(0, a).replaceChild(1, b)), base.child(2)])
    }
    const paragraphs = (d: ReturnType<typeof marked>) => {
      const out: string[] = []
      settledDoc(d, true).child(1).forEach((n) => out.push(n.textContent))
      return out
    }
    expect(paragraphs(marked('s1', 's1'))).toEqual(['甲丁'])
    expect(paragraphs(marked('s1', 's2'))).toEqual(['甲', '丁'])
  })
})


describe('a run-in title joined to its body by a suggested deletion', () => {
  /**
   * `（一）加强管理。加大投入力度。完善制度。` with the boundary between the title and its body
   * deleted as a suggestion (s1, the editor's anchors at both sides of it); with `entry` false,
   * the suggestion has no entry in the document (its marks left behind).
   */
  function joined(entry = true) {
    const gone = () => schema.text(suggestionAnchor, [del('s1')])
    const base = docOf({
      title: '示范县民政局2024年上半年工作总结',
      preamble: [p('上半年，我局稳步推进各项工作。')],
      sections: [
        section(1, '主要工作', [section(2, ['加强管理', gone()], [p(gone(), '加大投入力度。完善制度。')], { runIn: true })]),
        roleSection('problems', '存在的问题', [p('力量不足。')]),
        roleSection('plans', '下步打算', [p('加强培训。')]),
      ],
    })
    const suggestions: Suggestion[] = entry ? [{ id: 's1', author, time, kind: 'delete' }] : []
    return base.type.create({ ...base.attrs, suggestions }, base.content)
  }

  it('is judged as it reads accepted: the title its first sentence, the rest its body (no empty section)', () => {
    const doc = joined()
    expect(toText(doc)).toContain('（一）加强管理加大投入力度。完善制度。\n')
    const findings = validate(doc)
    expect(findings.map((f) => f.code)).not.toContain('section-empty')
    expect(findings.map((f) => [f.code, f.message])).toEqual(validate(settledDoc(doc)).map((f) => [f.code, f.message]))
  })

  it('with no entry, it is no suggestion: the review HTML, the clean HTML and Summary JSON keep the title and body apart, the stop once', () => {
    const doc = joined(false)
    const title = (html: string) => /<p class="zj-run-in">.*?<\/p>/.exec(html)![0]
    expect(title(toHTML(doc))).not.toContain('。<span class="zj-stop">')
    expect(title(toHTML(doc))).toBe(title(toHTML(doc, { review: false })))
    expect(title(toHTML(doc))).toContain(`加强管理${suggestionAnchor}<span class="zj-stop">。</span></strong><span class="zj-paragraph">${suggestionAnchor}加大投入力度。完善制度。</span>`)
    expect(toSummary(doc).sections[0]!.sections[0]).toMatchObject({ title: `加强管理${suggestionAnchor}`, body: [{ text: `${suggestionAnchor}加大投入力度。完善制度。` }] })
  })
})
