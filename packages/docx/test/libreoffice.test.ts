// .docx files written by a real office suite: LibreOffice converts each corpus summary from plain
// text to Word 2007 XML, and the import must give the outline the text gives; and it opens a
// reviewed summary's export with its tracked changes and comments. Needs `soffice`: the tests fail
// without it, unless SKIP_OFFICE=1 (then they are skipped, loudly).
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Node } from 'prosemirror-model'
import { commentThreads, importText, suggestionsOf, toSummary, type Section } from '@zongjie/model'
import { importDocx, readDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { reviewed } from './suggestion-fixtures.ts'

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

/**
 * How many tracked changes Word and LibreOffice show for a document's suggestions: one for an
 * insertion or a deletion (LibreOffice makes one region of a stretch, the paragraphs of a block
 * inserted or deleted whole and their marks included), two for a field's value changed (its old
 * text deleted, its new text inserted), none for a restructuring (written as the document is now).
 */
function wordChanges(doc: Node): number {
  return suggestionsOf(doc).reduce((n, s) => n + (s.kind === 'field' ? 2 : s.kind === 'structure' ? 0 : 1), 0)
}

/**
 * `doc` exported and converted by LibreOffice, each of `filters` in turn (`odt`, then `docx:MS Word
 * 2007 XML`…), each conversion from the file the one before made; `use` reads the last file's bytes.
 * The folder the files are in is removed after, whatever happens.
 */
async function throughOffice<T>(doc: Node, filters: string[], use: (bytes: Uint8Array) => T): Promise<T> {
  const office = soffice()
  if (!office) throw new Error('soffice (LibreOffice) is not installed: install it, or set SKIP_OFFICE=1 to skip these tests')
  const work = mkdtempSync(join(tmpdir(), 'zongjie-review-'))
  try {
    let file = join(work, 'reviewed.docx')
    writeFileSync(file, await toDocx(doc))
    for (const [i, filter] of filters.entries()) {
      const outdir = join(work, String(i))
      execFileSync(office, [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', outdir, file], { stdio: 'pipe', timeout: 120_000 })
      file = join(outdir, `reviewed.${filter.split(':')[0]}`)
    }
    return use(readFileSync(file))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** The text of an OpenDocument file's `content.xml`. */
const odfContent = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['content.xml']!)

describe.skipIf(skipOffice)('a reviewed summary exported, opened by LibreOffice', () => {
  it('has as many tracked changes as the summary has suggestions, by the same authors, and its comments', async () => {
    const doc = reviewed({ deletedSection: true })
    const content = await throughOffice(doc, ['odt'], odfContent)
    const regions = [...content.matchAll(/<text:changed-region\b[^>]*>([\s\S]*?)<\/text:changed-region>/g)].map((m) => ({
      kind: /^<text:(insertion|deletion|format-change)/.exec(m[1]!)?.[1],
      author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[1]!)?.[1],
    }))
    // s1 deleted, s2 inserted, s3 a field (deleted, inserted), s5 a section deleted whole, s4 a paragraph inserted whole.
    expect(regions).toHaveLength(wordChanges(doc))
    expect(regions).toEqual([
      { kind: 'deletion', author: '李科长' },
      { kind: 'insertion', author: '李科长' },
      { kind: 'deletion', author: '张主任' },
      { kind: 'insertion', author: '张主任' },
      { kind: 'deletion', author: '王科员' },
      { kind: 'insertion', author: '张主任' },
    ])
    // Each comment and each reply is an annotation.
    const annotations = [...content.matchAll(/<office:annotation\b(?!-end)[^>]*>([\s\S]*?)<\/office:annotation>/g)]
    expect(annotations).toHaveLength(commentThreads(doc).reduce((n, at) => n + 1 + at.thread.replies.length, 0))
    expect(annotations.map((a) => a[1]!.match(/<dc:creator>([^<]*)<\/dc:creator>/)?.[1]).sort()).toEqual(['张主任', '李科长'].sort())
  }, 180_000)

  it('saved again by LibreOffice through ODF (its embedded summary gone), reads back with the section a reviewer deleted still a suggestion and the closing still the closing', async () => {
    const doc = reviewed({ deletedSection: true })
    const read = await throughOffice(doc, ['odt', 'docx:MS Word 2007 XML'], (bytes) => importDocx(bytes, parseXml))
    expect(read.source).toBe('document')
    expect(read.warnings).toEqual([])
    const before = toSummary(doc)
    const after = toSummary(read.doc)
    expect(after.sections.map((x) => x.number + x.title)).toEqual(before.sections.map((x) => x.number + x.title))
    expect(after.closing.map((b) => ('text' in b ? b.text : b.type))).toEqual(before.closing.map((b) => ('text' in b ? b.text : b.type)))
    const deletedBy: string[] = []
    read.doc.descendants((n) => {
      const deletion = n.marks.find((m) => m.type.name === 'deletion')
      if (n.type.name === 'section1' && deletion) deletedBy.push(after.suggestions!.find((x) => x.id === deletion.attrs.id)!.author.name)
    })
    expect(deletedBy).toEqual(['王科员'])
  }, 180_000)

  it("saved again by LibreOffice as .docx, unedited, a summary in which one reviewer deleted words and a paragraph another suggested comes back from the summary it carries, not as edited", async () => {
    const doc = reviewed({ deletedInsertions: true })
    const saved = await throughOffice(doc, ['docx:MS Word 2007 XML'], (bytes) => bytes)
    // LibreOffice writes the paragraph inserted whole and deleted as deleted only.
    expect(strFromU8(unzipSync(saved)['word/document.xml']!)).not.toMatch(/<w:ins [^>]*><w:del [^>]*><w:r>(?:(?!<\/w:r>).)*总之/s)
    const read = importDocx(saved, parseXml)
    expect(read.warnings).toEqual([])
    expect(read.source).toBe('embedded')
    expect(read.doc.eq(doc)).toBe(true)
  }, 180_000)

  it("reads a reviewer's deletion of another's suggested words as Word writes it: a deletion stacked on that insertion, by both authors", async () => {
    const content = await throughOffice(reviewed({ deletedInsertions: true }), ['odt'], odfContent)
    const stacked = [...content.matchAll(/<text:changed-region\b[^>]*>([\s\S]*?)<\/text:changed-region>/g)]
      .map((m) => m[1]!)
      .filter((region) => /^<text:deletion>/.test(region) && region.includes('<text:insertion>'))
      .map((region) => ({ creators: [...region.matchAll(/<dc:creator>([^<]*)<\/dc:creator>/g)].map((c) => c[1]), text: /<text:p[^>]*>([^<]*)<\/text:p>/.exec(region)?.[1] }))
    // 王科员 deletes 上半 of 李科长's insertion, and 张主任's paragraph inserted whole.
    expect(stacked).toEqual([
      { creators: ['王科员', '李科长'], text: '上半' },
      { creators: ['王科员', '张主任'], text: '总之，我们将继续补齐短板弱项。' },
    ])
  }, 180_000)
})
