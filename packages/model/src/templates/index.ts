import type { Node } from 'prosemirror-model'
import { defineTemplate, type NewDocumentOptions, type Template } from './template.ts'
import { registerTemplates } from './registry.ts'
import { templateFindings } from './check.ts'
import { countyCommittee } from './definitions/county-committee.ts'
import { bureau } from './definitions/bureau.ts'
import { township } from './definitions/township.ts'
import { street } from './definitions/street.ts'
import { hospital } from './definitions/hospital.ts'
import { enterprise } from './definitions/enterprise.ts'
import { generic } from './definitions/generic.ts'

/** The templates, one for each kind of office, the generic one last. */
export const templates: readonly Template[] = [countyCommittee, bureau, township, street, hospital, enterprise, generic].map(defineTemplate)

// The validator and fill mode know them, and the validator what they require of a summary's parts, from now on.
registerTemplates(templates, templateFindings)

/** The template with an id, or `undefined`. */
export function templateById(id: string): Template | undefined {
  return templates.find((t) => t.id === id)
}

/**
 * 新建: a new document from a template, for an organisation and period: the title proposed from
 * them (单位 + 时限 + 内容 + 文种), the template's parts with their starting text, and its metrics
 * unfilled. Throws a RangeError for an unknown template id.
 */
export function newFromTemplate(id: string, options: NewDocumentOptions = {}): Node {
  const template = templateById(id)
  if (!template) throw new RangeError(`没有标识为“${id}”的模板；可用：${templates.map((t) => t.id).join('、')}`)
  return template.create(options)
}

export { defineTemplate }
export type { Template, TemplatePart, TemplateDefinition, SectionDefinition, NewDocumentOptions } from './template.ts'
