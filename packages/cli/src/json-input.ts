import { fromSummary, schema, SummaryError } from '@zongjie/model'
import { CliError, exitCodes, guard, inputError, messageOf, oneLine } from './errors.ts'
import { findJsonSyntaxError, lineAndColumn } from './json-syntax.ts'

/** A document of the summary schema. */
export type Doc = ReturnType<typeof schema.nodeFromJSON>

/** Parses a JSON text; a syntax error becomes one line naming the file, the line and the column. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    const found = findJsonSyntaxError(text)
    if (!found) throw inputError(name, `JSON 语法错误：${messageOf(e)}`)
    throw inputError(name, `JSON 语法错误：${found.message}`, lineAndColumn(text, found.offset))
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function kindOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return '数组'
  return { string: '字符串', number: '数字', boolean: '布尔值' }[typeof v as string] ?? typeof v
}

/** ProseMirror's error messages, in Chinese where they are common. */
function proseMirrorProblem(error: unknown): string {
  const m = messageOf(error)
  let r: RegExpExecArray | null
  if ((r = /^Unknown node type: (.*)$/.exec(m))) return `未知的节点类型 ${JSON.stringify(r[1])}`
  if ((r = /^There is no mark type (\S+)/.exec(m))) return `未知的标记类型 ${JSON.stringify(r[1])}`
  if ((r = /^Invalid content for node (\S+?):?(?:\s|$)/.exec(m))) return `节点 ${r[1]} 的内容不符合文档结构`
  if (/^Invalid text node/.test(m)) return '文字节点应有字符串 "text"'
  if (/^Empty text nodes are not allowed/.test(m)) return '文字节点不能为空'
  if (/^Invalid input for Node\.fromJSON/.test(m)) return '节点应为对象'
  return oneLine(m, 160)
}

/** Reads one node of ProseMirror JSON and checks it, throwing what ProseMirror throws. */
function readNode(json: unknown): Doc {
  const node = schema.nodeFromJSON(json)
  node.check()
  return node
}

/** The JSON path of the deepest node that fails to read: where a ProseMirror error lies. */
function locate(json: unknown, path: string): string {
  if (isObject(json) && Array.isArray(json.content)) {
    for (let i = 0; i < json.content.length; i++) {
      try {
        readNode(json.content[i])
      } catch {
        return locate(json.content[i], `${path}.content[${i}]`)
      }
    }
  }
  return path
}

/** Reads ProseMirror JSON (`{"type":"doc",…}`) with `Node.fromJSON` and checks it against the schema. */
export function documentFromProseMirror(json: unknown, name: string): Doc {
  let doc: Doc
  try {
    doc = readNode(json)
  } catch (e) {
    throw inputError(name, `ProseMirror 文档无效：${proseMirrorProblem(e)}`, { path: locate(json, '$') })
  }
  return doc
}

/** Reads Summary JSON with `fromSummary`; a refusal becomes one line naming the file and the JSON path. */
export function documentFromSummary(json: unknown, name: string): Doc {
  return guard(name, '读取 Summary JSON ', () => {
    try {
      return fromSummary(json)
    } catch (e) {
      if (e instanceof SummaryError) throw new CliError(`${name}: ${oneLine(e.message)}`, exitCodes.usage)
      throw e
    }
  })
}

const summaryKeys = ['version', 'title', 'sections', 'preamble', 'closing', 'metrics']

/**
 * Reads a parsed JSON value as a document: ProseMirror JSON when it is `{"type":"doc",…}`,
 * Summary JSON when it has Summary JSON's keys; anything else is refused as JSON of another shape.
 */
export function documentFromJson(json: unknown, name: string): Doc {
  if (!isObject(json)) {
    throw inputError(name, `JSON 的顶层应为对象（Summary JSON 或 ProseMirror 文档），实为${kindOf(json)}`, { path: '$' })
  }
  if ('type' in json) {
    if (json.type === 'doc') return documentFromProseMirror(json, name)
    if (typeof json.type === 'string' && !('version' in json)) {
      throw inputError(name, `这是 ProseMirror 的 ${JSON.stringify(json.type)} 节点，不是整篇文档；文档的 "type" 应为 "doc"`, { path: '$.type' })
    }
  }
  if (summaryKeys.some((k) => k in json)) return documentFromSummary(json, name)
  throw inputError(name, '不是 Summary JSON（应有 "version": 1 等字段），也不是 ProseMirror 文档（应为 "type": "doc"）', { path: '$' })
}
