import type { Node } from 'prosemirror-model'
import { Transform } from 'prosemirror-transform'
import { importText } from '../import/index.ts'
import { isSection, schema, type Period } from '../schema.ts'
import { proposeTitle } from '../period.ts'

/**
 * The settings of one part of a template (in the spirit of Fidus Writer's document templates):
 * whether the writer must fill it, whether its heading is fixed, whether it may be removed, and
 * what to write in it.
 */
export interface TemplatePart {
  /** The part's id, carried by its section in the document (`work-1`, `problems`, `plans`); `opening` and `closing` for those parts. */
  id: string
  /** The part's name as the writer sees it (`导语`, `存在的问题`). */
  name: string
  /** What to write here, and how much. */
  guidance: string
  /** The typical length of the part's text in characters, from the genre (opening 300–500). */
  length?: [number, number]
  /** The part must be present and not empty for the draft to be submitted. */
  required: boolean
  /** The heading text cannot be changed in fill mode. */
  fixed: boolean
}

/** A template (模板): a Summary-shaped starting document, and the settings and guidance of its parts. */
export interface Template {
  /** `county-committee`, `bureau`, `township`, `street`, `hospital`, `enterprise`, `generic`. */
  id: string
  /** Its name in the chooser (`医院`). */
  name: string
  /** Which offices it is for. */
  description: string
  /** 内容: the subject the title names (`党建`), empty for a general summary. */
  subject: string
  /** The parts, in document order: `opening`, the sections, `closing`. */
  parts: TemplatePart[]
  /** Builds the starting document for an organisation and period. */
  create(options?: NewDocumentOptions): Node
}

/** A section of a template as it is written: heading, settings, guidance and starting text. */
export interface SectionDefinition {
  /** The part id (`work-1` …, `problems`, `plans`). */
  part: string
  /** The heading text. */
  heading: string
  guidance: string
  length?: [number, number]
  /** Defaults to `true`. */
  required?: boolean
  /** Heading locked in fill mode; defaults to `false`. */
  fixed?: boolean
  /**
   * The starting text, one paragraph a line as the importer reads it: `一是……` lines become work
   * items, `（一）` lines subsections. A metric is written `{label:X名}` (label and unfilled metric,
   * e.g. `{培训党组织书记:X名}`); a bare `X` before a name (`X社区`) is a blank.
   */
  body: string[]
}

/** A template as it is written, before {@link defineTemplate} builds it. */
export interface TemplateDefinition {
  id: string
  name: string
  description: string
  subject?: string
  opening: { guidance: string; length?: [number, number]; body: string[] }
  /** The main-work sections (一、…). */
  sections: SectionDefinition[]
  problems: SectionDefinition
  plans: SectionDefinition
  closing: { guidance: string; length?: [number, number]; required?: boolean; body: string[] }
}

/** What a new document from a template reports on. */
export interface NewDocumentOptions {
  /** 单位, e.g. `示范县人民医院`; `X` placeholders stay where it is missing. */
  organization?: string
  year?: number | null
  period?: Period | null
}

/** A labelled metric in template text: `{培训党组织书记:X名}`. */
const labelled = /\{([^:{}]+):([^{}]+)\}/g

/**
 * Builds a template from its definition: the starting document is the definition's text read by
 * the importer, so a template is written the way a summary is; each section is tagged with its
 * part id, each `{label:X名}` becomes an unfilled metric with that label. Throws when the text does
 * not read back into the parts it declares (a definition error, caught by the tests).
 */
export function defineTemplate(def: TemplateDefinition): Template {
  const parts: TemplatePart[] = [
    { id: 'opening', name: '导语', guidance: def.opening.guidance, ...(def.opening.length ? { length: def.opening.length } : {}), required: true, fixed: false },
    ...[...def.sections, def.problems, def.plans].map((s) => ({
      id: s.part,
      name: s.heading,
      guidance: s.guidance,
      ...(s.length ? { length: s.length } : {}),
      required: s.required ?? true,
      fixed: s.fixed ?? false,
    })),
    { id: 'closing', name: '结尾', guidance: def.closing.guidance, ...(def.closing.length ? { length: def.closing.length } : {}), required: def.closing.required ?? false, fixed: false },
  ]
  const subject = def.subject ?? ''
  const create = (options: NewDocumentOptions = {}): Node => {
    const labels: string[] = []
    const unmark = (line: string) =>
      line.replace(labelled, (_m, label: string, field: string) => {
        labels.push(label.trim())
        return field
      })
    const sectionLines = (s: SectionDefinition, number: string) => [`${number}${s.heading}`, ...s.body.map(unmark)]
    const chinese = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
    const all = [...def.sections, def.problems, def.plans]
    const title = proposeTitle({ organization: options.organization || 'X', year: options.year ?? null, period: options.period ?? null, subject })
    const text = [title, ...def.opening.body.map(unmark), ...all.flatMap((s, i) => sectionLines(s, `${chinese[i]}、`)), ...def.closing.body.map(unmark)].join('\n')
    const { doc } = importText(text)
    // Tag the top-level sections with their parts, in order.
    let i = 0
    const children: Node[] = []
    doc.forEach((child) => {
      if (isSection(child)) {
        const part = all[i++]
        if (!part) throw new RangeError(`template ${def.id}: more sections than parts`)
        const expected = part === def.problems ? 'problems' : part === def.plans ? 'plans' : 'section1'
        if (child.type.name !== expected) throw new RangeError(`template ${def.id}: part ${part.part} reads as ${child.type.name}, not ${expected}`)
        children.push(child.type.create({ ...child.attrs, part: part.part }, child.content))
      } else children.push(child)
    })
    if (i !== all.length) throw new RangeError(`template ${def.id}: ${all.length} parts, ${i} sections read`)
    const tagged = schema.nodes.doc!.create(
      { organization: options.organization ?? '', year: options.year ?? null, period: options.period ?? null, template: def.id },
      children,
    )
    // Label the metrics, in document order.
    const tr = new Transform(tagged)
    let k = 0
    tagged.descendants((node, pos) => {
      if (node.type.name === 'metric') tr.setNodeMarkup(pos, null, { ...node.attrs, label: labels[k++] ?? '' })
    })
    if (k !== labels.length) throw new RangeError(`template ${def.id}: ${labels.length} labelled metrics written, ${k} read`)
    tr.doc.check()
    return tr.doc
  }
  return { id: def.id, name: def.name, description: def.description, subject, parts, create }
}

