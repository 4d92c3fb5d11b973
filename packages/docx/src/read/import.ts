import type { Node } from 'prosemirror-model'
import { ImportError, commentThreads, fromSummary, importParagraphs, withoutCommentMarks, type CommentThread, type ImportWarningCode } from '@zongjie/model'
import { replyIds } from './comments.ts'
import { digestLine, textDigest, type TrackedRange } from '../embedded.ts'
import { readDocx } from './docx.ts'
import type { DocxParagraph } from './paragraphs.ts'
import { withBlanks } from './blanks.ts'
import { withFieldChanges } from './field-changes.ts'
import { withSuggestions } from './suggestions.ts'
import type { ParseXml } from './xml.ts'

/**
 * The kinds of {@link DocxWarning}: the importer's (`bracket-width`, `number-repaired` … see
 * `ImportWarningCode`), and `embedded-stale` (the file was edited after export: its text was
 * read, not the summary it carries), `embedded-invalid` (the summary it carries could not be read:
 * its text was read), `images-dropped` (pictures, text boxes with their text, shapes or objects left
 * out), `notes-dropped` (a paragraph's footnotes or endnotes left out) and `table-flattened` (a
 * table read as text, a row a paragraph, on its first row's paragraph).
 */
export type DocxWarningCode = ImportWarningCode | 'embedded-stale' | 'embedded-invalid' | 'images-dropped' | 'notes-dropped' | 'table-flattened'

/**
 * A change or a guess the import made, with the paragraph it concerns (its number in the Word
 * file, counting paragraphs with text; 0 for the file as a whole).
 */
export interface DocxWarning {
  /** The paragraph's number, from 1; 0 for the whole file. */
  paragraph: number
  /** What kind of change: see {@link DocxWarningCode}. */
  code: DocxWarningCode
  /** What happened, in Chinese, for the writer. */
  message: string
}

/** What {@link importDocx} gives. */
export interface DocxImport {
  /** The document. */
  doc: Node
  /** What the import changed or left out, in paragraph order. */
  warnings: DocxWarning[]
  /** `embedded`: the summary the file carried since Zongjie exported it; `document`: read from the file's text. */
  source: 'embedded' | 'document'
  /**
   * The level of the highest headings in the file (see `ImportResult.topRank`): above 1 only for
   * a fragment whose headings start below `一、`; 1 for an embedded summary.
   */
  topRank: number
}

/** Options of {@link importDocx}. */
export interface DocxImportOptions {
  /** The file is part of a summary, pasted or inserted at the cursor (see `ImportOptions.fragment`). */
  fragment?: boolean
}

/**
 * Imports a Word file (`.docx`) as a summary. A file that Zongjie exported and nobody edited
 * since gives back exactly the summary it was made from (the Summary JSON it carries, whose digest
 * still matches the text). Any other file, or one edited in Word or WPS after export, is read as
 * text by {@link readDocx} (Word's list numbers included) and goes through the model's one
 * importer, `importParagraphs`, with bold and comments (批注, replies and resolved ones too) kept
 * and warnings naming paragraphs. Its tracked changes (修订) become suggestions, not accepted: the
 * structure is read from the text with them accepted, the inserted text marked inserted and the
 * deleted text kept, marked deleted, one suggestion for each stretch of changes of one author and
 * date (see `TrackedChanges`), a field's old text deleted and its new text inserted by one author
 * at one time a change of the field's value (see `withFieldChanges`); what marks on the text
 * cannot say (paragraphs joined or split, a change to a heading's number) is accepted with a
 * `suggestion-accepted` warning. Throws a
 * {@link DocxError} for a file that cannot be read, and an `ImportError` when it holds no text.
 */
export function importDocx(bytes: Uint8Array, parseXml: ParseXml, options: DocxImportOptions = {}): DocxImport {
  const content = readDocx(bytes, parseXml)
  const warnings: DocxWarning[] = []
  if (content.embedded) {
    if (textDigest(digestLinesOf(content.paragraphs)) === content.embedded.digest) {
      try {
        return { doc: fromSummary(JSON.parse(content.embedded.json)), warnings: [], source: 'embedded', topRank: 1 }
      } catch {
        warnings.push({ paragraph: 0, code: 'embedded-invalid', message: '文件中保存的总结结构已损坏，无法读取，已改为按文档的文字识别结构' })
      }
    } else {
      warnings.push({
        paragraph: 0,
        code: 'embedded-stale',
        message: '文件导出后在 Word 或 WPS 中改动过，已按文档现在的文字重新识别结构，没有使用导出时保存的结构',
      })
    }
  }
  const dropped = droppedText(content.images, content.textBoxes, content.shapes)
  if (!content.paragraphs.length) {
    if (content.textBoxes) throw new ImportError(`该 Word 文档的文字都在 ${content.textBoxes} 个文本框中，无法导入：请把文字移出文本框后再导入`)
    throw new ImportError(dropped ? `该 Word 文档中没有可导入的文字，只有 ${dropped}（可能是扫描件）` : '该 Word 文档中没有可导入的文字')
  }
  if (dropped) warnings.push({ paragraph: 0, code: 'images-dropped', message: `文档中的 ${dropped}未导入：总结只保留正文的文字` })
  for (const n of content.notes) warnings.push({ paragraph: n.paragraph, code: 'notes-dropped', message: `此段的 ${notesText(n.footnotes, n.endnotes)}未导入：总结没有脚注，需要保留的内容请写入正文` })
  for (const t of content.tables) warnings.push({ paragraph: t.paragraph, code: 'table-flattened', message: `此段起的表格已按文字导入，每行一段（共 ${t.rows} 段）：总结没有表格，请核对这些段落` })
  const result = importParagraphs(content.paragraphs, { fragment: options.fragment ?? false })
  for (const w of result.warnings) warnings.push({ paragraph: w.line, code: w.code, message: w.message })
  for (const a of content.accepted) warnings.push({ paragraph: a.paragraph, code: 'suggestion-accepted', message: a.message })
  warnings.sort((a, b) => a.paragraph - b.paragraph)
  const doc = withBlanks(withFieldChanges(result.doc, content.suggestions), content.blanks)
  return { doc: withSuggestions(withComments(doc, content.comments), content.suggestions), warnings, source: 'document', topRank: result.topRank }
}

/**
 * The paragraphs' lines as the fingerprint reads them ({@link digestOf}), a paragraph deleted whole
 * (its mark too) by one suggestion joined to the next as its deleted text, as the export reckons
 * them: the fingerprint was made when such a paragraph was read so. A paragraph inserted whole and
 * deleted whole by another reviewer reads as deleted whole, as LibreOffice saves it again (its
 * deletion alone).
 */
function digestLinesOf(paragraphs: readonly DocxParagraph[]): string[] {
  const out: string[] = []
  let pending: DocxParagraph | null = null
  for (const p of paragraphs) {
    const alone = p.deletedWhole !== undefined
    let line: DocxParagraph = alone ? { text: p.text, no: p.no, suggestions: [{ id: p.deletedWhole!, kind: 'delete', from: 0, to: p.text.length }] } : p
    if (pending) {
      const shift = pending.text.length
      line = { text: pending.text + line.text, no: p.no, suggestions: [...pending.suggestions!, ...(line.suggestions ?? []).map((r) => ({ ...r, from: r.from + shift, to: r.to + shift }))] }
      pending = null
    }
    if (alone) pending = line
    else out.push(digestOf(line))
  }
  if (pending) out.push(digestOf(pending))
  return out
}

/**
 * A paragraph read as the fingerprint reads it (see `digestLine`): the text that one suggestion
 * inserts and another deletes (a `w:del` inside a `w:ins`) read as deleted only, as the export
 * reckons it, so that the fingerprint is the same whether the file keeps the insertion under the
 * deletion or, saved again by LibreOffice, only the deletion.
 */
function digestOf(p: DocxParagraph): string {
  const ranges = p.suggestions ?? []
  const deleted = ranges.filter((r) => r.kind === 'delete').sort((a, b) => a.from - b.from)
  if (!deleted.length) return digestLine(p.text, ranges)
  const kept: TrackedRange[] = [...deleted]
  for (const r of ranges) {
    if (r.kind !== 'insert') continue
    let from = r.from
    for (const d of deleted) {
      if (d.to <= from || d.from >= r.to) continue
      if (d.from > from) kept.push({ kind: 'insert', from, to: d.from })
      from = Math.max(from, d.to)
    }
    if (from < r.to) kept.push({ kind: 'insert', from, to: r.to })
  }
  return digestLine(p.text, kept)
}

/**
 * The document with the file's comments (批注): a thread for each comment whose range holds text
 * the import kept, quoting that text; a reply's range is its thread's, and a range whose comment
 * is missing from the file is dropped.
 */
function withComments(doc: Node, threads: Map<string, CommentThread>): Node {
  const replies = replyIds(threads)
  const used = new Set<string>()
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'comment') used.add(mark.attrs.id as string)
  })
  if (!used.size) return doc
  const clean = withoutCommentMarks(doc, (id) => replies.has(id) || !threads.has(id))
  const kept = [...threads.values()].filter((t) => used.has(t.id))
  if (!kept.length) return clean
  const anchored = clean.type.create({ ...clean.attrs, comments: kept }, clean.content)
  const quotes = new Map(commentThreads(anchored).map((at) => [at.thread.id, at.anchorText]))
  return clean.type.create({ ...clean.attrs, comments: kept.map((t) => ({ ...t, quote: quotes.get(t.id) ?? '' })) }, clean.content)
}

/** `3 张图片、1 个文本框（连同其中的文字）和 1 个图形或对象`, or `''` when nothing was dropped. */
function droppedText(images: number, textBoxes: number, shapes: number): string {
  const parts: string[] = []
  if (images) parts.push(`${images} 张图片`)
  if (textBoxes) parts.push(`${textBoxes} 个文本框（连同其中的文字）`)
  if (shapes) parts.push(`${shapes} 个图形或对象`)
  return parts.length > 1 ? `${parts.slice(0, -1).join('、')}和 ${parts[parts.length - 1]}` : (parts[0] ?? '')
}

/** `2 个脚注和 1 个尾注`. */
function notesText(footnotes: number, endnotes: number): string {
  const parts: string[] = []
  if (footnotes) parts.push(`${footnotes} 个脚注`)
  if (endnotes) parts.push(`${endnotes} 个尾注`)
  return parts.join('和 ')
}
