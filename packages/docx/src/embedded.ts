/**
 * The Summary JSON that a `.docx` written by Zongjie carries inside its package, so that importing
 * the file gives back exactly the summary it was made from. It is a custom XML part
 * (`customXml/itemN.xml`, which Word and WPS keep when they save) whose root element is
 * `<summary xmlns="urn:zongjie:summary" version="1" digest="…">` and whose text is the JSON.
 *
 * `digest` fingerprints the document's own text as it was written: the text of every paragraph
 * with text, in order, and where it has tracked changes (修订), which text they insert and which
 * they delete (see {@link digestLine}). A reader computes the same fingerprint from what the file
 * holds now; when the two differ, the file was edited after export (accepting or rejecting a
 * change in Word included), and the document is read instead of the JSON.
 */

/** The namespace of the root element of Zongjie's custom XML part. */
export const summaryNamespace = 'urn:zongjie:summary'

/** The version of the part's layout, written as the root's `version`. */
export const summaryPartVersion = '1'

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text escaped for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => xmlEscapes[c]!)
}

/**
 * JSON escaped for XML element content (quotes stay as they are: JSON is full of them). U+FFFE and
 * U+FFFF, which XML cannot hold and `JSON.stringify` leaves as they are, are written as JSON's
 * `\uFFFE` escapes, which read back as the same characters.
 */
function escapeJsonForXml(json: string): string {
  return json.replace(/[&<>\ufffe\uffff]/g, (c) => xmlEscapes[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** A stretch of a paragraph's text that a tracked change inserts or deletes, `[from, to)`. */
export interface TrackedRange {
  kind: 'insert' | 'delete'
  from: number
  to: number
}

/** A paragraph's text with the stretches that changes delete left out (`changes` in order, not overlapping): what it reads with its changes accepted. */
export function acceptedText(text: string, changes: readonly TrackedRange[]): string {
  let out = ''
  let at = 0
  for (const c of changes) {
    if (c.kind !== 'delete') continue
    out += text.slice(at, c.from)
    at = c.to
  }
  return out + text.slice(at)
}

/** Spaces a paragraph's text is trimmed of, as the reader trims it (full-width, no-break and zero-width ones too). */
const edgeSpaces = /^[\s\u3000\u00a0\ufeff\u2000-\u200b]+|[\s\u3000\u00a0\ufeff\u2000-\u200b]+$/g

/** What marks the inserted (`\u0002`…`\u0003`) and deleted (`\u0004`…`\u0005`) text in a line of the fingerprint: control characters no paragraph holds. */
const changeMarks = { insert: ['\u0002', '\u0003'], delete: ['\u0004', '\u0005'] } as const

/**
 * A paragraph's line as the fingerprint reads it: its text as it is when it has no tracked
 * changes; with some, trimmed of spaces at both ends, and each stretch of inserted and of deleted
 * text (however many changes, of whichever authors, make it up) between marks of its kind. So
 * the fingerprint of a file changes when a change in it is accepted or rejected, even where the
 * text reads the same.
 */
export function digestLine(text: string, changes: readonly TrackedRange[] = []): string {
  if (!changes.length) return text
  const lead = /^[\s\u3000\u00a0\ufeff\u2000-\u200b]*/.exec(text)![0].length
  const trimmed = text.replace(edgeSpaces, '')
  const ranges = changes
    .map((c) => ({ kind: c.kind, from: Math.max(c.from - lead, 0), to: Math.min(c.to - lead, trimmed.length) }))
    .filter((c) => c.to > c.from)
    .sort((a, b) => a.from - b.from)
  let out = ''
  let at = 0
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!
    let to = r.to
    while (i + 1 < ranges.length && ranges[i + 1]!.kind === r.kind && ranges[i + 1]!.from <= to) to = Math.max(to, ranges[++i]!.to)
    const from = Math.max(r.from, at)
    if (to <= from) continue
    out += trimmed.slice(at, from) + changeMarks[r.kind][0] + trimmed.slice(from, to) + changeMarks[r.kind][1]
    at = to
  }
  return out + trimmed.slice(at)
}

/**
 * The paragraphs' texts as the fingerprint reads them: each trimmed (spaces, full-width spaces and
 * tabs at either end), empty ones left out.
 */
export function digestLines(paragraphs: Iterable<string>): string[] {
  const out: string[] = []
  for (const p of paragraphs) {
    const t = p.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')
    if (t) out.push(t)
  }
  return out
}

/**
 * A fingerprint of a document's text (two 32-bit FNV-1a hashes over the {@link digestLines}
 * joined by line feeds, as 16 hexadecimal digits). Not a security measure: it tells an edited
 * file from the one Zongjie wrote.
 */
export function textDigest(paragraphs: Iterable<string>): string {
  // Line by line, the line feeds between hashed as if the lines were joined (the joined text,
  // a long summary's whole text, is never built).
  const lines = digestLines(paragraphs)
  let length = Math.max(lines.length - 1, 0)
  for (const line of lines) length += line.length
  let a = 0x811c9dc5
  let b = 0x01000193 ^ length
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!
    if (n > 0) {
      a = Math.imul(a ^ 10, 0x01000193)
      b = Math.imul(b ^ 10, 0x5bd1e995) ^ (b >>> 13)
    }
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i)
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
    }
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** The XML of Zongjie's custom part: the Summary JSON, with the digest of the text it was written with. */
export function summaryPartXml(summaryJson: string, digest: string): string {
  return summaryPartPieces(summaryJson, digest).join('')
}

/**
 * {@link summaryPartXml} in the three pieces it is joined from: the declaration and the root's
 * start tag, the JSON escaped, the end tag. A writer can encode them one by one, without first
 * copying the JSON (a megabyte in a long summary) into one string.
 */
export function summaryPartPieces(summaryJson: string, digest: string): [string, string, string] {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<summary xmlns="${summaryNamespace}" version="${summaryPartVersion}" digest="${escapeXml(digest)}">`,
    escapeJsonForXml(summaryJson),
    '</summary>',
  ]
}
