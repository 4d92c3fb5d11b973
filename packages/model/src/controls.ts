/**
 * Control characters that have no place in a summary (a stray bell or vertical tab from an OA
 * system's text, a file's stray bytes): what opening a file and reading pasted text both remove,
 * and say so, since Summary JSON refuses them in a paragraph's text.
 */

/** Control characters that have no place in a summary: C0 but tab, line feed and carriage return; DEL; C1. */
export const strayControl = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g

/** What a warning says of the control characters `found` removed from one line: how many, and which (`U+0007`). */
export function controlsRemoved(found: readonly string[]): string {
  const codes = [...new Set(found.map((c) => 'U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')))]
  return `删除了 ${found.length} 个控制字符（${codes.join('、')}）`
}
