// @vitest-environment happy-dom
/**
 * Long summaries are drawn a top-level section at a time, except the section the selection is in,
 * which the long-summary plugin marks `zj-current` so the browser always draws it: after any edit
 * or move of the selection, exactly that section carries the mark in the DOM. A jump to another
 * part (a transaction that scrolls into view there) is counted; typing and moving within a part are not.
 */
import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import { EditorState, Selection, TextSelection } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { isSection, importText } from '@zongjie/model'
import type { Node } from 'prosemirror-model'
import { longSummary, longSummaryKey } from '../src/plugins/long-summary.ts'
import { numbering } from '../src/plugins/numbering.ts'
import { arbDoc } from '../../model/test/arbitrary.ts'
import { arbEdit, tryEdit } from '../../model/test/edits.ts'

/** Run counts scale with `ZJ_PROPERTY_SCALE` (default 1), as in the model's property tests. */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.ZJ_PROPERTY_SCALE ?? 1)))

const views: EditorView[] = []
afterEach(() => {
  for (const view of views.splice(0)) {
    const place = view.dom.parentNode as HTMLElement | null
    view.destroy()
    place?.remove()
  }
})

function mount(doc: Node): EditorView {
  const view = new EditorView(document.body.appendChild(document.createElement('div')), { state: EditorState.create({ doc, plugins: [longSummary(), numbering()] }) })
  views.push(view)
  return view
}

/** The index of each top-level element of the view that carries `zj-current`. */
function marked(view: EditorView): number[] {
  return [...view.dom.children].flatMap((el, i) => (el.classList.contains('zj-current') ? [i] : []))
}

/** The index of the top-level section the selection's head is in, as a list (empty outside sections). */
function expected(view: EditorView): number[] {
  const index = view.state.selection.$head.index(0)
  return index < view.state.doc.childCount && isSection(view.state.doc.child(index)) ? [index] : []
}

/** The selection at the start of the textblock whose text is `text`. */
function at(view: EditorView, text: string): Selection {
  let pos = -1
  view.state.doc.descendants((n, p) => {
    if (pos < 0 && n.isTextblock && n.textContent === text) pos = p + 1
  })
  return TextSelection.create(view.state.doc, pos)
}

const text = ['工作总结', '开头。', '一、甲', '一是学习。', '二、乙', '（一）乙一', '正文。', '三、丙', '正文三。'].join('\n')

describe('the section the selection is in', () => {
  it('is marked, and the mark follows the selection from part to part', () => {
    const view = mount(importText(text).doc)
    expect(marked(view)).toEqual(expected(view))
    view.dispatch(view.state.tr.setSelection(at(view, '正文。')))
    expect(marked(view)).toEqual(expected(view))
    expect(marked(view)).toHaveLength(1)
    view.dispatch(view.state.tr.setSelection(at(view, '正文三。')))
    expect(marked(view)).toEqual(expected(view))
    // Text added before the section (by another writer's change, say): the mark stays on it.
    view.dispatch(view.state.tr.insertText('补充', at(view, '开头。').from))
    expect(view.state.selection.$head.parent.textContent).toBe('正文三。')
    expect(marked(view)).toEqual(expected(view))
    view.dispatch(view.state.tr.setSelection(at(view, '补充开头。')))
    expect(marked(view)).toEqual([])
  })

  it('is marked, alone, after any random edits and moves of the selection', () => {
    const view = mount(importText(text).doc)
    fc.assert(
      fc.property(arbDoc, arbDoc, fc.array(fc.tuple(arbEdit, fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (start, other, steps) => {
        view.updateState(EditorState.create({ doc: start, plugins: view.state.plugins }))
        expect(marked(view)).toEqual(expected(view))
        for (const [edit, where] of steps) {
          const tr = view.state.tr
          if (tryEdit(tr, edit, other)) {
            view.dispatch(tr)
            expect(marked(view)).toEqual(expected(view))
          }
          const doc = view.state.doc
          view.dispatch(view.state.tr.setSelection(Selection.near(doc.resolve(Math.floor(where * doc.content.size)))))
          expect(marked(view)).toEqual(expected(view))
        }
      }),
      { numRuns: runs(200) },
    )
  })
})

describe('jumps', () => {
  it('are counted when a transaction scrolls into view in another part, not within one', () => {
    const view = mount(importText(text).doc)
    const jumps = () => longSummaryKey.getState(view.state)!.jumps
    view.dispatch(view.state.tr.setSelection(at(view, '学习。')).scrollIntoView())
    expect(jumps()).toBe(1)
    view.dispatch(view.state.tr.insertText('好').scrollIntoView())
    expect(jumps()).toBe(1)
    view.dispatch(view.state.tr.setSelection(at(view, '正文三。')))
    expect(jumps()).toBe(1)
    view.dispatch(view.state.tr.setSelection(at(view, '正文。')).scrollIntoView())
    expect(jumps()).toBe(2)
  })
})
