// @vitest-environment happy-dom
/**
 * The editor's Trusted Types policy (security/trusted-types.ts): created the first time HTML is
 * parsed or the Word support script is loaded, only where the browser has Trusted Types, under
 * the name the page gives; it lets through only the Word support script beside another script;
 * and the HTML it parses leaves out what a strict Content-Security-Policy would report.
 */
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest'
import { importHTML } from '@zongjie/model'

type Module = typeof import('../src/security/trusted-types.ts')
interface Rules {
  createHTML(html: string): string
  createScriptURL(url: string): string
}

/** A fresh copy of the module: its policy is created once per page, so once per copy. */
async function fresh(): Promise<Module> {
  vi.resetModules()
  return import('../src/security/trusted-types.ts')
}

/** A browser's `trustedTypes` that records the policies created and what went through them. */
function stubTrustedTypes() {
  const policies: { name: string; rules: Rules }[] = []
  const passed: string[] = []
  vi.stubGlobal('trustedTypes', {
    createPolicy(name: string, rules: Rules) {
      policies.push({ name, rules })
      return {
        createHTML: (html: string) => (passed.push(`html:${html}`), rules.createHTML(html)),
        createScriptURL: (url: string) => (passed.push(`script:${url}`), rules.createScriptURL(url)),
      }
    },
  })
  return { policies, passed }
}

beforeEach(() => {
  document.head.innerHTML = ''
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the policy', () => {
  it('is not needed where the browser has no Trusted Types: HTML is parsed and the script address is plain', async () => {
    const { parseDocument, wordSupportURL } = await fresh()
    expect(parseDocument('<p>一、主要工作</p>', 'text/html').body.textContent).toBe('一、主要工作')
    expect(wordSupportURL('https://oa.example.cn/static/zongjie-editor.iife.js')).toBe('https://oa.example.cn/static/zongjie-docx.iife.js')
  })

  it('is created on first use, once, named `zongjie` unless the page names it', async () => {
    const { policies, passed } = stubTrustedTypes()
    const { parseDocument, wordSupportURL } = await fresh()
    expect(policies).toEqual([])
    parseDocument('<p>甲</p>', 'text/html')
    parseDocument('<r/>', 'application/xml')
    wordSupportURL('https://oa.example.cn/js/zongjie-editor.iife.js')
    expect(policies.map((p) => p.name)).toEqual(['zongjie'])
    expect(passed).toEqual(['html:<p>甲</p>', 'html:<r/>', 'script:https://oa.example.cn/js/zongjie-docx.iife.js'])
  })

  it('takes its name from <meta name="zongjie-trusted-types-policy">', async () => {
    const { policies } = stubTrustedTypes()
    document.head.innerHTML = '<meta name="zongjie-trusted-types-policy" content=" oa-editor ">'
    const { parseDocument } = await fresh()
    parseDocument('<p>甲</p>', 'text/html')
    expect(policies.map((p) => p.name)).toEqual(['oa-editor'])
  })

  it('lets through only the Word support script, beside whatever script, with nothing after its name', async () => {
    const { policies } = stubTrustedTypes()
    const { wordSupportURL } = await fresh()
    wordSupportURL('https://oa.example.cn/js/zongjie-editor.iife.js')
    const { createScriptURL } = policies[0]!.rules
    expect(createScriptURL('https://cdn.example.cn/a/zongjie-docx.iife.js')).toBe('https://cdn.example.cn/a/zongjie-docx.iife.js')
    for (const url of [
      'https://oa.example.cn/js/other.js',
      'https://oa.example.cn/js/zongjie-docx.iife.js?x=1',
      'https://oa.example.cn/js/zongjie-docx.iife.js#x',
      'https://oa.example.cn/js/not-zongjie-docx.iife.js',
      'data:text/javascript,alert(1)',
    ]) {
      expect(() => createScriptURL(url), url).toThrow(TypeError)
    }
  })
})

describe('quietHTML', () => {
  it('leaves out <style> elements, handler attributes and styles; an element a style hides gets `hidden`', async () => {
    const { quietHTML } = await fresh()
    expect(quietHTML(`<head><style><!-- p.MsoNormal {margin:0cm} --></style></head><body lang=ZH-CN style='tab-interval:21.0pt'>`)).toBe('<head></head><body lang=ZH-CN>')
    expect(quietHTML(`<p class=MsoNormal onclick="go()" style='text-indent:32.0pt'>一是<span style="mso-hide:all">批注</span></p>`)).toBe(
      '<p class=MsoNormal>一是<span hidden>批注</span></p>',
    )
    expect(quietHTML('<span style="color:red; display: none">甲</span><img src=x onerror=alert(1)><i STYLE=color:red>乙</i>')).toBe('<span hidden>甲</span><img src=x><i>乙</i>')
  })

  it('keeps text that only looks like an attribute, and attributes whose values mention one', async () => {
    const { quietHTML } = await fresh()
    const html = '<p data-label="x style=y onclick=z" title=\'a onload="b"\'>写 style="color:red" 与 onclick=1</p>'
    expect(quietHTML(html)).toBe(html)
  })

  it('as the model imports Word HTML through it: hidden text stays out, the rest is read', async () => {
    const { parseDocument } = await fresh()
    const word = `<html><head><style>p{}</style></head><body>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:22.0pt'>示范县民政局2024年工作总结</span></p>
<p class=MsoNormal style='margin-left:32.0pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>一、</span><span style='font-family:黑体'>主要工作</span></p>
<p class=MsoNormal>全年发放救助资金。<span style='mso-hide:all'>隐藏的批注</span></p>
</body></html>`
    const { doc } = importHTML(word, (h) => parseDocument(h, 'text/html'))
    expect(doc.textContent).toContain('主要工作')
    expect(doc.textContent).toContain('全年发放救助资金。')
    expect(doc.textContent).not.toContain('隐藏的批注')
  })
})
