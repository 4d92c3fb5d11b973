import { DeletedTextRun, HighlightColor, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from 'docx'
import type { Node } from 'prosemirror-model'
import { metricNumberText, suggestionAnchor, type BlankAttrs, type MetricAttrs } from '@zongjie/model'
import type { TrackedRange } from '../embedded.ts'
import type { CommentRanges } from './comments.ts'
import { sameChange, InsertionAround, type Revisions, type WrittenChange } from './revisions.ts'
import { wordText } from './xml-chars.ts'
import { blankControl } from './blank-control.ts'

/**
 * The runs (`w:r`) of one paragraph of the export, written as text is added: text of the same look
 * (bold or not, unfilled or not, the same character style) and the same tracked change goes into
 * one run, so that a paragraph with no formatting is one run, however many fields it holds.
 *
 * What each run carries is only what differs from its paragraph's style: bold (加粗, from the model's
 * bold mark), the yellow highlight of a field still to fill (the `X` of `X名`), and the character
 * style of a run-in heading. A blank's runs go in a content control of their own (see
 * `blankControl`). Typeface and size come from the styles. A run a suggestion (修订)
 * inserts or deletes is wrapped in its `w:ins` or `w:del` (see `Revisions`); one a suggestion
 * deletes of another's insertion in a `w:del` inside a `w:ins`.
 */
export class RunWriter {
  /** The runs written so far, with the range markers of the comments among them. */
  readonly runs: ParagraphChild[] = []
  /** The text added, and the stretches of it that changes insert or delete: what the digest reads of the paragraph. */
  readonly tracked: { text: string; changes: TrackedRange[] } = { text: '', changes: [] }
  /** The block-level change of each block whose text went into this paragraph (null for a block that has none). */
  readonly blockChanges: (WrittenChange | null)[] = []
  /** A deletion of this paragraph's mark whatever its blocks carry (a run-in title joined to a body of one sentence: the next block comes up to its line), or null. */
  markChange: WrittenChange | null = null
  private text = ''
  private bold = false
  private unfilled = false
  private style: string | undefined = undefined
  private change: WrittenChange | null = null
  private written = false
  /** Where the lines of the paragraph break (offsets in {@link tracked}'s text), those still ahead. */
  private breaks: number[] = []
  /** Whether the pending text starts a new line (`w:br` before it). */
  private broken = false
  /** Where lines were broken, as offsets of {@link tracked}'s text. */
  private readonly brokenAt: number[] = []

  /** `comments`: where the document's comments start and end, when it has any; `revisions`: its suggestions, when it has any. */
  constructor(
    private readonly comments: CommentRanges | null = null,
    private readonly revisions: Revisions | null = null,
  ) {}

  /** Whether any text has been added. */
  get hasText(): boolean {
    return this.written
  }

  /** The character style of the text added from now on (a run-in heading's), or `undefined` for none. */
  setStyle(style: string | undefined): void {
    if (style === this.style) return
    this.flush()
    this.style = style
  }

  /** The tracked change the text added from now on is part of, or null for none. */
  setChange(change: WrittenChange | null): void {
    if (sameChange(change, this.change)) return
    this.flush()
    this.change = change
  }

  /**
   * Breaks the paragraph's line before each of `offsets` of the text still to be added (counted
   * from the paragraph's start, as {@link tracked} counts): a title broken as GB/T 9704 asks.
   */
  breakAt(offsets: readonly number[]): void {
    this.breaks = [...offsets]
  }

  /** The lines of the text added, as a reader of the file reads them: broken where {@link breakAt} said. */
  get lines(): string[] {
    const text = this.tracked.text
    if (!this.brokenAt.length) return [text]
    const starts = [0, ...this.brokenAt, text.length]
    return starts.slice(1).map((end, i) => text.slice(starts[i], end))
  }

  /** Notes that a block's text goes into this paragraph, with the change that block carries whole (see {@link blockChanges}). */
  block(change: WrittenChange | null): void {
    this.blockChanges.push(change)
  }

  /** Adds text in a look, without the characters a Word file cannot hold (see `wordText`); empty text adds nothing. */
  add(raw: string, bold = false, unfilled = false): void {
    const text = wordText(raw)
    if (!text) return
    const at = this.tracked.text.length
    const next = this.breaks[0]
    if (next !== undefined && next > at && next < at + text.length) {
      this.add(text.slice(0, next - at), bold, unfilled)
      this.add(text.slice(next - at), bold, unfilled)
      return
    }
    if (next === at) {
      this.breaks.shift()
      this.flush()
      this.broken = true
      this.brokenAt.push(at)
    }
    this.written = true
    if (bold !== this.bold || unfilled !== this.unfilled) {
      this.flush()
      this.bold = bold
      this.unfilled = unfilled
    }
    this.text += text
    // Text one suggestion inserts and another deletes goes as deleted text only (its change is the deletion), as the
    // fingerprint reads it: the same whether the file keeps the insertion under the deletion or, saved again by
    // LibreOffice, only the deletion.
    const t = this.tracked
    if (this.change) {
      const last = t.changes[t.changes.length - 1]
      if (last && last.kind === this.change.kind && last.to === t.text.length) last.to += text.length
      else t.changes.push({ kind: this.change.kind, from: t.text.length, to: t.text.length + text.length })
    }
    t.text += text
  }

  /**
   * Adds the inline content of a textblock: its text, bold where marked, and its fields as displayed
   * (as the model's `displayText` reads them), the placeholder of an unfilled field highlighted.
   * Text and fields a suggestion inserts or deletes are so tracked, the rest in `outer`, the change
   * the block carries whole (or its section, list …); a field whose value a suggestion changed as
   * its old text deleted and its new text inserted. The anchors the suggestion commands put at block
   * boundaries are left out.
   */
  addInline(block: Node, outer: WrittenChange | null = null): void {
    this.comments?.enter(block)
    block.forEach((child) => {
      this.mark(this.comments?.before(child.marks))
      const bold = child.marks.length > 0 && child.marks.some((m) => m.type.name === 'bold')
      const own = this.revisions?.of(child.marks) ?? null
      const modified = !own && !outer && !child.isText ? (this.revisions?.modified(child) ?? null) : null
      if (modified) {
        this.setChange({ kind: 'delete', suggestion: modified.suggestion })
        this.addField(modified.before, bold)
        this.setChange({ kind: 'insert', suggestion: modified.suggestion })
        this.addField(child, bold)
        return
      }
      this.setChange(own ?? outer)
      if (child.isText) this.add(own || child.marks.some((m) => m.type.name === 'insertion' || m.type.name === 'deletion') ? child.text!.replaceAll(suggestionAnchor, '') : child.text!, bold)
      else this.addField(child, bold)
    })
    this.setChange(outer)
    this.mark(this.comments?.leave())
  }

  /** Puts comment range markers between the runs, after the pending text. */
  private mark(markers: readonly ParagraphChild[] | undefined): void {
    if (!markers?.length) return
    this.flush()
    this.runs.push(...markers)
  }

  /** A metric or a blank as displayed. */
  private addField(field: Node, bold: boolean): void {
    if (field.type.name === 'metric') this.addMetric(field.attrs as MetricAttrs, bold)
    else if (field.type.name === 'blank') this.addBlank(field.attrs as BlankAttrs, bold)
  }

  /** A metric as `metricText` displays it (`22个`, `X-X个`, `X万多人`, `12.50万元`), each missing number highlighted. */
  private addMetric(attrs: MetricAttrs, bold: boolean): void {
    this.add(attrs.value === null ? attrs.placeholder : metricNumberText(attrs.value, attrs.decimals), bold, attrs.value === null)
    if (attrs.range) {
      this.add('-', bold)
      this.add(attrs.upper === null ? attrs.placeholder : metricNumberText(attrs.upper, attrs.decimals), bold, attrs.upper === null)
    }
    this.add(attrs.scale + attrs.approx + attrs.unit, bold)
  }

  /**
   * A blank as `blankText` displays it: its name, or its highlighted placeholder; in a content
   * control that says it is a blank, with its label (see `blankControl`).
   */
  private addBlank(attrs: BlankAttrs, bold: boolean): void {
    this.flush()
    const from = this.runs.length
    if (attrs.value === null) this.add(attrs.placeholder, bold, true)
    else this.add(attrs.value, bold)
    this.flush()
    const runs = this.runs.splice(from)
    if (runs.length) this.runs.push(blankControl(attrs, runs))
  }

  /** Writes the pending text as a run, in its tracked change if it is part of one. */
  private flush(): void {
    if (!this.text) return
    const text = this.text
    this.text = ''
    const broken = this.broken
    this.broken = false
    const look: IRunOptions = {
      text,
      ...(broken ? { break: 1 } : {}),
      ...(this.bold ? { bold: true } : {}),
      ...(this.unfilled ? { highlight: HighlightColor.YELLOW } : {}),
      ...(this.style ? { style: this.style } : {}),
    }
    if (this.change?.inserted && this.revisions) {
      const around = this.revisions.attributesOf(this.change.inserted)
      this.runs.push(new InsertionAround(around, new DeletedTextRun({ ...look, ...this.revisions.attributes(this.change) })) as ParagraphChild)
    } else if (this.change && this.revisions) {
      const attributes = this.revisions.attributes(this.change)
      this.runs.push(this.change.kind === 'insert' ? new InsertedTextRun({ ...look, ...attributes }) : new DeletedTextRun({ ...look, ...attributes }))
    } else if (!this.bold && !this.unfilled && !this.style && !broken) this.runs.push(new TextRun(text))
    else this.runs.push(new TextRun(look))
  }

  /** The runs, with the pending text written. */
  finish(): ParagraphChild[] {
    this.flush()
    return this.runs
  }
}
