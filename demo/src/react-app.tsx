/**
 * The editor in a React application, through `@zongjie/react`: an OA form whose 提交 asks the
 * editor to validate through the ref, lists the errors while there are any, and otherwise posts
 * the Summary JSON to `/echo` and shows what the server received. The line above the editor
 * follows `onInput`.
 */
import { StrictMode, useEffect, useRef, useState, type FormEvent } from 'react'
import { createRoot } from 'react-dom/client'
import { ZongjieEditor, type ZongjieEditorElement, type ZongjieChangeDetail } from '@zongjie/react'
import { importText, toSummary, type Finding, type Summary } from '@zongjie/model'

const draft = ['示范县民政局2024年上半年工作总结', '上半年，我局稳步推进各项工作。', '一、主要工作', '新建社区养老服务站X个，培训社工X名。', '二、存在的问题', '一是力量不足；二是经费偏紧。', '三、下半年工作计划', '一是补齐短板；二是强化保障。'].join('\n')
const initial = toSummary(importText(draft).doc)

/** What the line above the editor shows: the title and how many metrics are unfilled. */
function lineOf(summary: Summary) {
  return { title: summary.title, unfilled: summary.metrics.filter((m) => !m.filled).length }
}

/** Posts the fields as a form would and gives back the fields the server says it received. */
async function post(fields: Record<string, string>): Promise<Record<string, string>> {
  const response = await fetch('/echo', { method: 'POST', body: new URLSearchParams(fields) })
  const page = new DOMParser().parseFromString(await response.text(), 'text/html')
  return Object.fromEntries([...page.querySelectorAll('section[data-field]')].map((s) => [s.getAttribute('data-field')!, s.querySelector('pre')?.textContent ?? '']))
}

function App() {
  const editor = useRef<ZongjieEditorElement>(null)
  const [unit, setUnit] = useState('示范县民政局')
  const [line, setLine] = useState(() => lineOf(initial))
  const [errors, setErrors] = useState<Finding[]>([])
  const [received, setReceived] = useState<string | null>(null)

  useEffect(() => document.documentElement.setAttribute('data-ready', 'true'), [])

  const onInput = (event: CustomEvent<ZongjieChangeDetail>) => setLine(lineOf(event.detail.summary))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const el = editor.current!
    const findings = el.validate()
    setReceived(null)
    if (!findings.submittable) {
      setErrors(findings.filter((f) => f.severity === 'error'))
      return
    }
    setErrors([])
    const fields = await post({ unit, summary: el.value })
    setReceived(JSON.stringify(JSON.parse(fields.summary!), null, 2))
  }

  return (
    <main>
      <h1>工作总结报送（React 示例）</h1>
      <form onSubmit={submit}>
        <label>
          报送单位 <input name="unit" value={unit} onChange={(e) => setUnit(e.target.value)} />
        </label>
        <p className="summary-line">
          标题：<strong id="react-title">{line.title}</strong>；未填写指标：<strong id="react-unfilled">{line.unfilled}</strong>
        </p>
        <ZongjieEditor ref={editor} summary={initial} status findings onInput={onInput} />
        {errors.length > 0 && (
          <ul id="react-errors" className="errors" role="alert" aria-label="不能提交">
            {errors.map((f, i) => (
              <li key={i}>{f.message}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit">提交</button>
        </div>
      </form>
      {received !== null && (
        <section aria-labelledby="react-received-title">
          <h2 id="react-received-title">服务器收到的 Summary JSON</h2>
          <pre id="react-received" className="received">
            {received}
          </pre>
        </section>
      )}
    </main>
  )
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
