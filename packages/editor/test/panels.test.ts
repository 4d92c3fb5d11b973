// @vitest-environment happy-dom
/**
 * The panels' data (outline, status counts) kept from one document to the next must equal what a
 * copy of the document, sharing nothing, gives; the panels' lists are kept while they read the same.
 */
import { describe, it, expect, vi } from 'vitest'
import fc from 'fast-check'
import { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { importText, schema } from '@zongjie/model'
import { outlineOf, outlineList } from '../src/panels/outline.ts'
import { statusOf } from '../src/panels/status.ts'
import { metricRows, MetricTable } from '../src/panels/metrics.ts'
import { findingsList } from '../src/panels/findings.ts'
import { headingNumbers } from '../src/plugins/numbering.ts'
import { zhCN } from '../src/locales/zh-CN.ts'
import { en } from '../src/locales/en.ts'
import { arbDoc } from '../../model/test/arbitrary.ts'
import { arbEdit, tryEdit } from '../../model/test/edits.ts'

const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.ZJ_PROPERTY_SCALE ?? 1)))

describe('panel data after edits', () => {
  it('equals that of a copy of the document, and the outline and metrics rows point at their headings and fields', () => {
    fc.assert(
      fc.property(arbDoc, arbDoc, fc.array(arbEdit, { minLength: 1, maxLength: 8 }), (start, other, edits) => {
        let doc = start
        outlineOf(doc)
        statusOf(doc)
        metricRows(doc)
        for (const edit of edits) {
          const tr = new Transform(doc)
          if (!tryEdit(tr, edit, other)) continue
          doc = tr.doc
          const copy = Node.fromJSON(schema, doc.toJSON())
          const outline = outlineOf(doc)
          expect(outline).toStrictEqual(outlineOf(copy))
          expect(statusOf(doc)).toStrictEqual(statusOf(copy))
          const rows = metricRows(doc)
          expect(rows).toStrictEqual(metricRows(copy))
          for (const row of rows) expect(doc.nodeAt(row.pos)?.attrs).toEqual(row.attrs)
          expect(outline.map((e) => ({ pos: e.pos, number: e.number }))).toEqual(headingNumbers(doc))
          for (const e of outline) expect(doc.nodeAt(e.pos)?.type.name).toBe('heading')
        }
      }),
      { numRuns: runs(500) },
    )
  })
})

describe('panel lists', () => {
  const text = ['工作总结', '开头。', '一、甲', '培训X名。', '二、乙', '（一）丙'].join('\n')
  const doc = importText(text).doc
  // The same draft with a longer opening: every later place moves, every entry reads the same.
  const moved = importText(text.replace('开头。', '开头写得更长一些。')).doc

  it('keep the outline list while the entries read the same, wherever they are', () => {
    const list = outlineList()
    const ol = list.of(outlineOf(doc), zhCN.outline)
    expect([...ol.children].map((li) => li.textContent)).toEqual(['一、甲', '二、乙', '（一）丙'])
    expect(outlineOf(moved)[0]!.pos).not.toBe(outlineOf(doc)[0]!.pos)
    expect(list.of(outlineOf(moved), zhCN.outline)).toBe(ol)
    const retitled = importText(text.replace('二、乙', '二、丁')).doc
    const other = list.of(outlineOf(retitled), zhCN.outline)
    expect(other).not.toBe(ol)
    expect(other.children[1]!.textContent).toBe('二、丁')
    // Another language draws the list anew.
    expect(list.of(outlineOf(retitled), en.outline)).not.toBe(other)
  })

  it('keep the findings list while the findings read the same', () => {
    const list = findingsList()
    const finding = { code: 'metric-unfilled' as const, severity: 'error' as const, message: '第一部分：指标「培训X名」未填写数字', where: '一、', pos: 10 }
    const ol = list.of([finding], zhCN.findings)
    expect(list.of([{ ...finding, pos: 20 }], zhCN.findings)).toBe(ol)
    expect(list.of([{ ...finding, message: '第一部分：指标「培训X人」未填写数字' }], zhCN.findings)).not.toBe(ol)
  })

  it('keep the metrics table while its rows read the same, and write a changed row in place', () => {
    const filled: number[] = []
    const table = new MetricTable(
      (i) => (filled.push(i), true),
      () => {},
    )
    const el = table.of(metricRows(doc), false, zhCN.metrics)
    const row = el.querySelector('tbody tr') as HTMLTableRowElement
    expect(row.cells[0]!.textContent).toBe('培训')
    expect(row.className).toBe('unfilled')
    expect(table.of(metricRows(moved), false, zhCN.metrics)).toBe(el)
    const done = importText(text.replace('培训X名', '培训12名')).doc
    expect(table.of(metricRows(done), false, zhCN.metrics)).toBe(el)
    expect(el.querySelector('tbody tr')).toBe(row)
    expect(row.className).toBe('')
    expect((row.cells[1]!.firstChild as HTMLInputElement).value).toBe('12')
    // Read-only: every input is disabled.
    table.of(metricRows(done), true, zhCN.metrics)
    expect((row.cells[1]!.firstChild as HTMLInputElement).disabled).toBe(true)
    // A value typed in the table and Enter fill the metric of that row.
    const input = row.cells[1]!.firstChild as HTMLInputElement
    input.disabled = false
    input.value = '15'
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(filled).toEqual([0])
  })

  it('build a long metrics table a hundred rows at a time, each row as it reads when its turn comes', () => {
    const long = (unit: (i: number) => string) => importText(['工作总结', '一、甲', ...Array.from({ length: 250 }, (_, i) => `第${i + 1}项培训X${unit(i)}。`)].join('\n')).doc
    // The tasks that build the rest are run one by one here, however busy the machine is.
    vi.useFakeTimers()
    try {
      const table = new MetricTable(
        () => true,
        () => {},
      )
      const el = table.of(metricRows(long(() => '名')), false, zhCN.metrics)
      const units = () => [...el.tBodies[0]!.querySelectorAll('tr')].map((r) => r.cells[2]!.textContent)
      expect(units()).toHaveLength(100)
      // Rows change before the last are built: those built are written in place, the rest built as they read now.
      expect(table.of(metricRows(long((i) => (i % 2 ? '人' : '名'))), false, zhCN.metrics)).toBe(el)
      expect(units()).toHaveLength(100)
      vi.advanceTimersToNextTimer()
      expect(units()).toHaveLength(200)
      vi.advanceTimersToNextTimer()
      expect(units()).toHaveLength(250)
      expect(vi.getTimerCount()).toBe(0)
      expect(units()).toEqual(Array.from({ length: 250 }, (_, i) => (i % 2 ? '人' : '名')))
      expect([...el.tBodies[0]!.querySelectorAll('tr')].map((r) => r.dataset.index)).toEqual(Array.from({ length: 250 }, (_, i) => String(i)))
    } finally {
      vi.useRealTimers()
    }
  })

  it('are one for each element: two lists never share their entries', () => {
    const a = outlineList()
    const b = outlineList()
    const entries = outlineOf(doc)
    expect(a.of(entries, zhCN.outline)).not.toBe(b.of(entries, zhCN.outline))
  })
})
