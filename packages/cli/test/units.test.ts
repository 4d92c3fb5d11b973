import { describe, expect, it } from 'vitest'
import { parseArgs } from '../src/args.ts'
import { CliError, describeFailure, guard, located, oneLine, UsageError } from '../src/errors.ts'
import { textFormat } from '@zongjie/model'
import { formatWarning } from '../src/load.ts'
import { wholeDocument, parseDocument } from '../src/html.ts'
import { formatFinding, tally } from '../src/commands/validate.ts'
import { schemaPath } from '../src/commands/schema.ts'

describe('parseArgs', () => {
  it('reads each command and its options in every spelling', () => {
    expect(parseArgs([])).toEqual({ kind: 'help' })
    expect(parseArgs(['help', 'validate'])).toEqual({ kind: 'help', topic: 'validate' })
    expect(parseArgs(['import', 'a.txt'])).toEqual({ kind: 'import', input: 'a.txt', to: 'json' })
    expect(parseArgs(['import', '-', '--to', 'html', '-o', 'x.html'])).toEqual({ kind: 'import', input: '-', to: 'html', output: 'x.html' })
    expect(parseArgs(['import', '--to=text', '--output=x.txt', 'a.json'])).toEqual({ kind: 'import', input: 'a.json', to: 'text', output: 'x.txt' })
    expect(parseArgs(['import', '-ttext', '-ox.txt', 'a.json'])).toEqual({ kind: 'import', input: 'a.json', to: 'text', output: 'x.txt' })
    expect(parseArgs(['import', 'a.txt', '-o', '-'])).toEqual({ kind: 'import', input: 'a.txt', to: 'json' })
    expect(parseArgs(['import', '--', '-odd name.txt'])).toEqual({ kind: 'import', input: '-odd name.txt', to: 'json' })
    expect(parseArgs(['import', 'a.txt', '-o', '总结.DOCX'])).toEqual({ kind: 'import', input: 'a.txt', to: 'docx', output: '总结.DOCX' })
    expect(parseArgs(['import', 'a.txt', '-o', 'v1.0/out'])).toEqual({ kind: 'import', input: 'a.txt', to: 'json', output: 'v1.0/out' })
    expect(parseArgs(['validate', 'a.txt'])).toEqual({ kind: 'validate', input: 'a.txt' })
    expect(parseArgs(['schema'])).toEqual({ kind: 'schema' })
    expect(parseArgs(['schema', '--help'])).toEqual({ kind: 'help', topic: 'schema' })
  })

  it('throws a UsageError (exit 2) for anything else', () => {
    for (const argv of [['x'], ['-v'], ['import'], ['import', 'a', '--to'], ['import', 'a', '--to='], ['validate', 'a', 'b'], ['schema', '-o', 'x'], ['import', 'a', '--to', 'json', '-o', 'x.docx']]) {
      expect(() => parseArgs(argv), argv.join(' ')).toThrow(UsageError)
    }
  })
})

describe('errors', () => {
  it('keeps every message on one line', () => {
    expect(oneLine('a\n  b\r\nc')).toBe('a b c')
    expect(oneLine('x'.repeat(500))).toHaveLength(400)
    expect(new CliError('one\ntwo').message).toBe('one two')
  })

  it('places a problem in a file', () => {
    expect(located('a.txt')).toBe('a.txt: ')
    expect(located('a.txt', { line: 3 })).toBe('a.txt:3: ')
    expect(located('a.json', { line: 3, column: 7 })).toBe('a.json:3:7: ')
    expect(located('a.json', { path: '$.title' })).toBe('a.json: $.title: ')
    expect(located('a.txt', { line: undefined })).toBe('a.txt: ')
  })

  it('reports anything unexpected as one line, exit 3, without a stack', () => {
    const error = new TypeError('Cannot read properties of undefined\n    at x (file.ts:1:2)')
    expect(describeFailure(error)).toEqual({ line: 'zongjie: 内部错误：Cannot read properties of undefined at x (file.ts:1:2)', exitCode: 3 })
    expect(describeFailure('odd')).toEqual({ line: 'zongjie: 内部错误：odd', exitCode: 3 })
    expect(describeFailure(new UsageError('坏'))).toEqual({ line: 'zongjie: 坏（运行 zongjie --help 查看用法）', exitCode: 2 })
    expect(() =>
      guard('a.txt', '导入', () => {
        throw new RangeError('boom')
      }),
    ).toThrow(new CliError('a.txt: 导入时出现内部错误：boom', 3))
  })
})

describe('input formats', () => {
  it('go by extension, else by content', () => {
    expect(textFormat('a.TXT', '{')).toBe('text')
    expect(textFormat('a.htm', 'x')).toBe('html')
    expect(textFormat('a.json', '<')).toBe('json')
    expect(textFormat('-', '  {"a": 1}')).toBe('json')
    expect(textFormat('-', '{broken')).toBe('json')
    expect(textFormat('-', '[1]')).toBe('json')
    expect(textFormat('-', '[附件]总结')).toBe('text')
    expect(textFormat('-', '\n<p>总结</p>')).toBe('html')
    expect(textFormat('notes', '某局工作总结')).toBe('text')
  })

  it('makes a fragment or a page without <body> a whole document linkedom reads', () => {
    for (const html of ['<h1>标题</h1><p>正文</p>', '<!DOCTYPE html><h1>标题</h1><p>正文</p>', '<html><head><title>t</title></head><h1>标题</h1><p>正文</p></html>', '<body><h1>标题</h1><p>正文</p></body>']) {
      const doc = parseDocument(html)
      expect(doc.body.textContent, html).toBe('标题正文')
      expect(doc.body.children.length).toBe(2)
    }
    expect(wholeDocument('<html><head><title>t</title></head><body class="x"><p>a</p></body></html>')).toBe(
      '<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body><p>a</p></body></html>',
    )
  })
})

describe('printing', () => {
  it('prints a warning as 文件名:行: 内容', () => {
    expect(formatWarning('a.txt', { line: 4, message: '改了\n一处' })).toBe('a.txt:4: 改了 一处')
    expect(formatWarning('<stdin>', { line: 0, message: '全文' })).toBe('<stdin>: 全文')
  })

  it('prints a finding as 级别 代码 位置: 说明, without naming the place twice', () => {
    expect(formatFinding({ code: 'metric-unfilled', severity: 'error', message: '第一部分（二）：指标「X名」未填写数字', where: '一、（二）', path: '$.sections[0]' })).toBe(
      '错误 metric-unfilled 第一部分（二）: 指标「X名」未填写数字',
    )
    expect(formatFinding({ code: 'blank-unfilled', severity: 'error', message: '第二部分标题：「X工程」中的名称未填写', where: '二、' })).toBe(
      '错误 blank-unfilled 第二部分标题: 「X工程」中的名称未填写',
    )
    expect(formatFinding({ code: 'metric-unfilled', severity: 'error', message: '“下步打算”部分：指标「X个」未填写数字', where: '（计划）' })).toBe(
      '错误 metric-unfilled “下步打算”部分: 指标「X个」未填写数字',
    )
    expect(formatFinding({ code: 'metric-unfilled', severity: 'error', message: '导语：指标「X个」未填写数字', where: '导语' })).toBe('错误 metric-unfilled 导语: 指标「X个」未填写数字')
    expect(formatFinding({ code: 'problems-missing', severity: 'warning', message: '缺少', path: '$.sections' })).toBe('警告 problems-missing 全文: 缺少')
    expect(formatFinding({ code: 'import-repaired', severity: 'info', message: '第 3 行：改了', line: 3 })).toBe('提示 import-repaired 第3行: 改了')
    expect(formatFinding({ code: 'section-empty', severity: 'warning', message: '空', pos: 12 })).toBe('警告 section-empty 全文: 空')
    expect(formatFinding({ code: 'title-missing', severity: 'error', message: '无' })).toBe('错误 title-missing 全文: 无')
    expect(tally('a.txt', [])).toBe('a.txt: 没有发现问题')
  })

  it('finds the schema file of the model package', () => {
    expect(schemaPath()).toMatch(/packages[\\/]model[\\/]summary\.schema\.json$/)
  })
})
