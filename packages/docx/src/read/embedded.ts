import { summaryNamespace } from '../embedded.ts'
import { localName, prefixesOf, type XmlNode } from './xml.ts'

/**
 * Reading back the Summary JSON that Zongjie's own exports carry in a custom XML part (see
 * `summaryPartXml`): the part whose root element is `summary` in the namespace
 * `urn:zongjie:summary`.
 */

/** The Summary JSON a file carries, and the digest of the text it was exported with. */
export interface EmbeddedSummary {
  /** The Summary JSON, as text. */
  json: string
  /** `textDigest` of the paragraphs' texts when the file was written. */
  digest: string
}

/** Whether an element is `summary` in Zongjie's namespace, however prefixed. */
function isSummaryRoot(root: XmlNode): boolean {
  const name = root.nodeName
  if (localName(name) !== 'summary') return false
  const colon = name.indexOf(':')
  const prefix = colon < 0 ? '' : name.slice(0, colon)
  return prefixesOf(root, [summaryNamespace]).includes(prefix)
}

/** The first of the custom parts' roots that is Zongjie's summary, or `null`. */
export function readEmbedded(roots: readonly XmlNode[]): EmbeddedSummary | null {
  for (const root of roots) {
    if (!isSummaryRoot(root)) continue
    return { json: root.textContent ?? '', digest: root.getAttribute?.('digest') ?? '' }
  }
  return null
}
