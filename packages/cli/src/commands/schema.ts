import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CliError, exitCodes, messageOf } from '../errors.ts'
import type { Io } from '../io.ts'

/** Where the model package keeps the Summary JSON Schema: resolved through its exports, else beside this package. */
export function schemaPath(): string {
  try {
    return fileURLToPath(import.meta.resolve('@zongjie/model/summary.schema.json'))
  } catch {
    return fileURLToPath(new URL('../../../model/summary.schema.json', import.meta.url))
  }
}

/** The text of the Summary JSON Schema, checked to be a JSON object; exit 3 when it is missing or broken. */
export function readSchemaText(): string {
  const path = schemaPath()
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new CliError(`zongjie: 找不到 Summary JSON Schema（${path}：${code === 'ENOENT' ? '文件不存在' : messageOf(e)}）`, exitCodes.internal)
  }
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('顶层不是对象')
  } catch (e) {
    throw new CliError(`zongjie: Summary JSON Schema 已损坏（${path}：${messageOf(e)}）`, exitCodes.internal)
  }
  return text.replace(/\n*$/, '\n')
}

/** `zongjie schema`: prints the Summary JSON Schema on stdout. */
export function runSchema(io: Io): number {
  io.out(readSchemaText())
  return exitCodes.ok
}
