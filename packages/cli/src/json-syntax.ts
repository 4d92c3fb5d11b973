/** A JSON syntax error: where it is (a UTF-16 offset into the text) and what is wrong, in Chinese. */
export interface JsonSyntaxError {
  offset: number
  message: string
}

/** Thrown inside the scanner; carries the error out of the recursion. */
class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

/**
 * The first syntax error of a JSON text (RFC 8259), or `null` when the text is valid JSON.
 * `JSON.parse` knows a text is malformed but says where in words that change from one Node
 * version to the next; this scanner gives an offset and a message a person can act on.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0
  const fail = (message: string, at = i): never => {
    throw new Stop({ offset: Math.min(at, text.length), message })
  }
  const ws = () => {
    while (i < text.length) {
      const c = text[i]
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
      else break
    }
  }
  const describe = (at: number) => {
    if (at >= text.length) return '文本意外结束'
    const cp = text.codePointAt(at)!
    const ch = String.fromCodePoint(cp)
    return cp < 0x20 ? `意外的控制字符 U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : `意外的字符 ${JSON.stringify(ch)}`
  }
  const string = () => {
    const start = i
    i++ // opening quote
    for (;;) {
      if (i >= text.length) fail('字符串没有结束的双引号', start)
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return
      }
      if (c < 0x20) fail(c === 0x0a ? '字符串中不能直接换行（应写作 \\n）' : '字符串中不能有控制字符（应写作 \\u 转义）')
      if (c === 0x5c) {
        const e = text[i + 1]
        if (e === undefined) fail('字符串没有结束的双引号', start)
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('\\u 之后应为 4 位十六进制数')
          i += 6
        } else if ('"\\/bfnrt'.includes(e!)) i += 2
        else fail(`无效的转义 \\${e}`)
      } else i++
    }
  }
  const digits = (what: string) => {
    const start = i
    while (i < text.length && text[i]! >= '0' && text[i]! <= '9') i++
    if (i === start) fail(what)
  }
  const number = () => {
    if (text[i] === '-') i++
    if (text[i] === '0') {
      i++
      if (text[i]! >= '0' && text[i]! <= '9') fail('数字不能以 0 开头')
    } else digits('此处应为数字')
    if (text[i] === '.') {
      i++
      digits('小数点后应有数字')
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++
      if (text[i] === '+' || text[i] === '-') i++
      digits('指数部分应有数字')
    }
  }
  const value = (depth: number): void => {
    if (depth > 1000) fail('嵌套过深')
    ws()
    const c = text[i]
    if (c === '{') return object(depth)
    if (c === '[') return array(depth)
    if (c === '"') return string()
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number()
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length
        return
      }
    }
    if (c === "'") fail('字符串应使用双引号，不能用单引号')
    if (c === '/') fail('JSON 中不能有注释')
    if (c === undefined) fail('文本意外结束，此处应为值')
    fail(`此处应为值，${describe(i)}`)
  }
  const object = (depth: number) => {
    i++ // {
    ws()
    if (text[i] === '}') {
      i++
      return
    }
    for (;;) {
      ws()
      if (text[i] !== '"') {
        if (text[i] === '}') fail('最后一项之后多了逗号')
        if (text[i] === "'") fail('属性名应使用双引号，不能用单引号')
        fail(`此处应为双引号括起的属性名，${describe(i)}`)
      }
      string()
      ws()
      if (text[i] !== ':') fail(`属性名之后应为冒号，${describe(i)}`)
      i++
      value(depth + 1)
      ws()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === '}') {
        i++
        return
      }
      fail(text[i] === '"' ? '两项之间缺少逗号' : `此处应为逗号或 }，${describe(i)}`)
    }
  }
  const array = (depth: number) => {
    i++ // [
    ws()
    if (text[i] === ']') {
      i++
      return
    }
    for (;;) {
      ws()
      if (text[i] === ']') fail('最后一项之后多了逗号')
      value(depth + 1)
      ws()
      if (text[i] === ',') {
        i++
        continue
      }
      if (text[i] === ']') {
        i++
        return
      }
      fail(`此处应为逗号或 ]，${describe(i)}`)
    }
  }
  try {
    value(0)
    ws()
    if (i < text.length) fail(`JSON 值之后还有多余的内容，${describe(i)}`)
    return null
  } catch (e) {
    if (e instanceof Stop) return e.error
    throw e
  }
}

/** The line and column (both from 1, the column in characters) of an offset into a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 }
}
