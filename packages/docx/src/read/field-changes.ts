import { Fragment, type Mark, type Node } from 'prosemirror-model'
import { schema, type Suggestion } from '@zongjie/model'
import { mapTextblocks } from './textblocks.ts'

/**
 * A field's value changed under review, as a Word file says it: Word has no change for a field,
 * so the export writes a suggestion that changes a metric's or a blank's value (a suggestion of
 * kind `field`) as the field's old text deleted and its new text inserted, side by side, by that
 * suggestion's author at its time (see `Revisions.modified` of the writer); and a reviewer who
 * types over a number in Word with 修订 on writes the same. Read back, that is a deleted field
 * followed by an inserted one, two suggestions; {@link withFieldChanges} makes them one field
 * again, its value changed by one suggestion, as the editor keeps it.
 */

/** The entry of a suggestion id, or of the id it was split from at a paragraph boundary (`w3.2`, see `importParagraphs`). */
export function entryOf(entries: ReadonlyMap<string, Suggestion>, id: string): Suggestion | undefined {
  return entries.get(id) ?? entries.get(id.replace(/\.\d+$/, ''))
}

/** The id of the mark of type `name` on a node, or null. */
function markId(node: Node, name: 'insertion' | 'deletion'): string | null {
  return (node.marks.find((m) => m.type.name === name)?.attrs.id as string | undefined) ?? null
}

/** How many nodes carry a mark of each suggestion id (`insertion`, `deletion`), text and blocks alike. */
function markedNodes(doc: Node): Map<string, number> {
  const out = new Map<string, number>()
  doc.descendants((node) => {
    for (const m of node.marks) {
      if (m.type.name !== 'insertion' && m.type.name !== 'deletion') continue
      const id = m.attrs.id as string
      out.set(id, (out.get(id) ?? 0) + 1)
    }
    return true
  })
  return out
}

/**
 * The field that `deleted` followed by `inserted` says, changed: a metric followed by a metric of
 * the same unit, the second with the first's attributes as its previous values; or an empty blank
 * (its placeholder `X`) followed by text on one line, the blank filled with that text. Null for
 * anything else, and when the two read the same.
 */
function changedField(deleted: Node, inserted: Node): { before: Node; after: Node } | null {
  const name = deleted.type.name
  try {
    if (name === 'metric' && inserted.type.name === 'metric' && deleted.attrs.unit === inserted.attrs.unit) {
      return { before: deleted, after: inserted }
    }
    if (name === 'blank' && deleted.attrs.value === null && inserted.isText && inserted.text!.trim() === inserted.text) {
      const after = schema.nodes.blank!.create({ ...deleted.attrs, value: inserted.text })
      after.check()
      return { before: deleted, after }
    }
  } catch {
    return null
  }
  return null
}

/**
 * One field changed by one suggestion (`id`): `after`, with the other marks of both (bold,
 * comments) and a `modification` for each attribute that differs from `before`, keeping the old
 * value; null when none does.
 */
function modifiedField(before: Node, after: Node, others: readonly Mark[], id: string): Node | null {
  let marks = others
  for (const attrName of Object.keys(after.attrs)) {
    const previousValue = before.attrs[attrName]
    const newValue = after.attrs[attrName]
    if (Object.is(previousValue, newValue)) continue
    marks = schema.marks.modification!.create({ id, type: 'attr', attrName, previousValue, newValue }).addToSet(marks)
  }
  return marks === others ? null : after.type.create(after.attrs, null, marks)
}

/**
 * A document in which each deleted field directly followed by an inserted one of the same kind
 * (a metric of the same unit; an empty blank, then the text it is filled with), each the whole of
 * its suggestion, the two suggestions by one author at one time (see `entries`), is one field
 * changed: the new one, marked as a change of its attributes (`modification`, keeping the old
 * value) by the deletion's suggestion, as the editor marks a field whose value a reviewer
 * changed. Accepting it keeps the new value, rejecting it gives back the old one, the field a
 * field either way. The insertion's suggestion goes (its entry is left out by `withSuggestions`).
 * The document itself when there is no such pair.
 */
export function withFieldChanges(doc: Node, entries: ReadonlyMap<string, Suggestion>): Node {
  let counts: Map<string, number> | null = null
  const oneSuggestion = (deletion: string, insertion: string) => {
    counts ??= markedNodes(doc)
    const a = entryOf(entries, deletion)
    const b = entryOf(entries, insertion)
    return counts.get(deletion) === 1 && counts.get(insertion) === 1 && a !== undefined && b !== undefined && a.author.id === b.author.id && Date.parse(a.time) === Date.parse(b.time)
  }
  const changed = (block: Node): Node | null => {
    const content: Node[] = []
    let any = false
    for (let i = 0; i < block.childCount; i++) {
      const child = block.child(i)
      const next = i + 1 < block.childCount ? block.child(i + 1) : null
      const deletion = markId(child, 'deletion')
      const insertion = next && markId(next, 'insertion')
      if (next && child.isAtom && deletion !== null && insertion && markId(child, 'insertion') === null && markId(next, 'deletion') === null && oneSuggestion(deletion, insertion)) {
        const pair = changedField(child, next)
        const others = [...child.marks, ...next.marks].filter((m) => m.type.name !== 'insertion' && m.type.name !== 'deletion').reduce((set: readonly Mark[], m) => m.addToSet(set), [])
        const field = pair && modifiedField(pair.before, pair.after, others, deletion)
        if (field) {
          content.push(field)
          any = true
          i++
          continue
        }
      }
      content.push(child)
    }
    return any ? block.copy(Fragment.fromArray(content)) : null
  }
  return mapTextblocks(doc, changed)
}
