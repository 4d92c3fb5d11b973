// A summary with suggestions (修订) goes to Word with the suggestions accepted, as its text reads,
// and comes back with them from the summary the file carries.
import { describe, it, expect } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { Node } from 'prosemirror-model'
import { schema, toSummary, toText } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { everyPart } from './write-fixtures.ts'

describe('suggestions in the Word export', () => {
  it('are written accepted, and the file reads back with them', async () => {
    const json = everyPart().toJSON()
    const preamble = json.content.find((n: any) => n.type === 'preamble')
    const paragraph = preamble.content[0]
    const text: string = paragraph.content[0].text
    // The opening's first six characters suggested for deletion, and a suggested insertion after them.
    paragraph.content = [
      { type: 'text', text: text.slice(0, 6), marks: [{ type: 'deletion', attrs: { id: 's1' } }] },
      { type: 'text', text: '上半年', marks: [{ type: 'insertion', attrs: { id: 's2' } }] },
      { type: 'text', text: text.slice(6) },
    ]
    const author = { id: 'u1', name: '李科长' }
    json.attrs = { ...json.attrs, suggestions: [{ id: 's1', author, time: '2024-07-08T09:30:00+08:00', kind: 'delete' }, { id: 's2', author, time: '2024-07-08T09:30:00+08:00', kind: 'insert' }] }
    const doc = Node.fromJSON(schema, json)
    const file = await toDocx(doc)
    const body = strFromU8(unzipSync(file)['word/document.xml']!)
    expect(body).toContain('上半年' + text.slice(6, 12))
    expect(body).not.toContain(text.slice(0, 6))
    expect(toText(doc)).toContain('上半年' + text.slice(6))
    const read = importDocx(file, parseXml)
    expect(read.source).toBe('embedded')
    expect(toSummary(read.doc)).toEqual(toSummary(doc))
  })
})
