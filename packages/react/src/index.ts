export { ZongjieEditor, zongjieEditorEvents } from './zongjie-editor.ts'
export type { ZongjieEditorElement, ZongjieEditorProps } from './zongjie-editor.ts'
export type { ZongjieChangeDetail, ZongjieErrorDetail } from '@zongjie/editor'
