// The CSS of Lit's css`…` templates in the editor's own source, minified at build time: their
// comments (the styles' documentation), spaces and longer forms are not shipped. Every build of
// the element uses it (the ES build, the script builds, the bench's and the size budget's bundle).
import { transform } from 'lightningcss'
import MagicString from 'magic-string'

/** The browsers the CSS must keep working in: those of the script build (Chromium 78). */
const targets = { chrome: 78 << 16 }

/** A css`…` template with no interpolation (`$` excluded), no escape and no backtick in it. */
const template = /\bcss`([^`\\$]*)`/g

/** Template-literal text for `text`: its backslashes, backticks and `${` escaped. */
const asTemplateText = (text) => text.replace(/[\\`]|\$\{/g, (m) => '\\' + m)

/**
 * The minified CSS of one template's text; a message naming the file and line where Lightning CSS
 * cannot read it.
 * @param {string} css
 * @param {string} file
 * @param {number} line
 * @returns {string}
 */
export function minifyCss(css, file, line) {
  try {
    return transform({ filename: file, code: Buffer.from(css), minify: true, targets }).code.toString()
  } catch (error) {
    throw new Error(`${file}:${line}: the CSS of this css\`…\` template cannot be read: ${/** @type {Error} */ (error).message}`)
  }
}

/**
 * A Vite (Rolldown) plugin that minifies the CSS of every css`…` template without interpolation in
 * the modules whose id matches `include` (by default, the editor's own TypeScript sources), with
 * Lightning CSS for Chromium 78 and later. Source maps follow (magic-string).
 * @param {{ include?: RegExp }} [options]
 * @returns {import('vite').Plugin}
 */
export function minifyLitCss({ include = /[\\/]packages[\\/]editor[\\/]src[\\/][^?]*\.ts(\?|$)/ } = {}) {
  return {
    name: 'zongjie-minify-lit-css',
    transform(code, id) {
      if (!include.test(id) || !code.includes('css`')) return null
      const s = new MagicString(code)
      for (const m of code.matchAll(template)) {
        const start = m.index + 'css`'.length
        const line = code.slice(0, m.index).split('\n').length
        s.overwrite(start, start + m[1].length, asTemplateText(minifyCss(m[1], id, line)))
      }
      return s.hasChanged() ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null
    },
  }
}
