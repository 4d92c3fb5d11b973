import { formatSectionNumber, headingMark, sectionFormats, type SectionFormat } from '@zongjie/model'

/**
 * Numbers for headings that Word shows without one. A writer who sets a paragraph in a heading
 * style (`heading 1`, `标题 2` …, or a style with an outline level) and neither types its number
 * nor lets a Word list number it still means a numbered heading: the reader gives it the number of
 * its level (`heading 1` → `一、`, 2 → `（一）`, 3 → `1.`, 4 → `（1）`), counted like a list that
 * restarts below each higher heading, so that the model's importer reads it as the heading it is.
 * Headings below level 4 get none (the model has four levels).
 */

/** The model's number format for each heading level, 1 to 4. */
const levelFormats: readonly SectionFormat[] = [sectionFormats.section1, sectionFormats.section2, sectionFormats.section3, sectionFormats.section4]

/** The running counts of headings by level, for the numbers {@link HeadingNumbers.next} gives. */
export class HeadingNumbers {
  private readonly counts = [0, 0, 0, 0]

  /**
   * Counts a heading of `level` (1 to 9) and gives the number to put before it when it needs
   * one: when Word's list numbering does not apply to it (`numbered`: it names a list, even one
   * that shows no number) and its text does not start with a number. Levels below it start again.
   */
  next(level: number, text: string, numbered: boolean): string | null {
    if (level < 1 || level > levelFormats.length) return null
    const n = ++this.counts[level - 1]!
    for (let j = level; j < this.counts.length; j++) this.counts[j] = 0
    // A number the writer typed (`一、` `（一）` `(一)` `1．` …), as the model's importer reads it.
    if (numbered || headingMark(text.replace(/^[\s\u3000\u00a0\ufeff]+/, ''))) return null
    return formatSectionNumber(levelFormats[level - 1]!, n)
  }
}
