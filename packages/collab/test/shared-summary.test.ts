import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import { importText, toSummary, fromSummary, schema } from '@zongjie/model'
import { EditorState } from 'prosemirror-state'
import { updateYFragment } from 'y-prosemirror'
import { fillShared, summaryOfShared, sharedProblem, sharedContent, sharedAttributes, isEmptyShared } from '../src/index.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个，培训X名干部。', '二、存在的问题', '一是力量不足。'].join('\n')

/** `doc` put in a shared document `a`, and a second one `b` made from `a`'s whole state. */
function sharedTwice(doc: ReturnType<typeof schema.nodeFromJSON>) {
  const a = new Y.Doc()
  fillShared(a, doc)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  return { a, b }
}

describe('a summary in a shared Yjs document', () => {
  it('goes in and comes back exactly: content, fields, overlapping comments, suggestions on text and fields, the attributes', () => {
    const doc = importText(draft).doc
    const json = toSummary(doc)
    const ydoc = new Y.Doc()
    expect(isEmptyShared(ydoc)).toBe(true)
    expect(summaryOfShared(ydoc)).toBeNull()
    fillShared(ydoc, doc)
    expect(summaryOfShared(ydoc)!.eq(doc)).toBe(true)
    expect(toSummary(summaryOfShared(ydoc)!)).toEqual(json)
    expect(() => fillShared(ydoc, doc)).toThrow(/already holds/)

    // Overlapping comments and suggestions, through a second document synced by updates.
    const text = doc.toJSON()
    const body = text.content[2].content[1].content
    body[0] = { type: 'text', text: '新建社区', marks: [{ type: 'comment', attrs: { id: 'c1' } }] }
    body.splice(1, 0, { type: 'text', text: '养老', marks: [{ type: 'comment', attrs: { id: 'c1' } }, { type: 'comment', attrs: { id: 'c2' } }, { type: 'insertion', attrs: { id: 's1' } }] })
    const author = { id: 'u1', name: '张三' }
    const time = '2024-07-08T09:30:00+08:00'
    text.attrs = {
      ...text.attrs,
      comments: ['c1', 'c2'].map((id) => ({ id, author, time, text: '请核实', replies: [], resolved: false, quote: '养老', scope: 'text' })),
      suggestions: [{ id: 's1', author, time, kind: 'insert' }],
    }
    const reviewed = schema.nodeFromJSON(text)
    reviewed.check()
    const { b } = sharedTwice(reviewed)
    expect(summaryOfShared(b)!.eq(reviewed)).toBe(true)
    expect(fromSummary(toSummary(summaryOfShared(b)!)).eq(reviewed)).toBe(true)
  })

  it('carries suggestions of whole blocks (marks on sections and paragraphs) both ways, added and taken away', () => {
    const doc = importText(draft).doc
    const author = { id: 'u1', name: '张三' }
    const time = '2024-07-08T09:30:00+08:00'
    // The second section suggested for insertion, the first section's paragraph for deletion, the first heading as moved (a modification).
    const positions: Record<string, number> = {}
    doc.descendants((node, pos) => {
      if (node.firstChild?.type.name === 'heading') positions[node.firstChild.textContent] = pos
      if (node.type.name === 'paragraph' && node.textContent.startsWith('新建')) positions.paragraph = pos
      return true
    })
    const tr = EditorState.create({ doc }).tr
      .addNodeMark(positions['存在的问题']!, schema.marks.insertion!.create({ id: 's1' }))
      .addNodeMark(positions.paragraph!, schema.marks.deletion!.create({ id: 's2' }))
      .addNodeMark(positions['主要工作']!, schema.marks.modification!.create({ id: 's3', type: 'structure', previousValue: [{ type: 'section1', path: [0] }] }))
    const suggestions = [{ id: 's1', author, time, kind: 'insert' }, { id: 's2', author, time, kind: 'delete' }, { id: 's3', author, time, kind: 'structure' }]
    const marked = schema.nodeFromJSON({ ...tr.doc.toJSON(), attrs: { ...tr.doc.attrs, suggestions } })
    marked.check()

    const a = new Y.Doc()
    fillShared(a, marked)
    expect(summaryOfShared(a)!.eq(marked)).toBe(true)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(summaryOfShared(b)!.eq(marked)).toBe(true)
    expect(toSummary(summaryOfShared(b)!)).toEqual(toSummary(marked))

    // Accepting the insertion takes its mark away; the other document follows.
    const accepted = EditorState.create({ doc: marked }).tr.removeNodeMark(positions['存在的问题']!, schema.marks.insertion!).doc
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
    a.transact(() => updateYFragment(a, sharedContent(a), accepted, { mapping: new Map(), isOMark: new Map() }))
    expect(summaryOfShared(b)!.eq(accepted)).toBe(true)
    expect(summaryOfShared(b)!.eq(marked)).toBe(false)
  })

  it("carries a reviewer's deletion of another's suggested words and of a paragraph suggested whole (both marks) both ways", () => {
    const doc = importText(draft).doc
    const text = doc.toJSON()
    const ins = { type: 'insertion', attrs: { id: 's1' } }
    const del = { type: 'deletion', attrs: { id: 's2' } }
    const section = text.content[2]
    const first = section.content[1].content[0]
    section.content[1].content.splice(0, 1, { type: 'text', text: '新建', marks: [ins] }, { type: 'text', text: '社区', marks: [ins, del] }, { ...first, text: first.text.replace(/^新建社区/, '') })
    section.content.splice(2, 0, { type: 'paragraph', marks: [ins, del], content: [{ type: 'text', text: '另起一段。' }] })
    const time = '2024-07-08T09:30:00+08:00'
    text.attrs = { ...text.attrs, suggestions: [{ id: 's1', author: { id: 'u1', name: '张三' }, time, kind: 'insert' }, { id: 's2', author: { id: 'u2', name: '李四' }, time, kind: 'delete' }] }
    const reviewed = schema.nodeFromJSON(text)
    reviewed.check()
    const { a, b } = sharedTwice(reviewed)
    expect(summaryOfShared(b)!.eq(reviewed)).toBe(true)
    // The deletion rejected on one side: the other follows, the insertions kept.
    const rejected = reviewed.type.schema.nodeFromJSON(JSON.parse(JSON.stringify(text).replaceAll(',{"type":"deletion","attrs":{"id":"s2"}}', '')))
    a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
    a.transact(() => updateYFragment(a, sharedContent(a), rejected, { mapping: new Map(), isOMark: new Map() }))
    expect(summaryOfShared(b)!.eq(rejected)).toBe(true)
  })

  it('tells what is wrong with a shared document that is no summary', () => {
    const ydoc = new Y.Doc()
    fillShared(ydoc, importText(draft).doc)
    expect(sharedProblem(ydoc)).toBeNull()
    // A heading moved out of its section: the schema refuses it.
    const content = sharedContent(ydoc)
    ydoc.transact(() => content.insert(0, [new Y.XmlElement('heading')]))
    expect(sharedProblem(ydoc)).toMatch(/Invalid content|doc/)
    const other = new Y.Doc()
    fillShared(other, importText(draft).doc)
    sharedAttributes(other).set('year', 'two thousand')
    expect(sharedProblem(other)).not.toBeNull()
  })
})
