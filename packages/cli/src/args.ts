import { UsageError } from './errors.ts'

/** The output formats of `zongjie import`. */
export const outputFormats = ['json', 'html', 'text', 'docx'] as const

/** One of {@link outputFormats}. */
export type OutputFormat = (typeof outputFormats)[number]

/** The names of the commands. */
export const commandNames = ['import', 'validate', 'diff', 'schema'] as const

/** One of {@link commandNames}. */
export type CommandName = (typeof commandNames)[number]

/** What the command line asks for, once parsed. */
export type Command =
  | { kind: 'help'; topic?: CommandName }
  | { kind: 'import'; input: string; to: OutputFormat; output?: string; final?: boolean }
  | { kind: 'validate'; input: string }
  | { kind: 'diff'; older: string; newer: string; json?: boolean }
  | { kind: 'schema' }

const isCommandName = (s: string): s is CommandName => (commandNames as readonly string[]).includes(s)

/** The options and operands after a command name, with `--name=value` split and `--` honoured. */
interface Scanned {
  operands: string[]
  options: Map<string, string>
  /** The flags given (options without a value), by canonical name. */
  flags: Set<string>
  help: boolean
}

/** Which options take a value, by every spelling, mapped to their canonical name. */
type OptionTable = Record<string, string>

function scan(command: CommandName, args: string[], table: OptionTable, flags: OptionTable = {}): Scanned {
  const out: Scanned = { operands: [], options: new Map(), flags: new Set(), help: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '--') {
      out.operands.push(...args.slice(i + 1))
      break
    }
    if (arg === '-h' || arg === '--help') {
      out.help = true
      continue
    }
    if (arg === '-' || !arg.startsWith('-')) {
      out.operands.push(arg)
      continue
    }
    const flag = flags[arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg]
    if (flag) {
      if (arg.includes('=')) throw new UsageError(`选项 ${arg.slice(0, arg.indexOf('='))} 不带取值`)
      out.flags.add(flag)
      continue
    }
    let name = arg
    let value: string | undefined
    const eq = arg.indexOf('=')
    if (arg.startsWith('--') && eq > 0) {
      name = arg.slice(0, eq)
      value = arg.slice(eq + 1)
    } else if (!arg.startsWith('--') && arg.length > 2) {
      // -oout.json
      name = arg.slice(0, 2)
      value = arg.slice(2)
    }
    const canonical = table[name]
    if (!canonical) throw new UsageError(`${command} 没有选项 ${JSON.stringify(name)}`)
    if (value === undefined) {
      if (i + 1 >= args.length) throw new UsageError(`选项 ${name} 后缺少取值`)
      value = args[++i]!
    }
    if (value === '') throw new UsageError(`选项 ${name} 的取值不能为空`)
    if (out.options.has(canonical)) throw new UsageError(`选项 ${name} 只能给一次`)
    out.options.set(canonical, value)
  }
  return out
}

/** The output format an output file's extension stands for, by extension (lower case, with the dot). */
const formatOfExtension: Record<string, OutputFormat> = { '.docx': 'docx', '.json': 'json', '.html': 'html', '.htm': 'html', '.txt': 'text' }

/** What each output format is called in messages. */
const formatNames: Record<OutputFormat, string> = { docx: 'Word 文件', json: 'Summary JSON', html: 'HTML', text: '纯文本' }

/** The output format a file's extension stands for (`总结.docx` → `docx`), or `undefined` for another extension. */
export function outputFormatOf(path: string): OutputFormat | undefined {
  const dot = path.lastIndexOf('.')
  return dot > path.lastIndexOf('/') && dot > path.lastIndexOf('\\') ? formatOfExtension[path.slice(dot).toLowerCase()] : undefined
}

/**
 * The output format of `import`: the one `--to` names; without `--to`, the one the output file's
 * extension stands for (`-o 总结.docx` writes a Word file), else Summary JSON. A `--to` that
 * contradicts the extension (`--to json -o 总结.docx`) is refused: the file would not open in the
 * program its name promises.
 */
function importFormat(to: string | undefined, output: string | undefined): OutputFormat {
  if (to !== undefined && !(outputFormats as readonly string[]).includes(to)) {
    throw new UsageError(`--to 的取值应为 ${outputFormats.join('、')} 之一，实为 ${JSON.stringify(to)}`)
  }
  const implied = output === undefined || output === '-' ? undefined : outputFormatOf(output)
  if (to === undefined) return implied ?? 'json'
  if (implied !== undefined && implied !== to) {
    const extension = output!.slice(output!.lastIndexOf('.'))
    throw new UsageError(
      `输出文件 ${JSON.stringify(output)} 的扩展名 ${extension} 与 --to ${to} 不符：要输出 ${formatNames[implied]}，请用 --to ${implied}（或不写 --to）；要输出 ${formatNames[to as OutputFormat]}，请换用相符的扩展名`,
    )
  }
  return to as OutputFormat
}

function oneOperand(command: CommandName, operands: string[], what: string): string {
  if (operands.length === 0) throw new UsageError(`${command} 缺少${what}`)
  if (operands.length > 1) throw new UsageError(`${command} 只接受一个${what}，多出了 ${JSON.stringify(operands[1])}`)
  return operands[0]!
}

/**
 * Parses the arguments after `zongjie` into a {@link Command}. No arguments, `-h`, `--help` or
 * `help [command]` ask for help; anything unknown or malformed throws a {@link UsageError}.
 */
export function parseArgs(argv: readonly string[]): Command {
  const [first, ...rest] = argv
  if (first === undefined || first === '-h' || first === '--help') return { kind: 'help' }
  if (first === 'help') {
    if (rest.length === 0) return { kind: 'help' }
    const topic = rest[0]!
    if (rest.length > 1 || !isCommandName(topic)) throw new UsageError(`没有命令 ${JSON.stringify(rest.join(' '))}`)
    return { kind: 'help', topic }
  }
  if (first.startsWith('-')) throw new UsageError(`未知选项 ${JSON.stringify(first)}；选项应写在命令之后`)
  if (!isCommandName(first)) throw new UsageError(`未知命令 ${JSON.stringify(first)}；可用的命令：${commandNames.join('、')}`)

  switch (first) {
    case 'import': {
      const s = scan(first, rest, { '--to': 'to', '-t': 'to', '-o': 'output', '--output': 'output' }, { '--final': 'final' })
      if (s.help) return { kind: 'help', topic: first }
      const input = oneOperand(first, s.operands, '输入文件（或 - 表示标准输入）')
      const output = s.options.get('output')
      const to = importFormat(s.options.get('to'), output)
      return {
        kind: 'import',
        input,
        to,
        ...(output !== undefined && output !== '-' ? { output } : {}),
        ...(s.flags.has('final') ? { final: true } : {}),
      }
    }
    case 'validate': {
      const s = scan(first, rest, {})
      if (s.help) return { kind: 'help', topic: first }
      return { kind: 'validate', input: oneOperand(first, s.operands, '输入文件（或 - 表示标准输入）') }
    }
    case 'diff': {
      const s = scan(first, rest, {}, { '--json': 'json' })
      if (s.help) return { kind: 'help', topic: first }
      if (s.operands.length !== 2) throw new UsageError(`diff 需要两个文件：旧版本和新版本${s.operands.length > 2 ? `，多出了 ${JSON.stringify(s.operands[2])}` : ''}`)
      if (s.operands[0] === '-' && s.operands[1] === '-') throw new UsageError('diff 的两个文件不能都是标准输入')
      return { kind: 'diff', older: s.operands[0]!, newer: s.operands[1]!, ...(s.flags.has('json') ? { json: true } : {}) }
    }
    case 'schema': {
      const s = scan(first, rest, {})
      if (s.help) return { kind: 'help', topic: first }
      if (s.operands.length) throw new UsageError(`schema 不接受参数，多出了 ${JSON.stringify(s.operands[0])}`)
      return { kind: 'schema' }
    }
  }
}
