/**
 * The Summary JSON that a `.docx` written by Zongjie carries inside its package, so that importing
 * the file gives back exactly the summary it was made from. It is a custom XML part
 * (`customXml/itemN.xml`, which Word and WPS keep when they save) whose root element is
 * `<summary xmlns="urn:zongjie:summary" version="1" digest="…">` and whose text is the JSON.
 *
 * `digest` fingerprints the document's own text as it was written: the text of every paragraph
 * with text, in order. A reader computes the same fingerprint from what the file holds now; when
 * the two differ, the file was edited after export, and the document is read instead of the JSON.
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

/** Text escaped for XML element content only (quotes stay as they are: JSON is full of them). */
function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => xmlEscapes[c]!)
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
  const text = digestLines(paragraphs).join('\n')
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')
}

/** The XML of Zongjie's custom part: the Summary JSON, with the digest of the text it was written with. */
export function summaryPartXml(summaryJson: string, digest: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<summary xmlns="${summaryNamespace}" version="${summaryPartVersion}" digest="${escapeXml(digest)}">${escapeXmlText(summaryJson)}</summary>`
  )
}
