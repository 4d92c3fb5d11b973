import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, schema, toText } from '@zongjie/model'
import { updateYFragment } from 'y-prosemirror'
import { fillShared, summaryOfShared, sharedContent, SharedUndoManager } from '../src/index.ts'

const draft = ['示范县民政局2024年工作总结', '今年以来，我局稳步推进各项工作。', '一、主要工作', '全年培训基层干部。'].join('\n')

/** The origin the writer's own changes are made with (y-prosemirror's binding's, in the editor). */
const own = { writer: 'a' }

/** Changes a writer's shared summary as y-prosemirror's binding does: the differences, in `origin`. */
function edit(ydoc: Y.Doc, change: (doc: Node) => Node, origin: unknown) {
  const after = change(summaryOfShared(ydoc)!)
  ydoc.transact(() => updateYFragment(ydoc, sharedContent(ydoc), after, { mapping: new Map(), isOMark: new Map() }), origin)
}

/** Two writers in step: a, whose undo is tested (`undo` made for it), and b. */
function writers(makeUndo: (ydoc: Y.Doc) => Y.UndoManager) {
  const a = new Y.Doc()
  fillShared(a, importText(draft).doc)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'))
  return { a, b, undo: makeUndo(a) }
}

/** Inserts blocks at the end of the first section's body, or the sections given after it. */
const atEndOfFirstSection = (...nodes: Node[]) => (doc: Node) => {
  let at = -1
  doc.forEach((node, pos) => {
    if (at < 0 && node.type.name === 'section1') at = pos + node.nodeSize - 1
  })
  return doc.replace(at, at, new Slice(Fragment.from(nodes), 0, 0))
}
const atEnd = (...nodes: Node[]) => (doc: Node) => {
  const at = doc.content.size - doc.lastChild!.nodeSize
  return doc.replace(at, at, new Slice(Fragment.from(nodes), 0, 0))
}
const n = schema.nodes
const paragraph = (text: string) => n.paragraph!.create(null, schema.text(text))
const section1 = (title: string, body: string) => n.section1!.create(null, [n.heading!.create(null, schema.text(title)), paragraph(body)])
const section2 = (title: string, body: string) => n.section2!.create(null, [n.heading!.create(null, schema.text(title)), paragraph(body)])

const text = (ydoc: Y.Doc) => toText(summaryOfShared(ydoc)!)

describe("the writer's undo in co-editing", () => {
  it("keeps a section the writer added and undoes, when another writer has written in it since: theirs and the section's own text stay", () => {
    const { a, b, undo } = writers((ydoc) => new SharedUndoManager(sharedContent(ydoc), { trackedOrigins: new Set([own]) }))
    edit(a, atEnd(section1('队伍建设', '队伍建设得到加强。'), section1('制度建设', '制度更加健全。')), own)
    undo.stopCapturing()
    // b writes a paragraph into 二、队伍建设 only.
    edit(b, (doc) => {
      let at = -1
      doc.forEach((node, pos) => {
        if (node.type.name === 'section1' && node.firstChild!.textContent === '队伍建设') at = pos + node.nodeSize - 1
      })
      return doc.replace(at, at, new Slice(Fragment.from(paragraph('李四补充的段落。')), 0, 0))
    }, 'b-writes')
    undo.undo()
    // 三、制度建设, which nobody else touched, is undone; 二、, holding b's paragraph, stays whole.
    for (const ydoc of [a, b]) {
      const now = text(ydoc)
      expect(now).toContain('二、队伍建设\n队伍建设得到加强。\n李四补充的段落。')
      expect(now).not.toContain('制度建设')
    }
    expect(text(a)).toBe(text(b))
    // Redone: the writer's section back.
    undo.redo()
    expect(text(a)).toContain('三、制度建设\n制度更加健全。')
    expect(text(a).match(/李四补充的段落。/g)).toHaveLength(1)
  })

  it("leaves the other writer's text in a subsection undone: as Yjs alone would, it would be deleted with it", () => {
    for (const [make, kept] of [
      [(ydoc: Y.Doc) => new SharedUndoManager(sharedContent(ydoc), { trackedOrigins: new Set([own]) }), true],
      [(ydoc: Y.Doc) => new Y.UndoManager(sharedContent(ydoc), { trackedOrigins: new Set([own]) }), false],
    ] as const) {
      const { a, b, undo } = writers(make)
      edit(a, atEndOfFirstSection(section2('强化队伍建设', '队伍建设得到加强。')), own)
      undo.stopCapturing()
      edit(b, (doc) => {
        let at = -1
        doc.descendants((node, pos) => {
          if (node.type.name === 'section2') at = pos + node.nodeSize - 1
        })
        return doc.replace(at, at, new Slice(Fragment.from(paragraph('李四补充的段落。')), 0, 0))
      }, 'b-writes')
      undo.undo()
      expect(text(b).includes('李四补充的段落。')).toBe(kept)
      if (kept) expect(text(b)).toContain('（一）强化队伍建设\n队伍建设得到加强。\n李四补充的段落。')
    }
  })

  it("undoes the writer's own typing in a paragraph both wrote in, keeping the other's characters", () => {
    const { a, b, undo } = writers((ydoc) => new SharedUndoManager(sharedContent(ydoc), { trackedOrigins: new Set([own]) }))
    const typeAt = (needle: string, typed: string) => (doc: Node) => {
      let at = -1
      doc.descendants((node, pos) => {
        if (at < 0 && node.isText && node.text!.includes(needle)) at = pos + node.text!.indexOf(needle) + needle.length
      })
      return doc.replace(at, at, new Slice(Fragment.from(schema.text(typed)), 0, 0))
    }
    edit(a, typeAt('稳步推进', '全面'), own)
    undo.stopCapturing()
    edit(b, typeAt('各项', '重点'), 'b-writes')
    undo.undo()
    expect(text(a)).toContain('今年以来，我局稳步推进各项重点工作。')
    expect(text(b)).toBe(text(a))
  })
})
