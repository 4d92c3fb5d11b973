import type { Node } from 'prosemirror-model'
import { schema, settledDoc, withoutCommentMarks } from '@zongjie/model'

/**
 * What a reviewer may not change in a summary: the summary as it reads with every suggestion
 * rejected, without comment marks and with no comment threads or suggestion entries. Comments and
 * suggestions (an insertion, a deletion, a modification, each with its entry) leave it as it is;
 * a direct edit, or accepting a suggestion, does not.
 */
export function reviewedBase(doc: Node): Node {
  const bare = withoutCommentMarks(settledDoc(doc, false), () => true)
  return schema.nodes.doc!.create({ ...bare.attrs, comments: [], suggestions: [] }, bare.content)
}

/** Whether going from `before` to `after` changes more than a reviewer may (see {@link reviewedBase}); any failure to tell counts as a change. */
export function changesReviewedBase(before: Node | null, after: Node | null): boolean {
  if (!before || !after) return before !== after
  try {
    return !reviewedBase(before).eq(reviewedBase(after))
  } catch {
    return true
  }
}
