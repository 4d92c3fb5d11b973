import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

// Let a test make the final rename fail, as a full disk or a crash between write and rename would.
const failRename = vi.hoisted(() => ({ on: false }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (failRename.on) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      return fs.renameSync(from, to)
    },
  }
})

const { writeFileAtomic } = await import('../src/write-output.ts')
const { CliError } = await import('../src/errors.ts')

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zongjie-write-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes a new file and replaces an old one, leaving nothing else', () => {
    const path = join(dir, 'a.json')
    writeFileAtomic(path, '第一版\n')
    expect(readFileSync(path, 'utf8')).toBe('第一版\n')
    writeFileAtomic(path, '第二版\n')
    expect(readFileSync(path, 'utf8')).toBe('第二版\n')
    expect(readdirSync(dir)).toEqual(['a.json'])
  })

  it('leaves the old file whole and no temporary file when the write fails', () => {
    const path = join(dir, 'b.json')
    writeFileSync(path, 'old')
    failRename.on = true
    try {
      expect(() => writeFileAtomic(path, 'x'.repeat(1 << 20))).toThrow(new CliError(`${path}: 无法写入输出：磁盘空间不足`))
      expect(() => writeFileAtomic(join(dir, 'new.json'), 'x')).toThrow(CliError)
    } finally {
      failRename.on = false
    }
    expect(readFileSync(path, 'utf8')).toBe('old')
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json'])
  })

  it('refuses to replace a read-only file, leaving it as it was', () => {
    const path = join(dir, 'kept.json')
    writeFileSync(path, '定稿')
    chmodSync(path, 0o444)
    expect(() => writeFileAtomic(path, '新稿')).toThrow(new CliError(`${path}: 无法写入输出：文件是只读的；请换一个文件名，或先取消其只读属性`))
    expect(readFileSync(path, 'utf8')).toBe('定稿')
    chmodSync(path, 0o644)
    rmSync(path)
  })

  it('refuses a path through a file', () => {
    expect(() => writeFileAtomic(join(dir, 'a.json', 'x.json'), 'x')).toThrow(/路径中有一段不是文件夹/)
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.json'])
  })
})
