// Damaged .docx files that still unzip and parse leniently: a wrong CRC (data damaged in a way
// that still inflates), a part cut short, a tag damaged. Each is refused as damaged, never read as
// a garbled or much shorter document.
import { describe, it, expect } from 'vitest'
import { deflateRawSync } from 'node:zlib'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { importDocx, readDocx } from '../src/index.ts'
import { crc32 } from '../src/read/zip.ts'
import { isWellFormed } from '../src/read/xml.ts'
import { buildDocx, para, paragraphStyle, parseXml, rawZip, type RawEntry, failure } from './docx-builder.ts'

const body = ['2023年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '一是抓学习。', '二、存在的问题', '一是学习不深。', '三、下步打算', '一是加强学习。'].map((t) => para(t)).join('')
const whole = () => buildDocx({ body, styles: paragraphStyle('Normal', 'Normal') })


/** The file with one part's text changed, zipped again (with right CRCs). */
function withPart(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes)
  files[name] = strToU8(change(strFromU8(files[name]!)))
  return zipSync(files)
}

/** The file's parts written again byte by byte, each with `entry`'s changes. */
function rezipped(bytes: Uint8Array, entry: (name: string, data: Uint8Array) => Partial<RawEntry>): Uint8Array {
  return rawZip(Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data, method: 0 as const, size: data.length, ...entry(name, data) })))
}

const refusedAsDamaged = (bytes: Uint8Array, says: RegExp) => {
  const e = failure(bytes)
  expect(e.code).toBe('damaged')
  expect(e.message).toMatch(says)
  expect(e.message).toMatch(/另存为 \.docx 再导入/)
}

describe('a .docx whose data is damaged but still unzips', () => {
  it('reads whole: the untouched file, stored or deflated, with its CRCs checked', () => {
    expect(readDocx(whole(), parseXml).paragraphs).toHaveLength(8)
    expect(readDocx(rezipped(whole(), () => ({})), parseXml).paragraphs).toHaveLength(8)
  })

  it('refuses a stored part whose bytes are not those its CRC was taken of', () => {
    const bytes = rezipped(whole(), (name, data) => {
      if (name !== 'word/document.xml') return {}
      // A byte of a Chinese character changed: the text still decodes, garbled.
      const damaged = data.slice()
      const at = data.indexOf(0xe4, data.length >> 1)
      expect(at).toBeGreaterThan(0)
      damaged[at] ^= 0x01
      return { data: damaged, crc: crc32(data) }
    })
    refusedAsDamaged(bytes, /word\/document\.xml.*校验值不符/)
  })

  it('refuses a deflated part whose data was damaged and still inflates', () => {
    const bytes = rezipped(whole(), (name, data) => {
      if (name !== 'word/document.xml') return {}
      // Deflate in stored blocks (level 0), so that a damaged byte of the text still inflates.
      const deflated = new Uint8Array(deflateRawSync(data, { level: 0 }))
      const at = deflated.indexOf(0xe4, deflated.length >> 1)
      expect(at).toBeGreaterThan(0)
      deflated[at] ^= 0x01
      return { data: deflated, method: 8, crc: crc32(data) }
    })
    refusedAsDamaged(bytes, /word\/document\.xml.*校验值不符/)
  })

  it('refuses a part whose CRC the directory records wrong', () => {
    const bytes = rezipped(whole(), (name, data) => (name === 'word/styles.xml' ? { crc: crc32(data) ^ 1 } : {}))
    refusedAsDamaged(bytes, /word\/styles\.xml/)
  })
})

describe('a .docx whose XML is cut short or has a damaged tag', () => {
  it('refuses document.xml cut after a paragraph', () => {
    const bytes = withPart(whole(), 'word/document.xml', (xml) => xml.slice(0, xml.indexOf('</w:p>', xml.indexOf('二、存在的问题')) + 6))
    refusedAsDamaged(bytes, /「word\/document\.xml」不是完好的 XML/)
  })

  it('refuses document.xml cut inside a tag', () => {
    const bytes = withPart(whole(), 'word/document.xml', (xml) => xml.slice(0, xml.indexOf('</w:p>') + 6) + '<w:p')
    refusedAsDamaged(bytes, /「word\/document\.xml」不是完好的 XML/)
  })

  it('refuses document.xml with an end tag that closes another element', () => {
    const bytes = withPart(whole(), 'word/document.xml', (xml) => xml.replace('</w:t></w:r></w:p>', '</w:t></w:r></w:x>'))
    refusedAsDamaged(bytes, /「word\/document\.xml」不是完好的 XML/)
  })

  it('refuses a styles part cut short, and reads the document past a damaged custom XML part', () => {
    refusedAsDamaged(
      withPart(whole(), 'word/styles.xml', (xml) => xml.slice(0, -12)),
      /「word\/styles\.xml」不是完好的 XML/,
    )
    const files = unzipSync(whole())
    files['customXml/item1.xml'] = strToU8('<zj:summary xmlns:zj="https://zongjie.example/summary">{"version":1')
    expect(() => importDocx(zipSync(files), parseXml)).not.toThrow()
  })
})

describe('isWellFormed', () => {
  it('takes what XML allows around and inside the root', () => {
    for (const xml of [
      '<a/>',
      '\ufeff<?xml version="1.0"?>\n<a/>\n',
      '<!DOCTYPE a [ <!ENTITY x "y"> ]><a>&x;</a>',
      '<!-- before --><a b="1>2" c=\'"/>\' d = "x"><b/><c></c ><![CDATA[<d>]]><?pi x?><!-- <e> --></a><!-- after -->',
      '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t xml:space="preserve"> a > b </w:t></w:r></w:p></w:body></w:document>',
    ]) expect(isWellFormed(xml), xml).toBe(true)
  })

  it('refuses what is cut short, mismatched, outside the root or unended', () => {
    for (const xml of [
      '',
      'text',
      '<a>',
      '<a></b>',
      '<a><b></a></b>',
      '<a/><b/>',
      '<a/>tail',
      'head<a/>',
      '<a><b',
      '<a b="1></a>',
      '<a><!-- x </a>',
      '<a><![CDATA[ x </a>',
      '<a><?pi </a>',
      '<![CDATA[x]]><a/>',
      '< a/>',
      '<a></a></a>',
    ]) expect(isWellFormed(xml), xml).toBe(false)
  })
})
