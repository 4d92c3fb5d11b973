import type { Plugin } from 'vite'

/** The minified CSS of one css`…` template's text; throws naming `file` and `line` where Lightning CSS cannot read it. */
export function minifyCss(css: string, file: string, line: number): string

/** A Vite plugin that minifies the CSS of the css`…` templates without interpolation in the modules matching `include` (the editor's own sources by default). */
export function minifyLitCss(options?: { include?: RegExp }): Plugin
