import { describe, it, expect } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importParagraphs, importText, toSummary, toText, displayText, type SourceParagraph } from '../src/index.ts'

/** A paragraph written with `**` around its bold parts, as a reader of a Word file would hand it over. */
function rich(line: string, no?: number): SourceParagraph {
  const bold: [number, number][] = []
  let text = ''
  line.split('**').forEach((part, i) => {
    if (i % 2) bold.push([text.length, text.length + part.length])
    text += part
  })
  return { text, bold, ...(no !== undefined ? { no } : {}) }
}

/** Every textblock of the document as `type: text`, its bold parts between `**`. */
function marked(doc: Node): string[] {
  const out: string[] = []
  doc.descendants((node) => {
    if (!node.isTextblock) return true
    let line = ''
    let open = false
    node.forEach((child) => {
      const bold = child.marks.some((m) => m.type.name === 'bold')
      if (bold !== open) line += '**'
      open = bold
      line += displayText(child)
    })
    if (open) line += '**'
    out.push(`${node.type.name}: ${line}`)
    return false
  })
  return out
}

describe('importParagraphs', () => {
  it('reads paragraphs exactly as importText reads the same lines', () => {
    const lines = ['某局2024年工作总结', '今年以来，我局扎实推进各项工作。', '一、抓好学习', '（一）集中学习。组织学习X次。', '一是学原文；二是悟原理。', '二、存在的问题', '一是学习不够深入。']
    const a = importParagraphs(lines.map((text) => ({ text })))
    const b = importText(lines.join('\n'))
    expect(a.doc.eq(b.doc)).toBe(true)
    expect(a.warnings).toEqual(b.warnings)
  })

  it('keeps bold where the writer set it, through heading numbers, run-in headings, items and fields', () => {
    const { doc } = importParagraphs([
      rich('某局2024年**上半年**工作总结'),
      rich('  **今年以来**，全局上下共同努力。'),
      rich('一、**抓好学习**'),
      rich('（一）**集中学习。组织**学习X次，覆盖**X名**干部。'),
      rich('**一是学原文**；二是悟原理。'),
    ])
    expect(marked(doc)).toEqual([
      'title: 某局2024年**上半年**工作总结',
      'paragraph: **今年以来**，全局上下共同努力。',
      'heading: **抓好学习**',
      'heading: **集中学习**',
      'paragraph: **组织**学习X次，覆盖**X名**干部。',
      'workItem: **学原文**；',
      'workItem: 悟原理。',
    ])
    // Bold is part of the summary: it survives Summary JSON.
    const para = toSummary(doc).sections[0]!.sections[0]!.body[0]!
    expect(para).toMatchObject({ type: 'paragraph', runs: [{ text: '组织', bold: true }, { text: '学习' }, { metric: { unit: '次' } }, { text: '，覆盖' }, { metric: { unit: '名' }, bold: true }, { text: '干部。' }] })
  })

  it('names the paragraph a warning is about by its number, and splits a paragraph at its line breaks', () => {
    const { doc, warnings } = importParagraphs([
      { text: '某局2024年工作总结', no: 1 },
      { text: '一、工作', no: 3 },
      { text: '(一)甲项\n(二)乙项', no: 7 },
    ])
    expect(toText(doc)).toContain('（一）甲项\n（二）乙项')
    expect(warnings.map((w) => `${w.line}:${w.code}`)).toEqual(['7:bracket-width', '7:bracket-width'])
  })

  it('moves bold ranges along when a paragraph is trimmed or split, and ignores ranges beyond the text', () => {
    const { doc } = importParagraphs([
      { text: '某局工作总结' },
      { text: '\u3000\u3000全年完成任务。\n  重点突出。', bold: [[2, 4], [12, 14], [40, 50]] },
    ])
    expect(marked(doc).slice(1)).toEqual(['paragraph: **全年**完成任务。', 'paragraph: **重点**突出。'])
  })
})

describe('importParagraphs: full-width digits', () => {
  it('reads a metric of a Word paragraph written in full-width digits half-width, its bold kept, and names the paragraph', () => {
    const { doc, warnings } = importParagraphs([rich('某局2025年工作总结', 1), rich('全年**培训干部１２０名**，增长５．０％。', 3)])
    expect(marked(doc)).toContain('paragraph: 全年**培训干部120名**，增长5.0％。')
    expect(toSummary(doc).metrics.map((m) => [m.text, m.value, m.decimals])).toEqual([
      ['120名', 120, undefined],
      ['5.0％', 5, 1],
    ])
    expect(warnings).toEqual([{ line: 3, code: 'digit-width', message: '指标「１２０名」「５．０％」中的全角数字已改为半角数字' }])
  })
})
