import type { SourceParagraph } from '@zongjie/model'
import { HeadingNumbers } from './headings.ts'
import type { Numbering } from './numbering.ts'
import { readNumPr, type Styles } from './styles.ts'
import { wordCommentId } from './comments.ts'
import { TrackedChanges, type ChangeContext, type ChangeOf } from './changes.ts'
import { acceptedText } from '../embedded.ts'
import { placeholderOfTag } from '../blank-control.ts'
import { WordNames, integer, localName, onOff, type XmlNode } from './xml.ts'

/**
 * The main document part's body (`word/document.xml`) as the paragraphs a reader sees, in one
 * walk of the tree (`firstChild` / `nextSibling`, no searching).
 *
 * What is read as text: `w:t`; `w:tab` and `w:ptab` as a space; `w:noBreakHyphen` as `-`;
 * `w:br` and `w:cr` end a line (a new source paragraph with the same number; a space inside a
 * table). Tracked changes (修订) are read as suggestions ({@link TrackedChanges}): inserted text
 * (`w:ins`, `w:moveTo`) and deleted text (`w:del` with its `w:delText`, `w:moveFrom`) are both
 * read, with ranges saying which is which (text in a `w:del` inside a `w:ins` in both kinds of
 * range; a paragraph inserted whole and deleted whole by another, its mark too, a paragraph with
 * its `deletedWhole`); a deleted line break is no break. What ranges cannot
 * say is accepted, with a note: a paragraph whose mark was deleted joins the next, as Word shows
 * the change accepted (its deleted text goes to the start of the next); so does a paragraph left
 * with deleted text only, so that its text is not lost; a paragraph mark inserted inside a
 * paragraph (a paragraph split) stays a split. Deleted table rows are dropped. Hidden text
 * (`w:vanish`, directly or by style) is dropped; field instructions are dropped and their results
 * kept; hyperlinks, content controls (`w:sdt`), smart tags and custom XML elements are read
 * through (a content control the export wrote a blank in read as a range, see
 * {@link BlankControl}); an `mc:AlternateContent` is read once (its first Choice); ruby text keeps
 * its base. Images, shapes, text boxes and embedded objects (`w:drawing`,
 * `w:pict`, `w:object`) are dropped and counted, text boxes with text apart from the rest (their
 * text is dropped with them). Footnotes and endnotes are dropped, counted on the paragraph their
 * reference is in (see {@link DroppedNotes}). Comment references, bookmarks and equations are left out.
 *
 * Bold is a run's own `w:b` (`w:val` 0, false or off meaning not bold), or else its character
 * style's (`w:rStyle`, following `w:basedOn`). A paragraph style's bold does not count: heading
 * styles are bold by design, and the model gives headings their look itself; nor does the bold of
 * the character style the export writes a run-in heading's title in (see `Styles.runInHeading`).
 *
 * A table is read a row at a time: each row becomes one paragraph, its cells' texts (paragraphs,
 * and nested tables' rows) joined with a space in reading order, so that no text is lost.
 */

/**
 * A paragraph of the document as read, for the model's importer (`importParagraphs`): its text on
 * one line, trimmed, with the list number Word shows before it; its bold ranges; and its number
 * in the document, from 1, counting the paragraphs with text (a table row counts as one), which
 * warnings name. The lines of a paragraph broken by `w:br` share it.
 */
export type DocxParagraph = SourceParagraph & { no: number }

/** A tracked change that the reading accepted because ranges of text cannot say it, on the paragraph (its `no`) it concerns. */
export interface AcceptedChange {
  paragraph: number
  /** What was accepted, in Chinese, for the writer. */
  message: string
}

/** What {@link readBody} found. */
export interface BodyText {
  paragraphs: DocxParagraph[]
  /** The tracked changes, gathered as suggestions (see {@link TrackedChanges}). */
  changes: TrackedChanges
  /** The tracked changes accepted while reading, in paragraph order. */
  accepted: AcceptedChange[]
  /** Pictures dropped. */
  images: number
  /** Text boxes with text dropped, their text with them. */
  textBoxes: number
  /** Shapes, empty text boxes, charts and embedded objects dropped. */
  shapes: number
  /** The footnotes and endnotes dropped, by the paragraph their references are in. */
  notes: DroppedNotes[]
  /** The tables read as text, a row a paragraph, in order. */
  tables: FlattenedTable[]
  /** The blanks the file's content controls say (see {@link BlankControl}), by the id of the range their text is read with. */
  blanks: Map<string, BlankControl>
}

/**
 * A blank as a content control of the file says it (see `blankControlTag`): its text is read as a
 * comment range (`comments` of a {@link DocxParagraph}) whose id is the blank's (`zjblank1` …,
 * never a Word comment's), so that it follows the text through the importer, which makes the blank
 * of it again (see `withBlanks`).
 */
export interface BlankControl {
  /** The content control's title (`w:alias`): the blank's label. */
  label: string
  /** The placeholder its tag names (`X`, `XX`). */
  placeholder: string
}

/** A table (表格) of the body read as text: each row with text one paragraph (see {@link readBody}). */
export interface FlattenedTable {
  /** The number of its first row's paragraph (see `no` of {@link DocxParagraph}). */
  paragraph: number
  /** How many paragraphs its rows gave. */
  rows: number
}

/** The footnotes (脚注) and endnotes (尾注) whose references a paragraph holds: left out of the summary. */
export interface DroppedNotes {
  /** The paragraph's number (see `no` of {@link DocxParagraph}). */
  paragraph: number
  /** How many footnotes (`w:footnoteReference`). */
  footnotes: number
  /** How many endnotes (`w:endnoteReference`). */
  endnotes: number
}

/** A range of a line that a suggestion inserts or deletes. */
interface ChangeRange {
  id: string
  kind: 'insert' | 'delete'
  from: number
  to: number
}

/** A line of text being gathered, with its bold ranges, the ranges its comments (批注) are on and those its tracked changes (修订) insert or delete. */
class Line {
  text = ''
  bold: [number, number][] = []
  comments: { id: string; from: number; to: number }[] = []
  changes: ChangeRange[] = []
  /** The suggestion deleting the line's paragraph whole, which its insertions insert whole (see `deletedWhole` of `SourceParagraph`). */
  deletedWhole: string | null = null

  /** Adds text, bold or not, on which the comments `active` are, inserted or deleted by the suggestions `changes` (both, for one reviewer's deletion of another's insertion). */
  add(text: string, bold: boolean, active?: ReadonlySet<string>, changes: readonly ChangeOf[] = []): void {
    if (!text) return
    const from = this.text.length
    for (const change of changes) {
      let last: ChangeRange | undefined
      for (let i = this.changes.length - 1; i >= 0 && !last; i--) if (this.changes[i]!.kind === change.kind) last = this.changes[i]
      if (last && last.id === change.id && last.to === from) last.to += text.length
      else this.changes.push({ id: change.id, kind: change.kind, from, to: from + text.length })
    }
    if (bold) {
      const last = this.bold[this.bold.length - 1]
      if (last && last[1] === from) last[1] += text.length
      else this.bold.push([from, from + text.length])
    }
    if (active) {
      for (const id of active) {
        const open = this.comments.find((c) => c.id === id && c.to === from)
        if (open) open.to += text.length
        else this.comments.push({ id, from, to: from + text.length })
      }
    }
    this.text += text
  }

  /** Puts text before the line, moving the bold and comment ranges along. */
  prepend(text: string): void {
    if (!text) return
    for (const r of this.bold) {
      r[0] += text.length
      r[1] += text.length
    }
    for (const c of [...this.comments, ...this.changes]) {
      c.from += text.length
      c.to += text.length
    }
    this.text = text + this.text
  }

  /** Appends another line, with `separator` between when both have text. */
  append(other: Line, separator: string): void {
    if (!other.text) return
    if (this.text) this.add(separator, false)
    const shift = this.text.length
    for (const [a, b] of other.bold) {
      const last = this.bold[this.bold.length - 1]
      if (last && last[1] === a + shift) last[1] = b + shift
      else this.bold.push([a + shift, b + shift])
    }
    for (const c of other.comments) this.comments.push({ id: c.id, from: c.from + shift, to: c.to + shift })
    for (const c of other.changes) this.changes.push({ ...c, from: c.from + shift, to: c.to + shift })
    this.text += other.text
  }

  /** The line with spaces (full-width and no-break ones too) cut from both ends. */
  trimmed(): Line {
    const text = this.text
    let start = 0
    let end = text.length
    while (start < end && isSpace(text.charCodeAt(start))) start++
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--
    if (start === 0 && end === text.length) return this
    const out = new Line()
    out.deletedWhole = this.deletedWhole
    out.text = text.slice(start, end)
    for (const [a, b] of this.bold) {
      const from = Math.max(a, start) - start
      const to = Math.min(b, end) - start
      if (to > from) out.bold.push([from, to])
    }
    for (const c of this.comments) {
      const from = Math.max(c.from, start) - start
      const to = Math.min(c.to, end) - start
      if (to > from) out.comments.push({ id: c.id, from, to })
    }
    for (const c of this.changes) {
      const from = Math.max(c.from, start) - start
      const to = Math.min(c.to, end) - start
      if (to > from) out.changes.push({ ...c, from, to })
    }
    return out
  }

  /** The text with the deleted text left out: what the line reads with its changes accepted. */
  accepted(): string {
    return acceptedText(this.text, this.changes)
  }

  /** Whether every character that is not a space is inserted (and nothing deleted): a line a suggestion inserts whole. */
  insertedWhole(): boolean {
    if (!this.changes.length || this.changes.some((c) => c.kind === 'delete')) return false
    return this.covered('insert')
  }

  /** Whether the changes of `kind` cover every character that is not a space. */
  covered(kind: 'insert' | 'delete'): boolean {
    let rest = this.text
    for (const c of this.changes) if (c.kind === kind) rest = rest.slice(0, c.from) + ' '.repeat(c.to - c.from) + rest.slice(c.to)
    return !hasText(rest)
  }
}

/** Whether a text has a character that is not a space. */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true
  return false
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b)
}

/** Where a paragraph's or a row's lines go: the body's list, or a table cell being gathered. */
interface Sink {
  /** `table` is true for a table row (one line). */
  take(lines: Line[], table: boolean): void
}

const pictureUri = 'http://schemas.openxmlformats.org/drawingml/2006/picture'

/** The paragraph properties the reader uses. */
interface ParagraphProps {
  style: string | null
  numId: string | null
  ilvl: number | null
  /** `w:outlineLvl` on the paragraph itself. */
  outlineLevel: number | null
  /** Whether the paragraph mark is a tracked deletion (the paragraph joins the next). */
  markDeleted: boolean
  /** Whether the paragraph mark is a tracked insertion (the paragraph was split from the next, or inserted whole). */
  markInserted: boolean
  /** Whether the paragraph mark is a tracked insertion that another change deletes (a paragraph inserted whole, then deleted whole). */
  markInsertedDeleted: boolean
}

class BodyReader {
  readonly paragraphs: DocxParagraph[] = []
  images = 0
  textBoxes = 0
  shapes = 0
  readonly notes: DroppedNotes[] = []
  readonly tables: FlattenedTable[] = []
  readonly blanks = new Map<string, BlankControl>()
  private no = 0
  /** Whether a paragraph with text has been read (the first is the title). */
  private seenText = false
  /** One entry per open field: true while in its instructions (before `separate`). */
  private readonly fields: boolean[] = []
  private instructions = 0
  /** The lines of paragraphs whose mark was deleted, waiting for the paragraph they join. */
  private pending: Line[] | null = null
  /** The comments whose range has started and not ended yet (`w:commentRangeStart` … `End`), by their ids in the model. */
  private readonly activeComments = new Set<string>()
  private readonly headings = new HeadingNumbers()
  readonly changes: TrackedChanges
  /** The tracked change the text being read is part of. */
  private change: ChangeContext | null = null
  /** The changes accepted while reading, by the paragraph they concern. */
  private readonly acceptedBy = new Map<number, string>()
  /** Paragraphs whose text one suggestion inserts whole, and those whose inserted mark ends them (their numbers). */
  private readonly insertedWhole = new Set<number>()
  private readonly insertedMarks: number[] = []
  private readonly body: Sink = {
    take: (lines) => {
      let any = false
      let whole = true
      for (const line of lines) {
        const t = line.trimmed()
        if (!t.text) continue
        if (!any) this.no++
        any = true
        whole &&= t.insertedWhole()
        const p: DocxParagraph = { text: t.text, no: this.no }
        if (t.bold.length) p.bold = t.bold
        if (t.comments.length) p.comments = t.comments
        if (t.changes.length) p.suggestions = t.changes
        if (t.deletedWhole !== null) p.deletedWhole = t.deletedWhole
        this.paragraphs.push(p)
      }
      if (any && whole) this.insertedWhole.add(this.no)
    },
  }

  constructor(
    private readonly w: WordNames,
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {
    this.changes = new TrackedChanges(w)
  }

  /** The tracked changes accepted while reading, in paragraph order: joins, and splits that no inserted paragraph explains. */
  accepted(): AcceptedChange[] {
    for (const no of this.insertedMarks) {
      if (this.insertedWhole.has(no) || this.insertedWhole.has(no + 1)) continue
      this.acceptedBy.set(no, this.acceptedBy.get(no) ?? '此段末尾修订中新增的分段无法作为修订保留，已按接受处理（分为两段）')
    }
    return [...this.acceptedBy].sort((a, b) => a[0] - b[0]).map(([paragraph, message]) => ({ paragraph, message }))
  }

  /** Adds text to the last line, bold or not, in the change being read (text a `w:ins` inside a `w:del` holds adds nothing). */
  private put(lines: Line[], text: string, bold: boolean): void {
    if (!text || this.change?.dropped) return
    lines[lines.length - 1]!.add(text, bold, this.activeComments, this.changes.idsFor(this.change))
  }

  /**
   * Whether the lines of a paragraph are inserted whole and deleted whole by one deletion: if so,
   * they are made the inserted lines they are, that deletion kept as deleting them whole (no
   * list label or heading number is counted for them: with it accepted, the paragraph is gone).
   */
  private deletedWhole(lines: Line[]): boolean {
    const deletions = new Set(lines.flatMap((l) => l.changes.filter((c) => c.kind === 'delete').map((c) => c.id)))
    if (deletions.size !== 1 || !lines.some((l) => hasText(l.text)) || !lines.every((l) => l.covered('insert') && l.covered('delete'))) return false
    const [id] = deletions
    for (const line of lines) {
      line.changes = line.changes.filter((c) => c.kind === 'insert')
      line.deletedWhole = id!
    }
    return true
  }

  /**
   * Whether a paragraph is deleted whole by one deletion and holds no inserted text, its lines
   * (broken by a `w:br` the deletion left) too: if so, its lines are made the paragraph they were,
   * that deletion kept as deleting each whole (no list label or heading number is counted for
   * them: with it accepted, the paragraph is gone).
   */
  private deletedAlone(lines: Line[]): boolean {
    const texts = lines.filter((l) => hasText(l.text))
    if (!texts.length) return false
    const deletions = new Set(texts.flatMap((l) => l.changes.map((c) => (c.kind === 'delete' ? c.id : ''))))
    if (deletions.size !== 1 || deletions.has('') || !texts.every((l) => l.covered('delete'))) return false
    const [id] = deletions
    for (const line of texts) {
      line.changes = []
      line.deletedWhole = id!
    }
    return true
  }

  read(body: XmlNode): void {
    this.container(body, this.body, false)
  }

  /** Block content (the body, a cell), then any paragraph left waiting for the one its deleted mark joined it to. */
  private container(parent: XmlNode, sink: Sink, inTable: boolean): void {
    this.blocks(parent, sink, inTable)
    if (this.pending) {
      const lines = this.pending
      this.pending = null
      sink.take(lines, false)
    }
  }

  private blocks(parent: XmlNode, sink: Sink, inTable: boolean): void {
    const { w } = this
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      switch (w.local(c)) {
        case 'p':
          this.paragraph(c, sink, inTable)
          break
        case 'tbl': {
          const from = this.no
          this.rows(c, sink)
          // A table of the body (not one nested in a cell, which is part of its row): told of, once.
          if (!inTable && this.no > from) this.tables.push({ paragraph: from + 1, rows: this.no - from })
          break
        }
        case 'sdt': {
          const content = w.child(c, 'sdtContent')
          if (content) this.blocks(content, sink, inTable)
          break
        }
        case 'customXml':
          this.blocks(c, sink, inTable)
          break
        case 'commentRangeStart':
        case 'commentRangeEnd':
          this.commentRange(c)
          break
        case null:
          if (w.isAlternateContent(c)) {
            const branch = w.alternative(c)
            if (branch) this.blocks(branch, sink, inTable)
          }
          break
      }
    }
  }

  private props(pPr: XmlNode | null): ParagraphProps {
    const props: ParagraphProps = { style: null, numId: null, ilvl: null, outlineLevel: null, markDeleted: false, markInserted: false, markInsertedDeleted: false }
    if (!pPr) return props
    const { w } = this
    for (let c = pPr.firstChild; c; c = c.nextSibling) {
      switch (w.local(c)) {
        case 'pStyle':
          props.style = w.attr(c, 'val')
          break
        case 'numPr': {
          const numPr = readNumPr(w, c)
          props.numId = numPr.numId
          props.ilvl = numPr.ilvl
          break
        }
        case 'outlineLvl':
          props.outlineLevel = integer(w.attr(c, 'val'))
          break
        case 'rPr':
          props.markDeleted = w.child(c, 'del') !== null || w.child(c, 'moveFrom') !== null
          props.markInserted = w.child(c, 'ins') !== null || w.child(c, 'moveTo') !== null
          props.markInsertedDeleted = props.markInserted && props.markDeleted
          props.markInserted &&= !props.markDeleted
          break
      }
    }
    return props
  }

  private paragraph(p: XmlNode, sink: Sink, inTable: boolean): void {
    // w:pPr comes first when there is one.
    let pPr: XmlNode | null = p.firstChild
    while (pPr && pPr.nodeType !== 1) pPr = pPr.nextSibling
    const props = this.props(pPr && this.w.local(pPr) === 'pPr' ? pPr : null)
    const style = props.style ?? this.styles.defaultParagraphStyle
    const joined = this.pending !== null
    const lines = this.pending ?? [new Line()]
    this.pending = null
    this.inline(p, lines, inTable, this.styles.hidden(style) ?? false)
    this.endInstructions()
    // A paragraph one reviewer inserted whole and another deleted whole: the inserted paragraph, deleted whole.
    if (props.markInsertedDeleted && !joined && !inTable && this.deletedWhole(lines)) {
      this.take(sink, lines, style, inTable)
      return
    }
    // A paragraph deleted whole (a reviewer striking a paragraph or a section), its mark too or its
    // mark kept (accepted, an empty paragraph is left, which reads as none): the paragraph, deleted
    // whole, so that rejecting the deletion in the summary gives it back as it was.
    if (!props.markInserted && !joined && !inTable && this.deletedAlone(lines)) {
      this.take(sink, lines, style, inTable)
      return
    }
    // A deleted paragraph mark joins the paragraph to the next, as accepting it does; so does a
    // paragraph with deleted text only, whose text would otherwise be lost with it.
    const kept = lines.some((l) => hasText(l.accepted()))
    if (props.markDeleted || (!kept && lines.some((l) => l.changes.length && hasText(l.text)))) {
      if (lines.some((l) => hasText(l.text))) {
        this.acceptedBy.set(
          this.no + 1,
          kept ? '修订中删除的段落标记（两段合并）无法作为修订保留，已按接受处理，两段已合并' : '修订中整段删除的段落（连同段落标记）无法作为单独一段保留，删除的文字已并入下一段开头',
        )
      }
      this.pending = lines
      return
    }
    if (props.markInserted && kept && !inTable) this.insertedMarks.push(this.no + 1)

    // The list label Word shows: from the paragraph's numPr, or its style's.
    let label: string | null = null
    const styleNumbering = props.numId === null || props.ilvl === null ? this.styles.numbering(style) : null
    const numId = props.numId ?? styleNumbering?.numId ?? null
    if (numId !== null) {
      const ilvl = props.ilvl ?? styleNumbering?.ilvl ?? this.numbering.levelOfStyle(numId, style) ?? 0
      const l = this.numbering.next(numId, ilvl)
      if (l && l.text) label = l.text + l.suffix
    }

    let firstLine: Line | undefined
    for (const line of lines) {
      if (line.trimmed().text) {
        firstLine = line
        break
      }
    }
    if (!firstLine) return
    const isFirst = !this.seenText
    this.seenText = true

    // A heading style with no number: the number of its level.
    if (!inTable) {
      const kind = props.outlineLevel !== null ? (props.outlineLevel < 9 ? props.outlineLevel + 1 : null) : this.styles.kind(style)
      if (typeof kind === 'number' && !isFirst) {
        // A paragraph whose numbering Word resolves (even to none: numId 0, a bullet) is left as Word shows it.
        const number = this.headings.next(kind, firstLine.trimmed().accepted(), numId !== null)
        if (number) label = number
      }
    }
    if (label) {
      const t = firstLine.trimmed()
      firstLine.text = t.text
      firstLine.bold = t.bold
      firstLine.comments = t.comments
      firstLine.changes = t.changes
      firstLine.prepend(label)
    }
    this.take(sink, lines, style, inTable)
  }

  /** Hands a paragraph's lines to `sink`; those in the closing's style (see `Styles.closing`) are marked as the closing's. */
  private take(sink: Sink, lines: Line[], style: string | null, inTable: boolean): void {
    const from = this.paragraphs.length
    sink.take(lines, false)
    if (!inTable && this.styles.closing(style)) for (let i = from; i < this.paragraphs.length; i++) this.paragraphs[i]!.closing = true
  }

  /** Inline content of a paragraph (runs, and what holds runs). */
  private inline(parent: XmlNode, lines: Line[], inTable: boolean, hiddenByStyle: boolean): void {
    const { w } = this
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      switch (w.local(c)) {
        case 'r':
          this.run(c, lines, inTable, hiddenByStyle)
          break
        case 'ins':
        case 'moveTo':
        case 'del':
        case 'moveFrom': {
          const outer = this.change
          this.change = this.changes.enter(c, w.local(c)!, outer)
          this.inline(c, lines, inTable, hiddenByStyle)
          this.change = outer
          break
        }
        case 'hyperlink':
        case 'fldSimple':
        case 'smartTag':
        case 'customXml':
        case 'dir':
        case 'bdo':
          this.inline(c, lines, inTable, hiddenByStyle)
          break
        case 'sdt': {
          const content = w.child(c, 'sdtContent')
          if (!content) break
          const blank = this.blankControl(c)
          if (blank) this.activeComments.add(blank)
          this.inline(content, lines, inTable, hiddenByStyle)
          if (blank) this.activeComments.delete(blank)
          break
        }
        case 'commentRangeStart':
        case 'commentRangeEnd':
          this.commentRange(c)
          break
        case null:
          if (w.isAlternateContent(c)) {
            const branch = w.alternative(c)
            if (branch) this.inline(branch, lines, inTable, hiddenByStyle)
          }
          break
        // w:pPr, bookmarks, proofing marks: nothing to read.
      }
    }
  }

  private run(r: XmlNode, lines: Line[], inTable: boolean, hiddenByStyle: boolean): void {
    const { w, styles } = this
    let bold: boolean | null = null
    let hidden: boolean | null = null
    let rStyle: string | null = null
    const first = r.firstChild
    for (let c = first; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue
      if (w.local(c) === 'rPr') {
        for (let p = c.firstChild; p; p = p.nextSibling) {
          switch (w.local(p)) {
            case 'b':
              bold = onOff(w.attr(p, 'val'))
              break
            case 'vanish':
              hidden = onOff(w.attr(p, 'val'))
              break
            case 'rStyle':
              rStyle = w.attr(p, 'val')
              break
          }
        }
      }
      break
    }
    if (rStyle !== null) {
      // A run-in heading's style is bold by design, as a heading paragraph style is.
      if (!styles.runInHeading(rStyle)) bold ??= styles.characterBold(rStyle)
      hidden ??= styles.hidden(rStyle)
    }
    this.runContent(r, lines, inTable, bold === true, hidden ?? hiddenByStyle)
  }

  private runContent(r: XmlNode, lines: Line[], inTable: boolean, bold: boolean, hidden: boolean): void {
    const { w } = this
    for (let c = r.firstChild; c; c = c.nextSibling) {
      const l = w.local(c)
      if (l === 't' || (l === 'delText' && this.change?.kind === 'delete')) {
        if (!hidden && !this.instructions) this.put(lines, c.textContent ?? '', bold)
        continue
      }
      switch (l) {
        case 'tab':
        case 'ptab':
          if (!hidden && !this.instructions) this.put(lines, ' ', false)
          break
        case 'noBreakHyphen':
          if (!hidden && !this.instructions) this.put(lines, '-', bold)
          break
        case 'br':
        case 'cr':
          // A deleted break is no break, as accepting the deletion makes it.
          if (hidden || this.instructions || this.change?.kind === 'delete' || this.change?.dropped) break
          // In a cell, apart on the row's line as its paragraphs are (see cellSink).
          if (inTable) this.put(lines, '\u3000', false)
          else lines.push(new Line())
          break
        case 'fldChar':
          this.fieldChar(w.attr(c, 'fldCharType'))
          break
        case 'drawing':
          if (!hidden) this.countDrawing(c)
          break
        case 'pict':
          if (!hidden) this.countPicture(c)
          break
        case 'object':
          if (!hidden) this.shapes++
          break
        case 'footnoteReference':
        case 'endnoteReference':
          if (!hidden && this.change?.kind !== 'delete' && !this.change?.dropped) this.countNote(l === 'footnoteReference')
          break
        case 'ruby': {
          const base = w.child(c, 'rubyBase')
          if (base) this.inline(base, lines, inTable, hidden)
          break
        }
        case null:
          if (w.isAlternateContent(c)) {
            const branch = w.alternative(c)
            if (branch) this.runContent(branch, lines, inTable, bold, hidden)
          }
          break
        // w:delText outside a deletion, w:instrText, w:softHyphen, w:sym, w:commentReference …: not text.
      }
    }
  }

  /** The id of the range a content control's text is read with when the control is a blank's (see {@link BlankControl}), or null. */
  private blankControl(sdt: XmlNode): string | null {
    const { w } = this
    const sdtPr = w.child(sdt, 'sdtPr')
    const placeholder = sdtPr && placeholderOfTag(w.childVal(sdtPr, 'tag'))
    if (!placeholder) return null
    const id = `zjblank${this.blanks.size + 1}`
    this.blanks.set(id, { label: w.childVal(sdtPr, 'alias') ?? '', placeholder })
    return id
  }

  /** A comment's range starts or ends: the text read in between is on that comment (批注). */
  private commentRange(marker: XmlNode): void {
    const id = this.w.attr(marker, 'id')
    if (id === null) return
    if (this.w.local(marker) === 'commentRangeStart') this.activeComments.add(wordCommentId(id))
    else this.activeComments.delete(wordCommentId(id))
  }

  /** A field's begin, separate or end: text between begin and separate is the field's instructions. */
  private fieldChar(type: string | null): void {
    if (type === 'begin') {
      this.fields.push(true)
      this.instructions++
    } else if (type === 'separate') {
      if (this.fields[this.fields.length - 1] === true) {
        this.fields[this.fields.length - 1] = false
        this.instructions--
      }
    } else if (type === 'end') {
      if (this.fields.pop() === true) this.instructions--
    }
  }

  /**
   * Ends the instructions of fields still open at the end of a paragraph. A field's result may run
   * over several paragraphs (a table of contents), its instructions never do: a field whose
   * `separate` is missing (a damaged file) must not swallow the rest of the document.
   */
  private endInstructions(): void {
    if (!this.instructions) return
    this.fields.fill(false)
    this.instructions = 0
  }

  /** A DrawingML object: a picture when its graphic is one, a text box when it holds text, otherwise a shape (chart, group …). */
  private countDrawing(drawing: XmlNode): void {
    if (findElement(drawing, (n) => localName(n.nodeName) === 'graphicData' && n.getAttribute?.('uri') === pictureUri)) this.images++
    else if (holdsText(drawing)) this.textBoxes++
    else this.shapes++
  }

  /** A VML object: a picture when it holds image data, a text box when it holds text, otherwise a shape. */
  private countPicture(pict: XmlNode): void {
    if (findElement(pict, (n) => localName(n.nodeName) === 'imagedata')) this.images++
    else if (holdsText(pict)) this.textBoxes++
    else this.shapes++
  }

  /** A footnote's or an endnote's reference, in the paragraph being read (the next to be numbered). */
  private countNote(footnote: boolean): void {
    const paragraph = this.no + 1
    let last = this.notes[this.notes.length - 1]
    if (last?.paragraph !== paragraph) this.notes.push((last = { paragraph, footnotes: 0, endnotes: 0 }))
    if (footnote) last.footnotes++
    else last.endnotes++
  }

  /** The rows of a table (through content controls and custom XML around rows). */
  private rows(parent: XmlNode, sink: Sink): void {
    const { w } = this
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      switch (w.local(c)) {
        case 'tr': {
          if (this.rowDeleted(c)) break
          const row = new Line()
          this.cells(c, row)
          sink.take([row], true)
          break
        }
        case 'sdt': {
          const content = w.child(c, 'sdtContent')
          if (content) this.rows(content, sink)
          break
        }
        case 'customXml':
          this.rows(c, sink)
          break
      }
    }
  }

  private rowDeleted(tr: XmlNode): boolean {
    const trPr = this.w.child(tr, 'trPr')
    return trPr !== null && this.w.child(trPr, 'del') !== null
  }

  /** The cells of a row, each cell's text appended to the row's line, apart by a full-width space. */
  private cells(parent: XmlNode, row: Line): void {
    const { w } = this
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      switch (w.local(c)) {
        case 'tc': {
          const cell = new Line()
          this.container(c, cellSink(cell), true)
          row.append(cell.trimmed(), '\u3000')
          break
        }
        case 'sdt': {
          const content = w.child(c, 'sdtContent')
          if (content) this.cells(content, row)
          break
        }
        case 'customXml':
          this.cells(c, row)
          break
      }
    }
  }
}

/**
 * A sink that gathers a cell's paragraphs and nested rows into one line, apart by a full-width
 * space, as the cells of a row are (and as the HTML reader reads a table pasted from Word).
 */
function cellSink(cell: Line): Sink {
  return {
    take(lines) {
      for (const line of lines) cell.append(line.trimmed(), '\u3000')
    },
  }
}

/** Whether a drawing or VML object holds a text box (`w:txbxContent`) with text in it. */
function holdsText(object: XmlNode): boolean {
  const box = findElement(object, (n) => localName(n.nodeName) === 'txbxContent')
  return box !== null && hasText(box.textContent ?? '')
}

/** The first element under `node` (depth first, itself excluded) that `test` accepts. */
function findElement(node: XmlNode, test: (n: XmlNode) => boolean): XmlNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue
    if (test(c)) return c
    const found = findElement(c, test)
    if (found) return found
  }
  return null
}

/**
 * Reads the body of a main document part (`w:document`) into its paragraphs, with the list
 * numbers Word shows ({@link Numbering}) and numbers for unnumbered headings
 * ({@link HeadingNumbers}) before their text, and counts the images, text boxes, shapes and notes it
 * dropped and the tables it read as text.
 */
export function readBody(document: XmlNode, styles: Styles, numbering: Numbering): BodyText {
  const w = new WordNames(document)
  const reader = new BodyReader(w, styles, numbering)
  const body = w.child(document, 'body')
  if (body) reader.read(body)
  const { paragraphs, images, textBoxes, shapes, notes, tables, blanks, changes } = reader
  return { paragraphs, images, textBoxes, shapes, notes, tables, blanks, changes, accepted: reader.accepted() }
}
