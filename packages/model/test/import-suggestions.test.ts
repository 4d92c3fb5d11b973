// Suggestions (修订) in imported paragraphs: the structure read from the text with the changes
// accepted, the inserted text marked, the deleted text kept where it stood, marked; accepting them
// all gives the import of the accepted text, rejecting them all the original text.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import type { Node } from 'prosemirror-model'
import { importParagraphs, settledDoc, toSummary, toText, displayText, type SourceParagraph, type SuggestionRange } from '../src/index.ts'
import { arbDoc } from './arbitrary.ts'

const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.ZJ_PROPERTY_SCALE ?? 1)))
const replay = process.env.ZJ_SEED ? { seed: Number(process.env.ZJ_SEED), path: process.env.ZJ_PATH, endOnFailure: true } : {}

/**
 * A paragraph written with `[+…+]` around inserted text and `[-…-]` around deleted text, each of
 * the suggestion `id` given after the opening (`[+s1:…+]`), as a reader of a Word file would hand
 * it over.
 */
function tracked(line: string, no?: number): SourceParagraph {
  const suggestions: SuggestionRange[] = []
  let text = ''
  const re = /\[([+-])([a-z0-9]+):(.*?)\1\]/g
  let at = 0
  for (let m = re.exec(line); m; m = re.exec(line)) {
    text += line.slice(at, m.index)
    suggestions.push({ id: m[2]!, kind: m[1] === '+' ? 'insert' : 'delete', from: text.length, to: text.length + m[3]!.length })
    text += m[3]
    at = m.index + m[0].length
  }
  text += line.slice(at)
  return { text, suggestions, ...(no !== undefined ? { no } : {}) }
}

/** The paragraph's text with its insertions (`insert`) or its deletions (`delete`) left out. */
function without(p: SourceParagraph, kind: 'insert' | 'delete'): SourceParagraph {
  let text = ''
  let at = 0
  for (const s of [...(p.suggestions ?? [])].filter((s) => s.kind === kind).sort((a, b) => a.from - b.from)) {
    text += p.text.slice(at, s.from)
    at = s.to
  }
  return { text: text + p.text.slice(at) }
}

/** Every textblock as `type: text`, inserted text in `[+…+]`, deleted in `[-…-]`, blocks inserted whole with `+` before their type. */
function shown(doc: Node): string[] {
  const out: string[] = []
  const walk = (node: Node, whole: boolean) => {
    const blockInserted = whole || node.marks.some((m) => m.type.name === 'insertion')
    if (!node.isTextblock) return node.forEach((c) => walk(c, blockInserted))
    let line = ''
    node.forEach((child) => {
      const ins = child.marks.find((m) => m.type.name === 'insertion')
      const del = child.marks.find((m) => m.type.name === 'deletion')
      const text = displayText(child)
      line += ins ? `[+${ins.attrs.id}:${text}+]` : del ? `[-${del.attrs.id}:${text}-]` : text
    })
    out.push(`${blockInserted ? '+' : ''}${node.type.name}: ${line}`)
  }
  walk(doc, false)
  return out
}

const paragraphs = [
  tracked('某局2024年[+s1:上半年+]工作总结'),
  tracked('今年以来，我局[-s2:认真-]扎实推进各项工作。'),
  tracked('[-s3:一、-]主要做法'),
  tracked('一、抓好学习'),
  tracked('全年培训干部[-s4:3-][+s5:2+]0名，完成项目12个[+s6:，新建站点5个+]。'),
  tracked('[+s7:二、加强管理+]'),
  tracked('[+s7:一是建立台账；二是定期检查。+]'),
  tracked('[+s8:三+][-s8:二-]、存在的问题'),
  tracked('一是人手不足。'),
]

describe('suggestions in imported paragraphs', () => {
  it('are marks on the text read with the changes accepted, the deleted text kept where it stood', () => {
    const { doc, warnings } = importParagraphs(paragraphs)
    doc.check()
    expect(shown(doc)).toEqual([
      'title: 某局2024年[+s1:上半年+]工作总结',
      'paragraph: 今年以来，我局[-s2:认真-]扎实推进各项工作。',
      // A deleted `一、` makes no heading: the paragraph keeps it, deleted.
      'paragraph: [-s3:一、-]主要做法',
      'heading: 抓好学习',
      // A field changed in part is replaced whole, so that it stays one field either way.
      'paragraph: 全年培训干部[-s4:30名-][+s5:20名+]，完成项目12个[+s6:，新建站点+][+s6:5个+]。',
      // A section inserted whole is one inserted block; its number is computed, not text.
      '+heading: 加强管理',
      '+workItem: 建立台账；',
      '+workItem: 定期检查。',
      // A heading's number changed in the text: the number is computed, the change accepted.
      'heading: 存在的问题',
      'workItem: 人手不足。',
    ])
    expect(doc.child(3).marks.map((m) => m.type.name)).toEqual(['insertion'])
    expect(warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['8:suggestion-accepted'])
    const metrics = (d: Node) => toSummary(d).metrics.map((m) => m.text)
    expect(metrics(settledDoc(doc, true))).toEqual(['20名', '12个', '5个'])
    expect(metrics(settledDoc(doc, false))).toEqual(['30名', '12个'])
  })

  it('accepted all, read as the accepted text; rejected all, as the original text', () => {
    const { doc } = importParagraphs(paragraphs)
    expect(settledDoc(doc, true).eq(importParagraphs(paragraphs.map((p) => without(p, 'delete'))).doc)).toBe(true)
    // Rejected, the changes the import kept as changes give the original back (not the `一、` and
    // `三、` it had to accept); the period is the one the title names with the changes accepted.
    const kept = paragraphs.filter((_, i) => i !== 2).map((p, i) => (i === 6 ? { text: '三、存在的问题' } : p))
    const read = importParagraphs(kept)
    expect(read.warnings).toEqual([])
    expect(settledDoc(read.doc, true).eq(importParagraphs(kept.map((p) => without(p, 'delete'))).doc)).toBe(true)
    expect(settledDoc(read.doc, false).content.eq(importParagraphs(kept.map((p) => without(p, 'insert'))).doc.content)).toBe(true)
  })

  it('keep bold and comments on deleted text, and count deleted text at a line break with the line before it', () => {
    const { doc } = importParagraphs([
      { text: '某局工作总结' },
      { text: '甲乙丙\n丁戊', bold: [[1, 2]], comments: [{ id: 'c1', from: 0, to: 3 }], suggestions: [{ id: 's1', kind: 'delete', from: 1, to: 3 }] },
    ])
    const para = doc.child(1).child(0)
    expect(para.childCount).toBe(3)
    expect(para.child(1).text).toBe('乙')
    expect(para.child(1).marks.map((m) => m.type.name).sort()).toEqual(['bold', 'comment', 'deletion'])
    expect(para.child(2).marks.map((m) => m.type.name).sort()).toEqual(['comment', 'deletion'])
    expect(shown(doc)).toEqual(['title: 某局工作总结', 'paragraph: 甲[-s1:乙-][-s1:丙-]', 'paragraph: 丁戊'])
  })

  it('accepted all, read as the accepted text, whatever the changes (property)', () => {
    // The lines of a summary, each with up to three changes anywhere in it (numbers, ordinals, fields, line ends).
    const arbParagraphs = arbDoc.chain((doc) => {
      const lines = toText(doc).split('\n').filter(Boolean)
      return fc.tuple(
        ...lines.map((text) =>
          fc
            .array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.boolean()), { maxLength: 3 })
            .map((cuts): SourceParagraph => {
              const suggestions: SuggestionRange[] = []
              let end = 0
              for (const [a, b, insert] of cuts.map(([a, b, k]) => [Math.min(a, b), Math.max(a, b), k] as const).sort((x, y) => x[0] - y[0])) {
                if (a < end || b === a) continue
                suggestions.push({ id: `s${suggestions.length + 1}`, kind: insert ? 'insert' : 'delete', from: a, to: b })
                end = b
              }
              return { text, suggestions }
            }),
        ),
      )
    })
    fc.assert(
      fc.property(arbParagraphs, (paragraphs) => {
        const { doc } = importParagraphs(paragraphs)
        doc.check()
        settledDoc(doc, false).check()
        expect(settledDoc(doc, true).eq(importParagraphs(paragraphs.map((p) => without(p, 'delete'))).doc)).toBe(true)
      }),
      { numRuns: runs(300), ...replay },
    )
  })
})

