import type { CommentsCatalog } from '../catalog.ts'
import { commentsZhCN } from './zh-CN.ts'
import { commentsEn } from './en.ts'

export { commentsZhCN, commentsEn }

/** The catalogues of the comments panel, by language tag: one for each of the editor's catalogues. */
export const commentsCatalogs: Record<string, CommentsCatalog> = { 'zh-CN': commentsZhCN, en: commentsEn }
