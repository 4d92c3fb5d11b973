import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { CliError, exitCodes } from './errors.ts'

function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  switch (code) {
    case 'ENOENT':
      return '所在的文件夹不存在'
    case 'ENOTDIR':
      return '路径中有一段不是文件夹'
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限'
    case 'EISDIR':
      return '这是一个文件夹'
    case 'ENOSPC':
      return '磁盘空间不足'
    case 'EROFS':
      return '文件系统只读'
    default:
      return `无法写入（${code ?? (e as Error).message}）`
  }
}

/**
 * Writes `data` to `path` so that the file is either left as it was or holds all of `data`:
 * the data goes to a temporary file in the same folder, is flushed to disk, then renamed over
 * the target (a rename within one file system is atomic). The temporary file is removed on any
 * failure. An existing target keeps its permissions; a symbolic link is written through; a
 * read-only one (no write permission for anyone) is refused, left as it was.
 * Failures throw a one-line {@link CliError} naming the file (exit 2).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let target = path
  let mode: number | undefined
  try {
    const st = statSync(path)
    if (st.isDirectory()) throw new CliError(`${path}: 无法写入输出：这是一个文件夹`, exitCodes.usage)
    // A file no one may write to was made read-only to keep it: it is not replaced (a rename
    // would, the folder being writable, and root may write anything).
    if (st.isFile() && (st.mode & 0o222) === 0) throw new CliError(`${path}: 无法写入输出：文件是只读的；请换一个文件名，或先取消其只读属性`, exitCodes.usage)
    target = realpathSync(path)
    mode = st.mode & 0o7777
  } catch (e) {
    if (e instanceof CliError) throw e
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new CliError(`${path}: 无法写入输出：${writeProblem(e)}`, exitCodes.usage)
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = openSync(temp, 'wx')
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let written = 0
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    if (mode !== undefined) chmodSync(temp, mode)
    renameSync(temp, target)
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(temp)
    } catch {
      /* never created, or already renamed */
    }
    throw new CliError(`${path}: 无法写入输出：${writeProblem(e)}`, exitCodes.usage)
  }
  try {
    // Make the rename itself durable; not every platform lets a folder be opened this way.
    const dir = openSync(dirname(target), 'r')
    try {
      fsyncSync(dir)
    } finally {
      closeSync(dir)
    }
  } catch {
    /* best effort */
  }
}
