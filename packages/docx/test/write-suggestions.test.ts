// A summary with suggestions (修订) goes to Word as Word's tracked changes (w:ins, w:del, the
// paragraph marks of blocks inserted or deleted whole), by their authors and times; it comes back
// exactly from the summary the file carries, and, without it, as suggestions read from the file.
import { describe, it, expect } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { Node } from 'prosemirror-model'
import { importText, schema, settledDoc, suggestionAnchor, suggestionsAt, suggestionsProblem, toSummary, toText, type ParagraphBlock } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { insertedParagraph, replaced, reviewed, reviewers } from './suggestion-fixtures.ts'

/** The change elements of a part, in order: tag, id, author, date, and the text inside (w:t or w:delText). */
function changes(xml: string): { tag: string; id: string; author: string; date: string; text: string }[] {
  return [...xml.matchAll(/<w:(ins|del) w:id="(\d+)" w:author="([^"]*)" w:date="([^"]*)"(\/>|>([\s\S]*?)<\/w:\1>)/g)].map((m) => ({
    tag: m[1]!,
    id: m[2]!,
    author: m[3]!,
    date: m[4]!,
    text: [...(m[6] ?? '').matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((t) => t[1]).join(''),
  }))
}

/** The file without the summary it carries (as if a tool had dropped the custom XML part). */
function withoutEmbedded(file: Uint8Array): Uint8Array {
  const files = unzipSync(file)
  delete files['customXml/item1.xml']
  const rels = strFromU8(files['word/_rels/document.xml.rels']!)
  files['word/_rels/document.xml.rels'] = strToU8(rels.replace(/<Relationship [^>]*customXml\/item1\.xml"\/>/, ''))
  return zipSync(files)
}

/** The suggestions of a document as kind, author's name, time (as an instant) and text, in reading order. */
const described = (doc: Parameters<typeof suggestionsAt>[0]) => suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author.name, Date.parse(s.suggestion.time), s.text])

describe('suggestions in the Word export', () => {
  it('are Word tracked changes by their authors and times, the inserted paragraph’s mark tracked too, ids unique with the comments’', async () => {
    const files = unzipSync(await toDocx(reviewed()))
    const body = strFromU8(files['word/document.xml']!)
    const found = changes(body)
    const li = { author: reviewers.li.author.name, date: reviewers.li.date }
    const zhang = { author: reviewers.zhang.author.name, date: reviewers.zhang.date }
    expect(found.map(({ tag, author, date, text }) => ({ tag, author, date, text }))).toEqual([
      { tag: 'del', ...li, text: replaced.deleted },
      { tag: 'ins', ...li, text: replaced.inserted },
      // The field: its old value deleted, its new one inserted.
      { tag: 'del', ...zhang, text: '600元' },
      { tag: 'ins', ...zhang, text: '620元' },
      // The inserted paragraph: its mark, then its text.
      { tag: 'ins', ...zhang, text: '' },
      { tag: 'ins', ...zhang, text: insertedParagraph },
    ])
    // Deleted text is w:delText, kept with its spaces.
    expect(body).toContain(`<w:delText xml:space="preserve">${replaced.deleted}</w:delText>`)
    // The paragraph inserted whole at the start of the closing: in the closing's style, its mark inserted too.
    expect(body).toMatch(new RegExp(`<w:pPr><w:pStyle w:val="ZjClosing"/><w:rPr><w:ins w:id="\\d+" w:author="张主任" w:date="${zhang.date}"/></w:rPr></w:pPr><w:ins [^>]*><w:r><w:t xml:space="preserve">${insertedParagraph}`))
    // One id space: the comment and its reply take 0 and 1, the changes the next ones.
    const comments = [...strFromU8(files['word/comments.xml']!).matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1])
    expect(comments).toEqual(['0', '1'])
    const ids = [...comments, ...found.map((c) => c.id)]
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('a suggestion mark with no entry is no change: its text written plain, kept whether deleted or inserted, as Summary JSON and the HTML read it', async () => {
    // 李科长's deletion (s1) and insertion (s2) of the opening's first words lose their entries.
    const full = reviewed()
    const stray = full.type.create({ ...full.attrs, suggestions: full.attrs.suggestions.filter((s: { id: string }) => s.id !== 's1' && s.id !== 's2') }, full.content)
    // The same summary without those marks.
    const unmark = (n: any): any => ({ ...n, ...(n.marks ? { marks: n.marks.filter((m: any) => !['s1', 's2'].includes(m.attrs?.id)) } : {}), ...(n.content ? { content: n.content.map(unmark) } : {}) })
    const plain = Node.fromJSON(schema, unmark(stray.toJSON()))
    const body = strFromU8(unzipSync(await toDocx(stray))['word/document.xml']!)
    expect(changes(body).map((c) => c.text)).not.toContain(replaced.deleted)
    expect(changes(body).map((c) => c.text)).not.toContain(replaced.inserted)
    expect(body).not.toContain('w:delText xml:space="preserve">' + replaced.deleted)
    expect(body).toBe(strFromU8(unzipSync(await toDocx(plain))['word/document.xml']!))
    const opening = (toSummary(stray).preamble[0] as ParagraphBlock).text
    expect(opening.startsWith(replaced.deleted + replaced.inserted)).toBe(true)
    expect(toText(stray)).toContain(opening)
  })

  it('come back exactly from the summary the file carries', async () => {
    const doc = reviewed({ deletedSection: true })
    const read = importDocx(await toDocx(doc), parseXml)
    expect(read.source).toBe('embedded')
    expect(read.warnings).toEqual([])
    expect(toSummary(read.doc)).toEqual(toSummary(doc))
    expect(read.doc.eq(doc)).toBe(true)
  })

  it('without that summary, are read from the tracked changes: the same texts, authors and times', async () => {
    const doc = reviewed()
    const read = importDocx(withoutEmbedded(await toDocx(doc)), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings).toEqual([])
    read.doc.check()
    expect(suggestionsProblem(read.doc.attrs.suggestions)).toBeNull()
    toSummary(read.doc)
    // The field's change (its old text deleted, its new one inserted) comes back as a change of its value, by the same reviewer.
    expect(described(read.doc)).toEqual(described(doc))
    // Accepting all reads as the text with the suggestions accepted; rejecting all as before them.
    expect(toText(settledDoc(read.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(read.doc, false))).toBe(toText(doc, { suggestions: 'original' }))
    // The inserted paragraph is an inserted block again.
    const closing = read.doc.child(read.doc.childCount - 2)
    expect(closing.type.name).toBe('closing')
    expect(closing.child(0).textContent).toBe(insertedParagraph)
    expect(closing.child(0).marks.map((m) => m.type.name)).toEqual(['insertion'])
  })

  it("another reviewer's deletion of suggested words and of a paragraph suggested whole: a w:del inside the w:ins, as Word writes it; back exactly from the summary the file carries", async () => {
    const doc = reviewed({ deletedInsertions: true })
    const file = await toDocx(doc)
    const body = strFromU8(unzipSync(file)['word/document.xml']!)
    const li = `w:author="李科长" w:date="${reviewers.li.date}"`
    const zhang = `w:author="张主任" w:date="${reviewers.zhang.date}"`
    const wang = `w:author="王科员" w:date="${reviewers.wang.date}"`
    expect(body).toMatch(new RegExp(`<w:ins w:id="\\d+" ${li}><w:del w:id="\\d+" ${wang}><w:r><w:delText xml:space="preserve">上半</w:delText></w:r></w:del></w:ins><w:ins w:id="\\d+" ${li}><w:r><w:t xml:space="preserve">年，</w:t>`))
    expect(body).toMatch(new RegExp(`<w:rPr><w:ins w:id="\\d+" ${zhang}/><w:del w:id="\\d+" ${wang}/></w:rPr></w:pPr><w:ins w:id="\\d+" ${zhang}><w:del w:id="\\d+" ${wang}><w:r><w:delText xml:space="preserve">${insertedParagraph}</w:delText>`))
    const read = importDocx(file, parseXml)
    expect(read.source).toBe('embedded')
    expect(read.doc.eq(doc)).toBe(true)
    // Without it, the text reads the same with every suggestion accepted, and with every one rejected.
    const plain = importDocx(withoutEmbedded(file), parseXml)
    expect(toText(settledDoc(plain.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(plain.doc, false))).toBe(toText(doc, { suggestions: 'original' }))
  })

  it("without that summary, another reviewer's deletion of suggested words and of a paragraph suggested whole is read as both suggestions: the insertion and the deletion, by their authors and times", async () => {
    const doc = reviewed({ deletedInsertions: true })
    const read = importDocx(withoutEmbedded(await toDocx(doc)), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings).toEqual([])
    read.doc.check()
    expect(suggestionsProblem(read.doc.attrs.suggestions)).toBeNull()
    const li = Date.parse(reviewers.li.time)
    const zhang = Date.parse(reviewers.zhang.time)
    const wang = Date.parse(reviewers.wang.time)
    // 李科长's 上半年， whole, 王科员's deletion of 上半 in it; 张主任's paragraph, and 王科员's deletion of it.
    // (王科员's two deletions, apart in the file, are two suggestions; the field's change is one.)
    const found = described(read.doc)
    expect(found).toEqual(
      expect.arrayContaining([
        ['insert', '李科长', li, replaced.inserted],
        ['delete', '王科员', wang, replaced.inserted.slice(0, 2)],
        ['insert', '张主任', zhang, insertedParagraph],
        ['delete', '王科员', wang, insertedParagraph],
      ]),
    )
    expect(found).toHaveLength(6)
    // The opening: 上半 marked by both, 年， by 李科长's insertion only, one suggestion.
    const runs = (toSummary(read.doc).preamble[0] as ParagraphBlock).runs!
    const opening = runs.slice(0, 3).map((r) => ['text' in r ? r.text : null, r.inserted !== undefined, r.deleted !== undefined])
    expect(opening).toEqual([
      [replaced.deleted, false, true],
      [replaced.inserted.slice(0, 2), true, true],
      [replaced.inserted.slice(2), true, false],
    ])
    expect(runs[1]!.inserted).toBe(runs[2]!.inserted)
    // The paragraph is a block inserted whole by 张主任 and deleted whole by 王科员, as in the summary.
    const closing = read.doc.child(read.doc.childCount - 2)
    expect(closing.child(0).textContent).toBe(insertedParagraph)
    const authorOf = (id: string) => read.doc.attrs.suggestions.find((s: { id: string }) => s.id === id)?.author.name
    expect(closing.child(0).marks.map((m) => [m.type.name, authorOf(m.attrs.id)])).toEqual([
      ['insertion', '张主任'],
      ['deletion', '王科员'],
    ])
    // Accepting all reads as the summary accepted; rejecting all as before the suggestions.
    expect(toText(settledDoc(read.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(read.doc, false))).toBe(toText(doc, { suggestions: 'original' }))
  })

  it('without that summary, a section suggested whole and deleted whole by another reviewer comes back as that section with both suggestions, the numbers after it as before', async () => {
    const doc = reviewed({ deletedInsertedSection: true })
    const read = importDocx(withoutEmbedded(await toDocx(doc)), parseXml)
    expect(read.source).toBe('document')
    // No number repaired: the sections after it are numbered as the text reads with the deletion accepted.
    expect(read.warnings).toEqual([])
    read.doc.check()
    const authorOf = (id: string) => read.doc.attrs.suggestions.find((s: { id: string }) => s.id === id)?.author.name
    const section = (d: Node) => d.content.content.filter((n) => n.type.name === 'section1')[1]!
    expect(section(read.doc).textContent).toBe(section(doc).textContent)
    expect(section(read.doc).marks.map((m) => [m.type.name, authorOf(m.attrs.id)])).toEqual([
      ['insertion', '李科长'],
      ['deletion', '王科员'],
    ])
    expect(toSummary(read.doc).sections.map((s) => s.number)).toEqual(toSummary(doc).sections.map((s) => s.number))
    expect(toText(settledDoc(read.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(read.doc, false))).toBe(toText(doc, { suggestions: 'original' }))
  })

  it('a section deleted whole: its paragraphs and their marks deleted, its number as before, the numbers after it as accepted', async () => {
    const doc = reviewed({ deletedSection: true })
    const body = strFromU8(unzipSync(await toDocx(doc))['word/document.xml']!)
    const paragraphs = body.split('</w:p>')
    const deleted = paragraphs.filter((p) => /<w:pPr>.*<w:rPr><w:del [^>]*w:author="王科员"/.test(p))
    // Its heading and its run-in subsection's paragraph: every run deleted, the marks too.
    expect(deleted.map((p) => changes(p).filter((c) => c.tag === 'del' && c.text).map((c) => c.text).join(''))).toEqual(['二、深化养老服务，养老服务体系更加健全', '1.建设社区养老服务站。新建社区养老服务站6个。'])
    for (const p of deleted) expect(p).not.toMatch(/<w:r>(?:(?!<\/w:r>).)*<w:t[ >]/)
    // The problems section after it is 二、 as the text reads with the deletion accepted.
    expect(paragraphs.some((p) => p.includes('<w:t xml:space="preserve">二、存在的问题</w:t>'))).toBe(true)
    expect(toText(doc)).toContain('二、存在的问题')
  })

  it('a section and a work item inserted whole: their numbers inserted with them, the numbers after them as accepted', async () => {
    const json = reviewed().toJSON()
    const ins = [{ type: 'insertion', attrs: { id: 's6' } }]
    const at = json.content.findIndex((n: any) => n.type === 'section1')
    json.content.splice(at + 1, 0, { type: 'section1', marks: ins, attrs: { runIn: false }, content: [{ type: 'heading', content: [{ type: 'text', text: '推进社会事务改革' }] }, { type: 'paragraph', content: [{ type: 'text', text: '完成婚姻登记系统升级。' }] }] })
    const plans = json.content.find((n: any) => n.type === 'plans')
    plans.content[1].content.unshift({ type: 'workItem', marks: ins, content: [{ type: 'text', text: '抓好年度目标收官。' }] })
    json.attrs.suggestions = [...json.attrs.suggestions, { id: 's6', author: reviewers.wang.author, time: reviewers.wang.time, kind: 'insert' }]
    const doc = Node.fromJSON(schema, json)
    doc.check()
    const body = strFromU8(unzipSync(await toDocx(doc))['word/document.xml']!)
    const inserted = changes(body).filter((c) => c.author === '王科员' && c.text)
    expect(inserted.map((c) => [c.tag, c.text])).toEqual([
      ['ins', '二、推进社会事务改革'],
      ['ins', '完成婚姻登记系统升级。'],
      ['ins', '一是抓好年度目标收官。'],
    ])
    // The sections and items after them numbered as the text reads with the insertions accepted.
    for (const line of ['三、深化养老服务，养老服务体系更加健全', '二是持续完善救助政策体系。', '三是加快推进养老服务设施建设。']) {
      expect(body).toContain(`<w:t xml:space="preserve">${line}</w:t>`)
      expect(toText(doc)).toContain(line)
    }
    const read = importDocx(withoutEmbedded(await toDocx(doc)), parseXml)
    expect(toText(settledDoc(read.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(read.doc, false))).toBe(toText(doc, { suggestions: 'original' }))
  })

  it('a run-in title joined to its body (its boundary suggested deleted): the stop deleted, and the line’s end where the next block comes up to the title’s line; no stop twice', async () => {
    // （一）加强管理。 joined to 加大投入力度。 by 王科长 (科长), as Delete at the title's end in suggestion mode leaves it:
    // a deleted anchor at the end of the title and at the start of the body.
    const plain = importText(['示范县民政局2024年上半年工作总结', '', '上半年，我局稳步推进各项工作。', '一、主要工作', '（一）加强管理。加大投入力度。', '完善制度。', ''].join('\n')).doc
    const json = plain.toJSON()
    const del = [{ type: 'deletion', attrs: { id: 's1' } }]
    const runIn = json.content.find((n: any) => n.type === 'section1').content[1]
    runIn.content[0].content.push({ type: 'text', text: suggestionAnchor, marks: del })
    runIn.content[1].content.unshift({ type: 'text', text: suggestionAnchor, marks: del })
    const author = { id: 'u1', name: '王科长', role: '科长' }
    json.attrs = { ...json.attrs, suggestions: [{ id: 's1', author, time: '2024-07-08T09:30:00.000+08:00', kind: 'delete' }] }
    const doc = Node.fromJSON(schema, json)
    doc.check()
    expect(toText(doc)).toContain('（一）加强管理加大投入力度。完善制度。\n')

    const file = await toDocx(doc)
    const body = strFromU8(unzipSync(file)['word/document.xml']!)
    const line = body.split('</w:p>').find((p) => p.includes('加强管理'))!
    // The stop in a w:del by the reviewer, named with the role, dated to the second in UTC; the line's end deleted too.
    expect(changes(line).filter((c) => c.text).map(({ tag, author, date, text }) => ({ tag, author, date, text }))).toEqual([{ tag: 'del', author: '王科长（科长）', date: '2024-07-08T01:30:00Z', text: '。' }])
    expect(line).toMatch(/<w:pPr>.*<w:rPr><w:del w:id="\d+" w:author="王科长（科长）" w:date="2024-07-08T01:30:00Z"\/><\/w:rPr><\/w:pPr>/)
    // Read from its text alone: accepted, as the summary reads (no stop twice, 完善制度 on the title's line).
    // (The reader takes a deleted paragraph mark as accepted, and says so.)
    const read = importDocx(withoutEmbedded(file), parseXml)
    expect(toText(settledDoc(read.doc, true))).toBe(toText(doc))
    expect(toText(settledDoc(read.doc, true))).not.toContain('。。')
    expect(read.warnings.map((w) => w.code)).toContain('suggestion-accepted')
    // With the summary it carries, the same summary.
    expect(importDocx(file, parseXml).doc.eq(doc)).toBe(true)

    // A body of two sentences followed by subsections: the stop goes; the rest stays on the title's line, which ends there.
    runIn.content[1].content.push({ type: 'text', text: '确保落实。' })
    runIn.content.splice(2, 1, { type: 'section3', attrs: { runIn: false }, content: [{ type: 'heading', content: [{ type: 'text', text: '完善制度' }] }] })
    const longer = Node.fromJSON(schema, json)
    longer.check()
    expect(toText(longer)).toContain('（一）加强管理加大投入力度。确保落实。\n')
    const longerLine = strFromU8(unzipSync(await toDocx(longer))['word/document.xml']!).split('</w:p>').find((p) => p.includes('加强管理'))!
    expect(changes(longerLine).map((c) => [c.tag, c.text])).toEqual([['del', '。']])
    const readLonger = importDocx(withoutEmbedded(await toDocx(longer)), parseXml)
    expect(readLonger.warnings).toEqual([])
    expect(toText(settledDoc(readLonger.doc, true))).toBe(toText(longer))
    expect(toText(settledDoc(readLonger.doc, false))).toBe(toText(longer, { suggestions: 'original' }))
  })

  it('a change accepted in Word changes the fingerprint though the text reads the same: the file is read from its text', async () => {
    const files = unzipSync(await toDocx(reviewed()))
    const xml = strFromU8(files['word/document.xml']!)
    // Accepting 李科长's insertion: the run stays, its w:ins goes.
    const accepted = xml.replace(/<w:ins w:id="\d+" w:author="李科长"[^>]*>(<w:r>(?:(?!<\/w:ins>)[\s\S])*<\/w:r>)<\/w:ins>/, '$1')
    expect(accepted).not.toBe(xml)
    files['word/document.xml'] = strToU8(accepted)
    const read = importDocx(zipSync(files), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings.map((w) => w.code)).toEqual(['embedded-stale'])
    expect(suggestionsAt(read.doc).map((s) => s.text)).toEqual([replaced.deleted, '620元', insertedParagraph])
    expect(toText(settledDoc(read.doc, true))).toBe(toText(reviewed()))
  })
})

