// @vitest-environment happy-dom
/**
 * The toolbar is drawn for any state the editor holds, a co-edited document out of the schema for
 * a moment included (two writers' changes merged, until the server repairs them).
 */
import { describe, it, expect } from 'vitest'
import { render } from 'lit'
import { Fragment } from 'prosemirror-model'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importText, schema } from '@zongjie/model'
import { renderToolbar } from '../src/panels/toolbar.ts'
import { zhCN } from '../src/locales/zh-CN.ts'

const files = { open: () => {}, exportWord: () => {} }

function buttons(state: EditorState): Map<string, HTMLButtonElement> {
  const host = document.createElement('div')
  render(renderToolbar(state, false, '名', () => {}, () => {}, files, zhCN.toolbar), host)
  return new Map([...host.querySelectorAll('button')].map((b) => [b.textContent!.trim(), b]))
}

describe('the toolbar', () => {
  it('is drawn over a merge out of the schema, each command whose check cannot tell shown as not applying', () => {
    const doc = importText('工作总结\n开头。\n一、主要工作\n正文。\n（一）甲\n甲文。').doc
    const n = schema.nodes
    let index = -1
    doc.forEach((node, _pos, i) => {
      if (node.type.name === 'section1') index = i
    })
    const section = doc.child(index)
    // Another writer's paragraph at the end of 一、's body, merged after the （一） added meanwhile.
    const mixed = doc.copy(doc.content.replaceChild(index, section.copy(section.content.append(Fragment.from(n.paragraph!.create(null, schema.text('乙文。')))))))
    expect(() => mixed.check()).toThrow()
    let inB = -1
    mixed.descendants((node, pos) => {
      if (node.type.name === 'heading' && node.textContent === '甲') inB = pos + 2
      return true
    })
    const state = EditorState.create({ doc: mixed, selection: TextSelection.create(mixed, inB) })
    const drawn = buttons(state)
    expect(drawn.size).toBeGreaterThan(10)
    expect(drawn.get(zhCN.toolbar.promote)!.disabled).toBe(true)
    // Where the checks can tell, they do: 加粗 applies in the heading's text.
    expect(drawn.get(zhCN.toolbar.bold)!.disabled).toBe(false)
  })
})
