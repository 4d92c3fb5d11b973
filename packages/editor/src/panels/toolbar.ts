import { html, nothing, type TemplateResult } from 'lit'
import type { Command, EditorState } from 'prosemirror-state'
import { toggleMark } from 'prosemirror-commands'
import { undo, redo } from 'prosemirror-history'
import { schema } from '@zongjie/model'
import {
  insertSection,
  moveSectionUp,
  moveSectionDown,
  paragraphsToWorkItems,
  workItemsToParagraphs,
  toggleWorkItemsLayout,
  insertMetric,
  insertBlank,
} from '@zongjie/commands'
import type { Catalog } from '../locales/index.ts'
import { demoteShifted, promoteShifted } from '../plugins/keys.ts'

/** A toolbar button: its label, its tooltip (with the shortcut), and the command it runs. */
export interface ToolbarItem {
  label: string
  title: string
  command: Command
}

/** The units offered when inserting a metric from the toolbar. */
export const toolbarUnits = ['名', '人', '人次', '个', '次', '项', '件', '场', '期', '户', '元', '万元', '%']

/** Undo and redo: the editor's own history, or, co-editing, the shared document's (each writer's own changes). */
export interface ToolbarHistory {
  undo: Command
  redo: Command
}

/** The toolbar's groups. Each button is live only where its command applies (the check-only call). */
export function toolbarGroups(unit: string, t: Catalog['toolbar'], history: ToolbarHistory = { undo, redo }): ToolbarItem[][] {
  return [
    ([1, 2, 3, 4] as const).map((rank) => ({ label: t.insert[rank - 1], title: t.insertTitles[rank - 1], command: insertSection(rank) })),
    [
      { label: t.demote, title: t.demoteTitle, command: demoteShifted },
      { label: t.promote, title: t.promoteTitle, command: promoteShifted },
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
      { label: t.undo, title: t.undoTitle, command: history.undo },
      { label: t.redo, title: t.redoTitle, command: history.redo },
    ],
  ]
}

/** What the toolbar's file buttons do: open a file the writer chose (打开), export a Word file (导出 Word). */
export interface ToolbarFiles {
  open: (file: File) => void
  exportWord: () => void
}

/** The types of file 打开 offers: Word, text, HTML and Summary JSON (the importer reads each). */
export const openableTypes = '.docx,.txt,.text,.html,.htm,.json'

function renderFiles(readonly: boolean, files: ToolbarFiles, t: Catalog['toolbar']): TemplateResult {
  const chosen = (e: Event) => {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    // Cleared, so that choosing the same file again opens it again.
    input.value = ''
    if (file) files.open(file)
  }
  return html`<div class="group">
    <input class="file" type="file" accept=${openableTypes} tabindex="-1" aria-hidden="true" @change=${chosen} />
    <button
      type="button"
      title=${t.openTitle}
      ?disabled=${readonly}
      @mousedown=${(e: Event) => e.preventDefault()}
      @click=${(e: Event) => ((e.target as HTMLElement).closest('.group')!.querySelector('input') as HTMLInputElement).click()}
    >
      ${t.open}
    </button>
    <button type="button" title=${t.exportWordTitle} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => files.exportWord()}>
      ${t.exportWord}
    </button>
  </div>`
}

/**
 * Whether a command applies in a state. A co-edited document can be out of the schema for a
 * moment (two writers' changes merged, until the server repairs them), where a command's check
 * may throw: the command then shows as not applying.
 */
function applies(command: Command, state: EditorState): boolean {
  try {
    return command(state)
  } catch {
    return false
  }
}

/**
 * Renders the toolbar for a state, each button live only where its command applies; for no state
 * (before the editor's first frame, when the checks would hold it up), every button shows as
 * available, and one that does not apply does nothing. `run` runs a command on the view, `setUnit` picks the metric
 * unit, `files` opens and exports files, `extra` is a group of the element's own (修订, 添加批注), `history`
 * the undo and redo to offer (the editor's own by default). A button is named by its visible label; its tooltip
 * (`title`) is its description, so what a speech user reads on the button is what it is called.
 */
export function renderToolbar(
  state: EditorState | null,
  readonly: boolean,
  unit: string,
  run: (c: Command) => void,
  setUnit: (u: string) => void,
  files: ToolbarFiles,
  t: Catalog['toolbar'],
  extra: TemplateResult | typeof nothing = nothing,
  history?: ToolbarHistory,
): TemplateResult {
  return html`<div class="toolbar" part="toolbar" role="toolbar" aria-label=${t.label}>
    ${renderFiles(readonly, files, t)}
    ${toolbarGroups(unit, t, history).map(
      (group) => html`<div class="group">
        ${group.map(
          (item) => html`<button
            type="button"
            title=${item.title}
            ?disabled=${readonly || (state !== null && !applies(item.command, state))}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => run(item.command)}
          >
            ${item.label}
          </button>`,
        )}
      </div>`,
    )}
    ${extra}
    <label class="group" title=${t.unitTitle}
      >${t.unit}
      <select
        title=${t.unitTitle}
        @change=${(e: Event) => setUnit((e.target as HTMLSelectElement).value)}
        ?disabled=${readonly}
      >
        ${toolbarUnits.map((u) => html`<option ?selected=${u === unit}>${u}</option>`)}
      </select></label
    >
  </div>`
}
