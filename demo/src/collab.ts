// The co-editing demo: each tab joins one shared document on the co-editing server (`pnpm serve`)
// as the writer it names, with a token the server gives in development (an OA system issues its own).
// The page remembers what it joined in its address, so that a reload (or reopening it offline)
// joins again: the editor's copy in the browser shows what was typed, and merges when the server is back.
import '@zongjie/editor'
import type { ZongjieEditor } from '@zongjie/editor'

const editor = document.querySelector('zongjie-editor') as ZongjieEditor
const form = document.getElementById('join') as HTMLFormElement
const error = document.getElementById('error')!
const params = new URLSearchParams(location.search)

/** The co-editing server's WebSocket (`?server=ws://…` for another than pnpm serve's), and its development token endpoint. */
const serverURL = params.get('server') ?? `ws://${location.hostname}:1234`
const tokenURL = `${serverURL.replace(/^ws/, 'http')}/dev/token`

/** A token for the document, asked of the server's development endpoint each time the editor connects (a token that expires is renewed). */
async function tokenFor(documentName: string, role: string, user: { id: string; name: string }): Promise<string> {
  try {
    const response = await fetch(tokenURL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ document: documentName, role, user }) })
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
    return ((await response.json()) as { token: string }).token
  } catch (e) {
    error.textContent = `无法从协同服务器取得令牌（是否已运行 pnpm serve？）：${(e as Error).message}`
    throw e
  }
}

function join(name: string, role: string, documentName: string) {
  error.textContent = ''
  const user = { id: `demo-${name}`, name }
  editor.user = user
  editor.mode = role === 'reviewer' ? 'review' : 'free'
  editor.readonly = role === 'reader'
  editor.collab = { url: serverURL, document: documentName, token: () => tokenFor(documentName, role, user) }
  const address = new URL(location.href)
  for (const [key, value] of Object.entries({ name, role, document: documentName })) address.searchParams.set(key, value)
  history.replaceState(null, '', address)
}

form.addEventListener('submit', (event) => {
  event.preventDefault()
  const data = new FormData(form)
  join(String(data.get('name')).trim(), String(data.get('role')), String(data.get('document')).trim())
})

// Opened with what to join (a reload): joined again at once.
const [name, role, documentName] = ['name', 'role', 'document'].map((key) => params.get(key)?.trim() ?? '')
if (name && role && documentName) {
  ;(form.elements.namedItem('name') as HTMLInputElement).value = name
  ;(form.elements.namedItem('role') as HTMLSelectElement).value = role
  ;(form.elements.namedItem('document') as HTMLInputElement).value = documentName
  join(name, role, documentName)
}

editor.addEventListener('collab', (event) => {
  if (event.detail.status === 'refused') error.textContent = `协同服务器拒绝了连接：${event.detail.reason ?? ''}`
  else if (event.detail.status === 'connected') error.textContent = ''
})
editor.addEventListener('error', (event) => {
  if (event.detail.path === 'collab') error.textContent = event.detail.message
})
