/**
 * A suggestion mark whose suggestion has no entry in the document's `suggestions` (text from a
 * hand-edited Summary JSON, a co-edited state whose entry has not arrived): every output reads it
 * as no suggestion at all, the text and fields as they stand, so that nothing is lost and Summary
 * JSON, HTML, the review HTML, the text and the validator say the same summary.
 */
import { describe, it, expect } from 'vitest'
import { parseHTML } from 'linkedom'
import type { Mark, Node } from 'prosemirror-model'
import { schema, type Suggestion } from '../src/schema.ts'
import { toHTML } from '../src/html.ts'
import { fromHTML, type DomNodeLike } from '../src/html-read.ts'
import { toSummary, fromSummary, type ParagraphBlock } from '../src/summary.ts'
import { toText } from '../src/text.ts'
import { validate } from '../src/validate.ts'
import { doc as docOf, p, section, metric } from './arbitrary.ts'

const parse = (html: string): DomNodeLike => parseHTML(html).document
const m = schema.marks
const ins = (id: string) => m.insertion!.create({ id })
const del = (id: string) => m.deletion!.create({ id })
const t = (text: string, ...marks: Mark[]) => schema.text(text, marks)
const entry: Suggestion = { id: 's1', author: { id: 'u1', name: '李科长', role: '科长' }, time: '2024-07-08T09:01:00+08:00', kind: 'insert' }

/**
 * The summary with (`stray`) or without the marks of suggestions x1 to x4, which have no entry:
 * 街道 inserted, 年度 deleted, a metric's value changed from 1000 and an unfilled metric deleted;
 * s1 (with its entry) inserts 改造.
 */
function summary(stray: boolean, entries: Suggestion[] = [entry]): Node {
  const on = (node: Node, mark: Mark) => (stray ? node.mark(mark.addToSet(node.marks)) : node)
  const changed = m.modification!.create({ id: 'x3', type: 'attr', attrName: 'value', previousValue: 1000, newValue: 1280 })
  const base = docOf({
    title: '青禾街道2024年上半年工作总结',
    preamble: [
      p('今年以来，', on(t('街道'), ins('x1')), '围绕', on(t('年度'), del('x2')), '目标推进工作，走访', on(metric({ value: 1280, unit: '户' }), changed), '。'),
      p('完成', t('改造', ins('s1')), '。'),
    ],
    sections: [section(1, '主要工作', [p('培训干部', on(metric({ unit: '名' }), del('x4')), '。')])],
    closing: [p('再接再厉。')],
    signOff: ['青禾街道办事处', '2024年7月8日'],
  })
  return base.type.create({ ...base.attrs, suggestions: entries }, base.content)
}

describe('a suggestion mark with no entry', () => {
  for (const [name, entries] of [
    ['beside a suggestion with its entry', [entry]],
    ['in a summary with no entries at all', []],
  ] as const) {
    describe(name, () => {
      const stray = summary(true, [...entries])
      // The same summary without the stray marks (without any entry, s1's mark has none either: it too is plain).
      const expected = entries.length ? summary(false, [...entries]) : withoutMarks(summary(false, []))

      it('is plain in Summary JSON: its text kept, and it reads back as that', () => {
        const json = toSummary(stray)
        expect((json.preamble[0] as ParagraphBlock).text).toBe('今年以来，街道围绕年度目标推进工作，走访1280户。')
        expect(json).toEqual(toSummary(expected))
        expect(fromSummary(JSON.parse(JSON.stringify(json))).eq(expected)).toBe(true)
      })

      it('is plain in the review HTML: its text kept, not struck out or dropped, and it reads back as that', () => {
        const html = toHTML(stray)
        expect(html).toContain('今年以来，街道围绕年度目标推进工作，走访<span class="zj-metric" data-value="1280"')
        expect(html).toContain('培训干部<span class="zj-metric"')
        expect(html).not.toMatch(/data-suggestion="x\d"/)
        expect(html).toBe(toHTML(expected))
        expect(fromHTML(html, parse).eq(expected)).toBe(true)
      })

      it('is plain in the clean HTML', () => {
        expect(toHTML(stray, { review: false })).toContain('今年以来，街道围绕年度目标推进工作，走访')
        expect(toHTML(stray, { review: false })).toBe(toHTML(expected, { review: false }))
      })

      it('is plain in the text, with the suggestions accepted and before them', () => {
        expect(toText(stray)).toContain('今年以来，街道围绕年度目标推进工作，走访1280户。')
        expect(toText(stray, { suggestions: 'original' })).toContain('今年以来，街道围绕年度目标推进工作，走访1280户。')
        expect(toText(stray)).toBe(toText(expected))
        expect(toText(stray, { suggestions: 'original' })).toBe(toText(expected, { suggestions: 'original' }))
      })

      it('is judged as plain: the unfilled metric it marks deleted is still to fill', () => {
        const codes = validate(stray).map((f) => [f.code, f.message])
        expect(codes.map(([code]) => code)).toContain('metric-unfilled')
        expect(codes).toEqual(validate(expected).map((f) => [f.code, f.message]))
      })
    })
  }
})

/** A document without any suggestion mark. */
function withoutMarks(d: Node): Node {
  const strip = (n: Node): Node => {
    if (n.isText) return schema.text(n.text!, n.marks.filter((x) => !['insertion', 'deletion', 'modification'].includes(x.type.name)))
    const kids: Node[] = []
    n.forEach((c) => kids.push(strip(c)))
    return n.type.create(n.attrs, kids, n.marks.filter((x) => !['insertion', 'deletion', 'modification'].includes(x.type.name)))
  }
  return strip(d)
}
