import type { SuggestionsCatalog } from '../catalog.ts'
import { suggestionsZhCN } from './zh-CN.ts'
import { suggestionsEn } from './en.ts'

export { suggestionsZhCN, suggestionsEn }

/** The catalogues of the suggestions panel, by language tag: one for each of the editor's catalogues. */
export const suggestionsCatalogs: Record<string, SuggestionsCatalog> = { 'zh-CN': suggestionsZhCN, en: suggestionsEn }
