// .docx files written by a real office suite: LibreOffice converts each corpus summary from plain
// text to Word 2007 XML, and the import must give the outline the text gives. Needs `soffice`: the
// tests fail without it, unless SKIP_OFFICE=1 (then they are skipped, loudly).
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { importText, toSummary, type Section } from '@zongjie/model'
import { importDocx, readDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'

const corpus = join(import.meta.dirname, '../../../../shared/corpus')
const present = existsSync(corpus)
const skipOffice = process.env.SKIP_OFFICE === '1'
if (!present) console.warn(`\n*** ${corpus} is missing: the LibreOffice .docx tests are skipped. ***\n`)
if (skipOffice) console.warn('\n*** SKIP_OFFICE=1: the LibreOffice .docx tests are skipped. ***\n')
const files = present ? readdirSync(corpus).filter((f) => f.endsWith('.txt')) : []

/** The LibreOffice command on the PATH, or `null`. */
function soffice(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) if (dir && existsSync(join(dir, name))) return join(dir, name)
  }
  return null
}

function outline(sections: Section[]): unknown[] {
  return sections.map((s) => [s.level, s.number, s.role, s.title, s.runIn, outline(s.sections)])
}

describe.skipIf(!present || skipOffice)('the corpus converted to .docx by LibreOffice', () => {
  let dir = ''
  const converted = new Map<string, Uint8Array>()

  beforeAll(() => {
    const office = soffice()
    if (!office) throw new Error('soffice (LibreOffice) is not installed: install it, or set SKIP_OFFICE=1 to skip these tests')
    dir = mkdtempSync(join(tmpdir(), 'zongjie-docx-'))
    const inputs = files.map((f) => {
      copyFileSync(join(corpus, f), join(dir, f))
      return join(dir, f)
    })
    execFileSync(
      office,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--infilter=Text (encoded):UTF8,LF,,,',
        '--outdir',
        join(dir, 'out'),
        ...inputs,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    )
    for (const f of files) converted.set(f, readFileSync(join(dir, 'out', f.replace(/\.txt$/, '.docx'))))
  }, 130_000)

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  for (const file of files) {
    it(`${file}: the same paragraphs, and the same outline, work items and metrics as the text`, () => {
      const source = readFileSync(join(corpus, file), 'utf8')
      const bytes = converted.get(file)!
      const lines = source.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
      expect(readDocx(bytes, parseXml).paragraphs.map((p) => p.text)).toEqual(lines)
      const fromText = toSummary(importText(source).doc)
      const fromWord = toSummary(importDocx(bytes, parseXml).doc)
      expect(outline(fromWord.sections)).toEqual(outline(fromText.sections))
      expect(fromWord).toEqual(fromText)
    })
  }
})
