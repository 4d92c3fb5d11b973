import { readFileSync } from 'node:fs'
import { decodeText as decodeBytes, ImportError, type Decoded } from '@zongjie/model'
import { inputError } from './errors.ts'

export type { Decoded, DecodeNote, Encoding } from '@zongjie/model'
import type { Io } from './io.ts'

/** The name used for standard input in messages. */
export const stdinName = '<stdin>'

/** Inputs larger than this are refused: no work summary comes near it. */
export const maxInputBytes = 64 * 1024 * 1024

/** An input's bytes, with the name to use in messages (the path as given, or {@link stdinName}). */
export interface Source {
  name: string
  /** The path as given, or `-` for standard input. */
  path: string
  bytes: Uint8Array
}

/**
 * Reads a file, or standard input for `-`. Missing files, folders, unreadable and empty files
 * become one-line input errors naming the file.
 */
export async function readSource(path: string, io: Io): Promise<Source> {
  const name = path === '-' ? stdinName : path
  let bytes: Uint8Array
  if (path === '-') bytes = await io.readStdin()
  else {
    try {
      bytes = readFileSync(path)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const problem =
        code === 'ENOENT' ? '文件不存在'
        : code === 'EISDIR' ? '这是一个文件夹，不是文件'
        : code === 'EACCES' || code === 'EPERM' ? '没有读取权限'
        : code === 'ENOTDIR' ? '路径中有一段不是文件夹'
        : `无法读取（${code ?? (e as Error).message}）`
      throw inputError(name, problem)
    }
  }
  if (bytes.length === 0) throw inputError(name, '文件为空')
  if (bytes.length > maxInputBytes) throw inputError(name, `文件过大（${bytes.length} 字节），不像是一篇工作总结`)
  return { name, path, bytes }
}

/**
 * Decodes the bytes of a text, HTML or JSON input (the model's `decodeText`); a refusal becomes a
 * one-line input error naming the file and the line.
 */
export function decodeText(bytes: Uint8Array, name: string): Decoded {
  try {
    return decodeBytes(bytes)
  } catch (e) {
    if (e instanceof ImportError) throw inputError(name, e.message.replace(/^第\s*\d+\s*行[：:]\s*/, ''), { line: e.line })
    throw e
  }
}
