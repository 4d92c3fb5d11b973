/**
 * A summary under review for the Word export's tests of suggestions (修订): the summary with every
 * part, with suggestions by two reviewers and a comment.
 */
import { Node } from 'prosemirror-model'
import { schema } from '@zongjie/model'
import { everyPart } from './write-fixtures.ts'

/** The reviewers and when they made their suggestions. */
export const reviewers = {
  li: { author: { id: 'u1', name: '李科长' }, time: '2024-07-08T09:30:00+08:00', date: '2024-07-08T01:30:00Z' },
  zhang: { author: { id: 'u2', name: '张主任' }, time: '2024-07-09T15:45:00+08:00', date: '2024-07-09T07:45:00Z' },
  wang: { author: { id: 'u3', name: '王科员' }, time: '2024-07-10T08:00:00+08:00', date: '2024-07-10T00:00:00Z' },
} as const

/** The opening's first words, which `s1` deletes, and what `s2` inserts in their place. */
export const replaced = { deleted: '今年以来，', inserted: '上半年，' } as const

/** The paragraph `s4` inserts whole at the start of the closing. */
export const insertedParagraph = '总之，我们将继续补齐短板弱项。'

/**
 * The summary with every part, reviewed: 李科长 deletes the opening's first words (`s1`) and
 * inserts others (`s2`); 张主任 changes a metric from 600元 to 620元 (`s3`) and inserts a whole
 * paragraph in the closing (`s4`); with `deletedSection`, 王科员 deletes the second `一、` section
 * whole (`s5`); with `deletedInsertions`, 王科员 deletes 上半 of 李科长's 上半年， and 张主任's
 * paragraph whole (`s6`); with `deletedInsertedSection`, 李科长 inserted the second `一、` section whole
 * (`s7`) and 王科员 deleted it whole (`s8`); with `filledBlank`, 张主任 fills the blank 乡镇 with 城关镇 (`s9`,
 * kind `field`). A comment (`c1`) on the title, answered once, so that comments and
 * changes share Word's ids.
 */
export function reviewed(options: { deletedSection?: boolean; deletedInsertions?: boolean; deletedInsertedSection?: boolean; filledBlank?: boolean } = {}): Node {
  const json = everyPart().toJSON()
  const ins = (id: string) => ({ type: 'insertion', attrs: { id } })
  const del = (id: string) => ({ type: 'deletion', attrs: { id } })
  const find = (node: any, test: (n: any) => boolean): any => (test(node) ? node : (node.content ?? []).map((c: any) => find(c, test)).find(Boolean))

  const title = json.content.find((n: any) => n.type === 'title')
  for (const t of title.content) t.marks = [...(t.marks ?? []), { type: 'comment', attrs: { id: 'c1' } }]

  const opening = json.content.find((n: any) => n.type === 'preamble').content[0]
  const text: string = opening.content[0].text
  if (!text.startsWith(replaced.deleted)) throw new Error('the opening changed: ' + text)
  opening.content = [
    { type: 'text', text: replaced.deleted, marks: [del('s1')] },
    { type: 'text', text: replaced.inserted, marks: [ins('s2')] },
    { type: 'text', text: text.slice(replaced.deleted.length) },
  ]

  const field = find(json, (n) => n.type === 'metric' && n.attrs.value === 620)
  field.attrs.value = 620
  field.marks = [{ type: 'modification', attrs: { id: 's3', type: 'attr', attrName: 'value', previousValue: 600, newValue: 620 } }]

  const closing = json.content.find((n: any) => n.type === 'closing')
  closing.content.unshift({ type: 'paragraph', marks: [ins('s4')], content: [{ type: 'text', text: insertedParagraph }] })

  const suggestions: object[] = [
    { id: 's1', ...pick(reviewers.li), kind: 'delete' },
    { id: 's2', ...pick(reviewers.li), kind: 'insert' },
    { id: 's3', ...pick(reviewers.zhang), kind: 'field' },
    { id: 's4', ...pick(reviewers.zhang), kind: 'insert' },
  ]
  if (options.deletedInsertions) {
    opening.content.splice(1, 1, { type: 'text', text: replaced.inserted.slice(0, 2), marks: [ins('s2'), del('s6')] }, { type: 'text', text: replaced.inserted.slice(2), marks: [ins('s2')] })
    closing.content[0].marks = [ins('s4'), del('s6')]
    suggestions.push({ id: 's6', ...pick(reviewers.wang), kind: 'delete' })
  }
  if (options.deletedSection) {
    const sections = json.content.filter((n: any) => n.type === 'section1')
    sections[1].marks = [del('s5')]
    suggestions.push({ id: 's5', ...pick(reviewers.wang), kind: 'delete' })
  }
  if (options.deletedInsertedSection) {
    const sections = json.content.filter((n: any) => n.type === 'section1')
    sections[1].marks = [ins('s7'), del('s8')]
    suggestions.push({ id: 's7', ...pick(reviewers.li), kind: 'insert' }, { id: 's8', ...pick(reviewers.wang), kind: 'delete' })
  }
  if (options.filledBlank) {
    const blank = find(json, (n) => n.type === 'blank' && n.attrs.value === null)
    blank.attrs.value = '城关镇'
    blank.marks = [{ type: 'modification', attrs: { id: 's9', type: 'attr', attrName: 'value', previousValue: null, newValue: '城关镇' } }]
    suggestions.push({ id: 's9', ...pick(reviewers.zhang), kind: 'field' })
  }
  const thread = { id: 'c1', author: { id: 'u2', name: '张主任' }, time: reviewers.zhang.time, text: '标题请再斟酌', replies: [{ id: 'r1', author: { id: 'u1', name: '李科长' }, time: reviewers.li.time, text: '已改' }], resolved: false, quote: title.content.map((t: any) => t.text).join(''), scope: 'text' }
  json.attrs = { ...json.attrs, suggestions, comments: [thread] }
  const doc = Node.fromJSON(schema, json)
  doc.check()
  return doc
}

function pick(r: { author: { id: string; name: string }; time: string }) {
  return { author: r.author, time: r.time }
}
