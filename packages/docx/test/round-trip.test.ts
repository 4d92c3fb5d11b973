// Export then import: every summary comes back as the same Summary JSON, and a file whose text was
// edited in Word after export is read from its text, with the change and a warning.
import { describe, it, expect } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { toSummary } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { corpusDocs, everyPart, templateDocs } from './write-fixtures.ts'

const docs = [{ name: 'a summary with every part', doc: everyPart() }, ...templateDocs(), ...corpusDocs()]

describe('export, then import', () => {
  it.each(docs)('$name comes back as the same Summary JSON', async ({ doc }) => {
    const read = importDocx(await toDocx(doc), parseXml)
    expect(read.source).toBe('embedded')
    expect(read.warnings).toEqual([])
    expect(toSummary(read.doc)).toEqual(toSummary(doc))
  })

  it.each(corpusDocs())('$name, one paragraph changed in document.xml, is read from its text, with a warning', async ({ doc }) => {
    const summary = toSummary(doc)
    const heading = summary.sections[0]!.title
    const files = unzipSync(await toDocx(doc))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain(heading)
    // As a writer edits the first heading in Word: its text changes, the rest stays.
    files['word/document.xml'] = strToU8(xml.replace(heading, heading + '（修改）'))
    const read = importDocx(zipSync(files), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings.map((w) => w.code)).toContain('embedded-stale')
    const after = toSummary(read.doc)
    expect(after.sections[0]!.title).toBe(heading + '（修改）')
    // Everything else reads as before: the outline, the metrics.
    expect(after.sections.slice(1).map((s) => s.number + s.title)).toEqual(summary.sections.slice(1).map((s) => s.number + s.title))
    expect(after.metrics.map((m) => m.text)).toEqual(summary.metrics.map((m) => m.text))
  })
})
