import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { importText, toSummary, toText, readFields, displayText } from '../src/index.ts'

/** The metrics and blanks of a one-paragraph summary, and its text as read back. */
const read = (paragraph: string) => {
  const source = `标题总结\n${paragraph}`
  const doc = importText(source).doc
  const s = toSummary(doc)
  return { metrics: s.metrics, blanks: s.blanks, text: toText(doc).split('\n').filter(Boolean).join('\n'), source }
}
/** The fields of a piece of text as `kind:text`, the text between them left out. */
const fields = (text: string) => readFields(text).filter((n) => !n.isText).map((n) => `${n.type.name}:${displayText(n)}`)

describe('readFields: only what reads back as written', () => {
  it('reads no part of a number written with digit groups (1,200万元) as a metric', () => {
    for (const t of ['实现利润1,200万元', '总计1,234,567元', '约1，200名', '共1,200.5万元']) {
      expect(fields(t), t).toEqual([])
      const r = read(`${t}。`)
      expect(r.text).toBe(r.source)
    }
    // A comma between two counts is not a digit group.
    expect(fields('完成X项，5个村')).toEqual(['metric:X项', 'metric:5个'])
  })

  it('reads no end of a range joined by —, –, 至 or 到 as a metric', () => {
    for (const t of ['3—5个', '3——5个', '3–5个', '1至2名', '8到10个', 'X至X名', 'X—X个', '3万-5万元', 'X万-X万元', '第1—3名']) {
      expect(fields(t), t).toEqual([])
      const r = read(`新建${t}。`)
      expect(r.metrics, t).toEqual([])
      expect(r.text).toBe(r.source)
    }
    // Counts on either side of a word are each a metric; names stay blanks; `-` is a range metric.
    expect(fields('由3个增加到5个')).toEqual(['metric:3个', 'metric:5个'])
    expect(fields('3个至5个')).toEqual(['metric:3个', 'metric:5个'])
    expect(fields('从X至X村')).toEqual(['blank:X', 'blank:X'])
    expect(readFields('3-5万元').map((n) => n.attrs)).toEqual([expect.objectContaining({ value: 3, range: true, upper: 5, unit: '万元' })])
  })

  it('leaves a range joined by ～, ~ or － as text, since a range metric shows `-`', () => {
    for (const t of ['2～3期', '4~6个', '7－9处', 'X～X个']) {
      expect(fields(t), t).toEqual([])
      const r = read(`举办培训${t}。`)
      expect(r.text).toBe(r.source)
    }
  })

  it('reads 个百分点 and 百分点 as units', () => {
    const { metrics, text, source } = read('增幅比去年提高2.5个百分点，下降X百分点。')
    expect(metrics.map((m) => [m.text, m.value, m.unit])).toEqual([
      ['2.5个百分点', 2.5, '个百分点'],
      ['X百分点', null, '百分点'],
    ])
    expect(text).toBe(source)
  })

  it('reads a scale before a unit (1.5万名, X万份), a unit that starts with the scale still winning', () => {
    const { metrics, blanks, text, source } = read('培训1.5万名，建成2万个，服务3千名，发放X万份，接待X万人次，新增5千米，投入X万元，覆盖X万多人，投资1000多万元。')
    expect(metrics.map((m) => [m.text, m.value, m.scale, m.approx, m.unit])).toEqual([
      ['1.5万名', 1.5, '万', '', '名'],
      ['2万个', 2, '万', '', '个'],
      ['3千名', 3, '千', '', '名'],
      ['X万份', null, '万', '', '份'],
      ['X万人次', null, '', '', '万人次'],
      ['5千米', 5, '', '', '千米'],
      ['X万元', null, '', '', '万元'],
      ['X万多人', null, '万', '多', '人'],
      ['1000多万元', 1000, '', '多', '万元'],
    ])
    expect(blanks).toEqual([])
    expect(text).toBe(source)
  })

  it('gives back every text exactly as written (property)', () => {
    const pieces = ['1', '2', '0', '5', '12', '.', 'X', 'XX', 'x', '×', 'Ｘ', '-', '－', '~', '～', '—', '–', '至', '到', ',', '，', '十', '百', '千', '万', '亿', '余', '多', '个', '名', '人', '人次', '万元', '元', '%', '百分点', '部', '门', '第', '年', '月', '日', '的', 'A']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), (text) => {
        expect(readFields(text).map(displayText).join('')).toBe(text)
      }),
      { numRuns: 3000 },
    )
  })

  it('keeps numbers whose zeros a number would lose as text (5.0%, 05名)', () => {
    expect(fields('增长5.0%，培训05名，达到10.50%')).toEqual([])
  })
})

describe('importText: the sign-off date', () => {
  const withSignOff = (date: string) => `某局2023年工作总结\n今年以来，我局认真工作。\n一、主要工作\n一是抓学习。\n某某局\n${date}`

  it('reads a date written with ○ or in full-width digits, as written', () => {
    for (const date of ['二○二三年十二月二十八日', '二〇二三年十二月三十一日', '２０２３年１２月２８日', '2023年12月28日']) {
      const doc = importText(withSignOff(date)).doc
      expect(toSummary(doc).signOff, date).toEqual({ organization: '某某局', date })
      expect(toText(doc).split('\n').filter(Boolean).join('\n')).toBe(withSignOff(date))
    }
  })

  it('takes no month past 12, no day past 31 and no date without a day for a sign-off', () => {
    for (const date of ['2023年13月45日', '2023年12月32日', '2023年0月1日', '二〇二三年十三月一日', '二〇二三年十二月四十日', '2023年12月']) {
      const doc = importText(withSignOff(date)).doc
      expect(toSummary(doc).signOff, date).toBeUndefined()
      expect(toText(doc).split('\n').filter(Boolean).join('\n')).toBe(withSignOff(date))
    }
  })
})
