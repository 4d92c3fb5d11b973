import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit'
import { styleMap } from 'lit/directives/style-map.js'
import { TextSelection, NodeSelection, type Command, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { suggestionsOf, displayText, suggestionAnchor, type CommentAuthor } from '@zongjie/model'
import { acceptSuggestion, rejectSuggestion, acceptAll, rejectAll, suggestionsIn, type SuggestionAt } from '@zongjie/commands'
import { adoptPanelStyles } from './panel-styles.ts'
import type { Catalog, SuggestionsCatalog } from '../locales/catalog.ts'
import { suggestionsCatalogs, suggestionsZhCN } from '../locales/suggestions/index.ts'
import { userColor, type User } from '../review/user.ts'
import { ListedFrom } from './listed.ts'

/**
 * What the suggestion `at` deletes and what it inserts in its place, when it does both (a
 * replacement: text typed over a selection, or inside one's own deletion); null when it only
 * inserts or only deletes. Accepted, the one goes and the other stays.
 */
function replacementOf(doc: Node, at: SuggestionAt): { deleted: string; inserted: string } | null {
  if (at.from === null || at.to === null || at.kind === 'structure' || at.kind === 'field') return null
  const id = at.suggestion.id
  const out = { deleted: '', inserted: '' }
  doc.nodesBetween(at.from, at.to, (node) => {
    const mark = node.marks.find((m) => (m.type.name === 'insertion' || m.type.name === 'deletion') && m.attrs.id === id)
    if (!mark) return true
    out[mark.type.name === 'insertion' ? 'inserted' : 'deleted'] += (node.isInline ? displayText(node) : node.textContent).replaceAll(suggestionAnchor, '')
    return false
  })
  return out.deleted.trim() && out.inserted.trim() ? out : null
}

/**
 * The suggestions panel (修订), with its strings and styles, loads the first time an element shows
 * it (the `suggestions` attribute). How suggestions look in the text, and the making of them in
 * suggestion mode, are the element's (`plugins/suggesting.ts`).
 */

/** How the text shows suggestions: marked (`markup`), as it would be with all accepted (`final`), or as it was before them (`original`). */
export type SuggestionView = 'markup' | 'final' | 'original'

/** What the suggestions panel needs of its element (`<zongjie-editor>`). */
export interface SuggestionsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment
  readonly view: EditorView | null
  readonly editable: boolean
  /** The element's catalogue: its `lang` chooses the panel's. */
  readonly strings: Catalog
  /** Who is writing: in review mode, whose suggestions may be withdrawn. */
  readonly user: User | null
  /** Whether the writer is a reviewer (`mode="review"`): no accepting, only withdrawing their own. */
  readonly reviewing: boolean
  /** How the text shows suggestions, which the panel chooses. */
  suggestionView: SuggestionView
}

/** What the element does for the panel: tell the writer something in its hint. */
export interface SuggestionsPanelActions {
  hint(message: string): void
}

/** The panel's styles, added to its element's when the panel loads. */
export const suggestionsStyles = css`
  .side > .suggestions { flex: 1 1 60%; }
  .suggestions { background: var(--zj-panel-bg); font-size: 13px; }
  .suggestions button { font: 12px var(--zj-font-ui); padding: 1px 6px; border: 1px solid var(--zj-border); border-radius: 3px; background: #fff; color: #111; cursor: pointer; }
  .suggestions .none { padding: 4px 10px 8px; color: #4b5563; }
  .suggestions .views { display: flex; align-items: center; gap: 4px; padding: 2px 10px 6px; border: none; margin: 0; }
  .suggestions .views legend { float: left; padding: 0 4px 0 0; color: #4b5563; font-size: 12px; }
  .suggestions .views label { display: inline-flex; align-items: center; gap: 2px; font-size: 12px; cursor: pointer; }
  .suggestions .all, .suggestions .author-row { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; padding: 2px 10px 4px; }
  .suggestions .author-row .name { flex: 1 1 auto; font-size: 12px; }
  .suggestions .author-row .name::before, .suggestions .author::before { content: '●'; margin-right: 2px; color: var(--zj-user-color, #6b7280); }
  .suggestion-list { list-style: none; margin: 0; padding: 0 4px 8px; }
  .suggestion { padding: 6px; border-radius: 4px; border-left: 3px solid var(--zj-user-color, #d4d4d8); }
  .suggestion + .suggestion { margin-top: 2px; }
  .suggestion[aria-current='true'] { background: #e0e7ff; }
  .suggestions .kind { font-size: 11px; border-radius: 2px; padding: 0 3px; margin-right: 3px; background: #f4f4f5; color: #27272a; }
  .suggestions .quote { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; width: 100%; text-align: left; border: none; background: none; padding: 0; margin-bottom: 3px; font: 12px/1.5 var(--zj-font-ui); color: #111; overflow-wrap: anywhere; }
  .suggestions button.quote:hover { background: #e5e7eb; }
  .suggestions .quote.delete .text, .suggestions .quote .deleted { text-decoration: line-through; }
  .suggestions .quote .deleted { color: #6b7280; margin-right: 4px; }
  .suggestions .byline { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 8px; font-size: 12px; color: #4b5563; }
  .suggestions .author { color: #111; font-weight: 500; }
  .suggestions .actions { display: flex; gap: 4px; margin-top: 3px; }
`

/** One author of suggestions: who, and how many of the suggestions listed are theirs. */
interface AuthorCount {
  author: CommentAuthor
  count: number
}

/**
 * The suggestions panel (修订) of one element: the suggestions in reading order, each with what it
 * does (插入, 删除, 修改数值, 调整结构; 替换, the words struck out before those put in their place), its text (which the click selects), its author in their colour
 * and its time, and 接受 / 拒绝; 全部接受 / 全部拒绝, and the same for each author; and the choice of
 * how the text shows them (修订标记, 最终稿, 原稿). Numbers follow at once. In review mode
 * (`mode="review"`) a reviewer accepts nothing and withdraws (撤回) only their own suggestions;
 * reading only, there is no action. A controller of its element.
 */
export class SuggestionsPanel implements ReactiveController {
  /** The suggestions as last listed. */
  private readonly listed: ListedFrom<SuggestionAt>
  /** The suggestion the cursor is in. */
  private current: string | null = null

  constructor(
    private readonly host: SuggestionsHost,
    private readonly actions: SuggestionsPanelActions,
  ) {
    host.addController(this)
    adoptPanelStyles(host, suggestionsStyles)
    this.listed = new ListedFrom(host, 'suggestions', suggestionsIn)
  }

  /** Cancels a pending refresh when the element leaves the page. */
  hostDisconnected(): void {
    this.listed.cancel()
  }

  /** The catalogue of the element's language. */
  private get strings(): SuggestionsCatalog {
    return suggestionsCatalogs[this.host.strings.lang] ?? suggestionsZhCN
  }

  /**
   * A transaction was applied (or, without one, a document loaded): a change of the suggestions
   * shows at once, a change of the text once it rests; the suggestion the cursor is in is marked.
   */
  changed(tr?: Transaction): void {
    this.listed.changed(tr)
    const current = this.suggestionAtCursor()
    if (current !== this.current) {
      this.current = current
      this.host.requestUpdate()
    }
  }

  /** The id of the suggestion whose content the cursor is in or at, or null. */
  private suggestionAtCursor(): string | null {
    const state = this.host.view?.state
    if (!state || !suggestionsOf(state.doc).length) return null
    const { $from } = state.selection
    for (const node of [$from.nodeAfter, $from.nodeBefore]) {
      const mark = node?.marks.find((m) => m.type.name === 'insertion' || m.type.name === 'deletion' || m.type.name === 'modification')
      if (mark) return mark.attrs.id as string
    }
    return null
  }

  /** The suggestions in reading order, found again only after a change. */
  private suggestions(): SuggestionAt[] {
    return this.listed.of(this.host.view?.state.doc)
  }

  /** Runs a settling command; the hint says how many were settled. */
  private settle(command: Command, accepted: boolean): void {
    const view = this.host.view
    if (!view || !this.host.editable) return
    const before = suggestionsOf(view.state.doc).length
    if (!command(view.state, view.dispatch)) return
    const count = before - suggestionsOf(view.state.doc).length
    this.actions.hint(accepted ? this.strings.accepted(count) : this.strings.rejected(count))
    view.focus()
  }

  /** Selects the content of a suggestion (a field or a block whole) and scrolls to it. */
  private select(at: SuggestionAt): void {
    const view = this.host.view
    if (!view || at.from === null) return
    const doc = view.state.doc
    const node = doc.nodeAt(at.from)
    const sel = node && !node.isText && node.isInline ? NodeSelection.create(doc, at.from) : TextSelection.between(doc.resolve(at.from), doc.resolve(at.to!))
    view.focus()
    view.dispatch(view.state.tr.setSelection(sel).scrollIntoView())
  }

  /** The authors of the suggestions listed, in the order they first appear. */
  private authors(list: SuggestionAt[]): AuthorCount[] {
    const out = new Map<string, AuthorCount>()
    for (const s of list) {
      const a = s.suggestion.author
      const entry = out.get(a.id)
      if (entry) entry.count++
      else out.set(a.id, { author: a, count: 1 })
    }
    return [...out.values()]
  }

  private setView(view: SuggestionView): void {
    this.host.suggestionView = view
    this.host.requestUpdate()
  }

  /** Renders the panel. */
  render(): TemplateResult {
    const t = this.strings
    const list = this.suggestions()
    const editable = this.host.editable
    const reviewing = this.host.reviewing
    const user = this.host.user
    const settles = editable && !reviewing
    const authors = this.authors(list)
    const view = this.host.suggestionView
    return html`<section class="suggestions" part="suggestions" aria-label=${t.label}>
      <div class="panel-title"><span>${t.title(list.length)}</span></div>
      <fieldset class="views">
        <legend>${t.view}</legend>
        ${(['markup', 'final', 'original'] as const).map(
          (v) => html`<label><input type="radio" name="zj-suggestion-view" value=${v} .checked=${view === v} @change=${() => this.setView(v)} />${t.views[v]}</label>`,
        )}
      </fieldset>
      ${list.length && settles
        ? html`<div class="all">
              <button type="button" class="accept-all" @click=${() => this.settle(acceptAll(), true)}>${t.acceptAll}</button>
              <button type="button" class="reject-all" @click=${() => this.settle(rejectAll(), false)}>${t.rejectAll}</button>
            </div>
            ${authors.length > 1
              ? authors.map(
                  ({ author, count }) => html`<div class="author-row" data-author=${author.id} style=${styleMap({ '--zj-user-color': userColor(author) })}>
                    <span class="name">${t.authorCount(t.by(author.name, author.role ?? ''), count)}</span>
                    <button type="button" class="accept-author" title=${t.acceptAuthor(author.name)} @click=${() => this.settle(acceptAll(author.id), true)}>${t.accept}</button>
                    <button type="button" class="reject-author" title=${t.rejectAuthor(author.name)} @click=${() => this.settle(rejectAll(author.id), false)}>${t.reject}</button>
                  </div>`,
                )
              : nothing}`
        : nothing}
      ${list.length
        ? html`<ol class="suggestion-list">
            ${list.map((at) => this.renderSuggestion(at, t, settles, editable && reviewing && user?.id === at.suggestion.author.id))}
          </ol>`
        : html`<div class="none">${t.none}</div>`}
    </section>`
  }

  private renderSuggestion(at: SuggestionAt, t: SuggestionsCatalog, settles: boolean, withdraws: boolean): TemplateResult {
    const s = at.suggestion
    const id = s.id
    // A replacement (typed over a selection, or inside one's own deletion) says both: what goes, struck out, and what comes in its place.
    const replaces = this.host.view ? replacementOf(this.host.view.state.doc, at) : null
    const kind = replaces ? t.kinds.replace : t.kinds[s.kind]
    const text = replaces ? replaces.inserted : at.text.trim() ? at.text : t.noText
    const quote = html`<span class="kind">${kind}</span>${replaces ? html`<del class="deleted">${replaces.deleted}</del>` : nothing}<span class="text">${text}</span>`
    return html`<li class="suggestion" data-id=${id} data-kind=${replaces ? 'replace' : s.kind} aria-current=${this.current === id ? 'true' : 'false'} style=${styleMap({ '--zj-user-color': userColor(s.author) })}>
      ${at.from === null
        ? html`<div class="quote">${quote}</div>`
        : html`<button type="button" class=${s.kind === 'delete' && !replaces ? 'quote delete' : 'quote'} title=${t.go} @click=${() => this.select(at)}>${quote}</button>`}
      <div class="byline">
        <span class="author">${t.by(s.author.name, s.author.role ?? '')}</span>
        <time datetime=${s.time}>${t.time(s.time)}</time>
      </div>
      ${settles || withdraws
        ? html`<div class="actions">
            ${settles ? html`<button type="button" class="accept" @click=${() => this.settle(acceptSuggestion(id), true)}>${t.accept}</button>` : nothing}
            <button type="button" class="reject" @click=${() => this.settle(rejectSuggestion(id), false)}>${settles ? t.reject : t.withdraw}</button>
          </div>`
        : nothing}
    </li>`
  }
}
