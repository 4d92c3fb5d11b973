import { css } from 'lit'

/** The element's styles: ProseMirror's own rules, the page after GB/T 9704, fields, numbers, panels. */
export default css`
  :host {
    display: block;
    box-sizing: border-box;
    writing-mode: horizontal-tb !important;
    --zj-font-body: var(--zongjie-font-body, '仿宋_GB2312', 'FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Noto Serif SC', serif);
    --zj-font-heiti: var(--zongjie-font-heiti, '黑体', 'SimHei', 'STHeiti', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif);
    --zj-font-kaiti: var(--zongjie-font-kaiti, '楷体_GB2312', 'KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif);
    --zj-font-title: var(--zongjie-font-title, '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'Noto Serif SC', 'SimSun', serif);
    --zj-font-ui: var(--zongjie-font-ui, system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    --zj-accent: var(--zongjie-accent, #b91c1c);
    --zj-border: var(--zongjie-border, #d4d4d8);
    --zj-panel-bg: var(--zongjie-panel-bg, #fafafa);
    --zj-page-bg: var(--zongjie-page-bg, #e5e7eb);
    --zj-page-width: var(--zongjie-page-width, 210mm);
    --zj-field-bg: var(--zongjie-field-bg, #fef3c7);
    --zj-field-color: var(--zongjie-field-color, #92400e);
    --zj-field-border: var(--zongjie-field-border, #d97706);
    --zj-comment-bg: var(--zongjie-comment-bg, rgba(37, 99, 235, .12));
  }
  :host([hidden]) { display: none; }
  * { box-sizing: border-box; }

  /* Nothing the page sets on the element is inherited inside (its writing mode is fixed above): the
     frame holds all it shows and starts from initial values, but for the custom properties, the
     language (it picks glyphs), and visibility and pointer events (the page hides it or turns it off). */
  .shell { all: initial; -webkit-locale: inherit; visibility: inherit; pointer-events: inherit; direction: ltr; box-sizing: border-box; color: #111; font-family: var(--zj-font-ui); }
  .shell { border: 1px solid var(--zj-border); background: var(--zj-page-bg); display: flex; flex-direction: column; min-height: 320px; height: var(--zongjie-height, auto); max-height: var(--zongjie-max-height, 85vh); }
  .body { display: flex; flex: 1; min-height: 0; }
  .page-scroll { flex: 1; overflow: auto; padding: 16px; min-width: 0; }
  .page { background: #fff; max-width: var(--zj-page-width); margin: 0 auto; padding: clamp(16px, 5%, 25mm) clamp(16px, 6%, 26mm) clamp(16px, 5%, 25mm) clamp(16px, 6.5%, 28mm); box-shadow: 0 1px 3px rgba(0,0,0,.15); min-height: 100%; }
  /* The text has no outline of its own: the page shows where the focus is. */
  @media screen { .page:focus-within { box-shadow: 0 0 0 2px #2563eb; } }

  /* ProseMirror's own rules (prosemirror-view/style/prosemirror.css). */
  .ProseMirror { position: relative; word-wrap: break-word; white-space: pre-wrap; white-space: break-spaces; -webkit-font-variant-ligatures: none; font-variant-ligatures: none; font-feature-settings: 'liga' 0; outline: none; }
  .ProseMirror pre { white-space: pre-wrap; }
  .ProseMirror li { position: relative; }
  .ProseMirror-hideselection *::selection { background: transparent; }
  .ProseMirror-hideselection { caret-color: transparent; }
  .ProseMirror [draggable][contenteditable=false] { user-select: text; }
  .ProseMirror-selectednode { outline: 2px solid #2563eb; outline-offset: 1px; }
  li.ProseMirror-selectednode { outline: none; }
  img.ProseMirror-separator { display: inline !important; border: none !important; margin: 0 !important; }

  /* The page: 3号 (16pt) 仿宋, first lines indented two characters, about 28pt a line. */
  /* --zj-line: the line's height, which the guidance of an empty block takes (below). */
  .ProseMirror { font-family: var(--zj-font-body); font-size: 16pt; --zj-line: 28pt; line-height: var(--zj-line); }
  .ProseMirror h1, .ProseMirror h2, .ProseMirror h3, .ProseMirror p { margin: 0; font-size: inherit; font-weight: normal; }
  .zj-title { font-family: var(--zj-font-title); font-size: 22pt; --zj-line: 36pt; line-height: var(--zj-line); text-align: center; text-wrap: balance; margin-bottom: 28pt !important; }
  .zj-subtitle { font-family: var(--zj-font-kaiti); text-align: center; }
  .zj-paragraph, .zj-heading, .zj-work-item, .zj-work-note, .zj-work-intro { text-indent: 2em; }
  .zj-chinese > .zj-heading, .zj-problems > .zj-heading, .zj-plans > .zj-heading { font-family: var(--zj-font-heiti); }
  .zj-chineseParen > .zj-heading { font-family: var(--zj-font-kaiti); }
  .zj-arabic > .zj-heading { font-weight: bold; }

  /* Numbers and ordinals are computed: shown as generated content, never typed. */
  .zj-heading[data-number]::before { content: attr(data-number); }
  .zj-work-item[data-ordinal]::before { content: attr(data-ordinal); }

  /* A run-in heading shares its line with the first block of the body. */
  section[data-run-in] { text-indent: 2em; }
  section[data-run-in] > .zj-heading { display: inline; }
  section[data-run-in] > .zj-heading::after { content: '。'; }
  section[data-run-in] > .zj-heading + * { display: inline; }
  section[data-run-in] > .zj-heading + .zj-work-items > * { display: inline; }
  .zj-work-items[data-layout='joined'] { text-indent: 2em; }
  .zj-work-items[data-layout='joined'] > * { display: inline; }

  /*
   * A long summary is drawn where the writer is: the browser lays out and paints only the
   * top-level sections near the view (content-visibility), each keeping the height it last had,
   * and always the one the selection is in (zj-current, from the long-summary plugin). Paint
   * containment clips at a section's edge: a field's hint or outline may reach a little past it,
   * and the section being filled in is raised above the next one. Only where a section can keep
   * the height it last had (contain-intrinsic-size: auto, Chromium 95 and later): before that,
   * one scrolled away would fall back to the estimate and the page would jump; those browsers
   * draw the whole document.
   */
  @supports (contain-intrinsic-size: auto 1px) {
    .ProseMirror > section { content-visibility: auto; contain-intrinsic-size: auto 40em; overflow-clip-margin: 3em; }
    .ProseMirror > section.zj-current { content-visibility: visible; }
  }
  .ProseMirror > section:focus-within { position: relative; z-index: 1; }

  .zj-sign-off { text-align: right; margin-top: 28pt; padding-right: 4em; }
  .zj-closing:empty, .zj-preamble:empty { display: none; }

  /*
   * Guidance in empty blocks, never typed into: generated content, neither a widget nor in a
   * positioned block (either breaks composition in some browsers: ProseMirror #1500, WebKit with
   * position: relative). A block of its own stays one line tall, the guidance on that line from
   * where the caret is: floated over the line with no room taken (its margin box has no height),
   * so the caret keeps the line's start, indented or centred as the block's text; after a number
   * or ordinal, in a row: the number, the caret, the guidance. Cut short with an ellipsis where
   * the line is narrow. A block drawn on the line of another (a run-in heading, the body's first
   * block after one, the parts of items written together) has it in the flow after the caret.
   */
  .zj-empty::after { content: attr(data-placeholder); color: #9ca3af; pointer-events: none; font-family: var(--zj-font-ui); font-size: 0.8em; }
  .zj-empty:not(.zj-heading):not(.zj-work-item)::after { content: none; }
  .zj-empty:not(.zj-heading):not(.zj-work-item)::before {
    content: attr(data-placeholder); color: #9ca3af; pointer-events: none; font-family: var(--zj-font-ui); font-size: 0.8em;
    float: left; width: 100%; height: var(--zj-line); margin-bottom: calc(-1 * var(--zj-line));
    text-indent: inherit; text-align: inherit; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;
  }
  .zj-heading.zj-empty, .zj-work-item.zj-empty { display: flex; align-items: center; padding-left: 2em; text-indent: 0; }
  .zj-heading.zj-empty::after, .zj-work-item.zj-empty::after { flex: 1 1 0; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  section[data-run-in] > .zj-heading.zj-empty, section[data-run-in] > .zj-heading + * > .zj-empty, [data-layout='joined'] > .zj-empty { display: inline; padding-left: 0; }
  section[data-run-in] > .zj-heading + .zj-empty::before, section[data-run-in] > .zj-heading + * > .zj-empty:not(.zj-work-item)::before, [data-layout='joined'] > .zj-empty:not(.zj-work-item)::before { content: none; }
  section[data-run-in] > .zj-heading + .zj-empty::after, section[data-run-in] > .zj-heading + * > .zj-empty:not(.zj-work-item)::after, [data-layout='joined'] > .zj-empty:not(.zj-work-item)::after { content: attr(data-placeholder); }
  section[data-run-in] > .zj-heading.zj-empty::after, section[data-run-in] > .zj-heading + * > .zj-empty::after, [data-layout='joined'] > .zj-empty::after { white-space: normal; overflow: visible; }
  section[data-run-in] > .zj-heading.zj-empty::after { content: attr(data-placeholder) '。'; }

  /* Fields. */
  .zj-field { border-radius: 2px; padding: 0 1px; cursor: pointer; white-space: nowrap; }
  .zj-field.zj-unfilled { background: var(--zj-field-bg); color: var(--zj-field-color); border-bottom: 2px dashed var(--zj-field-border); }
  .zj-field:not(.zj-unfilled) { border-bottom: 1px dotted #6b7280; }
  .zj-field.zj-editing { display: inline-flex; align-items: baseline; gap: 2px; background: #eff6ff; border-bottom: 2px solid #2563eb; text-indent: 0; position: relative; }
  .zj-field-input { font: inherit; border: none; background: transparent; outline: none; padding: 0; min-width: 2em; color: #1e3a8a; }
  .zj-field-hint { position: absolute; top: 100%; left: 0; z-index: 2; white-space: nowrap; font: 12px/1.6 var(--zj-font-ui); background: #7f1d1d; color: #fff; padding: 2px 6px; border-radius: 3px; }
  .ProseMirror[contenteditable='false'] .zj-field { cursor: default; }

  /* Comments (批注): commented text on a light background, underlined; overlapping comments darker
     (the backgrounds add up), the current thread's text stronger. */
  .zj-comment { background: var(--zj-comment-bg); border-bottom: 1px solid rgba(37, 99, 235, .45); }
  .zj-comment-active, .zj-comment-active .zj-comment { background-color: rgba(37, 99, 235, .28); border-bottom: 2px solid #2563eb; }

  /* The offer of an unsaved draft. */
  .draft { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 10px; background: #fef3c7; color: #78350f; border-bottom: 1px solid #fcd34d; font-size: 13px; }
  .draft button { font: 13px var(--zj-font-ui); padding: 2px 10px; border: 1px solid #d97706; border-radius: 4px; background: #fff; color: #78350f; cursor: pointer; }
  .draft button.restore { background: #d97706; color: #fff; }

  /* Panels. */
  .toolbar { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px 8px; border-bottom: 1px solid var(--zj-border); background: var(--zj-panel-bg); }
  .toolbar .group { display: flex; gap: 2px; padding-right: 6px; margin-right: 2px; border-right: 1px solid var(--zj-border); }
  .toolbar .group:last-child { border-right: none; }
  .toolbar button { font: 13px/1.4 var(--zj-font-ui); padding: 3px 6px; border: 1px solid transparent; border-radius: 4px; background: transparent; color: #111; cursor: pointer; }
  .toolbar button:hover:not(:disabled) { background: #e5e7eb; border-color: var(--zj-border); }
  .toolbar button:disabled { color: #a1a1aa; cursor: default; }
  .toolbar input.file { display: none; }
  .toolbar button[aria-pressed='true'] { background: #e5e7eb; }
  .toolbar label { display: flex; align-items: center; gap: 4px; font-size: 13px; color: #374151; }
  .toolbar select { font: 13px/1.4 var(--zj-font-ui); padding: 1px 2px; border: 1px solid var(--zj-border); border-radius: 4px; background: #fff; }
  .side { display: flex; flex-direction: column; flex: none; width: 280px; border-left: 1px solid var(--zj-border); min-height: 0; }
  .side > * { flex: 1 1 50%; min-height: 0; overflow: auto; width: auto; border-left: none; }
  .side > * + * { border-top: 1px solid var(--zj-border); }
  /* In a narrow frame (narrow.ts) the panels go under the page, full width, each as tall as it may
     be and no less than a few lines; where the frame is too short for that, the three scroll together. */
  .shell[data-narrow] .body { flex-direction: column; overflow-y: auto; }
  .shell[data-narrow] .page-scroll { flex: 1 1 auto; min-height: 240px; padding: 8px; }
  .shell[data-narrow] .outline { order: 1; flex: 0 1 auto; min-height: 64px; width: auto; max-height: 140px; border-right: none; border-top: 1px solid var(--zj-border); }
  .shell[data-narrow] .side { order: 2; flex: 0 1 auto; min-height: 112px; width: auto; max-height: 240px; flex-flow: row wrap; overflow: auto; border-left: none; border-top: 1px solid var(--zj-border); }
  .shell[data-narrow] .side > * { min-width: 240px; max-height: 240px; }
  .shell[data-narrow] .side > * + * { border-top: none; border-left: 1px solid var(--zj-border); }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  /* The hint: a notice dark grey, an error red; white on either well past AA (10.3:1, 10:1). */
  .hint { position: absolute; left: 50%; top: 56px; transform: translateX(-50%); z-index: 5; background: #374151; color: #fff; font-size: 13px; padding: 6px 12px; border-radius: 4px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  .hint.error { background: #7f1d1d; }
  .shell { position: relative; }
  .panel-title { font-weight: 600; padding: 8px 10px 4px; color: #374151; }

  /* Printing: the page alone, as GB/T 9704 lays it out (the page's @page rule sets A4 and the margins). */
  @media print {
    .toolbar, .outline, .side, .status, .hint { display: none !important; }
    .shell { border: none; background: none; height: auto; max-height: none; min-height: 0; }
    .body, .page-scroll { display: block; overflow: visible; padding: 0; }
    .page { box-shadow: none; padding: 0; max-width: none; min-height: 0; }
    .ProseMirror { line-height: 28.95pt; }
    .zj-field, .zj-field.zj-unfilled { background: none !important; border: none !important; color: inherit !important; }
    .zj-empty::after, .zj-empty:not(.zj-heading):not(.zj-work-item)::before { content: none !important; }
    .zj-comment, .zj-comment-active { background: none !important; border: none !important; }
    .ProseMirror > section { content-visibility: visible; }
  }
`
