// Co-editing in the one-file script build (it replaces src/collab/session.ts there; see
// vite.config.ts). Yjs, y-prosemirror and the Hocuspocus provider would more than double
// zongjie-editor.iife.js for the pages of old browsers it is made for, so co-editing is left out of
// it: setting `collab` reports the connection refused, saying why, and the editor stays local.

import type { Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { CollabHost, CollabOptions } from '../src/collab/session.ts'

export type { CollabHost, CollabOptions, CollabStatus } from '../src/collab/session.ts'

/** Co-editing, absent from the script build: refused at once, with the reason. */
export class CollabSession {
  constructor(host: CollabHost, _options: CollabOptions) {
    setTimeout(() => host.statusChanged('refused', '协同编辑不在脚本版（zongjie-editor.iife.js）中，请使用 ES 模块版 @zongjie/editor'), 0)
  }
  attach(_view: EditorView): void {}
  applied(_tr: Transaction): void {}
  compositionEnded(): void {}
  destroy(): void {}
}
