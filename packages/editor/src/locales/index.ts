import type { Catalog } from './catalog.ts'
import { zhCN } from './zh-CN.ts'
import { en } from './en.ts'

export type { Catalog }
export { zhCN, en }

/** The catalogues the editor has, by language tag. */
export const catalogs: Record<string, Catalog> = { 'zh-CN': zhCN, en }

/** The catalogue for a language tag: an exact match, then the language alone (`en-GB` → `en`), else `zh-CN`. */
export function catalogFor(lang: string | null | undefined): Catalog {
  if (!lang) return zhCN
  return catalogs[lang] ?? catalogs[lang.split('-')[0]!.toLowerCase()] ?? zhCN
}
