// Tracked changes (修订) made in Word or WPS come in as the model's suggestions, not accepted: the
// inserted text marked inserted, the deleted text kept and marked deleted, each change by its
// author and at its time, beside the file's comments; the structure read from the text as it reads
// with the changes accepted.
import { describe, it, expect } from 'vitest'
import { settledDoc, suggestionsAt, suggestionsProblem, toSummary, toText } from '@zongjie/model'
import { importDocx } from '../src/index.ts'
import { buildDocx, para, parseXml, run } from './docx-builder.ts'

const ins = (id: number, author: string, date: string, text: string) => `<w:ins w:id="${id}" w:author="${author}" w:date="${date}">${run(text)}</w:ins>`
const del = (id: number, author: string, date: string, text: string) => `<w:del w:id="${id}" w:author="${author}" w:date="${date}"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`
const comment = `<w:comment w:id="0" w:author="张主任" w:date="2024-07-08T11:00:00Z" w:initials="张"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>数字请核实</w:t></w:r></w:p></w:comment>`

/**
 * A summary as Word saves it after review: 李科长 inserted `上半年` in the title and `，新建站点5个`
 * in a paragraph (one typing, written as two runs with ids 1 and 2), 王科员 deleted `认真` and a
 * typed `二、` before a line (so that it is no heading any more); a comment of 张主任 on `完成项目12个`.
 */
function reviewedInWord(): Uint8Array {
  const li = (id: number, text: string) => ins(id, '李科长', '2024-07-08T09:30:00Z', text)
  const wang = (id: number, text: string) => del(id, '王科员', '2024-07-09T16:05:00Z', text)
  return buildDocx({
    body: [
      para([run('示范局2024年'), li(1, '上半年'), run('工作总结')]),
      para([run('今年以来，我局'), wang(3, '认真'), run('扎实推进各项工作。')]),
      para(run('一、主要工作')),
      para([run('全年培训干部30名，'), '<w:commentRangeStart w:id="0"/>', run('完成项目12个'), '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>', li(4, '，新建站点'), li(5, '5个'), run('。')]),
      para([wang(6, '二、'), run('同时做好信访工作。')]),
      para(run('二、存在的问题')),
      para(run('一是人手不足。')),
    ].join(''),
    comments: comment,
  })
}

describe('tracked changes of a Word file', () => {
  it('come in as suggestions by their authors and times, beside the comments, the structure read as accepted', () => {
    const { doc, source, warnings } = importDocx(reviewedInWord(), parseXml)
    expect(source).toBe('document')
    expect(warnings).toEqual([])
    doc.check()
    expect(suggestionsProblem(doc.attrs.suggestions)).toBeNull()
    expect(suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author, s.suggestion.time, s.text])).toEqual([
      ['insert', { id: '李科长', name: '李科长' }, '2024-07-08T09:30:00.000Z', '上半年'],
      ['delete', { id: '王科员', name: '王科员' }, '2024-07-09T16:05:00.000Z', '认真'],
      // Two runs inserted at once: one suggestion (the metric in it marked with the text).
      ['insert', { id: '李科长', name: '李科长' }, '2024-07-08T09:30:00.000Z', '，新建站点5个'],
      ['delete', { id: '王科员', name: '王科员' }, '2024-07-09T16:05:00.000Z', '二、'],
    ])
    // Four suggestions of two authors; the comment on its text with its author.
    const summary = toSummary(doc)
    expect(summary.suggestions!.map((s) => [s.id, s.kind])).toEqual([
      ['w1', 'insert'],
      ['w4', 'insert'],
      ['w3', 'delete'],
      ['w6', 'delete'],
    ])
    expect(summary.comments!.map((t) => [t.author.name, t.text, t.anchor?.text])).toEqual([['张主任', '数字请核实', '完成项目12个']])
    // The deleted `二、` makes no heading: one section of work, then the problems.
    expect(summary.sections.map((s) => s.number + s.title)).toEqual(['一、主要工作', '二、存在的问题'])
    expect(summary.metrics.map((m) => m.text)).toEqual(['30名', '12个', '5个'])
  })

  it('accepted all, read as the file does with its changes accepted; rejected all, as before them', () => {
    const { doc } = importDocx(reviewedInWord(), parseXml)
    const lines = (d: typeof doc) => toText(d).split('\n').filter(Boolean)
    expect(lines(settledDoc(doc, true))).toEqual(['示范局2024年上半年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年培训干部30名，完成项目12个，新建站点5个。', '同时做好信访工作。', '二、存在的问题', '一是人手不足。'])
    // The `二、` deleted comes back as text: the structure is the one read with the changes accepted.
    expect(lines(settledDoc(doc, false))).toEqual(['示范局2024年工作总结', '今年以来，我局认真扎实推进各项工作。', '一、主要工作', '全年培训干部30名，完成项目12个。', '二、同时做好信访工作。', '二、存在的问题', '一是人手不足。'])
  })

  it('a paragraph whose mark was deleted joins the next, accepted with a warning; a change in a heading’s number is accepted', () => {
    const file = buildDocx({
      body: [
        para(run('示范局工作总结')),
        para(run('一、主要工作')),
        `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="李科长" w:date="2024-07-08T09:30:00Z"/></w:rPr></w:pPr>${run('全年培训干部30名，')}</w:p>`,
        para(run('完成项目12个。')),
        para([del(2, '李科长', '2024-07-08T09:30:00Z', '三'), ins(3, '李科长', '2024-07-08T09:30:00Z', '二'), run('、存在的问题')]),
        para(run('一是人手不足。')),
      ].join(''),
    })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings.map((w) => [w.paragraph, w.code])).toEqual([
      [3, 'suggestion-accepted'],
      [4, 'suggestion-accepted'],
    ])
    expect(toText(doc)).toContain('全年培训干部30名，完成项目12个。\n二、存在的问题')
    expect(doc.attrs.suggestions).toEqual([])
  })

  it('a paragraph and a section a reviewer deleted whole, marks too, stay deleted blocks: rejected they come back as they were, accepted they go, the numbers closing up', () => {
    const wang = 'w:author="王科员" w:date="2024-07-09T16:05:00Z"'
    // As Word writes a paragraph selected whole and deleted with 修订 on: its text and its mark deleted.
    const deleted = (id: number, text: string) => `<w:p><w:pPr><w:rPr><w:del w:id="${id}" ${wang}/></w:rPr></w:pPr><w:del w:id="${id + 1}" ${wang}><w:r><w:delText>${text}</w:delText></w:r></w:del></w:p>`
    const file = buildDocx({
      body: [
        para(run('示范局2024年工作总结')),
        para(run('今年以来，我局扎实推进各项工作。')),
        para(run('一、主要工作')),
        para(run('全年培训干部30名。')),
        deleted(1, '检查中发现的问题已全部整改到位。'),
        para(run('完成项目12个。')),
        deleted(3, '二、深化养老服务'),
        deleted(5, '推进社区养老服务站建设。'),
        para(run('二、存在的问题')),
        para(run('一是人手不足。')),
      ].join(''),
    })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings).toEqual([])
    doc.check()
    expect(suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author.name, s.text])).toEqual([
      ['delete', '王科员', '检查中发现的问题已全部整改到位。'],
      ['delete', '王科员', '深化养老服务推进社区养老服务站建设。'],
    ])
    // The paragraph and the section are deleted as blocks, each its own suggestion.
    const marked: string[] = []
    doc.descendants((n) => {
      if (n.marks.some((m) => m.type.name === 'deletion')) marked.push(n.type.name)
    })
    expect(marked).toEqual(['paragraph', 'section1'])
    const lines = (d: typeof doc) => toText(d).split('\n').filter(Boolean)
    expect(lines(settledDoc(doc, false))).toEqual([
      '示范局2024年工作总结',
      '今年以来，我局扎实推进各项工作。',
      '一、主要工作',
      '全年培训干部30名。',
      '检查中发现的问题已全部整改到位。',
      '完成项目12个。',
      '二、深化养老服务',
      '推进社区养老服务站建设。',
      '三、存在的问题',
      '一是人手不足。',
    ])
    expect(lines(settledDoc(doc, true))).toEqual(['示范局2024年工作总结', '今年以来，我局扎实推进各项工作。', '一、主要工作', '全年培训干部30名。', '完成项目12个。', '二、存在的问题', '一是人手不足。'])
  })

  it.each([
    { name: 'with a line break in it that the deletion left', deleted: (d: (id: number, text: string) => string) => `<w:p><w:pPr><w:rPr>${d(1, '')}</w:rPr></w:pPr>${d(2, '检查中发现的问题')}<w:r><w:br/></w:r>${d(3, '已全部整改到位。')}</w:p>` },
    { name: 'its mark kept', deleted: (d: (id: number, text: string) => string) => `<w:p>${d(2, '检查中发现的问题已全部整改到位。')}</w:p>` },
  ])('a paragraph a reviewer deleted whole, $name, stays a deleted paragraph, not joined to the next: rejected it comes back, accepted it goes', ({ deleted }) => {
    const wang = (id: number, text: string) => (text ? del(id, '王科员', '2024-07-09T16:05:00Z', text) : `<w:del w:id="${id}" w:author="王科员" w:date="2024-07-09T16:05:00Z"/>`)
    const file = buildDocx({ body: [para(run('示范局2024年工作总结')), para(run('一、主要工作')), para(run('全年培训干部30名。')), deleted(wang), para(run('完成项目12个。'))].join('') })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings).toEqual([])
    doc.check()
    const marked: string[] = []
    doc.descendants((n) => {
      if (n.marks.some((m) => m.type.name === 'deletion')) marked.push(n.type.name)
    })
    expect(marked.every((name) => name === 'paragraph') && marked.length > 0).toBe(true)
    expect(suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author.name])).toEqual([['delete', '王科员']])
    const lines = (d: typeof doc) => toText(d).split('\n').filter(Boolean)
    expect(lines(settledDoc(doc, true))).toEqual(['示范局2024年工作总结', '一、主要工作', '全年培训干部30名。', '完成项目12个。'])
    expect(lines(settledDoc(doc, false)).join('')).toBe('示范局2024年工作总结一、主要工作全年培训干部30名。检查中发现的问题已全部整改到位。完成项目12个。')
    expect(lines(settledDoc(doc, false))).toContain('完成项目12个。')
  })

  it('a number or a blank a reviewer typed over in Word is one change of the field’s value by them: accepted the new value, rejected the old, a field either way; text and other reviewers’ changes stay as typed', () => {
    const zhang = (id: number, kind: 'ins' | 'del', text: string) => (kind === 'ins' ? ins : del)(id, '张主任', '2024-07-09T07:45:00Z', text)
    const file = buildDocx({
      body: [
        para(run('示范局2024年工作总结')),
        para(run('一、主要工作')),
        // 30名 selected and typed over; the 2 of 12个 alone; the blank's X typed over with a name.
        para([run('全年培训干部'), zhang(1, 'del', '30名'), zhang(2, 'ins', '35名'), run('，完成项目1'), zhang(3, 'del', '2'), zhang(4, 'ins', '5'), run('个，在'), zhang(5, 'del', 'X'), zhang(6, 'ins', '城关镇'), run('试点。')]),
        // Another unit, words with the number, and a number two reviewers changed: typed text.
        para([run('走访'), zhang(7, 'del', '3名'), zhang(8, 'ins', '3人'), run('，新建'), zhang(9, 'del', '6个'), zhang(10, 'ins', '8个站点'), run('，覆盖'), del(11, '李科长', '2024-07-08T09:30:00Z', '5个'), ins(12, '王科员', '2024-07-10T08:00:00Z', '7个'), run('乡镇。')]),
      ].join(''),
    })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings).toEqual([])
    doc.check()
    expect(suggestionsProblem(doc.attrs.suggestions)).toBeNull()
    const changed: unknown[] = []
    doc.descendants((n) => {
      for (const m of n.marks) if (m.type.name === 'modification') changed.push([n.type.name, m.attrs.attrName, m.attrs.previousValue, m.attrs.newValue])
    })
    expect(changed).toEqual([
      ['metric', 'value', 30, 35],
      ['metric', 'value', 12, 15],
      ['blank', 'value', null, '城关镇'],
    ])
    expect(suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author.name, s.text])).toEqual([
      ['field', '张主任', '35名'],
      ['field', '张主任', '15个'],
      ['field', '张主任', '城关镇'],
      ['delete', '张主任', '3名'],
      ['insert', '张主任', '3人'],
      ['delete', '张主任', '6个'],
      ['insert', '张主任', '8个站点'],
      ['delete', '李科长', '5个'],
      ['insert', '王科员', '7个'],
    ])
    const lines = (d: typeof doc) => toText(d).split('\n').filter(Boolean).slice(2)
    expect(lines(settledDoc(doc, true))).toEqual(['全年培训干部35名，完成项目15个，在城关镇试点。', '走访3人，新建8个站点，覆盖7个乡镇。'])
    expect(lines(settledDoc(doc, false))).toEqual(['全年培训干部30名，完成项目12个，在X试点。', '走访3名，新建6个，覆盖5个乡镇。'])
    // Fields either way.
    const fields = (d: typeof doc) => toSummary(d).metrics.map((m) => m.text)
    expect(fields(settledDoc(doc, true))).toEqual(['35名', '15个', '3人', '8个', '7个'])
    expect(fields(settledDoc(doc, false))).toEqual(['30名', '12个', '3名', '6个', '5个'])
  })

  it("one reviewer's deletion of another's inserted words (a w:del inside the w:ins) is both suggestions on that text, by their authors and times", () => {
    const li = 'w:author="李科长" w:date="2024-07-08T09:30:00Z"'
    const wang = 'w:author="王科员" w:date="2024-07-09T16:05:00Z"'
    const file = buildDocx({
      body: [
        para(run('示范局工作总结')),
        // 李科长 inserted 新建站点5个，; 王科员 deleted 新建 and 5个， of it, and 扎实 before it.
        para([
          run('全年完成项目12个，'),
          `<w:ins w:id="1" ${li}><w:del w:id="2" ${wang}><w:r><w:delText>新建</w:delText></w:r></w:del></w:ins>`,
          `<w:ins w:id="3" ${li}>${run('站点')}</w:ins>`,
          `<w:ins w:id="4" ${li}><w:del w:id="5" ${wang}><w:r><w:delText>5个，</w:delText></w:r></w:del></w:ins>`,
          del(6, '王科员', '2024-07-09T16:05:00Z', '扎实'),
          run('推进各项工作。'),
        ]),
        // A paragraph 李科长 inserted whole, mark and all, which 王科员 deleted whole.
        `<w:p><w:pPr><w:rPr><w:ins w:id="7" ${li}/><w:del w:id="8" ${wang}/></w:rPr></w:pPr><w:ins w:id="9" ${li}><w:del w:id="10" ${wang}><w:r><w:delText>此外，做好信访工作。</w:delText></w:r></w:del></w:ins></w:p>`,
        para(run('一、存在的问题')),
      ].join(''),
    })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings).toEqual([])
    doc.check()
    expect(suggestionsProblem(doc.attrs.suggestions)).toBeNull()
    expect(suggestionsAt(doc).map((s) => [s.kind, s.suggestion.author.name, s.suggestion.time, s.text])).toEqual([
      // 李科长's insertion goes on through what 王科员 deleted of it: one suggestion.
      ['insert', '李科长', '2024-07-08T09:30:00.000Z', '新建站点5个，'],
      ['delete', '王科员', '2024-07-09T16:05:00.000Z', '新建'],
      ['delete', '王科员', '2024-07-09T16:05:00.000Z', '5个，扎实'],
      ['insert', '李科长', '2024-07-08T09:30:00.000Z', '此外，做好信访工作。'],
      ['delete', '王科员', '2024-07-09T16:05:00.000Z', '此外，做好信访工作。'],
    ])
    // The paragraph is a block inserted by one and deleted by the other.
    let inserted = doc
    doc.descendants((n) => {
      if (n.isTextblock && n.textContent === '此外，做好信访工作。') inserted = n
    })
    expect(inserted.type.name).toBe('paragraph')
    expect(inserted.marks.map((m) => m.type.name)).toEqual(['insertion', 'deletion'])
    // Accepted: 站点 is all that is left of 李科长's words; rejected: none of them.
    const lines = (d: typeof doc) => toText(d).split('\n').filter(Boolean)
    expect(lines(settledDoc(doc, true))).toEqual(['示范局工作总结', '全年完成项目12个，站点推进各项工作。', '一、存在的问题'])
    expect(lines(settledDoc(doc, false))).toEqual(['示范局工作总结', '全年完成项目12个，扎实推进各项工作。', '一、存在的问题'])
  })

  it('a stretch of deletions across a paragraph boundary is a suggestion in each paragraph: accepting them keeps the paragraphs', () => {
    const wang = (id: number, text: string) => del(id, '王科员', '2024-07-09T16:05:00Z', text)
    const file = buildDocx({ body: [para(run('示范局工作总结')), para([run('全年完成项目12个'), wang(1, '，成效明显')]), para([wang(2, '此外，'), run('做好信访工作。')])].join('') })
    const { doc, warnings } = importDocx(file, parseXml)
    expect(warnings).toEqual([])
    expect(suggestionsAt(doc).map((s) => [s.suggestion.id, s.suggestion.author.name, s.text])).toEqual([
      ['w1', '王科员', '，成效明显'],
      ['w1.2', '王科员', '此外，'],
    ])
    expect(toText(settledDoc(doc, true)).split('\n').filter(Boolean)).toEqual(['示范局工作总结', '全年完成项目12个', '做好信访工作。'])
    expect(toText(settledDoc(doc, false)).split('\n').filter(Boolean)).toEqual(['示范局工作总结', '全年完成项目12个，成效明显', '此外，做好信访工作。'])
  })
})

