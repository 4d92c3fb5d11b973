// Export then import: every summary comes back as the same Summary JSON, and a file whose text was
// edited in Word after export is read from its text, with the change and a warning.
import { describe, it, expect } from 'vitest'
import { Node } from 'prosemirror-model'
import { schema, settledDoc, toSummary } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { parseXml } from './docx-builder.ts'
import { editedInWord } from './edited-in-word.ts'
import { corpusDocs, everyPart, templateDocs } from './write-fixtures.ts'
import { reviewed, reviewers } from './suggestion-fixtures.ts'
import { blank, doc as summaryDoc, p } from '../../model/test/arbitrary.ts'

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

  it('a closing that opens with no 总之, edited in Word after export, is still the closing, not the last section’s body', async () => {
    const doc = everyPart()
    const before = toSummary(doc)
    expect(before.closing.map((b) => ('text' in b ? b.text : b.type))).toEqual(['我们将以更加务实的作风，推动民政事业高质量发展。'])
    // As a writer edits the closing in Word: a word changed, a sentence added in a paragraph of its own (Enter keeps the paragraph's style).
    const edited = editedInWord(await toDocx(doc), (xml) => {
      const closing = /<w:p>(?:(?!<w:p>).)*?务实的作风(?:(?!<w:p>).)*?<\/w:p>/s.exec(xml)![0]
      const added = closing.replace(/<w:t([^>]*)>[^<]*务实的作风[^<]*<\/w:t>/, '<w:t$1>我们将持之以恒抓好落实。</w:t>')
      return xml.replace(closing, closing.replace('务实的作风', '扎实的作风') + added)
    })
    const read = importDocx(edited, parseXml)
    expect(read.source).toBe('document')
    const after = toSummary(read.doc)
    expect(after.closing.map((b) => ('text' in b ? b.text : b.type))).toEqual(['我们将以更加扎实的作风，推动民政事业高质量发展。', '我们将持之以恒抓好落实。'])
    expect(after.sections.at(-1)!.body).toEqual(before.sections.at(-1)!.body)
  })

  it('blanks whose words were changed in Word, filled or cleared back to X, come back as the blanks they are, with their labels', async () => {
    const doc = summaryDoc({
      title: '示范局2024年上半年工作总结',
      preamble: [
        p('我局联合', blank({ value: '城关镇', label: '乡镇名称' }), '、', blank({ label: '社区名称', placeholder: 'XX' }), '社区和', blank({ value: '阳光', label: '小区名称' }), '小区开展走访。'),
        p('今年以来，我局扎实推进各项工作。'),
      ],
    })
    /** The blanks of a document: value (or placeholder while unfilled), label. */
    const blanks = (d: Node) => {
      const out: string[][] = []
      d.descendants((n) => {
        if (n.type.name === 'blank') out.push([n.attrs.value ?? `未填 ${n.attrs.placeholder}`, n.attrs.label])
      })
      return out
    }
    expect(blanks(importDocx(editedInWord(await toDocx(doc), (xml) => xml.replace('扎实推进', '稳步推进')), parseXml).doc)).toEqual(blanks(doc))
    // As a writer types over the blanks' words in Word: a name changed, the unfilled one filled, one cleared back to X.
    const edited = editedInWord(await toDocx(doc), (xml) => xml.replace('>城关镇<', '>城南镇<').replace(/>XX</, '>幸福<').replace('>阳光<', '>X<'))
    const read = importDocx(edited, parseXml)
    expect(read.source).toBe('document')
    expect(blanks(read.doc)).toEqual([
      ['城南镇', '乡镇名称'],
      ['幸福', '社区名称'],
      ['未填 X', '小区名称'],
    ])
  })

  it('run-in 1. titles, edited in Word after export, come back run in as they went out, not bold', async () => {
    const doc = everyPart()
    const runIns = (d: Node) => {
      const out: unknown[] = []
      const walk = (sections: ReturnType<typeof toSummary>['sections']) => {
        for (const s of sections) {
          if (s.runIn) out.push([s.number + s.title, s.titleRuns])
          walk(s.sections)
        }
      }
      walk(toSummary(d).sections)
      return out
    }
    expect(runIns(doc)).toHaveLength(4)
    const read = importDocx(editedInWord(await toDocx(doc), (xml) => xml.replace('务实的作风', '扎实的作风')), parseXml)
    expect(read.source).toBe('document')
    expect(runIns(read.doc)).toEqual(runIns(doc))
  })

  it('a reviewed summary, edited in Word after export, keeps the section a reviewer deleted whole as a suggestion, not accepted', async () => {
    const doc = reviewed({ deletedSection: true })
    // As a writer corrects a word in Word: the text changes, the tracked changes stay.
    const read = importDocx(editedInWord(await toDocx(doc), (xml) => xml.replace('基层经办力量不足', '基层经办人员不足')), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings.map((w) => w.code)).toEqual(['embedded-stale'])
    const before = toSummary(doc)
    const after = toSummary(read.doc)
    // The outline is the same, the deleted section still there, deleted by 王科员.
    const outline = (s: ReturnType<typeof toSummary>) => s.sections.map((x) => x.number + x.title)
    expect(outline(after)).toEqual(outline(before))
    const deletedBy: string[] = []
    read.doc.descendants((n) => {
      const deletion = n.marks.find((m) => m.type.name === 'deletion')
      if (n.type.name === 'section1' && deletion) deletedBy.push(n.textContent.slice(0, 6), after.suggestions!.find((s) => s.id === deletion.attrs.id)!.author.name)
    })
    expect(deletedBy).toEqual([before.sections[1]!.title.slice(0, 6), '王科员'])
  })

  it('a reviewed summary, edited in Word after export, keeps a reviewer’s change to a metric’s value and the blank they filled as changes of the fields, by that reviewer: accepted they read the new values, rejected the old, fields either way', async () => {
    const doc = reviewed({ filledBlank: true })
    // As a writer corrects a word in Word: the text changes, the tracked changes stay.
    const read = importDocx(editedInWord(await toDocx(doc), (xml) => xml.replace('基层经办力量不足', '基层经办人员不足')), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings.map((w) => w.code)).toEqual(['embedded-stale'])
    const suggestions = new Map(toSummary(read.doc).suggestions!.map((s) => [s.id, s]))
    /** The fields whose values a suggestion changes: what they show, the change, and the suggestion's kind, author and time. */
    const changes = (d: Node) => {
      const out: unknown[] = []
      d.descendants((n) => {
        for (const m of n.marks) {
          if (m.type.name !== 'modification') continue
          const s = suggestions.get(m.attrs.id as string)
          out.push([n.type.name, m.attrs.attrName, m.attrs.previousValue, m.attrs.newValue, s?.kind, s?.author.name, s && Date.parse(s.time)])
        }
        for (const m of n.marks) if (!n.isText && n.isInline && (m.type.name === 'insertion' || m.type.name === 'deletion')) out.push([n.type.name, m.type.name])
      })
      return out
    }
    const zhang = Date.parse(reviewers.zhang.time)
    expect(changes(read.doc)).toEqual([
      ['metric', 'value', 600, 620, 'field', '张主任', zhang],
      ['blank', 'value', null, '城关镇', 'field', '张主任', zhang],
    ])
    // No other suggestion: the old values are no deletions of their own, the new ones no insertions.
    expect([...suggestions.values()].map((s) => s.kind).sort()).toEqual(toSummary(doc).suggestions!.map((s) => s.kind).sort())
    /** The metric of 元 and the blank after 覆盖, as they read. */
    const fields = (d: Node) => {
      const out: string[] = []
      d.descendants((n, _pos, parent) => {
        if (n.type.name === 'metric' && n.attrs.unit === '元') out.push(`metric ${n.attrs.value}元`)
        if (n.type.name === 'blank' && parent!.textContent.includes('覆盖')) out.push(`blank ${n.attrs.value ?? n.attrs.placeholder}`)
      })
      return out
    }
    expect(fields(read.doc)).toEqual(['metric 620元', 'blank 城关镇'])
    expect(fields(settledDoc(read.doc, true))).toEqual(['metric 620元', 'blank 城关镇'])
    expect(fields(settledDoc(read.doc, false))).toEqual(['metric 600元', 'blank X'])
    expect(changes(settledDoc(read.doc, true))).toEqual([])
  })

  it.each([{ name: 'words and a paragraph', options: { deletedInsertions: true } }, { name: 'a section', options: { deletedInsertedSection: true } }])(
    'a reviewed summary in which a reviewer deleted $name another suggested, saved again with only the deletions (as LibreOffice saves it), was not edited: it comes back exactly from the summary it carries',
    async ({ options }) => {
      const doc = reviewed(options)
      // As LibreOffice writes a w:del inside a w:ins again: the deletion alone, the paragraph marks' insertions gone too.
      const resaved = editedInWord(await toDocx(doc), (xml) =>
        xml.replace(/<w:ins [^>/]*>(<w:del [^>/]*>(?:(?!<\/w:del>).)*<\/w:del>)<\/w:ins>/gs, '$1').replace(/<w:ins [^>/]*\/>(<w:del [^>/]*\/>)/g, '$1'),
      )
      const read = importDocx(resaved, parseXml)
      expect(read.warnings).toEqual([])
      expect(read.source).toBe('embedded')
      expect(read.doc.eq(doc)).toBe(true)
    },
  )

  it.each(corpusDocs())('$name, one paragraph changed in document.xml, is read from its text, with a warning', async ({ doc }) => {
    const summary = toSummary(doc)
    const heading = summary.sections[0]!.title
    // As a writer edits the first heading in Word: its text changes, the rest stays.
    const read = importDocx(editedInWord(await toDocx(doc), (xml) => xml.replace(heading, heading + '（修改）')), parseXml)
    expect(read.source).toBe('document')
    expect(read.warnings.map((w) => w.code)).toContain('embedded-stale')
    const after = toSummary(read.doc)
    expect(after.sections[0]!.title).toBe(heading + '（修改）')
    // Everything else reads as before: the outline, the metrics.
    expect(after.sections.slice(1).map((s) => s.number + s.title)).toEqual(summary.sections.slice(1).map((s) => s.number + s.title))
    expect(after.metrics.map((m) => m.text)).toEqual(summary.metrics.map((m) => m.text))
  })
})
