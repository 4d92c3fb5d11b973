// The `meta` of Summary JSON: each field refused as the JSON Schema refuses it, by its own path,
// in Chinese, as every other field is.
import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { toSummary, fromSummary, type Summary } from '../src/summary.ts'
import { importText } from '../src/index.ts'
import { refusal } from './refusal.ts'

const copy = (s: Summary): any => JSON.parse(JSON.stringify(s))
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(new URL('../summary.schema.json', import.meta.url), 'utf8')))


describe('fromSummary: meta', () => {
  const read = importText('某县民政局2023年上半年工作总结\n今年以来，我局扎实推进各项工作。\n一、主要工作\n正文。').doc
  const d = read.type.create({ ...read.attrs, organization: '某县民政局', template: 'county-bureau' }, read.content)
  const good = toSummary(d)

  it('accepts every field set as the schema allows', () => {
    expect(good.meta).toEqual({ organization: '某县民政局', year: 2023, period: 'first-half', template: 'county-bureau' })
    expect(fromSummary(copy(good)).eq(d)).toBe(true)
    for (const year of [1949, 2999]) expect(fromSummary({ ...copy(good), meta: { ...good.meta, year } }).attrs.year).toBe(year)
  })

  const cases: [string, unknown, string][] = [
    ['year', 1800, '1949 至 2999'],
    ['year', 3000, '1949 至 2999'],
    ['year', 2023.5, '整数年份'],
    ['year', '2023', '实为 string "2023"'],
    ['year', null, '没有时省略此字段'],
    ['period', 'bogus', '"first-half"（上半年）、"second-half"（下半年）或 "year"（全年）'],
    ['period', 'Year', '"year"（全年）'],
    ['period', null, '没有时省略此字段'],
    ['organization', '', '没有时省略此字段'],
    ['organization', '某县\n民政局', '不能有换行或控制字符'],
    ['organization', '某县\t民政局', '不能有换行或控制字符'],
    ['organization', 12, '一行非空文字'],
    ['template', 'Township', '模板标识'],
    ['template', 'a'.repeat(41), '至多 40 个字符'],
    ['template', 7, '模板标识'],
  ]
  for (const [field, value, says] of cases) {
    it(`refuses ${field} ${JSON.stringify(value)} at $.meta.${field}, in Chinese, as the JSON Schema does`, () => {
      const s = copy(good)
      s.meta[field] = value
      expect(validate(s)).toBe(false)
      const e = refusal(s)
      expect(e.path).toBe(`$.meta.${field}`)
      expect(e.message.startsWith(`$.meta.${field}: 应为`)).toBe(true)
      expect(e.message).toContain(says)
      expect(e.message).not.toMatch(/expected/)
    })
  }

  it('refuses a meta that is not an object, and leaves a field it does not know to the comparison', () => {
    expect(refusal({ ...copy(good), meta: [] }).path).toBe('$.meta')
    expect(refusal({ ...copy(good), meta: { ...good.meta, extra: 1 } }).path).toBe('$.meta.extra')
  })
})
