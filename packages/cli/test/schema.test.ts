import Ajv2020 from 'ajv/dist/2020.js'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draft, filled } from './fixtures.ts'
import { repoRoot, zongjie } from './helpers.ts'

describe('zongjie schema', () => {
  it('prints the Summary JSON Schema of the model package, and Summary JSON output conforms to it', async () => {
    const r = await zongjie(['schema'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.trimEnd()).toBe(readFileSync(join(repoRoot, 'packages/model/summary.schema.json'), 'utf8').trimEnd())
    const schema = JSON.parse(r.stdout)
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')

    const check = new Ajv2020({ allErrors: true }).compile(schema)
    for (const text of [draft, filled]) {
      const out = await zongjie(['import', '-'], { input: text })
      const ok = check(JSON.parse(out.stdout))
      expect(check.errors ?? [], 'schema errors').toEqual([])
      expect(ok).toBe(true)
    }
  })
})
