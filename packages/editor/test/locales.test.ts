import { describe, it, expect } from 'vitest'
import { languages, catalogFor, loadCatalog, zhCN, type Catalog } from '../src/locales/index.ts'
import { en } from '../src/locales/en.ts'

const catalogs = { 'zh-CN': zhCN, en }
import { versionsCatalogs, versionsZhCN, versionsEn } from '../src/locales/versions/index.ts'
import { commentsCatalogs, commentsZhCN, commentsEn } from '../src/locales/comments/index.ts'
import { suggestionsCatalogs, suggestionsZhCN, suggestionsEn } from '../src/locales/suggestions/index.ts'
import { reviewTime, type Finding } from '@zongjie/model'

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
