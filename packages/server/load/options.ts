/** The two loads the co-editing issue asks for: many writers on one document, or many documents with a few writers each. */
export type ScenarioName = 'one-document' | 'many-documents'

/** Every scenario, in the order a full run takes them. */
export const scenarioNames: readonly ScenarioName[] = ['one-document', 'many-documents']

/** How one scenario is run: how many documents, writers on each, for how long, typing how fast. */
export interface ScenarioOptions {
  scenario: ScenarioName
  /** Documents opened at once. */
  documents: number
  /** Writers on each document (each a client of its own, with its own socket). */
  writersPerDocument: number
  /** How long the writers type, in seconds. */
  seconds: number
  /** The shortest and longest pause between one writer's keystrokes, in ms (each pause drawn evenly between). */
  interval: [number, number]
  /** The share of keystrokes that are a backspace over the writer's own last token (when it has one). */
  deleteRate: number
  /** Whether the writer's cursor goes into its awareness state, as y-prosemirror's cursor plugin puts it (when it moves). */
  cursors: boolean
  /** How long to wait for every client to have the same document after typing stops, in ms. */
  quietTimeout: number
}

/** What a load run is told: the scenarios, and the counts and pace they run with. */
export interface LoadOptions {
  scenarios: ScenarioName[]
  /** Writers on the one document of `one-document`. */
  writers: number
  /** Documents of `many-documents`. */
  documents: number
  /** Writers on each document of `many-documents`. */
  writersEach: number
  /** The rest as in {@link ScenarioOptions}, for every scenario. */
  seconds: number
  interval: [number, number]
  deleteRate: number
  cursors: boolean
  quietTimeout: number
  /** Where to write the results as JSON too, if anywhere. */
  json: string | null
}

/** The load: 50 writers on one document, then 200 documents with 2 writers each, 60 s each, a keystroke every 100–300 ms. */
export const defaultLoadOptions: LoadOptions = {
  scenarios: [...scenarioNames],
  writers: 50,
  documents: 200,
  writersEach: 2,
  seconds: 60,
  interval: [100, 300],
  deleteRate: 0.1,
  cursors: true,
  quietTimeout: 60_000,
  json: null,
}

/** The options of each scenario a load run takes, in order. */
export function scenariosOf(options: LoadOptions): ScenarioOptions[] {
  return options.scenarios.map((scenario) => ({
    scenario,
    documents: scenario === 'one-document' ? 1 : options.documents,
    writersPerDocument: scenario === 'one-document' ? options.writers : options.writersEach,
    seconds: options.seconds,
    interval: options.interval,
    deleteRate: options.deleteRate,
    cursors: options.cursors,
    quietTimeout: options.quietTimeout,
  }))
}

/** The command line's usage, printed for `--help` and after a mistake. */
export const usage = `pnpm load [options]      (node --import tsx load/run.ts in packages/server)

  --scenario one-document|many-documents|both   which load to run (both, in sequence, by default)
  --seconds N          how long the writers type in each scenario (60)
  --writers N          writers on the one document of one-document (50)
  --documents N        documents of many-documents (200)
  --writers-each N     writers on each document of many-documents (2)
  --interval A-B       pause between one writer's keystrokes, ms, drawn evenly from A to B (100-300)
  --delete-rate R      share of keystrokes that are a backspace (0.1)
  --no-cursors         do not put the cursor into the awareness state (sent, as the editor does, when it moves)
  --quiet-timeout MS   longest wait for the clients to agree once typing stops (60000)
  --json FILE          write the results as JSON to FILE too`

/** A command line that cannot be run; the message says what is wrong. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Reads the command line's options (the arguments after the script); throws a {@link UsageError}. */
export function parseLoadArgs(args: string[]): LoadOptions | 'help' {
  const options: LoadOptions = { ...defaultLoadOptions, scenarios: [...defaultLoadOptions.scenarios] }
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!
    if (flag === '--help' || flag === '-h') return 'help'
    if (flag === '--no-cursors') {
      options.cursors = false
      continue
    }
    const value = args[++i]
    if (value === undefined) throw new UsageError(`${flag} needs a value`)
    switch (flag) {
      case '--scenario':
        if (value === 'both') options.scenarios = [...scenarioNames]
        else if ((scenarioNames as readonly string[]).includes(value)) options.scenarios = [value as ScenarioName]
        else throw new UsageError(`--scenario must be one-document, many-documents or both, not ${value}`)
        break
      case '--seconds':
        options.seconds = positive(flag, value, true)
        break
      case '--writers':
        options.writers = positive(flag, value)
        break
      case '--documents':
        options.documents = positive(flag, value)
        break
      case '--writers-each':
        options.writersEach = positive(flag, value)
        break
      case '--interval': {
        const match = /^(\d+)(?:-(\d+))?$/.exec(value)
        if (!match) throw new UsageError(`--interval must be A-B in ms (e.g. 100-300), not ${value}`)
        const low = Number(match[1])
        const high = Number(match[2] ?? match[1])
        if (low < 1 || high < low) throw new UsageError(`--interval must be A-B with 1 ≤ A ≤ B, not ${value}`)
        options.interval = [low, high]
        break
      }
      case '--delete-rate': {
        const rate = Number(value)
        if (!(rate >= 0 && rate < 1)) throw new UsageError(`--delete-rate must be from 0 to below 1, not ${value}`)
        options.deleteRate = rate
        break
      }
      case '--quiet-timeout':
        options.quietTimeout = positive(flag, value)
        break
      case '--json':
        options.json = value
        break
      default:
        throw new UsageError(`unknown option ${flag}`)
    }
  }
  if (options.writers < 2 || options.writersEach < 2) throw new UsageError('a document needs at least 2 writers: one types, the others receive')
  return options
}

function positive(flag: string, value: string, fraction = false): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0 || (!fraction && !Number.isInteger(n))) throw new UsageError(`${flag} must be a positive ${fraction ? 'number' : 'whole number'}, not ${value}`)
  return n
}
