/**
 * The demo page: an OA form (办公自动化) with `<zongjie-editor>` as its body field. It loads the
 * sample summary or an empty one, shows the Summary JSON and the HTML as they change, and on
 * submit refuses a draft the validator finds errors in.
 */
import { emptyDoc, type ZongjieEditor, type ZongjieErrorDetail } from '@zongjie/editor'
import { importText, toSummary, templates, type Summary } from '@zongjie/model'
import { sampleText } from './sample.ts'

const $ = <T extends Element>(selector: string) => {
  const el = document.querySelector<T>(selector)
  if (!el) throw new Error(`demo page: ${selector} is missing`)
  return el
}

const form = $<HTMLFormElement>('#report')
const editor = $<ZongjieEditor>('zongjie-editor')
const message = $<HTMLParagraphElement>('#submit-message')
const result = $<HTMLPreElement>('#result')
const jsonPane = $<HTMLPreElement>('#json-pane')
const htmlPane = $<HTMLPreElement>('#html-pane')
const eventLog = $<HTMLParagraphElement>('#event-log')

const counts = { input: 0, change: 0 }

function showMessage(text: string, kind: 'error' | 'ok' | 'info' = 'info') {
  message.textContent = text
  message.dataset.kind = kind
}

function logEvents() {
  eventLog.textContent = `input 事件 ${counts.input} 次 · change 事件 ${counts.change} 次`
}

/** Refreshes the two live panes from what the editor holds now. */
function refreshPanes() {
  jsonPane.textContent = JSON.stringify(editor.summary, null, 2)
  htmlPane.textContent = editor.getHTML()
}

let paneFrame = 0
/** Refreshes the panes once before the next paint, however many `input` events came before it. */
function schedulePanes() {
  if (!paneFrame) {
    paneFrame = requestAnimationFrame(() => {
      paneFrame = 0
      refreshPanes()
    })
  }
}

/** Whether an event is one of the editor's own, which carry `detail.summary` (computed when read). */
function isEditorEvent(event: Event): boolean {
  return event instanceof CustomEvent && !!event.detail && typeof event.detail === 'object' && 'summary' in event.detail
}

let refused = false

function load(summary: Summary, what: string) {
  refused = false
  editor.summary = summary
  if (refused) return
  refreshPanes()
  result.textContent = '尚未提交。'
  showMessage(`已${what}。`, 'info')
}

function loadSample() {
  load(toSummary(importText(sampleText).doc), '载入示例')
}

function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The form's own fields that are required and still empty, by their labels. */
function missingFields(): string[] {
  const missing: string[] = []
  for (const input of form.querySelectorAll<HTMLInputElement>('input[required]')) {
    const empty = !input.value.trim()
    input.setAttribute('aria-invalid', String(empty))
    if (empty) missing.push(input.closest('label')?.querySelector('.label')?.firstChild?.textContent?.trim() ?? input.name)
  }
  return missing
}

function submit(event: SubmitEvent) {
  event.preventDefault()
  const missing = missingFields()
  const findings = editor.validate()
  const errors = findings.filter((f) => f.severity === 'error')
  if (missing.length || errors.length) {
    const parts: string[] = []
    if (missing.length) parts.push(`请填写${missing.join('、')}`)
    if (errors.length) {
      const first = errors.slice(0, 3).map((f) => f.message).join('；')
      parts.push(`正文有 ${errors.length} 处错误须修改：${first}${errors.length > 3 ? '……' : ''}`)
    }
    showMessage(`不能提交。${parts.join('。')}。`, 'error')
    result.textContent = '未提交：请先改正上面提示的问题。'
    return
  }
  const data = new FormData(form)
  const payload = {
    unit: String(data.get('unit') ?? ''),
    date: String(data.get('date') ?? ''),
    classification: String(data.get('classification') ?? ''),
    contact: String(data.get('contact') ?? ''),
    summary: editor.summary,
  }
  result.textContent = JSON.stringify(payload, null, 2)
  const warnings = findings.length - errors.length
  showMessage(`已提交（演示页面，未发送到服务器）${warnings ? `；另有 ${warnings} 条提醒可供参考` : ''}。`, 'ok')
}

async function start() {
  $<HTMLInputElement>('input[name="date"]').value = today()
  await customElements.whenDefined('zongjie-editor')
  // Who is writing, as the OA system's login gives it: versions saved are signed with it.
  editor.user = { id: 'demo-user', name: '演示用户', role: '办公室' }

  editor.addEventListener('input', (event) => {
    if (!isEditorEvent(event)) return
    counts.input++
    logEvents()
    schedulePanes()
  })
  editor.addEventListener('change', (event) => {
    if (!isEditorEvent(event)) return
    counts.change++
    logEvents()
  })
  editor.addEventListener('error', (event) => {
    refused = true
    const detail = event instanceof CustomEvent ? (event.detail as ZongjieErrorDetail | null) : null
    showMessage(`${detail?.message ?? '无法载入'}（编辑器中的内容未改动）`, 'error')
  })
  // Templates: one per kind of office; the organisation and period come from the form.
  const chooser = $<HTMLSelectElement>('#template')
  for (const t of templates) chooser.add(new Option(`${t.name}（${t.description}）`, t.id))
  const fill = $<HTMLInputElement>('#fill-mode')
  fill.addEventListener('change', () => editor.setAttribute('mode', fill.checked ? 'fill' : 'free'))
  $<HTMLButtonElement>('#new-from-template').addEventListener('click', () => {
    const organization = (form.elements.namedItem('unit') as HTMLInputElement | null)?.value ?? ''
    const month = new Date().getMonth()
    // The templates load on first use; one that cannot load is told by the editor itself.
    ;(editor as unknown as { newFromTemplate(id: string, o: object): Promise<void> })
      .newFromTemplate(chooser.value, {
        organization,
        year: new Date().getFullYear(),
        period: month < 6 ? 'first-half' : 'year',
      })
      .then(
        () => {
          refreshPanes()
          showMessage(`已按“${chooser.selectedOptions[0]?.text ?? chooser.value}”模板新建；标为 X 的指标和名称须填写`, 'info')
        },
        () => {},
      )
  })
  $<HTMLButtonElement>('#load-sample').addEventListener('click', loadSample)
  $<HTMLButtonElement>('#new-blank').addEventListener('click', () => load(toSummary(emptyDoc()), '新建空白文档'))
  form.addEventListener('submit', submit)

  // `?sample` opens the page with the sample loaded.
  if (new URLSearchParams(location.search).has('sample')) loadSample()
  else refreshPanes()
  document.documentElement.dataset.ready = 'true'
}

start().catch((error: unknown) => {
  showMessage(`演示页面启动失败：${error instanceof Error ? error.message : String(error)}`, 'error')
  throw error
})
