import { describe, it, expect } from 'vitest'
import { Transform } from 'prosemirror-transform'
import { importText, placeName, validate } from '../src/index.ts'

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
    expect(unfilled[2]!.message).toBe('第二部分第2项：「X社区设施老旧」中的名称未填写')
    expect(unfilled[0]!.path).toBe('$.sections[0].sections[0].body[0].runs[1]')
    // The position points at the field itself.
    expect(doc.nodeAt(unfilled[0]!.pos!)?.type.name).toBe('metric')
    expect(doc.nodeAt(unfilled[2]!.pos!)?.type.name).toBe('blank')
  })

  it('flags an empty section, and nothing else, on a complete draft', () => {
    const { doc } = importText(draft)
    const others = validate(doc).filter((f) => f.severity !== 'error')
    // Placed in full: the （二） of section 一、, not of another section.
    expect(others.map((f) => [f.code, f.where, f.message])).toEqual([['section-empty', '一、（二）', '「（二）民生服务」部分还没有内容']])
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

  it('checks the plans of a draft with no period in its meta against the period its title names', () => {
    const typed = (text: string) => {
      const { doc } = importText(text)
      // As written in the editor from a blank page: the title typed, no period kept beside it.
      return doc.type.create({ ...doc.attrs, year: null, period: null }, doc.content)
    }
    const plans = (text: string) => validate(typed(text)).filter((f) => f.code === 'plans-period-conflict' || f.code === 'title-period-conflict')
    const firstHalf = '某街道办事处2024年上半年工作总结\n一、主要工作\n开展走访。\n二、存在的问题\n力量不足。\n三、明年工作计划\n补齐短板。'
    expect(plans(firstHalf).map((f) => [f.code, f.where, f.message])).toEqual([['plans-period-conflict', '三、', '上半年总结的工作计划应写下半年，「明年工作计划」写的是明年']])
    expect(plans(firstHalf.replace('明年工作计划', '下半年工作计划'))).toEqual([])
    // A title that names no period: nothing to check against.
    expect(plans(firstHalf.replace('2024年上半年', ''))).toEqual([])
  })

  it('places a plans heading that contradicts the period as the plans section, numbered or not', () => {
    const text = '某街道办事处2024年上半年工作总结\n一、主要工作\n开展走访。\n二、存在的问题\n力量不足。\n明年工作计划\n补齐短板。'
    const { doc } = importText(text)
    const [conflict] = validate(doc).filter((f) => f.code === 'plans-period-conflict')
    expect(conflict!.where).toBe('（计划）')
    expect(placeName(conflict!.where!)).toBe('“下步打算”部分')
  })

  it('reports what the importer repaired as information, with the line', () => {
    const { doc, warnings } = importText('2021年工作总结\n一、工作\n(一)甲\n二、存在的问题\n正文。\n三、下步打算\n正文。')
    const repaired = validate(doc, { repairs: warnings }).filter((f) => f.code === 'import-repaired')
    expect(repaired).toEqual([expect.objectContaining({ severity: 'info', line: 3 })])
    expect(repaired[0]!.message).toMatch(/^第 3 行/)
  })
})

describe('the place a finding names', () => {
  // A draft of our own with an unfilled field in every kind of place.
  const everywhere = [
    '东湖街道X社区2023年上半年工作总结',
    '上半年，社区共走访居民X户，办结诉求X件。',
    '一、X项民生实事推进情况',
    '全年计划完成X项。',
    '一是改造老旧楼道X处；二是联系X物业公司进驻。',
    '（一）X工程。已完工X栋。',
    '二、存在的问题',
    '一是X小区停车位紧张。',
    '三、下半年工作打算',
    '一是新增充电桩X个。',
    '总之，我们将再走访X户。',
  ].join('\n')

  it('names each place so that it reads in a sentence: the title, the opening, a section (第一部分), its heading, a subsection, the problems, the plans and the closing', () => {
    const messages = validate(importText(everywhere).doc).filter((f) => f.severity === 'error').map((f) => [f.where, f.message])
    expect(messages).toEqual([
      ['标题', '标题：「东湖街道X社区2023年…」中的名称未填写'],
      ['导语', '导语：指标「社区共走访居民X户」未填写数字'],
      ['导语', '导语：指标「办结诉求X件」未填写数字'],
      ['一、', '第一部分标题：指标「X项民生实事推进情况」未填写数字'],
      ['一、', '第一部分：指标「全年计划完成X项」未填写数字'],
      ['一、', '第一部分第1项：指标「改造老旧楼道X处」未填写数字'],
      ['一、', '第一部分第2项：「联系X物业公司进驻」中的名称未填写'],
      ['一、（一）', '第一部分（一）标题：「X工程」中的名称未填写'],
      ['一、（一）', '第一部分（一）：指标「已完工X栋」未填写数字'],
      ['二、', '第二部分第1项：「X小区停车位紧张」中的名称未填写'],
      ['三、', '第三部分第1项：指标「新增充电桩X个」未填写数字'],
      ['结尾', '结尾：指标「我们将再走访X户」未填写数字'],
    ])
  })

  it('names problems and plans sections without a number by what they are, and an untitled section by its place', () => {
    const doc = importText(['2023年工作总结', '存在的问题', '一是X个网格无专职人员。', '下步打算', '一是招聘X名网格员。'].join('\n')).doc
    const messages = validate(doc).filter((f) => f.code !== 'problems-missing').map((f) => f.message)
    expect(messages).toContain('“存在的问题”部分第1项：指标「X个网格无专职人员」未填写数字')
    expect(messages).toContain('“下步打算”部分第1项：指标「招聘X名网格员」未填写数字')
  })

  it('names a numbered section with no heading by its place, and a level written 1. as 第1条', () => {
    const imported = importText(['2023年工作总结', '一、甲', '（一）乙', '1.丙', '二、存在的问题', '不足。', '三、下步打算', '打算。'].join('\n')).doc
    // The three headings of section 一、 emptied, the last first.
    const tr = new Transform(imported)
    const headings: [number, number][] = []
    imported.descendants((node, pos) => {
      if (node.type.name === 'heading' && '甲乙丙'.includes(node.textContent)) headings.push([pos + 1, pos + node.nodeSize - 1])
    })
    for (const [from, to] of headings.reverse()) tr.delete(from, to)
    const doc = tr.doc
    const found = validate(doc).filter((f) => f.code === 'heading-empty' || f.code === 'section-empty').map((f) => [f.code, f.where, f.message])
    expect(found).toEqual([
      ['heading-empty', '一、', '第一部分没有标题：请填写标题'],
      ['heading-empty', '一、（一）', '第一部分（一）没有标题：请填写标题'],
      ['heading-empty', '一、（一）1.', '第一部分（一）第1条没有标题：请填写标题'],
      ['section-empty', '一、（一）1.', '第一部分（一）第1条还没有内容'],
    ])
  })

  it('names a level written 1. as 第1条 wherever it stands in a place', () => {
    expect(placeName('一、（二）1.（3）')).toBe('第一部分（二）第1条（3）')
    expect(placeName('（计划）2.')).toBe('“下步打算”部分第2条')
  })
})

describe('the words a finding quotes around a field', () => {
  const quoted = (paragraph: string) =>
    validate(importText(`2023年工作总结\n一、工作\n${paragraph}\n二、存在的问题\n不足。\n三、下步打算\n打算。`).doc)
      .filter((f) => f.severity === 'error')
      .map((f) => f.message)

  it('are the field’s clause: back to the mark before it, on to the mark after it', () => {
    expect(quoted('今年，我们组织走访挂钩点X社区，慰问困难群众。')).toEqual(['第一部分：「我们组织走访挂钩点X社区」中的名称未填写'])
  })

  it('are cut with … past 16 characters before the field and 8 after it', () => {
    expect(quoted('依托新时代文明实践站持续开展志愿服务走访X户困难家庭和空巢老人及留守儿童。')).toEqual([
      '第一部分：指标「…文明实践站持续开展志愿服务走访X户困难家庭和空巢…」未填写数字',
    ])
  })

  it('go on past a 、 between names, and mark the field in 【】 when others unfilled are quoted with it', () => {
    expect(quoted('先后走访X、X两个社区。')).toEqual([
      '第一部分：「先后走访【X】、X两个社区」中的名称未填写',
      '第一部分：「先后走访X、【X】两个社区」中的名称未填写',
    ])
    expect(quoted('捐赠口罩X个、消毒液X箱。')).toEqual([
      '第一部分：指标「捐赠口罩【X个】、消毒液X箱」未填写数字',
      '第一部分：指标「捐赠口罩X个、消毒液【X箱】」未填写数字',
    ])
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
