import type { Finding } from '../validate.ts'
import type { PartLengths } from './check.ts'
import type { Template } from './template.ts'

/**
 * The templates known to the validator and to fill mode, by id: the package's own once
 * `templates/index.ts` is loaded (importing `templates`, `templateById` or `newFromTemplate` from
 * the package, or `@zongjie/model/templates`, loads it). Apart from the templates themselves so
 * that what checks a draft does not bring every template's text with it: an editor loads them when
 * a document names one.
 */
const known = new Map<string, Template>()

/** The check of a summary's parts against its template, known with the templates (`templates/check.ts`). */
let partsCheck: ((template: Template, parts: PartLengths) => Finding[]) | undefined

/**
 * Makes templates known (see {@link knownTemplate}); one with the id of a known one replaces it.
 * `check` is what judges a summary's parts by its template (the package's own, `templateFindings`,
 * comes with its templates: see {@link templatePartFindings}).
 */
export function registerTemplates(list: readonly Template[], check?: (template: Template, parts: PartLengths) => Finding[]): void {
  for (const t of list) known.set(t.id, t)
  if (check) partsCheck = check
}

/**
 * The validator's findings on a summary's parts by its template (`part-missing`, `part-empty`,
 * `part-length`): none while the template is not known, or no check came with the templates.
 */
export function templatePartFindings(id: string, parts: PartLengths): Finding[] {
  const template = known.get(id)
  return template && partsCheck ? partsCheck(template, parts) : []
}

/** The known template with an id, or `undefined` (unknown, or the templates not loaded yet). */
export function knownTemplate(id: string): Template | undefined {
  return known.get(id)
}
