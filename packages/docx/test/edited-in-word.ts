/**
 * A Word file as a writer leaves it after editing it in Word: the tests that change an exported
 * file's text do it through {@link editedInWord}, one edit of its `word/document.xml`.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'

/**
 * The file `docx` with its `word/document.xml` replaced by what `edit` makes of it (the rest of the
 * package as it was). Fails when the edit changes nothing, so that a test never reads an unedited
 * file believing it edited.
 */
export function editedInWord(docx: Uint8Array, edit: (documentXml: string) => string): Uint8Array {
  const files = unzipSync(docx)
  const xml = strFromU8(files['word/document.xml']!)
  const edited = edit(xml)
  if (edited === xml) throw new Error('the edit changed nothing in word/document.xml')
  files['word/document.xml'] = strToU8(edited)
  return zipSync(files)
}
