import { compareSummaries, describeChange, toSummary } from '@zongjie/model'
import { exitCodes, guard } from '../errors.ts'
import type { Io } from '../io.ts'
import { formatWarning, loadDocument } from '../load.ts'

/**
 * `zongjie diff <older> <newer>`: reads two versions of a summary (each in any format `import`
 * reads) and prints what changed, aware of the structure (the model's `compareSummaries`): a line
 * a difference, in the reading order of the newer version, and a count on stderr; with `--json`,
 * `{"changes": […]}`. Exit 0 when the versions are the same, 1 when they differ (as `diff` does).
 */
export async function runDiff(command: { older: string; newer: string; json?: boolean }, io: Io): Promise<number> {
  const older = await loadDocument(command.older, io)
  const newer = await loadDocument(command.newer, io)
  for (const loaded of [older, newer]) for (const note of loaded.notes) io.err(formatWarning(loaded.name, note))
  const changes = guard(newer.name, '比较', () => compareSummaries(toSummary(older.doc), toSummary(newer.doc)))
  if (command.json) io.out(JSON.stringify({ changes }, null, 2) + '\n')
  else if (changes.length) io.out(changes.map(describeChange).join('\n') + '\n')
  io.err(changes.length ? `${older.name} → ${newer.name}: ${changes.length} 处改动` : `${older.name} → ${newer.name}: 两个版本相同`)
  return changes.length ? exitCodes.findings : exitCodes.ok
}
