import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { EditorState, NodeSelection, TextSelection, type Command, type Plugin, type Transaction } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { history, undoDepth, redoDepth } from 'prosemirror-history'
import type { Node } from 'prosemirror-model'
import { schema, suggestionsOf, toSummary, readSummary, fromSummary, toHTML, toText, validate, canSubmit, metricsToCSV, periods, knownTemplate, type Summary, type Finding, type Period, type Change } from '@zongjie/model'
import styles from './zongjie-editor.styles.ts'
import { after, afterFrame, type Pending } from './later.ts'
import { numbering } from '../plugins/numbering.ts'
import { sectionViews } from '../plugins/section-views.ts'
import { inlineBlocks } from '../plugins/inline-blocks.ts'
import { placeholders, placeholdersKey } from '../plugins/placeholders.ts'
import { fields } from '../plugins/fields.ts'
import { keys } from '../plugins/keys.ts'
import { structureInputRules } from '../plugins/input-rules.ts'
import { workItemLists } from '../plugins/lists.ts'
import { runInTitles } from '../plugins/run-in-titles.ts'
import { caretFromPage } from '../plugins/page-press.ts'
import { clipboard } from '../plugins/clipboard.ts'
import { longSummary } from '../plugins/long-summary.ts'
import { guard, validDoc } from '../plugins/guard.ts'
import { undoSteps } from '../plugins/undo-steps.ts'
import { renderToolbar } from '../panels/toolbar.ts'
import type { OutlineEntry } from '../panels/outline.ts'
import type { PanelList } from '../panels/list.ts'
import type { MetricTable, MetricRow } from '../panels/metrics.ts'
import { isTextOnly } from '../plugins/text-only.ts'
import { fillField, parseMetricInput, replaceDocument, isSuggestible, documentReplaced } from '@zongjie/commands'
import { keymap } from 'prosemirror-keymap'
import { fileDrop } from '../plugins/file-drop.ts'
import type { OpenedFile } from '../files/open.ts'
import { loadDocxWriter, loadDownload, loadFileReader } from '../files/loaders.ts'
import { catalogFor, langOf, loadCatalog, type Catalog } from '../locales/index.ts'
import type { VersionsPanel } from '../panels/versions.ts'
import type { CommentsPanel } from '../panels/comments.ts'
import type { SuggestionsPanel, SuggestionView } from '../panels/suggestions.ts'
import type { SuggestionRecorder } from '../plugins/suggesting.ts'
import type { CollabOptions, CollabSession, CollabStatus } from '../collab/session.ts'
import { redrawAll } from './redraw.ts'
import { watchNarrow, type NarrowWatch } from './narrow.ts'
import { loadPart, PartLoadError } from './parts.ts'
import { newVersion, readVersions, type Version } from '../review/versions.ts'
import { readUser, userColor, type User } from '../review/user.ts'

/** The detail of the `input` and `change` events: the Summary JSON, computed when read. */
export interface ZongjieChangeDetail {
  readonly summary: Summary
}

/** The detail of the `error` event: what was refused and why. */
export interface ZongjieErrorDetail {
  message: string
  /** The JSON path of the offending field, for a refused `summary`, `value`, `versions` or `user`. */
  path?: string
  error: unknown
}

/** A new, empty summary: an empty title and one empty opening paragraph to type in. */
export function emptyDoc(): Node {
  const n = schema.nodes
  return n.doc!.create(null, [n.title!.create(), n.preamble!.create(null, n.paragraph!.create()), n.closing!.create()])
}

/**
 * `<zongjie-editor>`: the work-summary editor (工作总结编辑器). A ProseMirror view in the shadow root
 * over the Zongjie document model: numbers computed and shown live, `一、` `（一）` `1.` `（1）` and
 * `一是` typed at the start of a paragraph become structure, metric and blank fields filled in
 * place, pasted text and Word HTML imported as structure.
 *
 * Under a strict Content-Security-Policy it needs no inline script or style (`style-src 'self'`
 * will do). Where the policy requires Trusted Types (`require-trusted-types-for 'script'`), the
 * editor parses pasted HTML and opened files, and loads its Word support script, through one
 * policy of its own, `zongjie`; the page's `trusted-types` directive lists it with `lit-html`
 * (Lit's) and `ProseMirrorClipboard` (ProseMirror's, for pasting what an editor copied). A page
 * names the editor's policy otherwise with `<meta name="zongjie-trusted-types-policy" content="…">`
 * in its head.
 *
 * @attr readonly - No editing; fields do not open.
 * @attr placeholder - Guidance shown in the opening's first paragraph while it is empty, instead of the default.
 * @attr toolbar - Shows the toolbar.
 * @attr outline - Shows the outline (提纲) panel.
 * @attr findings - Shows the findings (检查结果) panel, from the model's validator, live.
 * @attr status - Shows the status line (字数, 未填写).
 * @attr metrics - Shows the metrics table (指标表): every metric, editable in place, exportable as CSV.
 * @attr comments - Shows the comments panel (批注): the threads in reading order with the text each is on, its author, time, text and replies; 回复, 解决 / 重新打开, 删除 (by its author); 添加批注 there and on the toolbar (Ctrl+Alt+M) comments on the selection, or with the cursor in a heading on the whole section, as the `user`. Its property is `commentsPanel`.
 * @attr suggesting - Suggestion mode (修订, track changes; the toolbar's 修订, Ctrl+Shift+E): what the writer types is a suggested insertion, what they delete stays, marked as a suggested deletion, a field's new value keeps the old one beside it, and a new, deleted, moved, demoted or promoted section is a suggestion of the whole block, each by the `user` at the time, in their colour; an input method's composition becomes one insertion of the committed text. Without a `user`, edits are refused with an `error` event. An edit suggestions cannot say (joining two sections), or made while what records suggestions is still loading (the mode just turned on), is refused with a hint.
 * @attr suggestions - Shows the suggestions panel (修订): the suggestions in reading order, each with what it does, its text, author and time, 接受 and 拒绝; 全部接受 / 全部拒绝, and by author; and how the text shows them (`suggestion-view`). Its property is `suggestionsPanel`.
 * @attr suggestion-view - How the text shows suggestions: `markup` (default: insertions underlined and deletions struck out in their author's colour), `final` (as it would be with every suggestion accepted) or `original` (as it was before them). Its property is `suggestionView`.
 * @attr versions - Shows the versions panel (版本): the versions saved, 保存版本, and for each version 与当前稿比较 (the differences listed, each leading to its place) and 恢复. Its property is `versionsPanel` (`versions` is the list).
 * @attr draft-key - Keeps the draft in this browser (IndexedDB) under this key as the writer types, a second after each pause, so that a crash, a closed tab or a timed-out session loses nothing: opening the editor again with the same key, when the summary the page loads is not the draft, offers 恢复未保存的草稿 with the draft's time (恢复 puts it in place in one step Ctrl-Z takes back; 放弃 forgets it). Submitting the form the editor is in, or `clearDraft()`, forgets it; in a form, leaving the page with changes not submitted asks first. A key names one summary of one writer (the OA form's id, say). Its property is `draftKey`.
 * @attr template - Starts from this template (`hospital`, `township` …, see the model's `templates`) when no summary is set: set before the editor renders or later (once the page has fetched the form's settings), as long as the page has set no summary and the writer has not written.
 * @attr organization - The organisation (单位) a new document from a template reports on.
 * @attr year - The year a new document from a template reports on.
 * @attr period - The period of a new document from a template: `first-half`, `second-half` or `year`.
 * @attr name - The name under which a `<form>` submits the Summary JSON (a form-associated element): the Summary JSON of the moment the form is read (a submission, or the page's `new FormData(form)`), the last keystroke and a summary set before the first frame too.
 * @attr required - The form is invalid while the validator reports errors (unfilled fields …); the first one is the validation message.
 * @attr disabled - No editing, and the form leaves the editor out; as a disabled native control (so too in a disabled `<fieldset>`), the editor leaves the tab order, its text, toolbar and panels alike, and its text is announced as disabled (`aria-disabled`), still shown; a click on it puts no focus in it (its text can still be selected and copied); enabled again, all is as it was.
 * @attr lang - The language of the editor's own strings (toolbar, panels, guidance, messages): `zh-CN` (the default) or `en`; taken from the closest ancestor with `lang` when the element has none (inside another component's shadow root, from its host's ancestors), and followed when either is set later.
 * @attr value - The summary as Summary JSON text, for a page rendered on the server (`<zongjie-editor value='{"version":1,"title":…}'>`): read once, when the element is first connected, as `value` set by script then would be (refused with the same `error` event and hint when it is not a summary); later changes of the attribute are not read: set the `value` property. A `value` or `summary` the page set by script before the element was defined comes first.
 * @attr mode - `free` (default), `fill` or `review`: in fill mode the template's fixed headings and required parts cannot be changed or removed, and Tab goes on through what is left to fill, Shift-Tab back through every field (filled ones too, as in a form), each field opening as it is reached, its value selected (what fill mode needs loads the first time it is on, the editor read-only in fill mode until then); in review mode (审阅) the reader comments and suggests but does not edit directly: every change is a suggestion (suggestion mode cannot be turned off), no file is opened, and of the suggestions the reader only withdraws (撤回) their own.
 *
 * @event input - After every change of the document. `detail.summary` is the Summary JSON.
 * @event change - When the editor loses focus after a change. `detail.summary` is the Summary JSON.
 * @event error - When a value set on `summary`, `value`, `versions` or `user` is refused (the hint tells the writer too, so that a summary that could not load is not an empty editor unexplained; a `value` that is not JSON at all is said to be so, `内容不是有效的 JSON`, the parser's `SyntaxError` in `detail.error`), a file the writer opened (打开, or dropped on the editor) cannot be read, the writer acts on comments while the page has set no `user`, the co-editing server refused a change of the writer's (`path: 'collab'`: the change is dropped and the server's document taken again), or a part that loads on use could not be loaded (`path` names it: `word`, `versions`, `comments`, `suggestions`, `collab`, `files` …; the hint says so in one line); the content (or the list, or the user) is kept. `detail.message`, `detail.path`, and `detail.error`, the error itself (a `SummaryError` of the model for Summary JSON it refuses).
 * @event collab - When the co-editing connection changes (see `collab`): `detail.status` is `connecting`, `connected`, `reconnecting`, `offline` (changes kept in the browser) or `refused` (with `detail.reason`, the server's; `connecting` with a reason `update-refused:…` when the server refused a change and the document is taken again).
 * @event version - When a version is saved (`saveVersion()`, or 保存版本 in the versions panel), for the page to store it. `detail` is the version: `id`, `label`, `author`, `time`, `summary`.
 *
 * @csspart base - The frame around toolbar, panels and page. Where it is too narrow to keep the panels on beside a page 420 px wide (an OA form's column), they go under the page, full width, each scrolling in a height of its own; it then has `data-narrow`.
 * @csspart toolbar - The toolbar.
 * @csspart outline - The outline panel.
 * @csspart findings - The findings panel.
 * @csspart status - The status line.
 * @csspart metrics - The metrics table.
 * @csspart versions - The versions panel.
 * @csspart comments - The comments panel.
 * @csspart suggestions - The suggestions panel.
 * @csspart hint - The one-line message under the toolbar (a change refused, a file opened, a part that could not load): a notice dark grey; an error red, with the class `error` (a value or file that could not be read, a part that could not load, what the page did not allow for).
 * @csspart draft - The offer of an unsaved draft (恢复未保存的草稿).
 * @csspart page - The page the summary is written on.
 *
 * @cssproperty --zongjie-font-body - The body font (仿宋 by default).
 * @cssproperty --zongjie-font-heiti - The font of `一、` headings (黑体).
 * @cssproperty --zongjie-font-kaiti - The font of `（一）` headings (楷体).
 * @cssproperty --zongjie-font-title - The title font (小标宋).
 * @cssproperty --zongjie-font-ui - The font of toolbar and panels.
 * @cssproperty --zongjie-accent - The colour of errors.
 * @cssproperty --zongjie-field-bg - The background of an unfilled field (a light amber by default).
 * @cssproperty --zongjie-field-color - The text colour of an unfilled field.
 * @cssproperty --zongjie-field-border - The dashed underline of an unfilled field.
 * @cssproperty --zongjie-comment-bg - The background of commented text (a light blue by default; darker where comments overlap and on the current thread's text).
 * @cssproperty --zongjie-page-width - The width of the page the summary is written on (210mm, A4, by default).
 * @cssproperty --zongjie-page-bg - The background around the page.
 * @cssproperty --zongjie-border - The colour of the frame and panel borders.
 * @cssproperty --zongjie-panel-bg - The background of toolbar and panels.
 * @cssproperty --zongjie-height - The height of the editor's frame (auto by default); the page scrolls inside it.
 * @cssproperty --zongjie-max-height - The largest height of the frame (85vh by default), so toolbar and panels stay in view.
 */
export class ZongjieEditor extends LitElement {
  static override styles = styles

  /** A form-associated custom element: it takes part in a `<form>` like a native control. */
  static formAssociated = true

  constructor() {
    super()
    // The editor's `<label>`, clicked, clicks the element itself: the focus goes into the text, as a native control's label puts it in the control.
    this.addEventListener('click', (event) => {
      if (event.composedPath()[0] === this) this.focus()
    })
  }

  /** `lang` chooses the catalogue of the editor's own strings (`zh-CN` by default, `en`). */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang']
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    super.attributeChangedCallback(name, old, value)
    if (name === 'lang') this.loadLanguage()
  }

  /**
   * The node views and placeholders take a new language with a fresh state (the document stays),
   * when the strings in force differ from those the view was drawn with.
   */
  private showLanguage() {
    this.catalog = null
    if (!this.view || this.strings === this.drawnStrings) return
    // A hint said in the language before goes with it.
    this.hint = ''
    this.view.updateState(this.createState(this.view.state.doc))
    this.computePanels()
    // The form's validation message is said in the new language too.
    this.syncForm()
    this.requestUpdate()
  }

  /**
   * Loads the catalogue of the element's language (English loads on use), then shows it; Chinese
   * meanwhile. Asked again for the same load (the element connected, then its `lang` set), it
   * shows it once; a language chosen meanwhile that needs no load is not undone by its arrival.
   * A language there already is shown at once. Asked at every render too, so that a `lang` set on
   * an ancestor (the page's `<html>`) is followed at the element's next render, loaded or not.
   */
  private loadLanguage() {
    this.catalog = null
    const load = loadCatalog(langOf(this))
    if (load && load === this.languageLoad) return
    this.languageLoad = load
    if (!load) this.showLanguage()
    load?.then(
      () => {
        if (this.languageLoad !== load) return
        this.languageLoad = null
        this.showLanguage()
      },
      (error: unknown) => {
        if (this.languageLoad !== load) return
        this.languageLoad = null
        this.partFailed(error)
      },
    )
  }

  /** Watches the `lang` of the element's ancestors while it is in the page. */
  private langObserver?: MutationObserver

  /** The load of the catalogue the element waits for, if any. */
  private languageLoad: Promise<Catalog> | null = null

  /**
   * The catalogue of strings in force: the element's `lang`, or its closest ancestor's (looked up
   * again at each render of the element, not at every key: the view asks for its label on every
   * update).
   */
  get strings(): Catalog {
    return (this.catalog ??= catalogFor(langOf(this)))
  }

  /** The catalogue {@link strings} found, until the next render or change of language. */
  private catalog: Catalog | null = null

  static override properties = {
    readonly: { type: Boolean, reflect: true },
    placeholder: { type: String },
    toolbar: { type: Boolean, reflect: true },
    outline: { type: Boolean, reflect: true },
    findings: { type: Boolean, reflect: true },
    status: { type: Boolean, reflect: true },
    metrics: { type: Boolean, reflect: true },
    versionsPanel: { type: Boolean, reflect: true, attribute: 'versions' },
    commentsPanel: { type: Boolean, reflect: true, attribute: 'comments' },
    suggestionsPanel: { type: Boolean, reflect: true, attribute: 'suggestions' },
    suggesting: { type: Boolean, reflect: true },
    suggestionView: { type: String, reflect: true, attribute: 'suggestion-view' },
    template: { type: String, reflect: true },
    organization: { type: String },
    year: { type: Number },
    period: { type: String },
    mode: { type: String, reflect: true },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    revision: { state: true },
    collabStatus: { state: true },
    draftKey: { type: String, reflect: true, attribute: 'draft-key' },
    draftOffer: { state: true },
    hint: { state: true },
    formDisabled: { state: true },
  }

  /** No editing when set. */
  readonly = false
  /** Guidance for empty paragraphs; empty for the default guidance. */
  placeholder = ''
  /** Whether the toolbar is shown. */
  toolbar = false
  /** Whether the outline panel is shown. */
  outline = false
  /** Whether the findings panel is shown. */
  findings = false
  /** Whether the status line is shown. */
  status = false
  /** Whether the metrics table is shown. */
  metrics = false
  /** Whether the versions panel is shown (the attribute `versions`). */
  versionsPanel = false
  /** Whether the comments panel is shown (the attribute `comments`). */
  commentsPanel = false
  /** Whether the suggestions panel is shown (the attribute `suggestions`). */
  suggestionsPanel = false
  /** Whether suggestion mode (修订) is on: edits are made as suggestions by the `user`. */
  suggesting = false
  /** How the text shows suggestions: `markup`, `final` or `original` (the attribute `suggestion-view`). */
  suggestionView: SuggestionView = 'markup'
  /** The template a new document starts from, when no summary is set. */
  template = ''
  /** The organisation a new document from a template reports on. */
  organization = ''
  /** The year a new document from a template reports on. */
  year: number | null = null
  /** The period a new document from a template reports on. */
  period: Period | '' = ''
  /** `free`, `fill` or `review` (see the class documentation). */
  mode: 'free' | 'fill' | 'review' = 'free'
  /** The name under which a `<form>` submits the Summary JSON. */
  name = ''
  /** When set, the form is invalid while the validator reports errors; the first is the validation message. */
  required = false
  /** No editing, and the form leaves the editor out; out of the tab order, its text announced as disabled: as a disabled native control. */
  disabled = false

  private readonly internals: ElementInternals = this.attachInternals()
  private formDisabled = false

  /** Disabled, by the attribute or by a disabled `<fieldset>` or form: as a disabled native control. */
  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled
  }
  private initialDoc: Node | null = null
  private writerChanged = false
  private formTimer: Pending | null = null

  /** The message shown when a change was refused; cleared after a few seconds. */
  protected hint = ''
  /** Whether the hint tells of an error (red), not a notice. */
  protected hintError = false
  private hintTimer: ReturnType<typeof setTimeout> | null = null
  private loadedByCaller = false

  /** The ProseMirror view, once the element has rendered (for integrations and tests). */
  view: EditorView | null = null

  /** Bumped to re-render the panels. */
  protected revision = 0
  private pending: Node = emptyDoc()
  private changedSinceBlur = false
  private metricUnit = '名'
  private panelTimer: Pending | null = null
  /**
   * The outline, the findings and the status line (their module loads after the first frame, when
   * one of them is on), with the lists of the outline and findings, kept while their entries read
   * the same.
   */
  private overview: {
    module: typeof import('../panels/overview.ts')
    outline: PanelList<OutlineEntry, Catalog['outline']>
    findings: PanelList<Finding, Catalog['findings']>
  } | null = null
  private overviewLoad: Promise<void> | null = null
  /** The metrics table (its module loads the first time it is shown), its rows written again only when they read differently. */
  private metricsPart: { module: typeof import('../panels/metrics.ts'); table: MetricTable } | null = null
  private metricsLoad: Promise<void> | null = null
  /** Who is writing (see {@link user}). */
  private writer: User | null = null
  /** The versions saved or given back by the page, oldest first. */
  private versionList: readonly Version[] = []
  /** The versions panel, once loaded (the first time it is shown, with its strings and styles: writing needs none of it). */
  private versionsView: VersionsPanel | null = null
  private versionsLoad: Promise<void> | null = null
  /** The comments panel, once loaded (the first time it is shown, with its strings and styles). */
  private commentsView: CommentsPanel | null = null
  private commentsLoad: Promise<void> | null = null
  /** The suggestions panel, once loaded (the first time it is shown). */
  private suggestionsView: SuggestionsPanel | null = null
  private suggestionsLoad: Promise<void> | null = null
  /** What makes edits suggestions and shows them, once loaded (suggestion mode is on, or the document has suggestions). */
  private recorder: SuggestionRecorder | null = null
  private suggestingLoad: Promise<void> | null = null
  /** The key the draft is kept under in this browser (the attribute `draft-key`); empty for none. */
  draftKey = ''
  /** A draft kept earlier that differs from what the page loaded, offered to the writer. */
  protected draftOffer: { summary: string; time: string } | null = null
  private draftTimer: Pending | null = null
  /** Whether the writer changed the document since it was loaded or the form submitted. */
  private unsubmitted = false
  private submittingForm: HTMLFormElement | null = null

  /** The co-editing session, while `collab` is set (loaded on first use). */
  private session: CollabSession | null = null
  private collabOptions: CollabOptions | null = null
  /** The co-editing connection as the status line tells it; null when not co-editing. */
  protected collabStatus: CollabStatus | null = null
  /** The colours of the suggestions' authors, a style sheet of the shadow root, once there are suggestions. */
  private authorColors: CSSStyleSheet | null = null
  private panelData: { findings: Finding[]; outline: OutlineEntry[]; status: { characters: number; unfilled: number; left?: number } | null; metrics: MetricRow[] } | null = null

  /** The summary as Summary JSON. Setting it loads a summary after validating it; a value that is not valid Summary JSON is refused with an `error` event, and the content stays. Set before the element is defined (by a page script that runs before the editor's), it loads once it is, as do `value`, `user`, `versions` and `collab`. */
  get summary(): Summary {
    return toSummary(this.doc)
  }

  set summary(value: Summary) {
    const doc = this.accept(() => fromSummary(value), this.strings.loadRefused)
    if (doc) this.replaceDoc(doc)
  }

  /**
   * The summary as one string of Summary JSON, the value a `<form>` submits: for `v-model` and
   * for frameworks that bind a control's `value`. Setting it loads that Summary JSON as setting
   * `summary` does (an invalid one is refused with an `error` event, and the content stays);
   * setting the string the editor already gives, or one that describes the same document, does
   * nothing (the selection and the undo history stay). `''` is a new summary: from `template` when
   * it is set, otherwise empty. Set before the element is defined, it loads once it is.
   */
  get value(): string {
    const doc = this.doc
    if (this.lastValue?.doc !== doc) this.lastValue = { doc, json: JSON.stringify(readSummary(doc)) }
    return this.lastValue.json
  }

  set value(value: string) {
    if (value === this.value) return
    if (value === '' && this.template && !this.templatesPart) {
      // A new summary from the template, once the templates have loaded: empty until then.
      void this.loadTemplates().then(
        () => this.value === this.emptyValue && this.startFromTemplate(),
        () => {},
      )
    }
    const doc =
      value === ''
        ? this.template && this.templatesPart?.templateById(this.template)
          ? this.templateDoc(this.template)
          : emptyDoc()
        : this.accept(() => fromSummary(JSON.parse(value)), this.strings.loadRefused)
    if (doc && !doc.eq(this.doc)) this.replaceDoc(doc)
  }

  /** The value of an empty summary. */
  private get emptyValue(): string {
    return JSON.stringify(readSummary(emptyDoc()))
  }

  /** The string {@link value} gives, kept for the document it was made from. */
  private lastValue: { doc: Node; json: string } | null = null

  /**
   * What `read` makes of a value the page set (a document from Summary JSON, a list of versions),
   * or null when the value is refused: then an `error` event tells the page why, in the words of
   * `say`, with the path of the offending field, and the writer sees the same words (a summary
   * the page could not load would otherwise be an empty editor, unexplained).
   */
  private accept<T>(read: () => T, say: (message: string) => string): T | null {
    try {
      return read()
    } catch (error) {
      const e = error as Error & { path?: string }
      const message = say(error instanceof SyntaxError ? this.strings.notJson : e.message)
      this.failed(message, error, e.path)
      return null
    }
  }

  /**
   * The current document (the model's ProseMirror node), as it last fitted the schema: in
   * co-editing, for the moment between a merge the schema does not allow and the server's repair
   * of it, the document before the merge.
   */
  get doc(): Node {
    return this.view ? validDoc(this.view.state) : this.pending
  }

  /** Loads a document, replacing the content and the undo history. No `input` event: the writer changed nothing. */
  load(doc: Node) {
    doc.check()
    this.replaceDoc(doc)
  }

  /** Loads a document already checked (by `fromSummary`, or `load`). */
  private replaceDoc(doc: Node) {
    this.loadedByCaller = true
    this.unsubmitted = false
    this.draftOffer = null
    if (this.draftKey) queueMicrotask(() => void this.offerDraft())
    // The value a form reset returns to: what the page loaded before the writer changed anything.
    if (!this.writerChanged) this.initialDoc = doc
    if (doc.attrs.template && !this.templatesPart) void this.loadTemplates().catch(() => {})
    if (!this.view) {
      this.pending = doc
      return
    }
    this.recorder?.reset()
    redrawAll(this.view)
    this.view.updateState(this.createState(doc))
    this.refreshPanels(true)
    this.versionsView?.documentChanged()
    this.commentsView?.changed()
    this.suggestionsView?.changed()
    this.suggestionsChanged()
    this.syncForm()
  }

  /** The form control's validity (a form-associated element's `ElementInternals.validity`). */
  get validity(): ValidityState {
    return this.internals.validity
  }

  /** The message the form shows while the editor is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage
  }

  /** Whether the editor satisfies its constraints (`required`: no errors); fires `invalid` when not. */
  checkValidity(): boolean {
    this.syncForm()
    return this.internals.checkValidity()
  }

  /** Like {@link checkValidity}, and shows the message to the writer. */
  reportValidity(): boolean {
    this.syncForm()
    return this.internals.reportValidity()
  }

  /** The form the editor belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form
  }

  /** The element joined or left a form: the form gets the current value. */
  formAssociatedCallback() {
    for (const type of ['submit', 'formdata']) {
      this.submittingForm?.removeEventListener(type, this.onForm)
      this.internals.form?.addEventListener(type, this.onForm)
    }
    this.submittingForm = this.internals.form
    if (this.view) this.syncForm()
  }

  /** Form reset: back to the document the editor started with. */
  formResetCallback() {
    if (this.initialDoc) {
      this.load(this.initialDoc)
      this.writerChanged = false
    }
  }

  /** A disabled `<fieldset>` or form disables the editor as it would a native control. */
  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled
    this.takeEditable()
  }

  /** The browser restores the submitted value (back navigation, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null) {
    if (typeof state !== 'string') return
    try {
      // A restored value is the writer's, not the page's: reset still goes back to what the page loaded.
      const initial = this.initialDoc
      this.replaceDoc(fromSummary(JSON.parse(state)))
      this.initialDoc = initial
      this.writerChanged = true
    } catch {
      // A stale or foreign state is not restored; the editor keeps what it has.
    }
  }

  /** Keeps the draft a second after the writer pauses. */
  private keepDraftSoon() {
    this.draftTimer?.cancel()
    this.draftTimer = after(1000, () => {
      this.draftTimer = null
      void this.keepDraft()
    })
  }

  /** What keeps drafts, once loaded (it loads with the key, so that the page's going finds it ready). */
  private drafts: typeof import('../drafts/drafts.ts') | null = null

  /**
   * Loads what keeps drafts; `null` when it cannot be loaded, the writer told once (drafts are
   * then not kept, and typing goes on).
   */
  private async loadDrafts(): Promise<typeof import('../drafts/drafts.ts') | null> {
    if (this.drafts) return this.drafts
    try {
      return (this.drafts = await loadPart('drafts', () => import('../drafts/drafts.ts')))
    } catch (error) {
      if (!this.draftsFailed) {
        this.draftsFailed = true
        this.partFailed(error)
      }
      return null
    }
  }

  /** What keeps drafts could not be loaded: the writer was told. */
  private draftsFailed = false

  /** Keeps the draft now (a draft offered and not yet answered is not overwritten). */
  private async keepDraft() {
    const key = this.draftKey
    if (!key || this.draftOffer || !this.unsubmitted) return
    const draft = { key, summary: this.value, time: new Date().toISOString() }
    // When the page is going there is no time to load anything: the module is there already.
    await (this.drafts ?? (await this.loadDrafts()))?.writeDraft(draft)
  }

  /** Offers the draft kept under the key when it is not what the editor holds now. */
  private async offerDraft() {
    const key = this.draftKey
    if (!key) return
    const draft = await (await this.loadDrafts())?.readDraft(key)
    if (key !== this.draftKey || !draft || draft.summary === this.value || this.unsubmitted) return
    this.draftOffer = { summary: draft.summary, time: draft.time }
  }

  /** 恢复: the offered draft in place of the content, in one step Ctrl-Z takes back. */
  private restoreDraft() {
    const offer = this.draftOffer
    this.draftOffer = null
    if (!offer) return
    const doc = this.accept(() => fromSummary(JSON.parse(offer.summary)), this.strings.loadRefused)
    if (!doc) return
    if (this.view) replaceDocument(doc)(this.view.state, this.view.dispatch)
    else this.replaceDoc(doc)
    this.unsubmitted = true
    this.showHint(this.strings.drafts.restored)
  }

  /** 放弃: the offered draft forgotten. */
  private discardDraft() {
    this.draftOffer = null
    void this.clearDraft()
  }

  /**
   * Forgets the draft kept in this browser under `draft-key` (after the page has saved the
   * summary by its own means; submitting the form does it by itself).
   */
  async clearDraft(): Promise<void> {
    this.draftTimer?.cancel()
    this.draftTimer = null
    this.unsubmitted = false
    if (!this.draftKey) return
    await (await this.loadDrafts())?.removeDraft(this.draftKey)
  }

  /**
   * The form was submitted: the draft is no longer needed. The form's entries are read (a
   * submission, or the page's `new FormData(form)`) while what was typed last, or the document
   * loaded before the first frame, has not reached the form yet: the entry holds the Summary JSON
   * of this moment, in its place (left as it is when another control has the same name).
   */
  private readonly onForm = (event: Event) => {
    if (event.type === 'submit') return void this.clearDraft()
    const { formData } = event as FormDataEvent
    const name = this.getAttribute('name')
    if (!name || this.disabled || this.formDisabled || formData.getAll(name).length > (this.formTimer ? 1 : 0)) return
    this.syncForm()
    formData.set(name, this.value)
  }

  /** The page is going (closed, navigated away, put away on a phone): what was typed in the last second is kept at once. */
  private readonly onPageHide = () => {
    if (!this.draftTimer) return
    this.draftTimer.cancel()
    this.draftTimer = null
    const key = this.draftKey
    if (!key || this.draftOffer || !this.unsubmitted) return
    const draft = { key, summary: this.value, time: new Date().toISOString() }
    if (this.drafts) this.drafts.keepDraftNow(draft)
    else void this.loadDrafts().then((drafts) => drafts?.writeDraft(draft))
  }

  /** Leaving the page with changes the form has not submitted asks first. */
  private readonly onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!this.draftKey || !this.unsubmitted || !this.internals.form) return
    event.preventDefault()
    event.returnValue = ''
  }

  /** Whether the writer reviews (`mode="review"`): every change a suggestion. */
  get reviewing(): boolean {
    return this.mode === 'review'
  }

  /** Whether edits are made as suggestions now: suggestion mode, or review mode. */
  get suggestionsOn(): boolean {
    return this.suggesting || this.reviewing
  }

  /** 修订 on the toolbar, Ctrl+Shift+E: suggestion mode on or off (not off in review mode). */
  private toggleSuggesting() {
    if (!this.editable) return
    if (this.reviewing) {
      this.showHint(this.strings.suggesting.reviewOnly)
      return
    }
    this.suggesting = !this.suggesting
  }

  /**
   * Loads what makes edits suggestions and shows them, the first time it is needed: suggestion
   * mode is turned on, the suggestions panel shown, or a document with suggestions is loaded.
   */
  private loadSuggesting(): Promise<void> {
    return (this.suggestingLoad ??= loadPart('suggestions', () => import('../plugins/suggesting.ts')).then(({ SuggestionRecorder, suggestionMarks, adoptSuggestionStyles }) => {
      adoptSuggestionStyles(this)
      this.recorder = new SuggestionRecorder({
        active: () => this.suggestionsOn,
        author: () => {
          const u = this.writer
          return u ? (u.role ? { id: u.id, name: u.name, role: u.role } : { id: u.id, name: u.name }) : null
        },
        lang: () => this.strings.lang,
        refuse: (reason, said) => {
          const message = said ?? this.strings.suggesting.noUser
          if (reason === 'noUser') this.failed(message, new Error(message))
          else this.showHint(message)
        },
      })
      const view = this.view
      if (view) view.updateState(view.state.reconfigure({ plugins: [...view.state.plugins, suggestionMarks()] }))
      this.suggestionsChanged()
    }).catch((error) => this.partFailed(error)))
  }

  /** The suggestions of the document changed (or it was loaded): their authors' colours follow, and what shows them is loaded when there are some. */
  private suggestionsChanged() {
    const suggestions = suggestionsOf(this.doc)
    if (suggestions.length && !this.recorder) {
      void this.loadSuggesting()
      return
    }
    const root = this.renderRoot
    if (!(root instanceof ShadowRoot) || typeof CSSStyleSheet === 'undefined' || !('replaceSync' in CSSStyleSheet.prototype)) return
    if (!this.authorColors) {
      if (!suggestions.length) return
      this.authorColors = new CSSStyleSheet()
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.authorColors]
    }
    const colors = new Map<string, string>()
    const me = this.writer
    const rules = suggestions.map((s) => {
      let color = colors.get(s.author.id)
      if (!color) colors.set(s.author.id, (color = userColor(me?.id === s.author.id && me.color && CSS.supports('color', me.color) ? me : s.author)))
      return `[data-suggestion="${CSS.escape(s.id)}"] { --zj-author: ${color}; }`
    })
    this.authorColors.replaceSync(rules.join('\n'))
  }

  /** The view asks again whether the writer can edit now ({@link editable}), after what decides it changed. */
  private takeEditable() {
    this.view?.setProps({ editable: () => this.editable })
  }

  /**
   * Whether the writer can edit now: not `readonly`, not `disabled`, not in a disabled form;
   * co-editing, once the shared document has arrived; in fill mode, once its rules and the
   * template's are in.
   */
  get editable(): boolean {
    return !this.readonly && !this.disabled && !this.formDisabled && !(this.collabOptions && this.collabStatus !== 'connected' && !this.sharedReady) && !(this.mode === 'fill' && (this.waitingForTemplate || !this.fillPlugins))
  }

  /** Whether the shared document has arrived (co-editing). */
  private sharedReady = false
  /** The plugins of the co-editing session in the state, taken out when it ends. */
  private collabPlugins: Plugin[] = []

  /**
   * Co-editing (协同编辑): `{ url, document, token }` joins the document `document` on the
   * Hocuspocus server at `url` (a `ws://` or `wss://` URL) with the token the OA system issued for
   * it (it names the document and the writer's role; the server decides what the writer may do).
   * The shared document replaces the content once it arrives (the editor waits read-only until
   * then); every writer's changes show at once, their cursors with their names and colours (the
   * `user`), and Ctrl-Z undoes one's own changes only, never deleting what another writer has
   * written since (a part one added and undoes stays whole when another has written in it). The
   * browser keeps a copy of the document (IndexedDB) as the writer types: opened again with no server in reach, it is edited offline,
   * and what was typed merges with the others' changes when the server is back. `token` may be a
   * function, called for each connection (a token that expires is renewed). A change the server
   * refuses (it would break the summary, or the writer's role forbids it) is dropped with an
   * `error` event and a hint, and the server's document is taken again. `null` leaves the
   * document: the content stays, no longer shared. The status line says 正在连接 / 已连接 /
   * 正在重连 / 离线，修改已保存在本机, and a `collab` event tells the page. What co-editing needs
   * loads on first use.
   */
  get collab(): CollabOptions | null {
    return this.collabOptions
  }

  set collab(value: CollabOptions | null) {
    if (value !== null && (typeof value !== 'object' || typeof value.url !== 'string' || typeof value.document !== 'string' || !['string', 'function'].includes(typeof value.token) || !value.url || !value.document)) {
      const message = this.strings.collab.invalid
      this.emit<ZongjieErrorDetail>('error', { message, path: 'collab', error: new Error(message) })
      return
    }
    this.session?.destroy()
    this.session = null
    this.sharedReady = false
    this.collabOptions = value ? { url: value.url, document: value.document, token: value.token } : null
    this.collabStatus = value ? 'connecting' : null
    if (!value) {
      // Alone again: the content stays, with the editor's own undo history instead of the shared one.
      const view = this.view
      if (view && this.collabPlugins.length) {
        const own = view.state.plugins.filter((p) => !this.collabPlugins.includes(p))
        view.updateState(EditorState.create({ doc: view.state.doc, plugins: [...own, history()] }))
      }
      this.collabPlugins = []
      this.takeEditable()
      this.requestUpdate()
      return
    }
    this.takeEditable()
    void this.startSession(this.collabOptions!)
  }

  /** Loads co-editing and opens the session, unless `collab` changed meanwhile. */
  private async startSession(options: CollabOptions) {
    let collab: typeof import('../collab/session.ts')
    try {
      collab = await loadPart('collab', () => import('../collab/session.ts'))
    } catch (error) {
      this.partFailed(error)
      return
    }
    if (this.collabOptions !== options) return
    collab.adoptCollabStyles(this)
    const { CollabSession } = collab
    this.session = new CollabSession(
      {
        statusChanged: (status, reason) => {
          this.collabStatus = status
          this.takeEditable()
          this.emit<ZongjieCollabDetail>('collab', reason ? { status, reason } : { status })
        },
        ready: (doc, plugins) => {
          this.sharedReady = true
          const view = this.view
          if (!view) return
          this.recorder?.reset()
          // The shared document's plugins first (its undo keys before the editor's), the editor's own without its history
          // (nor an earlier session's plugins: joined again after a refused change, or after the element was moved).
          const own = view.state.plugins.filter((p) => !this.collabPlugins.includes(p) && (p as unknown as { key: string }).key !== 'history$')
          this.collabPlugins = plugins
          redrawAll(view)
          view.updateState(EditorState.create({ doc, plugins: [...plugins, ...own] }))
          this.session?.attach(view)
          this.takeEditable()
          this.refreshPanels(true)
          this.commentsView?.changed()
          this.suggestionsView?.changed()
          this.suggestionsChanged()
          this.requestUpdate()
        },
        who: () => ({ name: this.writer?.name ?? this.strings.collab.anonymous, color: this.writer ? userColor(this.writer) : '#6b7280' }),
        changeRefused: (reason) => {
          if (this.collabOptions !== options) return
          // What the writer changed since the refusal never reached the others: the server's document is taken again, and the writer told.
          const message = this.strings.collab.changeRefused
          this.failed(message, new Error(reason), 'collab')
          this.session?.destroy()
          this.session = null
          this.sharedReady = false
          this.collabStatus = 'connecting'
          this.takeEditable()
          this.emit<ZongjieCollabDetail>('collab', { status: 'connecting', reason })
          void this.startSession(options)
        },
      },
      options,
    )
  }

  /** Gives the form the current Summary JSON and validity (on load, after changes pause, on leaving the editor). */
  private syncForm() {
    if (this.formTimer) {
      this.formTimer.cancel()
      this.formTimer = null
    }
    // The value is the whole Summary JSON: built only for a form that can submit it. An element
    // that joins a form later gets it then (formAssociatedCallback).
    if (this.internals.form) {
      const json = this.value
      this.internals.setFormValue(json, json)
    }
    const findings = this.required && this.editable ? this.findingsOf(this.doc).filter((f) => f.severity === 'error') : []
    // The message anchors at the page once it is rendered inside the shadow root.
    const anchor = this.renderRoot.contains(this.mount) ? this.mount : undefined
    if (findings.length) this.internals.setValidity({ customError: true }, this.strings.validity(this.strings.findings.message(findings[0]!), findings.length), anchor)
    else this.internals.setValidity({})
  }

  /**
   * The summary as HTML (the model's `toHTML`): semantic elements with numbers as text; with
   * `{ standalone: true }`, a whole page with the print stylesheet after GB/T 9704 (A4, margins,
   * fonts per level). Comments (批注) and suggestions (修订) are in it for review (commented text
   * marked, an appendix of threads; `ins` and `del` with author and time, an appendix of the
   * suggestions); with `{ review: false }`, the clean text, every suggestion accepted. This
   * replaces the DOM's `Element.getHTML()`, which would serialise the element's own markup.
   */
  override getHTML(options: GetHTMLOptions & { standalone?: boolean; review?: boolean } = {}): string {
    return toHTML(this.doc, { standalone: options.standalone === true, review: options.review !== false })
  }

  /** The summary as plain text (the model's `toText`). */
  getText(): string {
    return toText(this.doc)
  }

  /**
   * The model's findings on the current draft (unfilled fields, missing parts …), with
   * `submittable`: whether the draft may be submitted (no finding of severity `error`).
   */
  validate(): Finding[] & { submittable: boolean } {
    const findings = this.findingsOf(this.doc).map((f) => ({ ...f }))
    return Object.assign(findings, { submittable: canSubmit(findings) })
  }

  /**
   * Opens a file as the summary: a Word file (`.docx`, with Word's own numbering read as
   * structure), text in any common encoding, HTML or Summary JSON, all through the model's one
   * importer; what opens files (Word support too) loads on first use. The content is replaced in one step that Ctrl-Z
   * takes back, and an `input` event follows. Resolves with the document read and the importer's
   * warnings (by line, or by paragraph for Word); rejects with the importer's error, whose message
   * says what is wrong with the file, and the content stays.
   */
  async importFile(file: File | Blob): Promise<OpenedFile> {
    const { openFile } = await loadFileReader()
    const opened = await openFile(file, (file as File).name ?? '')
    if (this.view) replaceDocument(opened.doc)(this.view.state, this.view.dispatch)
    else this.replaceDoc(opened.doc)
    return opened
  }

  /**
   * The summary as a Word file (`.docx`) laid out after GB/T 9704-2012 (A4, margins, 22 lines a
   * page, fonts per heading level, page numbers), numbers written as text, unfilled fields
   * highlighted, the Summary JSON inside so that opening it again gives this summary exactly.
   * With `{ final: true }` a draft with errors is refused: the promise rejects with an error naming
   * them. The Word writer loads on first use.
   */
  async getDocx(options: { final?: boolean } = {}): Promise<Blob> {
    const { toDocx } = await loadDocxWriter()
    const bytes = await toDocx(this.doc, { final: options.final === true })
    return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
  }

  /** 打开, or a file dropped on the editor: opened, with what happened told in the hint. */
  private async openFromWriter(file: File) {
    if (!this.editable || this.reviewing) return
    const t = this.strings.files
    this.showHint(t.opening(file.name))
    try {
      const { warnings } = await this.importFile(file)
      this.showHint(t.opened(file.name, warnings.length))
    } catch (error) {
      if (error instanceof PartLoadError) return this.partFailed(error)
      const message = t.openFailed(file.name, (error as Error).message)
      this.failed(message, error)
    }
  }

  /** 导出 Word: the summary downloaded as a `.docx` named after its title. */
  private async exportWord() {
    const t = this.strings.files
    this.showHint(t.exporting)
    try {
      const [blob, { download }] = await Promise.all([this.getDocx(), loadDownload()])
      download(blob, `${readSummary(this.doc).title || this.strings.defaultTitle}.docx`)
      this.hint = ''
    } catch (error) {
      if (error instanceof PartLoadError) return this.partFailed(error)
      this.showHint(t.exportFailed((error as Error).message), true)
    }
  }

  /** The metrics as CSV (指标表; see the model's `metricsToCSV`), with a byte-order mark for Excel and WPS. */
  getMetricsCSV(): string {
    return metricsToCSV(toSummary(this.doc), { bom: true })
  }

  /**
   * Who is writing: `{ id, name, role?, color? }` from the page's login, or null. Each version
   * saved records it as its author; without a `color`, the writer's colour is chosen by the id
   * (the same on every page; see `userColor`). A value that is not a writer is refused with an
   * `error` event, and the user stays.
   */
  get user(): User | null {
    return this.writer
  }

  set user(value: User | null) {
    this.accept(() => (this.writer = readUser(value)), this.strings.userRefused)
    if (this.authorColors) this.suggestionsChanged()
    this.requestUpdate()
  }

  /**
   * Adds a comment (批注) with this text by the `user`, now: on the selected text, or, with nothing
   * selected and the cursor in a heading, on its whole section; as 添加批注 does (it takes back
   * with Ctrl-Z). Resolves with the new thread's id. Rejects with a `ReviewError` (its `path`
   * names what is missing) when the page has set no `user`, the text is empty, or nothing is
   * selected to comment on; and when the editor is read-only. What adds comments loads on first use.
   */
  async addComment(text: string): Promise<string> {
    const { commentAs } = await loadPart('comments', () => import('../panels/comments.ts'))
    return commentAs(this.view, this.writer, this.editable, text, this.strings.review)
  }

  /**
   * The versions (版本), oldest first: each `{ id, label, author, time, summary }`, the summary as
   * Summary JSON. The page stores them (each comes with a `version` event when saved) and gives
   * the list back here when the draft is opened again. A value that is not such a list (each `id`
   * unique, `time` in ISO 8601, every `summary` valid) is refused with an `error` event naming the
   * offending field (`detail.path`, such as `$[2].summary.title`), and the list stays.
   */
  get versions(): Version[] {
    return [...this.versionList]
  }

  set versions(value: Version[]) {
    if (this.accept(() => (this.versionList = readVersions(value)), this.strings.versions.refused)) this.requestUpdate()
  }

  /**
   * Keeps the draft as a version, the last of `versions`, with a label (初稿, 送审稿; may be empty),
   * the `user` as its author and the time; a `version` event gives it to the page to store.
   * Returns the version.
   */
  saveVersion(label: string = ''): Version {
    const version = newVersion(this.versionList, readSummary(this.doc), label.trim(), this.writer)
    this.versionList = [...this.versionList, version]
    this.emit<Version>('version', version)
    this.requestUpdate()
    return version
  }

  /**
   * The differences from version `a` to version `b`, or to the current draft when `b` is left out,
   * knowing the structure (the model's `compareSummaries`): sections added, removed, moved,
   * renumbered and retitled; paragraphs added, removed and changed, with the changed words;
   * metrics as values (`6个 → 8个`); the title and the sign-off. The comparison loads on first use.
   * Rejects when no version has an id given.
   */
  async compareVersions(a: string, b?: string): Promise<Change[]> {
    const older = this.versionById(a).summary
    const newer = b === undefined ? readSummary(this.doc) : this.versionById(b).summary
    // The comparison (with the `diff` library) is a chunk of its own in the ES build, loaded the first time.
    return (await loadPart('compare', () => import('@zongjie/model/compare'))).compareSummaries(older, newer)
  }

  /**
   * Puts a version's summary in place of the draft, in one step that Ctrl-Z takes back, as opening
   * a file does; an `input` event follows. Throws when no version has this id.
   */
  restoreVersion(id: string): void {
    const doc = fromSummary(this.versionById(id).summary)
    if (this.view) replaceDocument(doc)(this.view.state, this.view.dispatch)
    else this.replaceDoc(doc)
  }

  /** The version with this id; throws, naming the id, when there is none. */
  private versionById(id: string): Version {
    const version = this.versionList.find((v) => v.id === id)
    if (!version) throw new Error(this.strings.versions.unknown(id))
    return version
  }

  /**
   * Starts a new document from a template (replacing the content and the undo history), for the
   * organisation and period given, or those of the element's attributes. The templates load on
   * first use: the promise resolves once the document is in (at once when they are loaded), and
   * rejects with a RangeError for an unknown id (thrown at once when they are loaded), or with a
   * `PartLoadError` when they cannot be loaded (the writer is told).
   */
  newFromTemplate(id: string, options: { organization?: string; year?: number | null; period?: Period | null } = {}): Promise<void> {
    this.templatesFailed = false
    if (this.templatesPart) {
      this.load(this.templateDoc(id, options))
      return Promise.resolve()
    }
    return this.loadTemplates().then(() => this.load(this.templateDoc(id, options)))
  }

  /** The templates (`@zongjie/model/templates`), once loaded. */
  private templatesPart: typeof import('@zongjie/model/templates') | null = null
  private templatesLoad: Promise<typeof import('@zongjie/model/templates')> | null = null

  /**
   * Loads the templates, once: for the `template` attribute, `newFromTemplate`, and a document that
   * names its template (the validator and fill mode then know its parts: the findings, the form's
   * validity and fill mode's status are taken again).
   */
  private loadTemplates(): Promise<typeof import('@zongjie/model/templates')> {
    return (this.templatesLoad ??= loadPart('templates', () => import('@zongjie/model/templates')).then(
      (part) => {
        this.templatesPart = part
        this.lastFindings = null
        if (this.view) {
          this.takeEditable()
          this.refreshPanels(true)
          this.syncForm()
        }
        this.requestUpdate()
        return part
      },
      (error: unknown) => {
        // Tried again when asked for again (`newFromTemplate`, a template set), not on every update.
        this.templatesLoad = null
        this.templatesFailed = true
        this.partFailed(error)
        throw error
      },
    ))
  }

  /** The templates could not be loaded: the writer was told; they are not loaded again by themselves. */
  private templatesFailed = false

  /** While the document names a template not loaded yet: fill mode waits for its parts, and `updateComplete` for all of it. */
  private get waitingForTemplate(): boolean {
    const id = this.doc.attrs.template as string | null
    return !!id && !knownTemplate(id) && !this.templatesPart
  }

  /** A new document from a template, for the organisation and period given or the element's (the templates loaded). */
  private templateDoc(id: string, options: { organization?: string; year?: number | null; period?: Period | null } = {}): Node {
    return this.templatesPart!.newFromTemplate(id, {
      organization: options.organization ?? this.organization,
      year: options.year ?? this.year,
      period: options.period ?? (periods.includes(this.period as Period) ? (this.period as Period) : null),
    })
  }

  /** Puts the keyboard focus in the editor (read-only too: its text still scrolls by keyboard); disabled, nowhere, as a disabled native control. */
  override focus(options?: FocusOptions) {
    // Disabled, as a disabled native control, it takes no focus (its label's click neither).
    if (this.isDisabled) return
    if (!this.view) super.focus(options)
    else if (this.view.editable) this.view.focus()
    // ProseMirror focuses an editable view only.
    else this.view.dom.focus(options)
  }

  /** The editor's plugins. */
  private plugins(): Plugin[] {
    return [
      ...(this.fillPlugins ?? []),
      guard(),
      // Fields before the keymaps: Enter on a selected field opens it rather than splitting the line.
      fields(() => this.strings.fields, () => this.mode === 'fill'),
      ...structureInputRules(() => this.suggestionsOn, (state, tr) => this.recorder?.refuses(state, tr) ?? false),
      workItemLists(),
      runInTitles(() => this.suggestionsOn),
      ...keys({ sectionKeys: () => this.mode !== 'fill', dateIsLast: () => this.showHint(this.strings.dateIsLast), nothingToShift: (key) => this.showHint(this.strings.nothingToShift[key]) }),
      ...undoSteps(),
      numbering(),
      sectionViews(),
      inlineBlocks(),
      placeholders(() => this.placeholder, () => this.strings.placeholders),
      // Before the clipboard: a pasted file is opened, not read as text.
      fileDrop((file) => void this.openFromWriter(file)),
      keymap({
        'Mod-Shift-e': () => {
          this.toggleSuggesting()
          return true
        },
      }),
      clipboard({ failed: (error) => this.partFailed(error), dropRefused: () => this.showHint(this.strings.dropRefused) }),
      longSummary(),
    ]
  }

  private createState(doc: Node): EditorState {
    this.drawnStrings = this.strings
    return EditorState.create({ doc, plugins: this.view?.state.plugins ?? this.plugins() })
  }

  /** The catalogue of strings the view's state was made with (its node views' and placeholders' words). */
  private drawnStrings: Catalog | null = null

  override render() {
    const state = this.view?.state ?? null
    const data = this.panelData
    const t = this.strings
    // Disabled, the scrollers leave the tab order too (Chromium puts a scroller with nothing focusable in it there);
    // a click does not leave the focus in them (see `blurDisabled`).
    const skip = this.isDisabled ? -1 : nothing
    // The hint's live region is always there, so that a hint appearing in it is announced (politely).
    return html`<div class="shell" part="base">
      ${this.toolbar
        ? renderToolbar(
            this.drawn ? state : null,
            !this.editable,
            this.metricUnit,
            (c) => this.run(c),
            (u) => {
              this.metricUnit = u
              this.revision++
            },
            this.toolbarFiles,
            t.toolbar,
            html`<div class="group">
              <button type="button" class="suggest" title=${t.toolbar.suggestTitle} aria-pressed=${this.suggestionsOn ? 'true' : 'false'} ?disabled=${!this.editable} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.toggleSuggesting()}>
                ${t.toolbar.suggest}
              </button>
              ${this.commentsPanel
                ? html`<button type="button" title=${t.toolbar.commentTitle} ?disabled=${!this.editable || !state || (state.selection.empty && !(state.selection.$from.parent.type.name === 'heading' && state.selection.$from.parent.content.size))} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => void this.commentsView?.start()}>
                    ${t.toolbar.comment}
                  </button>`
                : nothing}
            </div>`,
            this.sharedReady ? this.session?.history : undefined,
          )
        : nothing}
      ${this.draftOffer
        ? html`<div class="draft" part="draft" role="alert">
            <span>${t.drafts.found(t.drafts.time(this.draftOffer.time))}</span>
            <button type="button" class="restore" @click=${() => this.restoreDraft()}>${t.drafts.restore}</button>
            <button type="button" class="discard" @click=${() => this.discardDraft()}>${t.drafts.discard}</button>
          </div>`
        : nothing}
      <div class="body" tabindex=${skip} @focusin=${this.blurDisabled}>
        ${this.outline && data && this.overview ? this.overview.module.renderOutline(data.outline, this.overview.outline, (pos) => this.goTo(pos, false), t.outline) : nothing}
        <div class="page-scroll" tabindex=${skip}><div class="page" part="page" data-suggestion-view=${this.suggestionView} @mousedown=${this.pressOnPage}>${this.mount}</div></div>
        ${this.findings || this.metrics || this.versionsPanel || this.commentsPanel || this.suggestionsPanel
          ? html`<div class="side">
              ${this.suggestionsPanel && this.suggestionsView ? this.suggestionsView.render() : nothing}
              ${this.commentsPanel && this.commentsView ? this.commentsView.render() : nothing}
              ${this.findings && data && this.overview ? this.overview.module.renderFindings(data.findings, this.overview.findings, (f) => f.pos !== undefined && this.goTo(f.pos, true), t.findings) : nothing}
              ${this.metrics && data && this.metricsPart ? this.metricsPart.module.renderMetrics(data.metrics, this.metricsPart.table, !this.editable, this, t.metrics) : nothing}
              ${this.versionsPanel && this.versionsView ? this.versionsView.render() : nothing}
            </div>`
          : nothing}
      </div>
      <div role="status">${this.hint ? html`<div class=${this.hintError ? 'hint error' : 'hint'} part="hint">${this.hint}</div>` : nothing}</div>
      ${this.status && data?.status && this.overview ? this.overview.module.renderStatus(data.status, t.status, this.collabStatus ? t.collab[this.collabStatus] : undefined) : nothing}
    </div>`
  }

  /**
   * Whether the first frame with the text has been drawn: until then the toolbar's buttons are not
   * checked against the state (each shows as available) and no panel's module is loading.
   */
  private drawn = false
  /** The wait for {@link drawn}, while the element waits: cancelled when it leaves the page first, and begun again when it comes back. */
  private firstFrame: Pending | null = null

  /** After the first frame: the element is {@link drawn}, the panels' modules load, the toolbar is checked. */
  private awaitFirstFrame() {
    this.firstFrame = afterFrame(() => {
      this.firstFrame = null
      this.drawn = true
      this.loadPanels()
      if (this.toolbar) this.revision++
    })
  }

  /** A press of the mouse on the page, before ProseMirror's: on an empty draft into the title, below the text to its end (see `caretFromPage`). */
  private readonly pressOnPage = { handleEvent: (e: MouseEvent) => this.view && caretFromPage(this.view, e), capture: true }

  /**
   * Disabled, as a disabled native control, the editor takes no focus from a click: a scroller that
   * took it gives it up once the button is released (so that the text can still be selected by dragging, and copied).
   */
  private readonly blurDisabled = (e: FocusEvent) => this.isDisabled && addEventListener('pointerup', () => (e.target as HTMLElement).blur(), { once: true })

  /** The editable element ProseMirror manages; Lit places it once and never touches it again. */
  private readonly mount: HTMLElement = document.createElement('div')

  private createView() {
    this.view = new EditorView(
      { mount: this.mount },
      {
        state: this.createState(this.pending),
        dispatchTransaction: (tr) => this.dispatch(tr),
        editable: () => this.editable,
        // In the tab order even when read-only, so that the keyboard can scroll the page; disabled,
        // not focusable at all (a click neither), as a disabled native control: its text can still be selected.
        attributes: () => ({ role: 'textbox', 'aria-multiline': 'true', 'aria-label': this.strings.editorLabel, 'aria-readonly': String(!this.editable), 'aria-disabled': String(this.isDisabled), ...(this.isDisabled ? {} : { tabindex: '0' }), lang: 'zh-CN', spellcheck: 'false' }),
      },
    )
    this.initialDoc ??= this.pending
    // Panels, the toolbar's checks and the form value come after the first frame: mounting shows the text first.
    this.awaitFirstFrame()
    this.fillPanels()
    this.formTimer = afterFrame(() => this.syncForm())
    // Native input and change events from the editable area and field inputs stay inside:
    // the element's own `input` and `change` carry the summary.
    for (const type of ['input', 'change']) {
      this.renderRoot.addEventListener(type, (e) => {
        if (!(e instanceof CustomEvent)) e.stopPropagation()
      })
    }
    // What an input method committed becomes a suggestion once the composition ends (see `plugins/suggesting.ts`).
    this.mount.addEventListener('compositionend', () => {
      if (this.view) this.recorder?.compositionEnded(this.view)
      this.session?.compositionEnded()
    })
    this.renderRoot.addEventListener('focusout', (e) => {
      const next = (e as FocusEvent).relatedTarget as globalThis.Node | null
      if (next && (this.renderRoot.contains(next) || this.contains(next))) return
      if (this.formTimer) this.syncForm()
      if (this.changedSinceBlur) {
        this.changedSinceBlur = false
        this.emit<ZongjieChangeDetail>('change', this.changeDetail())
      }
    })
  }

  /** The `template` attribute's document in place of the empty one (not a document the page set). */
  private startFromTemplate() {
    if (!this.template || !this.templatesPart?.templateById(this.template)) return
    this.load(this.templateDoc(this.template))
    this.loadedByCaller = false
  }

  /** Resolves after the update, and once a template being loaded for the document is in. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete()
    if (!this.templatesLoad || this.templatesPart) return done
    await this.templatesLoad.catch(() => {})
    return super.getUpdateComplete()
  }

  protected override willUpdate(changed: PropertyValues) {
    this.loadLanguage()
    if (!this.templatesFailed && (this.waitingForTemplate || (this.template && !this.loadedByCaller))) void this.loadTemplates().catch(() => {})
    // A template set, before the first render or after, starts the document, unless the page has set one or the writer has
    // written (once the templates have loaded, if they were not).
    const fromTemplate = () => !this.loadedByCaller && !this.writerChanged && this.startFromTemplate()
    if (changed.has('template') && this.template) {
      if (this.templatesPart) fromTemplate()
      else void this.loadTemplates().then(fromTemplate, () => {})
    }
    if (!this.view) this.createView()
    // A panel switched on gets its data before it renders.
    else if (['outline', 'findings', 'status', 'metrics', 'mode'].some((p) => changed.has(p))) this.computePanels()
    // The panels that load on use start loading once the text is drawn: mounting shows it first.
    if (this.drawn) this.loadPanels()
    if (this.suggestionsOn) void this.loadSuggesting()
    if (this.mode === 'fill') this.loadFillMode()
  }

  /** What fill mode needs (its module loads the first time it is on), and its plugins, once loaded. */
  private fillPart: typeof import('../plugins/fill-mode.ts') | null = null
  private fillPlugins: Plugin[] | null = null
  private fillLoad: Promise<void> | null = null

  /**
   * Loads fill mode, then puts its plugins first in the editor's state (the document, the selection
   * and the undo history stay); the editor is read-only in fill mode until then, and stays so when
   * it cannot be loaded (the writer is told). Once in, they stay, idle while the mode is another.
   */
  private loadFillMode() {
    this.fillLoad ??= loadPart('fill', () => import('../plugins/fill-mode.ts')).then(
      (module) => {
        this.fillPart = module
        this.fillPlugins = module.fillMode({ active: () => this.mode === 'fill', refuse: (message) => this.showHint(message), strings: () => this.strings.fill })
        const view = this.view
        if (view) {
          view.updateState(view.state.reconfigure({ plugins: [...this.fillPlugins, ...view.state.plugins] }))
          this.takeEditable()
        }
        this.computePanels()
        this.requestUpdate()
      },
      (error: unknown) => this.partFailed(error),
    )
  }

  /** Loads the modules of the panels switched on (the outline, findings and status line; the versions, metrics, suggestions and comments panels), each once. */
  private loadPanels() {
    if (this.outline || this.findings || this.status) {
      this.overviewLoad ??= loadPart('panels', () => import('../panels/overview.ts')).then(
        (module) => {
          module.adoptOverviewStyles(this)
          this.overview = { module, outline: module.outlineList(), findings: module.findingsList() }
          // Drawn with the panels' first fill, or now when that is done.
          if (this.view && !this.panelTimer) this.refreshPanels(true)
        },
        (error: unknown) => this.partFailed(error),
      )
    }
    if (this.versionsPanel) {
      this.versionsLoad ??= loadPart('versions', () => import('../panels/versions.ts'))
        .then(({ VersionsPanel }) => {
          this.versionsView = new VersionsPanel(this, { go: (pos, field) => this.goTo(pos, field), hint: (message) => this.showHint(message) })
          this.requestUpdate()
        })
        .catch((error) => this.partFailed(error))
    }
    if (this.metrics) {
      this.metricsLoad ??= loadPart('metrics', () => import('../panels/metrics.ts')).then(
        (module) => {
          module.adoptMetricsStyles(this)
          this.metricsPart = { module, table: new module.MetricTable((i, input) => this.fillFromTable(i, input), (i) => this.goToMetric(i)) }
          // Its rows come with the panels' first fill, or now when that is done.
          if (this.view && !this.panelTimer) this.refreshPanels(true)
        },
        (error: unknown) => this.partFailed(error),
      )
    }
    if (this.suggestionsPanel) {
      this.suggestionsLoad ??= Promise.all([loadPart('suggestions', () => import('../panels/suggestions.ts')), this.loadSuggesting()])
        .then(([{ SuggestionsPanel }]) => {
          this.suggestionsView = new SuggestionsPanel(this, { hint: (message) => this.showHint(message) })
          this.requestUpdate()
        })
        .catch((error) => this.partFailed(error))
    }
    if (this.commentsPanel) {
      this.commentsLoad ??= loadPart('comments', () => import('../panels/comments.ts')).then(({ CommentsPanel }) => {
        this.commentsView = new CommentsPanel(this, {
          hint: (message, error) => this.showHint(message, error),
          refuse: (message) => this.failed(message, new Error(message)),
        })
        this.requestUpdate()
      }).catch((error) => this.partFailed(error))
    }
  }

  /**
   * A part that loads on use could not be loaded: the writer is told in one line which (the hint,
   * and an `error` event with the part's name as `path`). Anything else is the caller's to tell.
   */
  private partFailed(error: unknown): void {
    if (!(error instanceof PartLoadError)) throw error
    const message = this.strings.parts.failed(error.part)
    this.failed(message, error, error.part)
  }

  /** The panels under the page in a narrow frame (see narrow.ts). */
  private narrow: NarrowWatch | null = null

  protected override updated(changed: PropertyValues) {
    const shell = this.renderRoot.querySelector<HTMLElement>('.shell')
    if (shell) (this.narrow ??= watchNarrow(shell)).rendered()
    // Disabled, the toolbar, the panels and the draft's offer are inert: out of the tab order, not clicked (the text stays, announced as disabled).
    // Set when that changes, and while disabled on what a render may have added (a panel turned on).
    const off = this.isDisabled
    if (off || changed.has('disabled') || changed.has('formDisabled')) for (const part of this.renderRoot.querySelectorAll('.toolbar,.outline,.side,.draft')) part.toggleAttribute('inert', off)
    if (!this.view) return
    if (changed.has('draftKey') && this.draftKey) void this.offerDraft()
    // Fill mode switched on waits read-only for its rules (see loadFillMode).
    if (changed.has('readonly') || changed.has('disabled') || changed.has('mode')) this.takeEditable()
    // The first update leaves the form to the timer set when the view was made.
    if (['required', 'readonly', 'disabled'].some((p) => changed.has(p) && changed.get(p) !== undefined)) this.syncForm()
    if (changed.has('placeholder') && changed.get('placeholder') !== undefined) {
      this.view.dispatch(this.view.state.tr.setMeta(placeholdersKey, true).setMeta('addToHistory', false))
    }
  }

  private reconnectOnReturn: CollabOptions | null = null

  override connectedCallback() {
    // A `value` written in the page's HTML, read once, as set by script (what script set first is set after it).
    const written = this.getAttribute('value')
    if (written !== null && !this.view) this.value = written
    // What the page set before the element was defined is an own property that hides the setter:
    // taken through the setter now (Lit does so for its own properties).
    for (const key of ['user', 'versions', 'summary', 'value', 'collab']) {
      if (this.hasOwnProperty(key)) {
        const own = this as unknown as Record<string, unknown>
        const value = own[key]
        delete own[key]
        own[key] = value
      }
    }
    super.connectedCallback()
    this.loadLanguage()
    // A `lang` set on an ancestor (the page's language switched on `<html>`) is taken at once.
    this.langObserver = new MutationObserver(() => this.requestUpdate())
    this.langObserver.observe(document, { attributeFilter: ['lang'], subtree: true })
    window.addEventListener('beforeunload', this.onBeforeUnload)
    window.addEventListener('pagehide', this.onPageHide)
    if (this.reconnectOnReturn && this.collabOptions === this.reconnectOnReturn) void this.startSession(this.collabOptions)
    this.reconnectOnReturn = null
    // Back in the page (moved in the DOM): what was put off and cancelled on leaving is done again.
    if (this.view) {
      if (!this.drawn && !this.firstFrame) this.awaitFirstFrame()
      this.refreshPanels(false)
      this.formTimer ??= after(0, () => this.syncForm())
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback()
    this.langObserver!.disconnect()
    window.removeEventListener('beforeunload', this.onBeforeUnload)
    window.removeEventListener('pagehide', this.onPageHide)
    // What was typed in the last second is kept before the element goes.
    this.onPageHide()
    // Leaving the page ends co-editing; coming back (moved in the DOM) joins again.
    if (this.session) {
      const options = this.collabOptions
      this.session.destroy()
      this.session = null
      this.sharedReady = false
      this.reconnectOnReturn = options
    }
    this.narrow?.stop()
    this.narrow = null
    this.panelTimer?.cancel()
    this.formTimer?.cancel()
    this.firstFrame?.cancel()
    this.panelTimer = this.formTimer = this.firstFrame = null
  }

  private dispatch(tr: Transaction) {
    const view = this.view!
    // Another writer's change arrives from y-prosemirror as a replacement of the whole document: as the change it is.
    if (this.session) tr = this.session.narrow(view.state, tr)
    if (this.suggestionsOn || this.recorder) {
      // In suggestion mode an edit is made as suggestions (refused, and said, until what makes them has loaded, which it does when the mode is turned on).
      const rewritten = this.recorder ? this.recorder.rewrite(view, tr) : isSuggestible(tr) ? null : tr
      if (!rewritten) return void (this.recorder || this.showHint(this.strings.suggesting.loading))
      tr = rewritten
    }
    const before = view.state
    view.updateState(before.apply(tr))
    if (tr.docChanged) {
      this.writerChanged = true
      if (!tr.getMeta(documentReplaced)) this.unsubmitted = true
      if (this.draftKey) this.keepDraftSoon()
      this.changedSinceBlur = true
      if (!this.formTimer) this.formTimer = after(300, () => this.syncForm())
      this.emit<ZongjieChangeDetail>('input', this.changeDetail())
      this.refreshPanels(false)
      this.versionsView?.documentChanged()
    }
    this.commentsView?.changed(tr)
    this.suggestionsView?.changed(tr)
    this.session?.applied(tr)
    if (tr.docChanged && tr.doc.attrs.suggestions !== tr.before.attrs.suggestions) this.suggestionsChanged()
    // A document that names a template not loaded yet (a summary pasted or opened whole) brings the templates.
    if (tr.docChanged && tr.doc.attrs.template !== tr.before.attrs.template && this.waitingForTemplate) void this.loadTemplates().catch(() => {})
    if (this.toolbar && this.toolbarMayChange(before, view.state, tr)) this.revision++
  }

  /**
   * Whether the toolbar's buttons can have changed: not when typing stays in one block and undo and
   * redo stay as available as they were (the toolbar's commands depend on the block and the outline).
   */
  private toolbarMayChange(before: EditorState, after: EditorState, tr: Transaction): boolean {
    if (tr.docChanged && !isTextOnly(tr)) return true
    const a = before.selection.$from
    const b = after.selection.$from
    if (!before.selection.empty || !after.selection.empty || a.parent.type !== b.parent.type || tr.mapping.map(a.start()) !== b.start()) return true
    return (undoDepth(before) > 0) !== (undoDepth(after) > 0) || (redoDepth(before) > 0) !== (redoDepth(after) > 0)
  }

  private changeDetail(): ZongjieChangeDetail {
    const doc = this.doc
    let summary: Summary | null = null
    return {
      get summary() {
        return (summary ??= toSummary(doc))
      },
    }
  }

  private lastFindings: { doc: Node; findings: Finding[] } | null = null

  /** The validator's findings on `doc`, computed once for each document (the panel and the form's validity share them). */
  private findingsOf(doc: Node): Finding[] {
    if (this.lastFindings?.doc !== doc) this.lastFindings = { doc, findings: validate(doc) }
    return this.lastFindings.findings
  }

  /** Whether any panel that shows the document's data is on (outline, findings, status, metrics). */
  private get anyPanel(): boolean {
    return this.outline || this.findings || this.status || this.metrics
  }

  private computePanels() {
    const doc = this.doc
    const overview = this.overview?.module
    this.panelData = this.anyPanel
      ? {
          outline: this.outline && overview ? overview.outlineOf(doc) : [],
          findings: this.findings ? this.findingsOf(doc) : [],
          status: overview ? { ...overview.statusOf(doc), ...(this.mode === 'fill' && this.fillPart ? { left: this.fillPart.fillTargets(doc).length } : {}) } : null,
          metrics: this.metrics && this.metricsPart ? this.metricsPart.module.metricRows(doc) : [],
        }
      : null
  }

  /** Fills the metric of the table's row `index` (its place as the panel data has it now). */
  private fillFromTable(index: number, input: string): boolean {
    const view = this.view
    const row = this.panelData?.metrics[index]
    const parsed = parseMetricInput(input)
    if (!view || !row || !parsed) return false
    return fillField(row.pos, parsed.value, parsed.range || row.attrs.range ? parsed.upper : undefined, parsed.decimals)(view.state, view.dispatch)
  }

  /** Selects the metric of the table's row `index`. */
  private goToMetric(index: number) {
    const row = this.panelData?.metrics[index]
    if (row) this.goTo(row.pos, true)
  }

  /** The toolbar's file buttons. */
  private readonly toolbarFiles = { open: (file: File) => void this.openFromWriter(file), exportWord: () => void this.exportWord() }

  /** An error told twice: to the page, by an `error` event (`path`, the field or part it is about), and to the writer, in the hint (as an error). */
  private failed(message: string, error: unknown, path?: string) {
    this.emit<ZongjieErrorDetail>('error', { message, ...(path ? { path } : {}), error })
    this.showHint(message, true)
  }

  /** Tells the writer something in the hint for a few seconds: a notice, or with `error` a failure or refusal that looks like one. */
  private showHint(message: string, error = false) {
    this.hint = message
    this.hintError = error
    if (this.hintTimer) clearTimeout(this.hintTimer)
    this.hintTimer = setTimeout(() => {
      this.hint = ''
      this.hintTimer = null
    }, 4000)
  }

  /**
   * The panels' first fill, after the first frame: what each panel keeps for every part of the
   * document is made in an idle moment of its own (validating a long summary alone takes tens of
   * milliseconds), then the panels are computed from it and drawn, so the page answers the writer
   * in between. Later changes find it kept and refresh in about a millisecond.
   */
  private fillPanels() {
    const steps = [
      () => this.outline && this.overview?.module.outlineOf(this.doc),
      () => this.findings && this.findingsOf(this.doc),
      () => this.anyPanel && this.overview?.module.statusOf(this.doc),
      () => this.metrics && this.metricsPart?.module.metricRows(this.doc),
      () => {
        this.panelTimer = null
        this.computePanels()
        this.revision++
      },
    ]
    const next = () => {
      this.panelTimer = afterFrame(() => {
        steps.shift()!()
        if (steps.length) next()
      })
    }
    next()
  }

  /** Recomputes outline, findings and status: at once, or shortly after typing pauses. */
  private refreshPanels(now: boolean) {
    if (!this.anyPanel) return
    const compute = () => {
      this.panelTimer = null
      this.computePanels()
      this.revision++
    }
    if (now) compute()
    else if (!this.panelTimer) this.panelTimer = after(150, compute)
  }

  private run(command: Command) {
    if (!this.view || !this.editable) return
    command(this.view.state, this.view.dispatch)
    this.view.focus()
  }

  private goTo(pos: number, selectField: boolean) {
    const view = this.view
    if (!view) return
    const doc = view.state.doc
    const node = doc.nodeAt(pos)
    const sel =
      selectField && node && (node.type.name === 'metric' || node.type.name === 'blank')
        ? NodeSelection.create(doc, pos)
        : TextSelection.near(doc.resolve(Math.min(pos + 1, doc.content.size)))
    // Focus first: ProseMirror scrolls to the selection only when the page's selection is in the
    // editor, which it is not while a panel's button has the focus.
    view.focus()
    view.dispatch(view.state.tr.setSelection(sel).scrollIntoView())
  }

  private emit<T>(name: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }))
  }
}

/** The element's events with their details: what `addEventListener` on a `<zongjie-editor>` gives each listener. */
export type ZongjieEditorEventMap = Omit<HTMLElementEventMap, 'input' | 'change' | 'error'> & {
  input: CustomEvent<ZongjieChangeDetail>
  change: CustomEvent<ZongjieChangeDetail>
  error: CustomEvent<ZongjieErrorDetail>
  version: CustomEvent<Version>
  collab: CustomEvent<ZongjieCollabDetail>
}

/** The detail of the `collab` event: the co-editing connection's status, and the server's reason when it refused. */
export interface ZongjieCollabDetail {
  status: CollabStatus
  reason?: string
}

/** Typed listeners: `el.addEventListener('input', (e) => e.detail.summary)` knows `detail`. */
export interface ZongjieEditor {
  addEventListener<K extends keyof ZongjieEditorEventMap>(type: K, listener: (this: ZongjieEditor, event: ZongjieEditorEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void
  removeEventListener<K extends keyof ZongjieEditorEventMap>(type: K, listener: (this: ZongjieEditor, event: ZongjieEditorEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void
}
