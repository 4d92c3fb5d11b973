import type MagicString from 'magic-string'
import type { Plugin } from 'vite'

/** `code` with the line breaks and indentation of its html`…` templates collapsed to one space each; `null` when nothing changed. */
export function collapseHtmlTemplates(code: string, file: string): MagicString | null

/** A Vite plugin that collapses the markup of the html`…` templates in the modules matching `include` (the editor's own sources by default). */
export function minifyLitHtml(options?: { include?: RegExp }): Plugin
