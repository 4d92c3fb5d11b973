import { keymap } from 'prosemirror-keymap'
import { NodeSelection, Plugin, TextSelection, type Command, type EditorState } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { isSection, metricUnfilled, knownTemplate, type MetricAttrs, type Template } from '@zongjie/model'
import { documentReplaced } from '@zongjie/commands'
import type { Catalog } from '../locales/index.ts'
import type { FieldDom } from './fields.ts'
import { zhCN } from '../locales/zh-CN.ts'

/** Where fill mode leads the writer next: an unfilled field, or an empty part the template requires. */
export interface FillTarget {
  pos: number
  kind: 'field' | 'part'
}

function templateOf(doc: Node): Template | undefined {
  return doc.attrs.template ? knownTemplate(doc.attrs.template) : undefined
}

function isEmptyBlock(node: Node): boolean {
  let empty = true
  node.descendants((n) => {
    if (n.isText || n.isAtom) empty = false
    return empty
  })
  return empty
}

/**
 * What is left to fill, in document order: every unfilled metric and blank, and every part the
 * template requires that is still empty (its position: the end of its heading, or inside the
 * opening or closing). With `filled`, the metrics and blanks filled already too (where Shift-Tab
 * goes back to, as in a form).
 */
export function fillTargets(doc: Node, filled = false): FillTarget[] {
  const template = templateOf(doc)
  const required = new Set(template?.parts.filter((p) => p.required).map((p) => p.id) ?? [])
  const out: FillTarget[] = []
  doc.forEach((child, offset) => {
    const name = child.type.name
    const partId = name === 'preamble' ? 'opening' : name === 'closing' ? 'closing' : isSection(child) ? child.attrs.part : null
    if (partId && required.has(partId)) {
      const body = isSection(child) ? child.content.cut(child.firstChild!.nodeSize) : child.content
      if (body.size === 0 || body.content.every(isEmptyBlock)) {
        const at = isSection(child) ? offset + 1 + child.firstChild!.nodeSize - 1 : offset + 1
        out.push({ pos: at, kind: 'part' })
      }
    }
    child.descendants((node, pos) => {
      const at = offset + 1 + pos
      if (node.type.name === 'metric' && (filled || metricUnfilled(node.attrs as MetricAttrs))) out.push({ pos: at, kind: 'field' })
      else if (node.type.name === 'blank' && (filled || node.attrs.value === null)) out.push({ pos: at, kind: 'field' })
    })
  })
  return out.sort((a, b) => a.pos - b.pos)
}

function move(dir: 1 | -1): Command {
  return (state, dispatch, view) => {
    // Back, every field, filled or not: a number just filled and passed is put right without the mouse.
    const targets = fillTargets(state.doc, dir < 0)
    const here = state.selection.from
    const sel = state.selection
    const atTarget = (t: FillTarget) => (t.kind === 'field' ? sel instanceof NodeSelection && sel.from === t.pos : sel.empty && here === t.pos)
    let next: FillTarget | undefined
    if (dir > 0) next = targets.find((t) => t.pos > here || (t.pos === here && !atTarget(t) && t.kind === 'field'))
    else next = [...targets].reverse().find((t) => t.pos < here)
    // Past the last one (or before the first), Tab leaves the editor as it leaves any control:
    // the keyboard is never held inside.
    if (!next) return false
    if (dispatch) {
      const selection = next.kind === 'field' ? NodeSelection.create(state.doc, next.pos) : TextSelection.near(state.doc.resolve(next.pos))
      dispatch(state.tr.setSelection(selection).scrollIntoView())
      // A field opens as it is reached, as the next control of a form takes the focus, its value
      // selected: what the writer types next, through an input method too, goes into its input,
      // replacing a value there (over the selected field, a composition or a letter would replace
      // the field itself); the arrow keys keep the value to edit it.
      if (next.kind === 'field') (view?.nodeDOM(next.pos) as FieldDom | null)?.zjField?.open('', true)
    }
    return true
  }
}

/** Tab in fill mode: to the next unfilled field (its input opened) or empty required part; after the last, on out of the editor. */
export const nextFillTarget: Command = move(1)
/**
 * Shift-Tab in fill mode: back to the previous field, filled or not, as Shift-Tab goes back to the
 * previous control of a form (its input opened, its value there to correct), or to the previous
 * empty required part; before the first, back out of the editor.
 */
export const previousFillTarget: Command = move(-1)

/** Why fill mode refuses a change, or `null` when it allows it. */
export function fillModeRefusal(before: Node, after: Node, t: Catalog['fill'] = zhCN.fill): string | null {
  const template = templateOf(before)
  if (!template) return null
  const parts = new Map(template.parts.map((p) => [p.id, p]))
  const sectionsOf = (doc: Node) => {
    const m = new Map<string, Node>()
    doc.forEach((c) => {
      if (isSection(c) && c.attrs.part) m.set(c.attrs.part, c)
    })
    return m
  }
  const was = sectionsOf(before)
  const now = sectionsOf(after)
  for (const [id, section] of was) {
    const part = parts.get(id)
    if (!part) continue
    const kept = now.get(id)
    if (!kept) {
      if (part.required) return t.cannotDelete(part.name)
      continue
    }
    if (part.fixed && !kept.firstChild!.eq(section.firstChild!)) return t.cannotEdit(part.name)
  }
  return null
}

/** The state that fill mode has been switched on for, and how it reports a refusal. */
export interface FillModeOptions {
  /** Whether fill mode is on (the element's `mode="fill"`). */
  active: () => boolean
  /** Called with a message the writer should see when a change is refused. */
  refuse: (message: string) => void
  /** The messages, in the editor's language. */
  strings?: () => Catalog['fill']
}

/**
 * 填写模式 (fill mode): the template's fixed headings cannot be changed and its required parts
 * cannot be removed (the change is refused, with a message for the writer); Tab goes on to the
 * next unfilled field or empty required part, Shift-Tab back to the previous field (filled or not)
 * or empty required part. Off, the editor is unchanged.
 */
export function fillMode(options: FillModeOptions): Plugin[] {
  const when =
    (command: Command): Command =>
    (state: EditorState, dispatch, view) =>
      options.active() ? command(state, dispatch, view) : false
  return [
    new Plugin({
      filterTransaction(tr, state) {
        if (!options.active() || !tr.docChanged || tr.getMeta(documentReplaced)) return true
        const refusal = fillModeRefusal(state.doc, tr.doc, options.strings?.())
        if (refusal) options.refuse(refusal)
        return refusal === null
      },
    }),
    keymap({ Tab: when(nextFillTarget), 'Shift-Tab': when(previousFillTarget) }),
  ]
}
