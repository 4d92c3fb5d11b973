import { describe, expect, it } from 'vitest'
import { DOMParser } from 'linkedom'
import { importText, toSummary } from '@zongjie/model'
import { importDocx, toDocx, type ParseXml } from '../src/index.ts'
import { DocxPackage } from './docx-reading.ts'

/**
 * Text holding characters XML cannot write (U+FFFE, U+FFFF, C0 controls, a lone surrogate), as it
 * comes pasted from damaged files: the Word file must still open, and read back as the summary.
 */

const parseXml: ParseXml = (xml) => new DOMParser().parseFromString(xml, 'text/xml') as unknown as ReturnType<ParseXml>

/** Characters no XML 1.0 part may contain, in any form. */
const notInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#x0*(?:[0-8bcef]|1[0-9a-f]|fff[ef]);|&#0*(?:[0-8]|1[1-24-9]|2[0-9]|3[01]|6553[45]);/i

const text = [
  '某区文旅局2025年\uffff上半年工作总结',
  '上半年，我局\ufffe扎实推进各项工作，𠮷安镇接待游客12万人次。',
  '一、主要工作',
  '一是办好节会\u000b活动。举办活动8场。',
  '二是提升服务\ud800质量。',
].join('\n')

describe('a summary with characters XML cannot hold', () => {
  it('exports a Word file whose every part is well-formed XML', async () => {
    const pkg = new DocxPackage(await toDocx(importText(text).doc))
    for (const path of Object.keys(pkg.files).filter((p) => /\.(xml|rels)$/.test(p))) {
      expect(pkg.text(path), path).not.toMatch(notInXml)
    }
    const body = pkg.bodyParagraphs().map((p) => p.textContent)
    expect(body).toContain('上半年，我局扎实推进各项工作，𠮷安镇接待游客12万人次。')
    expect(body).toContain('一是办好节会活动。举办活动8场。')
    expect(body).toContain('二是提升服务\ufffd质量。')
    expect(pkg.text('docProps/core.xml')).toContain('<dc:title>某区文旅局2025年上半年工作总结</dc:title>')
  })

  it('reads back as the summary it was made from, without taking the file for edited', async () => {
    // (A C0 control character has no place in Summary JSON: such a file is read from its text.)
    const doc = importText(text.replace('\u000b', '')).doc
    const read = importDocx(await toDocx(doc), parseXml)
    expect(read.source).toBe('embedded')
    expect(read.warnings).toEqual([])
    expect(toSummary(read.doc).preamble).toEqual(toSummary(doc).preamble)
  })
})
