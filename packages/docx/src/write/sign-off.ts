import { characterPitch, signOffInset } from './layout.ts'

/**
 * How wide a text is set in a Chinese font, in characters (em): CJK characters, full-width forms and
 * the punctuation of U+2000 and above (“ ” — …, which the export sets in the CJK font too) one each;
 * Latin letters, digits and ASCII punctuation half.
 */
export function textWidthInCharacters(text: string): number {
  let width = 0
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    width += c < 0x2000 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1
  }
  return width
}

/** Where the sign-off's two lines end: the space kept free right of each, in twips. */
export interface SignOffPlacement {
  /** Right indent of the signing organisation (发文机关署名). */
  organizationRight: number
  /** Right indent of the date (成文日期). */
  dateRight: number
}

/**
 * The sign-off (落款) of a document without a seal, after GB/T 9704-2012 7.3.5.2: one blank line after
 * the text, the organisation set right with two characters free (右空二字); the date on the next line,
 * its first character two characters right of the organisation's first character (首字比署名首字右移二字);
 * when that would bring the date closer than two characters to the right edge (a date longer than the
 * organisation less two characters), the date keeps two characters free and the organisation moves
 * further in (相应增加发文机关署名右空字数), so that the date still starts two characters right of it.
 *
 * Both lines are set right-aligned with these right indents, which keeps a line from wrapping when a
 * font is wider than estimated; the first characters line up as far as {@link textWidthInCharacters}
 * estimates the widths (exactly for Chinese text; Arabic digits counted as half a character).
 */
export function signOffPlacement(organization: string, date: string): SignOffPlacement {
  const org = textWidthInCharacters(organization)
  const day = textWidthInCharacters(date)
  const organizationRight = Math.max(signOffInset, 2 * signOffInset + day - org)
  const dateRight = organizationRight + org - signOffInset - day
  return { organizationRight: Math.round(organizationRight * characterPitch), dateRight: Math.round(dateRight * characterPitch) }
}
