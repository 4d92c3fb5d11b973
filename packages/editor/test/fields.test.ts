// @vitest-environment happy-dom
/**
 * A field's open input: what the writer has typed into it is not lost when ProseMirror draws its
 * paragraph anew while it is open (an edit elsewhere after the whole view was marked for redrawing,
 * another writer's change, an extension touching the page).
 */
import { describe, it, expect, afterEach } from 'vitest'
import { EditorState } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, toSummary } from '@zongjie/model'
import { fields, type FieldDom } from '../src/plugins/fields.ts'
import { redrawAll } from '../src/zongjie-editor/redraw.ts'

const views: EditorView[] = []
afterEach(() => {
  for (const view of views.splice(0)) {
    view.destroy()
    view.dom.remove()
  }
})

/** A view on the page with the fields plugin over a summary whose first section counts `X名` trained. */
function viewWithMetric() {
  const { doc } = importText('2024年工作总结\n开头。\n一、培训\n全年培训干部X名。')
  const place = document.createElement('div')
  document.body.append(place)
  const view = new EditorView(place, { state: EditorState.create({ doc, plugins: [fields()] }) })
  views.push(view)
  return view
}

/** The position of the first metric in `doc`. */
function metricPos(doc: Node): number {
  let found = -1
  doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === 'metric') found = pos
    return found < 0
  })
  return found
}

const inputOf = (view: EditorView) => view.dom.querySelector<HTMLInputElement>('input.zj-field-input')

describe('an open field drawn anew', () => {
  it('keeps what was typed in its input, with the caret, and Enter fills the field with it', async () => {
    const view = viewWithMetric()
    const before = view.nodeDOM(metricPos(view.state.doc)) as FieldDom
    before.zjField!.open('1')
    const input = inputOf(view)!
    input.value = '120'
    input.setSelectionRange(1, 1)
    // The whole view marked for drawing anew, then an edit in the title: the paragraph is drawn again.
    redrawAll(view)
    view.dispatch(view.state.tr.insertText('上', 1))
    await Promise.resolve()
    const after = view.nodeDOM(metricPos(view.state.doc)) as FieldDom
    expect(after, 'the field was drawn anew').not.toBe(before)
    const reopened = inputOf(view)
    expect(reopened?.value).toBe('120')
    expect([reopened?.selectionStart, reopened?.selectionEnd]).toEqual([1, 1])
    reopened!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    const metric = toSummary(view.state.doc).metrics[0]
    expect(metric).toMatchObject({ value: 120, unit: '名' })
  })

  it('of two fields that are one node object (alike fields share one), the one that was open reopens, and Enter fills that one', async () => {
    const { doc } = importText('2024年工作总结\n开头。\n一、培训\n全年培训干部X名。')
    let metric: Node | null = null
    doc.descendants((node) => {
      if (node.type.name === 'metric') metric = node
      return !metric
    })
    // The paragraph: 干部X名，党员X名。 with the same metric node twice.
    const schema = doc.type.schema
    const paragraph = schema.nodes.paragraph!.create(null, [schema.text('干部'), metric!, schema.text('，党员'), metric!, schema.text('。')])
    const pos = metricPos(doc)
    const start = doc.resolve(pos).before()
    const twice = doc.replace(start, doc.resolve(pos).after(), new Slice(Fragment.from(paragraph), 0, 0))
    const place = document.createElement('div')
    document.body.append(place)
    const view = new EditorView(place, { state: EditorState.create({ doc: twice, plugins: [fields()] }) })
    views.push(view)
    const second = start + 1 + '干部'.length + 1 + '，党员'.length
    expect(view.state.doc.nodeAt(second)).toBe(metric)
    ;(view.nodeDOM(second) as FieldDom).zjField!.open('3')
    redrawAll(view)
    view.dispatch(view.state.tr.insertText('上', 1))
    await Promise.resolve()
    const reopened = inputOf(view)!
    expect(reopened.value).toBe('3')
    reopened.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(toSummary(view.state.doc).metrics.map((m) => m.value)).toEqual([null, 3])
  })

  it('stays closed when the field itself is gone', async () => {
    const view = viewWithMetric()
    const pos = metricPos(view.state.doc)
    ;(view.nodeDOM(pos) as FieldDom).zjField!.open('5')
    view.dispatch(view.state.tr.delete(pos, pos + 1))
    await Promise.resolve()
    expect(inputOf(view)).toBeNull()
    expect(toSummary(view.state.doc).metrics).toEqual([])
  })
})
