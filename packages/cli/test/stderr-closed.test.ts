import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { mainTs, repoRoot, tempDir, tsxCli, writeFiles } from './helpers.ts'

/**
 * A reader of stderr that goes away early (`2>&1 | head -1`, or a program that runs zongjie and
 * closes the pipe): the warnings are lost, the work is not.
 */
describe('zongjie with stderr closed early', () => {
  const dir = writeFiles(tempDir(), {
    // Half-width brackets in the numbers: each gives a warning on stderr.
    'half.txt': '某镇2025年上半年工作总结\n上半年，我镇扎实推进各项工作。\n一、主要工作\n(一)抓好学习。组织学习5次。\n(二)优化服务。办结诉求20件。\n',
  })

  /** Runs zongjie with stdout and stderr into a pipe nobody reads; gives its exit code. */
  function runClosed(args: string): number {
    const r = spawnSync('sh', ['-c', `{ "${process.execPath}" "${tsxCli}" "${mainTs}" ${args}; echo $? > status; } 2>&1 | true`], { cwd: dir, encoding: 'utf8' })
    expect(r.status).toBe(0)
    return Number(readFileSync(join(dir, 'status'), 'utf8'))
  }

  it('still writes the Word file, and exits 0', () => {
    expect(runClosed('import half.txt -o half.docx')).toBe(0)
    expect(existsSync(join(dir, 'half.docx'))).toBe(true)
  })
})

/** `pnpm zongjie …` runs in the repository's root; a file named as typed is the typist's folder's. */
describe('zongjie run as the repository’s script from another folder', () => {
  const dir = writeFiles(tempDir(), {
    'draft.txt': '某镇2025年上半年工作总结\n上半年，我镇扎实推进各项工作。\n一、主要工作\n（一）抓好学习。组织学习5次。\n',
  })

  it('reads and writes files named from the folder the command was typed in', () => {
    const root = repoRoot
    const env = { ...process.env, npm_lifecycle_event: 'zongjie', INIT_CWD: dir }
    const r = spawnSync(process.execPath, [tsxCli, mainTs, 'import', 'draft.txt', '-o', 'draft.json'], { cwd: root, env, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8')).title).toBe('某镇2025年上半年工作总结')
    expect(existsSync(join(root, 'draft.json'))).toBe(false)
  })
})
