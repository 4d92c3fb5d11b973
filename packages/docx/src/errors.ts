import { ImportError } from '@zongjie/model'

/**
 * Why a file could not be read as a Word document:
 * - `old-format`: an old binary Word or WPS file (`.doc`, `.wps`), an OLE container;
 * - `encrypted`: a `.docx` protected by a password (also an OLE container);
 * - `not-docx`: something else (a text file renamed, a zip without `word/document.xml`, …);
 * - `damaged`: a zip that is truncated or whose parts cannot be read;
 * - `too-large`: a part that would inflate past the limits (a zip bomb), refused before inflating.
 */
export type DocxErrorCode = 'old-format' | 'encrypted' | 'not-docx' | 'damaged' | 'too-large'

/**
 * A file that cannot be read as a Word document, with a message a writer can act on (Chinese, one
 * line, saying what to do: save as .docx, remove the password …). An {@link ImportError}, so that
 * every caller that reports the importer's errors reports these too.
 */
export class DocxError extends ImportError {
  override name = 'DocxError'
  /** What is wrong, as a stable code. */
  readonly code: DocxErrorCode
  constructor(code: DocxErrorCode, problem: string) {
    super(problem)
    this.code = code
  }
}
