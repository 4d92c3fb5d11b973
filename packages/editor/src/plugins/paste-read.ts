import type { Node } from 'prosemirror-model'
import { importText, importHTML } from '@zongjie/model/read'
import { ImportError, isTypedHeading, settledDoc } from '@zongjie/model'
import { parseDocument } from '../security/trusted-types.ts'

import { settleClosingIn, settleResolvedClosingIn, settleSectionRolesIn } from '@zongjie/commands/roles'
import { returnJoinedClausesIn } from '@zongjie/commands/run-in-clauses'
import { settleTypedRunInIn } from '@zongjie/commands/run-in-typed'
import { settleTypedJoinedItemsIn } from '@zongjie/commands/joined-items-typed'
import { headlessSections } from '@zongjie/commands/headless-sections'
import { takeApartSectionsWith } from '@zongjie/commands'
import { readPartsWith } from './run-in-titles.ts'
import { readTypedWith } from './input-rules.ts'
import { typedMetricTr } from '@zongjie/commands/metrics-typed'
import { shiftSectionsWith } from './keys.ts'
import { demoteSectionReversibly, promoteSectionReversibly } from '@zongjie/commands/section-shifts'

export { pasteSlice, insertImported } from '@zongjie/commands/paste'
export { withoutForeignComments, withoutSuggestions } from './pasted-marks.ts'
// A selection across blocks dragged and dropped goes in as a paste of it there would.
export { moveSelectionTr } from '@zongjie/commands/drag'

// A section whose heading a deletion across parts took whole, ending inside it, goes with its
// heading, what is left of it reading on under the section before (see `deleteAcrossParts`).
takeApartSectionsWith(headlessSections)

// Sections titled 存在的问题 or 下半年工作计划 as the writer types them take their roles, and a
// closing and a sign-off typed after the last section become the closing and the sign-off (also
// once accepted, wherever the caret is), read with the importer's wording, which comes with this
// module; a clause of the body joined to a run-in title goes back to the body.
readPartsWith({
  returnClauses: returnJoinedClausesIn,
  settleParts(tr, justSigned, edits, resolvedFrom) {
    // A heading typed on past its first stop is run-in first: the roles read its title.
    const runIn = settleTypedRunInIn(tr)
    // Work items typed run together on one line (`一是……；二是`) are a list, as the importer reads the line.
    const joined = settleTypedJoinedItemsIn(tr)
    const roles = settleSectionRolesIn(tr)
    const closing = resolvedFrom ? settleResolvedClosingIn(tr, resolvedFrom, justSigned, edits) : settleClosingIn(tr, justSigned, edits)
    return closing || roles || joined || runIn
  },
})

// Tab right after Shift-Tab gives back what was there.
shiftSectionsWith({ demote: demoteSectionReversibly, promote: promoteSectionReversibly })

// A number typed at the start of a paragraph makes a heading once the line reads as one, as the
// importer reads it (`1.5万`, `一、二季度` are sentences); a number and its unit typed in the text
// become a metric field, as the importer reads them (`120名，`).
readTypedWith(isTypedHeading, typedMetricTr)

/**
 * Reading what is pasted or dropped (粘贴): the model's importers of HTML and text, loaded on the
 * writer's first focus or paste (see `plugins/clipboard.ts`), since opening a summary needs none
 * of them; and the roles of the sections the writer titles, read with the importer's wording.
 */

const parseHTML = (html: string) => parseDocument(html, 'text/html')

/**
 * Reads pasted HTML or text into a document with the model's importers: a whole summary when the
 * editor is empty, otherwise a fragment (whose `（一）` headings keep their level, and whose
 * suggestions are accepted, see `withoutSuggestions`). `null` when there is nothing to read.
 */
export function readPasted(html: string, text: string, whole: boolean): { doc: Node; topRank: number } | null {
  const options = { fragment: !whole }
  try {
    // ProseMirror's own slices (copied from this editor) are left to ProseMirror: they are lossless.
    if (html && !/data-pm-slice/.test(html)) {
      const read = importHTML(html, parseHTML, options)
      // Suggestions (修订) in a summary's HTML come with it whole; into a draft, its text as proposed.
      return whole ? read : { ...read, doc: settledDoc(read.doc, true) }
    }
    if (text.trim()) return importText(text, options)
  } catch (e) {
    if (!(e instanceof ImportError)) throw e
  }
  return null
}
