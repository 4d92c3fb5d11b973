import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { importText } from '@zongjie/model'
import { SummaryMirror } from '../src/summary-mirror.ts'
import { judgeUpdate } from '../src/index.ts'
import { fillShared, sharedAttributes, sharedContent, sharedProblem, summaryOfShared } from '../src/shared.ts'
import { editSummary } from './helpers.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。', '二、存在的问题', '一是力量不足。', '三、下一步打算', '继续推进。'].join('\n')

/** The first text in a part of the shared summary. */
function firstText(element: Y.XmlElement): Y.XmlText {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) return child
    if (child instanceof Y.XmlElement) {
      try {
        return firstText(child)
      } catch {
        // none there
      }
    }
  }
  throw new Error(`no text in ${element.nodeName}`)
}

/** The mirror reads what summaryOfShared reads, valid or not. */
function expectSame(mirror: SummaryMirror, ydoc: Y.Doc) {
  const state = mirror.current()
  const problem = sharedProblem(ydoc)
  expect(state.problem === null).toBe(problem === null)
  if (problem === null) {
    const doc = summaryOfShared(ydoc)
    expect(state.empty).toBe(doc === null)
    if (doc) expect(state.summary!.eq(doc)).toBe(true)
  }
}

describe('the summary mirror', () => {
  it('reads, part by part, what summaryOfShared reads, through edits, broken states and repairs', () => {
    const ydoc = new Y.Doc()
    const mirror = new SummaryMirror(ydoc)
    expectSame(mirror, ydoc)
    fillShared(ydoc, importText(draft).doc)
    expectSame(mirror, ydoc)
    const content = sharedContent(ydoc)
    const steps: (() => void)[] = [
      () => firstText(content.get(3) as Y.XmlElement).insert(0, '字'),
      () => sharedAttributes(ydoc).set('year', 2024),
      () => sharedAttributes(ydoc).set('year', 'twenty'),
      () => sharedAttributes(ydoc).set('year', null),
      () => content.insert(0, [new Y.XmlElement('heading')]),
      () => content.delete(0, 1),
      () => ((content.get(2) as Y.XmlElement).insert(0, [new Y.XmlElement('closing')])),
      () => ((content.get(2) as Y.XmlElement).delete(0, 1)),
      () => editSummary(ydoc, (d) => d.type.create(d.attrs, d.content.cut(0, d.content.size - d.lastChild!.nodeSize).append(d.content.cut(d.content.size - d.lastChild!.nodeSize)))),
      () => content.delete(3, 1),
      () => firstText(content.get(1) as Y.XmlElement).format(0, 2, { bogus: { x: 1 } }),
      () => firstText(content.get(1) as Y.XmlElement).format(0, 2, { bogus: null }),
    ]
    let broken = 0
    for (const step of steps) {
      step()
      expectSame(mirror, ydoc)
      if (mirror.current().problem) broken++
    }
    expect(broken).toBeGreaterThanOrEqual(3)
    expect(mirror.current().problem).toBeNull()
    mirror.destroy()
  })

  it('tries an update on its copy only, and judgeUpdate leaves the document as it is', () => {
    const ydoc = new Y.Doc()
    fillShared(ydoc, importText(draft).doc)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(ydoc))
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    sharedContent(client).insert(0, [new Y.XmlElement('heading')])
    const before = Y.encodeStateAsUpdate(ydoc)
    expect(judgeUpdate(ydoc, updates[0]!, 'editor')).toMatchObject({ kind: 'schema' })
    expect(Buffer.from(Y.encodeStateAsUpdate(ydoc)).equals(Buffer.from(before))).toBe(true)
    const mirror = new SummaryMirror(ydoc)
    expect(mirror.tryUpdate(updates[0]!).after.problem).toMatch(/Invalid content for node doc/)
    mirror.drop()
    expect(mirror.current().problem).toBeNull()
    mirror.destroy()
  })
})
