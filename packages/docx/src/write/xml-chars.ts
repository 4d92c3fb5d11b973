/**
 * Characters a Word file cannot hold. XML 1.0, which every part of a .docx is written in, has no
 * way to write the C0 control characters other than tab, line feed and carriage return, nor the
 * noncharacters U+FFFE and U+FFFF, not even as character references: one of them in a part, and
 * Word, WPS and LibreOffice refuse to open the whole file. They reach a summary with text pasted
 * from damaged files or converted by faulty tools, and are invisible there.
 */

/** The characters XML 1.0 cannot hold, and a surrogate without its other half. */
const notInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Whether text may hold a character of {@link notInXml}: one XML cannot hold, or a surrogate. */
const maybeNotInXml = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/

/**
 * Text as a Word file can hold it: the characters XML cannot hold left out, a surrogate without its
 * other half replaced by U+FFFD (�, which is what it would be written as anyway), so that what the
 * file says is what was written from.
 */
export function wordText(text: string): string {
  // Most text has none of them, nor any surrogate: told by one scan, without the look-arounds.
  if (!maybeNotInXml.test(text)) return text
  return text.replace(notInXml, (c) => (c.length === 1 && c >= '\ud800' && c <= '\udfff' ? '\ufffd' : ''))
}
