// @vitest-environment happy-dom
/**
 * Another writer's change in co-editing: y-prosemirror makes it a replacement of the whole
 * document, which the co-editing session hands to the element as the change it is (one step over
 * the range that differs, `narrowRemoteChange`), with the same document, selection and metadata as the whole replacement
 * would have given, still y-prosemirror's own change (nothing sent back).
 */
import { describe, it, expect } from 'vitest'
import * as Y from 'yjs'
import { ySyncPlugin, ySyncPluginKey, yUndoPlugin, initProseMirrorDoc } from 'y-prosemirror'
import { EditorState, Plugin, TextSelection, type Transaction } from 'prosemirror-state'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { ReplaceStep } from 'prosemirror-transform'
import { importText, schema } from '@zongjie/model'
import { fillShared, sharedContent, sharedAttributes, attributesOf } from '@zongjie/collab'
import { isTextOnly } from '../src/plugins/text-only.ts'
import { narrowRemoteChange } from '../src/collab/remote-change.ts'
import { mountEditor } from './element.ts'
import { posOf } from './positions.ts'
import type { ZongjieChangeDetail } from '../src/index.ts'

const draft = [
  '示范县民政局2024年上半年工作总结',
  '上半年，我局稳步推进各项工作。',
  '一、主要工作',
  '新建社区养老服务站6个。',
  '完成困难群众救助1200人次。',
  '二、存在的问题',
  '一是力量不足。',
  '二是经费紧张。',
  '三、下一步打算',
  '继续推进养老服务体系建设。',
].join('\n')

/** The plain text of a shared text. */
const textOf = (t: Y.XmlText) => t.toDelta().map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join('')

/** The shared text in `type` holding `text`, and the element around it. */
function sharedText(type: Y.XmlFragment | Y.XmlElement, text: string): { text: Y.XmlText; element: Y.XmlElement } | null {
  for (const child of type.toArray()) {
    if (child instanceof Y.XmlText && textOf(child).includes(text) && type instanceof Y.XmlElement) return { text: child, element: type }
    if (child instanceof Y.XmlElement) {
      const found = sharedText(child, text)
      if (found) return found
    }
  }
  return null
}

/**
 * The element bound to a Yjs document as its co-editing session binds it (y-prosemirror's plugins
 * first, the element's own without its history), and another writer: a Yjs document in step with
 * it. Records the transactions y-prosemirror dispatches (with the state they were made from) and
 * those the element applies.
 */
async function coEditing(text = draft) {
  const el = await mountEditor(text, { toolbar: '', outline: '', status: '' })
  const view = el.view!
  const ydoc = new Y.Doc()
  fillShared(ydoc, view.state.doc)
  const fragment = sharedContent(ydoc)
  const { doc, mapping } = initProseMirrorDoc(fragment, schema)
  const undoManager = new Y.UndoManager([fragment, sharedAttributes(ydoc)], { trackedOrigins: new Set([ySyncPluginKey]) })
  const applied: Transaction[] = []
  const recorder = new Plugin({
    filterTransaction(tr) {
      applied.push(tr)
      return true
    },
  })
  const own = view.state.plugins.filter((p) => (p as unknown as { key: string }).key !== 'history$')
  view.updateState(EditorState.create({ doc: schema.nodes.doc!.create(attributesOf(ydoc), doc.content), plugins: [ySyncPlugin(fragment, { mapping }), yUndoPlugin({ undoManager }), ...own, recorder] }))
  const made: { state: EditorState; tr: Transaction }[] = []
  const dispatch = view.props.dispatchTransaction!
  view.setProps({
    dispatchTransaction(tr) {
      made.push({ state: view.state, tr })
      // As the session hands each change to the element (its `narrow`): as the change it is.
      dispatch.call(view, narrowRemoteChange(view.state, tr))
    },
  })
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc))
  // What the element writes to its Yjs document (its origin), other than what arrives.
  const written: unknown[] = []
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === 'other') return
    written.push(origin)
    Y.applyUpdate(other, update, 'editor')
  })
  /** The other writer changes its document; the update arrives in the element's. */
  const arrive = (change: (fragment: Y.XmlFragment) => void) => {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    other.on('update', take)
    other.transact(() => change(sharedContent(other)))
    other.off('update', take)
    made.length = 0
    applied.length = 0
    written.length = 0
    Y.applyUpdate(ydoc, update!, 'other')
  }
  const binding = () => (ySyncPluginKey.getState(view.state) as { binding: { mapping: Map<unknown, Node | Node[]> } }).binding
  return { el, view, made, applied, written, arrive, binding }
}

/** The transaction the element applied for y-prosemirror's last change. */
function remoteApplied(applied: Transaction[]): Transaction {
  const remote = applied.filter((tr) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin)
  expect(remote).toHaveLength(1)
  return remote[0]!
}

describe("another writer's change in co-editing", () => {
  it("is applied as one step inside its paragraph, with the document and selection the whole replacement gives, as y-prosemirror's own change", async () => {
    const { view, made, applied, written, arrive, binding } = await coEditing()
    // The writer's caret after the place the other writer types at, in the same paragraph.
    const caret = posOf(view.state.doc, '稳步推进')
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)))
    arrive((fragment) => sharedText(fragment, '稳步推进')!.text.insert(3, 'X'))

    // y-prosemirror made a replacement of the whole document.
    expect(made).toHaveLength(1)
    const { state: before, tr: whole } = made[0]!
    expect(whole.steps).toHaveLength(1)
    expect((whole.steps[0] as ReplaceStep).from).toBe(0)
    expect((whole.steps[0] as ReplaceStep).to).toBe(before.doc.content.size)

    // The element applied one character inserted in the paragraph, as a key of the writer's would be.
    const tr = remoteApplied(applied)
    expect(tr.steps).toHaveLength(1)
    const step = tr.steps[0] as ReplaceStep
    expect(step).toBeInstanceOf(ReplaceStep)
    const at = posOf(before.doc, '上半年，', 3)
    expect([step.from, step.to]).toEqual([at, at])
    expect(step.slice.content.textBetween(0, step.slice.content.size)).toBe('X')
    expect(isTextOnly(tr)).toBe(true)

    // The same as the whole replacement: the very document y-prosemirror made, the selection it restored.
    const wholeApplied = before.apply(whole)
    expect(view.state.doc).toBe(whole.doc)
    expect(view.state.doc.eq(wholeApplied.doc)).toBe(true)
    expect(view.state.selection.eq(wholeApplied.selection)).toBe(true)
    expect(view.state.selection.from).toBe(caret + 1)
    expect(view.state.doc.textContent).toContain('上半年X，我局稳步推进各项工作。')
    // The binding maps the paragraph's shared element to the paragraph the editor holds.
    const $at = view.state.doc.resolve(at)
    const shared = sharedText(sharedContent(ySyncPluginKey.getState(view.state).doc as Y.Doc), '上半年X')!
    expect(binding().mapping.get(shared.element)).toBe($at.parent)

    // Still y-prosemirror's own change: kept out of the undo history, nothing written back.
    expect(tr.getMeta('addToHistory')).toBe(false)
    expect(ySyncPluginKey.getState(view.state).isChangeOrigin).toBe(true)
    expect(ySyncPluginKey.getState(view.state).addToHistory).toBe(false)
    expect(written).toEqual([])
    expect(tr.time).toBe(whole.time)
  })

  it('is applied as the range that differs when it changes the structure in two places at once, with the same document and selection', async () => {
    const { view, made, applied, written, arrive } = await coEditing()
    const caret = posOf(view.state.doc, '力量不足', 2)
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)))
    arrive((fragment) => {
      // A paragraph added after 新建社区养老服务站6个。, and 继续推进养老服务体系建设。 retyped.
      const { element } = sharedText(fragment, '新建社区养老服务站')!
      const section = element.parent as Y.XmlElement
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText('新增的段落。')])
      section.insert(section.toArray().indexOf(element) + 1, [paragraph])
      const last = sharedText(fragment, '继续推进')!.text
      last.delete(0, 2)
      last.insert(0, '加快')
    })
    const { state: before, tr: whole } = made[0]!
    const tr = remoteApplied(applied)
    expect(tr.steps).toHaveLength(1)
    const step = tr.steps[0] as ReplaceStep
    // From the new paragraph (where it differs from the one that was there) to the retyped one, not the whole document.
    expect(step.from).toBe(before.doc.resolve(posOf(before.doc, '新建社区养老服务站')).after() + 1)
    expect(step.to).toBe(posOf(before.doc, '继续推进', 2))
    const wholeApplied = before.apply(whole)
    expect(view.state.doc).toBe(whole.doc)
    expect(view.state.doc.eq(wholeApplied.doc)).toBe(true)
    expect(view.state.selection.eq(wholeApplied.selection)).toBe(true)
    expect(view.state.selection.from).toBe(caret + '新增的段落。'.length + 2)
    view.state.doc.check()
    expect(view.state.doc.textContent).toContain('新增的段落。')
    expect(view.state.doc.textContent).toContain('加快推进养老服务体系建设。')
    expect(written).toEqual([])
  })

  it("that demotes the section the writer is typing in (Tab) keeps the writer's cursor in their words, and what they type next goes there", async () => {
    const text = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。', '二、社会事务', '办理婚姻登记。', '三、存在的问题', '一是力量不足。'].join('\n')
    const { view, arrive } = await coEditing(text)
    const caret = posOf(view.state.doc, '办理婚姻登记', 6)
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, caret)))
    // The other writer presses Tab in 二、社会事务: it becomes （一）社会事务 under 一、; in the shared document, a copy.
    arrive((fragment) => {
      const original = sharedText(fragment, '办理婚姻登记')!.element.parent as Y.XmlElement
      const main = sharedText(fragment, '新建社区养老服务站')!.element.parent as Y.XmlElement
      const copy = new Y.XmlElement('section2')
      for (const [name, value] of Object.entries(original.getAttributes())) copy.setAttribute(name, value as string)
      copy.insert(0, original.toArray().map((child) => (child as Y.XmlElement).clone()))
      main.insert(main.length, [copy])
      fragment.delete(fragment.toArray().indexOf(original), 1)
    })
    view.state.doc.check()
    expect(view.state.selection.$head.parent.textContent).toBe('办理婚姻登记。')
    expect(view.state.selection.$head.parentOffset).toBe('办理婚姻登记'.length)
    view.dispatch(view.state.tr.insertText('共3件'))
    const lines = view.state.doc.textBetween(0, view.state.doc.content.size, '\n')
    expect(lines).toContain('办理婚姻登记共3件。')
    expect(lines).toContain('\n存在的问题\n')
  })
})

describe('a merge the schema does not allow, until the server repairs it', () => {
  /** The shared element of the section whose heading holds `title`. */
  const sectionOf = (fragment: Y.XmlFragment, title: string) => sharedText(fragment, title)!.element.parent as Y.XmlElement
  /** A shared subsection of `type` with the heading `title`. */
  const subsection = (type: string, title: string) => {
    const heading = new Y.XmlElement('heading')
    heading.insert(0, [new Y.XmlText(title)])
    const section = new Y.XmlElement(type)
    section.insert(0, [heading])
    return section
  }

  it('gives the page the document before the merge, takes the writer’s structural edits elsewhere, and the whole document again once repaired', async () => {
    const text = ['示范县民政局2024年工作总结', '今年以来，我局稳步推进各项工作。', '一、主要工作', '（一）养老服务', '新建站点6个。', '二、存在的问题', '一是力量不足。'].join('\n')
    const { el, view, arrive } = await coEditing(text)
    const summary = el.summary
    const value = el.value
    const html = el.getHTML()
    const findings = el.validate()

    // Another writer's 1. under 一、 beside its （一）, as merging two offline writers' changes leaves it.
    arrive((fragment) => {
      const section = sectionOf(fragment, '主要工作')
      section.insert(section.length, [subsection('section3', '救助工作')])
    })
    expect(view.state.doc.textContent).toContain('救助工作')
    expect(() => view.state.doc.check()).toThrow()
    // What the page reads is the document before the merge: nothing throws, nothing describes 1. beside （一）.
    expect(el.summary).toEqual(summary)
    expect(el.value).toBe(value)
    expect(el.getHTML()).toBe(html)
    expect(el.getText()).not.toContain('救助工作')
    expect(el.validate()).toEqual(findings)

    // The writer splits a paragraph of the opening meanwhile: a structural edit away from the merge goes through.
    const at = posOf(view.state.doc, '稳步推进')
    view.dispatch(view.state.tr.split(at))
    expect(view.state.doc.textContent).toContain('今年以来，我局')
    expect(view.state.doc.resolve(posOf(view.state.doc, '稳步推进')).parent.textContent).toBe('稳步推进各项工作。')
    // An edit of the writer's own that would break the schema is still refused.
    // (A paragraph holding a heading, in the opening: ProseMirror checks the opening's content, not the paragraph's.)
    const opening = view.state.doc.resolve(posOf(view.state.doc, '今年以来')).after(1) - 1
    const before = view.state.doc
    const broken = view.state.tr.insert(opening, schema.nodes.paragraph!.create(null, schema.nodes.heading!.create(null, schema.text('标题'))))
    expect(() => broken.doc.check()).toThrow()
    view.dispatch(broken)
    expect(view.state.doc).toBe(before)

    // The server's repair: the 1. becomes （二）, after which the page reads the whole document again.
    let detail: ZongjieChangeDetail | null = null
    el.addEventListener('input', (e) => (detail = e.detail), { once: true })
    arrive((fragment) => {
      const section = sectionOf(fragment, '主要工作')
      section.delete(section.length - 1, 1)
      section.insert(section.length, [subsection('section2', '救助工作')])
    })
    view.state.doc.check()
    const repaired = el.summary
    expect(detail!.summary).toEqual(repaired)
    expect(repaired.sections[0]!.sections.map((s) => [s.number, s.title])).toEqual([
      ['（一）', '养老服务'],
      ['（二）', '救助工作'],
    ])
    expect(el.getText()).toContain('（二）救助工作')
    expect(el.getText()).toContain('今年以来，我局\n稳步推进各项工作。')
    expect(JSON.parse(el.value)).toEqual(repaired)
  })
})

describe('narrowRemoteChange', () => {
  const state = EditorState.create({ doc: importText(draft).doc })
  const everything = (doc: Node) => new Slice(Fragment.from(doc.content), 0, 0)

  it('leaves any other transaction as it is: the writer’s own, a whole replacement that is not another writer’s, one made from another state', () => {
    const typed = state.tr.insertText('新', posOf(state.doc, '稳步'))
    expect(narrowRemoteChange(state, typed)).toBe(typed)
    const changed = importText(draft.replace('稳步', '全面')).doc
    const loaded = state.tr.replace(0, state.doc.content.size, everything(changed))
    expect(narrowRemoteChange(state, loaded)).toBe(loaded)
    const remote = state.tr.replace(0, state.doc.content.size, everything(changed)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    const later = state.apply(state.tr.insertText('新', 1))
    expect(narrowRemoteChange(later, remote)).toBe(remote)
    // A shared document made again as it was: nothing differs, the replacement stays.
    const same = state.tr.replace(0, state.doc.content.size, everything(importText(draft).doc)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(narrowRemoteChange(state, same)).toBe(same)
  })

  it('keeps the metadata, time, scrolling and the selection set, and maps the selection when none was set', () => {
    const changed = importText(draft.replace('稳步推进', '稳步全面推进')).doc
    const at = posOf(state.doc, '各项工作')
    const withCaret = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)))
    const remote = withCaret.tr.replace(0, withCaret.doc.content.size, everything(changed)).setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: false }).setMeta('addToHistory', false).scrollIntoView()
    remote.setTime(12345)
    remote.setSelection(TextSelection.create(remote.doc, posOf(remote.doc, '推进各项')))
    const narrow = narrowRemoteChange(withCaret, remote)
    expect(narrow).not.toBe(remote)
    expect(narrow.steps).toHaveLength(1)
    const step = narrow.steps[0] as ReplaceStep
    expect([step.from, step.to]).toEqual([posOf(state.doc, '推进'), posOf(state.doc, '推进')])
    expect(narrow.doc).toBe(remote.doc)
    expect(narrow.selection.eq(remote.selection)).toBe(true)
    expect(narrow.getMeta(ySyncPluginKey)).toEqual({ isChangeOrigin: true, isUndoRedoOperation: false })
    expect(narrow.getMeta('addToHistory')).toBe(false)
    expect(narrow.time).toBe(12345)
    expect(narrow.scrolledIntoView).toBe(true)

    // No selection set: mapped through the narrower step (the caret stays before 各项工作, moved by the two characters).
    const unset = withCaret.tr.replace(0, withCaret.doc.content.size, everything(changed)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    const mapped = narrowRemoteChange(withCaret, unset)
    expect(mapped.selectionSet).toBe(false)
    expect(mapped.selection.from).toBe(at + 2)
  })
})
