import { formatNumber } from './number-formats.ts'
import type { Styles } from './styles.ts'
import { WordNames, integer, localName, onOff, type XmlNode } from './xml.ts'

/**
 * List numbering (`word/numbering.xml`): the label Word shows before each numbered paragraph,
 * computed the way Word counts.
 *
 * A paragraph's `w:numPr` names a numbering instance (`w:num`) and a level (`w:ilvl`); the
 * instance names an abstract definition (`w:abstractNum`, possibly through a numbering style:
 * `w:numStyleLink` → the style's `w:numId` → the `w:abstractNum` with the matching `w:styleLink`),
 * whose level (`w:lvl`) gives the start, the format (`w:numFmt`), the text (`w:lvlText`, with
 * `%1` … `%9` for the counts of levels 1 … 9, each in its own level's format, or decimal under
 * `w:isLgl`), when the level restarts (`w:lvlRestart`) and what follows the label (`w:suff`).
 *
 * How Word counts: there is one counter for each abstract definition, shared by every instance
 * that uses it, so a list goes on counting when a paragraph switches to another instance of the
 * same definition. An instance with a `w:lvlOverride` for a level (a `w:startOverride`, or a whole
 * `w:lvl`) restarts that level, at the override's start, the first time a paragraph uses the
 * instance at that level; this is how Word writes “restart numbering” (a new `w:num` with a
 * `w:startOverride`). Using a level resets the levels below it unless their `w:lvlRestart` says
 * otherwise (0: never; n: only when level n or one above it is used).
 */

/** One level of a list definition. */
interface LevelDef {
  start: number
  format: string
  /** `w:lvlText`; `''` when absent. */
  text: string
  /** `w:lvlRestart`, `null` when absent (restart after any level above). */
  restart: number | null
  legal: boolean
  suffix: 'tab' | 'space' | 'nothing'
  /** `w:pStyle`: the paragraph style this level belongs to. */
  style: string | null
}

interface AbstractDef {
  id: string
  levels: (LevelDef | undefined)[]
  numStyleLink: string | null
}

interface Override {
  start: number | null
  level: LevelDef | null
}

interface NumDef {
  abstractId: string
  overrides: Map<number, Override>
}

/** The counts of one abstract definition, shared by its instances. */
interface Counter {
  counts: (number | undefined)[]
  /** `numId:ilvl` pairs whose override has been applied. */
  overridden: Set<string>
}

/** A list label: the number as displayed, and what separates it from the text. */
export interface ListLabel {
  /** `一、`, `（二）`, `1.`. */
  text: string
  /** `\t` (Word's default), `' '` or `''`. */
  suffix: string
}

const suffixes = { tab: '\t', space: ' ', nothing: '' } as const

/** The list definitions of a document and the running counts of its lists. */
export class Numbering {
  private readonly abstracts = new Map<string, AbstractDef>()
  private readonly nums = new Map<string, NumDef>()
  private readonly counters = new Map<string, Counter>()
  private readonly resolved = new Map<string, AbstractDef | null>()

  /** Reads `w:numbering`; `null` (no numbering part) gives no lists. */
  constructor(
    root: XmlNode | null,
    private readonly styles: Styles,
  ) {
    if (!root) return
    const w = new WordNames(root)
    for (let c = root.firstChild; c; c = c.nextSibling) {
      const l = w.local(c)
      if (l === 'abstractNum') {
        const id = w.attr(c, 'abstractNumId')
        if (id === null) continue
        const def: AbstractDef = { id, levels: [], numStyleLink: null }
        for (let d = c.firstChild; d; d = d.nextSibling) {
          const dl = w.local(d)
          if (dl === 'lvl') {
            const ilvl = integer(w.attr(d, 'ilvl'))
            if (ilvl !== null && ilvl >= 0 && ilvl < 9) def.levels[ilvl] = readLevel(w, d)
          } else if (dl === 'numStyleLink') def.numStyleLink = w.attr(d, 'val')
        }
        this.abstracts.set(id, def)
      } else if (l === 'num') {
        const id = w.attr(c, 'numId')
        const abstractId = w.childVal(c, 'abstractNumId')
        if (id === null || abstractId === null) continue
        const overrides = new Map<number, Override>()
        for (let d = c.firstChild; d; d = d.nextSibling) {
          if (w.local(d) !== 'lvlOverride') continue
          const ilvl = integer(w.attr(d, 'ilvl'))
          if (ilvl === null || ilvl < 0 || ilvl >= 9) continue
          const startOverride = w.child(d, 'startOverride')
          const lvl = w.child(d, 'lvl')
          overrides.set(ilvl, { start: startOverride ? integer(w.attr(startOverride, 'val')) : null, level: lvl ? readLevel(w, lvl) : null })
        }
        this.nums.set(id, { abstractId, overrides })
      }
    }
  }

  /**
   * The abstract definition an instance uses, through `w:numStyleLink` when the definition only
   * points to a numbering style.
   */
  private abstractOf(num: NumDef): AbstractDef | null {
    let r = this.resolved.get(num.abstractId)
    if (r !== undefined) return r
    let def = this.abstracts.get(num.abstractId) ?? null
    for (let depth = 0; def?.numStyleLink && depth < 5; depth++) {
      const linkedNum = this.styles.numberingStyleNumId(def.numStyleLink)
      const linked = linkedNum !== null ? this.nums.get(linkedNum) : undefined
      const next = linked ? this.abstracts.get(linked.abstractId) : undefined
      if (!next || next === def) break
      def = next
    }
    r = def
    this.resolved.set(num.abstractId, r)
    return r
  }

  private levelOf(num: NumDef, abs: AbstractDef, ilvl: number): LevelDef | undefined {
    return num.overrides.get(ilvl)?.level ?? abs.levels[ilvl]
  }

  /**
   * The level of an instance's list that belongs to a paragraph style (`w:lvl/w:pStyle`), for a
   * paragraph whose style carries a `w:numId` and no `w:ilvl`; `null` when none does.
   */
  levelOfStyle(numId: string, styleId: string | null): number | null {
    const num = this.nums.get(numId)
    const abs = num ? this.abstractOf(num) : null
    if (!num || !abs || styleId === null) return null
    for (let i = 0; i < 9; i++) if (this.levelOf(num, abs, i)?.style === styleId) return i
    return null
  }

  /**
   * Counts one more paragraph in list `numId` at level `ilvl` (in document order) and gives its
   * label; `null` when the paragraph shows none: `numId` 0 (numbering removed), an instance or
   * level not defined, or a bullet.
   */
  next(numId: string, ilvl: number): ListLabel | null {
    if (numId === '0') return null
    const num = this.nums.get(numId)
    const abs = num ? this.abstractOf(num) : null
    if (!num || !abs) return null
    const level = this.levelOf(num, abs, ilvl)
    if (!level) return null
    let counter = this.counters.get(abs.id)
    if (!counter) {
      counter = { counts: [], overridden: new Set() }
      this.counters.set(abs.id, counter)
    }
    const { counts } = counter
    const override = num.overrides.get(ilvl)
    const key = numId + ':' + ilvl
    if (override && !counter.overridden.has(key)) {
      counter.overridden.add(key)
      counts[ilvl] = (override.start ?? level.start) - 1
    }
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1
    // Levels below restart, unless their w:lvlRestart keeps them going.
    for (let j = ilvl + 1; j < 9; j++) {
      const restart = this.levelOf(num, abs, j)?.restart ?? null
      if (restart === null || (restart > 0 && ilvl < restart)) counts[j] = undefined
    }
    if (level.format === 'bullet') return null
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1
      const def = k === ilvl ? level : this.levelOf(num, abs, k)
      // A level above that was never used shows its start.
      const n = counts[k] ?? def?.start ?? 1
      return formatNumber(n, level.legal ? 'decimal' : (def?.format ?? 'decimal'))
    })
    return { text, suffix: suffixes[level.suffix] }
  }
}

/** Reads a `w:lvl`. A `w:numFmt` inside `mc:AlternateContent` is read from the Choice, or the Fallback when the Choice is Word 2010's `custom`. */
function readLevel(w: WordNames, lvl: XmlNode): LevelDef {
  const level: LevelDef = { start: 1, format: 'decimal', text: '', restart: null, legal: false, suffix: 'tab', style: null }
  const read = (c: XmlNode) => {
    switch (w.local(c)) {
      case 'start':
        level.start = integer(w.attr(c, 'val')) ?? 1
        break
      case 'numFmt':
        level.format = w.attr(c, 'val') ?? 'decimal'
        break
      case 'lvlText':
        level.text = w.attr(c, 'val') ?? ''
        break
      case 'lvlRestart':
        level.restart = integer(w.attr(c, 'val'))
        break
      case 'isLgl':
        level.legal = onOff(w.attr(c, 'val'))
        break
      case 'suff': {
        const v = w.attr(c, 'val')
        level.suffix = v === 'space' || v === 'nothing' ? v : 'tab'
        break
      }
      case 'pStyle':
        level.style = w.attr(c, 'val')
        break
    }
  }
  for (let c = lvl.firstChild; c; c = c.nextSibling) {
    if (w.isAlternateContent(c)) {
      let choice: XmlNode | null = null
      let fallback: XmlNode | null = null
      for (let b = c.firstChild; b; b = b.nextSibling) {
        if (b.nodeType !== 1) continue
        if (localName(b.nodeName) === 'Choice' && !choice) choice = b
        else if (localName(b.nodeName) === 'Fallback') fallback = b
      }
      const choiceFmt = choice ? w.child(choice, 'numFmt') : null
      const branch = choiceFmt && w.attr(choiceFmt, 'val') !== 'custom' ? choice : (fallback ?? choice)
      for (let b = branch?.firstChild ?? null; b; b = b.nextSibling) read(b)
    } else read(c)
  }
  return level
}
