// The markup of html`…` templates as every build ships it (build/minify-html.mjs): line breaks and
// indentation gone, nothing else changed.
import { describe, it, expect } from 'vitest'
import { collapseHtmlTemplates } from '../build/minify-html.mjs'

const collapse = (code: string) => collapseHtmlTemplates(code, 'x.ts')?.toString() ?? code

describe('collapsing html`…` templates', () => {
  it('turns each run of white space holding a line break into one space, interpolations and the templates inside them too', () => {
    const code = [
      'const a = html`<div class="shell">',
      '    <span title=${t.title}',
      '      >${n}</span>',
      '    ${open ? html`',
      '        <b>${x}</b>',
      '      ` : nothing}',
      '  </div>`',
    ].join('\n')
    expect(collapse(code)).toBe('const a = html`<div class="shell"> <span title=${t.title} >${n}</span> ${open ? html` <b>${x}</b> ` : nothing} </div>`')
  })

  it('leaves other templates, strings, spaces on one line and what is drawn as written alone', () => {
    const code = [
      'const b = css`',
      '  .a { }`',
      "const c = `line one",
      "line two`",
      'const d = html`<p>one  two</p>`',
      'const e = html`<textarea>',
      '  kept</textarea>`',
    ].join('\n')
    expect(collapseHtmlTemplates(code, 'x.ts')).toBeNull()
  })
})
