// @vitest-environment happy-dom
/**
 * The numbers a writer sees: every heading's `data-number` and every work item's `data-ordinal`
 * in the editor's DOM must equal the model's numbering after any edit, however the view redrew.
 */
import { describe, it, expect, afterEach } from 'vitest'
import fc from 'fast-check'
import { EditorState, TextSelection, Plugin, PluginKey } from 'prosemirror-state'
import { EditorView, Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { importText, workItemOrdinal } from '@zongjie/model'
import { demoteSection, promoteSection, moveSectionDown, paragraphsToWorkItems } from '@zongjie/commands'
import { numbering, headingNumbers } from '../src/plugins/numbering.ts'
import { drawnInline } from '../src/plugins/inline-blocks.ts'
import { arbDoc } from '../../model/test/arbitrary.ts'
import { arbEdit, tryEdit } from '../../model/test/edits.ts'

/** Run counts scale with `ZJ_PROPERTY_SCALE` (default 1), as in the model's property tests. */
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.ZJ_PROPERTY_SCALE ?? 1)))

/** The numbers the model gives: headings in document order, then work items in document order. */
function modelNumbers(doc: Node): { headings: string[]; ordinals: string[] } {
  const ordinals: string[] = []
  doc.descendants((node) => {
    if (node.type.name !== 'workItems') return !node.isTextblock
    node.forEach((item, _offset, index) => {
      if (item.type.name === 'workItem') ordinals.push(workItemOrdinal(node, index))
    })
    return false
  })
  return { headings: headingNumbers(doc).map((h) => h.number), ordinals }
}

/** The numbers the view shows, read off its DOM in document order. */
function shownNumbers(view: EditorView): { headings: string[]; ordinals: string[] } {
  const read = (selector: string, attr: string) => [...view.dom.querySelectorAll(selector)].map((el) => el.getAttribute(attr) ?? '(none)')
  return { headings: read('.zj-heading', 'data-number'), ordinals: read('.zj-work-item', 'data-ordinal') }
}

const views: EditorView[] = []
/** Destroys a view and takes its place out of the page. */
function unmount(view: EditorView) {
  const place = view.dom.parentNode as HTMLElement | null
  view.destroy()
  place?.remove()
}

afterEach(() => {
  for (const view of views.splice(0)) unmount(view)
})

function mount(doc: Node): EditorView {
  const view = new EditorView(document.body.appendChild(document.createElement('div')), { state: EditorState.create({ doc, plugins: [numbering()] }) })
  views.push(view)
  return view
}

/** Places the cursor in the heading whose text is `title`. */
function inHeading(view: EditorView, title: string) {
  let pos = -1
  view.state.doc.descendants((n, p) => {
    if (pos < 0 && n.type.name === 'heading' && n.textContent === title) pos = p + 1
  })
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)))
}

const text = ['工作总结', '开头。', '一、甲', '一是学习。', '二是制度。', '二、乙', '（一）乙一', '正文。', '（二）乙二', '三、丙', '一是落实。'].join('\n')

describe('numbers shown in the editor', () => {
  it('are drawn with the document', () => {
    const view = mount(importText(text).doc)
    expect(shownNumbers(view)).toEqual({ headings: ['一、', '二、', '（一）', '（二）', '三、'], ordinals: ['一是', '二是', '一是'] })
  })

  it('follow a demotion, a promotion and a move, in every later section', () => {
    const view = mount(importText(text).doc)
    inHeading(view, '乙')
    expect(demoteSection(view.state, view.dispatch)).toBe(true)
    expect(shownNumbers(view).headings).toEqual(['一、', '（一）', '1.', '2.', '二、'])
    expect(shownNumbers(view)).toEqual(modelNumbers(view.state.doc))
    expect(promoteSection(view.state, view.dispatch)).toBe(true)
    expect(shownNumbers(view).headings).toEqual(['一、', '二、', '（一）', '（二）', '三、'])
    inHeading(view, '甲')
    expect(moveSectionDown(view.state, view.dispatch)).toBe(true)
    expect(shownNumbers(view)).toEqual(modelNumbers(view.state.doc))
    expect(shownNumbers(view).headings[0]).toBe('一、')
  })

  it('follow work items made from paragraphs', () => {
    const view = mount(importText(['工作总结', '开头。', '一、甲', '第一段。', '第二段。'].join('\n')).doc)
    let from = -1
    let to = -1
    view.state.doc.descendants((n, p) => {
      if (n.textContent === '第一段。' && n.isTextblock) from = p + 1
      if (n.textContent === '第二段。' && n.isTextblock) to = p + 2
    })
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
    expect(paragraphsToWorkItems(view.state, view.dispatch)).toBe(true)
    expect(shownNumbers(view).ordinals).toEqual(['一是', '二是'])
  })

  it('are renumbered when the document is replaced, with the same plugins or new ones', () => {
    // The problems and plans sections keep their views, but their numbers change.
    const view = mount(importText(['工作总结', '一、甲', '存在的不足', '问题。', '二、下步计划', '计划。'].join('\n')).doc)
    const other = importText(['工作总结', '一、甲', '二、乙', '三、存在问题', '问题。', '四、下步计划', '计划。'].join('\n')).doc
    view.updateState(EditorState.create({ doc: other, plugins: view.state.plugins }))
    expect(shownNumbers(view).headings).toEqual(['一、', '二、', '三、', '四、'])
    const third = importText(text).doc
    view.updateState(EditorState.create({ doc: third, plugins: [numbering()] }))
    expect(shownNumbers(view)).toEqual(modelNumbers(third))
  })

  it('stay right when a decoration moves between two equal sections, with no change of the document', () => {
    // Another writer's cursor, a widget drawn at a position the page sets with a meta.
    const caret = new PluginKey<number | null>('caret')
    const caretPlugin = new Plugin<number | null>({
      key: caret,
      state: { init: () => null, apply: (tr, at) => (tr.getMeta(caret) !== undefined ? (tr.getMeta(caret) as number | null) : at) },
      props: {
        decorations: (state) => {
          const at = caret.getState(state)
          return at == null ? null : DecorationSet.create(state.doc, [Decoration.widget(at, () => document.createElement('span'))])
        },
      },
    })
    const doc = importText(['工作总结', '开头。', '一、甲', '甲文。', '二、同', '三、同', '四、乙', '乙文。'].join('\n')).doc
    const view = new EditorView(document.body.appendChild(document.createElement('div')), { state: EditorState.create({ doc, plugins: [numbering(), caretPlugin] }) })
    views.push(view)
    // The same summary set again (a page setting what it has, a shared document arriving): equal nodes, not the ones drawn.
    view.updateState(EditorState.create({ doc: importText(['工作总结', '开头。', '一、甲', '甲文。', '二、同', '三、同', '四、乙', '乙文。'].join('\n')).doc, plugins: view.state.plugins }))
    const headingsAt: number[] = []
    doc.descendants((n, p) => {
      if (n.type.name === 'heading') headingsAt.push(p + 1)
    })
    for (const at of [headingsAt[1]!, headingsAt[2]!, null, headingsAt[2]!, headingsAt[1]!, null]) {
      view.dispatch(view.state.tr.setMeta(caret, at))
      expect(shownNumbers(view).headings).toEqual(['一、', '二、', '三、', '四、'])
    }
  })

  it('are drawn with any document, numbers and caret stops alike, however many blocks it has', () => {
    // Headings end with a caret stop in a run-in section; work items begin with one where drawn on the line before.
    const stops = (doc: Node) => {
      const out: string[] = []
      doc.descendants((node, pos) => {
        if (node.type.name === 'heading') out.push(doc.resolve(pos + 1).node(-1).attrs.runIn === true ? 'end' : '-')
        else if (node.type.name === 'workItem') out.push(drawnInline(doc.resolve(pos + 1)) ? 'start' : '-')
        return !node.isTextblock
      })
      return out
    }
    const shownStops = (view: EditorView) =>
      [...view.dom.querySelectorAll('.zj-heading, .zj-work-item')].map((el) =>
        el.lastElementChild?.classList.contains('zj-caret-stop') && el.classList.contains('zj-heading') ? 'end' : el.firstElementChild?.classList.contains('zj-caret-stop') ? 'start' : '-',
      )
    const long = importText(
      [
        '工作总结',
        '开头。',
        '一、甲',
        '（一）甲一。一是学习；二是制度；三是落实。',
        '（二）甲二',
        '一是走访。',
        '二是座谈。',
        '1.调研',
        '（1）入户',
        '（2）回访。一是记录。',
        '2.整改',
        '二、乙',
        '（一）乙一。正文。',
        '三、存在的问题',
        '一是人手不足；二是经费紧张。',
        '四、下步打算',
        '（一）完善制度',
        '（二）加强队伍。一是培训；二是考核。',
      ].join('\n'),
    ).doc
    fc.assert(
      fc.property(fc.oneof(fc.constant(long), arbDoc), (doc) => {
        const view = mount(doc)
        expect(shownNumbers(view)).toEqual(modelNumbers(doc))
        expect(shownStops(view)).toEqual(stops(doc))
        unmount(views.pop()!)
      }),
      { numRuns: runs(150) },
    )
  })

  it('equal the model after any random edits, pastes, moves and retypings', async () => {
    // One view for every run, each run a new state in it, as a loaded document would be.
    const view = mount(importText(text).doc)
    await fc.assert(
      fc.asyncProperty(arbDoc, arbDoc, fc.array(arbEdit, { minLength: 1, maxLength: 8 }), fc.boolean(), async (start, other, edits, samePlugins) => {
        view.updateState(EditorState.create({ doc: start, plugins: samePlugins ? view.state.plugins : [numbering()] }))
        expect(shownNumbers(view)).toEqual(modelNumbers(view.state.doc))
        for (const edit of edits) {
          const tr = view.state.tr
          if (!tryEdit(tr, edit, other)) continue
          view.dispatch(tr)
          expect(shownNumbers(view)).toEqual(modelNumbers(view.state.doc))
        }
        // Let the page's observers and timers run between documents, as a browser would.
        await new Promise((resolve) => setTimeout(resolve, 0))
      }),
      { numRuns: runs(300) },
    )
  })
})
