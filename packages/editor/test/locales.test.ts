import { describe, it, expect } from 'vitest'
import { languages, catalogFor, loadCatalog, zhCN, type Catalog } from '../src/locales/index.ts'
import { en } from '../src/locales/en.ts'

const catalogs = { 'zh-CN': zhCN, en }
import { versionsCatalogs, versionsZhCN, versionsEn } from '../src/locales/versions/index.ts'
import { commentsCatalogs, commentsZhCN, commentsEn } from '../src/locales/comments/index.ts'
import { suggestionsCatalogs, suggestionsZhCN, suggestionsEn } from '../src/locales/suggestions/index.ts'
import { reviewTime, validate, type Finding } from '@zongjie/model'
import { importText } from '@zongjie/model/read'

const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/

/** Every string a catalogue can produce, functions called with sample arguments. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (typeof value === 'function') {
    const finding: Finding = { code: 'metric-unfilled', severity: 'error', message: '（模型的消息）', where: 'WHERE' }
    const args = value.length === 1 && path.endsWith('message') ? [finding] : ['LABEL', 'UNIT', 'TEXT', true].slice(0, Math.max(value.length, 1))
    return [[path, String((value as (...a: unknown[]) => unknown)(...args))]]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k))
  return []
}

describe('locales', () => {
  it('English has every string Chinese has, and none of them in Chinese', () => {
    const zh = strings(zhCN).map(([p]) => p)
    const english = strings(en)
    expect(english.map(([p]) => p)).toEqual(zh)
    for (const [path, text] of english) expect(text, path).not.toMatch(cjk)
  })

  it('the versions panel, whose strings load with it, has them in every language of the editor, English in English', () => {
    expect(Object.keys(versionsCatalogs).sort()).toEqual(Object.keys(catalogs).sort())
    for (const [lang, catalog] of Object.entries(versionsCatalogs)) {
      expect(catalog.lang).toBe(lang)
      for (const [path, text] of strings(catalog)) expect(text.trim(), `${lang} ${path}`).not.toBe('')
    }
    const english = strings(versionsEn)
    expect(english.map(([p]) => p)).toEqual(strings(versionsZhCN).map(([p]) => p))
    for (const [path, text] of english) expect(text, path).not.toMatch(cjk)
    // Times in the catalogue's language, in Beijing time as the review HTML gives them, whatever the machine's zone; a time that is not one is shown as given.
    const time = '2024-07-10T06:05:00Z'
    expect(versionsZhCN.time(time)).toBe('2024年7月10日 14:05')
    expect(versionsZhCN.time(time)).toBe(reviewTime(time))
    expect(versionsEn.time(time)).toMatch(/^Jul 10, 2024, 2:05\sPM \(UTC\+8\)$/)
    expect(versionsZhCN.time('2024-07-10T17:30:00Z')).toBe('2024年7月11日 01:30')
    expect(versionsEn.time('2024-07-10T17:30:00Z')).toMatch(/^Jul 11, 2024, 1:30\sAM \(UTC\+8\)$/)
    expect(versionsEn.time('LABEL')).toBe('LABEL')
  })

  it('the comments panel, whose strings load with it, has them in every language of the editor, English in English', () => {
    expect(Object.keys(commentsCatalogs).sort()).toEqual(Object.keys(catalogs).sort())
    for (const [lang, catalog] of Object.entries(commentsCatalogs)) {
      expect(catalog.lang).toBe(lang)
      for (const [path, text] of strings(catalog)) expect(text.trim(), `${lang} ${path}`).not.toBe('')
    }
    const english = strings(commentsEn)
    expect(english.map(([p]) => p)).toEqual(strings(commentsZhCN).map(([p]) => p))
    for (const [path, text] of english) expect(text, path).not.toMatch(cjk)
    const time = '2024-07-10T06:05:00Z'
    expect(commentsZhCN.time(time)).toBe('2024年7月10日 14:05')
    expect(commentsZhCN.time('2024-07-10T17:30:00Z')).toBe('2024年7月11日 01:30')
    expect(commentsEn.time('2024-07-10T17:30:00Z')).toMatch(/^Jul 11, 2024, 1:30\sAM \(UTC\+8\)$/)
  })

  it('the suggestions panel, whose strings load with it, has them in every language of the editor, English in English', () => {
    expect(Object.keys(suggestionsCatalogs).sort()).toEqual(Object.keys(catalogs).sort())
    for (const [lang, catalog] of Object.entries(suggestionsCatalogs)) {
      expect(catalog.lang).toBe(lang)
      for (const [path, text] of strings(catalog)) expect(text.trim(), `${lang} ${path}`).not.toBe('')
    }
    const english = strings(suggestionsEn)
    expect(english.map(([p]) => p)).toEqual(strings(suggestionsZhCN).map(([p]) => p))
    for (const [path, text] of english) expect(text, path).not.toMatch(cjk)
    expect(suggestionsZhCN.accepted(3)).toBe('已接受 3 处修订（Ctrl+Z 可撤销）')
    expect(suggestionsEn.accepted(1)).toBe('1 suggestion accepted (Ctrl+Z to undo)')
  })

  it('every catalogue is complete: no empty string', () => {
    for (const catalog of Object.values(catalogs)) for (const [path, text] of strings(catalog)) expect(text.trim(), `${catalog.lang} ${path}`).not.toBe('')
  })

  it('English findings name their place in English and quote the words the Chinese message quotes', () => {
    const { doc } = importText(
      [
        '示范县民政局工作总结',
        '上半年，全镇新增市场主体X户。',
        '一、X个重点项目建设情况',
        '（一）社区治理',
        '1.网格。完成X个网格划分。',
        '（二）民生服务',
        '存在的问题',
        '一是服务力量不足；二是X社区设施老旧。',
        '下半年工作打算',
        '一是补齐短板。',
        '总之，成绩是主要的。',
        '示范县民政局',
        '2025年07月01日',
      ].join('\n'),
    )
    expect(validate(doc).map((f) => en.findings.message(f))).toEqual([
      'The title names no period (such as the first half of a year): “示范县民政局工作总结” (Title)',
      'A metric is not filled in: “全镇新增市场主体X户” (Opening)',
      'A metric is not filled in: “X个重点项目建设情况” (heading of Section 1)',
      'A metric is not filled in: “完成X个网格划分” (Section 1 (1) point 1)',
      'A section has no content yet: “（二）民生服务” (Section 1 (2))',
      'A name is not filled in: “X社区设施老旧” (Problems)',
      'The sign-off date is not written as GB/T 9704 writes it (Arabic numerals, the year in full, no zero before a month or day): “2025年07月01日” → “2025年7月1日” (Sign-off)',
    ])
    const finding = (where: string, code: Finding['code'] = 'heading-empty', message = '没有标题：请填写标题'): string => en.findings.message({ code, severity: 'warning', message, where })
    expect(finding('三、（十二）4.（2）')).toBe('A section has no heading (Section 3 (12) point 4 (2))')
    expect(finding('（计划）（一）')).toBe('A section has no heading (Plans (1))')
    expect(finding('结尾', 'blank-unfilled', '结尾：「X同志」中的名称未填写')).toBe('A name is not filled in: “X同志” (Closing)')
    // A part a template names is quoted as it is named; an imported line is counted.
    expect(finding('主要成效', 'part-missing', '缺少模板要求的“主要成效”部分')).toBe('A part the template requires is missing (“主要成效”)')
    expect(en.findings.message({ code: 'import-repaired', severity: 'info', message: '第 3 行：……', line: 3 })).toBe('The importer changed the text here (line 3)')
  })

  it('the catalogues are those of the languages the editor has', () => {
    expect(Object.keys(catalogs).sort()).toEqual(Object.keys(languages).sort())
  })

  it('chooses by language tag, zh-CN by default; English once loaded, Chinese until then', async () => {
    expect(catalogFor('en').lang).toBe('zh-CN')
    expect(await loadCatalog('en-GB')).toBe(en)
    expect(loadCatalog('en')).toBeNull()
    expect(catalogFor('en').lang).toBe('en')
    expect(catalogFor('en-GB').lang).toBe('en')
    expect(catalogFor('zh-Hans-CN').lang).toBe('zh-CN')
    expect(catalogFor(null).lang).toBe('zh-CN')
    expect(catalogFor('fr').lang).toBe('zh-CN')
    const check: Catalog = en
    expect(check.findings.message({ code: 'plans-missing', severity: 'warning', message: '缺少' })).toBe('There is no plans section')
  })
})
