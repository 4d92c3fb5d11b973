import type { VersionsCatalog } from '../catalog.ts'
import { versionsZhCN } from './zh-CN.ts'
import { versionsEn } from './en.ts'

export { versionsZhCN, versionsEn }

/** The catalogues of the versions panel, by language tag: one for each of the editor's catalogues. */
export const versionsCatalogs: Record<string, VersionsCatalog> = { 'zh-CN': versionsZhCN, en: versionsEn }
