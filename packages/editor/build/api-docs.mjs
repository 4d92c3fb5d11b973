#!/usr/bin/env node
// Renders the Custom Elements Manifest (custom-elements.json, from `cem analyze`) into the API
// reference of <zongjie-editor> in the repository's README, between `<!-- api:start -->` and
// `<!-- api:end -->`. Run it with `pnpm --filter @zongjie/editor api-docs` (which analyses first);
// `--check` changes nothing and exits 1 when the README is not what it would write.
// test/build.test.ts checks that the README's section is what this renders from the sources.
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const START = '<!-- api:start -->'
export const END = '<!-- api:end -->'
export const packageDir = fileURLToPath(new URL('..', import.meta.url))
export const manifestPath = fileURLToPath(new URL('../custom-elements.json', import.meta.url))
export const readmePath = fileURLToPath(new URL('../../../README.md', import.meta.url))

/** One table cell: on one line, with `|` escaped (also inside code, as GitHub's tables need). */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim()
const code = (text) => (text ? `\`${cell(text)}\`` : '')

/** A Markdown table, without the columns that are empty in every row; `None.` for no rows. */
function table(head, rows) {
  if (!rows.length) return 'None.\n'
  const keep = head.map((_, i) => i === 0 || rows.some((r) => r[i]))
  head = head.filter((_, i) => keep[i])
  rows = rows.map((r) => r.filter((_, i) => keep[i]))
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n'
}

const isPublic = (m) => !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('#') && !m.name.startsWith('_')

function signature(method) {
  const params = (method.parameters ?? []).map((p) => {
    const optional = p.optional || p.default !== undefined ? '?' : ''
    return `${p.rest ? '...' : ''}${p.name}${optional}${p.type?.text ? `: ${p.type.text}` : ''}`
  })
  return `${method.name}(${params.join(', ')})${method.return?.type?.text ? `: ${method.return.type.text}` : ''}`
}

/** The Markdown of one custom element's API. */
export function renderElement(element, modulePath) {
  const out = []
  const members = element.members ?? []
  out.push(`\`<${element.tagName}>\`, class \`${element.name}\` in \`packages/editor/${modulePath}\`${element.superclass ? ` (extends \`${element.superclass.name}\`)` : ''}.`, '')
  out.push('### Attributes', '')
  out.push(
    table(
      ['attribute', 'property', 'type', 'default', 'reflects', 'description'],
      (element.attributes ?? []).map((a) => {
        const field = members.find((m) => m.name === a.fieldName)
        return [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), field?.reflects ? 'yes' : '', cell(a.description)]
      }),
    ),
  )
  out.push('### Properties', '')
  out.push(
    table(
      ['property', 'attribute', 'type', 'default', 'description'],
      members
        .filter((m) => m.kind === 'field' && isPublic(m))
        .map((m) => [code(m.name), code(m.attribute), code(m.type?.text), code(m.default), cell(`${m.readonly ? '(read-only) ' : ''}${m.description ?? ''}`)]),
    ),
  )
  out.push('### Methods', '')
  out.push(table(['method', 'description'], members.filter((m) => m.kind === 'method' && isPublic(m)).map((m) => [code(signature(m)), cell(m.description)])))
  out.push('### Events', '')
  out.push(table(['event', 'type', 'description'], (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)])))
  out.push('### Slots', '')
  out.push(table(['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])))
  out.push('### CSS parts', '')
  out.push(table(['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])))
  out.push('### CSS custom properties', '')
  out.push(table(['property', 'default', 'description'], (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)])))
  return out.join('\n')
}

/** The Markdown between the markers: every custom element of the manifest. */
export function renderApi(manifest) {
  const parts = [
    '<!-- Written by packages/editor/build/api-docs.mjs from custom-elements.json: edit the element\'s class doc block and run `pnpm --filter @zongjie/editor api-docs`, not this. -->',
    '',
  ]
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) parts.push(renderElement(declaration, module.path))
    }
  }
  return parts.join('\n')
}

/** The README with `section` between the markers (which must be there, once each). */
export function replaceSection(readme, section) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start || readme.indexOf(START, start + 1) >= 0) throw new Error(`README.md needs one ${START} … ${END}`)
  return `${readme.slice(0, start + START.length)}\n${section}\n${readme.slice(end)}`
}

/** The README's text between the markers. */
export function currentSection(readme) {
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start < 0 || end < start) throw new Error(`README.md needs one ${START} … ${END}`)
  return readme.slice(start + START.length + 1, end - 1)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(manifestPath)) {
    console.error('api-docs: no custom-elements.json; run `pnpm --filter @zongjie/editor api-docs` (or `cem analyze` in packages/editor) first.')
    process.exit(2)
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const readme = readFileSync(readmePath, 'utf8')
  const next = replaceSection(readme, renderApi(manifest))
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('api-docs: README.md\'s API reference is out of date; run `pnpm --filter @zongjie/editor api-docs`.')
      process.exit(1)
    }
    console.log('api-docs: README.md is up to date.')
  } else if (next !== readme) {
    writeFileSync(readmePath, next)
    console.log('api-docs: README.md updated.')
  } else console.log('api-docs: README.md already up to date.')
}
