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
import type { Catalog } from '../locales/index.ts'

/** A toolbar button: its label, its tooltip (with the shortcut), and the command it runs. */
export interface ToolbarItem {
  label: string
  title: string
  command: Command
}

/** The units offered when inserting a metric from the toolbar. */
export const toolbarUnits = ['名', '人', '人次', '个', '次', '项', '件', '场', '期', '户', '元', '万元', '%']

/** The toolbar's groups. Each button is live only where its command applies (the check-only call). */
export function toolbarGroups(unit: string, t: Catalog['toolbar']): ToolbarItem[][] {
  return [
    ([1, 2, 3, 4] as const).map((rank) => ({ label: t.insert[rank - 1], title: t.insertTitles[rank - 1], command: insertSection(rank) })),
    [
      { label: t.demote, title: t.demoteTitle, command: demoteSection },
      { label: t.promote, title: t.promoteTitle, command: promoteSection },
      { label: t.moveUp, title: t.moveUpTitle, command: moveSectionUp },
      { label: t.moveDown, title: t.moveDownTitle, command: moveSectionDown },
    ],
    [
      { label: t.toItems, title: t.toItemsTitle, command: paragraphsToWorkItems },
      { label: t.toParagraphs, title: t.toParagraphsTitle, command: workItemsToParagraphs },
      { label: t.layout, title: t.layoutTitle, command: toggleWorkItemsLayout },
    ],
    [
      { label: t.metric(unit), title: t.metricTitle(unit), command: insertMetric({ unit }) },
      { label: t.blank, title: t.blankTitle, command: insertBlank() },
    ],
    [
      { label: t.bold, title: t.boldTitle, command: toggleMark(schema.marks.bold!) },
      { label: t.undo, title: t.undoTitle, command: undo },
      { label: t.redo, title: t.redoTitle, command: redo },
    ],
  ]
}

/** Renders the toolbar for a state; `run` runs a command on the view, `setUnit` picks the metric unit. */
export function renderToolbar(state: EditorState | null, readonly: boolean, unit: string, run: (c: Command) => void, setUnit: (u: string) => void, t: Catalog['toolbar']): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${t.label}>
    ${toolbarGroups(unit, t).map(
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
    <label class="group" title=${t.unitTitle}
      >${t.unit}
      <select
        aria-label=${t.unitTitle}
        @change=${(e: Event) => setUnit((e.target as HTMLSelectElement).value)}
        ?disabled=${readonly}
      >
        ${toolbarUnits.map((u) => html`<option ?selected=${u === unit}>${u}</option>`)}
      </select></label
    >
  </div>`
}
