import * as Y from 'yjs'
import type { Node } from 'prosemirror-model'
import { sharedContent, summaryOfShared } from './shared.ts'
import { loggable } from './log.ts'

/**
 * Repairs of a shared summary that two writers' concurrent changes, each valid on its own, left
 * out of the schema when Yjs merged them. Yjs orders concurrent insertions at one place by its
 * own rule and knows nothing of the schema, so a merge can give:
 *
 * - a section whose subsections are of two kinds: one writer added `（一）` under `一、` while
 *   another, offline or within the same instant, added `1.` there;
 * - a section with body text after its first subsection: one writer added a paragraph at the end
 *   of a section's body while another added its first subsection;
 * - a main-work section after 存在问题 or 工作计划: one writer added `三、` at the end of the main
 *   work while another added the problems section at the same place;
 * - two problems sections (or two plans sections): each writer added one.
 *
 * Each is put right with nothing of either writer's text lost: the subsections all take the
 * highest level among them (`1.` becomes `（二）` beside `（一）`; what they hold stays valid, a
 * lower level being allowed under a higher one), the body text goes back before the subsections,
 * the main-work sections before problems and plans, and a second problems (or plans) section
 * joins the first: its body and subsections after the first's, its title, when it reads otherwise,
 * as a paragraph before them. The numbers follow, as they always do.
 *
 * Yjs cannot move an item: a moved or converted part is a copy, inserted where it belongs, and
 * the original is deleted, in the server's transaction. A writer who was typing inside that part
 * in the few milliseconds before the repair reached them loses those keystrokes; without the
 * repair the server refused the whole change (an offline writer's whole session of work).
 */

/** The subsection kinds, highest level first: `（一）`, `1.`, `（1）`. */
const subsectionKinds = ['section2', 'section3', 'section4'] as const

/** The parts that hold subsections: every section but the lowest, and problems and plans. */
const holders = new Set(['section1', 'section2', 'section3', 'problems', 'plans'])

/** The top-level sections by the place the genre gives them: main work, then problems, then plans. */
const topLevelRank: Record<string, number> = { section1: 0, problems: 1, plans: 2 }

/** A child of a shared summary's element (y-prosemirror writes no hooks). */
type Child = Y.XmlElement | Y.XmlText

function isSubsection(child: unknown): child is Y.XmlElement {
  return child instanceof Y.XmlElement && (subsectionKinds as readonly string[]).includes(child.nodeName)
}

/** A copy of an element under another name: its attributes and (copies of) its children. */
function renamed(element: Y.XmlElement, nodeName: string): Y.XmlElement {
  const copy = new Y.XmlElement(nodeName)
  for (const [name, value] of Object.entries(element.getAttributes())) copy.setAttribute(name, value as string)
  copy.insert(
    0,
    (element.toArray() as Child[]).map((child) => child.clone() as Child),
  )
  return copy
}

/** Replaces the child at `index` of `parent` by `replacement` (not yet in a document). */
function replaceChild(parent: Y.XmlElement | Y.XmlFragment, index: number, replacement: Child): void {
  parent.insert(index, [replacement])
  parent.delete(index + 1, 1)
}

/**
 * Puts `parent`'s children in the order `rankOf` gives (a stable sort: equal ranks keep their
 * order), moving as few as it can: the children already in order stay, the others are moved as
 * copies. Returns how many were moved.
 */
function sortChildren(parent: Y.XmlElement | Y.XmlFragment, rankOf: (child: Child) => number | null): number {
  let moved = 0
  for (;;) {
    const children = parent.toArray() as Child[]
    // The first child ranked below one before it: moved to just before the first child ranked above it.
    let highest = -Infinity
    let out = -1
    for (let i = 0; i < children.length; i++) {
      const rank = rankOf(children[i]!)
      if (rank === null) continue
      if (rank < highest) {
        out = i
        break
      }
      highest = rank
    }
    if (out < 0) return moved
    const rank = rankOf(children[out]!)!
    const to = children.findIndex((c, i) => i < out && (rankOf(c) ?? -Infinity) > rank)
    const copy = children[out]!.clone() as Child
    parent.delete(out, 1)
    parent.insert(to, [copy])
    moved++
  }
}

/** The text of an element, as the fingerprint of a title: its texts joined. */
function textOf(element: Y.XmlElement): string {
  return element.toArray().map((child) => (child instanceof Y.XmlText ? child.toString() : child instanceof Y.XmlElement ? textOf(child) : '')).join('')
}

/**
 * Joins each problems or plans section after the first of its kind to that first one (see the
 * module's comment). Run after the sections are in the genre's order, so that the two are next
 * to each other. Returns how many were joined.
 */
function joinRepeated(content: Y.XmlFragment): number {
  let joined = 0
  for (const name of ['problems', 'plans']) {
    for (;;) {
      const children = content.toArray()
      const at = children.findIndex((c) => c instanceof Y.XmlElement && c.nodeName === name)
      const again = children.findIndex((c, i) => i > at && c instanceof Y.XmlElement && c.nodeName === name)
      if (at < 0 || again < 0) break
      const first = children[at] as Y.XmlElement
      const second = children[again] as Y.XmlElement
      const [title, ...rest] = second.toArray() as Child[]
      const moved: Child[] = []
      const firstTitle = first.get(0)
      if (title instanceof Y.XmlElement && title.nodeName === 'heading') {
        const words = textOf(title).trim()
        if (words && !(firstTitle instanceof Y.XmlElement && textOf(firstTitle).trim() === words)) {
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, (title.toArray() as Child[]).map((c) => c.clone() as Child))
          moved.push(paragraph)
        }
      } else if (title) moved.push(title.clone() as Child)
      for (const child of rest) moved.push(child.clone() as Child)
      if (moved.length) first.insert(first.length, moved)
      content.delete(again, 1)
      joined++
    }
  }
  return joined
}

/** Repairs one section and, after, its subsections; adds what it did to `done`. */
function repairSection(section: Y.XmlElement, done: string[]): void {
  if (holders.has(section.nodeName)) {
    // Body text after a subsection goes back before the first subsection.
    const moved = sortChildren(section, (child) => (child instanceof Y.XmlElement && child.nodeName === 'heading' ? null : isSubsection(child) ? 1 : 0))
    if (moved) done.push(`${moved} block(s) of a ${section.nodeName} moved before its subsections`)
    // Subsections of two or three kinds all take the highest level among them.
    const children = section.toArray()
    const kinds = new Set(children.filter(isSubsection).map((c) => c.nodeName))
    if (kinds.size > 1) {
      const highest = subsectionKinds.find((k) => kinds.has(k))!
      children.forEach((child, index) => {
        if (isSubsection(child) && child.nodeName !== highest) {
          replaceChild(section, index, renamed(child, highest))
          done.push(`a ${child.nodeName} of a ${section.nodeName} made a ${highest}`)
        }
      })
    }
  }
  for (const child of section.toArray()) if (isSubsection(child)) repairSection(child, done)
}

/**
 * Repairs, in one transaction of `origin`, what a merge of valid changes can leave out of the
 * schema in a shared summary (see the module's comment). Returns what it did, fit for the log (no
 * document text): empty when nothing needed it. Whether the summary is valid after is for the
 * caller to check: a document broken otherwise is left as it is.
 */
export function repairMerge(ydoc: Y.Doc, origin: unknown = null): string[] {
  const done: string[] = []
  ydoc.transact(() => {
    const content = sharedContent(ydoc)
    const moved = sortChildren(content, (child) => (child instanceof Y.XmlElement && child.nodeName in topLevelRank ? topLevelRank[child.nodeName]! : null))
    if (moved) done.push(`${moved} top-level section(s) moved into the genre's order`)
    const joined = joinRepeated(content)
    if (joined) done.push(`${joined} problems or plans section(s) joined to the first of their kind`)
    for (const child of content.toArray()) if (child instanceof Y.XmlElement && child.nodeName in topLevelRank) repairSection(child, done)
  }, origin)
  return done
}

/** The transaction origin of a repair: the server's own change, which Hocuspocus stores and broadcasts like a writer's. */
export const repairOrigin = { source: 'local' as const, context: { repair: true } }

/** How long a document's changes must pause before its merge is repaired, and the longest wait, in ms. */
export interface RepairTiming {
  quiet: number
  longest: number
}

/** What {@link repairWhenQuiet} did: the repair's update (empty when none was needed), what it did, and what is still wrong after it (null when nothing). */
export interface RepairOutcome {
  update: Uint8Array
  done: string[]
  problem: string | null
}

const waiting = new WeakMap<Y.Doc, { timer: ReturnType<typeof setTimeout> | null; first: number; stop: () => void }>()

/**
 * Repairs a shared document's merge (see {@link repairMerge}) once its changes pause: a writer's
 * changes made offline arrive as a run of updates, and a part moved or converted as a copy before
 * the last of them came would leave those last ones in the deleted original. Waits until no
 * update has come for `timing.quiet` ms, at most `timing.longest` ms in all; asked again while
 * waiting, it goes on waiting. `problemOf` tells what is wrong with the document (null when it is
 * a valid summary): nothing is done when nothing is. A document destroyed meanwhile is left.
 */
export function repairWhenQuiet(ydoc: Y.Doc, timing: RepairTiming, problemOf: () => string | null, done: (outcome: RepairOutcome) => void): void {
  if (waiting.has(ydoc)) return
  const entry = {
    timer: null as ReturnType<typeof setTimeout> | null,
    first: Date.now(),
    stop: () => {
      if (entry.timer) clearTimeout(entry.timer)
      ydoc.off('update', arm)
      ydoc.off('destroy', entry.stop)
      waiting.delete(ydoc)
    },
  }
  const run = () => {
    entry.stop()
    if (problemOf() === null) return done({ update: new Uint8Array(0), done: [], problem: null })
    const before = Y.encodeStateVector(ydoc)
    const steps = repairMerge(ydoc, repairOrigin)
    done({ update: steps.length ? Y.encodeStateAsUpdate(ydoc, before) : new Uint8Array(0), done: steps, problem: problemOf() })
  }
  function arm() {
    if (entry.timer) clearTimeout(entry.timer)
    entry.timer = setTimeout(run, Math.max(0, Math.min(timing.quiet, entry.first + timing.longest - Date.now())))
  }
  waiting.set(ydoc, entry)
  ydoc.on('update', arm)
  ydoc.on('destroy', entry.stop)
  arm()
}

/**
 * The repair of a document's merge (see {@link repairMerge}) tried on a copy of it: what it does,
 * the update that does it (for the document to take), and the summary the document would then
 * hold, or, when it would still be no valid summary, why (fit for the log). The document is left
 * as it is.
 */
export function repairOnCopy(ydoc: Y.Doc): { done: string[]; update: Uint8Array; summary: Node | null; problem: string | null } {
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc))
    const done = repairMerge(copy)
    const update = done.length ? Y.encodeStateAsUpdate(copy, Y.encodeStateVector(ydoc)) : new Uint8Array(0)
    try {
      return { done, update, summary: summaryOfShared(copy), problem: null }
    } catch (e) {
      return { done, update, summary: null, problem: loggable(e) }
    }
  } finally {
    copy.destroy()
  }
}
