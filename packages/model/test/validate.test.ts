import { describe, it, expect } from 'vitest'
import { Transform } from 'prosemirror-transform'
import { importText, validate } from '../src/index.ts'

const draft = [
  '某街道办事处2021年上半年工作总结',
  '上半年，街道围绕年度目标推进各项工作。',
  '一、主要工作',
  '（一）社区治理。完成X个网格划分，走访X户居民。',
  '（二）民生服务',
  '二、存在的问题',
  '一是服务力量不足；二是X社区设施老旧。',
  '三、下半年工作打算',
  '一是补齐短板；二是提升服务。',
].join('\n')

describe('validate', () => {
  it('lists every unfilled field as an error, with where it is and its position', () => {
    const { doc } = importText(draft)
    const findings = validate(doc)
    const unfilled = findings.filter((f) => f.code === 'metric-unfilled' || f.code === 'blank-unfilled')
    expect(unfilled.map((f) => [f.code, f.severity, f.where])).toEqual([
      ['metric-unfilled', 'error', '一、（一）'],
      ['metric-unfilled', 'error', '一、（一）'],
      ['blank-unfilled', 'error', '二、'],
    ])
    expect(unfilled[0]!.message).toContain('完成X个')
    // A blank's message reads on to the end of its clause, so the writer knows which name is missing.
    expect(unfilled[2]!.message).toBe('二、：「X社区设施老旧」中的名称未填写')
    expect(unfilled[0]!.path).toBe('$.sections[0].sections[0].body[0].runs[1]')
    // The position points at the field itself.
    expect(doc.nodeAt(unfilled[0]!.pos!)?.type.name).toBe('metric')
    expect(doc.nodeAt(unfilled[2]!.pos!)?.type.name).toBe('blank')
  })

  it('flags an empty section, and nothing else, on a complete draft', () => {
    const { doc } = importText(draft)
    const others = validate(doc).filter((f) => f.severity !== 'error')
    expect(others.map((f) => [f.code, f.where])).toEqual([['section-empty', '（二）']])
  })

  it('passes a draft once every field is filled', () => {
    const { doc } = importText(draft.replace('（二）民生服务', '（二）民生服务。新增便民服务点。'))
    expect(validate(doc).some((f) => f.severity === 'error')).toBe(true)
    const tr = new Transform(doc)
    doc.descendants((node, pos) => {
      if (node.type.name === 'metric') tr.setNodeMarkup(pos, null, { ...node.attrs, value: 12 })
      if (node.type.name === 'blank') tr.setNodeMarkup(pos, null, { ...node.attrs, value: '东风' })
    })
    expect(validate(tr.doc)).toEqual([])
  })

  it('asks for problems and plans sections, and a title with a period and a genre', () => {
    const { doc } = importText('关于有关情况\n一、工作\n正文。')
    expect(validate(doc).map((f) => f.code)).toEqual(['title-period-missing', 'title-genre-missing', 'problems-missing', 'plans-missing'])
  })

  it('reports what the importer repaired as information, with the line', () => {
    const { doc, warnings } = importText('2021年工作总结\n一、工作\n(一)甲\n二、存在的问题\n正文。\n三、下步打算\n正文。')
    const repaired = validate(doc, { repairs: warnings }).filter((f) => f.code === 'import-repaired')
    expect(repaired).toEqual([expect.objectContaining({ severity: 'info', line: 3 })])
    expect(repaired[0]!.message).toMatch(/^第 3 行/)
  })
})

describe('the sign-off date', () => {
  const dated = (date: string) => importText(`${draft}\n总之，各项工作稳步推进。\n某街道办事处\n${date}`).doc
  const dateFindings = (date: string) => validate(dated(date)).filter((f) => f.code === 'date-format')

  it('written with a leading zero, full-width or in Chinese numerals, is a warning giving it as GB/T 9704 writes it, at the date', () => {
    for (const [written, standard] of [
      ['2021年07月01日', '2021年7月1日'],
      ['２０２１年７月１日', '2021年7月1日'],
      ['二〇二一年七月一日', '2021年7月1日'],
      ['二○二一年十二月三十一日', '2021年12月31日'],
    ] as const) {
      const doc = dated(written)
      const [finding, ...more] = dateFindings(written)
      expect(more).toEqual([])
      expect(finding).toMatchObject({ severity: 'warning', path: '$.signOff.date', where: '落款' })
      expect(finding!.message).toBe(`落款日期「${written}」应写作「${standard}」：成文日期用阿拉伯数字，年份写全，月、日不编虚位`)
      expect(doc.resolve(finding!.pos! + 1).parent.type.name).toBe('date')
    }
  })

  it('written as the standard writes it, spaces aside, is not flagged', () => {
    expect(dateFindings('2021年7月1日')).toEqual([])
    expect(dateFindings('2021年12月31日')).toEqual([])
  })
})
