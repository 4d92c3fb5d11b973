/**
 * How a Word file Zongjie wrote says which text is a blank (空白, the model's `blank`): the
 * blank's text in an inline content control (内容控件, `w:sdt`) whose title (`w:alias`) is the
 * blank's label and whose tag (`w:tag`) is {@link blankControlTag} of its placeholder. Word keeps
 * a content control, title and tag, as a writer types over its words, so that a file edited after
 * export still says where its blanks are, what they stand for and how they read unfilled.
 * (LibreOffice 7.4 keeps the control but not its tag: a file it saved again reads its blanks as
 * text, as before.)
 */

const prefix = 'zongjie:blank:'

/** The tag (`w:tag`) of a blank's content control: `zongjie:blank:` and its placeholder (`X`, `XX`). */
export function blankControlTag(placeholder: string): string {
  return prefix + placeholder
}

/** The placeholder a content control's tag says for its blank, or null for a tag that is no blank's. */
export function placeholderOfTag(tag: string | null): string | null {
  return tag !== null && tag.startsWith(prefix) ? tag.slice(prefix.length) : null
}
