#!/usr/bin/env node
// Checks that a script contains no syntax newer than ES2019 (what Chromium 78 runs: no `?.`, no
// `??`, no class fields, no `static {}` …), by parsing it with acorn at ecmaVersion 2019 as a
// classic script. `node build/check-es2019.mjs FILE…` exits 1 on the first file that fails;
// `pnpm --filter @zongjie/editor build` runs it on dist/zongjie-editor.iife.js.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'acorn'

/**
 * null when `code` parses as an ES2019 script, else what fails and where, with the code around it.
 * @param {string} code
 * @returns {string | null}
 */
export function es2019Error(code) {
  try {
    parse(code, { ecmaVersion: 2019, sourceType: 'script' })
    return null
  } catch (error) {
    const e = /** @type {SyntaxError & { pos?: number }} */ (error)
    const pos = e.pos ?? 0
    return `${e.message}: …${code.slice(Math.max(0, pos - 60), pos)}⟨here⟩${code.slice(pos, pos + 60)}…`
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = process.argv.slice(2)
  if (!files.length) {
    console.error('usage: node build/check-es2019.mjs FILE…')
    process.exit(2)
  }
  for (const file of files) {
    const error = es2019Error(readFileSync(file, 'utf8'))
    if (error) {
      console.error(`${file}: not ES2019: ${error}`)
      process.exit(1)
    }
    console.log(`${file}: ES2019 ✓`)
  }
}
