import { describe, it, expect } from 'vitest'
import { newFromTemplate, validate } from '@zongjie/model'
import { toDocx, DocxExportError } from '../src/index.ts'
import { DocxPackage, paragraphText } from './docx-reading.ts'
import { everyPart } from './write-fixtures.ts'
import { doc, p } from '../../model/test/arbitrary.ts'

const errorsOf = (d: Parameters<typeof validate>[0]) => validate(d).filter((f) => f.severity === 'error')

describe('final export (定稿)', () => {
  it('refuses a draft with errors, naming them in Chinese, with the findings attached', async () => {
    const draft = newFromTemplate('hospital', { organization: '示范县人民医院', year: 2024, period: 'first-half' })
    const errors = errorsOf(draft)
    expect(errors.length).toBeGreaterThan(3)
    const failure = await toDocx(draft, { final: true }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(DocxExportError)
    const error = failure as DocxExportError
    expect(error.findings).toEqual(errors)
    expect(error.message).toContain(`${errors.length} 处错误`)
    expect(error.message).toContain('定稿')
    for (const f of errors.slice(0, 3)) expect(error.message).toContain(f.message.replace(/[。；]$/, ''))
    expect(error.message).not.toContain(errors[3]!.message)
  })

  it('names a single error without “等”', async () => {
    const draft = doc({ title: '', preamble: [p('今年以来，各项工作稳步推进。')] })
    const errors = errorsOf(draft)
    expect(errors.map((f) => f.code)).toEqual(['title-missing'])
    await expect(toDocx(draft, { final: true })).rejects.toThrow(/^文稿还有 1 处错误，不能导出定稿：标题为空[^等]*$/)
  })

  it('exports a draft with errors when not final, its X still visible', async () => {
    const draft = everyPart()
    expect(errorsOf(draft).length).toBeGreaterThan(0)
    const pkg = new DocxPackage(await toDocx(draft))
    expect(pkg.bodyParagraphs().map(paragraphText).join('\n')).toContain('新纳入低保对象X户')
  })

  it('exports a finished summary as final; warnings and advice do not block it', async () => {
    const finished = everyPart({ filled: true })
    expect(errorsOf(finished)).toEqual([])
    const pkg = new DocxPackage(await toDocx(finished, { final: true }))
    const text = pkg.bodyParagraphs().map(paragraphText).join('\n')
    expect(text).toContain('三是加强临时救助，救助3-5人次。')
    expect(text).not.toMatch(/X/)
    const untitled = doc({ title: '示范单位工作情况', preamble: [p('今年以来，各项工作稳步推进。')] })
    expect(errorsOf(untitled)).toEqual([])
    expect(validate(untitled).some((f) => f.severity === 'warning')).toBe(true)
    await expect(toDocx(untitled, { final: true })).resolves.toBeInstanceOf(Uint8Array)
  })
})
