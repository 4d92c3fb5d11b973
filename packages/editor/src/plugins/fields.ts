import type { Node } from 'prosemirror-model'
import { NodeSelection, Plugin, PluginKey, TextSelection } from 'prosemirror-state'
import type { EditorView, NodeView } from 'prosemirror-view'
import { metricText, blankText, metricUnfilled, contextBefore, displayText, isField, type MetricAttrs, type BlankAttrs } from '@zongjie/model'
import { fillField, parseMetricInput, metricInputText, metricInputCharacters, compositionStarts } from '@zongjie/commands'
import type { Catalog } from '../locales/index.ts'
import { zhCN } from '../locales/zh-CN.ts'

/** The node view of a field, reachable from its DOM so that keys (and fill mode's Tab) can open it. */
export interface FieldDom extends HTMLElement {
  zjField?: FieldView
}


/**
 * A metric or blank field (指标 / 空白) as an inline widget: it shows its value as displayed (`X名`
 * marked as unfilled), and opens an input when clicked or when the writer presses Enter, F2 or a
 * digit with the field selected, or when fill mode's Tab reaches it. A metric takes digits, `.`
 * and `-` (a range); anything else is refused with a visible hint. Enter or leaving the input fills
 * the field (one undo step), and so does Tab in fill mode, which goes on to the next field to fill;
 * Escape leaves it as it was. The unit stays outside the input.
 */
export class FieldView implements NodeView {
  dom: FieldDom
  private node: Node
  private input: HTMLInputElement | null = null
  private hint: HTMLElement | null = null

  constructor(
    node: Node,
    private view: EditorView,
    private getPos: () => number | undefined,
    private strings: () => Catalog['fields'] = () => zhCN.fields,
    private fillMode: () => boolean = () => false,
  ) {
    this.node = node
    this.dom = document.createElement('span')
    this.dom.zjField = this
    this.dom.contentEditable = 'false'
    // A click opens it: one listener for every field, the plugin's (see `fields`).
    this.render()
  }

  private get isMetric() {
    return this.node.type.name === 'metric'
  }

  private render() {
    const attrs = this.node.attrs
    const unfilled = this.isMetric ? metricUnfilled(attrs as MetricAttrs) : attrs.value === null
    const text = this.isMetric ? metricText(attrs as MetricAttrs) : blankText(attrs as BlankAttrs)
    this.dom.className = `zj-field zj-${this.node.type.name}${unfilled ? ' zj-unfilled' : ''}`
    this.dom.textContent = text
    const t = this.strings()
    this.dom.setAttribute('role', 'button')
    this.dom.setAttribute('aria-label', t.label(this.isMetric ? t.metric : t.blank, attrs.label, text, !unfilled))
  }

  /** What the field is about: its label, else the words before it in its paragraph, else its kind. */
  private get about(): string {
    const pos = this.getPos()
    const $pos = pos === undefined ? null : this.view.state.doc.resolve(pos)
    const t = this.strings()
    return this.node.attrs.label || ($pos ? contextBefore(displayText($pos.parent.cut(0, $pos.parentOffset)), 12) : '') || (this.isMetric ? t.metric : t.blank)
  }

  /** Whether its input is open. */
  get isOpen(): boolean {
    return this.input !== null
  }

  /**
   * Opens the input, with `initial` typed into it (the key that opened it). With `selectValue`, the
   * value is selected, as a form selects a control's value when the keyboard reaches it: what is
   * typed replaces it, the arrow keys edit it.
   */
  open(initial: string, selectValue?: boolean) {
    if (this.input || !this.view.editable) return
    const attrs = this.node.attrs
    const input = document.createElement('input')
    input.className = 'zj-field-input'
    // Named after what it counts and its unit (培训人数（名）): the widget's own name goes while it is open.
    input.setAttribute('aria-label', this.isMetric ? this.strings().metricInput(this.about, attrs.scale + attrs.approx + attrs.unit) : this.about)
    this.dom.removeAttribute('role')
    this.dom.removeAttribute('aria-label')
    if (this.isMetric) input.inputMode = 'decimal'
    const current = this.isMetric ? metricInputText(attrs as MetricAttrs) : (attrs.value ?? '')
    input.value = initial ? initial : current
    input.size = Math.max(3, input.value.length + 1)
    const hint = document.createElement('span')
    hint.className = 'zj-field-hint'
    hint.setAttribute('role', 'alert')
    hint.hidden = true
    this.dom.textContent = ''
    this.dom.append(input)
    if (this.isMetric) {
      const unit = document.createElement('span')
      unit.className = 'zj-field-unit'
      unit.textContent = attrs.scale + attrs.approx + attrs.unit
      this.dom.append(unit)
    }
    this.dom.append(hint)
    this.dom.classList.add('zj-editing')
    this.input = input
    this.hint = hint
    openFieldAt(this.view, this.getPos() ?? null)
    input.addEventListener('beforeinput', (e) => {
      if (!this.isMetric || e.data == null) return
      if (!metricInputCharacters.test(e.data)) {
        e.preventDefault()
        this.showHint(this.strings().metricHint)
      }
    })
    input.addEventListener('input', () => {
      input.size = Math.max(3, input.value.length + 1)
      if (this.isMetric && !metricInputCharacters.test(input.value)) {
        // Characters that arrived without a beforeinput (composition): take them out again.
        input.value = input.value.replace(/[^0-9.\-]/g, '')
        this.showHint(this.strings().metricHint)
      }
    })
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.isComposing) {
        e.preventDefault()
        this.commit(true)
      } else if (e.key === 'Escape') {
        e.preventDefault()
        this.close(true)
      } else if (e.key === 'Tab' && !e.isComposing && !e.ctrlKey && !e.altKey && !e.metaKey && this.fillMode()) {
        // In fill mode, Tab (Shift-Tab) fills the field and goes on to the next (previous) one to
        // fill, as the editor's Tab does, rather than to whatever can be focused next on the page:
        // from the field, selected again, so that a field left as it was is passed either way.
        e.preventDefault()
        this.commit(true)
        const pos = this.getPos()
        if (this.input || pos === undefined) return
        const { state } = this.view
        this.view.dispatch(state.tr.setSelection(NodeSelection.create(state.doc, pos)))
        // With no field left that way, the caret goes after the field, which stays as it is.
        if (!this.view.someProp('handleKeyDown', (f) => f(this.view, e))) this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(this.view.state.doc, pos + 1)))
      }
    })
    input.addEventListener('blur', () => this.commit(false))
    input.focus()
    input.setSelectionRange(selectValue ? 0 : input.value.length, input.value.length)
  }

  private showHint(text: string) {
    if (!this.hint) return
    this.hint.textContent = text
    this.hint.hidden = false
  }

  private commit(refocus: boolean) {
    if (!this.input) return
    const raw = this.input.value
    const pos = this.getPos()
    if (pos === undefined) return this.close(false)
    let ok = true
    if (this.isMetric) {
      const parsed = parseMetricInput(raw)
      if (!parsed) {
        this.showHint(this.strings().metricHint)
        if (refocus) return
        return this.close(refocus)
      }
      const attrs = this.node.attrs
      if (parsed.value !== attrs.value || parsed.upper !== attrs.upper || (parsed.range && !attrs.range) || parsed.decimals !== attrs.decimals) {
        ok = fillField(pos, parsed.value, parsed.range || attrs.range ? parsed.upper : undefined, parsed.decimals)(this.view.state, this.view.dispatch)
      }
    } else {
      const value = raw.trim() || null
      if (value !== this.node.attrs.value) ok = fillField(pos, value)(this.view.state, this.view.dispatch)
    }
    if (!ok) {
      this.showHint(this.isMetric ? this.strings().metricHint : this.strings().blankHint)
      if (refocus) return
    }
    this.close(refocus)
  }

  private close(refocus: boolean) {
    this.input = null
    openFieldAt(this.view, null)
    this.hint = null
    if (refocus) {
      // Focus goes back to the text before the input is removed: it never leaves the editor.
      const pos = this.getPos()
      this.view.focus()
      if (pos !== undefined) {
        const after = TextSelection.create(this.view.state.doc, pos + 1)
        this.view.dispatch(this.view.state.tr.setSelection(after))
      }
      this.dom.classList.remove('zj-editing')
      this.render()
    } else {
      // Left for elsewhere: the input goes a moment later, so that its focusout still reaches the
      // element (which then fires \`change\` for the fill).
      setTimeout(() => {
        if (this.input) return
        this.dom.classList.remove('zj-editing')
        this.render()
      })
    }
  }

  /**
   * Drawn anew while its input is open (its paragraph redrawn: by an edit around it, another
   * writer's change, an extension touching the page): what the writer has typed goes on in the
   * input of the new drawing, with its caret, once the view has updated.
   */
  destroy() {
    const input = this.input
    if (!input) return
    this.input = null
    const typed = { value: input.value, from: input.selectionStart ?? input.value.length, to: input.selectionEnd ?? input.value.length }
    const { view, node } = this
    queueMicrotask(() => {
      if (view.isDestroyed) return
      const pos = openFieldKey.getState(view.state) ?? uniquePositionOf(view.state.doc, node)
      const field = pos === null || view.state.doc.nodeAt(pos)?.type !== node.type ? undefined : (view.nodeDOM(pos) as FieldDom | null)?.zjField
      if (field && !field.isOpen) field.reopen(typed)
      else openFieldAt(view, null)
    })
  }

  /** Opens the input again with what the writer had typed in it and where the caret was. */
  private reopen(typed: { value: string; from: number; to: number }) {
    this.open('')
    if (!this.input) return
    this.input.value = typed.value
    this.input.size = Math.max(3, typed.value.length + 1)
    this.input.setSelectionRange(typed.from, typed.to)
  }

  update(node: Node) {
    if (node.type !== this.node.type) return false
    this.node = node
    if (!this.input) this.render()
    return true
  }

  selectNode() {
    this.dom.classList.add('ProseMirror-selectednode')
  }

  deselectNode() {
    this.dom.classList.remove('ProseMirror-selectednode')
  }

  stopEvent(event: Event) {
    return this.input !== null && this.dom.contains(event.target as globalThis.Node)
  }

  ignoreMutation() {
    return true
  }
}

/**
 * Where the field whose input is open is, mapped through every change since it opened: null when
 * none is open, or the change deleted it (or replaced the document around it, as a shared
 * document's update does).
 */
const openFieldKey = new PluginKey<number | null>('openField')

/** Says that the field at `pos` has opened its input (null: that it has closed). */
function openFieldAt(view: EditorView, pos: number | null) {
  if (view.isDestroyed || openFieldKey.getState(view.state) === pos) return
  view.dispatch(view.state.tr.setMeta(openFieldKey, pos))
}

/**
 * Where `node` itself (that very node, not an equal one) is in `doc`, when it is there once: a
 * document keeps one node object for fields that are alike, so with more than one there is no
 * telling which was open.
 */
function uniquePositionOf(doc: Node, node: Node): number | null {
  let found: number | null = null
  let count = 0
  doc.descendants((child, pos) => {
    if (child === node && count++ === 0) found = pos
    return count < 2 && !child.isInline
  })
  return count === 1 ? found : null
}

/** The selection when it is a field, selected (by the arrow keys, or a click in read-only mode). */
function selectedField(view: EditorView): NodeSelection | null {
  const sel = view.state.selection
  return sel instanceof NodeSelection && isField(sel.node) ? sel : null
}

/**
 * Backspace right after a field, or Delete right before one, selects it: the next press deletes
 * it. A field (a number the summary reports, or the `X` still to fill) is not taken with one key
 * meant for a character, and the writer sees what the next press will delete.
 */
function selectFieldBeforeDeleting(view: EditorView, event: KeyboardEvent): boolean {
  const back = event.key === 'Backspace'
  if ((!back && event.key !== 'Delete') || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey || view.composing) return false
  const sel = view.state.selection
  if (!(sel instanceof TextSelection) || !sel.empty) return false
  const field = back ? sel.$from.nodeBefore : sel.$from.nodeAfter
  if (!field || !isField(field)) return false
  view.dispatch(view.state.tr.setSelection(NodeSelection.create(view.state.doc, back ? sel.from - field.nodeSize : sel.from)))
  return true
}

/**
 * Before an input method composes over a selection that holds a field, the selection is deleted,
 * as a typed letter replaces it: the browser would otherwise compose over the field's widget,
 * which ProseMirror cannot read back (nothing went in, and the composition never ended). The
 * deletion is marked `compositionStarts`: read with what the composition commits (a suggestion
 * with it, in suggestion mode).
 */
function clearFieldsBeforeComposing(view: EditorView) {
  const { state } = view
  const { empty, from, to } = state.selection
  if (!empty && !view.composing && view.editable && holdsField(state.doc, from, to)) view.dispatch(state.tr.deleteSelection().setMeta(compositionStarts, true).scrollIntoView())
}

/** Whether a field (a metric or a blank) is between `from` and `to`. */
export function holdsField(doc: Node, from: number, to: number): boolean {
  let found = false
  doc.nodesBetween(from, to, (node) => !(found ||= isField(node)))
  return found
}

/**
 * Fields as widgets: node views for metric and blank fields, and the keys that reach them: with a
 * field selected (arrow keys select it), Enter, F2 or a digit opens its input, and so do a click and
 * a line pasted over it (in the input); Backspace or Delete next to a field selects it first.
 * `fillMode`: whether Tab in an open field goes on to the next one to fill (填写模式).
 */
export function fields(strings: () => Catalog['fields'] = () => zhCN.fields, fillMode: () => boolean = () => false): Plugin {
  return new Plugin<number | null>({
    key: openFieldKey,
    state: {
      init: () => null,
      apply(tr, at) {
        const meta = tr.getMeta(openFieldKey) as number | null | undefined
        if (meta !== undefined) return meta
        if (at === null || !tr.docChanged) return at
        const mapped = tr.mapping.mapResult(at, 1)
        return mapped.deletedAfter ? null : mapped.pos
      },
    },
    props: {
      nodeViews: {
        metric: (node, view, getPos) => new FieldView(node, view, getPos, strings, fillMode),
        blank: (node, view, getPos) => new FieldView(node, view, getPos, strings, fillMode),
      },
      handleDOMEvents: {
        compositionstart(view) {
          clearFieldsBeforeComposing(view)
          return false
        },
        // One line pasted over a selected field goes into its input, as a typed digit does, for
        // Enter to fill it (a metric's input refuses what is not a number, with its hint); before,
        // the text replaced the field.
        paste(view, event) {
          const sel = selectedField(view)
          const text = (event as ClipboardEvent).clipboardData?.getData('text/plain').trim()
          if (!sel || !text || /[\r\n]/.test(text) || view.composing || !view.editable) return false
          const dom = view.nodeDOM(sel.from) as FieldDom | null
          if (!dom?.zjField) return false
          event.preventDefault()
          dom.zjField.open(text)
          return true
        },
        // A click on a field opens it (a click inside its open input is the input's).
        mousedown(view, event) {
          const dom = (event.target as Element | null)?.closest?.('.zj-field') as FieldDom | null
          const field = dom?.zjField
          if (!field || field.isOpen || !view.editable) return false
          event.preventDefault()
          field.open('')
          return true
        },
      },
      handleKeyDown(view, event) {
        // The key that starts an input method (reported as 229) comes before its composition.
        if (event.keyCode === 229) clearFieldsBeforeComposing(view)
        if (selectFieldBeforeDeleting(view, event)) return true
        const sel = selectedField(view)
        if (!sel) return false
        if (event.ctrlKey || event.metaKey || event.altKey || view.composing) return false
        const opens = event.key === 'Enter' || event.key === 'F2' || (sel.node.type.name === 'metric' && /^[0-9]$/.test(event.key))
        if (!opens) return false
        const dom = view.nodeDOM(sel.from) as FieldDom | null
        if (!dom?.zjField) return false
        event.preventDefault()
        dom.zjField.open(/^[0-9]$/.test(event.key) ? event.key : '')
        return true
      },
    },
  })
}
