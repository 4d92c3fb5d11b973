/**
 * Trusted Types (可信类型), for pages whose Content-Security-Policy requires them
 * (`require-trusted-types-for 'script'`), as government sites' often do. The editor parses HTML
 * in two places, pasted HTML and opened files (HTML, and the XML inside a Word file), and the
 * script build loads one script by address, its Word support: each goes through one policy of
 * the editor's own, created the first time it is needed and only where the browser has Trusted
 * Types. The policy never leaves this module, and it lets through only HTML that
 * {@link parseDocument} parses into an inert document (never inserted into the page) and only
 * the address of the Word support script.
 *
 * The policy is named `zongjie`; a page whose policy allows other names gives the editor one with
 * `<meta name="zongjie-trusted-types-policy" content="…">` in its `<head>`. The page's
 * `trusted-types` directive must list that name, and `lit-html` (Lit's templates), and
 * `ProseMirrorClipboard` (ProseMirror reads HTML copied from an editor through a policy of its own).
 */

/** The `<meta name>` with which a page names the editor's Trusted Types policy. */
export const policyMetaName = 'zongjie-trusted-types-policy'

/** The name of the editor's Trusted Types policy when the page names none. */
export const defaultPolicyName = 'zongjie'

/** The file name of the script build's Word support, the one script the editor loads by address. */
export const wordSupportScript = 'zongjie-docx.iife.js'

/** The little of a Trusted Types policy used here: the string in, the trusted value out. */
interface Policy {
  createHTML(html: string): string
  createScriptURL(url: string): string
}

/** The policy once created; `null` where the browser has no Trusted Types. */
let policy: Policy | null | undefined

function trusted(): Policy | null {
  if (policy === undefined) {
    const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: Policy): Policy } }).trustedTypes
    const meta = document.querySelector<HTMLMetaElement>(`meta[name="${policyMetaName}"]`)
    policy = factory
      ? factory.createPolicy((meta && meta.content.trim()) || defaultPolicyName, {
          createHTML: (html) => html,
          // Only a script of that name, with nothing after it, beside whatever script it is.
          createScriptURL: (url) => {
            if (new URL(wordSupportScript, url).href !== url) throw new TypeError(url)
            return url
          },
        })
      : null
  }
  return policy
}

/**
 * The HTML that an inert document needs: what a strict policy would refuse and report while
 * parsing, though it never takes effect there, left out. `<style>` elements and `on…` handler
 * attributes go, and `style` attributes too, except that an element a style hides (Word's
 * `mso-hide:all`, `display:none`) gets `hidden`, which the model's importer reads as well.
 */
export function quietHTML(html: string): string {
  return html
    .replace(/<style\b[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<[a-z][^<>]*>/gi, (tag) =>
      tag.replace(/(\s)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/g, (attribute, space: string, name: string, value = '') =>
        /^on/i.test(name) ? '' : /^style$/i.test(name) ? (/[=;"']\s*(?:display\s*:\s*none|mso-hide\s*:\s*all)/i.test(value) ? `${space}hidden` : '') : attribute,
      ),
    )
}

/**
 * Parses HTML (`text/html`, first made {@link quietHTML}) or XML into an inert document with the
 * browser's `DOMParser`: no script runs, nothing loads, nothing is shown, and nothing of it is
 * put into the page. Where the page requires Trusted Types, through the editor's policy.
 */
export function parseDocument(source: string, type: DOMParserSupportedType): Document {
  if (type === 'text/html') source = quietHTML(source)
  const p = trusted()
  return new DOMParser().parseFromString(p ? p.createHTML(source) : source, type)
}

/**
 * The address of the Word support script beside the editor's own script at `editorScript`, as a
 * script element's `src` takes it: through the editor's policy where the page requires Trusted Types.
 */
export function wordSupportURL(editorScript: string): string {
  const url = new URL(wordSupportScript, editorScript).href
  const p = trusted()
  return p ? p.createScriptURL(url) : url
}
