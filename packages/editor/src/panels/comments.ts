import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit'
import { adoptPanelStyles } from './panel-styles.ts'
import { styleMap } from 'lit/directives/style-map.js'
import { Plugin, PluginKey, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import type { Transaction } from 'prosemirror-state'
import { ReplaceStep } from 'prosemirror-transform'
import { keymap } from 'prosemirror-keymap'
import { schema, quoteBetween, type CommentAuthor, type CommentScope } from '@zongjie/model'
import { addComment, replyToComment, setCommentResolved, editComment, deleteComment, deleteReply, commentThreads, type CommentThreadAt } from '@zongjie/commands'
import type { Catalog, CommentsCatalog } from '../locales/catalog.ts'
import { commentsCatalogs, commentsZhCN } from '../locales/comments/index.ts'
import { userColor, type User } from '../review/user.ts'
import { ReviewError } from '../review/errors.ts'
import { ListedFrom } from './listed.ts'

/**
 * The comments panel (批注), with its strings, its styles and the marking of the thread the
 * writer is on, loads the first time an element shows it (the `comments` attribute). The text's
 * own highlight of commented words is the element's (`.zj-comment`).
 */

/** What the comments panel needs of its element (`<zongjie-editor>`). */
export interface CommentsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment
  readonly view: EditorView | null
  readonly editable: boolean
  /** The element's catalogue: its `lang` chooses the panel's. */
  readonly strings: Catalog
  /** Who is writing: the author of what is added. */
  readonly user: User | null
}

/** What the element does for the panel: tell the writer something in its hint (`error`: as an error), or refuse what the page did not allow for (no `user`) with a hint and an `error` event. */
export interface CommentsPanelActions {
  hint(message: string, error?: boolean): void
  refuse(message: string): void
}

/** The thread the writer is on (by the cursor, or chosen in the panel), and its text's decorations. */
interface ActiveComment {
  id: string | null
  deco: DecorationSet
}

/** The state of the active comment thread: its id and the decorations that mark its text more strongly (`zj-comment-active`). */
export const activeCommentKey = new PluginKey<ActiveComment>('activeComment')

/** The id of the thread whose text the selection starts in or at, or null. */
export function commentAt(state: EditorState): string | null {
  const { $from } = state.selection
  for (const node of [$from.nodeAfter, $from.nodeBefore]) {
    const mark = node?.marks.find((m) => m.type === schema.marks.comment)
    if (mark) return mark.attrs.id as string
  }
  return null
}

/** The text of the thread `id` marked as active. */
function activeDecorations(doc: Node, id: string | null): DecorationSet {
  if (!id) return DecorationSet.empty
  const decos: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.isInline && node.marks.some((m) => m.type === schema.marks.comment && m.attrs.id === id)) decos.push(Decoration.inline(pos, pos + node.nodeSize, { class: 'zj-comment-active' }))
    return !node.isInline
  })
  return DecorationSet.create(doc, decos)
}

/**
 * The plugin of the active thread: the thread the selection is in (or the one the panel chose,
 * sent as the key's meta), its text decorated; typing maps the decorations, only a change of
 * thread or of marks finds them again. Ctrl+Alt+M (as in Word and WPS) starts a comment.
 */
function activeComment(start: () => void): Plugin[] {
  return [
    new Plugin<ActiveComment>({
      key: activeCommentKey,
      state: {
        init: (_, state) => ({ id: commentAt(state), deco: activeDecorations(state.doc, commentAt(state)) }),
        apply(tr, value, _old, state) {
          const meta = tr.getMeta(activeCommentKey) as string | null | undefined
          const id = meta !== undefined ? meta : tr.selectionSet ? commentAt(state) : value.id
          if (id === value.id && !tr.docChanged) return value
          if (id === value.id && tr.steps.every((s) => s instanceof ReplaceStep)) return { id, deco: value.deco.map(tr.mapping, tr.doc) }
          return { id, deco: activeDecorations(state.doc, id) }
        },
      },
      props: { decorations: (state) => activeCommentKey.getState(state)?.deco },
    }),
    keymap({
      'Mod-Alt-m': () => {
        start()
        return true
      },
    }),
  ]
}

/** A comment being added: where (mapped through the changes made meanwhile), what on, and its quote. */
interface NewThread {
  from: number
  to: number
  scope: CommentScope
  quote: string
}

/** A thread's or a reply's text being changed (修改): the thread, and the reply when it is one. */
interface Editing {
  id: string
  replyId?: string
}

/** Whether `editing` is the text of the thread `id` (no `replyId`) or of its reply `replyId`. */
function isEditing(editing: Editing | null, id: string, replyId?: string): boolean {
  return !!editing && editing.id === id && editing.replyId === replyId
}

/** How long the quote in a thread's description for screen readers may be, in characters, before it is cut with …. */
const contextQuoteLength = 12

/** `text` cut to `max` characters (whole code points), with … when it was longer. */
export function shortened(text: string, max: number = contextQuoteLength): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('')
}

/** The id of an element of the panel about the thread `id` (or its reply `replyId`): ids are unique in the element's shadow root, as thread ids are in the document. */
function partId(what: string, id: string, replyId?: string): string {
  return replyId === undefined ? `zj-comment-${what}-${id}` : `zj-comment-${what}-${id}-${replyId}`
}

/** The panel's styles, added to its element's when the panel loads. */
export const commentsStyles = css`
  .side > .comments { flex: 1 1 60%; }
  .comments { background: var(--zj-panel-bg); font-size: 13px; }
  .comments .panel-title { display: flex; justify-content: space-between; align-items: center; gap: 6px; }
  .comments button { font: 12px var(--zj-font-ui); padding: 1px 6px; border: 1px solid var(--zj-border); border-radius: 3px; background: #fff; color: #111; cursor: pointer; }
  .comments .none { padding: 4px 10px 8px; color: #4b5563; }
  .comments .new-thread, .comments .replying, .comments .editing { display: flex; flex-direction: column; gap: 4px; padding: 4px 10px 8px; }
  .comments .replying, .comments .editing { padding: 4px 0 0; }
  .comments .new-thread .on { color: #4b5563; overflow-wrap: anywhere; }
  .comments textarea { font: 13px/1.5 var(--zj-font-ui); padding: 3px 5px; border: 1px solid var(--zj-border); border-radius: 3px; resize: vertical; min-height: 3.2em; }
  .comments .buttons, .comments .actions { display: flex; gap: 4px; flex-wrap: wrap; }
  .threads { list-style: none; margin: 0; padding: 0 4px 8px; }
  .thread { padding: 6px; border-radius: 4px; border-left: 3px solid transparent; }
  .thread + .thread { margin-top: 2px; }
  .thread[aria-current='true'] { background: #e0e7ff; border-left-color: #2563eb; }
  .thread.resolved { background: #f4f4f5; color: #52525b; }
  .thread.resolved[aria-current='true'] { background: #e4e4e7; }
  .comments .quote { display: -webkit-box; -webkit-line-clamp: 2; white-space: pre-line; -webkit-box-orient: vertical; overflow: hidden; width: 100%; text-align: left; border: none; border-left: 2px solid #93c5fd; border-radius: 0; background: none; padding: 0 0 0 6px; margin-bottom: 3px; font: 12px/1.5 var(--zj-font-ui); color: #374151; }
  .comments button.quote:hover { background: #e5e7eb; }
  .comments .quote.detached { border-left-color: #d4d4d8; color: #52525b; }
  .comments .gone, .comments .scope, .comments .state { font-size: 11px; border-radius: 2px; padding: 0 3px; margin-right: 3px; }
  .comments .gone { background: #fee2e2; color: #7f1d1d; }
  .comments .scope { background: #dbeafe; color: #1e3a8a; }
  .comments .state { background: #dcfce7; color: #14532d; }
  .comments .byline { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 8px; font-size: 12px; color: #4b5563; }
  .comments .author { color: #111; font-weight: 500; }
  .comments .author::before { content: '●'; margin-right: 2px; color: var(--zj-user-color, #6b7280); }
  .thread.resolved .author { color: #3f3f46; }
  .comments .text { margin: 2px 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.5; }
  .replies { list-style: none; margin: 0 0 4px; padding: 0 0 0 10px; border-left: 1px solid #e4e4e7; }
  .replies .text { margin-bottom: 2px; }
  .comments .delete-reply, .comments .edit-reply { font-size: 11px; padding: 0 4px; }
  .comments .reply-actions { display: flex; gap: 4px; }
`

/**
 * Scrolls the nearest scrolling box between `item` and `stop` (`stop` included), and only that box
 * (not the page), so that `item` shows: its top when it is taller than the box.
 */
export function scrollIntoBox(item: HTMLElement, stop: Element): void {
  let box: Element | null = item.parentElement
  while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) box = box === stop ? null : box.parentElement
  if (!box) return
  const outer = box.getBoundingClientRect()
  const inner = item.getBoundingClientRect()
  if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top
  else if (inner.bottom > outer.bottom) box.scrollTop += Math.min(inner.bottom - outer.bottom, inner.top - outer.top)
}

/** Whether a key press is undo or redo (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z; ⌘ on a Mac). */
function isHistoryKey(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')
}

/** A fresh id for a thread or a reply, not among those `taken` says are used. */
function freshId(prefix: string, taken: (id: string) => boolean): string {
  let id: string
  do id = `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  while (taken(id))
  return id
}

/**
 * The element's `addComment()`: a comment with `text` by `user` on what is selected in `view` (see
 * {@link commentOnSelection}). Throws a `ReviewError` naming what is missing: the `user`, the
 * `text`, an editor that can be edited, or something selected to comment on.
 */
export function commentAs(view: EditorView | null, user: User | null, editable: boolean, text: string, t: Catalog['review']): string {
  if (!user) throw new ReviewError('user', t.noUser)
  if (typeof text !== 'string' || !text.trim()) throw new ReviewError('text', t.emptyComment)
  if (!editable) throw new ReviewError('readonly', t.readOnly)
  const id = view && commentOnSelection(view, user.role ? { id: user.id, name: user.name, role: user.role } : { id: user.id, name: user.name }, text.trim())
  if (!id) throw new ReviewError('selection', t.nothingSelected)
  return id
}

/**
 * Adds a comment by `author`, now, on the selected text of `view`, or, with nothing selected and
 * the cursor in a heading, on its whole section (the integrator's `addComment`). Gives the new
 * thread's id, or null when there is nothing to comment on.
 */
export function commentOnSelection(view: EditorView, author: CommentAuthor, text: string): string | null {
  const { state } = view
  const scope: CommentScope = state.selection.empty ? 'section' : 'text'
  if (scope === 'section' && state.selection.$from.parent.type.name !== 'heading') return null
  const id = freshId('c', (id) => commentThreads(state.doc).some((t) => t.thread.id === id))
  return addComment({ id, author, time: new Date().toISOString(), text, scope })(state, view.dispatch) ? id : null
}

/**
 * The comments panel (批注) of one element: the threads in reading order, each with its quote
 * (the text it is on, which the click selects; or, its text deleted, the quote marked 原文已删除),
 * author in their colour, time, text and replies, and 回复, 解决 / 重新打开, 修改 and 删除 (修改 and
 * 删除 of a thread by its author, of a reply by its own; 修改 while open). Every action is described,
 * for screen readers, by the thread it belongs to; what it did is announced in the hint. 添加批注
 * (here, on the toolbar, or Ctrl+Alt+M) asks for the text in place. The thread the cursor is in
 * is the current one, here and, more strongly marked, in the text; resolved threads are shown
 * folded. Reading only (`readonly`), the threads are shown with no action. A controller of its
 * element: when what it shows changes, the element renders.
 */
export class CommentsPanel implements ReactiveController {
  private adding: NewThread | null = null
  /** The thread whose reply input is open. */
  private replying: string | null = null
  /** The thread's or reply's text open for its author to change. */
  private editing: Editing | null = null
  /** The threads as last listed, for the document they were listed from. */
  private readonly listed: ListedFrom<CommentThreadAt>
  private active: string | null = null

  constructor(
    private readonly host: CommentsHost,
    private readonly actions: CommentsPanelActions,
  ) {
    host.addController(this)
    adoptPanelStyles(host, commentsStyles)
    this.listed = new ListedFrom(host, 'comments', commentThreads)
    const view = host.view
    if (view && !activeCommentKey.getState(view.state)) view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, ...activeComment(() => void this.start())] }))
    this.active = view ? (activeCommentKey.getState(view.state)?.id ?? null) : null
  }

  /** Cancels a pending refresh when the element leaves the page. */
  hostDisconnected(): void {
    this.listed.cancel()
  }

  /** The catalogue of the element's language. */
  private get strings(): CommentsCatalog {
    return commentsCatalogs[this.host.strings.lang] ?? commentsZhCN
  }

  /**
   * A transaction was applied (or, without one, a document loaded): a change of the threads shows
   * at once, a change of the text once it rests; the thread the cursor is in becomes the current one.
   */
  changed(tr?: Transaction): void {
    const view = this.host.view
    if (this.listed.changed(tr) && !tr) {
      this.adding = null
      this.editing = null
    }
    if (tr?.docChanged && this.adding) {
      const from = tr.mapping.map(this.adding.from, 1)
      const to = Math.max(from, tr.mapping.map(this.adding.to, -1))
      this.adding = { ...this.adding, from, to }
    }
    const active = view ? (activeCommentKey.getState(view.state)?.id ?? null) : null
    if (active !== this.active) {
      this.active = active
      this.host.requestUpdate()
      if (active) void this.reveal(active)
    }
  }

  /** Once the panel has rendered, scrolls it (not the page) to the thread `id`, the current one. */
  private async reveal(id: string): Promise<void> {
    await this.host.updateComplete
    const item = this.threadItem(id)
    const panel = this.root()?.querySelector('.comments')
    if (item && panel) scrollIntoBox(item, panel)
  }

  /** The panel's item of the thread `id`, or null. */
  private threadItem(id: string): HTMLElement | null {
    const items = this.root()?.querySelectorAll<HTMLElement>('.comments .thread') ?? []
    return [...items].find((item) => item.dataset.id === id) ?? null
  }

  /** Once the panel has rendered, puts the focus on the first button of the thread `id`'s actions (回复, or 重新打开 when resolved). */
  private async focusActions(id: string): Promise<void> {
    await this.host.updateComplete
    this.threadItem(id)?.querySelector<HTMLElement>('.actions button')?.focus()
  }

  /**
   * Once the panel has rendered after a thread was deleted, puts the focus on the thread now in its
   * place (the one after it, or else the one before), or on 添加批注 when none is left: never on a
   * 删除 that Enter pressed again would take for the next thread's.
   */
  private async focusAfterRemoval(index: number): Promise<void> {
    await this.host.updateComplete
    const items = this.root()?.querySelectorAll<HTMLElement>('.comments .thread') ?? []
    const item = items[Math.min(index, items.length - 1)]
    const target = item ? item.querySelector<HTMLElement>('button') : this.root()?.querySelector<HTMLElement>('.comments .add')
    target?.focus()
  }

  /**
   * Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z on the panel (not in its text boxes, which undo their own
   * typing) undo and redo in the document, as the editor's own keys do (co-editing, the shared
   * history): what 删除 says Ctrl+Z takes back, it takes back from where the focus is.
   */
  private readonly historyKeys = (e: KeyboardEvent): void => {
    const view = this.host.view
    if (!view || !this.host.editable || e.defaultPrevented || !isHistoryKey(e)) return
    if ((e.target as Element | null)?.closest?.('textarea')) return
    if (view.someProp('handleKeyDown', (handle) => handle(view, e))) e.preventDefault()
  }

  /** The threads in reading order, found again only after a change. */
  private threads(): CommentThreadAt[] {
    return this.listed.of(this.host.view?.state.doc)
  }

  /** The writer as the author of a comment, or null (refused, with a hint) when the page set no `user`. */
  private author(): CommentAuthor | null {
    const user = this.host.user
    if (!user) {
      this.actions.refuse(this.strings.noUser)
      return null
    }
    return user.role ? { id: user.id, name: user.name, role: user.role } : { id: user.id, name: user.name }
  }

  /** Whether the writer (the `user`) wrote what `author` wrote: who may change (修改) and delete a thread or a reply. */
  private isOwn(author: CommentAuthor): boolean {
    return this.host.user?.id === author.id
  }

  /** Runs a comment command on the element's document; a malformed value is told in the hint. */
  private run(command: Command): boolean {
    const view = this.host.view
    if (!view || !this.host.editable) return false
    try {
      return command(view.state, view.dispatch)
    } catch (error) {
      this.actions.hint((error as Error).message, true)
      return false
    }
  }

  /**
   * 添加批注: opens the input for a comment on the selection, or, with the cursor in a heading, on
   * its section; the focus goes into it. Refused with a hint when there is nothing to comment on,
   * or no `user`.
   */
  async start(): Promise<void> {
    const view = this.host.view
    if (!view || !this.host.editable) return
    const t = this.strings
    const author = this.author()
    if (!author) return
    const { state } = view
    const { from, to, empty, $from } = state.selection
    const scope: CommentScope = empty ? 'section' : 'text'
    const check = addComment({ id: 'new', author, time: new Date().toISOString(), text: '', scope })
    let ok = false
    try {
      ok = check(state) && (scope === 'text' || $from.parent.type.name === 'heading')
    } catch {
      ok = false
    }
    if (!ok) {
      this.actions.hint(t.selectFirst)
      return
    }
    this.adding = scope === 'text' ? { from, to, scope, quote: quoteBetween(state.doc, from, to) } : { from: $from.start(), to: $from.end(), scope, quote: $from.parent.textContent }
    this.host.requestUpdate()
    await this.host.updateComplete
    this.root()?.querySelector<HTMLTextAreaElement>('.comments .new-thread textarea')?.focus()
  }

  private root(): ParentNode | null {
    return this.host.renderRoot as ParentNode
  }

  /** Adds the comment typed in the input (nothing while it is empty). */
  private confirm(): void {
    const view = this.host.view
    const pending = this.adding
    const textarea = this.root()?.querySelector<HTMLTextAreaElement>('.comments .new-thread textarea')
    const text = textarea?.value.trim() ?? ''
    if (!view || !pending) return
    if (!text) {
      textarea?.focus()
      return
    }
    const author = this.author()
    if (!author) return
    const doc = view.state.doc
    const to = Math.min(pending.to, doc.content.size)
    const from = Math.min(pending.from, to)
    view.dispatch(view.state.tr.setSelection(pending.scope === 'section' ? TextSelection.create(doc, from) : TextSelection.create(doc, from, to)))
    const id = freshId('c', (id) => this.threads().some((t) => t.thread.id === id))
    if (!this.run(addComment({ id, author, time: new Date().toISOString(), text, scope: pending.scope }))) {
      this.actions.hint(this.strings.selectFirst)
      return
    }
    this.adding = null
    view.dispatch(view.state.tr.setMeta(activeCommentKey, id))
    this.actions.hint(this.strings.added)
    view.focus()
  }

  private cancel(): void {
    this.adding = null
    this.host.requestUpdate()
    this.host.view?.focus()
  }

  /** Selects the text of a thread (found again, it may have moved), scrolls to it and makes it the current one. */
  private select(id: string): void {
    const view = this.host.view
    if (!view) return
    const at = commentThreads(view.state.doc).find((t) => t.thread.id === id)
    const tr = view.state.tr.setMeta(activeCommentKey, id)
    view.focus()
    if (at && at.from !== null) tr.setSelection(TextSelection.create(tr.doc, at.from, at.to!)).scrollIntoView()
    view.dispatch(tr)
  }

  /** Opens the reply input of a thread (or closes it, `null`), the focus in it. */
  private async openReply(id: string | null): Promise<void> {
    if (id && !this.author()) return
    const closed = this.replying
    this.replying = id
    this.host.requestUpdate()
    await this.host.updateComplete
    if (id) this.root()?.querySelector<HTMLTextAreaElement>('.comments .replying textarea')?.focus()
    else if (closed) await this.focusActions(closed)
  }

  private sendReply(id: string): void {
    const textarea = this.root()?.querySelector<HTMLTextAreaElement>('.comments .replying textarea')
    const text = textarea?.value.trim() ?? ''
    if (!text) {
      textarea?.focus()
      return
    }
    const author = this.author()
    const thread = this.threads().find((t) => t.thread.id === id)?.thread
    if (!author || !thread) return
    const replyId = freshId('r', (r) => thread.replies.some((x) => x.id === r))
    if (this.run(replyToComment(id, { id: replyId, author, time: new Date().toISOString(), text }))) {
      this.replying = null
      this.host.requestUpdate()
      this.actions.hint(this.strings.replied)
      void this.focusActions(id)
    }
  }

  /** 解决 / 重新打开 the thread `id`, announced; the focus stays on the button, which now says the other. */
  private resolve(id: string, resolved: boolean): void {
    if (this.author() && this.run(setCommentResolved(id, resolved))) this.actions.hint(resolved ? this.strings.resolved : this.strings.reopened)
  }

  /** The 修改 button of the thread `id` (or of its reply `replyId`), once rendered, or null. */
  private editButton(id: string, replyId?: string): HTMLElement | null {
    // Thread and reply ids hold only letters, digits and _ . : - (commentIdPattern): safe in quotes, not after #.
    return this.root()?.querySelector<HTMLElement>(`[id="${partId('edit', id, replyId)}"]`) ?? null
  }

  /**
   * 修改: opens the text of the thread `id` (or of its reply `replyId`) in place for its author to
   * change, the focus in it, the caret at its end.
   */
  private async openEdit(id: string, replyId?: string): Promise<void> {
    if (!this.author()) return
    this.editing = replyId === undefined ? { id } : { id, replyId }
    this.host.requestUpdate()
    await this.host.updateComplete
    const textarea = this.root()?.querySelector<HTMLTextAreaElement>('.comments .editing textarea')
    textarea?.focus()
    textarea?.setSelectionRange(textarea.value.length, textarea.value.length)
  }

  /** Closes the text open by 修改 without saving it; the focus goes back to its 修改 button. */
  private async cancelEdit(): Promise<void> {
    const closed = this.editing
    this.editing = null
    this.host.requestUpdate()
    await this.host.updateComplete
    if (closed) this.editButton(closed.id, closed.replyId)?.focus()
  }

  /**
   * Saves the text open by 修改 (the thread's or reply's time stays that of its writing: the
   * document keeps no time of change), in one undo step, announced; an unchanged text just closes,
   * an empty one is refused (删除 is for that). The focus goes back to the 修改 button.
   */
  private saveEdit(): void {
    const editing = this.editing
    const textarea = this.root()?.querySelector<HTMLTextAreaElement>('.comments .editing textarea')
    const text = textarea?.value.trim() ?? ''
    if (!editing) return
    if (!text) {
      textarea?.focus()
      return
    }
    const thread = this.threads().find((t) => t.thread.id === editing.id)?.thread
    const entry = editing.replyId === undefined ? thread : thread?.replies.find((r) => r.id === editing.replyId)
    if (!this.author() || !entry || !this.isOwn(entry.author)) return
    if (entry.text !== text) {
      if (!this.run(editComment(editing.id, text, editing.replyId))) return
      this.actions.hint(this.strings.edited)
    }
    void this.cancelEdit()
  }

  private remove(id: string, replyId?: string): void {
    if (!this.author()) return
    if (replyId !== undefined) {
      if (this.run(deleteReply(id, replyId))) {
        this.actions.hint(this.strings.replyDeleted)
        void this.focusActions(id)
      }
      return
    }
    const index = this.threads().findIndex((t) => t.thread.id === id)
    if (!this.run(deleteComment(id))) return
    this.actions.hint(this.strings.deleted)
    void this.focusAfterRemoval(index)
  }

  /** Renders the panel: the threads in reading order, and the input for a new one while it is open. */
  render(): TemplateResult {
    const t = this.strings
    const threads = this.threads()
    const editable = this.host.editable
    const keys = (done: () => void, cancel: () => void) => (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault()
        cancel()
      } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault()
        done()
      }
    }
    const open = threads.filter((a) => !a.thread.resolved).length
    const onId = 'zj-comment-new-on'
    return html`<section class="comments" part="comments" aria-label=${t.label} @keydown=${this.historyKeys}>
      <div class="panel-title">
        <span>${t.title(open)}</span>
        ${editable ? html`<button type="button" class="add" title=${t.addTitle} ?hidden=${!!this.adding} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => void this.start()}>${t.add}</button>` : nothing}
      </div>
      ${this.adding && editable
        ? html`<div class="new-thread">
            <div class="on" id=${onId}>${this.adding.scope === 'section' ? t.onSection(this.adding.quote) : t.on(this.adding.quote)}</div>
            <textarea aria-label=${t.text} aria-describedby=${onId} placeholder=${t.textPlaceholder} @keydown=${keys(() => this.confirm(), () => this.cancel())}></textarea>
            <div class="buttons">
              <button type="button" class="confirm" @click=${() => this.confirm()}>${t.confirm}</button>
              <button type="button" class="cancel" @click=${() => this.cancel()}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}
      ${threads.length
        ? html`<ol class="threads">
            ${threads.map((at) => this.renderThread(at, t, editable, keys))}
          </ol>`
        : html`<div class="none">${t.none}</div>`}
    </section>`
  }

  /**
   * One thread: its quote, byline, text (or the box 修改 opened on it), replies, the reply box and
   * the actions, each action described by the thread (or the reply) it belongs to.
   */
  private renderThread(at: CommentThreadAt, t: CommentsCatalog, editable: boolean, keys: (done: () => void, cancel: () => void) => (e: KeyboardEvent) => void): TemplateResult {
    const th = at.thread
    const current = this.active === th.id
    const replying = editable && this.replying === th.id
    const editingThread = editable && isEditing(this.editing, th.id)
    const mayEdit = editable && !th.resolved
    const scope = th.scope === 'section' ? html`<span class="scope">${t.section}</span>` : nothing
    const quote = shortened(at.detached ? th.quote : at.anchorText)
    const context = partId('context', th.id)
    return html`<li class=${th.resolved ? 'thread resolved' : 'thread'} data-id=${th.id} aria-current=${current ? 'true' : 'false'}>
      ${at.detached
        ? html`<div class="quote detached"><span class="gone">${t.detached}</span>${scope}「${th.quote}」</div>`
        : html`<button type="button" class="quote" title=${t.go} @click=${() => this.select(th.id)}>${scope}${at.anchorText}</button>`}
      ${this.byline(th.author, th.time, t, th.resolved)}
      ${editable ? html`<span class="context" id=${context} hidden>${t.context(t.by(th.author.name, th.author.role ?? ''), quote)}</span>` : nothing}
      ${th.resolved && !current
        ? nothing
        : html`${editingThread ? this.renderEditing(th.text, context, t, keys) : html`<p class="text">${th.text}</p>`}
            ${th.replies.length
              ? html`<ol class="replies">
                  ${th.replies.map((r) => {
                    const own = editable && this.isOwn(r.author)
                    const replyContext = partId('context', th.id, r.id)
                    const editingReply = editable && isEditing(this.editing, th.id, r.id)
                    return html`<li class="reply">
                      ${this.byline(r.author, r.time, t, false)}
                      ${editingReply ? this.renderEditing(r.text, replyContext, t, keys) : html`<p class="text">${r.text}</p>`}
                      ${own
                        ? html`<span class="context" id=${replyContext} hidden>${t.replyContext(t.by(r.author.name, r.author.role ?? ''), quote)}</span>
                            <div class="reply-actions">
                              ${mayEdit && !editingReply ? html`<button type="button" class="edit-reply" id=${partId('edit', th.id, r.id)} aria-describedby=${replyContext} @click=${() => void this.openEdit(th.id, r.id)}>${t.edit}</button>` : nothing}
                              <button type="button" class="delete-reply" aria-describedby=${replyContext} @click=${() => this.remove(th.id, r.id)}>${t.deleteReply}</button>
                            </div>`
                        : nothing}
                    </li>`
                  })}
                </ol>`
              : nothing}`}
      ${replying
        ? html`<div class="replying">
            <textarea aria-label=${t.replyText} aria-describedby=${context} placeholder=${t.replyPlaceholder} @keydown=${keys(() => this.sendReply(th.id), () => void this.openReply(null))}></textarea>
            <div class="buttons">
              <button type="button" class="send" @click=${() => this.sendReply(th.id)}>${t.send}</button>
              <button type="button" class="cancel" @click=${() => void this.openReply(null)}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}
      ${editable
        ? html`<div class="actions">
            ${th.resolved || replying ? nothing : html`<button type="button" class="reply" aria-describedby=${context} @click=${() => void this.openReply(th.id)}>${t.reply}</button>`}
            <button type="button" class="resolve" aria-describedby=${context} @click=${() => this.resolve(th.id, !th.resolved)}>${th.resolved ? t.reopen : t.resolve}</button>
            ${mayEdit && !editingThread && this.isOwn(th.author) ? html`<button type="button" class="edit" id=${partId('edit', th.id)} aria-describedby=${context} @click=${() => void this.openEdit(th.id)}>${t.edit}</button>` : nothing}
            ${this.isOwn(th.author) ? html`<button type="button" class="delete" title=${t.deleteTitle} aria-describedby=${context} @click=${() => this.remove(th.id)}>${t.delete}</button>` : nothing}
          </div>`
        : nothing}
    </li>`
  }

  /** The box 修改 opens on a text, holding it: Ctrl+Enter or 保存 saves, Esc or 取消 closes; described by what it belongs to (`context`, an id). */
  private renderEditing(text: string, context: string, t: CommentsCatalog, keys: (done: () => void, cancel: () => void) => (e: KeyboardEvent) => void): TemplateResult {
    return html`<div class="editing">
      <textarea aria-label=${t.editText} aria-describedby=${context} placeholder=${t.editPlaceholder} .value=${text} @keydown=${keys(() => this.saveEdit(), () => void this.cancelEdit())}></textarea>
      <div class="buttons">
        <button type="button" class="save" @click=${() => this.saveEdit()}>${t.save}</button>
        <button type="button" class="cancel" @click=${() => void this.cancelEdit()}>${t.cancel}</button>
      </div>
    </div>`
  }

  /** Who wrote a comment or a reply, in their colour, and when. */
  private byline(author: CommentAuthor, time: string, t: CommentsCatalog, resolved: boolean): TemplateResult {
    return html`<div class="byline">
      <span class="author" style=${styleMap({ '--zj-user-color': userColor(author) })}>${t.by(author.name, author.role ?? '')}</span>
      <time datetime=${time}>${t.time(time)}</time>
      ${resolved ? html`<span class="state">${t.resolvedState}</span>` : nothing}
    </div>`
  }
}
