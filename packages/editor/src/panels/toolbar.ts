import { html, type TemplateResult } from 'lit'
import type { Command, EditorState } from 'prosemirror-state'
import { toggleMark } from 'prosemirror-commands'
import { undo, redo } from 'prosemirror-history'
import { schema } from '@zongjie/model'
import {
  insertSection,
  demoteSection,
  promoteSection,
  moveSectionUp,
  moveSectionDown,
  paragraphsToWorkItems,
  workItemsToParagraphs,
  toggleWorkItemsLayout,
  insertMetric,
  insertBlank,
} from '@zongjie/commands'

/** A toolbar button: its label, its tooltip (with the shortcut), and the command it runs. */
export interface ToolbarItem {
  label: string
  title: string
  command: Command
}

/** The units offered when inserting a metric from the toolbar. */
export const toolbarUnits = ['名', '人', '人次', '个', '次', '项', '件', '场', '期', '户', '元', '万元', '%']

/** The toolbar's groups. Each button is live only where its command applies (the check-only call). */
export function toolbarGroups(unit: string): ToolbarItem[][] {
  return [
    [
      { label: '一、', title: '插入一级标题“一、”（行首输入“一、”亦可）', command: insertSection(1) },
      { label: '（一）', title: '插入二级标题“（一）”（行首输入“（一）”亦可）', command: insertSection(2) },
      { label: '1.', title: '插入三级标题“1.”（行首输入“1.”亦可）', command: insertSection(3) },
      { label: '（1）', title: '插入四级标题“（1）”（行首输入“（1）”亦可）', command: insertSection(4) },
    ],
    [
      { label: '降级', title: '降级：本节连同下级成为上一节的下级（Tab）', command: demoteSection },
      { label: '升级', title: '升级：本节连同下级提升一级（Shift+Tab）', command: promoteSection },
      { label: '上移', title: '上移本节（Alt+↑）', command: moveSectionUp },
      { label: '下移', title: '下移本节（Alt+↓）', command: moveSectionDown },
    ],
    [
      { label: '一是…', title: '把所选段落设为工作事项“一是……二是……”（行首输入“一是”亦可）', command: paragraphsToWorkItems },
      { label: '转为段落', title: '把工作事项转回普通段落，序号保留为文字', command: workItemsToParagraphs },
      { label: '连写/分段', title: '工作事项在一段内连写，或一项一段', command: toggleWorkItemsLayout },
    ],
    [
      { label: `指标 X${unit}`, title: `插入待填写的指标（单位“${unit}”）`, command: insertMetric({ unit }) },
      { label: '空白 X', title: '插入待填写的名称，如“X社区”', command: insertBlank() },
    ],
    [
      { label: '加粗', title: '加粗（Ctrl+B）', command: toggleMark(schema.marks.bold!) },
      { label: '撤销', title: '撤销（Ctrl+Z）', command: undo },
      { label: '重做', title: '重做（Ctrl+Y 或 Ctrl+Shift+Z）', command: redo },
    ],
  ]
}

/** Renders the toolbar for a state; `run` runs a command on the view, `setUnit` picks the metric unit. */
export function renderToolbar(state: EditorState | null, readonly: boolean, unit: string, run: (c: Command) => void, setUnit: (u: string) => void): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label="编辑工具栏">
    ${toolbarGroups(unit).map(
      (group) => html`<div class="group">
        ${group.map(
          (item) => html`<button
            type="button"
            title=${item.title}
            aria-label=${item.title}
            ?disabled=${readonly || !state || !item.command(state)}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => run(item.command)}
          >
            ${item.label}
          </button>`,
        )}
      </div>`,
    )}
    <label class="group" title="插入指标时使用的单位"
      >单位
      <select
        aria-label="插入指标时使用的单位"
        @change=${(e: Event) => setUnit((e.target as HTMLSelectElement).value)}
        ?disabled=${readonly}
      >
        ${toolbarUnits.map((u) => html`<option ?selected=${u === unit}>${u}</option>`)}
      </select></label
    >
  </div>`
}
