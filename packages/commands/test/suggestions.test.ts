import { describe, it, expect } from 'vitest'
import { EditorState, TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { chainCommands, joinBackward, joinForward } from 'prosemirror-commands'
import type { Node } from 'prosemirror-model'
import { suggestionAnchor, importText, toSummary, fromSummary, toText, toHTML, validate, settledDoc, type CommentAuthor } from '@zongjie/model'
import {
  suggestTransaction,
  suggesting,
  acceptSuggestion,
  rejectSuggestion,
  acceptAll,
  rejectAll,
  suggestionsIn,
  insertSection,
  paragraphToSection,
  paragraphToSectionIn,
  demoteSection,
  promoteSection,
  moveSectionUp,
  moveSectionDown,
  paragraphsToWorkItems,
  workItemsToParagraphs,
  joinAdjacentWorkItems,
  fillField,
  splitHeading,
  deleteAtBlockEnd,
  backspaceAtBlockStart,
  settleRunInTitles,
  deleteAcrossParts,
  deletionKeepsParts,
  headlessSections,
  takeApartSectionsWith,
  refusalOf,
} from '../src/index.ts'
import { demoteSectionReversibly, promoteSectionReversibly } from '../src/section-shifts.ts'
import { splitBlock } from 'prosemirror-commands'
import { rangeOf } from './ranges.ts'

const text = ['2024年上半年工作总结', '', '上半年，我们坚持以党建为引领。', '一、强化政治引领', '全面学习理论，开展轮训。', '共培训X名干部。', '二、夯实基层基础', '按期换届。', '三、推进重点工作', '完成改造。', ''].join('\n')

const kezhang = { id: 'u1', name: '王科长', role: '科长' }
const other = { id: 'u2', name: '李四' }
const t1 = '2024-07-08T09:30:00+08:00'


function start(): EditorState {
  return EditorState.create({ doc: importText(text).doc })
}

/** Runs `edit` on `state` twice: plainly and as suggestions by `author`; gives both states. */
function both(state: EditorState, edit: (s: EditorState) => Transaction, author: CommentAuthor = kezhang) {
  const plain = state.apply(edit(state))
  const suggested = state.apply(suggestTransaction(state, edit(state), author, t1)!)
  return { plain, suggested }
}

function run(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

/** Checks a suggested state: valid, round-trips through Summary JSON, accepting gives `plain`, rejecting gives `original`. */
function checkSettles(original: Node, suggested: EditorState, plain: Node) {
  suggested.doc.check()
  const json = toSummary(suggested.doc)
  expect(json.version).toBe(2)
  expect(fromSummary(JSON.parse(JSON.stringify(json))).eq(suggested.doc)).toBe(true)
  validate(suggested.doc)
  expect(run(suggested, acceptAll()).doc.eq(plain)).toBe(true)
  expect(run(suggested, rejectAll()).doc.eq(original)).toBe(true)
}

/** A state with the cursor at `pos`. */
function at(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

/** The position of the section whose heading reads `title`. */
function sectionAt(doc: Node, title: string): { pos: number; node: Node } {
  let found: { pos: number; node: Node } | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.type.name.startsWith('section') && node.firstChild!.textContent === title) found = { pos, node }
    return !found
  })
  if (!found) throw new Error(`no section "${title}"`)
  return found
}

const sectionTitles = (doc: Node) => toSummary(doc).sections.map((s) => `${s.number}${s.title}`)

describe('suggestions (修订)', () => {
  it('typing inside a word is an insertion by its author', () => {
    const s = start()
    const pos = rangeOf(s.doc, '学习').from + 1
    const { plain, suggested } = both(s, (st) => st.tr.insertText('深入', pos))
    expect(suggestionsIn(suggested.doc).map((x) => [x.kind, x.text, x.suggestion.author.name, x.suggestion.time])).toEqual([['insert', '深入', '王科长', t1]])
    expect(toText(suggested.doc)).toContain('全面学深入习理论')
    expect(toText(suggested.doc, { suggestions: 'original' })).toContain('全面学习理论')
    const run = toSummary(suggested.doc).sections[0]!.body[0]
    expect(run).toMatchObject({ type: 'paragraph', runs: [{ text: '全面学' }, { text: '深入', inserted: 's1' }, { text: '习理论，开展轮训。' }] })
    checkSettles(s.doc, suggested, plain.doc)
  })

  it('deleting across two paragraphs keeps the text, marked deleted, until accepted; accepting joins them', () => {
    const s = start()
    const from = rangeOf(s.doc, '开展轮训').from
    const to = rangeOf(s.doc, '共培训').to
    const { plain, suggested } = both(s, (st) => st.tr.delete(from, to))
    expect(suggestionsIn(suggested.doc).map((x) => [x.kind, x.text])).toEqual([['delete', '开展轮训。共培训']])
    expect(toSummary(suggested.doc).sections[0]!.body).toHaveLength(2)
    expect(toText(suggested.doc)).toContain('全面学习理论，X名干部。')
    checkSettles(s.doc, suggested, plain.doc)
    expect(toSummary(run(suggested, acceptAll()).doc).sections[0]!.body).toHaveLength(1)
  })

  it('deleting a whole section marks the block; accepting renumbers the sections after it', () => {
    const s = start()
    const { pos, node } = sectionAt(s.doc, '夯实基层基础')
    const { plain, suggested } = both(s, (st) => st.tr.delete(pos, pos + node.nodeSize))
    const json = toSummary(suggested.doc)
    expect(json.suggestions).toEqual([{ id: 's1', author: kezhang, time: t1, kind: 'delete', blocks: [{ path: '$.sections[1]', mark: 'deletion' }] }])
    expect(sectionTitles(suggested.doc)).toEqual(['一、强化政治引领', '二、夯实基层基础', '三、推进重点工作'])
    checkSettles(s.doc, suggested, plain.doc)
    expect(sectionTitles(run(suggested, acceptAll()).doc)).toEqual(['一、强化政治引领', '二、推进重点工作'])
  })

  it('inserting a new section (insertSection, paragraphToSection) is an insertion of the block', () => {
    const s = at(start(), rangeOf(start().doc, '按期换届').from)
    const suggested = run(s, suggesting(insertSection(1), kezhang, t1))
    expect(suggestionsIn(suggested.doc).map((x) => x.kind)).toEqual(['insert'])
    expect(toSummary(suggested.doc).suggestions![0]!.blocks).toEqual([{ path: '$.sections[2]', mark: 'insertion' }])
    expect(sectionTitles(suggested.doc)).toEqual(['一、强化政治引领', '二、夯实基层基础', '三、', '四、推进重点工作'])
    checkSettles(s.doc, suggested, run(s, insertSection(1)).doc)

    const p = at(start(), rangeOf(start().doc, '共培训').from)
    const made = run(p, suggesting(paragraphToSection(2), kezhang, t1))
    expect(suggestionsIn(made.doc).length).toBeGreaterThan(0)
    checkSettles(p.doc, made, run(p, paragraphToSection(2)).doc)
  })

  it('a block inserted whole with the caret in it (the body started after a run-in heading, a new section) keeps the caret in it', () => {
    const s = start()
    const { pos, node } = sectionAt(s.doc, '夯实基层基础')
    const after = pos + 1 + node.firstChild!.nodeSize
    const body = (st: EditorState) => {
      const tr = st.tr.insert(after, st.schema.nodes.paragraph!.create())
      return tr.setSelection(TextSelection.create(tr.doc, after + 1))
    }
    const { plain, suggested } = both(s, body)
    expect(suggested.selection.from).toBe(plain.selection.from)
    expect(suggested.selection.$from.parent.type.name).toBe('paragraph')
    expect(suggested.doc.nodeAt(after)!.marks.map((m) => m.type.name)).toEqual(['insertion'])
    checkSettles(s.doc, suggested, plain.doc)

    const p = at(s, rangeOf(s.doc, '按期换届').from)
    const made = run(p, suggesting(insertSection(1), kezhang, t1))
    expect(made.selection.$from.parent.type.name).toBe('heading')
    expect(made.selection.from).toBe(run(p, insertSection(1)).selection.from)
  })

  it('a paragraph made a work item, or a list made paragraphs, keeps the caret in the words it was in, in the block suggested', () => {
    const listed = ['2024年上半年工作总结', '开头。', '一、强化政治引领', '全面学习理论。', '一是抓学习；', '二是抓制度；', '三是抓落实。'].join('\n')
    for (const [needle, command] of [
      ['全面学习', paragraphsToWorkItems],
      ['抓制度', workItemsToParagraphs],
    ] as const) {
      const s0 = EditorState.create({ doc: importText(listed).doc })
      const s = at(s0, rangeOf(s0.doc, needle).from + 2)
      const plain = run(s, command)
      const suggested = run(s, suggesting(command, kezhang, t1))
      const { $head } = suggested.selection
      // Not at the start of the blocks kept as deleted: where the writer was, in the block suggested in their place.
      expect([$head.parent.type.name, $head.parent.textContent.slice(0, $head.parentOffset)]).toEqual([plain.selection.$head.parent.type.name, plain.selection.$head.parent.textContent.slice(0, plain.selection.$head.parentOffset)])
      const around = Array.from({ length: $head.depth }, (_, d) => $head.node(d + 1).marks.map((m) => m.type.name)).flat()
      expect(around).toContain('insertion')
      expect(around).not.toContain('deletion')
      checkSettles(s.doc, suggested, plain.doc)
    }
  })

  it('a paragraph right after a list made a work item is the list\'s next item (三是), as suggested and as accepted', () => {
    const listed = ['2024年上半年工作总结', '开头。', '一、强化政治引领', '一是抓学习；', '二是抓制度；', '抓落实。', '二、夯实基层基础', '按期换届。'].join('\n')
    const s0 = EditorState.create({ doc: importText(listed).doc })
    const s = at(s0, rangeOf(s0.doc, '抓落实').from + 1)
    // Made plainly, the two lists side by side are joined as the editor joins them.
    const made = run(s, paragraphsToWorkItems)
    const plain = made.apply(joinAdjacentWorkItems(made, [[0, made.doc.content.size]])!)
    const suggested = run(s, suggesting(paragraphsToWorkItems, kezhang, t1))
    for (const doc of [plain.doc, suggested.doc]) expect(toText(doc)).toContain('一是抓学习；\n二是抓制度；\n三是抓落实。\n')
    expect([suggested.selection.$head.parent.type.name, suggested.selection.$head.parent.textContent.slice(0, suggested.selection.$head.parentOffset)]).toEqual(['workItem', '抓'])
    checkSettles(s.doc, suggested, plain.doc)
  })

  it('demoting and promoting a section are one structure suggestion each', () => {
    const s = at(start(), rangeOf(start().doc, '夯实基层基础').from)
    const demoted = run(s, suggesting(demoteSection, kezhang, t1))
    expect(suggestionsIn(demoted.doc).map((x) => x.kind)).toEqual(['structure'])
    expect(sectionTitles(demoted.doc)).toEqual(['一、强化政治引领', '二、推进重点工作'])
    expect(toSummary(demoted.doc).sections[0]!.sections.map((x) => x.number + x.title)).toEqual(['（一）夯实基层基础'])
    checkSettles(s.doc, demoted, run(s, demoteSection).doc)

    const back = at(demoted, rangeOf(demoted.doc, '按期换届').from)
    const promoted = run(back, suggesting(promoteSection, other, t1))
    expect(suggestionsIn(promoted.doc).map((x) => [x.kind, x.suggestion.author.id]).sort()).toEqual([['structure', 'u1'], ['structure', 'u2']])
    expect(sectionTitles(promoted.doc)).toEqual(['一、强化政治引领', '二、夯实基层基础', '三、推进重点工作'])
    checkSettles(s.doc, promoted, settledDoc(run(back, promoteSection).doc))
    // Rejecting the later one gives the demoted draft back, with the earlier one still standing.
    const undone = run(promoted, rejectSuggestion('s2'))
    expect(undone.doc.eq(demoted.doc)).toBe(true)
    expect(run(undone, rejectAll('u1')).doc.eq(s.doc)).toBe(true)
  })

  it('moving a section up or down is one structure suggestion, the caret staying where it was in the moved section', () => {
    for (const [needle, move, titles] of [
      ['夯实基层基础', moveSectionUp, ['一、夯实基层基础', '二、强化政治引领', '三、推进重点工作']],
      ['夯实基层基础', moveSectionDown, ['一、强化政治引领', '二、推进重点工作', '三、夯实基层基础']],
    ] as const) {
      const s = at(start(), rangeOf(start().doc, needle).from + 2)
      const plain = run(s, move)
      const moved = run(s, suggesting(move, kezhang, t1))
      // Not a deletion of both sections and an insertion of both again: one change of structure, each section shown once.
      expect(suggestionsIn(moved.doc).map((x) => x.kind)).toEqual(['structure'])
      expect(sectionTitles(moved.doc)).toEqual(titles)
      expect(moved.selection.from).toBe(plain.selection.from)
      expect(moved.selection.$from.parent.textContent).toBe(needle)
      checkSettles(s.doc, moved, plain.doc)
    }
  })

  it('a section demoted and promoted back, or moved up and down again, by the same author leaves no suggestion: the summary as it was', () => {
    for (const [there, back] of [
      [demoteSection, promoteSection],
      [promoteSection, demoteSection],
      [moveSectionUp, moveSectionDown],
      [moveSectionDown, moveSectionUp],
    ] as const) {
      const s = at(start(), rangeOf(start().doc, '夯实基层基础').from + 1)
      const s2 = there === promoteSection ? run(s, demoteSection) : s
      const gone = run(s2, suggesting(there, kezhang, t1))
      expect(suggestionsIn(gone.doc).map((x) => x.kind)).toEqual(['structure'])
      const returned = run(gone, suggesting(back, kezhang, t1))
      expect(suggestionsIn(returned.doc)).toEqual([])
      expect(returned.doc.eq(s2.doc)).toBe(true)
      expect(returned.selection.$head.parent.textContent).toBe('夯实基层基础')
    }
  })

  it('Shift-Tab then Tab gives back what was there: the promotion suggested, then taken back, no suggestion left', () => {
    const subsections = ['2024年上半年工作总结', '', '上半年，我们坚持以党建为引领。', '一、强化政治引领', '（一）甲项工作', '甲正文。', '（二）乙项工作', '乙正文。', '（三）丙项工作', '丙正文。', '二、夯实基层基础', '按期换届。', ''].join('\n')
    const s = EditorState.create({ doc: importText(subsections).doc })
    const original = at(s, rangeOf(s.doc, '乙正文').from + 1)
    // The editor's view: its dispatch makes the edit a suggestion (as suggestion mode does) and shows it.
    const view = {
      state: original,
      dispatch(tr: Transaction) {
        view.state = view.state.apply(suggestTransaction(view.state, tr, kezhang, t1)!)
      },
    }
    const key = (command: Command) => expect(command(view.state, view.dispatch, view as never)).toBe(true)
    key(promoteSectionReversibly)
    expect(sectionTitles(view.state.doc)).toEqual(['一、强化政治引领', '二、乙项工作', '三、夯实基层基础'])
    expect(suggestionsIn(view.state.doc).map((x) => x.kind)).toEqual(['structure'])
    key(demoteSectionReversibly)
    expect(suggestionsIn(view.state.doc)).toEqual([])
    expect(view.state.doc.eq(original.doc)).toBe(true)
    expect(view.state.selection.$head.parent.textContent).toBe('乙正文。')
  })

  it('typed over a selection from the opening into the first heading, or from a body into the next heading: every piece struck, headings too, the text inserted at its start, as few suggestions as settle right', () => {
    takeApartSectionsWith(headlessSections)
    for (const [from, to, expected] of [
      // Struck in the opening and in the heading, one suggestion: accepting it would join the opening to the heading.
      ['我们', '政治', [['insert', '新我们坚持以党建为引领。'], ['delete', '强化']]],
      ['开展', '基层', [['insert', '新开展轮训。共培训X名干部。夯实']]],
    ] as const) {
      const s0 = start()
      const s = s0.apply(s0.tr.setSelection(TextSelection.create(s0.doc, rangeOf(s0.doc, from).from, rangeOf(s0.doc, to).from)))
      // As the editor types over it: deleted across parts where ProseMirror's deletion would not keep them.
      const { plain, suggested } = both(s, (st) => (deletionKeepsParts(st) ? st.tr : deleteAcrossParts(st, true)).insertText('新'))
      expect(suggestionsIn(suggested.doc).map((x) => [x.kind, x.text])).toEqual(expected)
      // Nothing joined or taken away until accepted; the text where the selection began.
      expect(sectionTitles(suggested.doc)).toEqual(sectionTitles(s.doc))
      const $at = suggested.doc.resolve(s.selection.from)
      expect($at.nodeAfter!.text).toBe('新')
      expect($at.nodeAfter!.marks.map((m) => m.type.name)).toEqual(['insertion'])
      expect(suggested.selection.from).toBe(s.selection.from + 1)
      checkSettles(s.doc, suggested, plain.doc)
    }
  })

  it('an edit refused in suggestion mode is named by what it does: joining, splitting, moving, promoting or demoting', () => {
    const s = at(start(), rangeOf(start().doc, '夯实基层基础').from + 1)
    const edit = (command: Command, state = s) => {
      let tr: Transaction | null = null
      command(state, (t) => (tr = t))
      return refusalOf(state.doc, tr!.doc)
    }
    expect(edit(moveSectionUp)).toBe('move')
    expect(edit(moveSectionDown)).toBe('move')
    expect(edit(demoteSection)).toBe('shift')
    expect(edit(promoteSection, run(s, demoteSection))).toBe('shift')
    expect(edit(splitBlock)).toBe('split')
    // From the end of one section's body into the next heading, deleted as ProseMirror deletes it: the two sections joined.
    const across = s.apply(s.tr.setSelection(TextSelection.create(s.doc, rangeOf(s.doc, '干部。').to, rangeOf(s.doc, '基层').from)))
    expect(edit((st, dispatch) => (dispatch?.(st.tr.deleteSelection()), true), across)).toBe('join')
    expect(edit((st, dispatch) => (dispatch?.(st.tr.insertText('深入')), true))).toBe('other')
  })

  it("a metric's value changed is a field suggestion that keeps the old value", () => {
    const s = start()
    const metricPos = rangeOf(s.doc, '\ufffc').from
    const suggested = run(s, suggesting(fillField(metricPos, 30), kezhang, t1))
    expect(suggestionsIn(suggested.doc).map((x) => x.kind)).toEqual(['field'])
    const json = toSummary(suggested.doc)
    const runs = json.sections[0]!.body[1]!.type === 'paragraph' ? json.sections[0]!.body[1]!.runs! : []
    expect(runs[1]).toMatchObject({ metric: { value: 30 }, modified: [{ id: 's1', attr: 'value', previous: null, value: 30 }] })
    expect(json.metrics[0]!.value).toBe(30)
    checkSettles(s.doc, suggested, run(s, fillField(metricPos, 30)).doc)
  })

  it('accepts one, rejects another, accepts all of one author', () => {
    let s = start()
    const type = (st: EditorState, needle: string, text: string, author: CommentAuthor) => st.apply(suggestTransaction(st, st.tr.insertText(text, rangeOf(st.doc, needle).to), author, t1)!)
    s = type(s, '强化政治引领', '和思想', kezhang)
    s = type(s, '按期换届', '工作', other)
    s = type(s, '完成改造', '任务', kezhang)
    const ids = suggestionsIn(s.doc).map((x) => [x.suggestion.id, x.suggestion.author.id, x.text])
    expect(ids).toEqual([['s1', 'u1', '和思想'], ['s2', 'u2', '工作'], ['s3', 'u1', '任务']])

    const one = run(s, acceptSuggestion('s2'))
    expect(suggestionsIn(one.doc).map((x) => x.suggestion.id)).toEqual(['s1', 's3'])
    expect(toText(one.doc, { suggestions: 'original' })).toContain('按期换届工作。')
    const rejected = run(one, rejectSuggestion('s1'))
    expect(toText(rejected.doc)).toContain('一、强化政治引领\n')
    expect(suggestionsIn(rejected.doc).map((x) => x.suggestion.id)).toEqual(['s3'])
    expect(acceptSuggestion('s9')(rejected)).toBe(false)

    const byKezhang = run(s, acceptAll('u1'))
    expect(suggestionsIn(byKezhang.doc).map((x) => x.suggestion.id)).toEqual(['s2'])
    expect(toText(byKezhang.doc, { suggestions: 'original' })).toContain('强化政治引领和思想')
    expect(toText(byKezhang.doc, { suggestions: 'original' })).toContain('完成改造任务')
    expect(toText(byKezhang.doc, { suggestions: 'original' })).not.toContain('换届工作')
    expect(rejectAll('u2')(byKezhang)).toBe(true)
    expect(acceptAll('u3')(byKezhang)).toBe(false)
  })

  it("typing or deleting next to another author's suggestion is a suggestion of one's own; typing on one's own continues it", () => {
    let s = start()
    const insert = (st: EditorState, pos: number, text: string, author: CommentAuthor) => st.apply(suggestTransaction(st, st.tr.insertText(text, pos), author, t1)!)
    const remove = (st: EditorState, from: number, to: number, author: CommentAuthor) => st.apply(suggestTransaction(st, st.tr.delete(from, to), author, t1)!)
    s = insert(s, rangeOf(s.doc, '强化政治引领').to, '和思想', kezhang)
    // Right after the section head's insertion, and right before it.
    s = insert(s, rangeOf(s.doc, '和思想').to, '建设', other)
    s = insert(s, rangeOf(s.doc, '和思想').from, '全面', other)
    // The section head types on after his own words.
    s = insert(s, rangeOf(s.doc, '和思想').to, '引领', kezhang)
    // A deletion next to another author's deletion.
    s = remove(s, rangeOf(s.doc, '按期').from, rangeOf(s.doc, '按期').to, kezhang)
    s = remove(s, rangeOf(s.doc, '换届').from, rangeOf(s.doc, '换届').to, other)
    const listed = suggestionsIn(s.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])
    expect(listed).toEqual([
      ['insert', '全面', '李四'],
      ['insert', '和思想引领', '王科长'],
      ['insert', '建设', '李四'],
      ['delete', '按期', '王科长'],
      ['delete', '换届', '李四'],
    ])
    expect(toText(s.doc)).toContain('强化政治引领全面和思想引领建设')
    const kept = run(s, acceptAll('u2'))
    expect(toText(kept.doc, { suggestions: 'original' })).toContain('强化政治引领全面建设\n')
    expect(toText(run(s, rejectAll('u1')).doc)).toContain('强化政治引领全面建设\n')
  })

  it('a new paragraph typed as a suggestion and made a section (二、) is one insertion of the whole section, numbered, listed once', () => {
    const s0 = at(start(), rangeOf(start().doc, '开展轮训。').to)
    const steps = (st: EditorState) => {
      const split = st.apply(st.tr.split(st.selection.from))
      return split
    }
    // Plainly, and as suggestions by one author: Enter, type 新任务, make it a section.
    const plain0 = steps(s0)
    const plainTyped = plain0.apply(plain0.tr.insertText('新任务'))
    const plainTr = plainTyped.tr
    expect(paragraphToSectionIn(plainTr, plainTyped.selection.from, 1)).not.toBeNull()
    const plain = plainTyped.apply(plainTr)
    let s = s0.apply(suggestTransaction(s0, s0.tr.split(s0.selection.from), kezhang, t1)!)
    s = s.apply(suggestTransaction(s, s.tr.insertText('新任务'), kezhang, t1)!)
    const tr = s.tr
    expect(paragraphToSectionIn(tr, s.selection.from, 1)).not.toBeNull()
    const suggested = s.apply(suggestTransaction(s, tr, kezhang, t1)!)
    expect(sectionTitles(suggested.doc).map((t) => t.replace(suggestionAnchor, ''))).toEqual(['一、强化政治引领', '二、新任务', '三、夯实基层基础', '四、推进重点工作'])
    expect(suggestionsIn(suggested.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])).toEqual([['insert', '新任务', '王科长']])
    checkSettles(s0.doc, suggested, plain.doc)
    expect(sectionTitles(run(suggested, rejectAll()).doc)).toEqual(['一、强化政治引领', '二、夯实基层基础', '三、推进重点工作'])
  })

  it('text typed into the empty body paragraph one has just suggested (Enter at the end of a heading) goes on with that insertion: one suggestion', () => {
    const s0 = at(start(), rangeOf(start().doc, '强化政治引领').to)
    const typeOn = (st: EditorState) => ['新', '任务'].reduce((x, t) => x.apply(x.tr.insertText(t)), st)
    const plain = typeOn(run(s0, splitHeading))
    let s = run(s0, suggesting(splitHeading, kezhang, t1))
    for (const t of ['新', '任务']) s = s.apply(suggestTransaction(s, s.tr.insertText(t), kezhang, t1)!)
    expect(suggestionsIn(s.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])).toEqual([['insert', '新任务', '王科长']])
    expect(toSummary(s.doc).suggestions).toHaveLength(1)
    checkSettles(s0.doc, s, plain.doc)
    // Settled, no entry is left over for the back-end.
    const id = suggestionsIn(s.doc)[0]!.suggestion.id
    expect(toSummary(run(s, rejectSuggestion(id)).doc).suggestions).toBeUndefined()
    expect(toSummary(run(s, acceptSuggestion(id)).doc).suggestions).toBeUndefined()
  })

  it("settling a suggestion drops the entries of the suggestions whose text went with it (another author's words in a block rejected, or in a section whose deletion is accepted)", () => {
    // 王科长 suggests a body paragraph; 李四 types into it, a suggestion of his own.
    let s = at(start(), rangeOf(start().doc, '强化政治引领').to)
    s = run(s, suggesting(splitHeading, kezhang, t1))
    s = s.apply(suggestTransaction(s, s.tr.insertText('新任务'), other, t1)!)
    const [block, words] = suggestionsIn(s.doc)
    expect([block!.suggestion.author.id, words!.suggestion.author.id, words!.text]).toEqual(['u1', 'u2', '新任务'])
    const rejected = run(s, rejectSuggestion(block!.suggestion.id))
    expect(toText(rejected.doc)).toBe(toText(start().doc))
    expect(toSummary(rejected.doc).suggestions).toBeUndefined()

    // 王科长 suggests deleting a section; 李四 types into it; accepting the deletion takes his words away.
    let t = start()
    const { pos, node } = sectionAt(t.doc, '夯实基层基础')
    t = t.apply(suggestTransaction(t, t.tr.delete(pos, pos + node.nodeSize), kezhang, t1)!)
    t = t.apply(suggestTransaction(t, t.tr.insertText('如期', rangeOf(t.doc, '按期换届').to), other, t1)!)
    const deletion = suggestionsIn(t.doc).find((x) => x.kind === 'delete')!
    expect(suggestionsIn(t.doc).map((x) => [x.kind, x.suggestion.author.id])).toEqual([['delete', 'u1'], ['insert', 'u2']])
    const accepted = run(t, acceptSuggestion(deletion.suggestion.id))
    expect(sectionTitles(accepted.doc)).toEqual(['一、强化政治引领', '二、推进重点工作'])
    expect(toSummary(accepted.doc).suggestions).toBeUndefined()
  })

  it('words suggested and deleted again by their author leave no suggestion', () => {
    let s = start()
    const pos = rangeOf(s.doc, '学习').to
    s = s.apply(suggestTransaction(s, s.tr.insertText('深入', pos), kezhang, t1)!)
    s = s.apply(suggestTransaction(s, s.tr.delete(pos, pos + 2), kezhang, t1)!)
    expect(s.doc.eq(start().doc)).toBe(true)
    expect(toSummary(s.doc).suggestions).toBeUndefined()
  })

  it("another author's deletion of suggested words keeps them, inserted and deleted, for each suggestion to be settled on its own (as Word)", () => {
    const s0 = start()
    const pos = rangeOf(s0.doc, '学习').to
    const s1 = s0.apply(suggestTransaction(s0, s0.tr.insertText('深入系统', pos), kezhang, t1)!)
    // 李四 deletes 系统 of 王科长's 深入系统, and 理 of the text after it.
    const from = rangeOf(s1.doc, '系统').from
    const s = s1.apply(suggestTransaction(s1, s1.tr.delete(from, from + 3), other, t1)!)
    expect(suggestionsIn(s.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])).toEqual([
      ['insert', '深入系统', '王科长'],
      ['delete', '系统理', '李四'],
    ])
    const [insertion, deletion] = suggestionsIn(s.doc).map((x) => x.suggestion.id)
    expect(toText(s.doc)).toContain('全面学习深入论')
    expect(toText(s.doc, { suggestions: 'original' })).toContain('全面学习理论')
    const runs = toSummary(s.doc).sections[0]!.body[0]!
    expect(JSON.stringify(runs)).toContain(`{"text":"系统","inserted":"${insertion}","deleted":"${deletion}"}`)
    // Every suggestion accepted: 深入 in, 理 out; all rejected: the text as it was. Valid, through Summary JSON.
    checkSettles(s0.doc, s, s0.apply(s0.tr.insertText('深入', pos).delete(pos + 2, pos + 3)).doc)
    // 李四's deletion rejected: 王科长's insertion is back whole, still to be settled.
    expect(run(s, rejectSuggestion(deletion!)).doc.eq(s1.doc)).toBe(true)
    // Accepted: 系统 goes; 王科长's insertion is 深入.
    expect(suggestionsIn(run(s, acceptSuggestion(deletion!)).doc).map((x) => [x.kind, x.text])).toEqual([['insert', '深入']])
    // 王科长's insertion accepted: 系统 stays, 李四's deletion of it still to be settled.
    const kept = run(s, acceptSuggestion(insertion!))
    expect(suggestionsIn(kept.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])).toEqual([['delete', '系统理', '李四']])
    expect(toText(kept.doc, { suggestions: 'original' })).toContain('全面学习深入系统理论')
    // Rejected: 深入系统 goes, and with it what 李四 deleted of it; 理 is still his deletion.
    const rejected = run(s, rejectSuggestion(insertion!))
    expect(suggestionsIn(rejected.doc).map((x) => [x.kind, x.text])).toEqual([['delete', '理']])
    expect(toText(rejected.doc, { suggestions: 'original' })).toContain('全面学习理论')
    // 王科长 deleting his own words, 李四's deletion of them included, simply takes them away.
    const own = s.apply(suggestTransaction(s, s.tr.delete(pos, pos + 4), kezhang, t1)!)
    expect(toText(own.doc, { suggestions: 'original' })).toContain('全面学习理论')
    expect(suggestionsIn(own.doc).map((x) => [x.kind, x.text])).toEqual([['delete', '理']])
  })

  it("typing inside or over another author's suggested words is a suggestion of one's own; deleting them key after key is one deletion", () => {
    const s0 = start()
    const pos = rangeOf(s0.doc, '学习').to
    const s1 = s0.apply(suggestTransaction(s0, s0.tr.insertText('深入系统', pos), kezhang, t1)!)
    const listed = (st: EditorState) => suggestionsIn(st.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])
    // 李四 types inside 王科长's words.
    const inside = s1.apply(suggestTransaction(s1, s1.tr.insertText('和', pos + 2), other, t1)!)
    expect(listed(inside)).toEqual([['insert', '深入系统', '王科长'], ['insert', '和', '李四']])
    // 李四 types over 入系: his replacement, 王科长's words kept under it.
    const over = s1.apply(suggestTransaction(s1, s1.tr.insertText('化', pos + 1, pos + 3), other, t1)!)
    expect(listed(over)).toEqual([['insert', '深入系统', '王科长'], ['insert', '入系化', '李四']])
    expect(toText(over.doc)).toContain('学习深化统理论')
    expect(toText(run(over, rejectAll('u2')).doc)).toContain('学习深入系统理论')
    // 李四 deletes 统, then 系, one key after another: one deletion.
    let keys = s1.apply(suggestTransaction(s1, s1.tr.delete(pos + 3, pos + 4), other, t1)!)
    keys = keys.apply(suggestTransaction(keys, keys.tr.delete(pos + 2, pos + 3), other, t1)!)
    expect(listed(keys)).toEqual([['insert', '深入系统', '王科长'], ['delete', '系统', '李四']])
  })

  it('text typed inside words suggested deleted is an insertion only, never struck out with them: accepted, it stays', () => {
    const s0 = start()
    const { from, to } = rangeOf(s0.doc, '学习')
    const s1 = s0.apply(suggestTransaction(s0, s0.tr.delete(from, to), kezhang, t1)!)
    const listed = (st: EditorState) => suggestionsIn(st.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])
    for (const author of [other, kezhang]) {
      // Between 学 and 习, as a key or an input method puts it: with the marks of the text before it.
      const typed = s1.apply(suggestTransaction(s1, s1.tr.insertText('深入', from + 1), author, t1)!)
      let deletedTyped = false
      typed.doc.descendants((node) => {
        if (node.isText && node.text!.includes('深') && node.marks.some((m) => m.type.name === 'deletion')) deletedTyped = true
      })
      expect(deletedTyped).toBe(false)
      // 李四's words his own suggestion; 王科长's go on with his deletion there, one replacement
      // (kind `insert`: accepted, it puts words in, not only takes them out).
      if (author === other) expect(listed(typed)).toEqual([['delete', '学习', '王科长'], ['insert', '深入', '李四']])
      else expect(listed(typed).map(([kind, text]) => [kind, text])).toEqual([['insert', '学深入习']])
      expect(toText(typed.doc)).toContain('全面深入理论')
      expect(toText(run(typed, acceptAll()).doc)).toContain('全面深入理论')
      expect(toText(run(typed, rejectAll()).doc)).toContain('全面学习理论')
    }
  })

  it('text typed inside words suggested deleted goes in where the caret is, not after them', () => {
    const s0 = start()
    const { from, to } = rangeOf(s0.doc, '学习理论')
    const s1 = s0.apply(suggestTransaction(s0, s0.tr.delete(from, to), other, t1)!)
    const s2 = at(s1, from + 2)
    const typed = s2.apply(suggestTransaction(s2, s2.tr.insertText('深入'), kezhang, t1)!)
    const runs = toSummary(typed.doc).sections[0]!.body[0]
    expect(runs).toMatchObject({ type: 'paragraph', runs: [{ text: '全面' }, { text: '学习', deleted: 's1' }, { text: '深入', inserted: 's2' }, { text: '理论', deleted: 's1' }, { text: '，开展轮训。' }] })
    expect(typed.selection.from).toBe(from + 4)
    expect(suggestionsIn(typed.doc).map((x) => [x.kind, x.suggestion.author.name])).toEqual([['delete', '李四'], ['insert', '王科长']])
    expect(toText(run(typed, acceptAll()).doc)).toContain('全面深入，开展轮训。')
    expect(toText(run(typed, rejectAll()).doc)).toContain('全面学习理论，开展轮训。')
  })

  // Backspace at the start of a paragraph suggests joining it to the one before; the caret is then
  // at the end of that one. What is typed there went nowhere: the edit was refused.
  it('Backspace at the start of a paragraph, then typing: the text goes in where the caret is, an insertion, and the join stays suggested', () => {
    const backspace = chainCommands(joinBackward, backspaceAtBlockStart)
    for (const [caret, typedAt] of [
      ['at the end of the paragraph before', (st: EditorState) => st.selection.from],
      ['at the start of the joined paragraph', (st: EditorState) => rangeOf(st.doc, '共培训').from - 1],
      ['at the start of its words', (st: EditorState) => rangeOf(st.doc, '共培训').from],
    ] as const) {
      const s0 = at(start(), rangeOf(start().doc, '共培训').from)
      const joined = run(s0, suggesting(backspace, kezhang, t1))
      expect(suggestionsIn(joined.doc).map((x) => x.kind), caret).toEqual(['delete'])
      let s = at(joined, typedAt(joined))
      for (const key of ['进', '一步']) {
        const tr = suggestTransaction(s, s.tr.insertText(key), kezhang, t1)
        expect(tr, caret).not.toBeNull()
        s = s.apply(tr!)
      }
      expect(toText(s.doc, { suggestions: 'original' }), caret).toContain('全面学习理论，开展轮训。\n共培训X名干部。')
      expect(suggestionsIn(s.doc).map((x) => [x.kind, x.text]), caret).toEqual([['delete', ''], ['insert', '进一步']])
      // Accepted: joined, the text where it was typed; rejected: as before.
      expect(toText(run(s, acceptAll()).doc), caret).toContain('全面学习理论，开展轮训。进一步共培训X名干部。')
      expect(run(s, rejectAll()).doc.eq(s0.doc), caret).toBe(true)
      // And the caret after the text, where typing goes on.
      expect(s.doc.textBetween(s.selection.from - 3, s.selection.from), caret).toBe('进一步')
    }
  })

  it("another author's deletion in a paragraph suggested whole keeps the paragraph and the words, marked deleted", () => {
    // 王科长 suggests a body paragraph 新任务 after a heading; 李四 deletes 任务 of it.
    const s0 = at(start(), rangeOf(start().doc, '强化政治引领').to)
    let s1 = run(s0, suggesting(splitHeading, kezhang, t1))
    s1 = s1.apply(suggestTransaction(s1, s1.tr.insertText('新任务'), kezhang, t1)!)
    const { from, to } = rangeOf(s1.doc, '任务')
    const s = s1.apply(suggestTransaction(s1, s1.tr.delete(from, to), other, t1)!)
    expect(suggestionsIn(s.doc).map((x) => [x.kind, x.text, x.suggestion.author.name])).toEqual([
      ['insert', '新任务', '王科长'],
      ['delete', '任务', '李四'],
    ])
    const plain = s0.apply(s0.tr.insert(rangeOf(s0.doc, '强化政治引领').to + 1, s0.doc.type.schema.nodes.paragraph!.create(null, s0.doc.type.schema.text('新'))))
    checkSettles(s0.doc, s, plain.doc)
    const [insertion, deletion] = suggestionsIn(s.doc).map((x) => x.suggestion.id)
    expect(run(s, rejectSuggestion(deletion!)).doc.eq(s1.doc)).toBe(true)
    expect(run(s, rejectSuggestion(insertion!)).doc.eq(s0.doc)).toBe(true)
    expect(toSummary(run(s, rejectSuggestion(insertion!)).doc).suggestions).toBeUndefined()
  })

  it('Delete at the end of a run-in title suggested: the text and the HTML read as with it accepted, the stop once', () => {
    const runIn = importText(['示范县民政局2024年上半年工作总结', '', '上半年，我局稳步推进各项工作。', '一、主要工作', '（一）加强管理。加大投入力度。', '完善制度。', ''].join('\n')).doc
    const s = at(EditorState.create({ doc: runIn }), rangeOf(runIn, '加强管理').to)
    // The Delete key: the editor's own join, else ProseMirror's.
    const suggested = run(s, suggesting(chainCommands(deleteAtBlockEnd, joinForward), kezhang, t1))
    expect(suggestionsIn(suggested.doc).map((x) => x.kind)).toEqual(['delete'])
    expect(toText(suggested.doc)).toContain('（一）加强管理加大投入力度。完善制度。\n')
    expect(toText(suggested.doc)).not.toContain('。。')
    expect(toText(suggested.doc, { suggestions: 'original' })).toBe(toText(runIn))
    // As the editor has it once the deletion is accepted (the title settled to its first sentence).
    let accept: Transaction | null = null
    acceptAll()(suggested, (tr) => (accept = tr))
    const accepted = suggested.apply(accept!)
    const settled = accepted.apply(settleRunInTitles([accept!], accepted)!)
    expect(toText(suggested.doc)).toBe(toText(settled.doc))
    expect(toHTML(suggested.doc, { review: false })).toBe(toHTML(settled.doc, { review: false }))
    // Until then the title stays as it was, its boundary with the body marked deleted.
    expect(toSummary(suggested.doc).sections[0]!.sections[0]!.title.replace(suggestionAnchor, '')).toBe('加强管理')
  })

  it('the validator judges the text with every suggestion accepted', () => {
    const s = start()
    const metricPos = rangeOf(s.doc, '\ufffc').from
    const filled = run(s, suggesting(fillField(metricPos, 30), kezhang, t1))
    expect(validate(s.doc).some((f) => f.code === 'metric-unfilled')).toBe(true)
    expect(validate(filled.doc).some((f) => f.code === 'metric-unfilled')).toBe(false)
  })

  it('HTML carries the suggestions for review, and the text with them accepted without', () => {
    const s = start()
    const { plain, suggested } = both(s, (st) => st.tr.insertText('深入', rangeOf(st.doc, '学习').from + 1))
    expect(toHTML(suggested.doc)).toMatch(/<ins class="zj-ins" data-suggestion="s1" data-author="[^"]+" data-time="[^"]+">深入<\/ins>/)
    expect(toHTML(suggested.doc)).toContain('<aside class="zj-suggestions"')
    expect(toHTML(suggested.doc, { review: false })).toBe(toHTML(plain.doc, { review: false }))
  })
})
