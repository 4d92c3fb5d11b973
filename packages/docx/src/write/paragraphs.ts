import { Paragraph, type IParagraphOptions } from 'docx'
import type { Node } from 'prosemirror-model'
import { displayText, hasSuggestionMarks, isSection, isSuggestionMark, sectionNumber, suggestionAnchor, workItemOrdinal } from '@zongjie/model'
import { acceptedText, digestLine, type TrackedRange } from '../embedded.ts'
import { linePitch } from './layout.ts'
import type { CommentRanges } from './comments.ts'
import type { Revisions, WrittenChange } from './revisions.ts'
import { RunWriter } from './runs.ts'
import { signOffPlacement } from './sign-off.ts'
import { styleIds } from './styles.ts'
import { titleBreaks } from './title-lines.ts'
import { wordText } from './xml-chars.ts'

/** The heading level (1 = `一、` … 4 = `（1）`) of a section node; problems and plans are `一、` sections. */
function levelOf(section: Node): 1 | 2 | 3 | 4 {
  switch (section.type.name) {
    case 'section2':
      return 2
    case 'section3':
      return 3
    case 'section4':
      return 4
    default:
      return 1
  }
}

/** A paragraph as the digest reads it: its text with its tracked stretches, and whether its mark is deleted (the reader joins it to the next). */
interface WrittenText {
  text: string
  changes: TrackedRange[]
  markDeleted: boolean
}

const visible = /[^\s\u3000\u00a0\ufeff\u2000-\u200b]/

/**
 * The lines the digest reads of the paragraphs written (see `digestLine`), joined as a reader of
 * the file joins them: a paragraph whose mark is deleted, or that holds deleted text only, goes
 * with the next.
 */
function digestLinesOf(written: readonly WrittenText[]): string[] {
  const out: string[] = []
  let pending: WrittenText | null = null
  for (const w of written) {
    let p = w
    if (pending) {
      const shift = pending.text.length
      p = { text: pending.text + w.text, changes: [...pending.changes, ...w.changes.map((c) => ({ ...c, from: c.from + shift, to: c.to + shift }))], markDeleted: w.markDeleted }
      pending = null
    }
    if (p.markDeleted || (p.changes.length && !visible.test(acceptedText(p.text, p.changes)) && visible.test(p.text))) pending = p
    else out.push(digestLine(p.text, p.changes))
  }
  if (pending) out.push(digestLine(pending.text, pending.changes))
  return out
}

/**
 * Builds the paragraphs of a document in the order of the model's `toText`, one paragraph for each of
 * its lines, so that the paragraphs' texts are exactly its lines (empty lines aside, which `toText`
 * writes as separators: here the spacing of the paragraphs does that). With suggestions (修订),
 * the text both with and without them, tracked (see `Revisions`), numbers and ordinals as the
 * text reads with them accepted (those of blocks suggested for deletion as before it).
 */
class ParagraphWriter {
  readonly paragraphs: Paragraph[] = []
  /** What the digest reads of each paragraph written. */
  readonly written: WrittenText[] = []
  /** The start of the next line, already written (a run-in heading waiting for its first body line). */
  private lead: RunWriter | undefined = undefined

  constructor(
    private readonly comments: CommentRanges | null,
    private readonly revisions: Revisions | null,
  ) {}

  /** A new line's runs. */
  private runs(): RunWriter {
    return new RunWriter(this.comments, this.revisions)
  }

  /** The change a node carries whole (its own block-level insertion or deletion), or else the one it is inside. */
  private changeOf(node: Node, outer: WrittenChange | null): WrittenChange | null {
    return this.revisions?.of(node.marks) ?? outer
  }

  /**
   * Which siblings count for the number of a node: as the text reads with its suggestions accepted
   * (siblings suggested for deletion left out), or, for a node suggested for deletion, as it read
   * before them (siblings suggested for insertion left out).
   */
  private counts(node: Node): (sibling: Node) => boolean {
    const revisions = this.revisions
    if (!revisions) return () => true
    const skipped = revisions.of(node.marks)?.kind === 'delete' ? 'insert' : 'delete'
    return (sibling) => revisions.of(sibling.marks)?.kind !== skipped
  }

  /**
   * The deletion a suggestion makes of the boundary between a run-in title and its body (the
   * title ending in the anchor of a deletion), or null when the title keeps it.
   */
  private joinedBy(title: Node): WrittenChange | null {
    const last = title.lastChild
    if (!last?.isText || !last.text!.endsWith(suggestionAnchor)) return null
    const change = this.revisions?.of(last.marks) ?? null
    return change?.kind === 'delete' ? change : null
  }

  /** Whether a block is a paragraph whose text, its suggestions accepted, is one sentence: its first `。` ends it. */
  private oneSentence(block: Node): boolean {
    if (block.type.name !== 'paragraph') return false
    let text = ''
    block.forEach((child) => {
      if (this.revisions?.of(child.marks)?.kind !== 'delete') text += displayText(child).replaceAll(suggestionAnchor, '')
    })
    return text.indexOf('。') === text.length - 1
  }

  /** The paragraph options that track a paragraph's mark: as its runs say (see `RunWriter.markChange`), else inserted or deleted when every block whose text it holds is, by one kind of change. */
  private mark(runs: RunWriter): Pick<IParagraphOptions, 'run'> {
    if (runs.markChange && this.revisions) return { run: { deletion: this.revisions.attributes(runs.markChange) } }
    const changes = runs.blockChanges
    const first = changes[0]
    if (!first || !this.revisions || changes.some((c) => !c || c.kind !== first.kind)) return {}
    const attributes = this.revisions.attributes(first)
    if (first.inserted) return { run: { insertion: this.revisions.attributesOf(first.inserted), deletion: attributes } }
    return { run: first.kind === 'insert' ? { insertion: attributes } : { deletion: attributes } }
  }

  /** A paragraph with its runs, its mark tracked as {@link mark} says, noted for the digest (a line broken within it, as a reader reads it: lines of its own). */
  private paragraph(options: IParagraphOptions, runs: RunWriter): Paragraph {
    const mark = this.mark(runs)
    const lines = runs.lines
    if (lines.length > 1) this.written.push(...lines.map((text) => ({ text, changes: [], markDeleted: false })))
    else this.written.push({ text: runs.tracked.text, changes: runs.tracked.changes, markDeleted: mark.run?.deletion !== undefined })
    // Every paragraph's options in one shape, `style` and `run` first whether set or not: the docx
    // library reads some thirty options of each, three times slower where their shapes vary.
    return new Paragraph({ style: undefined, run: undefined, ...options, ...mark, children: runs.finish() })
  }

  private line(): RunWriter {
    const lead = this.lead
    this.lead = undefined
    return lead ?? this.runs()
  }

  private push(style: string, runs: RunWriter): void {
    // Body text is in the default paragraph style, named by no paragraph.
    this.paragraphs.push(this.paragraph(style === styleIds.body ? {} : { style }, runs))
  }

  /**
   * A body block: a paragraph is one line; a joined work-item list one line up to each note; a
   * separate one a line an item. `outer`: the change the block is inside (its section's …);
   * `style`: the paragraph style of its lines (the body's, or the closing's).
   */
  block(block: Node, outer: WrittenChange | null = null, style: string = styleIds.body): void {
    const change = this.changeOf(block, outer)
    if (block.type.name === 'paragraph') {
      const line = this.line()
      line.block(change)
      line.addInline(block, change)
      this.push(style, line)
      return
    }
    const joined = block.attrs.layout === 'joined'
    let line: RunWriter | undefined
    block.forEach((child, _offset, index) => {
      const isItem = child.type.name === 'workItem'
      if (joined && child.type.name !== 'workNote') line ??= this.line()
      else {
        if (line) this.push(style, line)
        line = undefined
      }
      const target = line ?? this.line()
      const own = this.changeOf(child, change)
      target.block(own)
      // The ordinal (一是) is text, computed by the model; never a Word list.
      if (isItem) {
        target.setChange(own)
        target.add(workItemOrdinal(block, index, this.counts(child)))
      }
      target.addInline(child, own)
      if (!line) this.push(style, target)
    })
    if (line) this.push(style, line)
  }

  /**
   * A section: its number (from the model's `sectionNumber`, as text) and heading on a line of its
   * own in its level's style, then its body and subsections. A run-in section (`（一）落实党建责任。一是……`)
   * writes its heading and `。` in its level's character style at the start of its first body line.
   */
  section(parent: Node, index: number, outer: WrittenChange | null = null): void {
    const node = parent.child(index)
    const level = levelOf(node)
    const change = this.changeOf(node, outer)
    const title = node.child(0)
    const titleChange = this.changeOf(title, change)
    const heading = this.runs()
    heading.block(titleChange)
    let i = 1
    const number = sectionNumber(parent, index, this.counts(node))
    if (node.attrs.runIn === true) {
      // A suggestion that joins the title to its body deletes the boundary between them: the stop
      // drawn there goes with it. Accepted, the title is the first sentence again and the rest of
      // the body's first paragraph starts the paragraph after it, or stands on the title's line
      // before a list or subsections: the line's end goes too where the next block comes up to the
      // title's line (a paragraph; a list when the first paragraph was one sentence).
      const joined = this.joinedBy(title)
      heading.setStyle(styleIds.runIn[level - 1])
      heading.setChange(change)
      heading.add(number)
      heading.addInline(title, titleChange)
      heading.setChange(joined ?? change)
      heading.add('。')
      heading.setStyle(undefined)
      if (i < node.childCount && !isSection(node.child(i))) {
        const next = node.maybeChild(i + 1)
        if (joined && next && (next.type.name === 'paragraph' || (!isSection(next) && this.oneSentence(node.child(i))))) heading.markChange = joined
        this.lead = heading
        this.block(node.child(i++), change)
      } else this.push(styleIds.body, heading)
    } else {
      heading.setChange(change)
      heading.add(number)
      heading.addInline(title, titleChange)
      if (heading.hasText) this.push(styleIds.section[level - 1], heading)
    }
    for (; i < node.childCount; i++) {
      const child = node.child(i)
      if (isSection(child)) this.section(node, i, change)
      else this.block(child, change)
    }
  }

  /**
   * The title or the subtitle, alone on its line, centred; the last of them keeps a blank line's
   * space after it (标题下空一行). A title too long for one line is broken where `titleBreaks`
   * says, unless suggestions change it (its lines would then depend on which are accepted).
   */
  titleLine(node: Node, style: string, last: boolean): void {
    const line = this.runs()
    const change = this.changeOf(node, null)
    line.block(change)
    if (style === styleIds.title && !node.marks.some(isSuggestionMark) && !hasSuggestionMarks(node)) line.breakAt(titleBreaks(wordText(displayText(node))))
    line.addInline(node, change)
    this.paragraphs.push(this.paragraph({ style, ...(last ? { spacing: { after: linePitch } } : {}) }, line))
  }

  /**
   * The sign-off (落款): one blank line after the text, the organisation and the date set right as
   * {@link signOffPlacement} places them.
   */
  signOff(signOff: Node): void {
    const organization = signOff.child(0)
    const date = signOff.child(1)
    const place = signOffPlacement(displayText(organization), displayText(date))
    const outer = this.changeOf(signOff, null)
    const org = this.runs()
    const orgChange = this.changeOf(organization, outer)
    org.block(orgChange)
    org.addInline(organization, orgChange)
    this.paragraphs.push(this.paragraph({ style: styleIds.signOff, spacing: { before: linePitch }, indent: { right: place.organizationRight } }, org))
    const day = this.runs()
    const dayChange = this.changeOf(date, outer)
    day.block(dayChange)
    day.addInline(date, dayChange)
    this.paragraphs.push(this.paragraph({ style: styleIds.signOff, indent: { right: place.dateRight } }, day))
  }

  /** The opening or the closing: its blocks, in the change the part carries whole, if any, and in `style`. */
  part(part: Node, style: string = styleIds.body): void {
    const change = this.changeOf(part, null)
    part.forEach((block) => this.block(block, change, style))
  }

  /** What the digest reads of the paragraphs written: see `digestLine`. */
  digestLines(): string[] {
    return digestLinesOf(this.written)
  }
}

/** The body of a summary's Word export: its paragraphs, and the lines of its text that its digest reads (see `textDigest`). */
export interface SummaryBody {
  paragraphs: Paragraph[]
  digestLines: string[]
}

/**
 * The paragraphs of a summary's Word export, in order: title, subtitle, opening, each section's
 * heading with its number and its body (work items with their ordinals), closing, organisation and
 * date. Without suggestions, their texts are exactly the non-empty lines of the model's
 * `toText(doc)`. With `comments`, the document's comments are marked where their text is; with
 * `revisions`, its suggestions (修订) are Word's tracked changes (see `Revisions`). The digest
 * lines are what a reader of the file finds in it, so that it can tell whether the file was edited
 * after export (see `textDigest`).
 */
export function summaryBody(doc: Node, comments: CommentRanges | null = null, revisions: Revisions | null = null): SummaryBody {
  const out = new ParagraphWriter(comments, revisions)
  const hasSubtitle = doc.childCount > 1 && doc.child(1).type.name === 'subtitle'
  doc.forEach((node, _offset, index) => {
    switch (node.type.name) {
      case 'title':
        out.titleLine(node, styleIds.title, !hasSubtitle)
        break
      case 'subtitle':
        out.titleLine(node, styleIds.subtitle, true)
        break
      case 'preamble':
        out.part(node)
        break
      case 'closing':
        out.part(node, styleIds.closing)
        break
      case 'signOff':
        out.signOff(node)
        break
      default:
        out.section(doc, index)
    }
  })
  return { paragraphs: out.paragraphs, digestLines: out.digestLines() }
}

/** The paragraphs of a summary's Word export (see {@link summaryBody}). */
export function summaryParagraphs(doc: Node, comments: CommentRanges | null = null, revisions: Revisions | null = null): Paragraph[] {
  return summaryBody(doc, comments, revisions).paragraphs
}
