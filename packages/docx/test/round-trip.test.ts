// Export then import: every summary comes back as the same Summary JSON, and a file whose text was
// edited in Word after export is read from its text, with the change and a warning.
import { describe, it, expect } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Node } from 'prosemirror-model'
import { schema, toSummary } from '@zongjie/model'
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

  it('a summary with comments (批注) comes back with its threads, anchored and detached', async () => {
    const json = everyPart().toJSON()
    // A comment on the first text of the document that has any, and one whose text is gone.
    const first = (node: any): any => (node.type === 'text' ? node : (node.content ?? []).map(first).find(Boolean))
    first(json).marks = [...(first(json).marks ?? []), { type: 'comment', attrs: { id: 'c1' } }]
    const thread = (id: string, quote: string) => ({ id, author: { id: 'u1', name: '张三' }, time: '2024-07-08T09:30:00+08:00', text: '请核实', replies: [], resolved: false, quote, scope: 'text' })
    json.attrs = { ...json.attrs, comments: [thread('c1', first(json).text), thread('c2', '已删去')] }
    const doc = Node.fromJSON(schema, json)
    const read = importDocx(await toDocx(doc), parseXml)
    expect(read.source).toBe('embedded')
    expect(read.doc.eq(doc)).toBe(true)
    expect(toSummary(read.doc).comments!.map((t) => t.detached ?? t.anchor!.text)).toEqual([first(json).text, true])
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
