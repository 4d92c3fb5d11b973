// Comments (批注) made in Word or WPS come in as the model's comments: each on the text its range
// covers, with its author and time, replies under their thread, resolved ones resolved.
import { describe, it, expect } from 'vitest'
import { toSummary, toText } from '@zongjie/model'
import { importDocx, toDocx } from '../src/index.ts'
import { buildDocx, para, parseXml, run } from './docx-builder.ts'

const start = (id: number) => `<w:commentRangeStart w:id="${id}"/>`
const end = (id: number) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`
/** A comment as Word writes it: its mark, then its text, in a paragraph with a paragraph id. */
const comment = (id: number, author: string, date: string, text: string, paraId: string) =>
  `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${author.slice(0, 1)}"><w:p w14:paraId="${paraId}"><w:r><w:annotationRef/></w:r><w:r><w:t>${text}</w:t></w:r></w:p></w:comment>`

/**
 * A summary as Word saves it after review: 0 on `培训干部30名` (answered by 1, which Word puts on
 * the same range, and resolved), 2 across the end of the heading and the start of its body, and
 * 3 in comments.xml with no range in the text.
 */
const file = buildDocx({
  body: [
    para(run('示范局2024年工作总结')),
    para([start(2), run('一、主要工作')]),
    para([run('全年'), start(0), start(1), run('培训干部30名'), end(0), end(1), run('，'), end(2), run('完成项目12个。')]),
    para(run('二、存在的问题')),
    para(run('一是人手不足。')),
  ].join(''),
  comments: [
    comment(0, '李科长', '2024-07-08T09:30:00Z', '请核实人数', 'A0000001'),
    comment(1, '王科员', '2024-07-09T10:00:00Z', '已核实，无误', 'A0000002'),
    comment(2, '张三（办公室）', '2024-07-08T11:00:00Z', '标题与正文衔接', 'A0000003'),
    comment(3, '李科长', '2024-07-08T12:00:00Z', '没有位置的批注', 'A0000004'),
  ].join(''),
  commentsExtended: '<w15:commentEx w15:paraId="A0000001" w15:done="1"/><w15:commentEx w15:paraId="A0000002" w15:paraIdParent="A0000001" w15:done="0"/><w15:commentEx w15:paraId="A0000003" w15:done="0"/>',
})

describe('comments of a Word file', () => {
  it('come in on their text with author and time, replies under their thread, resolved ones resolved', () => {
    const { doc, source } = importDocx(file, parseXml)
    expect(source).toBe('document')
    const summary = toSummary(doc)
    expect(summary.version).toBe(2)
    expect(summary.comments!.map((t) => [t.id, t.author.name, t.time, t.text, t.resolved, t.anchor?.text ?? null])).toEqual([
      ['w0', '李科长', '2024-07-08T09:30:00.000Z', '请核实人数', true, '培训干部30名'],
      // Across a heading and a paragraph: the anchor quotes both, a line each, as the panel does.
      ['w2', '张三', '2024-07-08T11:00:00.000Z', '标题与正文衔接', false, '主要工作\n全年培训干部30名，'],
    ])
    // A role after the name, in full-width brackets, as the export writes it, is the author's role.
    expect(summary.comments![1]!.author).toEqual({ id: '张三（办公室）', name: '张三', role: '办公室' })
    expect(summary.comments![0]!.replies).toEqual([{ id: 'w1', author: { id: '王科员', name: '王科员' }, time: '2024-07-09T10:00:00.000Z', text: '已核实，无误' }])
    // Each quotes the whole text its range covers: 2 its two paragraphs, a line each.
    expect(summary.comments!.map((t) => t.quote)).toEqual(['培训干部30名', '主要工作\n全年培训干部30名，'])
    // The text is read as without comments: the heading's number, the metric, the problems part.
    expect(toText(doc).split('\n').filter(Boolean)).toEqual(['示范局2024年工作总结', '一、主要工作', '全年培训干部30名，完成项目12个。', '二、存在的问题', '一是人手不足。'])
    expect(summary.metrics.map((m) => m.text)).toEqual(['30名', '12个'])
  })

  it('go out again as Word comments and come back the same', async () => {
    const { doc } = importDocx(file, parseXml)
    const again = importDocx(await toDocx(doc), parseXml)
    expect(again.source).toBe('embedded')
    expect(toSummary(again.doc)).toEqual(toSummary(doc))
  })
})
