import { Document, Packer } from 'docx'
import type { Node } from 'prosemirror-model'
import { toSummary, validate } from '@zongjie/model'
import { textDigest } from '../embedded.ts'
import { CommentRanges } from './comments.ts'
import { DocxExportError } from './export-error.ts'
import { embedSummary } from './package.ts'
import { summaryPage } from './page.ts'
import { summaryBody } from './paragraphs.ts'
import { Revisions } from './revisions.ts'
import { stylesPath, stylesXml } from './styles.ts'
import { wordText } from './xml-chars.ts'
import { appendToZip, deflateNatively } from './zip.ts'

/** Options of {@link toDocx}. */
export interface DocxExportOptions {
  /**
   * Export as final (定稿): refuse a draft the validator finds errors in (unfilled `X`, missing
   * required parts …), throwing a {@link DocxExportError}. Without it, any draft is exported, its
   * unfilled fields highlighted.
   */
  final?: boolean
}

/**
 * A summary as a Word file (.docx), laid out after GB/T 9704-2012: A4, 37/28 mm margins, 22 lines of
 * 28 characters, 3号 仿宋 body, 2号 小标宋 title, headings in 黑体, 楷体, 仿宋; numbers and ordinals as
 * text; page numbers `— 1 —`, odd pages right, even pages left; the sign-off set right. The package
 * also carries the Summary JSON (see `summaryPartXml`), so that importing the file gives back this
 * summary as long as its text was not edited. Comments (批注) are Word comments on their text,
 * replies answering them and resolved threads marked done. Suggestions (修订) are Word's tracked
 * changes, by their authors and times, for Word, WPS and LibreOffice to accept or reject (see
 * `Revisions`); accepting or rejecting one there makes the file read from its text again. Runs in
 * Node and in the browser; gives the file's bytes.
 */
export async function toDocx(doc: Node, options: DocxExportOptions = {}): Promise<Uint8Array> {
  if (options.final) {
    const errors = validate(doc).filter((f) => f.severity === 'error')
    if (errors.length) throw new DocxExportError(errors)
  }
  const summary = toSummary(doc)
  const comments = new CommentRanges(doc)
  const revisions = new Revisions(doc, comments.nextId)
  const { paragraphs: children, digestLines } = summaryBody(doc, comments.any ? comments : null, revisions.any ? revisions : null)
  const file = new Document({
    title: wordText(summary.title),
    creator: 'Zongjie',
    lastModifiedBy: 'Zongjie',
    evenAndOddHeaderAndFooters: true,
    ...(comments.any ? { comments: { children: comments.comments() } } : {}),
    sections: [{ ...summaryPage(), children }],
  })
  const [summaryPart, ...others] = embedSummary(file, JSON.stringify(summary), textDigest(digestLines))
  // The Summary JSON, the package's largest part, is compressed by the platform's zlib where it
  // has one (twice as fast as the packer's JavaScript DEFLATE; in Node, on another thread while
  // the rest is packed) and added to the packed zip.
  const deflating = deflateNatively(summaryPart.path, summaryPart.pieces)
  const packed = deflating ? others : [summaryPart, ...others]
  // The styles replace the ones docx writes (see stylesXml).
  const zip = await Packer.pack(file, 'uint8array', false, [{ path: stylesPath, data: stylesXml }, ...packed])
  return deflating ? appendToZip(zip, [await deflating]) : zip
}
