import { ImportError } from './errors.ts'
import { controlsRemoved, strayControl } from './controls.ts'

/** The text encodings {@link decodeText} recognises. */
export type Encoding = 'UTF-8' | 'UTF-8 BOM' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030'

/** A note about a change made while decoding, such as stray control characters removed. */
export interface DecodeNote {
  line: number
  code: string
  message: string
}

/** Text decoded from bytes, with the encoding it was found in. */
export interface Decoded {
  text: string
  encoding: Encoding
  /** Changes made to the text (stray control characters removed), one a line, for the warnings. */
  notes: DecodeNote[]
}

/** Binary formats recognised by their first bytes; `office` marks what an office suite writes. */
const signatures: { bytes: number[]; what: string; office?: true }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包（Word .docx 文件请按 Word 文件导入）', office: true },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word/WPS（.doc、.wps）文件；请在 Word 或 WPS 中另存为 .docx 后再导入', office: true },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件；请先转成纯文本再导入' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文件；请另存为纯文本或网页（HTML）后再导入' },
]

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b)
}

/** The line (from 1) of a byte offset: one more than the line feeds before it. */
function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** The line (from 1) of a character offset in a text. */
function lineAtChar(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++
  return line
}

function strictDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** The length of the longest prefix of `bytes` that decodes without error in `label` (binary search). */
function validPrefix(label: string, bytes: Uint8Array): number {
  const ok = (n: number) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes.subarray(0, n), { stream: true })
      return true
    } catch {
      return false
    }
  }
  let lo = 0
  let hi = bytes.length
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2)
    if (ok(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Whether bytes look like UTF-16 without a byte-order mark: ASCII with every other byte zero. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return false
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  return (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) || (oddZero > pairs * 0.3 && evenZero < pairs * 0.05)
}

/**
 * Decodes the bytes of a text, HTML or JSON file, finding the encoding itself: a byte-order mark
 * (UTF-8, UTF-16 LE or BE) decides; otherwise strict UTF-8, then strict GB18030 (which covers GBK
 * and GB2312). Binary files (NUL bytes, many control characters, or a known binary format) and
 * bytes that are neither encoding are refused with an {@link ImportError} naming the line. Runs
 * wherever `TextDecoder` knows GB18030 (Node, every browser): the command line and the editor's
 * file opening share it.
 * Line breaks come out as `\n`; a few stray control characters are removed and noted.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  let text: string | null
  let encoding: Encoding
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'UTF-8 BOM'
    text = strictDecode('utf-8', bytes)
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'UTF-16LE'
    text = strictDecode('utf-16le', bytes)
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'UTF-16BE'
    text = strictDecode('utf-16be', bytes)
  } else {
    const known = signatures.find((s) => startsWith(bytes, s.bytes))
    if (known) throw new ImportError(`不是文本文件：看起来是${known.what}`)
    const nul = bytes.indexOf(0)
    if (nul >= 0) {
      if (looksLikeBomlessUtf16(bytes)) throw new ImportError('看起来是没有 BOM 的 UTF-16 文本；请另存为 UTF-8 或带 BOM 的 UTF-16')
      throw new ImportError('不是文本文件（含有 NUL 字节，像是二进制文件）', lineAtByte(bytes, nul))
    }
    text = strictDecode('utf-8', bytes)
    encoding = 'UTF-8'
    if (text === null) {
      text = strictDecode('gb18030', bytes)
      encoding = 'GB18030'
    }
    if (text === null) {
      // Report where the encoding that got further broke down.
      const at = Math.max(validPrefix('utf-8', bytes), validPrefix('gb18030', bytes))
      const bad = bytes[at]
      const hex = bad === undefined ? '' : `（0x${bad.toString(16).toUpperCase().padStart(2, '0')}）`
      throw new ImportError(`无法识别文字编码：既不是 UTF-8，也不是 GB18030/GBK，此行有无效字节${hex}`, lineAtByte(bytes, at))
    }
  }
  if (text === null) {
    const label = encoding === 'UTF-8 BOM' ? 'utf-8' : encoding.toLowerCase()
    const before = new TextDecoder(label).decode(bytes.subarray(0, validPrefix(label, bytes)))
    const line = lineAtChar(before, before.length)
    throw new ImportError(`文件以 ${encoding.replace(' BOM', '')} 的 BOM 开头，但此行的内容不是有效的 ${encoding.replace(' BOM', '')}`, line)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  text = text.replace(/\r\n?/g, '\n')

  const nul = text.indexOf('\u0000')
  if (nul >= 0) throw new ImportError('不是文本文件（含有 NUL 字符，像是二进制文件）', lineAtChar(text, nul))
  const controls = text.match(strayControl)?.length ?? 0
  if (controls > 32 || (controls >= 4 && controls * 10 > text.length)) {
    const first = text.search(strayControl)
    throw new ImportError(`不是文本文件（有 ${controls} 个控制字符，像是二进制文件）`, lineAtChar(text, first))
  }
  const notes: DecodeNote[] = []
  if (controls > 0) {
    const lines = text.split('\n')
    lines.forEach((line, i) => {
      const found = line.match(strayControl)
      if (found) {
        notes.push({ line: i + 1, code: 'control-characters', message: controlsRemoved(found) })
        lines[i] = line.replace(strayControl, '')
      }
    })
    text = lines.join('\n')
  }
  return { text, encoding, notes }
}

/** The formats of text files the importers read: plain text, HTML, JSON (Summary or ProseMirror JSON). */
export type TextFormat = 'text' | 'html' | 'json'

/**
 * The format of a text file: by its name's extension (`.txt`, `.html`/`.htm`, `.json`), otherwise by content —
 * JSON when it starts with `{` (or is a JSON array), HTML when it starts with `<`, text otherwise.
 */
export function textFormat(name: string, text: string): TextFormat {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase()
  if (ext === 'txt' || ext === 'text') return 'text'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  if (ext === 'json') return 'json'
  const start = text.trimStart()
  if (start.startsWith('{')) return 'json'
  if (start.startsWith('[')) {
    try {
      JSON.parse(start)
      return 'json'
    } catch {
      /* text that happens to start with a bracket */
    }
  }
  if (start.startsWith('<')) return 'html'
  return 'text'
}

/**
 * Whether bytes are a package an office suite writes rather than text: a zip (a Word `.docx`) or
 * an OLE compound file (an old `.doc` or `.wps`, or a `.docx` with a password). Such files go to
 * the Word reader (`@zongjie/docx`), which reads the first and says what to do with the others.
 */
export function isOfficeFile(bytes: Uint8Array): boolean {
  return signatures.some((s) => s.office && startsWith(bytes, s.bytes))
}

/** Extensions of Word and WPS documents: a file named so must be one. */
const wordExtension = /\.(docx|docm|dotx|dotm|doc|dot|wps|wpt)$/i

/**
 * Refuses a file whose name says Word (`.docx`, `.doc`, `.wps` …) but whose bytes are not an
 * office package (see {@link isOfficeFile}): a text file renamed, a download that went wrong. Reading
 * it as text would import whatever it holds as a summary; the writer is told what it is instead.
 */
export function checkWordName(name: string, bytes: Uint8Array): void {
  const ext = wordExtension.exec(name)?.[1]
  if (!ext || isOfficeFile(bytes)) return
  let looks = '不是 Word 文档'
  try {
    decodeText(bytes)
    looks = '像是文本文件：如果是文本，请把扩展名改为 .txt 后再导入'
  } catch {
    looks = '也不是文本文件：文件可能已损坏，请在 Word 或 WPS 中重新保存为 .docx'
  }
  throw new ImportError(`扩展名是 .${ext.toLowerCase()}，但内容不是 Word 文档，${looks}`)
}
