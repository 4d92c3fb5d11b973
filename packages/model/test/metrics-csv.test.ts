import { describe, it, expect } from 'vitest'
import { importText, toSummary, metricsToCSV } from '../src/index.ts'

describe('metricsToCSV', () => {
  it('lists every metric with its label or context, value, unit and place, quoted where needed', () => {
    const summary = toSummary(importText('工作总结\n一、工作\n培训书记X名，建成22个站点，补助3000-5000元，"新"项目X个。').doc)
    const csv = metricsToCSV(summary)
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('序号,指标,数值,上限,单位,文字,位置,已填写')
    expect(lines).toHaveLength(1 + summary.metrics.length)
    expect(lines[1]).toBe('1,培训书记,,,名,X名,一、,否')
    expect(lines[2]).toBe('2,建成,22,,个,22个,一、,是')
    expect(lines[3]).toBe('3,补助,3000,5000,元,3000-5000元,一、,是')
    expect(lines[4]).toBe('4,"""新""项目",,,个,X个,一、,否')
    expect(metricsToCSV(summary, { bom: true }).startsWith('\ufeff序号')).toBe(true)
  })

  it('gives a value with the zeros after its point as written (12.50, 3.0-3.5)', () => {
    const lines = metricsToCSV(toSummary(importText('工作总结\n一、工作\n投入12.50万元，增长3.0-3.5%。').doc)).trimEnd().split('\r\n')
    expect(lines.slice(1)).toEqual(['1,投入,12.50,,万元,12.50万元,一、,是', '2,增长,3.0,3.5,%,3.0-3.5%,一、,是'])
  })
})
