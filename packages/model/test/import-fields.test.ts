import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { importText, toSummary, fromSummary, toText, toHTML, importHTML, readFields, displayText } from '../src/index.ts'
import { halfWidthDigits } from '../src/import/fields.ts'
import { parseHTML } from 'linkedom'

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

  it('reads a duration counted in working days or months with its whole unit (个工作日, 个月), not 个 with words after it', () => {
    expect(fields('审批时限压缩至10个工作日以内')).toEqual(['metric:10个工作日'])
    expect(fields('办结时间由X个工作日缩短至5工作日')).toEqual(['metric:X个工作日', 'metric:5工作日'])
    expect(fields('连续3个月开展排查，走访5个村')).toEqual(['metric:3个月', 'metric:5个'])
    expect(readFields('压缩至10个工作日').filter((n) => !n.isText).map((n) => n.attrs.unit)).toEqual(['个工作日'])
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

  it('gives back every text exactly as written, digits of metrics half-width (property)', () => {
    const pieces = ['1', '2', '0', '5', '12', '.', '０', '５', '１２', '．', 'X', 'XX', 'x', '×', 'Ｘ', '-', '－', '~', '～', '—', '–', '至', '到', ',', '，', '十', '百', '千', '万', '亿', '余', '多', '个', '名', '人', '人次', '万元', '元', '%', '％', '百分点', '部', '门', '第', '年', '月', '日', '的', 'A', 'Ａ']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join('')), (text) => {
        const shown = readFields(text).map(displayText).join('')
        // As long as what it was read from, so that offsets into the text (bold, comments) keep.
        expect(shown.length).toBe(text.length)
        expect(halfWidthDigits(shown)).toBe(halfWidthDigits(text))
        if (!/[０-９．]/.test(text)) expect(shown).toBe(text)
      }),
      { numRuns: 3000 },
    )
  })

  it('reads a number with zeros after its point as a metric that keeps them (5.0%, 12.50万元), a leading zero (05名) as text', () => {
    expect(fields('增长5.0%，培训05名，达到10.50%，投入12.50万元，提高0.50个百分点，共3.0-3.5万元')).toEqual(['metric:5.0%', 'metric:10.50%', 'metric:12.50万元', 'metric:0.50个百分点', 'metric:3.0-3.5万元'])
    expect(readFields('增长5.0%').find((n) => !n.isText)!.attrs).toMatchObject({ value: 5, decimals: 1, unit: '%' })
    expect(readFields('投入12.50万元').find((n) => !n.isText)!.attrs).toMatchObject({ value: 12.5, decimals: 2, unit: '万元' })
    // A number that shows as it is needs nothing kept.
    expect(readFields('投入3.5万元').find((n) => !n.isText)!.attrs).toMatchObject({ value: 3.5, decimals: 0 })
    // The ends of a range show alike: one that the other's zeros would change stays text.
    expect(fields('共3.5-4.00万元')).toEqual([])
    // More zeros than a metric keeps (20 after the point): text, as written.
    expect(fields(`投入1.${'0'.repeat(21)}万元`)).toEqual([])
    expect(fields(`投入1.${'0'.repeat(20)}万元`)).toEqual([`metric:1.${'0'.repeat(20)}万元`])
  })

  it('keeps the zeros through Summary JSON, text, HTML and back (12.50万元)', () => {
    const r = read('全年增长5.0%，支出12.50万元，另有3.5万元，区间3.0-3.5%。')
    expect(r.text).toBe(r.source)
    expect(r.metrics.map((m) => [m.text, m.value, m.decimals])).toEqual([
      ['5.0%', 5, 1],
      ['12.50万元', 12.5, 2],
      ['3.5万元', 3.5, undefined],
      ['3.0-3.5%', 3, 1],
    ])
    const doc = importText(r.source).doc
    const again = fromSummary(JSON.parse(JSON.stringify(toSummary(doc))))
    expect(again.eq(doc)).toBe(true)
    expect(toText(again)).toContain('全年增长5.0%，支出12.50万元，另有3.5万元，区间3.0-3.5%。')
    const html = toHTML(doc)
    expect(html).toContain('data-decimals="2">12.50万元</span>')
    expect(importHTML(html, (h) => parseHTML(h).document).doc.eq(doc)).toBe(true)
  })

  it('reads a metric written in full-width digits as written half-width (１２０名, ３．５万元), and says so on its line', () => {
    const source = '某局2025年工作总结\n今年以来，培训干部１２０名，完成率达到５０％。\n一、主要工作\n投入３.５万元、３．５万元，增长１０．０％。'
    const { doc, warnings } = importText(source)
    expect(toSummary(doc).metrics.map((m) => [m.text, m.value])).toEqual([
      ['120名', 120],
      ['50％', 50],
      ['3.5万元', 3.5],
      ['3.5万元', 3.5],
      ['10.0％', 10],
    ])
    expect(toText(doc)).toContain('今年以来，培训干部120名，完成率达到50％。\n')
    expect(toText(doc)).toContain('投入3.5万元、3.5万元，增长10.0％。')
    expect(warnings.filter((w) => w.code === 'digit-width').map((w) => [w.line, w.message])).toEqual([
      [2, '指标「１２０名」「５０％」中的全角数字已改为半角数字'],
      [4, '指标「３.５万元」「３．５万元」「１０．０％」中的全角数字已改为半角数字'],
    ])
    // Read again from its own text, it is the same, with nothing to report.
    const back = importText(toText(doc))
    expect(back.doc.eq(doc)).toBe(true)
    expect(back.warnings).toEqual([])
  })

  it('leaves full-width digits that are not a metric as written (２０２５年, ＩＳＯ９００１, １，２００万元)', () => {
    for (const t of ['２０２５年', '第２批', 'ＩＳＯ９００１认证', '１，２００万元', '３－５个']) {
      expect(fields(t), t).toEqual([])
      const { doc, warnings } = importText(`标题总结\n${t}。`)
      expect(toText(doc)).toContain(`${t}。`)
      expect(warnings.filter((w) => w.code === 'digit-width')).toEqual([])
    }
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
