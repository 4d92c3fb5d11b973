import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { draft } from './fixtures.ts'
import { hasStackTrace, lines, listing, tempDir, writeFiles, zongjie } from './helpers.ts'

/**
 * Every bad input: exit 2, one line on stderr naming the file and the problem (with the line or
 * JSON path), nothing on stdout, no stack trace, and no output file — also none left over from an
 * attempt to write one.
 */
describe('zongjie import: bad input', () => {
  const dir = tempDir()
  let summary: Record<string, any>

  beforeAll(async () => {
    const r = await zongjie(['import', '-'], { input: draft })
    expect(r.status).toBe(0)
    summary = JSON.parse(r.stdout)
  })

  const cases: { what: string; file: string; data?: () => string | Uint8Array; stdin?: string; message: RegExp }[] = [
    { what: 'a missing file', file: 'nope.txt', message: /^nope\.txt: 文件不存在$/ },
    { what: 'a folder', file: 'folder.txt', message: /^folder\.txt: 这是一个文件夹，不是文件$/ },
    { what: 'an empty file', file: 'empty.txt', data: () => '', message: /^empty\.txt: 文件为空$/ },
    { what: 'a file of spaces', file: 'blank.txt', data: () => ' \n\u3000\n\n', message: /^blank\.txt: 文件中没有文字（只有空白）$/ },
    { what: 'empty standard input', file: '-', stdin: '', message: /^<stdin>: 文件为空$/ },
    {
      what: 'a binary file',
      file: 'image.txt',
      data: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      message: /^image\.txt:3: 不是文本文件（含有 NUL 字节，像是二进制文件）$/,
    },
    { what: 'a truncated Word file', file: 'report.docx', data: () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), message: /^report\.docx: 文件已损坏或不完整/ },
    {
      what: 'undecodable bytes',
      file: 'mixed.txt',
      data: () => Buffer.concat([Buffer.from('某局2024年工作总结\n\n正文'), Buffer.from([0xff, 0x80, 0xff]), Buffer.from('。\n')]),
      message: /^mixed\.txt:3: 无法识别文字编码：既不是 UTF-8，也不是 GB18030\/GBK，此行有无效字节（0xFF）$/,
    },
    { what: 'malformed JSON', file: 'broken.json', data: () => '{\n  "version": 1,\n  "title": "总结"\n  "preamble": []\n}\n', message: /^broken\.json:4:3: JSON 语法错误：两项之间缺少逗号$/ },
    { what: 'malformed JSON on stdin', file: '-', stdin: '{"version": 1,}', message: /^<stdin>:1:15: JSON 语法错误：最后一项之后多了逗号$/ },
    { what: 'a JSON array', file: 'list.json', data: () => '[1, 2, 3]', message: /^list\.json: \$: JSON 的顶层应为对象（Summary JSON 或 ProseMirror 文档），实为数组$/ },
    { what: 'a JSON string', file: 'string.json', data: () => '"总结"', message: /^string\.json: \$: JSON 的顶层应为对象.*实为字符串$/ },
    { what: 'JSON of another shape', file: 'other.json', data: () => '{"name": "x", "items": []}', message: /^other\.json: \$: 不是 Summary JSON（应有 "version": 1 等字段），也不是 ProseMirror 文档/ },
    { what: 'a ProseMirror node that is not a document', file: 'para.json', data: () => '{"type": "paragraph", "content": []}', message: /^para\.json: \$\.type: 这是 ProseMirror 的 "paragraph" 节点，不是整篇文档/ },
    {
      what: 'ProseMirror JSON with an unknown node',
      file: 'pm.json',
      data: () => JSON.stringify({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: '总结' }] }, { type: 'preamble', content: [{ type: 'table' }] }, { type: 'closing' }] }),
      message: /^pm\.json: \$\.content\[1\]\.content\[0\]: ProseMirror 文档无效：未知的节点类型 "table"$/,
    },
    {
      what: 'ProseMirror JSON in the wrong order',
      file: 'order.json',
      data: () => JSON.stringify({ type: 'doc', content: [{ type: 'preamble' }, { type: 'title' }, { type: 'closing' }] }),
      message: /^order\.json: \$: ProseMirror 文档无效：节点 doc 的内容不符合文档结构$/,
    },
    {
      what: 'a Summary JSON with a wrong section number',
      file: 'renumbered.json',
      data: () => {
        const s = structuredClone(summary)
        s.sections[1].number = '五、'
        return JSON.stringify(s, null, 2)
      },
      message: /^renumbered\.json: \$\.sections\[1\]\.number: 按文档内容应为 "二、"，实为 "五、"$/,
    },
    {
      what: 'a Summary JSON with a wrong field type',
      file: 'typed.json',
      data: () => JSON.stringify({ ...summary, preamble: 'text' }),
      message: /^typed\.json: \$\.preamble: 应为数组，实为 string "text"$/,
    },
    { what: 'a Summary JSON of another version', file: 'v3.json', data: () => JSON.stringify({ ...summary, version: 3 }), message: /^v3\.json: \$\.version: 应为 1（无批注）或 2（有批注），实为 number 3$/ },
    { what: 'a Summary JSON of version 2 without comments', file: 'v2.json', data: () => JSON.stringify({ ...summary, version: 2 }), message: /^v2\.json: \$\.comments: 第 2 版应有批注/ },
    { what: 'HTML with no text', file: 'empty.html', data: () => '<!DOCTYPE html><html><head><title>总结</title><style>p{}</style></head><body><p> </p><script>var a = 1</script></body></html>', message: /^empty\.html: HTML 中没有可读的文字$/ },
    { what: 'an HTML fragment with no text', file: '-', stdin: '<div>\n  <p>&nbsp;</p>\n</div>', message: /^<stdin>: HTML 中没有可读的文字$/ },
    {
      what: 'text with no title',
      file: 'untitled.txt',
      data: () => '\n一、主要工作\n全年完成了各项任务。\n二、存在的问题\n一是投入不足。\n',
      message: /^untitled\.txt:2: 没有找到标题：总结的第一行应是标题/,
    },
  ]

  beforeAll(() => {
    mkdirSync(join(dir, 'folder.txt'))
    for (const c of cases) if (c.data) writeFileSync(join(dir, c.file), c.data())
  })

  for (const c of cases) {
    it(`refuses ${c.what}`, async () => {
      const before = listing(dir)
      const runs = [['import', c.file], ['import', c.file, '--to', 'html', '-o', 'out.html'], ['validate', c.file]]
      const results = await Promise.all(runs.map((args) => zongjie(args, { cwd: dir, ...(c.stdin !== undefined ? { input: c.stdin } : {}) })))
      for (const [i, r] of results.entries()) {
        const args = runs[i]!
        expect(r.status, args.join(' ')).toBe(2)
        expect(r.stdout).toBe('')
        expect(lines(r.stderr)).toHaveLength(1)
        expect(r.stderr.trimEnd()).toMatch(c.message)
        expect(hasStackTrace(r.stderr)).toBe(false)
      }
      // No output file, no temporary file.
      expect(listing(dir)).toEqual(before)
    })
  }

  it('leaves an existing output file as it was', async () => {
    writeFiles(dir, { 'keep.json': '{"old": true}\n' })
    const r = await zongjie(['import', 'broken.json', '-o', 'keep.json'], { cwd: dir })
    expect(r.status).toBe(2)
    expect(readFileSync(join(dir, 'keep.json'), 'utf8')).toBe('{"old": true}\n')
  })

  it('refuses an output folder that does not exist, naming it, and writes nothing', async () => {
    writeFiles(dir, { 'good.txt': draft })
    const r = await zongjie(['import', 'good.txt', '-o', 'no/such/dir/out.json'], { cwd: dir })
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd()).toBe('no/such/dir/out.json: 无法写入输出：所在的文件夹不存在')
    expect(existsSync(join(dir, 'no'))).toBe(false)
    const d = await zongjie(['import', 'good.txt', '-o', 'folder.txt'], { cwd: dir })
    expect(d.status).toBe(2)
    expect(d.stderr.trimEnd()).toBe('folder.txt: 无法写入输出：这是一个文件夹')
  })
})
