import type { Node } from 'prosemirror-model'
import { isSection } from '../schema.ts'
import type { Finding } from '../validate.ts'
import type { Template } from './template.ts'

/** The text lengths of a summary's parts, and its top-level sections, as the checks of its template's parts read them. */
export interface PartLengths {
  opening: number
  closing: number
  /**
   * Each top-level section in order: the template part it fills, if any, its text length with its
   * subsections', white space aside, and its number (`二、`) and role, which name its place.
   */
  sections: readonly { part: string | null; length: number; number?: string; role?: string }[]
  /** The document, where the findings place the parts they are about (each finding's `pos`). */
  doc?: Node
}

/**
 * Where the parts of a document start: its opening (导语; where none, after the title, where it
 * would stand), its closing (结尾), and each top-level section in order.
 */
function partPositions(doc: Node): { opening?: number; closing?: number; sections: number[] } {
  const out: { opening?: number; closing?: number; sections: number[] } = { sections: [] }
  doc.forEach((node, offset) => {
    const name = node.type.name
    if (name === 'title') out.opening = offset + node.nodeSize
    else if (name === 'preamble') out.opening = offset
    else if (name === 'closing') out.closing = offset
    else if (isSection(node)) out.sections.push(offset)
  })
  return out
}

/**
 * What a summary's template requires of its parts (当模板要求时): present, not empty, of a usual
 * length. Known to the validator with the templates (see `registerTemplates`), so that what checks
 * a draft does not bring it with it.
 */
export function templateFindings(template: Template, parts: PartLengths): Finding[] {
  const out: Finding[] = []
  const at = parts.doc ? partPositions(parts.doc) : { sections: [] }
  const byPart = new Map(parts.sections.flatMap((s, i) => (s.part ? [[s.part, { s, i }] as const] : [])))
  for (const part of template.parts) {
    let length: number
    let path: string
    // The part's place: `where` for people (导语, 结尾, a section's number), `pos` for an editor.
    let where = part.name
    let pos: number | undefined
    if (part.id === 'opening' || part.id === 'closing') {
      length = part.id === 'opening' ? parts.opening : parts.closing
      path = part.id === 'opening' ? '$.preamble' : '$.closing'
      pos = part.id === 'opening' ? at.opening : at.closing
    } else {
      const found = byPart.get(part.id)
      if (!found) {
        if (part.required) out.push({ code: 'part-missing', severity: 'error', message: `缺少模板要求的“${part.name}”部分`, path: '$.sections', where: part.name })
        continue
      }
      length = found.s.length
      path = `$.sections[${found.i}]`
      where = found.s.number || (found.s.role === 'plans' ? '（计划）' : found.s.role === 'problems' ? '（问题）' : part.name)
      pos = at.sections[found.i]
    }
    const place = { path, where, ...(pos !== undefined ? { pos } : {}) }
    if (part.required && length === 0) {
      out.push({ code: 'part-empty', severity: 'error', message: `“${part.name}”部分是必填的，还没有内容：${part.guidance}`, ...place })
      continue
    }
    if (part.length && length > 0) {
      const [min, max] = part.length
      if (length < min / 2) out.push({ code: 'part-length', severity: 'advice', message: `“${part.name}”只有 ${length} 字，通常为 ${min}–${max} 字：${part.guidance}`, ...place })
      else if (length > max * 2) out.push({ code: 'part-length', severity: 'advice', message: `“${part.name}”有 ${length} 字，通常为 ${min}–${max} 字，可以精简`, ...place })
    }
  }
  return out
}
