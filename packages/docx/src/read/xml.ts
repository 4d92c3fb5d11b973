/**
 * The little of an XML DOM the reader uses, and how it names WordprocessingML's elements.
 *
 * Parsers differ in what they make of namespaces: a browser's `DOMParser` gives `localName` `p`
 * for `<w:p>`, linkedom (no namespace processing) gives `w:p`. Both give the qualified name as
 * `nodeName`, so the reader works from qualified names: it finds the prefix that the part's root
 * element binds to the WordprocessingML namespace (usually `w`, but any prefix is allowed, and the
 * default namespace too) and builds the names it compares against from it.
 */

/**
 * A node of a parsed XML part: what the reader needs, which the browser's DOM nodes and
 * linkedom's both have. Children are walked with `firstChild` / `nextSibling` (linkedom builds a
 * new array for every `childNodes` read; the sibling links cost nothing in either).
 */
export interface XmlNode {
  /** 1 for an element, 3 for text, 4 for CDATA, 9 for a document. */
  readonly nodeType: number
  /** The qualified name of an element (`w:p`), `#text` for text. */
  readonly nodeName: string
  readonly firstChild: XmlNode | null
  readonly nextSibling: XmlNode | null
  /** All the text inside the node. */
  readonly textContent: string | null
  /** An attribute by its qualified name (`w:val`); `null` when absent. Elements only. */
  getAttribute?(name: string): string | null
  /** An element's attributes, namespace declarations included. */
  readonly attributes?: ArrayLike<{ readonly name: string; readonly value: string }> | null
}

/**
 * The caller's XML parser: in a browser `(x) => new DOMParser().parseFromString(x, 'application/xml')`,
 * in Node linkedom's `(x) => new DOMParser().parseFromString(x, 'text/xml')`. It returns the
 * document (or its root element).
 */
export type ParseXml = (xml: string) => XmlNode

/** WordprocessingML's namespace, transitional (what Word and WPS write). */
export const wordNamespace = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
/** WordprocessingML's namespace in Strict Open XML (Word's “Strict Open XML Document”). */
export const strictWordNamespace = 'http://purl.oclc.org/ooxml/wordprocessingml/main'
/** Markup Compatibility's namespace (`mc:AlternateContent`). */
export const compatibilityNamespace = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

const ELEMENT = 1

/** The root element of a parsed part (the node itself when the parser returned an element). */
export function rootElement(node: XmlNode): XmlNode | null {
  if (node.nodeType === ELEMENT) return node
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) return c
  return null
}

/** Whether a parsed part is a parser's error report rather than the part (browsers do not throw). */
export function isParseError(root: XmlNode): boolean {
  if (localName(root.nodeName) === 'parsererror') return true
  const first = firstElement(root)
  return first !== null && localName(first.nodeName) === 'parsererror'
}

/** The name after the prefix: `p` for `w:p`. */
export function localName(qualified: string): string {
  const colon = qualified.indexOf(':')
  return colon < 0 ? qualified : qualified.slice(colon + 1)
}

/** The first element child, or `null`. */
function firstElement(node: XmlNode): XmlNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT) return c
  return null
}

/**
 * The prefixes the element binds to one of the namespaces (`''` for the default namespace), from
 * its `xmlns` declarations.
 */
export function prefixesOf(element: XmlNode, namespaces: readonly string[]): string[] {
  const out: string[] = []
  const attrs = element.attributes
  if (!attrs) return out
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i]!
    if (!namespaces.includes(a.value)) continue
    if (a.name === 'xmlns') out.push('')
    else if (a.name.startsWith('xmlns:')) out.push(a.name.slice(6))
  }
  return out
}

/**
 * WordprocessingML's names in one part, built from the prefix its root binds to the namespace:
 * `local(node)` is `'p'` for a `w:p`, `attr(el, 'val')` reads `w:val`.
 */
export class WordNames {
  /** The element prefixes bound to the namespace (usually just `w`). */
  private readonly prefixSet: Set<string>
  private readonly attrPrefix: string | null
  private readonly alternateContent: string
  /** Qualified name → local name, `''` for names outside the namespace. */
  private readonly names = new Map<string, string>()

  constructor(root: XmlNode) {
    const bound = prefixesOf(root, [wordNamespace, strictWordNamespace])
    const prefixes = bound.length ? bound : ['w']
    this.prefixSet = new Set(prefixes)
    // Attributes need a prefix to be in the namespace; a part that binds only the default
    // namespace writes them unprefixed.
    this.attrPrefix = prefixes.find((p) => p !== '') ?? null
    const mc = prefixesOf(root, [compatibilityNamespace]).find((p) => p !== '') ?? 'mc'
    this.alternateContent = mc + ':AlternateContent'
  }

  /**
   * The local name of a WordprocessingML element (`p` for `w:p`), or `null` for any other node
   * (text, or an element of another namespace).
   */
  local(node: XmlNode): string | null {
    if (node.nodeType !== ELEMENT) return null
    const q = node.nodeName
    let local = this.names.get(q)
    if (local !== undefined) return local || null
    const colon = q.indexOf(':')
    const prefix = colon < 0 ? '' : q.slice(0, colon)
    local = this.prefixSet.has(prefix) ? q.slice(colon + 1) : ''
    this.names.set(q, local)
    return local || null
  }

  /** Whether the node is `mc:AlternateContent`. */
  isAlternateContent(node: XmlNode): boolean {
    return node.nodeType === ELEMENT && node.nodeName === this.alternateContent
  }

  /** A WordprocessingML attribute (`w:val` for `val`), `null` when absent. */
  attr(element: XmlNode, name: string): string | null {
    if (!element.getAttribute) return null
    if (this.attrPrefix !== null) {
      const v = element.getAttribute(this.attrPrefix + ':' + name)
      if (v !== null) return v
    }
    return element.getAttribute(name)
  }

  /** The first child element named `name`, or `null`. */
  child(element: XmlNode, name: string): XmlNode | null {
    for (let c = element.firstChild; c; c = c.nextSibling) if (this.local(c) === name) return c
    return null
  }

  /** `w:val` of the child element `name`, or `null` when there is no such child (or no value). */
  childVal(element: XmlNode, name: string): string | null {
    const c = this.child(element, name)
    return c ? this.attr(c, 'val') : null
  }

  /**
   * The branch of an `mc:AlternateContent` to read: the first `mc:Choice`, else the
   * `mc:Fallback`. Both say the same thing for different readers; reading one of them only keeps
   * their content from being read twice.
   */
  alternative(node: XmlNode): XmlNode | null {
    let fallback: XmlNode | null = null
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== ELEMENT) continue
      const l = localName(c.nodeName)
      if (l === 'Choice') return c
      if (l === 'Fallback') fallback = c
    }
    return fallback
  }
}

/**
 * The value of an on/off property (`<w:b/>`, `<w:b w:val="0"/>`): on unless `w:val` says
 * false, 0 or off.
 */
export function onOff(value: string | null): boolean {
  return value === null || !(value === '0' || value === 'false' || value === 'off')
}

/** A decimal attribute as an integer, or `null` when missing or not a number. */
export function integer(value: string | null): number | null {
  if (value === null) return null
  const n = Number.parseInt(value, 10)
  return Number.isFinite(n) ? n : null
}

/**
 * Whether the text of a part is well-formed as far as its markup goes: one root element, every
 * element closed, each end tag closing the element last opened (`<w:p>…</w:p>`), attribute values
 * quoted, declarations, comments and CDATA sections ended, nothing but those and spaces outside
 * the root. Not a validating parse (names, entities and characters are left to the parser): a
 * cheap check, one pass over the text, for what a lenient parser (linkedom's) reads without a
 * word, a part cut short or with a tag damaged, which it would read as a garbled or much shorter
 * document.
 */
export function isWellFormed(text: string): boolean {
  const open: string[] = []
  let rootDone = false
  // Where the next quote of each kind is (-2 not looked up yet, -1 none left), looked up again
  // only once passed, so that the pass stays linear.
  let dq = -2
  let sq = -2
  let end = -1
  let i = text.indexOf('<')
  while (i >= 0) {
    // Text outside the root: spaces only (a byte-order mark at the start).
    if (!open.length && /\S/.test(text.slice(end + 1, i).replace(/^\ufeff/, ''))) return false
    const next = text.charCodeAt(i + 1)
    if (next === 0x3f /* <? */) {
      end = text.indexOf('?>', i + 2)
      if (end < 0) return false
      end += 1
    } else if (next === 0x21 /* <! */) {
      if (text.startsWith('!--', i + 1)) {
        end = text.indexOf('-->', i + 4)
        if (end < 0) return false
        end += 2
      } else if (text.startsWith('![CDATA[', i + 1)) {
        end = text.indexOf(']]>', i + 9)
        if (end < 0 || !open.length) return false
        end += 2
      } else {
        // A document type declaration, `<!DOCTYPE x>` or `<!DOCTYPE x [ … ]>`, before the root.
        if (open.length || rootDone) return false
        end = text.indexOf('>', i + 2)
        const subset = text.indexOf('[', i + 2)
        if (subset >= 0 && subset < end) {
          const close = text.indexOf(']', subset)
          end = close < 0 ? -1 : text.indexOf('>', close)
        }
        if (end < 0) return false
      }
    } else if (next === 0x2f /* </ */) {
      end = text.indexOf('>', i + 2)
      if (end < 0 || open.pop() !== text.slice(i + 2, end).trimEnd()) return false
      if (!open.length) rootDone = true
    } else {
      // A start tag: its name, then its attributes up to the first `>` outside quotes.
      let n = i + 1
      for (let c = text.charCodeAt(n); c > 0x20 && c !== 0x3e /* > */ && c !== 0x2f /* / */; c = text.charCodeAt(++n));
      if (n === i + 1 || rootDone) return false
      const name = text.slice(i + 1, n)
      end = text.indexOf('>', n)
      for (;;) {
        if (end < 0) return false
        if (dq !== -1 && dq < n) dq = text.indexOf('"', n)
        if (sq !== -1 && sq < n) sq = text.indexOf("'", n)
        const q = dq >= 0 && dq < end && (sq < 0 || dq < sq) ? dq : sq >= 0 && sq < end ? sq : -1
        if (q < 0) break
        const close = text.indexOf(q === dq ? '"' : "'", q + 1)
        if (close < 0) return false
        n = close + 1
        if (end < n) end = text.indexOf('>', n)
      }
      if (text.charCodeAt(end - 1) === 0x2f /* /> */) {
        if (!open.length) rootDone = true
      } else open.push(name)
    }
    i = text.indexOf('<', end + 1)
  }
  return rootDone && !open.length && !/\S/.test(text.slice(end + 1))
}
