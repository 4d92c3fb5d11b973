import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { importText, toSummary, type Section } from '@zongjie/model'
import { importDocx, readDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { typedHeading, wordNumberedDocx } from './corpus-numbering.ts'

// The real summaries live beside the project in ../shared/corpus and are never copied into it.
const corpus = join(import.meta.dirname, '../../../../shared/corpus')
const present = existsSync(corpus)
if (!present) console.warn(`\n*** ${corpus} is missing: the .docx corpus tests are skipped. ***\n`)
const files = present ? readdirSync(corpus).filter((f) => f.endsWith('.txt')) : []

function outline(sections: Section[]): unknown[] {
  return sections.map((s) => [s.level, s.number, s.role, s.title, s.runIn, outline(s.sections)])
}

describe.skipIf(!present)('the corpus as Word files with automatic heading numbering', () => {
  it('has summaries to read', () => expect(files.length).toBeGreaterThan(0))

  for (const [file, layout] of files.flatMap((f) => (['multilevel', 'single-level'] as const).map((l) => [f, l] as const))) {
    describe(`${file}, ${layout} list`, () => {
      const source = present ? readFileSync(join(corpus, file), 'utf8') : ''
      const built = present ? wordNumberedDocx(source, layout) : null

      it('takes every heading number out of the text into numbering.xml', () => {
        const typed = source.split(/\r?\n/).slice(1).filter((l) => typedHeading(l.trim())).length
        expect(built!.headings).toBe(typed)
        expect(built!.headings).toBeGreaterThan(0)
        // The file's text holds none of the numbers any more: only the list shows them.
        const { paragraphs } = readDocx(built!.bytes, parseXml)
        const labelled = paragraphs.filter((p) => /^\S+\t/.test(p.text))
        expect(labelled).toHaveLength(typed)
      })

      it('imports to the same summary as the text: outline, work items, metrics', () => {
        const fromText = toSummary(importText(source).doc)
        const fromWord = importDocx(built!.bytes, parseXml)
        expect(fromWord.source).toBe('document')
        const summary = toSummary(fromWord.doc)
        expect(outline(summary.sections)).toEqual(outline(fromText.sections))
        expect(summary).toEqual(fromText)
      })
    })
  }
})
