import { Plugin, PluginKey, Selection, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { schema, displayText, suggestionsOf, type CommentAuthor } from '@zongjie/model'
import { isSuggestible, suggestionsSettled, suggestTransaction, replacementBetween, compositionStarts, refusalOf } from '@zongjie/commands'
import { css } from 'lit'
import { adoptPanelStyles } from '../panels/panel-styles.ts'
import { suggestionsCatalogs, suggestionsZhCN } from '../locales/suggestions/index.ts'

/**
 * Suggestion mode (修订): the writer's edits made as suggestions, and how suggestions look in the
 * text. The rewriting of an edit is the commands' `suggestTransaction`; here is what the view adds:
 * which transactions are the writer's edits, and input methods.
 *
 * An input method composes in the page's text (`nihao` before `你好` is chosen). Rewriting those
 * intermediate steps would mark the pinyin and disturb the composition, so while the writer
 * composes, the steps are made plainly and kept; when the composition ends, they are taken back
 * and made again as one suggestion of what was committed (`你好`), in one step of the undo history.
 * A selection across blocks or over a field that the composition replaces is deleted plainly as it
 * starts (marked `compositionStarts`), as with 修订 off, and suggested with what was committed:
 * struck out there, the text kept in the page would have the browser compose beside it and leave
 * the pinyin in. A key typed over a selection deleted across parts (the guard's deletion, marked
 * `compositionStarts` too) is made so with what it types: one replacement, the text where the
 * selection began.
 */

/**
 * Suggestions (修订) in the text, in their author's colour (--zj-author, from a style sheet of the
 * suggestions' authors): inserted text underlined, deleted text struck out (another's suggested
 * words deleted: struck out in the deleting author's colour, underlined in the other's), a changed
 * field's old value struck out before it; whole blocks inserted or deleted marked by a bar in the margin as
 * well. The suggestion view shows the text as it would be with all accepted (final) or as it was
 * (original). Added to the element's styles when suggestion mode loads (the document has
 * suggestions, or the mode is on); until then the browser's own underline and strike-through.
 */
export const suggestionStyles = css`
  .zj-insertion { color: var(--zj-author, #1d4ed8); text-decoration: underline; text-decoration-color: var(--zj-author, #1d4ed8); text-underline-offset: 3px; }
  .zj-deletion, .zj-previous { color: var(--zj-author, #b91c1c); text-decoration: line-through; text-decoration-color: var(--zj-author, #b91c1c); }
  .zj-previous { margin-right: 2px; }
  ins.zj-insertion:has(> :is(section, p, div, ol, h1, h2, h3, h4, h5)), del.zj-deletion:has(> :is(section, p, div, ol, h1, h2, h3, h4, h5)),
  span.zj-modification:has(> :is(section, p, div, ol)) { display: block; box-shadow: -6px 0 0 -3px var(--zj-author, #1d4ed8); }
  ins.zj-insertion > *, ins.zj-insertion > * * { text-decoration: underline; text-decoration-color: var(--zj-author, #1d4ed8); text-underline-offset: 3px; }
  del.zj-deletion > *, del.zj-deletion > * * { text-decoration: line-through; text-decoration-color: var(--zj-author, #b91c1c); }
  ins.zj-insertion del.zj-deletion, ins.zj-insertion del.zj-deletion * { text-decoration: line-through; text-decoration-color: var(--zj-author, #b91c1c); }
  span.zj-modification > .zj-field { border-bottom: 3px double var(--zj-author, #1d4ed8); }
  .page[data-suggestion-view='final'] :is(.zj-deletion, .zj-previous), .page[data-suggestion-view='original'] .zj-insertion { display: none; }
  .page[data-suggestion-view='original'] span.zj-modification:not(:has(> :is(section, p, div, ol))) { display: none; }
  .page[data-suggestion-view='final'] :is(.zj-insertion, .zj-insertion *), .page[data-suggestion-view='original'] :is(.zj-deletion, .zj-deletion *, .zj-previous) { color: inherit; text-decoration: none; box-shadow: none; }
  .page[data-suggestion-view='final'] span.zj-modification > .zj-field { border-bottom: none; }
`

/** Adds {@link suggestionStyles} to the element's shadow root. */
export function adoptSuggestionStyles(host: Parameters<typeof adoptPanelStyles>[0]): void {
  adoptPanelStyles(host, suggestionStyles)
}

/** What suggestion mode needs of its element. */
export interface SuggestingOptions {
  /** Whether edits are suggestions now (the `suggesting` attribute, or `mode="review"`). */
  active(): boolean
  /** Who is writing, as the author of suggestions; null when the page set no `user`. */
  author(): CommentAuthor | null
  /** The language tag of the element's strings (its catalogue's). */
  lang(): string
  /**
   * An edit was not made: `noUser`, no author; or `refused`, an edit suggestions cannot say, with
   * `message`, the hint that says which edit it was (see `refusalOf`).
   */
  refuse(reason: 'noUser' | 'refused', message?: string): void
}

/** A composition under way: the state before it (its steps are made plainly since), and the deletion of the selection it replaces, when it began with one. */
interface Composition {
  start: EditorState
  deletion?: Transaction
}

/**
 * Makes the writer's edits as suggestions while suggestion mode is on: the element's dispatch gives
 * each transaction to {@link rewrite}, and the end of a composition to {@link compositionEnded}.
 */
export class SuggestionRecorder {
  private composition: Composition | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly options: SuggestingOptions) {}

  /** The time recorded with a new suggestion. */
  private now(): string {
    return new Date().toISOString()
  }

  /**
   * The transaction to apply in place of `tr`: the same edit as suggestions, `tr` itself when it
   * is no edit to suggest (or suggestion mode is off), or null when the edit is refused (the
   * element has been told why).
   */
  rewrite(view: EditorView, tr: Transaction): Transaction | null {
    if (!this.options.active() || !isSuggestible(tr)) {
      // Undo, a document loaded … in the middle of a composition: what was composed stays as it was made.
      if (tr.docChanged) this.reset()
      return tr
    }
    const author = this.options.author()
    if (!author) {
      this.composition = null
      this.options.refuse('noUser')
      return null
    }
    if (tr.getMeta(compositionStarts) && !this.composition) {
      // The selection the composition replaces: deleted plainly, suggested with what is committed.
      this.composition = { start: view.state, deletion: tr }
      this.schedule(view)
      return tr
    }
    if (view.composing || this.composition) {
      // Made plainly while composing, and after: the text a composition commits comes just after it ends.
      this.composition ??= { start: view.state }
      if (!view.composing) this.schedule(view)
      return tr
    }
    const suggested = suggestTransaction(view.state, tr, author, this.now())
    if (!suggested) this.refused(tr.before, tr.doc)
    return suggested
  }

  /** Tells the writer that the edit from `before` to `after` was refused, and which edit it was (joining, splitting, moving, promoting or demoting …). */
  private refused(before: Node, after: Node): void {
    const strings = suggestionsCatalogs[this.options.lang()] ?? suggestionsZhCN
    this.options.refuse('refused', strings.refused[refusalOf(before, after)])
  }

  /**
   * Whether {@link rewrite} would refuse `tr`, made on `state`, as an edit suggestions cannot say
   * (the input rules then leave what was typed as it is). Not for an edit made plainly (suggestion
   * mode off, no edit to suggest, a composition under way), nor without an author, which refuses
   * every edit alike.
   */
  refuses(state: EditorState, tr: Transaction): boolean {
    const author = this.options.author()
    if (!this.options.active() || !isSuggestible(tr) || !author || this.composition) return false
    return !suggestTransaction(state, tr, author, this.now())
  }

  /** The writer's composition ended: what it committed is made a suggestion once ProseMirror has read it. */
  compositionEnded(view: EditorView): void {
    if (this.composition) this.schedule(view)
  }

  /** Finishes the composition's record shortly (ProseMirror reads the committed text after `compositionend`). */
  private schedule(view: EditorView): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      if (view.composing) return
      this.finish(view)
    }, 40)
  }

  /** Drops a composition's record (the element left the page, or a document was loaded). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.composition = null
  }

  /**
   * What a composition changed, taken back and made again as suggestions, in one transaction
   * that joins the composition's step in the undo history.
   */
  private finish(view: EditorView): void {
    const c = this.composition
    this.composition = null
    if (!c) return
    // The composition as one replacement of what changed, from the document before it to now:
    // the steps the composing made (the pinyin typed, then replaced) are no part of it.
    const start = c.start.doc
    const now = view.state.doc
    const change = replacementBetween(start, now)
    if (!change) return
    const plain = c.start.tr
    // The deletion of a selection across blocks as it was made (a heading's section taken apart
    // with it, say), then what the composition changed.
    for (const step of c.deletion?.steps ?? []) plain.step(step)
    const composed = replacementBetween(plain.doc, now)
    if (composed) plain.step(composed)
    if (!plain.doc.eq(now)) return
    plain.setSelection(Selection.fromJSON(plain.doc, view.state.selection.toJSON()))
    const author = this.options.author()
    const suggested = author ? suggestTransaction(c.start, plain, author, this.now()) : null
    const tr = view.state.tr.step(change.invert(start))
    if (suggested) {
      for (const step of suggested.steps) tr.step(step)
      tr.setSelection(Selection.fromJSON(tr.doc, suggested.selection.toJSON()))
    } else {
      tr.setSelection(Selection.fromJSON(tr.doc, c.start.selection.toJSON()))
      if (author) this.refused(start, now)
      else this.options.refuse('noUser')
    }
    view.dispatch(tr.setMeta(suggestionsSettled, true))
  }
}

/** The decorations of suggestions: a changed field's previous value, shown struck out before it. */
export const suggestionMarksKey = new PluginKey<DecorationSet>('suggestionMarks')

/** The previous text of the fields a `modification` mark changed, as widgets before them. */
function previousValues(doc: Node): DecorationSet {
  if (!suggestionsOf(doc).length) return DecorationSet.empty
  const decos: Decoration[] = []
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    if (node.type !== schema.nodes.metric && node.type !== schema.nodes.blank) return false
    const changes = node.marks.filter((m) => m.type === schema.marks.modification && m.attrs.type === 'attr' && m.attrs.attrName)
    if (!changes.length) return false
    const attrs = { ...node.attrs }
    for (const m of changes) attrs[m.attrs.attrName as string] = m.attrs.previousValue
    const before = displayText(node.type.create(attrs))
    const id = changes[0]!.attrs.id as string
    decos.push(
      Decoration.widget(
        pos,
        () => {
          const del = document.createElement('del')
          del.className = 'zj-previous'
          del.dataset.suggestion = id
          del.textContent = before
          return del
        },
        { side: -1, marks: [], key: `previous-${id}-${before}`, ignoreSelection: true },
      ),
    )
    return false
  })
  return DecorationSet.create(doc, decos)
}

/**
 * The plugin that shows a changed field's previous value (struck out, in its author's colour)
 * before the field: found again when the document's suggestions change, mapped otherwise.
 */
export function suggestionMarks(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: suggestionMarksKey,
    state: {
      init: (_, state) => previousValues(state.doc),
      apply(tr, value) {
        if (!tr.docChanged) return value
        if (tr.doc.attrs.suggestions !== tr.before.attrs.suggestions || (value !== DecorationSet.empty && !tr.steps.every((s) => s.toJSON().stepType === 'replace'))) return previousValues(tr.doc)
        return value.map(tr.mapping, tr.doc)
      },
    },
    props: { decorations: (state) => suggestionMarksKey.getState(state) },
  })
}
