import type { ParseXml } from '@zongjie/docx/read'
import { DOMParser, parseHTML } from 'linkedom'

/**
 * Puts an HTML text into a whole `<html><head>…</head><body>…</body></html>` document. linkedom is
 * not an HTML5 parser: a fragment (`<h1>…</h1><p>…</p>`), a page without `<body>` or one with
 * only a doctype come out with an empty or missing body. Pages saved by browsers, Word or WPS need
 * none of this; hand-written and pasted HTML often does.
 */
export function wholeDocument(html: string): string {
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  const head = /<head(?:\s[^>]*)?>([\s\S]*?)<\/head\s*>/i.exec(text)?.[1] ?? ''
  const bodyMatch = /<body(?:\s[^>]*)?>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(text)
  let body: string
  if (bodyMatch) body = bodyMatch[1]!
  else {
    body = text
      .replace(/<!doctype[^>]*>/gi, '')
      .replace(/<head(?:\s[^>]*)?>[\s\S]*?<\/head\s*>/gi, '')
      .replace(/<\/?html(?:\s[^>]*)?>/gi, '')
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`
}

/**
 * The HTML parser given to the model's `importHTML`: linkedom's `parseHTML(h).document`, on the
 * text made a whole document first.
 */
export function parseDocument(html: string) {
  return parseHTML(wholeDocument(html)).document
}

/** The XML parser given to the Word reader (`@zongjie/docx`): linkedom's `DOMParser`, as XML. */
export const parseXml: ParseXml = (xml) => {
  return new DOMParser().parseFromString(xml, 'text/xml')
}
