import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { draft } from './fixtures.ts'
import { tempDir, writeFiles, zongjie } from './helpers.ts'

/** The draft in every encoding the command line detects, each imported to the same Summary JSON. */
describe('zongjie import: text encodings', () => {
  const dir = tempDir()
  const encodings: Record<string, Uint8Array> = {
    'utf8.txt': Buffer.from(draft, 'utf8'),
    'utf8-bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(draft, 'utf8')]),
    'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(draft, 'utf16le')]),
    'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(draft, 'utf16le').swap16()]),
    'gb18030.txt': iconv.encode(draft, 'gb18030'),
    'crlf-gb18030.txt': iconv.encode(draft.replace(/\n/g, '\r\n'), 'gb18030'),
  }
  let expected: string

  beforeAll(async () => {
    writeFiles(dir, encodings)
    const r = await zongjie(['import', 'utf8.txt'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expected = r.stdout
    expect(JSON.parse(expected).title).toBe('青禾县农业农村局2024年上半年工作总结')
  })

  it('the encodings really differ', () => {
    expect(Buffer.compare(encodings['gb18030.txt']!, encodings['utf8.txt']!)).not.toBe(0)
    expect(encodings['gb18030.txt']!.length).toBeLessThan(encodings['utf8.txt']!.length)
  })

  for (const file of Object.keys(encodings).filter((f) => f !== 'utf8.txt')) {
    it(`reads ${file} exactly as the UTF-8 file`, async () => {
      const r = await zongjie(['import', file], { cwd: dir })
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(expected)
    })
  }

  it('reads every encoding from standard input too', async () => {
    for (const file of ['gb18030.txt', 'utf16be.txt']) {
      const r = await zongjie(['import', '-'], { cwd: dir, input: encodings[file]! })
      expect(r.status).toBe(0)
      expect(r.stdout).toBe(expected)
    }
  })

  it('reads a GB18030 HTML page saved by an old editor', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${draft
      .split('\n')
      .map((l) => `<p>${l}</p>`)
      .join('\n')}</body></html>`
    writeFiles(dir, { 'page.htm': iconv.encode(page, 'gb18030') })
    const r = await zongjie(['import', 'page.htm'], { cwd: dir })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(expected)
  })
})
