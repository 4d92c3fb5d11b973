import type { Template } from './template.ts'

/**
 * The templates known to the validator and to fill mode, by id: the package's own once
 * `templates/index.ts` is loaded (importing `templates`, `templateById` or `newFromTemplate` from
 * the package, or `@zongjie/model/templates`, loads it). Apart from the templates themselves so
 * that what checks a draft does not bring every template's text with it: an editor loads them when
 * a document names one.
 */
const known = new Map<string, Template>()

/** Makes templates known (see {@link knownTemplate}); one with the id of a known one replaces it. */
export function registerTemplates(list: readonly Template[]): void {
  for (const t of list) known.set(t.id, t)
}

/** The known template with an id, or `undefined` (unknown, or the templates not loaded yet). */
export function knownTemplate(id: string): Template | undefined {
  return known.get(id)
}
