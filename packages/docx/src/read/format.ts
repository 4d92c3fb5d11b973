import { DocxError } from '../errors.ts'

/**
 * What a file is, from its first bytes, before anything is unzipped: a zip (what a `.docx` is), or
 * an OLE compound file, which is either an old binary Word or WPS document (`.doc`, `.wps`) or a
 * `.docx` protected by a password (Office encrypts the package into an OLE file), or something else.
 */

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** UTF-16LE bytes of a name, as OLE directory entries store stream names. */
function utf16le(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2)
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i)
  return out
}

/** The streams an encrypted Office package holds (MS-OFFCRYPTO). */
const encryptionStreams = [utf16le('EncryptedPackage'), utf16le('EncryptionInfo')]

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false
  return true
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0]!
  const last = bytes.length - needle.length
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** Whether the bytes start like a zip: a local file header (`PK\3\4`) or an empty zip's end record. */
function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])
}

/**
 * Refuses, before any unzipping, a file that cannot be a `.docx`, with a {@link DocxError}:
 * `encrypted` for a password-protected `.docx`, `old-format` for an old `.doc` or `.wps`, and
 * `not-docx` for anything that is not a zip (a text file renamed, a PDF …).
 */
export function checkFormat(bytes: Uint8Array): void {
  if (startsWith(bytes, oleSignature)) {
    if (encryptionStreams.some((name) => contains(bytes, name))) {
      throw new DocxError('encrypted', '该 Word 文档设有打开密码，无法读取：请在 Word 或 WPS 中打开，取消密码后另存为 .docx 再导入')
    }
    throw new DocxError('old-format', '这是旧版 Word 或 WPS 文档（.doc 或 .wps），无法直接读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入')
  }
  if (!isZip(bytes)) {
    throw new DocxError('not-docx', '该文件不是 Word 文档（.docx），无法读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入')
  }
}
