import { Plugin } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { importText, importHTML, isSection, sectionNumber, workItemOrdinal, textBetween, ImportError } from '@zongjie/model'
import { insertImported } from '@zongjie/commands'
import { deletionWorks, safeDeleteSelection } from './guard.ts'

const parseHTML = (html: string) => new DOMParser().parseFromString(html, 'text/html')

/** Reads pasted HTML or text into a document with the model's importers; `null` when there is nothing to read. */
export function readPasted(html: string, text: string): Node | null {
  try {
    // ProseMirror's own slices (copied from this editor) are left to ProseMirror: they are lossless.
    if (html && !/data-pm-slice/.test(html)) return importHTML(html, parseHTML).doc
    if (text.trim()) return importText(text).doc
  } catch (e) {
    if (!(e instanceof ImportError)) throw e
  }
  return null
}

/** The numbers (and ordinals) of the headings and items in a range, in document order. */
function numbersBetween(doc: Node, from: number, to: number): { headings: string[]; ordinals: string[] } {
  const headings: string[] = []
  const ordinals: string[] = []
  doc.nodesBetween(from, to, (node, pos, parent, index) => {
    if (isSection(node) && parent) {
      if (pos + 1 + node.firstChild!.nodeSize > from) headings.push(sectionNumber(parent, index))
    } else if (node.type.name === 'workItem' && parent) ordinals.push(workItemOrdinal(parent, index))
    return !node.isTextblock
  })
  return { headings, ordinals }
}

/**
 * Copy puts the numbers in: ProseMirror's clipboard HTML (kept, so pasting back into an editor is
 * lossless) with each heading's number and each item's ordinal written in as text, and plain text
 * in the conventional layout with numbers. Paste goes through the model's importers: plain text
 * and foreign HTML (Word, WPS, web pages: numbers, `mso-` styles and spans) become structure at
 * the cursor; this editor's own content is pasted by ProseMirror as it was. Nothing active is read.
 */
export function clipboard(): Plugin {
  const copy = (view: EditorView, event: ClipboardEvent, cut: boolean) => {
    const sel = view.state.selection
    if (sel.empty || !event.clipboardData) return false
    const slice = sel.content()
    const { dom } = view.serializeForClipboard(slice)
    const { headings, ordinals } = numbersBetween(view.state.doc, sel.from, sel.to)
    dom.querySelectorAll('.zj-heading').forEach((h, i) => {
      if (headings[i]) h.insertAdjacentHTML('afterbegin', `<span class="zj-number">${headings[i]}</span>`)
    })
    dom.querySelectorAll('.zj-work-item').forEach((item, i) => {
      if (ordinals[i]) item.insertAdjacentHTML('afterbegin', `<span class="zj-ordinal">${ordinals[i]}</span>`)
    })
    event.preventDefault()
    event.clipboardData.clearData()
    event.clipboardData.setData('text/html', dom.innerHTML)
    event.clipboardData.setData('text/plain', textBetween(view.state.doc, sel.from, sel.to))
    if (cut) {
      const tr = deletionWorks(view.state) ? view.state.tr.deleteSelection() : safeDeleteSelection(view.state)
      view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'cut'))
    }
    return true
  }
  return new Plugin({
    props: {
      handleDOMEvents: {
        copy: (view, event) => copy(view, event as ClipboardEvent, false),
        cut: (view, event) => copy(view, event as ClipboardEvent, true),
      },
      handlePaste(view, event) {
        const data = event.clipboardData
        if (!data || !view.editable) return false
        const html = data.getData('text/html')
        const text = data.getData('text/plain')
        if (html && /data-pm-slice/.test(html)) return false
        const doc = readPasted(html, text)
        if (!doc) return true
        return insertImported(doc)(view.state, view.dispatch)
      },
    },
  })
}
