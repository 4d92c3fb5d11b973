import { describe, expect, it } from 'vitest'
import { hasStackTrace, lines, mainTs, repoRoot, runProcess, tempDir, tsxCli, writeFiles, zongjie } from './helpers.ts'
import { draft } from './fixtures.ts'

describe('zongjie: help and usage errors', () => {
  it('prints the usage in Chinese with no arguments, --help, -h and help', async () => {
    for (const args of [[], ['--help'], ['-h'], ['help']]) {
      const r = await zongjie(args)
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.stdout).toContain('用法')
      expect(r.stdout).toContain('zongjie import <文件|->')
      expect(r.stdout).toContain('zongjie validate')
      expect(r.stdout).toContain('zongjie schema')
      expect(r.stderr).toBe('')
    }
  })

  it('prints a command’s own help', async () => {
    for (const args of [['import', '--help'], ['help', 'import']]) {
      const r = await zongjie(args)
      expect(r.status).toBe(0)
      expect(r.stdout).toContain('--to')
      expect(r.stdout).toContain('-o')
    }
    const v = await zongjie(['validate', '-h'])
    expect(v.status).toBe(0)
    expect(v.stdout).toContain('退出码')
  })

  const bad: [string, string[], RegExp][] = [
    ['an unknown command', ['frobnicate'], /未知命令 "frobnicate"/],
    ['an option before the command', ['--to', 'json'], /未知选项 "--to"/],
    ['an unknown flag', ['import', '--bogus', 'a.txt'], /没有选项 "--bogus"/],
    ['an unknown short flag', ['import', '-x', 'a.txt'], /没有选项 "-x"/],
    ['a bad --to', ['import', 'a.txt', '--to', 'pdf'], /--to 的取值应为 json、html、text、docx 之一，实为 "pdf"/],
    ['a bad --to=', ['import', 'a.txt', '--to=doc'], /实为 "doc"/],
    ['a value for --final', ['import', 'a.txt', '--final=yes'], /选项 --final 不带取值/],
    ['a missing input', ['import'], /import 缺少输入文件/],
    ['two inputs', ['import', 'a.txt', 'b.txt'], /多出了 "b.txt"/],
    ['-o without a value', ['import', 'a.txt', '-o'], /选项 -o 后缺少取值/],
    ['a repeated option', ['import', 'a.txt', '--to', 'json', '--to', 'html'], /只能给一次/],
    ['validate without a file', ['validate'], /validate 缺少输入文件/],
    ['schema with an argument', ['schema', 'x'], /schema 不接受参数/],
    ['help for no such command', ['help', 'nothing'], /没有命令 "nothing"/],
  ]
  for (const [what, args, message] of bad) {
    it(`exits 2 with one line for ${what}`, async () => {
      const r = await zongjie(args)
      expect(r.status).toBe(2)
      expect(r.stdout).toBe('')
      expect(lines(r.stderr)).toHaveLength(1)
      expect(r.stderr).toMatch(message)
      expect(r.stderr).toContain('zongjie --help')
      expect(hasStackTrace(r.stderr)).toBe(false)
    })
  }

  it('runs in the README form, pnpm --silent zongjie, with nothing but the output on stdout', async () => {
    const dir = writeFiles(tempDir(), { 'draft.txt': draft })
    const file = `${dir}/draft.txt`
    const viaPnpm = await runProcess('pnpm', ['--silent', 'zongjie', 'import', file], { cwd: repoRoot })
    const direct = await zongjie(['import', file])
    expect(viaPnpm.status).toBe(0)
    expect(viaPnpm.stdout).toBe(direct.stdout)
    expect(JSON.parse(viaPnpm.stdout).title).toBe('青禾县农业农村局2024年上半年工作总结')

    const schema = await runProcess('pnpm', ['--silent', 'zongjie', 'schema'], { cwd: repoRoot })
    expect(schema.status).toBe(0)
    expect(JSON.parse(schema.stdout).$schema).toContain('2020-12')

    // The exit code of a bad input comes through pnpm (pnpm may add its own line on stderr).
    const missing = await runProcess('pnpm', ['--silent', 'zongjie', 'import', `${dir}/nope.txt`], { cwd: repoRoot })
    expect(missing.status).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toContain('nope.txt: 文件不存在')
  })

  it('reports an unexpected failure in one line with exit 3, never a stack', async () => {
    // Break stdout in the process that runs main.ts, as a failing device would.
    const dir = writeFiles(tempDir(), { 'break.mjs': "if (process.argv[1]?.endsWith('main.ts')) process.stdout.write = () => { throw new TypeError('stdout is broken') }\n" })
    const r = await runProcess(process.execPath, [tsxCli, mainTs, 'schema'], { cwd: dir, env: { NODE_OPTIONS: `--import=${dir}/break.mjs` } })
    expect(r.status).toBe(3)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('zongjie: 内部错误：stdout is broken\n')
  })
})
