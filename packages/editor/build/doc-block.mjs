// Reads the tags of a JSDoc block (`@attr name - description`, `@event …`, `@csspart …`,
// `@cssproperty …`): the public contract of <zongjie-editor> is its class doc block. Used by the
// manifest's configuration (custom-elements-manifest.config.mjs) and by test/build.test.ts.

/**
 * The tags of one JSDoc comment (`/** … *\/`), in order. A tag's description runs on over the
 * following lines up to the next tag or an empty line.
 * @param {string} comment
 * @returns {{ tag: string, name: string, description: string }[]}
 */
export function docTags(comment) {
  const lines = comment
    .replace(/^\s*\/\*\*/, '')
    .replace(/\*\/\s*$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd())
  const tags = []
  let current = null
  for (const line of lines) {
    const m = /^@(\w+)\s+(?:\{[^}]*\}\s+)?(\S+)(?:\s+-)?\s*(.*)$/.exec(line.trim())
    if (m) {
      current = { tag: m[1], name: m[2], description: m[3] }
      tags.push(current)
    } else if (!line.trim() || line.trim().startsWith('@')) current = null
    else if (current) current.description = `${current.description} ${line.trim()}`.trim()
  }
  return tags
}

/**
 * The tags of the doc block right before `export class <className>` in a module's source.
 * @param {string} source
 * @param {string} className
 */
export function classDocTags(source, className) {
  const at = source.search(new RegExp(`\\n(export )?(default )?class ${className}\\b`))
  if (at < 0) throw new Error(`class ${className} not found`)
  const start = source.lastIndexOf('/**', at)
  const end = source.indexOf('*/', start)
  if (start < 0 || end > at) throw new Error(`class ${className} has no doc block`)
  return docTags(source.slice(start, end + 2))
}
