import { describe, expect, it } from 'vitest'
import { findJsonSyntaxError, lineAndColumn } from '../src/json-syntax.ts'

function where(text: string) {
  const e = findJsonSyntaxError(text)
  expect(() => JSON.parse(text)).toThrow()
  if (!e) throw new Error(`no error found in ${JSON.stringify(text)}`)
  return { ...lineAndColumn(text, e.offset), message: e.message }
}

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    for (const t of ['{}', '[]', '0', '-1.5e+3', '"a\\u00e9\\n"', '{"a": [1, true, null, {"b": "中文"}]}', ' \n{"x":1}\r\n']) {
      expect(findJsonSyntaxError(t), t).toBeNull()
    }
  })

  it('gives the line, the column in characters and the problem', () => {
    expect(where('{\n  "a": 1,\n  "b": 2,\n}')).toEqual({ line: 4, column: 1, message: '最后一项之后多了逗号' })
    expect(where('{\n  "标题": "总结"\n  "b": 2\n}')).toEqual({ line: 3, column: 3, message: '两项之间缺少逗号' })
    expect(where('{"a" 1}')).toMatchObject({ line: 1, column: 6, message: '属性名之后应为冒号，意外的字符 "1"' })
    expect(where("{'a': 1}")).toMatchObject({ column: 2, message: '属性名应使用双引号，不能用单引号' })
    expect(where('[1, 2')).toMatchObject({ column: 6, message: '此处应为逗号或 ]，文本意外结束' })
    expect(where('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9, message: '字符串中不能直接换行（应写作 \\n）' })
    expect(where('{"a": "abc')).toMatchObject({ column: 7, message: '字符串没有结束的双引号' })
    expect(where('{"a": 01}')).toMatchObject({ column: 8, message: '数字不能以 0 开头' })
    expect(where('{"a": tru}')).toMatchObject({ column: 7 })
    expect(where('{"a": "\\q"}')).toMatchObject({ column: 8, message: '无效的转义 \\q' })
    expect(where('{} x')).toMatchObject({ column: 4 })
    expect(where('// c\n{}')).toMatchObject({ line: 1, column: 1, message: 'JSON 中不能有注释' })
    expect(where('')).toMatchObject({ line: 1, column: 1 })
  })
})
