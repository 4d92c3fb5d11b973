// @vitest-environment happy-dom
/**
 * The editor's keys: Enter in the sign-off's organisation goes on to its date, as from one line of
 * a form to the next; Enter over a selection across blocks: the selection goes, then Enter acts at
 * the caret it leaves; undo and redo keys do what they say, Caps Lock or not.
 */
import { describe, it, expect } from 'vitest'
import { AllSelection, EditorState, Selection, TextSelection, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { history } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import { importText, schema, toSummary, toText } from '@zongjie/model'
import { enterInOrganization, keys } from '../src/plugins/keys.ts'
import { positionIn } from '../../commands/test/ranges.ts'

const n = schema.nodes
const text = (s: string) => (s ? [schema.text(s)] : [])

/** A summary ending with the sign-off `organization` / `date`. */
const signed = (organization: string, date: string) =>
  n.doc!.create(null, [
    n.title!.create(null, text('某局工作总结')),
    n.preamble!.create(null, n.paragraph!.create(null, text('开头。'))),
    n.closing!.create(null, n.paragraph!.create(null, text('总之，成效明显。'))),
    n.signOff!.create(null, [n.organization!.create(null, text(organization)), n.date!.create(null, text(date))]),
  ])

/** Enter with the caret `offset` characters into the organisation: the sign-off after it, and the caret's line and offset. */
function enterAt(doc: Node, offset: number) {
  let pos = -1
  doc.descendants((node, p) => {
    if (node.type === n.organization) pos = p + 1 + offset
  })
  let out: Transaction | null = null
  const handled = enterInOrganization(EditorState.create({ doc, selection: TextSelection.create(doc, pos) }), (tr) => (out = tr))
  const after = out ? (out as Transaction) : null
  return { handled, signOff: after && toSummary(after.doc).signOff, caret: after && [after.selection.$head.parent.type.name, after.selection.$head.parentOffset] }
}

describe('Enter in the sign-off', () => {
  it('at the end of the organisation goes on to the date', () => {
    expect(enterAt(signed('某县民政局', ''), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '' }, caret: ['date', 0] })
    expect(enterAt(signed('某县民政局', '2024年7月10日'), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: ['date', 0] })
  })

  it('inside the organisation moves what follows to the empty date, as Word splits a line', () => {
    expect(enterAt(signed('某县民政局2024年7月12日', ''), 5)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '2024年7月12日' }, caret: ['date', 0] })
  })

  it('inside or at the start of the organisation, with a date there, goes on to the date\'s start, both lines left whole', () => {
    for (const offset of [0, 2]) {
      expect(enterAt(signed('某县民政局', '2024年7月10日'), offset)).toEqual({ handled: true, signOff: { organization: '某县民政局', date: '2024年7月10日' }, caret: ['date', 0] })
    }
  })
})

/** Enter as the editor's keys take it (the first of their keymaps that handles the key): the state after. */
function pressEnter(state: EditorState): EditorState {
  const plugins = keys()
  let after = state
  const view = { state, dispatch: (tr: Transaction) => (after = after.apply(tr)) } as unknown as EditorView
  const event = { key: 'Enter', keyCode: 13, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false } as KeyboardEvent
  plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, view, event))
  after.doc.check()
  return after
}


/** The kinds of the summary's top-level parts, in order. */
const parts = (doc: Node) => {
  const out: string[] = []
  doc.forEach((child) => out.push(child.type.name))
  return out
}

/** The caret's textblock: its type, its text before the caret, and its text after. */
function caret(state: EditorState) {
  const { $head } = state.selection
  return [$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset), $head.parent.textContent.slice($head.parentOffset)]
}

const lines = (doc: Node) => toText(doc).split('\n').filter(Boolean)

describe('Enter in the sign-off\'s date, the summary\'s last line', () => {
  it('at its end, its start or inside it changes nothing, the caret staying, and says why', () => {
    const doc = signed('某县民政局', '2024年7月10日')
    for (const offset of [-1, 0, 4]) {
      const state = EditorState.create({ doc, selection: TextSelection.create(doc, positionIn(doc, '2024年7月10日', offset)) })
      let said = 0
      let after = state
      const view = { state, dispatch: (tr: Transaction) => (after = after.apply(tr)) } as unknown as EditorView
      const event = { key: 'Enter', keyCode: 13, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false } as KeyboardEvent
      const handled = keys({ dateIsLast: () => said++ }).some((plugin) => plugin.props.handleKeyDown?.call(plugin, view, event))
      expect({ handled, said, same: after.doc.eq(doc), caret: after.selection.head }).toEqual({ handled: true, said: 1, same: true, caret: state.selection.head })
    }
  })
})

describe('Enter over a selection across blocks', () => {
  it('from the start of （二） to the start of （三）: （二） and its body go, and Enter opens an empty line above the heading, as at its start', () => {
    const doc = importText(['工作总结', '开头。', '一、主要工作', '（一）兜底保障', '发放低保金。', '（二）养老服务', '建设养老服务站。', '（三）社会事务', '办理婚姻登记。', '二、基层治理'].join('\n')).doc
    const after = pressEnter(EditorState.create({ doc, selection: TextSelection.create(doc, positionIn(doc, '养老服务', 0), positionIn(doc, '社会事务', 0)) }))
    expect(lines(after.doc)).toEqual(['工作总结', '开头。', '一、主要工作', '（一）兜底保障', '发放低保金。', '（二）社会事务', '办理婚姻登记。', '二、基层治理'])
    expect(toSummary(after.doc).sections[0]!.sections.map((s) => s.title)).toEqual(['兜底保障', '社会事务'])
    expect(caret(after)).toEqual(['heading', '', '社会事务'])
  })

  const signedSummary = importText(['某局工作总结', '现将工作总结如下：', '一、主要工作', '发放低保金。', '总之，成效明显。', '某局', '2024年7月10日'].join('\n')).doc
  it('with the caret in the middle of the title, no selection: the title stays whole, the caret goes on to the opening', () => {
    const doc = signedSummary
    const after = pressEnter(EditorState.create({ doc, selection: TextSelection.create(doc, positionIn(doc, '某局工作总结', 2)) }))
    expect(lines(after.doc).slice(0, 2)).toEqual(['某局工作总结', '现将工作总结如下：'])
    expect(caret(after)).toEqual(['paragraph', '', ''])
    expect(after.selection.$head.node(1).type.name).toBe('preamble')
  })

  it('from the sign-off up to the start of the summary (Shift-Ctrl-Home): the selection goes, what was after it becomes the opening\'s paragraph, no subtitle', () => {
    const doc = signedSummary
    expect(toSummary(doc).signOff).toEqual({ organization: '某局', date: '2024年7月10日' })
    const after = pressEnter(EditorState.create({ doc, selection: TextSelection.between(doc.resolve(positionIn(doc, '2024年7月10日', 4)), Selection.atStart(doc).$head) }))
    expect(parts(after.doc)).not.toContain('subtitle')
    expect(lines(after.doc)).toEqual(['年7月10日'])
    expect(caret(after)).toEqual(['paragraph', '', '年7月10日'])
    expect(after.selection.$head.node(1).type.name).toBe('preamble')
  })
})

describe('Enter over the whole summary (Ctrl-A)', () => {
  it('deletes everything, as Backspace does, and goes on from the empty title to the opening\'s empty line', () => {
    const doc = importText(['某局工作总结', '现将工作总结如下：', '一、主要工作', '发放低保金。', '总之，成效明显。', '某局', '2024年7月10日'].join('\n')).doc
    const after = pressEnter(EditorState.create({ doc, selection: new AllSelection(doc) }))
    expect(lines(after.doc)).toEqual([])
    expect(parts(after.doc)).toEqual(['title', 'preamble', 'closing'])
    expect(caret(after)).toEqual(['paragraph', '', ''])
    expect(after.selection.$head.node(1).type.name).toBe('preamble')
  })
})

describe('undo and redo keys', () => {
  /** A view with the editor's keys and history over a summary whose closing reads `closing`. */
  function viewOf(closing: string) {
    const doc = signed('某县民政局', '2024年7月10日')
    const view = new EditorView(document.createElement('div'), { state: EditorState.create({ doc, plugins: [history(), ...keys()] }) })
    let pos = -1
    view.state.doc.descendants((node, p) => {
      if (node.type === n.closing) pos = p + node.nodeSize - 2
    })
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)).insertText(closing.slice('总之，成效明显。'.length)))
    return view
  }
  /** Presses `key` (as the browser names it, with Ctrl) on the view; whether the editor took it. */
  const press = (view: EditorView, key: string, shift: boolean) =>
    view.someProp('handleKeyDown', (f) => f(view, new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey: shift, keyCode: 90 } as KeyboardEventInit)))
  const closingOf = (view: EditorView) => toText(view.state.doc).split('\n').find((line) => line.startsWith('总之')) ?? ''

  it('Ctrl-Shift-Z with nothing to redo does not undo, with Caps Lock on (lowercase z) or off', () => {
    for (const key of ['z', 'Z']) {
      const view = viewOf('总之，成效明显。下半年再接再厉。')
      expect(press(view, key, true), key).toBe(true)
      expect(closingOf(view), key).toBe('总之，成效明显。下半年再接再厉。')
      view.destroy()
    }
  })

  it('Ctrl-Z undoes and Ctrl-Shift-Z redoes, with Caps Lock on or off', () => {
    for (const [undoKey, redoKey] of [['z', 'Z'], ['Z', 'z']]) {
      const view = viewOf('总之，成效明显。下半年再接再厉。')
      press(view, undoKey!, false)
      expect(closingOf(view)).toBe('总之，成效明显。')
      press(view, redoKey!, true)
      expect(closingOf(view)).toBe('总之，成效明显。下半年再接再厉。')
      view.destroy()
    }
  })
})
