import type { CommentThread, Suggestion } from '@zongjie/model'
import { readComments } from './comments.ts'
import { readEmbedded, type EmbeddedSummary } from './embedded.ts'
import { Numbering } from './numbering.ts'
import { openPackage } from './package.ts'
import { readBody, type AcceptedChange, type DocxParagraph, type BlankControl, type DroppedNotes, type FlattenedTable } from './paragraphs.ts'
import { Styles } from './styles.ts'
import type { ParseXml } from './xml.ts'

/** What {@link readDocx} reads from a Word file. */
export interface DocxContent {
  /** The paragraphs with text, in order, list numbers included (see {@link DocxParagraph}). */
  paragraphs: DocxParagraph[]
  /** Pictures dropped. */
  images: number
  /** Text boxes with text dropped, their text with them. */
  textBoxes: number
  /** Shapes, empty text boxes, charts and embedded objects dropped. */
  shapes: number
  /** The footnotes and endnotes dropped, by the paragraph their references are in. */
  notes: DroppedNotes[]
  /** The tables read as text, a row a paragraph, by the paragraph of their first row. */
  tables: FlattenedTable[]
  /** The blanks its content controls say, by the ids of the comment ranges their text is read with (see {@link BlankControl}). */
  blanks: Map<string, BlankControl>
  /** The Summary JSON a file written by Zongjie carries, or `null`. */
  embedded: EmbeddedSummary | null
  /** The file's comments (批注) as threads by their ids in the model, replies under their thread; their quotes still empty. */
  comments: Map<string, CommentThread>
  /** The file's tracked changes (修订) as suggestions by their ids in the model, which the paragraphs' `suggestions` ranges name. */
  suggestions: Map<string, Suggestion>
  /** The tracked changes that ranges of text cannot say, accepted while reading (paragraphs joined or split). */
  accepted: AcceptedChange[]
}

/**
 * Reads a Word file (`.docx`) as its paragraphs of text, without a DOM: `parseXml` is the
 * caller's XML parser (`DOMParser` in the browser, linkedom's in Node).
 *
 * Refuses, with a {@link DocxError}, before inflating anything: an old `.doc`/`.wps`
 * (`old-format`), a password-protected file (`encrypted`), anything that is not a zip
 * (`not-docx`), a zip that is cut short or corrupt (`damaged`) or has no Word document in it
 * (`not-docx`), and parts that would inflate past the limits (`too-large`: see `maxPartBytes`,
 * `maxTotalBytes`, `maxCompressionRatio`). Only the parts it needs are inflated: the content types,
 * the relationships, the document, its styles and numbering, and the custom XML parts.
 *
 * Each paragraph's text starts with the number Word shows for it (computed from `numbering.xml`
 * as Word counts), so that Word's automatic `一、` `（一）` numbering reads as if typed; a
 * paragraph in a heading style with no number gets its level's. Bold comes from the runs and
 * their character styles; the ranges the file's comments are on come with each paragraph, the
 * comments themselves from `word/comments.xml`. Tracked changes (修订) are read as suggestions:
 * each paragraph's text holds its inserted and its deleted text, with ranges saying which (see
 * `readBody`); a comment or a change with no date takes the time of reading.
 */
export function readDocx(bytes: Uint8Array, parseXml: ParseXml): DocxContent {
  const pkg = openPackage(bytes, parseXml)
  const styles = new Styles(pkg.styles)
  const numbering = new Numbering(pkg.numbering, styles)
  const { changes, ...body } = readBody(pkg.document, styles, numbering)
  const now = new Date().toISOString()
  return { ...body, embedded: readEmbedded(pkg.summaryParts), comments: readComments(pkg.comments, pkg.commentsExtended, now), suggestions: changes.suggestions(now) }
}
