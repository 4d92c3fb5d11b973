/**
 * The acceptance property of suggestions (修订): an edit made as suggestions and then accepted is
 * the edit made plainly; rejected, it is no edit at all; in between, the document is a valid
 * summary that Summary JSON keeps exactly.
 */
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import { EditorState } from 'prosemirror-state'
import { Transform } from 'prosemirror-transform'
import { toSummary, fromSummary, validate, settleSuggestions } from '@zongjie/model'
import { suggestTransaction, acceptAll, rejectAll } from '../src/index.ts'
import { arbEdit, tryEdit, type Edit } from '../../model/test/edits.ts'
import { arbDoc, inlinePlaces } from '../../model/test/arbitrary.ts'

const schemaValid = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../model/summary.schema.json', import.meta.url), 'utf8')))

const author = { id: 'u1', name: '王科长', role: '科长' }
const time = '2024-07-08T09:30:00+08:00'

/**
 * The edits of the property: typing, deleting ranges of text (within a textblock, or from one
 * textblock into a later one of the same kind in the same part: across paragraphs, across work
 * items), splitting and joining blocks. A deletion across parts of different kinds is not
 * compared: ProseMirror's replace then rebuilds the structure around it (keeping emptied sections,
 * making paragraphs), which marks on the deleted content cannot say.
 */
const ops = new Set<Edit['op']>(['insertText', 'delete', 'split', 'join'])
const arbEdits = fc.array(arbEdit.filter((e) => ops.has(e.op)), { minLength: 1, maxLength: 3 })

/** Applies an edit to `tr` as the property has it: a deletion runs between two places where text can be. */
function edit(tr: Transform, e: Edit, other: import('prosemirror-model').Node): boolean {
  if (e.op !== 'delete') return tryEdit(tr, e, other)
  const places = inlinePlaces(tr.doc)
  const [a, b] = [places[e.from % places.length]!, places[e.to % places.length]!].sort((x, y) => x - y) as [number, number]
  const [$a, $b] = [tr.doc.resolve(a), tr.doc.resolve(b)]
  const alike = $a.parent.type === $b.parent.type && $a.depth === $b.depth && $a.node($a.depth - 1) === $b.node($b.depth - 1)
  return tryEdit(tr, { op: 'delete', from: a, to: alike ? b : $a.end() }, other)
}

function settleAll(state: EditorState, accept: boolean) {
  let out = state
  ;(accept ? acceptAll() : rejectAll())(state, (tr) => (out = state.apply(tr)))
  return out.doc
}

describe('suggestions: the acceptance property', () => {
  let tried = 0
  let refused = 0
  it('accepting gives the plain edits, rejecting the original, and both ways stay valid summaries', () => {
    fc.assert(
      fc.property(arbDoc, arbEdits, (doc, edits) => {
        let plain = doc
        let state = EditorState.create({ doc })
        let made = 0
        for (const e of edits) {
          // The edit as the writer sees it: on the text with every suggestion accepted, which is
          // the plain document so far; then the same step on the document with the suggestions.
          const attempt = new Transform(plain)
          if (!edit(attempt, e, doc) || attempt.steps.length !== 1) continue
          const settle = new Transform(state.doc)
          settleSuggestions(settle, () => true, true)
          expect(settle.doc.toJSON()).toEqual(plain.toJSON())
          const step = attempt.steps[0]!.map(settle.mapping.invert())
          if (!step) continue
          const tr = state.tr
          if (tr.maybeStep(step).failed) continue
          const rewritten = suggestTransaction(state, tr, author, time)
          tried++
          if (!rewritten) {
            refused++
            continue
          }
          state = state.apply(rewritten)
          plain = attempt.doc
          made++
          state.doc.check()
          const json = toSummary(state.doc)
          expect(schemaValid(json), JSON.stringify(schemaValid.errors)).toBe(true)
          expect(fromSummary(JSON.parse(JSON.stringify(json))).eq(state.doc)).toBe(true)
          validate(state.doc)
          const accepted = settleAll(state, true)
          accepted.check()
          expect(accepted.toJSON()).toEqual(plain.toJSON())
          expect(settleAll(state, false).toJSON()).toEqual(doc.toJSON())
        }
        fc.pre(made > 0)
      }),
      { numRuns: 300 },
    )
    // Refusals are the rare edits marks cannot say, never the common ones.
    expect(refused / tried).toBeLessThan(0.2)
  })
})
