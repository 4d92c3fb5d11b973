import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx'
import { zipSync, strToU8 } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { draft, filled } from './fixtures.ts'
import { hasStackTrace, lines, listing, runProcess, tempDir, tsxCli, mainTs, writeFiles, zongjie } from './helpers.ts'

/** The draft's Summary JSON, as `import` prints it for the text. */
let draftJson: unknown

/** Runs `zongjie …` and keeps stdout as bytes (a Word file on stdout). */
async function zongjieBytes(args: string[]): Promise<{ status: number | null; stdout: Buffer; stderr: string }> {
  const { spawn } = await import('node:child_process')
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [tsxCli, mainTs, ...args])
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.on('error', fail)
    child.on('close', (status) => done({ status, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }))
  })
}

/**
 * The fixture's draft as a Word file numbered by Word's own multi-level list: its `一、` `（一）`
 * numbers only in numbering.xml, one paragraph typed with half-width brackets, a bold run.
 */
async function wordNumbered(): Promise<Buffer> {
  const numbered = (text: string, level: number) => new Paragraph({ text, numbering: { reference: 'outline', level } })
  const para = (text: string) => new Paragraph({ text })
  return Packer.toBuffer(
    new Document({
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            para('青禾县农业农村局2024年上半年工作总结'),
            new Paragraph({ children: [new TextRun({ text: '今年以来', bold: true }), new TextRun('，我局稳粮保供。')] }),
            numbered('稳住粮食生产基本盘', 0),
            numbered('抓好春耕备耕。一是发放补贴资金X万元；二是开展培训X场次。', 1),
            para('(二)推进高标准农田建设。新开工X万亩。'),
            numbered('存在的问题', 0),
            para('一是设施老化；二是品牌不强。'),
            numbered('下半年工作打算', 0),
            para('一是抓好秋粮；二是改造水利。'),
          ],
        },
      ],
    }),
  )
}

/** An OLE compound file's first sector, as old Word and WPS files and encrypted .docx files start. */
function ole(streamName?: string): Buffer {
  const head = Buffer.alloc(1536)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head)
  if (streamName) Buffer.from(streamName, 'utf16le').copy(head, 1024)
  return head
}

describe('zongjie import: Word files', () => {
  const dir = tempDir()
  beforeAll(async () => {
    const r = await zongjie(['import', '-'], { input: draft })
    draftJson = JSON.parse(r.stdout)
    writeFiles(dir, { 'draft.txt': draft, 'filled.txt': filled, 'numbered.docx': await wordNumbered() })
  })

  it('reads a .docx numbered by Word as the same structure as the typed text, warnings naming paragraphs', async () => {
    const r = await zongjie(['import', join(dir, 'numbered.docx')])
    expect(r.status).toBe(0)
    const s = JSON.parse(r.stdout)
    expect(s.sections.map((x: any) => `${x.number}${x.title}|${x.role}|${x.sections.map((c: any) => c.number + c.title).join(' ')}`)).toEqual([
      '一、稳住粮食生产基本盘|work|（一）抓好春耕备耕 （二）推进高标准农田建设',
      '二、存在的问题|problems|',
      '三、下半年工作打算|plans|',
    ])
    // Bold kept where the writer set it.
    expect(s.preamble[0].runs[0]).toEqual({ text: '今年以来', bold: true })
    // The typed `(二)` is the fifth paragraph with text.
    expect(lines(r.stderr)).toEqual([`${join(dir, 'numbered.docx')}:第5段: 序号中的半角括号已改为全角括号`])
  })

  it('writes a Word file with --to docx -o from text, and reads it back to the same Summary JSON', async () => {
    const out = join(dir, 'draft.docx')
    const w = await zongjie(['import', join(dir, 'draft.txt'), '--to', 'docx', '-o', out])
    expect(w).toMatchObject({ status: 0, stdout: '', stderr: '' })
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
    const r = await zongjie(['import', out])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(draftJson)
    // From Summary JSON too, and to standard output when it is not a terminal.
    const json = join(dir, 'draft.json')
    writeFiles(dir, { 'draft.json': JSON.stringify(draftJson) })
    const piped = await zongjieBytes(['import', json, '--to', 'docx'])
    expect(piped.status).toBe(0)
    writeFiles(dir, { 'piped.docx': piped.stdout })
    expect(JSON.parse((await zongjie(['import', join(dir, 'piped.docx')])).stdout)).toEqual(draftJson)
  })

  it('follows the document when the exported file was edited afterwards, and says so', async () => {
    const out = join(dir, 'edited.docx')
    await zongjie(['import', join(dir, 'draft.txt'), '--to', 'docx', '-o', out])
    const { unzipSync } = await import('fflate')
    const files = unzipSync(readFileSync(out))
    const xml = Buffer.from(files['word/document.xml']!).toString('utf8')
    expect(xml).toContain('稳住粮食生产基本盘')
    files['word/document.xml'] = strToU8(xml.replace('稳住粮食生产基本盘', '全力稳住粮食生产'))
    writeFiles(dir, { 'edited.docx': zipSync(files) })
    const r = await zongjie(['import', out])
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout).sections[0].title).toBe('全力稳住粮食生产')
    expect(r.stderr).toMatch(/edited\.docx: .*改动过/)
  })

  it('refuses with --final a draft with errors, naming them, and writes nothing; a filled one is written', async () => {
    const out = join(dir, 'final.docx')
    const r = await zongjie(['import', join(dir, 'draft.txt'), '--to', 'docx', '--final', '-o', out])
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)[0]).toMatch(/draft\.txt: 错误 metric-unfilled 第一部分（一）第1项: 指标「.*X万元」未填写数字/)
    expect(lines(r.stderr).at(-1)).toMatch(/有 8 处错误，不能作为定稿输出/)
    expect(existsSync(out)).toBe(false)
    const ok = await zongjie(['import', join(dir, 'filled.txt'), '--to', 'docx', '--final', '-o', out])
    expect(ok.status).toBe(0)
    expect(existsSync(out)).toBe(true)
  })

  describe('bad Word files: one line on stderr, exit 2, nothing written', () => {
    const bad = tempDir()
    const cases: { what: string; file: string; data: () => Uint8Array; message: RegExp }[] = [
      { what: 'an old .doc', file: 'old.doc', data: () => ole(), message: /^old\.doc: .*(\.doc|旧版).*另存为 \.docx/ },
      { what: 'a .wps', file: 'old.wps', data: () => ole('WordDocument'), message: /^old\.wps: .*另存为 \.docx/ },
      { what: 'a renamed .txt', file: 'notes.docx', data: () => Buffer.from(draft), message: /^notes\.docx: 扩展名是 \.docx，但内容不是 Word 文档，像是文本文件/ },
      { what: 'a truncated zip', file: 'cut.docx', data: () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), message: /^cut\.docx: .*(损坏|不完整)/ },
      { what: 'an encrypted .docx', file: 'secret.docx', data: () => ole('EncryptedPackage'), message: /^secret\.docx: .*密码/ },
      {
        what: 'a zip bomb',
        file: 'bomb.docx',
        data: () => zipSync({ 'word/document.xml': new Uint8Array(300 * 1024 * 1024), '[Content_Types].xml': strToU8('<Types/>') }, { level: 9 }),
        message: /^bomb\.docx: .*(过大|太大|超过)/,
      },
    ]
    beforeAll(() => {
      for (const c of cases) writeFiles(bad, { [c.file]: c.data() })
    })
    it.each(cases)('$what', async ({ file, message }) => {
      const out = join(bad, file + '.json')
      const r = await zongjie(['import', join(bad, file), '-o', out])
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      const [line, ...rest] = lines(r.stderr.replaceAll(bad + '/', ''))
      expect(rest).toEqual([])
      expect(line).toMatch(message)
      expect(hasStackTrace(r.stderr)).toBe(false)
      expect(listing(bad).filter((f) => f.endsWith('.json'))).toEqual([])
    })
  })

  it('does not write a Word file to a terminal', async () => {
    // `script` gives the command a terminal for its standard output.
    const r = await runProcess('script', ['-qec', `${process.execPath} ${tsxCli} ${mainTs} import ${join(dir, 'draft.txt')} --to docx`, '/dev/null'])
    expect(r.stdout).toMatch(/Word 文件是二进制文件，不能输出到终端：请用 -o 指定输出文件/)
    expect(r.stdout).not.toContain('PK')
  })
})
