import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit'
import { adoptPanelStyles } from './panel-styles.ts'
import type { Node } from 'prosemirror-model'
import type { Change, ComparePiece } from '@zongjie/model'
import type { Catalog, VersionsCatalog } from '../locales/catalog.ts'
import { versionsCatalogs, versionsZhCN } from '../locales/versions/index.ts'
import type { Version } from '../review/versions.ts'
import { userColor, type User } from '../review/user.ts'
import { placeOfChange } from '../review/places.ts'
import { after, type Pending } from '../zongjie-editor/later.ts'
import { entryIndex } from './list.ts'

/**
 * The versions panel, with its strings, its styles and the finding of places in the draft, loads
 * the first time an element shows it (the `versions` attribute): writing needs none of it.
 */

/** What the versions panel needs of its element (`<zongjie-editor>`). */
export interface VersionsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment
  /** The draft. */
  readonly doc: Node
  readonly editable: boolean
  /** The element's catalogue: its `lang` chooses the panel's. */
  readonly strings: Catalog
  readonly versions: Version[]
  saveVersion(label: string): Version
  restoreVersion(id: string): void
  compareVersions(a: string): Promise<Change[]>
}

/** What the element does for the panel: put the cursor at a place (selecting a field), and tell the writer something in its hint. */
export interface VersionsPanelActions {
  go(pos: number, field: boolean): void
  hint(message: string): void
}

/** A comparison the panel shows: the version, and its differences once computed. */
interface Comparison {
  id: string
  changes: Change[] | null
  error: string | null
  /** The list of differences, built once for each result and catalogue. */
  list?: HTMLOListElement
  strings?: VersionsCatalog
}

/** How long the draft must rest after a change before a comparison shown is made again. */
const refreshDelay = 400

/** The panel's styles, added to its element's when the panel loads. */
export const versionsStyles = css`
  /* It takes the room it needs in the side column; while it shows a comparison, most of the column. */
  .side > .versions { flex: 0 1 auto; max-height: 70%; }
  .side > .versions.comparing { flex: 1 1 100%; max-height: none; }
  .versions { background: var(--zj-panel-bg); font-size: 13px; }
  .versions .panel-title, .comparison-title { display: flex; justify-content: space-between; align-items: center; gap: 6px; }
  .versions button { font: 12px var(--zj-font-ui); padding: 1px 6px; border: 1px solid var(--zj-border); border-radius: 3px; background: #fff; color: #111; cursor: pointer; }
  .versions button:disabled { color: #71717a; cursor: default; }
  .versions .naming { display: flex; gap: 4px; padding: 2px 10px 6px; }
  .versions .version-name { flex: 1; min-width: 0; font: 13px var(--zj-font-ui); padding: 1px 4px; border: 1px solid var(--zj-border); border-radius: 3px; }
  .versions .none { padding: 4px 10px 8px; color: #4b5563; }
  .version-list { list-style: none; margin: 0; padding: 0 4px 6px; }
  .version-list li { padding: 4px 6px; border-radius: 3px; }
  .version-list li + li { border-top: 1px solid #eee; }
  .version-list li[aria-current='true'] { background: #e0e7ff; }
  .version-label { font-weight: 600; color: #111; overflow-wrap: anywhere; }
  .version-meta { display: flex; flex-wrap: wrap; gap: 0 8px; color: #4b5563; font-size: 12px; }
  .version-meta .author::before { content: '●'; margin-right: 2px; color: var(--zj-user-color, #6b7280); }
  .version-actions { display: flex; gap: 4px; margin-top: 3px; }
  .comparison { border-top: 1px solid var(--zj-border); }
  .comparison-title { padding: 6px 10px 4px; font-weight: 600; color: #374151; }
  .changes { list-style: none; margin: 0; padding: 0 4px 8px; }
  .versions .change { display: block; width: 100%; text-align: left; border: none; background: none; padding: 3px 6px; border-radius: 3px; font: inherit; color: inherit; line-height: 1.5; overflow-wrap: anywhere; cursor: default; }
  .versions button.change { cursor: pointer; }
  .versions button.change:hover { background: #e5e7eb; }
  .change .kind { color: #4b5563; margin-right: 4px; }
  .change .where { color: #1e3a8a; margin-right: 4px; }
  .change ins { text-decoration: underline; text-decoration-color: #15803d; background: #dcfce7; color: #14532d; }
  .change del { text-decoration: line-through; background: #fee2e2; color: #7f1d1d; }
`

/**
 * The versions panel (版本) of one element: the versions saved, oldest first, each with who saved
 * it and when; 保存版本, which asks for a label in place; and for each version 与当前稿比较, which
 * lists the differences of the draft from it (the changed words marked as inserted and deleted,
 * metrics as `6个 → 8个`, sections moved and renumbered), each leading to its place, and 恢复.
 * A comparison shown is made again when the draft has rested after a change, so that it stays
 * true and its entries lead to the right places. A controller of its element: when what it shows
 * changes, the element renders.
 */
export class VersionsPanel implements ReactiveController {
  /** Whether the input asking for the new version's label is open. */
  private naming = false
  private comparison: Comparison | null = null
  /** Bumped for every comparison started or closed: a result that comes after that is dropped. */
  private round = 0
  private refresh: Pending | null = null
  /** The authors shown, one element for each version, made once (their colour set through the CSSOM, which a strict policy allows). */
  private readonly authors = new WeakMap<Version, { t: VersionsCatalog; el: HTMLElement }>()

  constructor(
    private readonly host: VersionsHost,
    private readonly actions: VersionsPanelActions,
  ) {
    host.addController(this)
    adoptPanelStyles(host, versionsStyles)
  }

  /** Cancels a pending refresh when the element leaves the page. */
  hostDisconnected(): void {
    this.refresh?.cancel()
    this.refresh = null
  }

  /** The catalogue of the element's language. */
  private get strings(): VersionsCatalog {
    return versionsCatalogs[this.host.strings.lang] ?? versionsZhCN
  }

  /** The draft changed: a comparison shown is made again once it rests. */
  documentChanged(): void {
    if (!this.comparison || this.refresh) return
    this.refresh = after(refreshDelay, () => {
      this.refresh = null
      if (this.comparison) void this.run(this.comparison.id)
    })
  }

  /** Compares the draft with a version and shows the differences. */
  private async run(id: string): Promise<void> {
    const round = ++this.round
    // While a comparison with the same version is made again, the last result stays in view.
    if (this.comparison?.id !== id) this.comparison = { id, changes: null, error: null }
    this.host.requestUpdate()
    let next: Comparison
    try {
      next = { id, changes: await this.host.compareVersions(id), error: null }
    } catch (error) {
      next = { id, changes: null, error: (error as Error).message }
    }
    if (round !== this.round) return
    this.comparison = next
    this.host.requestUpdate()
  }

  private close(): void {
    this.round++
    this.comparison = null
    this.hostDisconnected()
    this.host.requestUpdate()
  }

  /** Opens or closes the label input, saving a version with the label typed when asked to; the focus goes into the input, or back to 保存版本. */
  private async name(open: boolean, event: Event, save = false): Promise<void> {
    const root = (event.currentTarget as Element).getRootNode() as ParentNode
    if (save) {
      const version = this.host.saveVersion(root.querySelector<HTMLInputElement>('.versions .version-name')?.value.trim() ?? '')
      const t = this.strings
      this.actions.hint(t.saved(version.label || t.unnamed(this.host.versions.length)))
    }
    this.naming = open
    this.host.requestUpdate()
    await this.host.updateComplete
    root.querySelector<HTMLElement>(open ? '.versions .version-name' : '.versions .save')?.focus()
  }

  /** Restores a version from its entry; the writer goes on in the text, where Ctrl-Z takes it back. */
  private restore(version: Version, label: string): void {
    if (!this.host.editable) return
    this.host.restoreVersion(version.id)
    this.actions.hint(this.strings.restored(label))
    ;(this.host as unknown as HTMLElement).focus()
  }

  /** Renders the panel: the versions, oldest first, and the comparison shown. */
  render(): TemplateResult {
    const t = this.strings
    const versions = this.host.versions
    const labelOf = (v: Version) => v.label || t.unnamed(versions.indexOf(v) + 1)
    const compared = this.comparison && versions.find((v) => v.id === this.comparison!.id)
    const keydown = (e: KeyboardEvent) => {
      if ((e.key === 'Enter' && !e.isComposing) || e.key === 'Escape') {
        e.preventDefault()
        void this.name(false, e, e.key === 'Enter')
      }
    }
    return html`<section class=${compared ? 'versions comparing' : 'versions'} part="versions" aria-label=${t.label}>
      <div class="panel-title">
        <span>${t.label}</span>
        <button type="button" class="save" title=${t.saveTitle} ?hidden=${this.naming} @click=${(e: Event) => void this.name(true, e)}>${t.save}</button>
      </div>
      ${this.naming
        ? html`<div class="naming">
            <input class="version-name" aria-label=${t.name} placeholder=${t.namePlaceholder} @keydown=${keydown} />
            <button type="button" class="confirm" @click=${(e: Event) => void this.name(false, e, true)}>${t.confirm}</button>
            <button type="button" class="cancel" @click=${(e: Event) => void this.name(false, e)}>${t.cancel}</button>
          </div>`
        : nothing}
      ${versions.length
        ? html`<ol class="version-list">
            ${versions.map((v) => {
              const label = labelOf(v)
              return html`<li aria-current=${v === compared ? 'true' : 'false'}>
                <div class="version-label">${label}</div>
                <div class="version-meta">
                  ${v.author ? this.authorOf(v, v.author, t) : html`<span class="author">${t.anonymous}</span>`}
                  <time datetime=${v.time}>${t.time(v.time)}</time>
                </div>
                <div class="version-actions">
                  <button type="button" class="compare" title=${t.compareTitle(label)} @click=${() => void this.run(v.id)}>${t.compare}</button>
                  <button type="button" class="restore" title=${t.restoreTitle(label)} ?disabled=${!this.host.editable} @click=${() => this.restore(v, label)}>${t.restore}</button>
                </div>
              </li>`
            })}
          </ol>`
        : html`<div class="none">${t.none}</div>`}
      ${compared ? this.renderComparison(this.comparison!, labelOf(compared), t) : nothing}
    </section>`
  }

  /** Who saved a version, in their colour (a dot before the name). */
  private authorOf(version: Version, author: User, t: VersionsCatalog): HTMLElement {
    const known = this.authors.get(version)
    if (known?.t === t) return known.el
    const el = document.createElement('span')
    el.className = 'author'
    el.style.setProperty('--zj-user-color', userColor(author))
    el.textContent = t.by(author.name, author.role ?? '')
    this.authors.set(version, { t, el })
    return el
  }

  private renderComparison(c: Comparison, label: string, t: VersionsCatalog): TemplateResult {
    const click = (event: Event) => {
      const i = entryIndex(event)
      const change = i === null ? undefined : c.changes?.[i]
      const place = change && placeOfChange(this.host.doc, change)
      if (place) this.actions.go(place.pos, place.field)
    }
    const title = c.error ? t.compareFailed(c.error) : c.changes ? t.compared(label, c.changes.length) : t.comparing(label)
    if (c.changes && c.strings !== t) {
      c.list = changeList(c.changes, this.host.doc, t)
      c.strings = t
    }
    return html`<div class="comparison" role="region" aria-label=${t.compare} @click=${click}>
      <div class="comparison-title">
        <span role="status">${title}</span>
        <button type="button" class="close" title=${t.closeTitle} @click=${() => this.close()}>${t.close}</button>
      </div>
      ${c.list ?? nothing}
    </div>`
  }
}

/** A text inserted (`<ins>`) or deleted (`<del>`). */
function marked(tag: 'ins' | 'del', text: string): HTMLElement {
  const el = document.createElement(tag)
  el.textContent = text
  return el
}

/** A change of one value to another: the old one deleted, the new one inserted. */
function fromTo(old: string, now: string): (globalThis.Node | string)[] {
  return [marked('del', old), ' → ', marked('ins', now)]
}

/** A changed text with its words marked. */
function pieces(list: ComparePiece[]): (globalThis.Node | string)[] {
  return list.map((p) => (p.op === 'same' ? p.text : marked(p.op === 'insert' ? 'ins' : 'del', p.text)))
}

/** What a line says after the kind of the difference: where it is, and what changed. */
function describe(change: Change, t: VersionsCatalog): [string, (globalThis.Node | string)[]] {
  const paragraph = (where: string, n: number) => t.paragraph(where === '导语' ? t.opening : where === '结尾' ? t.closing : where, n)
  switch (change.kind) {
    case 'title':
    case 'sign-off':
      return ['', fromTo(change.old, change.new)]
    case 'section-added':
      return [change.where, [marked('ins', change.title)]]
    case 'section-removed':
      return [change.where, [marked('del', change.title)]]
    case 'section-moved':
    case 'section-renumbered':
      return [`「${change.title}」`, [change.from, ' → ', change.to]]
    case 'section-retitled':
      return [change.where, fromTo(change.old, change.new)]
    case 'paragraph-added':
      return [paragraph(change.where, change.paragraph), [marked('ins', change.text)]]
    case 'paragraph-removed':
      return [paragraph(change.where, change.paragraph), [marked('del', change.text)]]
    case 'paragraph-changed':
      return [paragraph(change.where, change.paragraph), pieces(change.pieces)]
    case 'metric-changed':
      return [paragraph(change.where, change.paragraph), [change.context ? `${change.context}：` : '', ...fromTo(change.old, change.new)]]
  }
}

/**
 * The list of differences, as plain DOM (a long summary may have hundreds): a line each, its kind,
 * its place and what changed. A line whose place is in the draft (`doc`) is a button that goes
 * there; its `data-index` is the difference's.
 */
function changeList(changes: Change[], doc: Node, t: VersionsCatalog): HTMLOListElement {
  const ol = document.createElement('ol')
  ol.className = 'changes'
  changes.forEach((change, i) => {
    const li = ol.appendChild(document.createElement('li'))
    li.dataset.kind = change.kind
    const line = li.appendChild(document.createElement(placeOfChange(doc, change) ? 'button' : 'div'))
    line.className = 'change'
    if (line instanceof HTMLButtonElement) {
      line.type = 'button'
      line.title = t.go
      line.dataset.index = String(i)
    }
    const [where, what] = describe(change, t)
    const kind = line.appendChild(document.createElement('span'))
    kind.className = 'kind'
    kind.textContent = t.kinds[change.kind]
    if (where) {
      const place = line.appendChild(document.createElement('span'))
      place.className = 'where'
      place.textContent = where
    }
    const body = line.appendChild(document.createElement('span'))
    body.className = 'what'
    body.append(...what)
  })
  return ol
}
