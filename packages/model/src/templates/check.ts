import type { Finding } from '../validate.ts'
import type { Template } from './template.ts'

/** The text lengths of a summary's parts, and its top-level sections, as the checks of its template's parts read them. */
export interface PartLengths {
  opening: number
  closing: number
  /** Each top-level section in order: the template part it fills, if any, and its text length with its subsections', white space aside. */
  sections: readonly { part: string | null; length: number }[]
}

/**
 * What a summary's template requires of its parts (当模板要求时): present, not empty, of a usual
 * length. Known to the validator with the templates (see `registerTemplates`), so that what checks
 * a draft does not bring it with it.
 */
export function templateFindings(template: Template, parts: PartLengths): Finding[] {
  const out: Finding[] = []
  const byPart = new Map(parts.sections.flatMap((s, i) => (s.part ? [[s.part, { s, i }] as const] : [])))
  for (const part of template.parts) {
    let length: number
    let path: string
    if (part.id === 'opening' || part.id === 'closing') {
      length = part.id === 'opening' ? parts.opening : parts.closing
      path = part.id === 'opening' ? '$.preamble' : '$.closing'
    } else {
      const found = byPart.get(part.id)
      if (!found) {
        if (part.required) out.push({ code: 'part-missing', severity: 'error', message: `缺少模板要求的“${part.name}”部分`, path: '$.sections', where: part.name })
        continue
      }
      length = found.s.length
      path = `$.sections[${found.i}]`
    }
    if (part.required && length === 0) {
      out.push({ code: 'part-empty', severity: 'error', message: `“${part.name}”部分是必填的，还没有内容：${part.guidance}`, path, where: part.name })
      continue
    }
    if (part.length && length > 0) {
      const [min, max] = part.length
      if (length < min / 2) out.push({ code: 'part-length', severity: 'advice', message: `“${part.name}”只有 ${length} 字，通常为 ${min}–${max} 字：${part.guidance}`, path, where: part.name })
      else if (length > max * 2) out.push({ code: 'part-length', severity: 'advice', message: `“${part.name}”有 ${length} 字，通常为 ${min}–${max} 字，可以精简`, path, where: part.name })
    }
  }
  return out
}
