// The co-editing demo: each tab joins one shared document on the co-editing server (`pnpm serve`)
// as the writer it names, with a token the server gives in development (an OA system issues its own).
import '@zongjie/editor'
import type { ZongjieEditor } from '@zongjie/editor'

const editor = document.querySelector('zongjie-editor') as ZongjieEditor
const form = document.getElementById('join') as HTMLFormElement
const error = document.getElementById('error')!

/** The co-editing server's WebSocket (`?server=ws://…` for another than pnpm serve's), and its development token endpoint. */
const serverURL = new URLSearchParams(location.search).get('server') ?? `ws://${location.hostname}:1234`
const tokenURL = `${serverURL.replace(/^ws/, 'http')}/dev/token`

form.addEventListener('submit', async (event) => {
  event.preventDefault()
  error.textContent = ''
  const data = new FormData(form)
  const name = String(data.get('name')).trim()
  const role = String(data.get('role'))
  const documentName = String(data.get('document')).trim()
  const user = { id: `demo-${name}`, name }
  let token: string
  try {
    const response = await fetch(tokenURL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: documentName, role, user }) })
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
    const body = (await response.json()) as { token: string }
    token = body.token
  } catch (e) {
    error.textContent = `无法从协同服务器取得令牌（是否已运行 pnpm serve？）：${(e as Error).message}`
    return
  }
  editor.user = user
  editor.mode = role === 'reviewer' ? 'review' : 'free'
  editor.readonly = role === 'reader'
  editor.collab = { url: serverURL, document: documentName, token }
})

editor.addEventListener('collab', (event) => {
  if (event.detail.status === 'refused') error.textContent = `协同服务器拒绝了连接：${event.detail.reason ?? ''}`
})
