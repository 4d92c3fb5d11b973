// The builds of @zongjie/editor (see vite.config.ts): the script build parses as ES2019 (what
// Chromium 78 runs), defines <zongjie-editor> and runs; the Custom Elements Manifest lists the
// class doc block's contract; the README's API reference is what build/api-docs.mjs writes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { Window } from 'happy-dom'
import { es2019Error } from '../build/check-es2019.mjs'
import { classDocTags } from '../build/doc-block.mjs'
import { renderApi, currentSection, packageDir, readmePath } from '../build/api-docs.mjs'
import { DOMParser } from 'linkedom'
import { toSummary } from '@zongjie/model'
import { importDocx } from '@zongjie/docx/read'

const parseXml = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml') as never

const run = promisify(execFile)
const vite = join(packageDir, 'node_modules', 'vite', 'bin', 'vite.js')
const componentSource = readFileSync(join(packageDir, 'src/zongjie-editor/zongjie-editor.component.ts'), 'utf8')
const contract = classDocTags(componentSource, 'ZongjieEditor')
const tagNames = (...tags: string[]) => contract.filter((t) => tags.includes(t.tag)).map((t) => t.name).sort()

describe('the script build, dist/zongjie-editor.iife.js and its Word support, dist/zongjie-docx.iife.js', () => {
  let out = ''
  let code = ''
  let docxCode = ''

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'zongjie-iife-'))
    // The real build (`vite build --mode iife`), as `pnpm build` runs it, into a directory of its own.
    await run(process.execPath, [vite, 'build', '--mode', 'iife', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: packageDir,
      env: { ...process.env, NODE_ENV: 'production' },
    })
    await run(process.execPath, [vite, 'build', '--mode', 'docx-iife', '--outDir', out, '--logLevel', 'warn'], {
      cwd: packageDir,
      env: { ...process.env, NODE_ENV: 'production' },
    })
    code = readFileSync(join(out, 'zongjie-editor.iife.js'), 'utf8')
    docxCode = readFileSync(join(out, 'zongjie-docx.iife.js'), 'utf8')
    const kB = (n: number) => `${(n / 1024).toFixed(1)} KiB`
    for (const [name, text] of [['zongjie-editor.iife.js', code], ['zongjie-docx.iife.js', docxCode]]) {
      console.log(`${name}: ${kB(Buffer.byteLength(text!))} minified, ${kB(gzipSync(text!, { level: 9 }).length)} gzip`)
    }
  })

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true })
  })

  it('contains nothing newer than ES2019', () => {
    expect(es2019Error(code)).toBeNull()
    expect(es2019Error(docxCode)).toBeNull()
  })

  it('leaves Word support out of the editor script: the docx library is only in the second script, which takes the model from the first', () => {
    expect(code).not.toContain('w:eastAsia')
    expect(code).toContain('zongjie-docx.iife.js')
    expect(docxCode).toContain('w:eastAsia')
    expect(docxCode).toMatch(/ZongjieDocx/)
    // The model is not in it twice (its schema's DOM classes are only in the first script): it is the global Zongjie's.
    expect(docxCode).not.toContain('zj-work-intro')
    expect(code).toContain('zj-work-intro')
    expect(docxCode).toMatch(/\bZongjie\b/)
  })

  it('ships the styles minified: none of their comments, the rules as the browser needs them', () => {
    expect(code).not.toContain('Guidance in empty blocks')
    expect(code).not.toMatch(/\n\s+\.zj-/)
    expect(code).toContain('.zj-empty:after{content:attr(data-placeholder)')
  })

  it('defines <zongjie-editor> and needs no `process`', () => {
    expect(code).toContain('customElements.define')
    expect(code).toContain('zongjie-editor')
    expect(code).not.toMatch(/\bprocess\.env\b/)
  })

  it('runs: loading it defines the element and the global Zongjie, and the element works', async () => {
    const window = new Window({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } })
    try {
      const w = window as unknown as Record<string, any>
      // happy-dom has no ElementInternals: enough of it for a form-associated element.
      w.HTMLElement.prototype.attachInternals ??= function () {
        return { form: null, validity: { valid: true }, validationMessage: '', setFormValue() {}, setValidity() {}, checkValidity: () => true, reportValidity: () => true }
      }
      w.eval(code)
      expect(window.customElements.get('zongjie-editor')).toBe(w.Zongjie.ZongjieEditor)
      expect(typeof w.Zongjie.importText).toBe('function')
      expect(typeof w.Zongjie.toSummary).toBe('function')

      const el = window.document.createElement('zongjie-editor') as any
      window.document.body.appendChild(el)
      await el.updateComplete
      // A reactive property (not shadowed by a class field) reflects and renders.
      el.toolbar = true
      await el.updateComplete
      expect(el.hasAttribute('toolbar')).toBe(true)
      expect(el.shadowRoot.querySelector('[part=toolbar]')).not.toBeNull()
      // The global's model and the element's are one copy: a document made with it loads.
      const { doc } = w.Zongjie.importText('2024年工作总结\n开头。\n一、学习\n一是读书。')
      el.load(doc)
      expect(el.getText()).toContain('一、学习')
      expect(el.summary.sections[0].title).toBe('学习')
      // Word support: the second script, loaded after the first, exports with the first one's model.
      w.eval(docxCode)
      const blob = await el.getDocx()
      const bytes = new Uint8Array(await blob.arrayBuffer())
      expect(toSummary(importDocx(bytes, parseXml).doc)).toEqual(JSON.parse(JSON.stringify(el.summary)))
    } finally {
      await window.happyDOM.close()
    }
  })
})

describe('the ES2019 checker', () => {
  it('passes ES2019 (optional catch binding, object rest and spread, async generators)', () => {
    expect(es2019Error('var {a, ...r} = o; try { f() } catch { g({...r}) } async function* h() { for await (const x of y) yield x }')).toBeNull()
  })

  it.each([
    ['optional chaining', 'a?.b'],
    ['nullish coalescing', 'a ?? b'],
    ['a class field', 'class A { x = 1 }'],
    ['a static class field', 'class A { static x = 1 }'],
    ['a private method', 'class A { #m() {} }'],
    ['a static block', 'class A { static {} }'],
    ['logical assignment', 'a ||= b'],
    ['a numeric separator', 'var n = 1_000'],
    ['a BigInt literal', 'var n = 1n'],
    ['import.meta', 'import.meta.url'],
  ])('fails on %s', (_, snippet) => {
    expect(es2019Error(snippet)).toMatch(/here/)
  })
})

describe('the Custom Elements Manifest', () => {
  let manifest: any
  let element: any

  beforeAll(async () => {
    // The analyser with the package's configuration, as `cem analyze` runs it, without writing.
    const { cli } = await import('@custom-elements-manifest/analyzer/cli.js' as string)
    manifest = await cli({ argv: ['analyze', '--quiet'], cwd: packageDir, noWrite: true })
    element = manifest.modules.flatMap((m: any) => m.declarations ?? []).find((d: any) => d.tagName === 'zongjie-editor')
  })

  it('lists <zongjie-editor> with the attributes, events, parts and CSS properties of its class doc block', () => {
    expect(element).toBeTruthy()
    expect(element.name).toBe('ZongjieEditor')
    const names = (list: { name: string }[] | undefined) => (list ?? []).map((x) => x.name).sort()
    expect(names(element.attributes)).toEqual(tagNames('attr', 'attribute'))
    expect(names(element.events)).toEqual(tagNames('event', 'fires'))
    expect(names(element.cssParts)).toEqual(tagNames('csspart', 'part'))
    expect(names(element.cssProperties)).toEqual(tagNames('cssproperty', 'cssprop'))
    expect(manifest.modules.flatMap((m: any) => m.exports ?? [])).toContainEqual(expect.objectContaining({ kind: 'custom-element-definition', name: 'zongjie-editor' }))
  })

  it('gives every attribute its property, and keeps internal state out', () => {
    for (const attribute of element.attributes) expect(attribute.fieldName, attribute.name).toBeTruthy()
    const fields = new Map(element.members.map((m: any) => [m.name, m]))
    expect((fields.get('toolbar') as any).reflects).toBe(true)
    expect((fields.get('hint') as any)?.attribute).toBeUndefined()
    expect((fields.get('revision') as any)?.attribute).toBeUndefined()
  })

  it("is what the README's API reference shows (run `pnpm --filter @zongjie/editor api-docs` after changing the element)", () => {
    const readme = readFileSync(readmePath, 'utf8')
    expect(currentSection(readme)).toBe(renderApi(manifest))
  })
})
