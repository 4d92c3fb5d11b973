import { HighlightColor, TextRun, type ParagraphChild } from 'docx'
import type { Node } from 'prosemirror-model'
import type { BlankAttrs, MetricAttrs } from '@zongjie/model'
import type { CommentRanges } from './comments.ts'

/**
 * The runs (`w:r`) of one paragraph of the export, written as text is added: text of the same look
 * (bold or not, unfilled or not, the same character style) goes into one run, so that a paragraph
 * with no formatting is one run, however many fields it holds.
 *
 * What each run carries is only what differs from its paragraph's style: bold (加粗, from the model's
 * bold mark), the yellow highlight of a field still to fill (the `X` of `X名`), and the character
 * style of a run-in heading. Typeface and size come from the styles.
 */
export class RunWriter {
  /** The runs written so far, with the range markers of the comments among them. */
  readonly runs: ParagraphChild[] = []
  private text = ''
  private bold = false
  private unfilled = false
  private style: string | undefined = undefined
  private written = false

  /** `comments`: where the document's comments start and end, when it has any. */
  constructor(private readonly comments: CommentRanges | null = null) {}

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

  /** Adds text in a look; empty text adds nothing. */
  add(text: string, bold = false, unfilled = false): void {
    if (!text) return
    this.written = true
    if (bold !== this.bold || unfilled !== this.unfilled) {
      this.flush()
      this.bold = bold
      this.unfilled = unfilled
    }
    this.text += text
  }

  /**
   * Adds the inline content of a textblock: its text, bold where marked, and its fields as displayed
   * (as the model's `displayText` reads them), the placeholder of an unfilled field highlighted.
   */
  addInline(block: Node): void {
    this.comments?.enter(block)
    block.forEach((child) => {
      this.mark(this.comments?.before(child.marks))
      const bold = child.marks.length > 0 && child.marks.some((m) => m.type.name === 'bold')
      if (child.isText) this.add(child.text!, bold)
      else if (child.type.name === 'metric') this.addMetric(child.attrs as MetricAttrs, bold)
      else if (child.type.name === 'blank') this.addBlank(child.attrs as BlankAttrs, bold)
    })
    this.mark(this.comments?.leave())
  }

  /** Puts comment range markers between the runs, after the pending text. */
  private mark(markers: ParagraphChild[] | undefined): void {
    if (!markers?.length) return
    this.flush()
    this.runs.push(...markers)
  }

  /** A metric as `metricText` displays it (`22个`, `X-X个`, `X万多人`), each missing number highlighted. */
  private addMetric(attrs: MetricAttrs, bold: boolean): void {
    this.add(attrs.value === null ? attrs.placeholder : String(attrs.value), bold, attrs.value === null)
    if (attrs.range) {
      this.add('-', bold)
      this.add(attrs.upper === null ? attrs.placeholder : String(attrs.upper), bold, attrs.upper === null)
    }
    this.add(attrs.scale + attrs.approx + attrs.unit, bold)
  }

  /** A blank as `blankText` displays it: its name, or its highlighted placeholder. */
  private addBlank(attrs: BlankAttrs, bold: boolean): void {
    if (attrs.value === null) this.add(attrs.placeholder, bold, true)
    else this.add(attrs.value, bold)
  }

  /** Writes the pending text as a run. */
  private flush(): void {
    if (!this.text) return
    const text = this.text
    this.text = ''
    if (!this.bold && !this.unfilled && !this.style) this.runs.push(new TextRun(text))
    else
      this.runs.push(
        new TextRun({
          text,
          ...(this.bold ? { bold: true } : {}),
          ...(this.unfilled ? { highlight: HighlightColor.YELLOW } : {}),
          ...(this.style ? { style: this.style } : {}),
        }),
      )
  }

  /** The runs, with the pending text written. */
  finish(): ParagraphChild[] {
    this.flush()
    return this.runs
  }
}
