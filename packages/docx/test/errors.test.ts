import { describe, it, expect, vi } from 'vitest'
import { constants, deflateRawSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { ImportError } from '@zongjie/model'
import { DocxError, importDocx, maxPartBytes, readDocx, type DocxErrorCode } from '../src/index.ts'
import { buildDocx, oleFile, para, parseXml, rawZip, type RawEntry, failure } from './docx-builder.ts'

// Every Inflate the reader makes is counted, and the bytes they give, so that a test can say
// nothing was inflated, or how much.
const inflates = vi.hoisted(() => ({ count: 0, bytes: 0 }))
vi.mock('fflate', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fflate')>()
  type Handler = (chunk: Uint8Array, final: boolean) => void
  const counted = (handler: unknown) =>
    typeof handler === 'function'
      ? (chunk: Uint8Array, final: boolean) => {
          inflates.bytes += chunk.length
          ;(handler as Handler)(chunk, final)
        }
      : handler
  class CountedInflate extends actual.Inflate {
    constructor(...args: ConstructorParameters<typeof actual.Inflate>) {
      super(...(args.map(counted) as ConstructorParameters<typeof actual.Inflate>))
      inflates.count++
    }
  }
  return { ...actual, Inflate: CountedInflate }
})


function expectRefused(bytes: Uint8Array, code: DocxErrorCode, says: RegExp): DocxError {
  const e = failure(bytes)
  expect(e.code).toBe(code)
  expect(e).toBeInstanceOf(ImportError)
  // One line of Chinese that says what to do.
  expect(e.message).not.toMatch(/\n/)
  expect(e.message).toMatch(/[\u4e00-\u9fff]/)
  expect(e.message).toMatch(says)
  return e
}

const small = () => buildDocx({ body: para('2020年上半年工作总结') + para('一、主要工作') + para('正文。'.repeat(200)) })

/** Deflated data that inflates to `mib` MiB of spaces: one flushed block of 1 MiB, repeated, then a final empty block. */
function bombData(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_FULL_FLUSH, level: 9 })
  const out = new Uint8Array(block.length * mib + 2)
  for (let i = 0; i < mib; i++) out.set(block, i * block.length)
  // BFINAL=1, fixed Huffman codes, end of block.
  out.set([0x03, 0x00], block.length * mib)
  return out
}

/** A package whose document.xml is `document`, with the parts around it a .docx has. */
function bombPackage(document: RawEntry): Uint8Array {
  const stored = (name: string, text: string): RawEntry => {
    const data = strToU8(text)
    return { name, data, method: 0, size: data.length }
  }
  return rawZip([
    stored('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    stored('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    document,
  ])
}

describe('files that are not a .docx, refused before unzipping', () => {
  it('an old Word .doc (an OLE file)', () => {
    inflates.count = 0
    expectRefused(oleFile(['WordDocument', '1Table', '\u0005SummaryInformation']), 'old-format', /另存为 \.docx/)
    expect(inflates.count).toBe(0)
  })

  it('an old WPS .wps (an OLE file too)', () => {
    expectRefused(oleFile(['WordDocument', '0Table', 'WpsCustomData']), 'old-format', /WPS/)
  })

  it('a password-protected .docx (an OLE file holding EncryptedPackage)', () => {
    inflates.count = 0
    expectRefused(oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), 'encrypted', /密码/)
    expect(inflates.count).toBe(0)
  })

  it('a text file renamed .docx', () => {
    expectRefused(strToU8('2020年上半年工作总结\n一、主要工作\n'), 'not-docx', /不是 Word 文档/)
  })

  it('an empty file', () => {
    expectRefused(new Uint8Array(0), 'not-docx', /不是 Word 文档/)
  })
})

describe('zips that are not a readable Word document', () => {
  it('a truncated .docx: the central directory is gone', () => {
    const whole = small()
    expectRefused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'damaged', /损坏或不完整/)
  })

  it('a .docx whose document.xml data is corrupt', () => {
    const whole = small()
    // Find document.xml's data and overwrite it with bytes that are no DEFLATE stream.
    const bytes = whole.slice()
    const name = new TextEncoder().encode('word/document.xml')
    let at = -1
    for (let i = 0; i < bytes.length - 4; i++) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4) {
        const nameLength = bytes[i + 26]! | (bytes[i + 27]! << 8)
        if (nameLength === name.length && name.every((b, k) => bytes[i + 30 + k] === b)) at = i + 30 + nameLength + (bytes[i + 28]! | (bytes[i + 29]! << 8))
      }
    }
    expect(at).toBeGreaterThan(0)
    bytes.fill(0xff, at, at + 40)
    expectRefused(bytes, 'damaged', /损坏/)
  })

  it('a zip with no word/document.xml', () => {
    expectRefused(zipSync({ 'readme.txt': strToU8('hello') }), 'not-docx', /word\/document\.xml/)
  })

  it('an Excel workbook', () => {
    const xlsx = zipSync({
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    })
    expectRefused(xlsx, 'not-docx', /Excel/)
  })

  it('a .docx without package relationships falls back to word/document.xml', () => {
    const bytes = buildDocx({ body: para('2020年上半年工作总结'), noPackageRels: true })
    expect(readDocx(bytes, parseXml).paragraphs.map((p) => p.text)).toEqual(['2020年上半年工作总结'])
  })

  it('a .docx with no text at all', () => {
    expect(() => importDocx(buildDocx({ body: para('') }), parseXml)).toThrow(ImportError)
  })
})

describe('zip bombs', () => {
  it('a part whose central directory declares a huge size: refused before anything is inflated', () => {
    inflates.count = 0
    const data = bombData(2)
    expectRefused(bombPackage({ name: 'word/document.xml', data, method: 8, size: 3 * 1024 * 1024 * 1024 }), 'too-large', /上限/)
    expect(inflates.count).toBe(0)
  })

  it('a part that declares a plausible size but compresses too well: refused before inflating', () => {
    inflates.count = 0
    // 48 MiB from about 50 KB: under the size limit, far over the ratio.
    const data = bombData(48)
    expect(48 * 1024 * 1024).toBeLessThan(maxPartBytes)
    expectRefused(bombPackage({ name: 'word/document.xml', data, method: 8, size: 48 * 1024 * 1024 }), 'too-large', /压缩比/)
    expect(inflates.count).toBe(0)
  })

  it('a part that lies about its size: inflation stops as soon as it passes the size declared', () => {
    // 1 GiB of spaces from about 1 MB, declared as 1,000 bytes.
    const data = bombData(1024)
    const bytes = bombPackage({ name: 'word/document.xml', data, method: 8, size: 1000 })
    const before = process.memoryUsage()
    inflates.bytes = 0
    expectRefused(bytes, 'too-large', /大小/)
    const grown = process.memoryUsage().arrayBuffers - before.arrayBuffers
    // What one step of compressed input gives at most was inflated past the size declared, not the gigabyte.
    expect(inflates.bytes).toBeLessThan(16 * 1024 * 1024)
    // A few MiB of output at most were ever held.
    expect(grown).toBeLessThan(64 * 1024 * 1024)
  })

  it('a part that lies about its size within the ratio: stopped at the size declared', () => {
    // 200 MiB declared as 4 MiB (within the grace below which the ratio is not checked).
    const bytes = bombPackage({ name: 'word/document.xml', data: bombData(200), method: 8, size: 4 * 1024 * 1024 })
    inflates.bytes = 0
    expectRefused(bytes, 'too-large', /大小/)
    expect(inflates.bytes).toBeLessThan(4 * 1024 * 1024 + 16 * 1024 * 1024)
  })
})
