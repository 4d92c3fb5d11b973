import { beforeAll, describe, expect, it } from 'vitest'
import { draft, draftMetrics, filled, repaired } from './fixtures.ts'
import { lines, tempDir, writeFiles, zongjie } from './helpers.ts'

describe('zongjie validate', () => {
  const dir = tempDir()
  beforeAll(() => writeFiles(dir, { 'draft.txt': draft, 'filled.txt': filled, 'repaired.txt': repaired }))

  it('lists each unfilled metric with its place and exits 1', async () => {
    const r = await zongjie(['validate', 'draft.txt'], { cwd: dir })
    expect(r.status).toBe(1)
    const unfilled = lines(r.stdout).filter((l) => l.includes(' metric-unfilled '))
    expect(unfilled).toHaveLength(draftMetrics.length)
    unfilled.forEach((line, i) => {
      const { text, where } = draftMetrics[i]!
      // `级别 代码 位置: 说明`
      expect(line).toMatch(/^错误 metric-unfilled \S+: \S/)
      expect(line.startsWith(`错误 metric-unfilled ${where}: `)).toBe(true)
      expect(line).toContain(text.slice(0, 2))
    })
    expect(r.stderr).toBe(`draft.txt: ${draftMetrics.length} 个错误，0 个警告，0 条建议，0 条提示\n`)
  })

  it('says each field’s place once, a field in a heading as its section’s 标题, quoting the words around it', async () => {
    const fields = ['溪口镇2024年一季度工作总结', '一季度，全镇新增市场主体X户。', '一、X个重点项目建设情况', '完成投资X万元，开工X、X两个项目。', '二、存在的问题', '项目储备不足。', '三、下步打算', '再谋划X个项目。'].join('\n')
    writeFiles(dir, { 'fields.txt': fields })
    const r = await zongjie(['validate', 'fields.txt'], { cwd: dir })
    expect(lines(r.stdout)).toEqual([
      '错误 metric-unfilled 导语: 指标「全镇新增市场主体X户」未填写数字',
      '错误 metric-unfilled 第一部分标题: 指标「X个重点项目建设情况」未填写数字',
      '错误 metric-unfilled 第一部分: 指标「完成投资X万元」未填写数字',
      '错误 blank-unfilled 第一部分: 「开工【X】、X两个项目」中的名称未填写',
      '错误 blank-unfilled 第一部分: 「开工X、【X】两个项目」中的名称未填写',
      '错误 metric-unfilled 第三部分: 指标「再谋划X个项目」未填写数字',
    ])
  })

  it('names every place in words: a plans section without a number, a work item, the whole summary as 全文', async () => {
    const text = ['溪口镇2024年上半年工作总结', '上半年，全镇扎实推进各项工作。', '一、主要工作', '一是走访企业。二是新增市场主体X户。', '明年工作计划', ''].join('\n')
    writeFiles(dir, { 'places.txt': text })
    const out = lines((await zongjie(['validate', 'places.txt'], { cwd: dir })).stdout)
    expect(out).toEqual([
      '错误 metric-unfilled 第一部分第2项: 指标「新增市场主体X户」未填写数字',
      '警告 section-empty “下步打算”部分: 「明年工作计划」部分还没有内容',
      '警告 problems-missing 全文: 缺少“存在的问题”部分：总结一般应写明工作中的不足',
      '警告 plans-period-conflict “下步打算”部分: 上半年总结的工作计划应写下半年，「明年工作计划」写的是明年',
    ])
  })

  it('exits 0 on the same draft with the metrics filled', async () => {
    const r = await zongjie(['validate', 'filled.txt'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('filled.txt: 没有发现问题\n')
  })

  it('reports the importer’s repairs by line, without failing on them', async () => {
    const r = await zongjie(['validate', 'repaired.txt'], { cwd: dir })
    const out = lines(r.stdout)
    expect(out).toContain('提示 import-repaired 第5行: 序号中的半角括号已改为全角括号')
    expect(out).toContain('提示 import-repaired 第9行: 「三是」与前后顺序不符，已改为「二是」')
    expect(out.some((l) => l.startsWith('警告 problems-missing '))).toBe(true)
    expect(out.every((l) => !l.startsWith('错误 '))).toBe(true)
    expect(r.status).toBe(0)
  })

  it('validates Summary JSON and standard input the same way', async () => {
    const json = (await zongjie(['import', 'draft.txt'], { cwd: dir })).stdout
    writeFiles(dir, { 'draft.json': json })
    const fromFile = await zongjie(['validate', 'draft.txt'], { cwd: dir })
    const fromJson = await zongjie(['validate', 'draft.json'], { cwd: dir })
    const fromStdin = await zongjie(['validate', '-'], { cwd: dir, input: filled })
    expect(fromJson.status).toBe(1)
    expect(fromJson.stdout).toBe(fromFile.stdout)
    expect(fromStdin.status).toBe(0)
  })
})
