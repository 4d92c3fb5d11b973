import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import {
  templates,
  templateById,
  newFromTemplate,
  toSummary,
  toText,
  importText,
  validate,
  proposeTitle,
  metricUnits,
  periods,
  type Summary,
  type Template,
} from '../src/index.ts'

const schemaJson = JSON.parse(readFileSync(new URL('../summary.schema.json', import.meta.url), 'utf8'))
const ajv = new Ajv2020({ strict: true, allErrors: true })
const checkSummary = ajv.compile<Summary>(schemaJson)
const schemaErrors = (value: unknown) => (checkSummary(value) ? [] : (checkSummary.errors ?? []).map((e) => `${e.instancePath} ${e.message}`))

const organization = '示范县示范单位'
const options = { organization, year: 2024, period: 'first-half' as const }

/** The positions of the metric and blank nodes of a document, in document order. */
function fieldPositions(doc: Node): { metrics: number[]; blanks: number[] } {
  const metrics: number[] = []
  const blanks: number[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'metric') metrics.push(pos)
    else if (node.type.name === 'blank') blanks.push(pos)
  })
  return { metrics, blanks }
}

/** Fills every metric with a number and every blank with a name, as an editor would. */
function fillAll(doc: Node): Node {
  const tr = new Transform(doc)
  let n = 0
  doc.descendants((node, pos) => {
    const at = tr.mapping.map(pos)
    n++
    if (node.type.name === 'metric') tr.setNodeMarkup(at, null, { ...node.attrs, value: n, ...(node.attrs.range ? { upper: n + 10 } : {}) })
    else if (node.type.name === 'blank') tr.setNodeMarkup(at, null, { ...node.attrs, value: `示范${n}` })
  })
  return tr.doc
}

const structuralCodes = ['section-empty', 'problems-missing', 'plans-missing', 'heading-empty', 'part-missing', 'part-empty']

describe('the template list', () => {
  it('has one template for each kind of office, the generic one last', () => {
    expect(templates.map((t) => t.id)).toEqual(['county-committee', 'bureau', 'township', 'street', 'hospital', 'enterprise', 'generic'])
  })

  it('finds a template by its id, and refuses an unknown one', () => {
    for (const t of templates) expect(templateById(t.id)).toBe(t)
    expect(templateById('no-such-template')).toBeUndefined()
    expect(() => newFromTemplate('no-such-template')).toThrow(RangeError)
    expect(() => newFromTemplate('no-such-template', options)).toThrow(/no-such-template/)
  })

  it('builds the same document through newFromTemplate as through the template', () => {
    for (const t of templates) expect(newFromTemplate(t.id, options).eq(t.create(options))).toBe(true)
  })
})

describe.each(templates.map((t) => [t.id, t] as [string, Template]))('template %s', (_id, template) => {
  const doc = template.create(options)
  const summary = toSummary(doc)
  const sectionParts = template.parts.filter((p) => p.id !== 'opening' && p.id !== 'closing')

  it('creates a valid document that records what it reports on', () => {
    expect(() => doc.check()).not.toThrow()
    expect(doc.attrs).toEqual({ organization, year: 2024, period: 'first-half', template: template.id, comments: [], suggestions: [] })
    expect(summary.meta).toEqual({ organization, year: 2024, period: 'first-half', template: template.id })
  })

  it('proposes the title from organisation, period and subject', () => {
    expect(summary.title).toBe(proposeTitle({ ...options, subject: template.subject }))
    expect(summary.title.startsWith(organization + '2024年上半年')).toBe(true)
    expect(summary.title.endsWith('工作总结')).toBe(true)
  })

  it('declares its parts in document order: opening, main work, problems, plans, closing', () => {
    const ids = template.parts.map((p) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids[0]).toBe('opening')
    expect(ids[ids.length - 1]).toBe('closing')
    expect(ids.slice(-3, -1)).toEqual(['problems', 'plans'])
    for (const part of template.parts) {
      expect(part.guidance.trim(), part.id).not.toBe('')
      expect(part.name.trim(), part.id).not.toBe('')
    }
    const opening = template.parts[0]!
    expect(opening.length).toEqual([300, 500])
    expect(opening.guidance).toMatch(/300.{0,2}500字/)
  })

  it('tags its sections with their part ids, in order, with the roles and headings declared', () => {
    expect(summary.sections.map((s) => s.part)).toEqual(sectionParts.map((p) => p.id))
    expect(summary.sections.map((s) => s.title)).toEqual(sectionParts.map((p) => p.name))
    expect(summary.sections.map((s) => s.role)).toEqual(sectionParts.map((p) => (p.id === 'problems' ? 'problems' : p.id === 'plans' ? 'plans' : 'work')))
    expect(summary.sections.every((s) => s.number !== '')).toBe(true)
  })

  it('fixes the problems and plans headings and requires them', () => {
    for (const id of ['problems', 'plans']) {
      const part = template.parts.find((p) => p.id === id)!
      expect(part.fixed, id).toBe(true)
      expect(part.required, id).toBe(true)
    }
  })

  it('has an opening and a closing that read back as such', () => {
    expect(summary.preamble.length).toBeGreaterThan(0)
    expect(summary.closing.length).toBeGreaterThan(0)
    // Written out as text and read again, the parts come back where they were.
    const again = toSummary(importText(toText(doc)).doc)
    expect(again.sections.map((s) => [s.role, s.title])).toEqual(summary.sections.map((s) => [s.role, s.title]))
    // (Text carries no metric labels: compare the words.)
    const words = (blocks: Summary['preamble']) => JSON.stringify(blocks.map((b) => (b.type === 'paragraph' ? b.text : b.items.map((i) => i.text))))
    expect(words(again.closing)).toBe(words(summary.closing))
    expect(words(again.preamble)).toBe(words(summary.preamble))
  })

  it('labels every metric, leaves every field unfilled, and uses units the importer knows', () => {
    expect(summary.metrics.length).toBeGreaterThanOrEqual(template.id === 'generic' ? 4 : 6)
    expect(summary.metrics.length).toBeLessThanOrEqual(15)
    expect(summary.blanks.length).toBeLessThanOrEqual(2)
    for (const m of summary.metrics) {
      expect(m.label.trim(), m.context + m.text).not.toBe('')
      expect(m.filled, m.label).toBe(false)
      expect(metricUnits, m.label).toContain(m.unit)
    }
    for (const b of summary.blanks) expect(b.filled).toBe(false)
  })

  it('reports exactly its unfilled fields as errors, and nothing structural', () => {
    const findings = validate(doc)
    const errors = findings.filter((f) => f.severity === 'error')
    const { metrics, blanks } = fieldPositions(doc)
    expect(errors.every((f) => f.code === 'metric-unfilled' || f.code === 'blank-unfilled')).toBe(true)
    expect(errors.filter((f) => f.code === 'metric-unfilled').map((f) => f.pos)).toEqual(metrics)
    expect(errors.filter((f) => f.code === 'blank-unfilled').map((f) => f.pos)).toEqual(blanks)
    expect(errors.length).toBe(summary.metrics.length + summary.blanks.length)
    expect(findings.filter((f) => structuralCodes.includes(f.code))).toEqual([])
  })

  it('passes validation once every metric and blank is filled', () => {
    const filled = fillAll(doc)
    expect(() => filled.check()).not.toThrow()
    const after = toSummary(filled)
    expect(after.metrics.length).toBe(summary.metrics.length)
    expect(after.metrics.every((m) => m.filled)).toBe(true)
    expect(after.blanks.every((b) => b.filled)).toBe(true)
    expect(after.metrics.map((m) => m.label)).toEqual(summary.metrics.map((m) => m.label))
    // Clean: nothing to fix and nothing to look at; only advice on part lengths (the starting text is short) may remain.
    expect(validate(filled).filter((f) => f.severity !== 'advice')).toEqual([])
  })

  it('exports Summary JSON that the published schema accepts, unfilled and filled', () => {
    expect(schemaErrors(JSON.parse(JSON.stringify(summary)))).toEqual([])
    expect(schemaErrors(JSON.parse(JSON.stringify(toSummary(fillAll(doc)))))).toEqual([])
  })

  it('raises no period conflict for any period it is created for', () => {
    for (const period of periods) {
      const d = template.create({ organization, year: 2024, period })
      expect(validate(d).filter((f) => f.code === 'title-period-conflict' || f.code === 'plans-period-conflict'), period).toEqual([])
    }
  })

  it('leaves an X blank in the title when no organisation is given', () => {
    const bare = template.create()
    const s = toSummary(bare)
    expect(s.title).toBe(proposeTitle({ organization: 'X', subject: template.subject }))
    expect(s.title.startsWith('X')).toBe(true)
    expect(s.blanks[0]?.path.startsWith('$.titleRuns')).toBe(true)
    expect(s.blanks[0]?.filled).toBe(false)
    expect(bare.attrs.organization).toBe('')
    expect(validate(bare).filter((f) => f.code === 'blank-unfilled' && f.where === '标题')).toHaveLength(1)
    // With a year and no organisation, the blank stands before the year.
    expect(toSummary(template.create({ year: 2024, period: 'year' })).title).toBe(proposeTitle({ organization: 'X', year: 2024, period: 'year', subject: template.subject }))
  })
})

describe('the office templates', () => {
  const offices = templates.filter((t) => t.id !== 'generic')

  it('each have three to five main-work sections, (一) subsections, and work items in both layouts', () => {
    for (const t of offices) {
      const doc = t.create(options)
      const work = toSummary(doc).sections.filter((s) => s.role === 'work')
      expect(work.length, t.id).toBeGreaterThanOrEqual(3)
      expect(work.length, t.id).toBeLessThanOrEqual(5)
      const layouts = new Set<string>()
      let subsections = 0
      doc.descendants((node) => {
        if (node.type.name === 'workItems') layouts.add(node.attrs.layout)
        if (node.type.name === 'section2') subsections++
      })
      expect(subsections, t.id).toBeGreaterThan(0)
      expect([...layouts].sort(), t.id).toEqual(['joined', 'separate'])
    }
  })

  it('include some with an optional part', () => {
    const withOptional = offices.filter((t) => t.parts.some((p) => !p.required && p.id !== 'closing'))
    expect(withOptional.length).toBeGreaterThan(0)
  })

  it('have distinct names and subjects as declared', () => {
    expect(new Set(templates.map((t) => t.name)).size).toBe(templates.length)
    expect(templateById('county-committee')!.subject).toBe('党建')
    expect(toSummary(newFromTemplate('county-committee', options)).title).toBe(`${organization}2024年上半年党建工作总结`)
  })
})

describe('the findings on a template’s parts', () => {
  /** The template's document with the opening emptied, and the first main-work section's body and subsections taken out. */
  function emptied(): Node {
    const doc = newFromTemplate('bureau', options)
    const tr = new Transform(doc)
    let section = -1
    doc.forEach((node, offset) => {
      if (node.type.name === 'preamble' || (section < 0 && node.type.name === 'section1')) {
        if (node.type.name === 'section1') section = offset
        const from = node.type.name === 'preamble' ? 1 : 1 + node.child(0).nodeSize
        tr.delete(tr.mapping.map(offset + from), tr.mapping.map(offset + node.nodeSize - 1))
      }
    })
    return tr.doc
  }

  it('say 导语 for the opening, as every other finding does, and lead to the part they are about', () => {
    const doc = emptied()
    const parts = validate(doc).filter((f) => f.code === 'part-empty')
    expect(parts.map((f) => [f.where, f.message.slice(0, 12)])).toEqual([
      ['导语', '“导语”部分是必填的，还'],
      ['一、', `“${templateById('bureau')!.parts[1]!.name}”部分是必填的`.slice(0, 12)],
    ])
    // Each leads to its part: the opening, and the section (its heading's text just inside).
    expect(doc.nodeAt(parts[0]!.pos!)!.type.name).toBe('preamble')
    expect(doc.nodeAt(parts[1]!.pos!)!.type.name).toBe('section1')
    expect(doc.nodeAt(parts[1]!.pos!)!.child(0).textContent).toBe(templateById('bureau')!.parts[1]!.name)
  })
})
