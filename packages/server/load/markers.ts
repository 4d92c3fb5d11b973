import * as Y from 'yjs'
import { sharedContent } from '../src/shared.ts'

/**
 * What a simulated writer types: one marker per keystroke, `[ww:ssss]`, the writer's number on the
 * document and its keystroke's number in base 36, always {@link markerLength} characters. Every
 * marker is inserted whole at a boundary between markers and deleted whole, so the typed text is
 * nothing but markers, each found again by its characters: in what another client receives (its
 * latency) and in the final documents (nothing lost).
 */
export const markerLength = 9

/** The marker of a writer's keystroke. */
export function marker(writer: number, keystroke: number): string {
  if (writer >= 36 ** 2 || keystroke >= 36 ** 4) throw new RangeError('marker: at most 1296 writers a document and 1679616 keystrokes a writer')
  return `[${writer.toString(36).padStart(2, '0')}:${keystroke.toString(36).padStart(4, '0')}]`
}

const markerPattern = /\[[0-9a-z]{2}:[0-9a-z]{4}\]/g

/** The markers in a text, in order. */
export function markersIn(text: string): string[] {
  return text.match(markerPattern) ?? []
}

/**
 * The text writers type into: the Y.XmlText inside the opening's (preamble's) first paragraph;
 * null when the paragraph holds no text yet (a new document's opening paragraph is empty).
 */
export function typedText(ydoc: Y.Doc): Y.XmlText | null {
  const preamble = sharedContent(ydoc).get(1)
  if (!(preamble instanceof Y.XmlElement) || preamble.nodeName !== 'preamble') return null
  const paragraph = preamble.get(0)
  if (!(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph') return null
  const text = paragraph.get(0)
  return text instanceof Y.XmlText ? text : null
}

/** Gives an empty opening paragraph its text, as an editor does with the first character typed there. Throws when the document has no opening paragraph. */
export function makeTypedText(ydoc: Y.Doc): Y.XmlText {
  const existing = typedText(ydoc)
  if (existing) return existing
  const preamble = sharedContent(ydoc).get(1)
  const paragraph = preamble instanceof Y.XmlElement ? preamble.get(0) : null
  if (!(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph' || paragraph.length !== 0) {
    throw new Error('the document has no empty opening paragraph to type into')
  }
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  return text
}

/** The plain text of a Y.XmlText (its inserts joined; `toString` would write formatting as tags). */
export function plainText(text: Y.XmlText): string {
  let out = ''
  for (const op of text.toDelta() as { insert: unknown }[]) if (typeof op.insert === 'string') out += op.insert
  return out
}
