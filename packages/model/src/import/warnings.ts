/**
 * A change the importer made to the text it read, or a guess it had to take, with the line (from 1)
 * it concerns. Every change is reported, so a writer can check it.
 */
export interface ImportWarning {
  /** The line of the input, from 1. */
  line: number
  /** A stable code: see {@link ImportWarningCode}. */
  code: ImportWarningCode
  /** What was changed, in words the writer reads (Chinese). */
  message: string
}

/**
 * The kinds of change the importer reports:
 * - `bracket-width`: a half-width bracket in a heading number made full-width (`(二)` → `（二）`);
 * - `number-punctuation`: `1．` or `1、` made `1.`;
 * - `number-repaired`: a heading number that did not follow its place, renumbered;
 * - `format-unified`: a heading whose number format differed from its siblings', given theirs;
 * - `heading-promoted`: a lower-level heading with no `一、` above it, made a `一、` section; or a
 *   summary with no `一、` heading read with its highest headings (`1.` …) as `一、` sections, every
 *   level under them one up (reported once, at the first);
 * - `ordinal-repaired`: a work-item ordinal out of sequence (`二是…二是`), renumbered;
 * - `line-dropped`: a line above the title that is not part of the summary (an advertisement, a source line);
 * - `control-characters`: control characters (a bell, a vertical tab) removed from a line of text;
 * - `digit-width`: a metric written in full-width digits (`１２０名`, `３．５万元`) read half-width
 *   (`120名`, `3.5万元`), as GB/T 15835 writes Arabic numerals;
 * - `suggestion-accepted`: a suggestion (修订) of the file that the document cannot keep as one (it
 *   falls into a heading's number or a work item's ordinal, or joins or splits paragraphs), accepted.
 */
export type ImportWarningCode =
  | 'bracket-width'
  | 'number-punctuation'
  | 'number-repaired'
  | 'format-unified'
  | 'heading-promoted'
  | 'ordinal-repaired'
  | 'line-dropped'
  | 'control-characters'
  | 'digit-width'
  | 'suggestion-accepted'
