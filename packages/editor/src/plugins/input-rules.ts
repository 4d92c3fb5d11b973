import { InputRule, inputRules } from 'prosemirror-inputrules'
import { Plugin, Selection, TextSelection, type EditorState, type Transaction } from 'prosemirror-state'
import type { ResolvedPos } from 'prosemirror-model'
import { paragraphToSectionIn, paragraphToWorkItemIn, exitWorkItemIn } from '@zongjie/commands'
import { isSection, schema, suggestionAnchor } from '@zongjie/model'

const cn = '[一二三四五六七八九十]+'

/**
 * A rule's pattern, which may follow the anchor a suggested new paragraph starts with (in
 * suggestion mode, see the model's `suggestionAnchor`).
 */
const rule = (source: string) => new RegExp(`^${suggestionAnchor}*${source}$`)

/** Where the typed number starts: after the anchors the match begins with, if any. */
const afterAnchors = (match: RegExpMatchArray, start: number) => start + new RegExp(`^${suggestionAnchor}*`).exec(match[0])![0].length

/**
 * The same rule for a phrase an input method commits whole with its number (`一是加强管理`,
 * `一、主要工作`): `source` followed by text, taken only when `composedAtStart` says the phrase was
 * composed from the start of its paragraph, as if the number had been typed alone first. Not
 * taken back by Backspace, which deletes the phrase's last character as after any composition.
 */
const phrase = (source: string) => new RegExp(`^${suggestionAnchor}*(${source})[^]+$`)

/**
 * Whether the editor would refuse a rule's edit, made on `state` (in suggestion mode, one that
 * suggestions cannot say): the rule then leaves the text as typed.
 */
type Refused = (state: EditorState, tr: Transaction) => boolean

/**
 * Whether a paragraph's text from its start, as typed so far and with what follows the caret,
 * reads as a heading whatever is typed next, as the importer reads it (the model's
 * `isTypedHeading`, set with {@link readTypedWith} by what reads pastes, which loads on the
 * writer's first focus); until then, any number does.
 */
let typedHeading = (_line: string) => true

/**
 * The metric that the text just entered ends, made a field, as an input rule's handler given the
 * match of the text from `start` to the caret at `end` with what is typed (the commands'
 * `typedMetricTr`, set with {@link readTypedWith} by what reads pastes); until then, none: metrics
 * typed stay text.
 */
let typedMetric: (state: EditorState, match: RegExpMatchArray, start: number, end: number) => Transaction | null = () => null

/**
 * Reads from now on the heading numbers typed at the start of a paragraph with `heading`, and the
 * metrics typed in the text with `metric` (see {@link structureInputRules}).
 */
export function readTypedWith(heading: typeof typedHeading, metric: typeof typedMetric): void {
  typedHeading = heading
  typedMetric = metric
}

/**
 * A rule for a number typed at the start of a paragraph: the number is deleted and `make` turns
 * the paragraph into structure, returning where the new text starts (null where it cannot); the
 * caret stays where it was in the text. `make` is given the paragraph's text from the number on,
 * with what is typed and what follows the caret. Where the editor would refuse the edit
 * (`refused`), the number stays as typed. With `composedAtStart`, the rule is for a phrase (see
 * {@link phrase}); it is told whether the phrase's last character is being typed (not composed).
 */
function numberRule(pattern: RegExp, make: (tr: Transaction, $start: ResolvedPos, start: number, end: number, line: string) => number | null, refused: Refused, composedAtStart?: (typed: boolean) => boolean): InputRule {
  return new InputRule(
    pattern,
    (state, match, matchStart, end) => {
      // Typed, the last character is not in the document yet: the match runs past the caret.
      if (composedAtStart && !composedAtStart(matchStart + match[0].length > end)) return null
      const start = afterAnchors(match, matchStart)
      // The number's end: the caret, or, for a phrase, what follows it stays as the new text.
      const numberEnd = composedAtStart ? start + match[1]!.length : end
      const $start = state.doc.resolve(start)
      // The match starts where the number's textblock does (the match lies in one textblock).
      if ($start.parentOffset !== start - matchStart) return null
      const tr = state.tr.delete(start, numberEnd)
      const at = make(tr, $start, start, end, match[0].slice(start - matchStart) + $start.parent.textBetween(end - $start.start(), $start.parent.content.size))
      if (at === null) return null
      // A phrase's text typed with its last key (`1、组`) goes in after the number, the caret after it.
      const typed = composedAtStart ? match[0].slice(end - matchStart) : ''
      tr.insertText(typed, at + end - numberEnd).setSelection(TextSelection.create(tr.doc, at + end - numberEnd + typed.length))
      return refused(state, tr) ? null : tr
    },
    { undoable: !composedAtStart },
  )
}

/**
 * `一、` `（一）` `1.` `（1）` typed at the start of a paragraph makes it a heading of `rank`, once
 * the line reads as one whatever is typed next (see `typedHeading`).
 */
function headingRule(pattern: RegExp, rank: number, refused: Refused, composedAtStart?: (typed: boolean) => boolean): InputRule {
  return numberRule(
    pattern,
    (tr, $start, start, end, line) => {
      if (!typedHeading(line)) return null
      let from: number | null = start
      // In an item left empty (Enter after the last item), the heading ends the list first; a
      // phrase composed there (`（二）完善`) too, its text going with it.
      if ($start.parent.type.name === 'workItem') {
        if (end !== $start.end()) return null
        const rest = tr.doc.resolve(start).parent.content
        from = exitWorkItemIn(tr.delete(start, start + rest.size), start)
        if (from !== null) tr.insert(from, rest)
      } else if ($start.parent.type.name !== 'paragraph') return null
      return from === null ? null : paragraphToSectionIn(tr, from, rank)
    },
    refused,
    composedAtStart,
  )
}

/**
 * `一是` at the start of a paragraph makes it a work item; at the start of a work item, which has
 * its ordinal already (Enter after `一是……` gave `二是`), it is dropped, as typed by habit.
 */
function workItemRule(pattern: RegExp, refused: Refused, composedAtStart?: (typed: boolean) => boolean): InputRule {
  return numberRule(
    pattern,
    (tr, $start, start) => {
      const block = $start.parent.type.name
      return block === 'paragraph' ? paragraphToWorkItemIn(tr, start) : block === 'workItem' ? start : null
    },
    refused,
    composedAtStart,
  )
}

/**
 * `。` typed at the end of a run-in heading (`（一）标题。正文……`), whose stop the editor draws: the
 * caret goes on into the body on its line, as past that stop (the title takes no `。` of its own,
 * which would show twice); with no body there, one is started, as Enter starts it.
 */
function runInStop(state: EditorState, _match: RegExpMatchArray, start: number, end: number): Transaction | null {
  const $start = state.doc.resolve(start)
  // Typed, the 。 is not in yet (start = end); composed, it is, just before the caret (the rule's match).
  if ($start.parent.type.name !== 'heading' || end !== $start.end()) return null
  const section = $start.node($start.depth - 1)
  if (section.attrs.runIn !== true) return null
  const tr = state.tr.delete(start, end)
  const after = tr.mapping.map($start.after())
  if (section.childCount > 1 && !isSection(section.child(1))) return tr.setSelection(Selection.findFrom(tr.doc.resolve(after), 1, true)!)
  tr.insert(after, schema.nodes.paragraph!.create())
  return tr.setSelection(TextSelection.create(tr.doc, after + 1))
}

/**
 * Typing a number at the start of a paragraph makes it a heading of that level: `一、` (level 1),
 * `（一）` or `(一)` (2), `1.` or `1．` (3), `（1）` or `(1)` (4); typing `一是` makes it a work item.
 * The typed number is dropped: numbers are computed. In an empty work item, a heading number
 * ends the list and starts the heading. `。` at the end of a run-in heading goes on into its body.
 * These rules run on typed text and at the end of a composition, never during one
 * (prosemirror-inputrules checks `view.composing`); a phrase an input method commits whole from
 * the start of a paragraph (`一是加强管理`) is read as if its number had been typed first, unless
 * `suggesting()` (suggestion mode takes the phrase as it is). A number whose structure the editor
 * would refuse (`refused`: in suggestion mode, one suggestions cannot say, such as a paragraph
 * broken before text that was there made a work item) stays as typed, made as any text is. A
 * number and its unit typed anywhere in the text (`120名` before `，`) become a metric field, read as
 * the importer reads them (see `typedMetric`); Backspace right after gives back the text as typed.
 * Not in suggestion mode, where they stay text as typed.
 */
export function structureInputRules(suggesting: () => boolean = () => false, refused: Refused = () => false): Plugin[] {
  // Whether the composition being committed began at the start of its paragraph (after the
  // anchors of a suggested one): its phrase is read as typed from there. Not in suggestion mode,
  // which makes the committed phrase a suggestion as it stands.
  let atStart = false
  const composedAtStart = () => {
    const was = atStart
    atStart = false
    return was
  }
  const numbers: [string, number][] = [
    [`${cn}、`, 1],
    [`[（(]${cn}[）)]`, 2],
    // `1、` too, read as `1.`.
    ['\\d{1,2}[.．、]', 3],
    ['[（(]\\d{1,2}[）)]', 4],
  ]
  return [
    inputRules({
      rules: [
        ...numbers.map(([source, rank]) => headingRule(rule(source), rank, refused)),
        // Not taken back by Backspace: the stop stays drawn, and Backspace acts in the body as anywhere.
        new InputRule(/。$/, runInStop, { undoable: false }),
        workItemRule(rule(`${cn}是`), refused),
        // `一、` and `1.` alone are read once what follows them says whether the line is a heading
        // (`1.5万`, `一、二季度` are sentences), typed or composed (not in suggestion mode, which
        // takes a phrase as it stands); a bracketed number at once.
        ...numbers.map(([source, rank]) => headingRule(phrase(source), rank, refused, rank === 1 || rank === 3 ? (typed) => typed || !suggesting() : composedAtStart)),
        workItemRule(phrase(`${cn}是`), refused, composedAtStart),
        // Last: any text entered, in which a metric may end (not in suggestion mode, which takes it as typed).
        new InputRule(/[^]+$/, (state, match, start, end) => (suggesting() ? null : typedMetric(state, match, start, end))),
      ],
    }),
    new Plugin({
      props: {
        handleDOMEvents: {
          compositionstart(view) {
            const { empty, $from } = view.state.selection
            const parent = $from.parent
            atStart = empty && !suggesting() && (parent.type === schema.nodes.paragraph || parent.type === schema.nodes.workItem) && !parent.textBetween(0, $from.parentOffset).replaceAll(suggestionAnchor, '')
            return false
          },
          // The input rules run on the committed text in a timeout after compositionend (their
          // plugin's handler, ahead of this one); once they have, the flag is spent, whichever
          // rule (if any) took the text, so that a later key cannot read the phrase again.
          compositionend() {
            setTimeout(() => (atStart = false))
            return false
          },
        },
      },
    }),
  ]
}
