import { Inflate } from 'fflate'
import { DocxError } from '../errors.ts'

/**
 * A zip read safely: the central directory is read first, the sizes it records are checked
 * against the limits below before anything is inflated, and each part is inflated as a stream
 * whose output is counted, so that a part whose recorded size lies (a zip bomb) is stopped as soon
 * as it passes its limit, without its whole output ever being held. What a part holds is checked
 * against the CRC-32 the directory records, so that damaged data is refused, not read garbled.
 */

const MiB = 1024 * 1024

/**
 * Largest size of one XML part inflated (`word/document.xml`, `word/styles.xml` …): 64 MiB. The
 * `document.xml` of a hundred-page summary is a few MiB.
 */
export const maxPartBytes = 64 * MiB

/** Largest size of all the XML parts of one file together (what the reader may inflate): 256 MiB. */
export const maxTotalBytes = 256 * MiB

/**
 * Largest compression ratio (inflated ÷ compressed) of a part past its first
 * {@link ratioGraceBytes}: 200. Word's XML compresses about 5 to 20 times; DEFLATE can reach 1,032,
 * which only crafted data does. Checked on the sizes the central directory records and again on
 * the bytes actually inflated (as Apache POI's `ZipSecureFile` does).
 */
export const maxCompressionRatio = 200

/** The inflated size below which the compression ratio is not checked: 4 MiB. */
export const ratioGraceBytes = 4 * MiB

/** Most entries a zip's central directory may list: 50,000 (a `.docx` has tens, or hundreds with images). */
export const maxEntries = 50_000

/** One entry of the central directory. */
export interface ZipEntry {
  /** Its name as stored (`word/document.xml`). */
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  flags: number
  compressedSize: number
  /** The inflated size the central directory records (not trusted: see {@link ZipArchive.read}). */
  size: number
  localOffset: number
  /** The CRC-32 of the inflated bytes that the central directory records (checked by {@link ZipArchive.read}). */
  crc: number
}

const damaged = (detail: string) =>
  new DocxError('damaged', `文件已损坏或不完整（${detail}），无法读取：请重新获取该文件，或在 Word 或 WPS 中打开后另存为 .docx 再导入`)

const tooLarge = (name: string, detail: string) =>
  new DocxError('too-large', `文件中的「${name}」${detail}，可能已损坏或是恶意构造的文件，未予读取：请在 Word 或 WPS 中打开后另存为 .docx 再导入`)

const utf8 = new TextDecoder('utf-8')
const latin1 = new TextDecoder('latin1')

/** Whether the name is one of the parts the reader may inflate (XML and relationships). */
function isXmlPart(name: string): boolean {
  return /\.(xml|rels)$/i.test(name)
}

/**
 * A zip archive's directory, with reading of its entries under the limits. Names are looked up
 * without regard to case (Open Packaging part names are case-insensitive).
 */
export class ZipArchive {
  /** Entries by their name in lower case. */
  readonly entries = new Map<string, ZipEntry>()
  /** Bytes inflated so far, over every part read. */
  private inflated = 0

  /**
   * Reads the central directory of `bytes`; throws a {@link DocxError} `damaged` when there is
   * none or it is cut short, and `too-large` when the sizes it records for the XML parts pass the
   * limits. Nothing is inflated.
   */
  constructor(private readonly bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const end = findEndOfDirectory(bytes, view)
    if (end < 0) throw damaged('找不到压缩包目录，文件可能被截断')
    let count = view.getUint16(end + 10, true)
    let dirSize = view.getUint32(end + 12, true)
    let dirOffset = view.getUint32(end + 16, true)
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      // Zip64: the locator just before the end record points to the Zip64 end record.
      const locator = end - 20
      if (locator < 0 || view.getUint32(locator, true) !== 0x07064b50) throw damaged('压缩包目录不完整')
      const z64 = bigToNumber(view.getBigUint64(locator + 8, true))
      if (z64 + 56 > bytes.length || view.getUint32(z64, true) !== 0x06064b50) throw damaged('压缩包目录不完整')
      count = bigToNumber(view.getBigUint64(z64 + 32, true))
      dirSize = bigToNumber(view.getBigUint64(z64 + 40, true))
      dirOffset = bigToNumber(view.getBigUint64(z64 + 48, true))
    }
    if (count > maxEntries) throw tooLarge('压缩包目录', `列有 ${count} 个文件，超过 ${maxEntries} 个的上限`)
    if (dirOffset + dirSize > bytes.length) throw damaged('压缩包目录超出文件末尾，文件可能被截断')
    let p = dirOffset
    let xmlTotal = 0
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw damaged('压缩包目录条目损坏')
      const flags = view.getUint16(p + 8, true)
      const method = view.getUint16(p + 10, true)
      const crc = view.getUint32(p + 16, true)
      let compressedSize = view.getUint32(p + 20, true)
      let size = view.getUint32(p + 24, true)
      const nameLength = view.getUint16(p + 28, true)
      const extraLength = view.getUint16(p + 30, true)
      const commentLength = view.getUint16(p + 32, true)
      let localOffset = view.getUint32(p + 42, true)
      const nameEnd = p + 46 + nameLength
      if (nameEnd + extraLength > bytes.length) throw damaged('压缩包目录条目损坏')
      const nameBytes = bytes.subarray(p + 46, nameEnd)
      const name = (flags & 0x800 ? utf8 : isAscii(nameBytes) ? utf8 : latin1).decode(nameBytes)
      // Zip64 sizes and offset, in the order of the fields that overflowed.
      if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        for (let e = nameEnd; e + 4 <= nameEnd + extraLength; ) {
          const id = view.getUint16(e, true)
          const len = view.getUint16(e + 2, true)
          if (id === 0x0001) {
            let f = e + 4
            const read = () => {
              const v = f + 8 <= e + 4 + len ? bigToNumber(view.getBigUint64(f, true)) : -1
              f += 8
              return v
            }
            if (size === 0xffffffff) size = read()
            if (compressedSize === 0xffffffff) compressedSize = read()
            if (localOffset === 0xffffffff) localOffset = read()
            break
          }
          e += 4 + len
        }
        if (size < 0 || compressedSize < 0 || localOffset < 0) throw damaged('压缩包目录条目损坏')
      }
      const entry: ZipEntry = { name, method, flags, compressedSize, size, localOffset, crc }
      this.entries.set(name.toLowerCase(), entry)
      if (isXmlPart(name)) {
        checkDeclared(entry)
        xmlTotal += size
        if (xmlTotal > maxTotalBytes) throw tooLarge(name, `等 XML 部件解压后共超过 ${maxTotalBytes / MiB} MB 的上限`)
      }
      p = nameEnd + extraLength + commentLength
    }
  }

  /** The entry of a name (any case), or `undefined`. */
  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase())
  }

  /**
   * The inflated bytes of an entry. The recorded sizes are checked first; then the entry is
   * inflated as a stream, 8 KiB of input at a time, and stopped with `too-large` as soon as the
   * output passes the recorded size, {@link maxPartBytes}, {@link maxTotalBytes} or the
   * {@link maxCompressionRatio}. Corrupt data, and bytes whose CRC-32 is not the one the central
   * directory records (data damaged in a way that still inflates, or stored data damaged), throw
   * `damaged`.
   */
  read(entry: ZipEntry): Uint8Array {
    checkDeclared(entry)
    const data = this.rawData(entry)
    if (entry.method === 0) {
      this.count(entry, data.length)
      if (crc32(data) !== entry.crc) throw damaged(`「${entry.name}」的校验值不符`)
      return data
    }
    if (entry.method !== 8) throw damaged(`「${entry.name}」使用了不支持的压缩方式`)
    const chunks: Uint8Array[] = []
    let out = 0
    let consumed = 0
    let crc = 0
    const limit = Math.min(entry.size, maxPartBytes)
    const inflate = new Inflate((chunk) => {
      out += chunk.length
      if (out > limit) {
        if (out > maxPartBytes) throw tooLarge(entry.name, `解压后超过 ${maxPartBytes / MiB} MB 的上限`)
        throw tooLarge(entry.name, '解压后的大小超过压缩包目录所记录的大小')
      }
      if (out > ratioGraceBytes && out > consumed * maxCompressionRatio) throw tooLarge(entry.name, `的压缩比超过 ${maxCompressionRatio} 倍`)
      if (this.inflated + out > maxTotalBytes) throw tooLarge(entry.name, `等 XML 部件解压后共超过 ${maxTotalBytes / MiB} MB 的上限`)
      if (chunk.length) {
        chunks.push(chunk)
        crc = crc32(chunk, crc)
      }
    })
    const step = 8192
    try {
      if (data.length === 0) inflate.push(data, true)
      for (let i = 0; i < data.length; i += step) {
        consumed = Math.min(i + step, data.length)
        inflate.push(data.subarray(i, consumed), consumed === data.length)
      }
    } catch (e) {
      if (e instanceof DocxError) throw e
      throw damaged(`「${entry.name}」的压缩数据无法解开`)
    }
    this.inflated += out
    if (crc !== entry.crc) throw damaged(`「${entry.name}」的校验值不符`)
    if (chunks.length === 1) return chunks[0]!
    const whole = new Uint8Array(out)
    let at = 0
    for (const c of chunks) {
      whole.set(c, at)
      at += c.length
    }
    return whole
  }

  /** An entry read as text (UTF-8, or UTF-16 with a byte-order mark). */
  readText(entry: ZipEntry): string {
    return decodeText(this.read(entry))
  }

  private count(entry: ZipEntry, n: number) {
    if (n > maxPartBytes) throw tooLarge(entry.name, `解压后超过 ${maxPartBytes / MiB} MB 的上限`)
    this.inflated += n
    if (this.inflated > maxTotalBytes) throw tooLarge(entry.name, `等 XML 部件解压后共超过 ${maxTotalBytes / MiB} MB 的上限`)
  }

  /** The entry's stored bytes, after its local header. */
  private rawData(entry: ZipEntry): Uint8Array {
    const { bytes } = this
    const at = entry.localOffset
    if (at + 30 > bytes.length) throw damaged(`「${entry.name}」超出文件末尾，文件可能被截断`)
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30)
    if (view.getUint32(0, true) !== 0x04034b50) throw damaged(`「${entry.name}」的文件头损坏`)
    if (entry.flags & 1) throw new DocxError('encrypted', `文件中的「${entry.name}」经过压缩软件加密，无法读取：请在 Word 或 WPS 中打开并另存为 .docx 后再导入`)
    const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true)
    const end = start + entry.compressedSize
    if (end > bytes.length) throw damaged(`「${entry.name}」超出文件末尾，文件可能被截断`)
    return bytes.subarray(start, end)
  }
}

/** Checks the sizes an entry records, before inflating it. */
function checkDeclared(entry: ZipEntry) {
  if (entry.size > maxPartBytes) throw tooLarge(entry.name, `解压后将有 ${Math.ceil(entry.size / MiB)} MB，超过 ${maxPartBytes / MiB} MB 的上限`)
  if (entry.method === 0 && entry.size !== entry.compressedSize) throw damaged(`「${entry.name}」记录的大小不一致`)
  if (entry.size > ratioGraceBytes && entry.size > entry.compressedSize * maxCompressionRatio) {
    throw tooLarge(entry.name, `的压缩比超过 ${maxCompressionRatio} 倍`)
  }
}

/** The offset of the end-of-central-directory record, or -1. */
function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      if (i + 22 + view.getUint16(i + 20, true) <= bytes.length) return i
    }
  }
  return -1
}

/**
 * The tables of CRC-32 (IEEE 802.3, as zip uses it), made on first use: 256 entries by byte, then
 * seven more that take a byte on by 1 to 7 bytes, to go eight bytes a step ("slicing by 8").
 */
let crcTables: Uint32Array | null = null

function makeCrcTables(): Uint32Array {
  const t = new Uint32Array(256 * 8)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = t[(k - 1) * 256 + n]! >>> 8 ^ t[t[(k - 1) * 256 + n]! & 0xff]!
  return t
}

/**
 * The CRC-32 of `bytes` as zip records it; `crc` is the CRC-32 of the bytes before them, to go on
 * from (0 to start). fflate computes it for what it writes but exports no function for it.
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = (crcTables ??= makeCrcTables())
  let c = ~crc
  let i = 0
  for (const end = bytes.length - 8; i <= end; i += 8) {
    const a = c ^ (bytes[i]! | bytes[i + 1]! << 8 | bytes[i + 2]! << 16 | bytes[i + 3]! << 24)
    c =
      t[1792 + (a & 0xff)]! ^ t[1536 + (a >>> 8 & 0xff)]! ^ t[1280 + (a >>> 16 & 0xff)]! ^ t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^ t[512 + bytes[i + 5]!]! ^ t[256 + bytes[i + 6]!]! ^ t[bytes[i + 7]!]!
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}

function bigToNumber(n: bigint): number {
  return n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n)
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return false
  return true
}

/** Text of an XML part: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts with one. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return utf8.decode(bytes)
}
