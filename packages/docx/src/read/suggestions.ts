import type { Node } from 'prosemirror-model'
import type { Suggestion, SuggestionKind } from '@zongjie/model'
import { entryOf } from './field-changes.ts'

/**
 * The document with the file's suggestions (修订): an entry for each suggestion whose marks the
 * import kept (the others were accepted, or fell on text the import left out), in the order they
 * were made (by time; in reading order at the same time), each of the kind its marks say:
 * `field` when it changes a field's value (see `withFieldChanges`), `insert` when it inserts
 * anything (a field replaced whole inserts its new value and deletes the old one), `delete`
 * otherwise. A suggestion the import split at a paragraph boundary (`w3.2`, see
 * `importParagraphs`) takes the author and time of the one it came from.
 */
export function withSuggestions(doc: Node, entries: ReadonlyMap<string, Suggestion>): Node {
  const kinds = new Map<string, SuggestionKind>()
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const name = mark.type.name
      const id = mark.attrs.id as string
      if (name === 'modification') kinds.set(id, 'field')
      else if (name === 'insertion' || (name === 'deletion' && !kinds.has(id))) kinds.set(id, name === 'insertion' ? 'insert' : 'delete')
    }
    return true
  })
  if (!kinds.size) return doc
  const suggestions = [...kinds]
    .flatMap(([id, kind]) => {
      const entry = entryOf(entries, id)
      return entry ? [{ ...entry, id, kind }] : []
    })
    .map((s, i) => ({ s, i, t: Date.parse(s.time) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.s)
  return doc.type.create({ ...doc.attrs, suggestions }, doc.content, doc.marks)
}
