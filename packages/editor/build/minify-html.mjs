// The markup of Lit's html`…` templates in the editor's own source, its line breaks and indentation
// not shipped: a run of white space that holds a line break becomes one space, which HTML draws
// the same (white space collapses), so the templates render as before. Every build of the element
// uses it, as it uses the CSS minifier (minify-css.mjs).
import ts from 'typescript'
import MagicString from 'magic-string'

/** White space that holds a line break. */
const lineBreak = /[ \t]*\r?\n\s*/g

/** Markup whose white space is drawn as written, left as it is. */
const asWritten = /<(pre|textarea)\b/i

/**
 * `code` (a TypeScript module) with the literal text of every html`…` template collapsed (see the
 * module's comment); the interpolations are left as they are, templates inside them collapsed too.
 * `null` when nothing changed.
 * @param {string} code
 * @param {string} file
 * @returns {MagicString | null}
 */
export function collapseHtmlTemplates(code, file) {
  if (!code.includes('html`')) return null
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const s = new MagicString(code)
  /** Collapses the literal text between `from` and `to` in `code`. */
  const collapse = (from, to) => {
    const text = code.slice(from, to)
    if (asWritten.test(text)) return
    const collapsed = text.replace(lineBreak, ' ')
    if (collapsed !== text) s.overwrite(from, to, collapsed)
  }
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const t = node.template
      if (ts.isNoSubstitutionTemplateLiteral(t)) collapse(t.getStart(source) + 1, t.end - 1)
      else {
        // The head runs from its backtick to `${`; each span's literal from `}` to `${` or the closing backtick.
        collapse(t.head.getStart(source) + 1, t.head.end - 2)
        for (const span of t.templateSpans) collapse(span.literal.getStart(source) + 1, span.literal.end - (ts.isTemplateTail(span.literal) ? 1 : 2))
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return s.hasChanged() ? s : null
}

/**
 * A Vite (Rolldown) plugin that collapses the markup of every html`…` template in the modules whose
 * id matches `include` (by default, the editor's own TypeScript sources). Source maps follow.
 * @param {{ include?: RegExp }} [options]
 * @returns {import('vite').Plugin}
 */
export function minifyLitHtml({ include = /[\\/]packages[\\/]editor[\\/]src[\\/][^?]*\.ts(\?|$)/ } = {}) {
  return {
    name: 'zongjie-minify-lit-html',
    transform(code, id) {
      if (!include.test(id)) return null
      const s = collapseHtmlTemplates(code, id)
      return s ? { code: s.toString(), map: s.generateMap({ hires: true, source: id }) } : null
    },
  }
}
