import { Paragraph } from 'docx'
import type { Node } from 'prosemirror-model'
import { displayText, isSection, sectionNumber, workItemOrdinal } from '@zongjie/model'
import { linePitch } from './layout.ts'
import type { CommentRanges } from './comments.ts'
import { RunWriter } from './runs.ts'
import { signOffPlacement } from './sign-off.ts'
import { styleIds } from './styles.ts'

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

/**
 * Builds the paragraphs of a document in the order of the model's `toText`, one paragraph for each of
 * its lines, so that the paragraphs' texts are exactly its lines (empty lines aside, which `toText`
 * writes as separators: here the spacing of the paragraphs does that).
 */
class ParagraphWriter {
  readonly paragraphs: Paragraph[] = []
  /** The start of the next line, already written (a run-in heading waiting for its first body line). */
  private lead: RunWriter | undefined = undefined

  constructor(private readonly comments: CommentRanges | null) {}

  /** A new line's runs. */
  private runs(): RunWriter {
    return new RunWriter(this.comments)
  }

  private line(): RunWriter {
    const lead = this.lead
    this.lead = undefined
    return lead ?? this.runs()
  }

  private push(style: string, runs: RunWriter): void {
    // Body text is in the default paragraph style, named by no paragraph.
    this.paragraphs.push(style === styleIds.body ? new Paragraph({ children: runs.finish() }) : new Paragraph({ style, children: runs.finish() }))
  }

  /** A body block: a paragraph is one line; a joined work-item list one line up to each note; a separate one a line an item. */
  block(block: Node): void {
    if (block.type.name === 'paragraph') {
      const line = this.line()
      line.addInline(block)
      this.push(styleIds.body, line)
      return
    }
    const joined = block.attrs.layout === 'joined'
    let line: RunWriter | undefined
    block.forEach((child, _offset, index) => {
      const isItem = child.type.name === 'workItem'
      if (joined && child.type.name !== 'workNote') line ??= this.line()
      else {
        if (line) this.push(styleIds.body, line)
        line = undefined
      }
      const target = line ?? this.line()
      // The ordinal (一是) is text, computed by the model; never a Word list.
      if (isItem) target.add(workItemOrdinal(block, index))
      target.addInline(child)
      if (!line) this.push(styleIds.body, target)
    })
    if (line) this.push(styleIds.body, line)
  }

  /**
   * A section: its number (from the model's `sectionNumber`, as text) and heading on a line of its
   * own in its level's style, then its body and subsections. A run-in section (`（一）落实党建责任。一是……`)
   * writes its heading and `。` in its level's character style at the start of its first body line.
   */
  section(parent: Node, index: number): void {
    const node = parent.child(index)
    const level = levelOf(node)
    const heading = this.runs()
    let i = 1
    if (node.attrs.runIn === true) {
      heading.setStyle(styleIds.runIn[level - 1])
      heading.add(sectionNumber(parent, index))
      heading.addInline(node.child(0))
      heading.add('。')
      heading.setStyle(undefined)
      if (i < node.childCount && !isSection(node.child(i))) {
        this.lead = heading
        this.block(node.child(i++))
      } else this.push(styleIds.body, heading)
    } else {
      heading.add(sectionNumber(parent, index))
      heading.addInline(node.child(0))
      if (heading.hasText) this.push(styleIds.section[level - 1], heading)
    }
    for (; i < node.childCount; i++) {
      const child = node.child(i)
      if (isSection(child)) this.section(node, i)
      else this.block(child)
    }
  }

  /**
   * The title or the subtitle, alone on its line, centred; the last of them keeps a blank line's
   * space after it (标题下空一行).
   */
  titleLine(node: Node, style: string, last: boolean): void {
    const line = this.runs()
    line.addInline(node)
    this.paragraphs.push(new Paragraph({ style, children: line.finish(), ...(last ? { spacing: { after: linePitch } } : {}) }))
  }

  /**
   * The sign-off (落款): one blank line after the text, the organisation and the date set right as
   * {@link signOffPlacement} places them.
   */
  signOff(signOff: Node): void {
    const organization = signOff.child(0)
    const date = signOff.child(1)
    const place = signOffPlacement(displayText(organization), displayText(date))
    const org = this.runs()
    org.addInline(organization)
    this.paragraphs.push(new Paragraph({ style: styleIds.signOff, spacing: { before: linePitch }, indent: { right: place.organizationRight }, children: org.finish() }))
    const day = this.runs()
    day.addInline(date)
    this.paragraphs.push(new Paragraph({ style: styleIds.signOff, indent: { right: place.dateRight }, children: day.finish() }))
  }
}

/**
 * The paragraphs of a summary's Word export, in order: title, subtitle, opening, each section's
 * heading with its number and its body (work items with their ordinals), closing, organisation and
 * date. Their texts are exactly the non-empty lines of the model's `toText(doc)`: the contract by
 * which a reader tells whether the file was edited after export (see `textDigest`). With
 * `comments`, the document's comments are marked where their text is.
 */
export function summaryParagraphs(doc: Node, comments: CommentRanges | null = null): Paragraph[] {
  const out = new ParagraphWriter(comments)
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
      case 'closing':
        node.forEach((block) => out.block(block))
        break
      case 'signOff':
        out.signOff(node)
        break
      default:
        out.section(doc, index)
    }
  })
  return out.paragraphs
}
