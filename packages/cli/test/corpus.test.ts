import Ajv2020 from 'ajv/dist/2020.js'
import iconv from 'iconv-lite'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { lines, repoRoot, tempDir, writeFiles, zongjie } from './helpers.ts'

/**
 * Acceptance on the real summaries of ../shared/corpus (read there, never copied): each imports
 * to Summary JSON that the schema `zongjie schema` prints accepts, and each re-encoded as
 * GB18030, UTF-16 (LE and BE, with BOM) and UTF-8 with BOM imports exactly as the UTF-8 file.
 */
// ZONGJIE_CORPUS points elsewhere (a folder that does not exist shows the skip).
const corpus = process.env.ZONGJIE_CORPUS ?? join(repoRoot, '../shared/corpus')
const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort() : []
if (!files.length) console.log(`NOTICE: ${corpus} is missing or has no .txt files; the corpus acceptance tests of zongjie are skipped.`)

describe.skipIf(!files.length)('zongjie import: the corpus', () => {
  const dir = tempDir()
  let check: ReturnType<Ajv2020['compile']>

  beforeAll(async () => {
    const r = await zongjie(['schema'])
    expect(r.status).toBe(0)
    check = new Ajv2020({ allErrors: true }).compile(JSON.parse(r.stdout))
  })

  for (const file of files) {
    it(`${file}: valid Summary JSON, the same in every encoding`, async () => {
      const path = join(corpus, file)
      const text = readFileSync(path, 'utf8')
      const stem = file.replace(/\.txt$/, '')
      const copies: Record<string, Uint8Array> = {
        [`${stem}.gb18030.txt`]: iconv.encode(text, 'gb18030'),
        [`${stem}.utf16le.txt`]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        [`${stem}.utf16be.txt`]: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
        [`${stem}.utf8bom.txt`]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      }
      writeFiles(dir, copies)

      const r = await zongjie(['import', path])
      expect(r.status).toBe(0)
      const summary = JSON.parse(r.stdout)
      const ok = check(summary)
      expect(check.errors ?? [], 'schema errors').toEqual([])
      expect(ok).toBe(true)
      expect(summary.sections.length).toBeGreaterThan(0)
      for (const w of lines(r.stderr)) expect(w.startsWith(`${path}:`) && /^.+:\d+: \S/.test(w), w).toBe(true)

      const again = await Promise.all(Object.keys(copies).map((name) => zongjie(['import', name], { cwd: dir })))
      again.forEach((a, i) => {
        const name = Object.keys(copies)[i]!
        expect(a.status, name).toBe(0)
        expect(a.stdout === r.stdout, `${name} imports differently from ${file}`).toBe(true)
        expect(a.stderr, name).toBe(r.stderr.split(`${path}:`).join(`${name}:`))
      })
    })
  }
})
