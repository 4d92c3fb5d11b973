import { Plugin } from 'prosemirror-state'

/** The file an event carries that the writer means to open: the first of a drop's or a paste's files. */
function fileOf(data: DataTransfer | null): File | null {
  return data?.files?.[0] ?? null
}

/**
 * A file dropped on the editor, or pasted as a file (copied in the file manager), is opened as the
 * summary: `open` gets it, and nothing is inserted by the browser. Only while the editor is
 * editable (ProseMirror asks its drop and paste handlers only then).
 */
export function fileDrop(open: (file: File) => void): Plugin {
  return new Plugin({
    props: {
      handleDrop(_view, event) {
        const file = fileOf(event.dataTransfer)
        if (!file) return false
        event.preventDefault()
        open(file)
        return true
      },
      handlePaste(_view, event) {
        const data = event.clipboardData
        // Text or HTML pasted alongside a file (an office suite's copy) is pasted as text.
        const file = data && !data.types.includes('text/plain') && !data.types.includes('text/html') ? fileOf(data) : null
        if (!file) return false
        open(file)
        return true
      },
    },
  })
}
