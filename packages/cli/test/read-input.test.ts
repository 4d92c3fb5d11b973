import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { CliError } from '../src/errors.ts'
import { decodeText } from '../src/read-input.ts'
import { draft } from './fixtures.ts'

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
const gb18030 = (text: string) => iconv.encode(text, 'gb18030')

function refusal(bytes: Uint8Array, name = 'in.txt'): string {
  try {
    decodeText(bytes, name)
  } catch (e) {
    expect(e).toBeInstanceOf(CliError)
    expect((e as CliError).exitCode).toBe(2)
    return (e as CliError).message
  }
  throw new Error('decodeText accepted the bytes')
}

describe('decodeText', () => {
  it('finds each encoding and gives the same text', () => {
    const cases: [Buffer, string][] = [
      [Buffer.from(draft, 'utf8'), 'UTF-8'],
      [utf8bom(draft), 'UTF-8 BOM'],
      [utf16le(draft), 'UTF-16LE'],
      [utf16be(draft), 'UTF-16BE'],
      [gb18030(draft), 'GB18030'],
      [iconv.encode(draft, 'gbk'), 'GB18030'],
    ]
    for (const [bytes, encoding] of cases) {
      const d = decodeText(bytes, 'in.txt')
      expect(d.encoding).toBe(encoding)
      expect(d.text).toBe(draft)
      expect(d.notes).toEqual([])
    }
  })

  it('reads characters outside GBK from GB18030 (four-byte sequences)', () => {
    const text = '𠀀字与€符号，㐀'
    expect(decodeText(gb18030(text), 'x').text).toBe(text)
  })

  it('makes every line break a line feed', () => {
    expect(decodeText(Buffer.from('甲\r\n乙\r丙\n丁'), 'x').text).toBe('甲\n乙\n丙\n丁')
    expect(decodeText(utf16le('甲\r\n乙'), 'x').text).toBe('甲\n乙')
  })

  it('refuses NUL bytes as binary, naming the file and the line', () => {
    const bytes = Buffer.concat([Buffer.from('标题\n第二行\n'), Buffer.from([0x89, 0x00, 0x01, 0x02])])
    expect(refusal(bytes, 'pic.txt')).toBe('pic.txt:3: 不是文本文件（含有 NUL 字节，像是二进制文件）')
  })

  it('refuses many control characters as binary', () => {
    const bytes = Buffer.from('总结\n' + '\u0001\u0002\u0003\u0004abc'.repeat(10))
    expect(refusal(bytes)).toMatch(/^in\.txt:2: 不是文本文件（有 40 个控制字符/)
  })

  it('removes a few stray control characters and notes them by line', () => {
    const d = decodeText(Buffer.from('甲乙\n丙\u001a丁\n\f戊'), 'x')
    expect(d.text).toBe('甲乙\n丙丁\n戊')
    expect(d.notes).toEqual([
      { line: 2, code: 'control-characters', message: '删除了 1 个控制字符（U+001A）' },
      { line: 3, code: 'control-characters', message: '删除了 1 个控制字符（U+000C）' },
    ])
  })

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the line', () => {
    const bytes = Buffer.concat([Buffer.from('标题\n正文第一行\n坏'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('\n')])
    expect(refusal(bytes, 'bad.txt')).toBe('bad.txt:3: 无法识别文字编码：既不是 UTF-8，也不是 GB18030/GBK，此行有无效字节（0xFF）')
  })

  it('refuses a byte-order mark whose content does not follow it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲\n乙'), Buffer.from([0xc0, 0xaf])])
    expect(refusal(bytes)).toMatch(/^in\.txt:2: 文件以 UTF-8 的 BOM 开头，但此行的内容不是有效的 UTF-8/)
    const odd = Buffer.concat([utf16le('甲\n乙'), Buffer.from([0x41])])
    expect(refusal(odd)).toMatch(/^in\.txt:2: 文件以 UTF-16LE 的 BOM 开头/)
  })

  it('names Word, PDF and ZIP files', () => {
    expect(refusal(Buffer.from('PK\u0003\u0004rest', 'latin1'), 'a.zip')).toMatch(/^a\.zip: 不是文本文件：看起来是ZIP 压缩包/)
    expect(refusal(Buffer.from('%PDF-1.7\n', 'latin1'))).toMatch(/PDF 文件/)
    expect(refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toMatch(/\.doc/)
  })

  it('recognises UTF-16 without a byte-order mark', () => {
    expect(refusal(Buffer.from('2024 summary\nline two\n', 'utf16le'))).toMatch(/没有 BOM 的 UTF-16/)
  })
})
