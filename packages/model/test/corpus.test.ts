import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importText, toText, toSummary, type Section, type Block } from '../src/index.ts'

// The real summaries live beside the project in ../shared/corpus and are never copied into it.
// Each outline below is written by hand from reading the file: every heading by its source line,
// with its depth, number, role and work-item counts. A heading's expected title is taken from that
// source line by the plain rule a reader applies (drop the number; for a run-in heading keep the
// first sentence), so the test checks the importer against the file without repeating its words.
const corpus = join(import.meta.dirname, '../../../../shared/corpus')
const present = existsSync(corpus)
if (!present) console.warn(`\n*** ${corpus} is missing: the corpus tests are skipped. ***\n`)

interface Expected {
  line: number
  level: 1 | 2 | 3 | 4
  number: string
  role?: 'work' | 'problems' | 'plans'
  runIn?: boolean
  /** Items in each work-item list of the body, in order; a paragraph is `'P'`. */
  body: (number | 'P')[]
  /** For an unnumbered section with no heading line. */
  noHeading?: true
}

interface FileOutline {
  file: string
  preamble: number
  closing: number
  unfilledMetrics: number
  blanks: number
  sections: Expected[]
}

const outlines: FileOutline[] = [
  {
    file: 'county.txt',
    preamble: 1,
    closing: 1,
    unfilledMetrics: 27,
    blanks: 3,
    sections: [
      { line: 4, level: 1, number: '一、', body: ['P', 3] },
      { line: 9, level: 1, number: '二、', body: ['P', 4] },
      { line: 15, level: 1, number: '三、', body: ['P', 3] },
      { line: 20, level: 1, number: '四、', body: ['P', 3] },
      { line: 25, level: 1, number: '五、', body: ['P', 3] },
      { line: 30, level: 1, number: '六、', body: ['P', 3] },
    ],
  },
  {
    file: 'bureau-a.txt',
    preamble: 1,
    closing: 0,
    unfilledMetrics: 24,
    blanks: 9,
    sections: [
      { line: 4, level: 1, number: '一、', body: [] },
      { line: 5, level: 2, number: '（一）', runIn: true, body: [2] },
      { line: 6, level: 2, number: '（二）', runIn: true, body: [3] },
      { line: 7, level: 2, number: '（三）', runIn: true, body: [3] },
      { line: 8, level: 2, number: '（四）', runIn: true, body: [3] },
      { line: 9, level: 2, number: '（五）', runIn: true, body: [4] },
      { line: 10, level: 2, number: '（六）', runIn: true, body: [3] },
      { line: 11, level: 2, number: '（七）', runIn: true, body: [4] },
      { line: 12, level: 2, number: '（八）', runIn: true, body: [3] },
      { line: 13, level: 1, number: '二、', role: 'problems', body: [3] },
      { line: 15, level: 1, number: '三、', role: 'plans', body: [5] },
    ],
  },
  {
    file: 'township.txt',
    preamble: 1,
    closing: 0,
    unfilledMetrics: 18,
    blanks: 13,
    sections: [
      { line: 4, level: 1, number: '一、', body: ['P', 5] },
      { line: 11, level: 1, number: '二、', body: [] },
      { line: 12, level: 2, number: '（一）', runIn: true, body: ['P'] },
      { line: 13, level: 2, number: '（二）', runIn: true, body: ['P'] },
      { line: 14, level: 2, number: '（三）', runIn: true, body: ['P'] },
      { line: 15, level: 2, number: '（四）', runIn: true, body: ['P'] },
      { line: 16, level: 2, number: '（五）', runIn: true, body: ['P'] },
      { line: 17, level: 2, number: '（六）', runIn: true, body: ['P'] },
      { line: 18, level: 1, number: '三、', body: ['P', 5] },
      // The plans part has no heading: it opens with a paragraph on line 25.
      { line: 25, level: 1, number: '', role: 'plans', body: ['P', 'P', 'P', 5], noHeading: true },
    ],
  },
  {
    file: 'enterprise.txt',
    preamble: 1,
    closing: 0,
    unfilledMetrics: 8,
    blanks: 5,
    sections: [
      { line: 3, level: 1, number: '一、', body: [] },
      // `一、` followed directly by `1.`: a skipped level, depth 2.
      { line: 4, level: 2, number: '1.', body: [3] },
      { line: 6, level: 2, number: '2.', body: [4] },
      { line: 8, level: 2, number: '3.', body: [5] },
      { line: 10, level: 2, number: '4.', body: [4] },
      { line: 12, level: 2, number: '5.', body: [4] },
      { line: 14, level: 1, number: '二、', role: 'problems', body: [2] },
      // Two paragraphs between 五是 and 六是 continue the fifth item; the list keeps counting.
      { line: 16, level: 1, number: '三、', role: 'plans', body: ['P', 6] },
    ],
  },
]

function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.sections)])
}

function bodyShape(body: Block[]): (number | 'P')[] {
  return body.map((b) => (b.type === 'paragraph' ? 'P' : b.items.length))
}

/** The title a reader takes from a heading line: the number dropped; for a run-in heading, the first sentence. */
function titleFromLine(line: string, runIn: boolean): string {
  const rest = line.trim().replace(/^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])\s*/, '')
  return runIn ? rest.slice(0, rest.indexOf('。')) : rest
}

/** What `--to text` must reproduce: the file with white space removed, brackets and `1．` unified. */
function normalise(text: string): string {
  return text.replace(/\s/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/(\d)．/g, '$1.')
}

describe.skipIf(!present)('importing the real summaries in ../shared/corpus', () => {
  for (const outline of outlines) {
    describe(outline.file, () => {
      const source = present ? readFileSync(join(corpus, outline.file), 'utf8') : ''
      const lines = source.split(/\r?\n/)
      const { doc, warnings } = present ? importText(source) : ({} as ReturnType<typeof importText>)

      it('finds every heading with its depth, number, title and role', () => {
        const summary = toSummary(doc)
        const got = flatten(summary.sections)
        expect(got.map((s) => [s.level, s.number, s.role, s.runIn])).toEqual(
          outline.sections.map((e) => [e.level, e.number, e.role ?? 'work', e.runIn ?? false]),
        )
        got.forEach((s, i) => {
          const e = outline.sections[i]!
          expect(s.title, `${outline.file} line ${e.line}`).toBe(e.noHeading ? '' : titleFromLine(lines[e.line - 1]!, e.runIn ?? false))
        })
      })

      it('finds the work items, one a paragraph or run together, and the paragraphs around them', () => {
        const got = flatten(toSummary(doc).sections).map((s) => bodyShape(s.body))
        expect(got).toEqual(outline.sections.map((e) => e.body))
      })

      it('keeps the opening and the closing apart from the sections', () => {
        const summary = toSummary(doc)
        expect(summary.title).toBe(lines[0]!.trim())
        expect(summary.preamble).toHaveLength(outline.preamble)
        expect(summary.closing).toHaveLength(outline.closing)
      })

      it('reads every X as a metric to fill or a name blank', () => {
        const summary = toSummary(doc)
        expect(summary.metrics.filter((m) => !m.filled)).toHaveLength(outline.unfilledMetrics)
        expect(summary.blanks).toHaveLength(outline.blanks)
        // Every X in the file is one of the two, and years or dates never become metrics.
        const xs = source.match(/X+/g)?.length ?? 0
        expect(outline.unfilledMetrics + outline.blanks).toBe(xs)
        expect(summary.metrics.some((m) => m.unit === '年' || m.unit === '月' || m.unit === '日')).toBe(false)
      })

      it('gives the file back as text, the repairs aside', () => {
        expect(normalise(toText(doc))).toBe(normalise(source))
        // Each repair it made is reported with its line.
        for (const w of warnings) expect(lines[w.line - 1]!.trim()).not.toBe('')
      })
    })
  }

  it('reports the half-width brackets it made full-width, with their lines', () => {
    const source = readFileSync(join(corpus, 'township.txt'), 'utf8')
    const { warnings } = importText(source)
    const halfWidthLines = source.split(/\r?\n/).flatMap((l, i) => (/^\(/.test(l) ? [i + 1] : []))
    expect(halfWidthLines.length).toBeGreaterThan(0)
    expect(warnings.filter((w) => w.code === 'bracket-width').map((w) => w.line)).toEqual(halfWidthLines)
  })
})
