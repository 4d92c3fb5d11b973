// @vitest-environment happy-dom
/**
 * Undo steps as a writer expects them: what is typed in one place in a quick run is one step, and
 * a selection the writer moves ends the step, so that the change they make next, however quickly,
 * is undone on its own (as in Word and WPS).
 */
import { describe, it, expect } from 'vitest'
import { TextSelection } from 'prosemirror-state'
import { undo } from 'prosemirror-history'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'

const text = '示范县民政局2024年上半年工作总结\n上半年，我局稳步推进各项工作。'

describe('undo steps', () => {
  it('group quick typing in one place into one step', async () => {
    const el = await mountEditor(text)
    const view = el.view!
    const at = posOf(view.state.doc, '各项工作')
    view.dispatch(view.state.tr.insertText('甲', at))
    view.dispatch(view.state.tr.insertText('乙', at + 1))
    undo(view.state, view.dispatch)
    expect(el.getText()).toContain('稳步推进各项工作')
    expect(el.getText()).not.toContain('甲')
  })

  it('end when the writer moves the selection: a deletion right after is a step of its own', async () => {
    const el = await mountEditor(text)
    const view = el.view!
    const at = posOf(view.state.doc, '各项工作')
    view.dispatch(view.state.tr.insertText('甲乙', at))
    // The writer selects what they just typed (a new range, as with Shift and the arrow keys) and deletes it at once.
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at, at + 2)))
    view.dispatch(view.state.tr.deleteSelection())
    expect(el.getText()).not.toContain('甲乙')
    undo(view.state, view.dispatch)
    expect(el.getText()).toContain('推进甲乙各项工作')
    undo(view.state, view.dispatch)
    expect(el.getText()).toContain('推进各项工作')
  })

  it('do not end at a selection moved during an input method composition', async () => {
    const el = await mountEditor(text)
    const view = el.view!
    const at = posOf(view.state.doc, '各项工作')
    Object.defineProperty(view, 'composing', { value: true, configurable: true })
    view.dispatch(view.state.tr.insertText('甲', at))
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at + 1)))
    view.dispatch(view.state.tr.insertText('乙', at + 1))
    Object.defineProperty(view, 'composing', { value: false, configurable: true })
    undo(view.state, view.dispatch)
    expect(el.getText()).toContain('稳步推进各项工作')
  })
})
