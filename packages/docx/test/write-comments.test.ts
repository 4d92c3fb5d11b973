// Comments (批注) in the Word export: Word comments on their text (ranges and references in
// document.xml, the comments in comments.xml), replies answering their thread, resolved threads
// done; LibreOffice opens the file with the same number of comments.
import { describe, it, expect } from 'vitest'
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { strFromU8, unzipSync } from 'fflate'
import { Node } from 'prosemirror-model'
import { schema, toText } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { everyPart } from './write-fixtures.ts'

const run = promisify(execFile)

const author = (id: string, name: string) => ({ id, name })
const thread = (id: string, name: string, quote: string, more: object = {}) => ({ id, author: id === 'c2' ? author('u2', name) : { ...author('u1', name), role: '科长' }, time: '2024-07-08T09:30:00.000+08:00', text: '请核实数字', replies: [], resolved: false, quote, scope: 'text', ...more })

/**
 * The summary with every part, with three threads: `c1` by 李科长 (科长) over the title and the
 * opening's first paragraph (one comment across two paragraphs), `c2` over the first heading's text,
 * answered once and resolved, and `c3`, whose text was deleted (detached).
 */
function commented(): Node {
  const json = everyPart().toJSON()
  const texts = (node: any): any[] => (node.type === 'text' ? [node] : (node.content ?? []).flatMap(texts))
  const title = json.content.find((n: any) => n.type === 'title')
  const preamble = json.content.find((n: any) => n.type === 'preamble')
  const opening = [...texts(title), ...texts(preamble.content[0])]
  for (const t of opening) t.marks = [...(t.marks ?? []), { type: 'comment', attrs: { id: 'c1' } }]
  const section = json.content.find((n: any) => n.type === 'section1')
  const heading = texts(section.content[0])
  for (const t of heading) t.marks = [...(t.marks ?? []), { type: 'comment', attrs: { id: 'c2' } }]
  const reply = { id: 'r1', author: author('u1', '王科员'), time: '2024-07-09T10:00:00+08:00', text: '已核实，无误' }
  json.attrs = {
    ...json.attrs,
    comments: [
      thread('c1', '李科长', opening.map((t: any) => t.text).join('')),
      thread('c2', '张主任', heading.map((t: any) => t.text).join(''), { replies: [reply], resolved: true }),
      thread('c3', '李科长', '已删去的话'),
    ],
  }
  return Node.fromJSON(schema, json)
}

/** The attribute `name` of every element `tag` in an XML text. */
const attributes = (xml: string, tag: string, name: string) => [...xml.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1])

describe('comments in the Word export', () => {
  it('are Word comments on their text: one range each, by name and role, dated to the second, the replies answering, resolved ones done', async () => {
    const doc = commented()
    const files = unzipSync(await toDocx(doc))
    const body = strFromU8(files['word/document.xml']!)
    const comments = strFromU8(files['word/comments.xml']!)
    // Three Word comments: c1, c2 and the reply to c2; the detached c3 has no place in the text.
    // Each author as Word shows them, their role after the name; dates in UTC to the second, as Word writes them.
    expect(attributes(comments, 'w:comment', 'w:author')).toEqual(['李科长（科长）', '张主任', '王科员'])
    expect(attributes(comments, 'w:comment', 'w:initials')).toEqual(['李', '张', '王'])
    expect(attributes(comments, 'w:comment', 'w:date')).toEqual(['2024-07-08T01:30:00Z', '2024-07-08T01:30:00Z', '2024-07-09T02:00:00Z'])
    expect(comments).toContain('已核实，无误')
    for (const tag of ['w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference']) expect(attributes(body, tag, 'w:id').sort()).toEqual(['0', '1', '2'])
    // c1 starts in the title's paragraph and ends in the opening's.
    const paragraphs = body.split('</w:p>')
    const where = (tag: string, id: string) => paragraphs.findIndex((p) => new RegExp(`<${tag} w:id="${id}"`).test(p))
    expect(paragraphs[where('w:commentRangeStart', '0')]).toContain(doc.child(0).textContent)
    expect(paragraphs[where('w:commentRangeEnd', '0')]).toContain('今年以来')
    expect(where('w:commentRangeEnd', '1')).toBe(where('w:commentRangeStart', '1'))
    // The reply answers c2, and c2 is done (commentsExtended.xml).
    const extended = strFromU8(files['word/commentsExtended.xml']!)
    expect(attributes(extended, 'w15:commentEx', 'w15:done')).toEqual(['0', '1'])
    expect(attributes(extended, 'w15:commentEx', 'w15:paraIdParent')).toHaveLength(1)
    // The text is as without comments: the file still reads back as the same summary.
    const read = importDocx(await toDocx(doc), parseXml)
    expect(read.source).toBe('embedded')
    expect(read.doc.eq(doc)).toBe(true)
    expect(toText(read.doc)).toBe(toText(everyPart()))
  })

  it.skipIf(process.env.SKIP_OFFICE === '1' || spawnSync('sh', ['-c', 'command -v soffice']).status !== 0)(
    'LibreOffice opens the export with the same number of comments',
    async () => {
      const work = mkdtempSync(join(tmpdir(), 'zongjie-comments-'))
      try {
        writeFileSync(join(work, 'commented.docx'), await toDocx(commented()))
        await run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'odt', '--outdir', work, join(work, 'commented.docx')], { timeout: 120_000 })
        const content = strFromU8(unzipSync(readFileSync(join(work, 'commented.odt')))['content.xml']!)
        const annotations = [...content.matchAll(/<office:annotation\b(?!-end)[^>]*>([\s\S]*?)<\/office:annotation>/g)]
        expect(annotations).toHaveLength(3)
        const authors = annotations.map((a) => a[1]!.match(/<dc:creator>([^<]*)<\/dc:creator>/)?.[1])
        expect(authors.sort()).toEqual(['张主任', '李科长（科长）', '王科员'].sort())
      } finally {
        rmSync(work, { recursive: true, force: true })
      }
    },
    180_000,
  )
})
