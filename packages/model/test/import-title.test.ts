// The title of an imported summary: written on several lines (GB/T 9704 allows it), and never a
// web page's path copied with the text (genre.md: advertising lines above the title).
import { describe, it, expect } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importParagraphs, importText, toSummary, displayText, type SourceParagraph } from '../src/index.ts'
import { joinLines } from '../src/import/lines.ts'

const codes = (text: string) => importText(text).warnings.map((w) => `${w.line}:${w.code}`)
const titleOf = (text: string) => toSummary(importText(text).doc).title

/** The title's text with its bold parts between `**` and its commented parts between `[id:` and `]`. */
function markedTitle(doc: Node): string {
  let out = ''
  doc.child(0).forEach((child) => {
    const bold = child.marks.some((m) => m.type.name === 'bold')
    const comment = child.marks.find((m) => m.type.name === 'comment')
    let t = displayText(child)
    if (bold) t = `**${t}**`
    if (comment) t = `[${comment.attrs.id}:${t}]`
    out += t
  })
  return out
}

describe('importText: a title on two or three lines', () => {
  it('joins the organisation on the line above the title to it, with no warning', () => {
    const text = '中共某某县委组织部\n2023年工作总结\n\n今年以来，我部认真贯彻上级部署，现总结如下：\n一、主要工作\n一是抓学习。\n'
    const { doc, warnings } = importText(text)
    const s = toSummary(doc)
    expect(s.title).toBe('中共某某县委组织部2023年工作总结')
    expect(s.meta?.year).toBe(2023)
    expect(s.preamble).toEqual([{ type: 'paragraph', text: '今年以来，我部认真贯彻上级部署，现总结如下：' }])
    expect(warnings).toEqual([])
  })

  it('joins at most two lines, (（）·) allowed, and drops the lines further above with a warning', () => {
    expect(titleOf('某某省\n某某市·某某县（区）\n人民政府办公室\n2023年工作总结\n正文。')).toBe('某某市·某某县（区）人民政府办公室2023年工作总结')
    expect(codes('某某省\n某某市·某某县（区）\n人民政府办公室\n2023年工作总结\n正文。')).toEqual(['1:line-dropped'])
  })

  it('joins the organisation with its year, as a long title is broken (`……2025年度` over `……工作总结`)', () => {
    expect(titleOf('某县教育局2023年\n工作总结\n正文。')).toBe('某县教育局2023年工作总结')
    expect(titleOf('中共某某县纪律检查委员会2025年度\n全面从严治党主体责任落实情况工作总结\n正文。')).toBe('中共某某县纪律检查委员会2025年度全面从严治党主体责任落实情况工作总结')
    expect(titleOf('某某县卫生健康局2024年上半年\n深化医药卫生体制改革工作总结\n正文。')).toBe('某某县卫生健康局2024年上半年深化医药卫生体制改革工作总结')
    expect(codes('某县教育局2023年\n工作总结\n正文。')).toEqual([])
  })

  it('does not join a line that is not right above, or that has other digits, punctuation, an attachment label or a site notice', () => {
    for (const [above, sep] of [['某县教育局', '\n\n'], ['某县教育局2023年7月1日', '\n'], ['2023年', '\n'], ['某县教育局2023', '\n'], ['某县教育局，', '\n'], ['更多范文: 某站', '\n'], ['附件一', '\n'], ['局', '\n'], ['更多范文请关注本站', '\n'], ['本文来源于网络', '\n']] as const) {
      const text = `${above}${sep}工作总结\n正文。`
      expect(titleOf(text), above).toBe('工作总结')
      expect(codes(text), above).toEqual(['1:line-dropped'])
    }
    expect(titleOf(`${'某'.repeat(31)}\n工作总结\n正文。`)).toBe('工作总结')
  })

  it('keeps bold and comment ranges on their characters in a joined title', () => {
    const paragraphs: SourceParagraph[] = [
      { text: '某县教育局', bold: [[2, 5]], comments: [{ id: 'c1', from: 0, to: 2 }] },
      { text: '2023年工作总结', bold: [[0, 9]], comments: [{ id: 'c2', from: 5, to: 9 }] },
      { text: '今年以来，我局扎实推进各项工作。' },
    ]
    const { doc, warnings } = importParagraphs(paragraphs)
    expect(markedTitle(doc)).toBe('[c1:某县]**教育局2023年**[c2:**工作总结**]')
    expect(warnings).toEqual([])
  })

  it('keeps the suggestions of a joined line on their characters', () => {
    const paragraphs: SourceParagraph[] = [
      { text: '某县教育局', suggestions: [{ id: 's1', kind: 'insert', from: 2, to: 3 }] },
      { text: '2023年上半年工作总结', suggestions: [{ id: 's2', kind: 'delete', from: 5, to: 8 }] },
      { text: '今年以来，我局扎实推进各项工作。' },
    ]
    const { doc, warnings } = importParagraphs(paragraphs)
    const title = doc.child(0)
    const parts: string[] = []
    title.forEach((c) => {
      const m = c.marks.find((x) => x.type.name === 'insertion' || x.type.name === 'deletion')
      parts.push(m ? `${m.type.name}:${m.attrs.id}:${displayText(c)}` : displayText(c))
    })
    expect(parts).toEqual(['某县', 'insertion:s1:教', '育局2023年', 'deletion:s2:上半年', '工作总结'])
    // Each line's changes are kept, none reported as accepted.
    expect(warnings).toEqual([])
  })
})

describe('importText: a web page path is never the title', () => {
  it('drops a breadcrumb above the title, even one that names the genre', () => {
    const text = '首页 > 范文大全 > 工作总结\n发布时间：2020-07-10 浏览次数：1234\n2020年上半年工作总结\n\n今年以来，我部认真贯彻上级部署。\n一、主要工作\n一是抓学习。'
    expect(titleOf(text)).toBe('2020年上半年工作总结')
    expect(codes(text)).toEqual(['1:line-dropped', '2:line-dropped'])
  })

  it('takes no path for the title in any spelling', () => {
    for (const path of ['首页 » 范文 » 工作总结', '首页|范文|工作总结', '范文/工作总结', '首页 ＞ 工作总结']) {
      expect(titleOf(`${path}\n某局工作总结\n正文。`), path).toBe('某局工作总结')
      // With no line naming the genre below it, the path is no title either.
      expect(titleOf(`${path.replace('总结', '')}\n正文。`), path).toBe('')
    }
  })

  it('still takes a title with what reads as an HTML tag, or a school year, in it', () => {
    expect(titleOf('某局<b>2023</b>年工作总结\n正文。')).toBe('某局<b>2023</b>年工作总结')
    expect(titleOf('某中学2022/2023学年工作总结\n正文。')).toBe('某中学2022/2023学年工作总结')
  })
})

describe('joinLines', () => {
  it('runs the texts together and moves every range along, bold that runs on as one range', () => {
    const line = joinLines([
      { no: 1, text: '某县教育局', bold: [[3, 5]], comments: [{ id: 'c1', from: 0, to: 2 }], suggestions: [{ id: 's1', kind: 'insert', from: 1, to: 2 }] },
      { no: 2, text: '工作总结', bold: [[0, 2]], deleted: [{ id: 's2', at: 2, text: '年度', bold: [] }] },
    ])
    expect(line).toEqual({
      no: 2,
      text: '某县教育局工作总结',
      bold: [[3, 7]],
      comments: [{ id: 'c1', from: 0, to: 2 }],
      suggestions: [{ id: 's1', kind: 'insert', from: 1, to: 2 }],
      deleted: [{ id: 's2', at: 7, text: '年度', bold: [] }],
    })
  })
})
