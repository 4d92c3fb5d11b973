// @vitest-environment happy-dom
/**
 * Comments (批注) in the editor: the comments panel (adding on the selection or a section, replying,
 * resolving, deleting by the author only, reading only when read-only, refused without a `user`),
 * the current thread marked in the panel and the text, and comment marks on paste (a thread is
 * never anchored twice; marks of a thread the document does not have are dropped).
 */
import { describe, it, expect } from 'vitest'
import { undo } from 'prosemirror-history'
import { TextSelection } from 'prosemirror-state'
import { Slice } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { importText, commentThreads, schema } from '@zongjie/model'
import type { ZongjieEditor } from '../src/zongjie-editor/zongjie-editor.component.ts'
import type { ZongjieErrorDetail } from '../src/index.ts'
import { userColor } from '../src/index.ts'
import { withoutForeignComments } from '../src/plugins/pasted-marks.ts'
import { posOf } from './positions.ts'
import { mountEditor } from './element.ts'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站6个。', '二、存在的问题', '一是力量不足。'].join('\n')

const zhang = { id: 'u1', name: '张三', role: '办公室' }
const li = { id: 'u2', name: '李四' }

async function mount(attributes: Record<string, string> = { toolbar: '', comments: '' }): Promise<ZongjieEditor> {
  const el = await mountEditor(draft, attributes)
  await expect.poll(() => el.shadowRoot!.querySelector('[part="comments"]')).not.toBeNull()
  return el
}


async function select(el: ZongjieEditor, text: string, length = text.length) {
  const view = el.view!
  const from = posOf(view.state.doc, text)
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, from + length)))
  await el.updateComplete
}

const $ = <T extends Element = HTMLElement>(el: ZongjieEditor, selector: string) => el.shadowRoot!.querySelector<T>(selector)
const $$ = (el: ZongjieEditor, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)]

/** Adds a comment through the panel's input, as the writer does. */
async function comment(el: ZongjieEditor, text: string) {
  $(el, '.comments .add')!.click()
  await expect.poll(() => $(el, '.comments .new-thread textarea')).not.toBeNull()
  $<HTMLTextAreaElement>(el, '.comments .new-thread textarea')!.value = text
  $(el, '.comments .new-thread .confirm')!.click()
  await el.updateComplete
}

describe('the comments panel', () => {
  it('adds a comment on the selection as the user, lists it with quote, author, time and text, and goes to it', async () => {
    const el = await mount()
    el.user = zhang
    expect($(el, '.comments .none')!.textContent).toBe('暂无批注')
    await select(el, '社区养老服务站')
    // The toolbar has 添加批注 too, live with a selection.
    const toolbarButton = $$(el, '.toolbar button').find((b) => b.textContent!.trim() === '添加批注')!
    expect(toolbarButton.hasAttribute('disabled')).toBe(false)
    await comment(el, '请核实数字')
    const [at] = commentThreads(el.doc)
    expect(at).toMatchObject({ anchorText: '社区养老服务站', detached: false, thread: { author: zhang, text: '请核实数字', quote: '社区养老服务站', scope: 'text', resolved: false } })
    expect(at!.thread.time).toBe(new Date(at!.thread.time).toISOString())
    await el.updateComplete
    const thread = $(el, '.thread')!
    expect(thread.querySelector('.quote')!.textContent).toBe('社区养老服务站')
    expect(thread.querySelector('.author')!.textContent).toBe('张三（办公室）')
    expect(thread.querySelector<HTMLElement>('.author')!.style.getPropertyValue('--zj-user-color')).toBe(userColor(zhang))
    expect(thread.querySelector('time')!.getAttribute('datetime')).toBe(at!.thread.time)
    expect(thread.querySelector('.text')!.textContent).toBe('请核实数字')
    // The new thread is the current one, in the panel and in the text.
    expect(thread.getAttribute('aria-current')).toBe('true')
    expect($$(el, '.ProseMirror .zj-comment-active').map((e) => e.textContent).join('')).toBe('社区养老服务站')
    expect($(el, '.comments .panel-title')!.textContent).toContain('批注（1 条待处理）')

    // The cursor elsewhere: no current thread; the quote selects the text again.
    await select(el, '力量', 0)
    await el.updateComplete
    expect($(el, '.thread')!.getAttribute('aria-current')).toBe('false')
    $(el, '.thread .quote')!.click()
    await el.updateComplete
    const sel = el.view!.state.selection
    expect(el.doc.textBetween(sel.from, sel.to)).toBe('社区养老服务站')
    expect($(el, '.thread')!.getAttribute('aria-current')).toBe('true')
  })

  it('a comment across two paragraphs quotes both, a line each, and its quote selects from the first to the last', async () => {
    const el = await mount()
    el.user = zhang
    const view = el.view!
    const from = posOf(view.state.doc, '稳步推进')
    const to = posOf(view.state.doc, '主要工作') + '主要工作'.length
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, from, to)))
    await el.updateComplete
    await comment(el, '请合并表述')
    const [at] = commentThreads(el.doc)
    expect(at).toMatchObject({ from, to, anchorText: '稳步推进各项工作。\n主要工作', thread: { quote: '稳步推进各项工作。\n主要工作' } })
    await el.updateComplete
    const quote = $(el, '.thread .quote')!
    expect(quote.textContent).toBe('稳步推进各项工作。\n主要工作')
    expect(getComputedStyle(quote).whiteSpace).toBe('pre-line')
    await select(el, '力量', 0)
    quote.click()
    await el.updateComplete
    const sel = el.view!.state.selection
    expect([sel.from, sel.to]).toEqual([from, to])
    expect(el.doc.textBetween(sel.from, sel.to, '\n')).toBe('稳步推进各项工作。\n主要工作')
  })

  it('replies, resolves (folded), reopens; deletes only for the author; a reply by its own author', async () => {
    const el = await mount()
    el.user = zhang
    await select(el, '力量不足')
    await comment(el, '要具体')
    el.user = li
    await el.updateComplete
    expect($(el, '.thread .delete')).toBeNull()
    $(el, '.thread .reply')!.click()
    await expect.poll(() => $(el, '.replying textarea')).not.toBeNull()
    $<HTMLTextAreaElement>(el, '.replying textarea')!.value = '已补充人员情况'
    $(el, '.replying .send')!.click()
    await el.updateComplete
    expect(commentThreads(el.doc)[0]!.thread.replies).toMatchObject([{ author: li, text: '已补充人员情况' }])
    expect($$(el, '.reply .text').map((e) => e.textContent)).toEqual(['已补充人员情况'])
    expect($(el, '.reply .delete-reply')).not.toBeNull()
    $(el, '.thread .resolve')!.click()
    await el.updateComplete
    expect(commentThreads(el.doc)[0]!.thread.resolved).toBe(true)
    // Resolved and not the current thread: folded, its text and replies hidden.
    await select(el, '上半年', 0)
    await el.updateComplete
    expect($(el, '.thread')!.classList.contains('resolved')).toBe(true)
    expect($(el, '.thread .state')!.textContent).toBe('已解决')
    expect($(el, '.thread .text')).toBeNull()
    expect($(el, '.thread .resolve')!.textContent!.trim()).toBe('重新打开')
    el.user = zhang
    await el.updateComplete
    expect($(el, '.reply .delete-reply')).toBeNull()
    $(el, '.thread .resolve')!.click()
    await el.updateComplete
    expect(commentThreads(el.doc)[0]!.thread.resolved).toBe(false)
    $(el, '.thread .delete')!.click()
    await el.updateComplete
    expect(el.doc.attrs.comments).toEqual([])
    expect($$(el, '.ProseMirror .zj-comment')).toEqual([])
    expect($(el, '.comments .none')).not.toBeNull()
    // Each change was a step: Ctrl-Z brings the thread back.
    undo(el.view!.state, el.view!.dispatch)
    await el.updateComplete
    expect($$(el, '.thread')).toHaveLength(1)
  })

  it('修改 changes a thread or a reply for its author only, in one undo step, keeping its time; resolved, it is not offered', async () => {
    const el = await mount()
    el.user = zhang
    await select(el, '力量不足')
    await comment(el, '要具体')
    const time = commentThreads(el.doc)[0]!.thread.time
    el.user = li
    await el.updateComplete
    expect($(el, '.thread .actions .edit')).toBeNull()
    $(el, '.thread .reply')!.click()
    await expect.poll(() => $(el, '.replying textarea')).not.toBeNull()
    $<HTMLTextAreaElement>(el, '.replying textarea')!.value = '已补充'
    $(el, '.replying .send')!.click()
    await el.updateComplete
    $(el, '.reply .edit-reply')!.click()
    await expect.poll(() => $(el, '.reply .editing textarea')).not.toBeNull()
    expect($<HTMLTextAreaElement>(el, '.reply .editing textarea')!.value).toBe('已补充')
    $<HTMLTextAreaElement>(el, '.reply .editing textarea')!.value = '已补充人员情况'
    $(el, '.reply .editing .save')!.click()
    await el.updateComplete
    expect(commentThreads(el.doc)[0]!.thread.replies).toMatchObject([{ author: li, text: '已补充人员情况' }])

    el.user = zhang
    await el.updateComplete
    expect($(el, '.reply .edit-reply')).toBeNull()
    $(el, '.thread .actions .edit')!.click()
    await expect.poll(() => $(el, '.thread > .editing textarea')).not.toBeNull()
    $<HTMLTextAreaElement>(el, '.thread > .editing textarea')!.value = '  要具体到人数  '
    $(el, '.thread > .editing .save')!.click()
    await el.updateComplete
    expect(commentThreads(el.doc)[0]!.thread).toMatchObject({ text: '要具体到人数', time, replies: [{ text: '已补充人员情况' }] })
    expect($(el, '.thread > .editing')).toBeNull()
    undo(el.view!.state, el.view!.dispatch)
    expect(commentThreads(el.doc)[0]!.thread).toMatchObject({ text: '要具体', replies: [{ text: '已补充人员情况' }] })

    $(el, '.thread .resolve')!.click()
    await el.updateComplete
    expect($(el, '.thread .edit')).toBeNull()
    expect($(el, '.reply .edit-reply')).toBeNull()
  })

  it('comments on a whole section with the cursor in its heading', async () => {
    const el = await mount()
    el.user = zhang
    const view = el.view!
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, posOf(view.state.doc, '主要工作', 2))))
    await comment(el, '本节太简略')
    expect(commentThreads(el.doc)[0]).toMatchObject({ anchorText: '主要工作', thread: { scope: 'section', quote: '主要工作' } })
    expect($(el, '.thread .scope')!.textContent).toBe('整节')
  })

  it('without a user, refuses to add with a hint and an error event for the page', async () => {
    const el = await mount()
    const seen: ZongjieErrorDetail[] = []
    el.addEventListener('error', (e) => seen.push(e.detail))
    await select(el, '力量')
    $(el, '.comments .add')!.click()
    await el.updateComplete
    expect($(el, '.new-thread')).toBeNull()
    expect(seen.map((e) => e.message)).toEqual([expect.stringContaining('user')])
    expect($(el, '.hint')!.textContent).toContain('页面尚未设置当前用户')
  })

  it('with nothing selected outside a heading, asks for a selection', async () => {
    const el = await mount()
    el.user = zhang
    await select(el, '力量', 0)
    $(el, '.comments .add')!.click()
    await el.updateComplete
    expect($(el, '.new-thread')).toBeNull()
    expect($(el, '.hint')!.textContent).toContain('请先选中')
  })

  it('shows a detached thread on its quote, and read-only the threads without any action', async () => {
    const el = await mount()
    el.user = zhang
    await select(el, '力量不足')
    await comment(el, '要具体')
    const view = el.view!
    const from = posOf(view.state.doc, '力量不足')
    view.dispatch(view.state.tr.delete(from, from + 4))
    await expect.poll(() => $(el, '.thread .quote.detached')?.textContent).toBe('原文已删除「力量不足」')
    el.readonly = true
    await el.updateComplete
    expect($(el, '.thread .text')!.textContent).toBe('要具体')
    expect($(el, '.thread .actions')).toBeNull()
    expect($(el, '.comments .add')).toBeNull()
  })
})

describe('comment marks on paste', () => {
  it('strips a thread still anchored elsewhere, keeps one that anchors nowhere (cut), drops one the document does not have', () => {
    const c1 = schema.marks.comment!.create({ id: 'c1' })
    const c2 = schema.marks.comment!.create({ id: 'c2' })
    const other = schema.marks.comment!.create({ id: 'other' })
    const thread = (id: string) => ({ id, author: zhang, time: '2024-07-10T08:00:00Z', text: '核实', replies: [], resolved: false, quote: '力量', scope: 'text' })
    // c1 anchors in the document; c2 has a thread but no text (cut); `other` has no thread here.
    const tr = new Transform(importText(draft).doc).setDocAttribute('comments', [thread('c1'), thread('c2')])
    const at = posOf(tr.doc, '力量')
    const doc = tr.addMark(at, at + 2, c1).doc
    const pasted = new Slice(schema.nodes.paragraph!.create(null, [schema.text('甲', [c1]), schema.text('乙', [c1, c2]), schema.text('丙', [other])]).content, 0, 0)
    const result = withoutForeignComments(pasted, doc)
    const marks: string[][] = []
    result.content.forEach((n) => marks.push(n.marks.map((m) => m.attrs.id as string)))
    expect(marks).toEqual([[], ['c2'], []])
    expect(result.content.textBetween(0, result.content.size)).toBe('甲乙丙')
    // Moving the anchored text itself (a drag): its own comment stays.
    const moved = withoutForeignComments(pasted, doc, at, at + 2)
    expect(moved.content.child(0).marks.map((m) => m.attrs.id)).toEqual(['c1'])
    // Nothing to strip: the same slice.
    const plain = new Slice(schema.nodes.paragraph!.create(null, schema.text('甲')).content, 0, 0)
    expect(withoutForeignComments(plain, doc)).toBe(plain)
  })
})
