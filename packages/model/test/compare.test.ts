import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { compareSummaries, describeChange, importText, toSummary } from '../src/index.ts'
import { arbDoc } from './arbitrary.ts'

const summaryOf = (lines: string[]) => toSummary(importText(lines.join('\n')).doc)

describe('compareSummaries', () => {
  it('finds nothing between a summary and itself (property)', () => {
    fc.assert(
      fc.property(arbDoc, (doc) => {
        expect(compareSummaries(toSummary(doc), toSummary(doc))).toEqual([])
      }),
      { numRuns: 60 },
    )
  })

  it('a subsection moved under another section is one move, told with both places', () => {
    const older = summaryOf(['示范局2024年工作总结', '一、党建工作', '（一）理论学习', '组织学习12次。', '（二）队伍建设', '培训干部20名。', '二、业务工作', '完成项目12个。'])
    const newer = summaryOf(['示范局2024年工作总结', '一、党建工作', '（一）理论学习', '组织学习12次。', '二、业务工作', '完成项目12个。', '（一）队伍建设', '培训干部20名。'])
    const changes = compareSummaries(older, newer)
    expect(changes).toEqual([{ kind: 'section-moved', title: '队伍建设', from: '一、（二）', to: '二、（一）' }])
    expect(describeChange(changes[0]!)).toBe('移动章节「队伍建设」：一、（二） → 二、（一）')
  })

  it('a retitled section with the same body is the same section; a metric change is told as values', () => {
    const older = summaryOf(['示范局2024年工作总结', '一、主要工作', '新建社区养老服务站6个，覆盖全部街道。'])
    const newer = summaryOf(['示范局2024年工作总结', '一、主要工作成效', '新建社区养老服务站8个，覆盖全部街道。'])
    expect(compareSummaries(older, newer).map(describeChange)).toEqual([
      '修改章节标题 一、：「主要工作」→「主要工作成效」',
      '修改指标 一、第1段 新建社区养老服务站：6个 → 8个',
    ])
  })

  it('a removed section with subsections is one removal', () => {
    const older = summaryOf(['示范局2024年工作总结', '一、党建工作', '（一）理论学习', '组织学习12次。', '（二）队伍建设', '培训干部20名。', '二、业务工作', '完成项目12个。'])
    const newer = summaryOf(['示范局2024年工作总结', '一、业务工作', '完成项目12个。'])
    expect(compareSummaries(older, newer).map(describeChange)).toEqual(['删除章节 一、 党建工作', '章节重新编号「业务工作」：二、 → 一、'])
  })
})
