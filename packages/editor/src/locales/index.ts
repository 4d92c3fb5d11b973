import type { Catalog } from './catalog.ts'
import { zhCN } from './zh-CN.ts'
import { loadPart } from '../zongjie-editor/parts.ts'

export type { Catalog }
export { zhCN }

/**
 * The languages of the editor's own strings, by language tag, each with what gives its
 * catalogue: Chinese, the default, comes with the editor; English loads the first time an
 * element is in English (a few kilobytes a Chinese page never needs).
 */
export const languages: Record<string, () => Promise<Catalog>> = {
  'zh-CN': () => Promise.resolve(zhCN),
  en: () => loadPart('english', () => import('./en.ts')).then((m) => m.en),
}

/** The catalogues loaded so far, by language tag. */
const loaded: Record<string, Catalog> = { 'zh-CN': zhCN }

/** The editor's language for a language tag: an exact match, then the language alone (`en-GB` → `en`), else `zh-CN`. */
export function languageOf(lang: string | null | undefined): string {
  if (!lang) return 'zh-CN'
  if (lang in languages) return lang
  const base = lang.split('-')[0]!.toLowerCase()
  return base in languages ? base : 'zh-CN'
}

/**
 * The language tag in force for an element: its own `lang` or its closest ancestor's, looking past
 * a shadow root to its host as the browser does (an editor inside another component's shadow root
 * follows the page), or null when none has one.
 */
export function langOf(element: Element): string | null {
  let node: Node | null = element
  while (node && !(node as Element).hasAttribute?.('lang')) node = node.parentNode ?? (node as ShadowRoot).host ?? null
  return node && (node as Element).getAttribute('lang')
}

/** The catalogue for a language tag (see {@link languageOf}), once loaded; `zh-CN`'s until then. */
export function catalogFor(lang: string | null | undefined): Catalog {
  return loaded[languageOf(lang)] ?? zhCN
}

/**
 * Loads the catalogue for a language tag: `null` when it is there already, otherwise a promise
 * that resolves once {@link catalogFor} gives it (or rejects with a `PartLoadError`): the same
 * promise to every caller while it loads.
 */
export function loadCatalog(lang: string | null | undefined): Promise<Catalog> | null {
  const language = languageOf(lang)
  if (loaded[language]) return null
  // One load at a time for each language, whoever asks; a failed one may be asked for again.
  return (loading[language] ??= languages[language]!().then(
    (catalog) => {
      delete loading[language]
      return (loaded[language] = catalog)
    },
    (error: unknown) => {
      delete loading[language]
      throw error
    },
  ))
}

/** The catalogues being loaded, by language tag. */
const loading: Record<string, Promise<Catalog>> = {}
