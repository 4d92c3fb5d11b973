import { describe, it, expect, vi, afterEach } from 'vitest'
import { inflateSync as inflateRawSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { fromSummary, toSummary } from '@zongjie/model'
import { appendToZip, deflateNatively } from '../src/write/zip.ts'
import { toDocx, importDocx, type ParseXml } from '../src/index.ts'
import { DOMParser } from 'linkedom'
import { everyPart } from './write-fixtures.ts'

/** CRC-32 (IEEE), bit by bit: a check independent of the compressor's. */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (const b of bytes) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  }
  return (c ^ 0xffffffff) >>> 0
}

/** Every entry of a zip's central directory: name, CRC-32, sizes and local header offset. */
function centralEntries(zip: Uint8Array) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  let end = zip.length - 22
  while (v.getUint32(end, true) !== 0x06054b50) end--
  const count = v.getUint16(end + 10, true)
  let at = v.getUint32(end + 16, true)
  const out = []
  for (let i = 0; i < count; i++) {
    expect(v.getUint32(at, true)).toBe(0x02014b50)
    const nameLength = v.getUint16(at + 28, true)
    const skip = nameLength + v.getUint16(at + 30, true) + v.getUint16(at + 32, true)
    out.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      flags: v.getUint16(at + 8, true),
      crc: v.getUint32(at + 16, true),
      compressed: v.getUint32(at + 20, true),
      size: v.getUint32(at + 24, true),
      offset: v.getUint32(at + 42, true),
    })
    at += 46 + skip
  }
  return out
}

const parseXml: ParseXml = (xml) => new DOMParser().parseFromString(xml, 'text/xml') as never

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('a part compressed by the platform', () => {
  it('is raw DEFLATE of the text’s UTF-8, with its CRC-32 and size', async () => {
    const text = '<summary>{"title":"城东区民政局2024年上半年工作总结"}</summary>'.repeat(500)
    const part = (await deflateNatively('customXml/item1.xml', text))!
    const bytes = strToU8(text)
    expect(part.path).toBe('customXml/item1.xml')
    expect(part.size).toBe(bytes.length)
    expect(part.crc).toBe(crc32(bytes))
    expect(strFromU8(inflateRawSync(part.data))).toBe(text)
    expect(part.data.length).toBeLessThan(bytes.length / 10)
  })

  it('is the same by CompressionStream where the platform is not Node', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined })
    const pieces = ['<summary>', '{"title":"城东区民政局2024年上半年工作总结"}'.repeat(500), '</summary>']
    const part = (await deflateNatively('customXml/item1.xml', pieces))!
    const bytes = strToU8(pieces.join(''))
    expect(part.size).toBe(bytes.length)
    expect(part.crc).toBe(crc32(bytes))
    expect(strFromU8(inflateRawSync(part.data))).toBe(pieces.join(''))
  })

  it('is left to the packer where the platform has neither Node’s zlib nor CompressionStream', async () => {
    vi.stubGlobal('process', { ...process, getBuiltinModule: undefined })
    vi.stubGlobal('CompressionStream', undefined)
    expect(deflateNatively('a.xml', 'x')).toBeNull()
  })
})

describe('a part added to a packed zip', () => {
  const first = strToU8('<a>第一个文件</a>')
  const second = strToU8('<b>second</b>'.repeat(100))
  const packed = zipSync({ 'word/document.xml': first, 'docProps/app.xml': second })

  it('reads back with the files before it unchanged, its CRC, sizes and offsets right', async () => {
    const text = '{"version":1,"title":"关于<示范>县&的总结"}'.repeat(200)
    const part = (await deflateNatively('customXml/item1.xml', text))!
    const zip = appendToZip(packed, [part])
    const files = unzipSync(zip)
    expect(Object.keys(files)).toEqual(['word/document.xml', 'docProps/app.xml', 'customXml/item1.xml'])
    expect(files['word/document.xml']).toEqual(first)
    expect(files['docProps/app.xml']).toEqual(second)
    expect(strFromU8(files['customXml/item1.xml']!)).toBe(text)
    // The files before keep their bytes where they were.
    expect(zip.subarray(0, centralEntries(packed)[1]!.offset)).toEqual(packed.subarray(0, centralEntries(packed)[1]!.offset))
    const entries = centralEntries(zip)
    const added = entries[2]!
    expect(added).toMatchObject({ name: 'customXml/item1.xml', crc: crc32(strToU8(text)), size: strToU8(text).length, compressed: part.data.length, flags: 0 })
    // Its local header, where the directory says, names it and gives the same CRC.
    const v = new DataView(zip.buffer)
    expect(v.getUint32(added.offset, true)).toBe(0x04034b50)
    expect(v.getUint32(added.offset + 14, true)).toBe(added.crc)
    expect(strFromU8(zip.subarray(added.offset + 30, added.offset + 30 + 19))).toBe('customXml/item1.xml')
  })

  it('marks a name outside ASCII as UTF-8, and keeps the zip’s comment', async () => {
    const withComment = new Uint8Array([...packed.subarray(0, packed.length - 2), 3, 0, ...strToU8('abc')])
    const part = (await deflateNatively('customXml/总结.xml', '<x/>'))!
    const zip = appendToZip(withComment, [part])
    expect(Object.keys(unzipSync(zip))).toContain('customXml/总结.xml')
    expect(centralEntries(zip)[2]!.flags & 0x0800).toBe(0x0800)
    expect(strFromU8(zip.subarray(zip.length - 3))).toBe('abc')
  })

  it('refuses bytes that are not a zip', () => {
    expect(() => appendToZip(strToU8('not a zip file at all, just some text'), [])).toThrow(/no end of central directory/)
  })
})

describe('the Word file, with and without the platform’s compressor', () => {
  it('carries the Summary JSON once and imports as the same summary either way', async () => {
    const d = everyPart()
    const native = unzipSync(await toDocx(d))
    vi.stubGlobal('CompressionStream', undefined)
    const packedByDocx = await toDocx(d)
    vi.unstubAllGlobals()
    const plain = unzipSync(packedByDocx)
    expect(Object.keys(native).sort()).toEqual(Object.keys(plain).sort())
    expect(Object.keys(native).filter((k) => k === 'customXml/item1.xml')).toHaveLength(1)
    expect(strFromU8(native['customXml/item1.xml']!)).toBe(strFromU8(plain['customXml/item1.xml']!))
    const back = importDocx(packedByDocx, parseXml)
    expect(back.source).toBe('embedded')
    expect(fromSummary(toSummary(back.doc)).eq(d)).toBe(true)
  })
})
