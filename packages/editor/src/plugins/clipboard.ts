import { Plugin, TextSelection } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { importText, importHTML, isSection, sectionNumber, workItemOrdinal, textBetween, ImportError, schema, readPeriod, isSuggestionMark, suggestionAnchor, settledDoc } from '@zongjie/model'
import { insertImported, isEmptyDoc, replaceDocumentIn } from '@zongjie/commands'
import { deletionWorks, safeDeleteSelection } from './guard.ts'
import { parseDocument } from '../security/trusted-types.ts'

const parseHTML = (html: string) => parseDocument(html, 'text/html')

/**
 * Reads pasted HTML or text into a document with the model's importers: a whole summary when the
 * editor is empty, otherwise a fragment (whose `（一）` headings keep their level, and whose
 * suggestions are accepted, see `withoutSuggestions`). `null` when there is nothing to read.
 */
export function readPasted(html: string, text: string, whole: boolean): { doc: Node; topRank: number } | null {
  const options = { fragment: !whole }
  try {
    // ProseMirror's own slices (copied from this editor) are left to ProseMirror: they are lossless.
    if (html && !/data-pm-slice/.test(html)) {
      const read = importHTML(html, parseHTML, options)
      // Suggestions (修订) in a summary's HTML come with it whole; into a draft, its text as proposed.
      return whole ? read : { ...read, doc: settledDoc(read.doc, true) }
    }
    if (text.trim()) return importText(text, options)
  } catch (e) {
    if (!(e instanceof ImportError)) throw e
  }
  return null
}

/**
 * A slice without the comment marks (批注) that would anchor a thread a second time: those of a
 * thread whose text is still in `doc` outside `from`–`to` (the text being moved, if any), and
 * those of a thread `doc` does not have (text copied from another summary). Text cut and pasted
 * again keeps its comments: at paste time its thread anchors nowhere else.
 */
export function withoutForeignComments(slice: Slice, doc: Node, from = 0, to = 0): Slice {
  const type = schema.marks.comment!
  const threads = doc.attrs.comments as readonly { id: string }[]
  const verdicts = new Map<string, boolean>()
  const drop = (id: string) => {
    let d = verdicts.get(id)
    if (d === undefined) {
      const mark = type.create({ id })
      d = !threads.some((t) => t.id === id) || doc.rangeHasMark(0, from, mark) || doc.rangeHasMark(to, doc.content.size, mark)
      verdicts.set(id, d)
    }
    return d
  }
  const strip = (fragment: Fragment): Fragment => {
    const nodes: Node[] = []
    fragment.forEach((child) => {
      let node = child.isLeaf ? child : child.copy(strip(child.content))
      const marks = node.marks.filter((m) => m.type !== type || !drop(m.attrs.id as string))
      if (marks.length < node.marks.length) node = node.mark(marks)
      const last = nodes[nodes.length - 1]
      if (last?.isText && node.isText && last.sameMarkup(node)) nodes[nodes.length - 1] = schema.text(last.text! + node.text!, last.marks)
      else nodes.push(node)
    })
    return Fragment.from(nodes)
  }
  let any = false
  slice.content.descendants((node) => {
    any ||= node.marks.some((m) => m.type === type)
    return !any
  })
  return any ? new Slice(strip(slice.content), slice.openStart, slice.openEnd) : slice
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
 * A pasted slice read as it would be with its suggestions (修订) accepted: what is marked deleted
 * is left out, and what is marked inserted or changed pasted as plain content without its marks
 * or the anchors at block boundaries. A suggestion is made where it stands, by its author: a
 * copy elsewhere is the text it proposes, which suggestion mode makes a new insertion by the one
 * who pastes.
 */
export function withoutSuggestions(slice: Slice): Slice {
  let any = false
  slice.content.descendants((node) => {
    any ||= node.marks.some(isSuggestionMark)
    return !any
  })
  if (!any) return slice
  const strip = (fragment: Fragment): Fragment => {
    const nodes: Node[] = []
    fragment.forEach((child) => {
      if (child.marks.some((m) => m.type === schema.marks.deletion)) return
      let node = child.isLeaf ? child : child.copy(strip(child.content))
      if (node.marks.some(isSuggestionMark)) {
        node = node.mark(node.marks.filter((m) => !isSuggestionMark(m)))
        if (node.isText) {
          const text = node.text!.replaceAll(suggestionAnchor, '')
          if (!text) return
          node = schema.text(text, node.marks)
        }
      }
      const last = nodes[nodes.length - 1]
      if (last?.isText && node.isText && last.sameMarkup(node)) nodes[nodes.length - 1] = schema.text(last.text! + node.text!, last.marks)
      else nodes.push(node)
    })
    return Fragment.from(nodes)
  }
  return new Slice(strip(slice.content), slice.openStart, slice.openEnd)
}

/**
 * Copy puts the numbers in: ProseMirror's clipboard HTML (kept, so pasting back into an editor is
 * lossless) with each heading's number and each item's ordinal written in as text, and plain text
 * in the conventional layout with numbers. Paste goes through the model's importers: plain text
 * and foreign HTML (Word, WPS, web pages: numbers, `mso-` styles and spans) become structure at
 * the cursor; this editor's own content is pasted by ProseMirror as it was, but for comment marks
 * that would anchor a thread twice or that have no thread here (see `withoutForeignComments`), and
 * with its suggestions accepted (see `withoutSuggestions`).
 * Nothing active is read.
 */
export function clipboard(): Plugin {
  const copy = (view: EditorView, event: ClipboardEvent, cut: boolean) => {
    const sel = view.state.selection
    if (sel.empty || !event.clipboardData) return false
    // A selection from the start of a heading takes its whole section (attributes included, such
    // as a run-in heading); one that ends at the start of a heading stops before that section.
    const doc = view.state.doc
    let from = sel.from
    let to = sel.to
    const $from = doc.resolve(from)
    const $to = doc.resolve(to)
    if ($from.parent.type.name === 'heading' && $from.parentOffset === 0) from = $from.before($from.depth - 1)
    if ($to.parent.type.name === 'heading' && $to.parentOffset === 0 && to > from) to = $to.before($to.depth - 1)
    const slice = sel instanceof TextSelection && to > from ? doc.slice(from, to) : sel.content()
    const { dom } = view.serializeForClipboard(slice)
    const { headings, ordinals } = numbersBetween(doc, from, to)
    const numberIn = (el: Element, className: string, text: string | undefined) => {
      if (!text) return
      const span = el.ownerDocument.createElement('span')
      span.className = className
      span.textContent = text
      el.prepend(span)
    }
    dom.querySelectorAll('.zj-heading').forEach((h, i) => numberIn(h, 'zj-number', headings[i]))
    dom.querySelectorAll('.zj-work-item').forEach((item, i) => numberIn(item, 'zj-ordinal', ordinals[i]))
    event.preventDefault()
    event.clipboardData.clearData()
    event.clipboardData.setData('text/html', dom.innerHTML)
    event.clipboardData.setData('text/plain', textBetween(view.state.doc, sel.from, sel.to))
    if (cut && !view.editable) {
      // Cutting from a read-only editor copies and leaves the text where it is.
      event.preventDefault()
      event.clipboardData.setData('text/plain', textBetween(view.state.doc, sel.from, sel.to))
      return true
    }
    if (cut) {
      const tr = deletionWorks(view.state) ? view.state.tr.deleteSelection() : safeDeleteSelection(view.state)
      view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'cut'))
    }
    return true
  }
  const pasteRead = (view: EditorView, html: string, text: string) => {
    const read = readPasted(html, text, isEmptyDoc(view.state.doc))
    return !read || insertImported(read.doc, read.topRank)(view.state, view.dispatch)
  }
  return new Plugin({
    props: {
      // Text moved by dragging is still in the document while it is dropped: its own comments stay.
      transformPasted: (slice, view) => {
        const moving = view.dragging?.move ? view.state.selection : null
        return withoutSuggestions(withoutForeignComments(slice, view.state.doc, moving?.from, moving?.to))
      },
      handleDOMEvents: {
        copy: (view, event) => copy(view, event as ClipboardEvent, false),
        cut: (view, event) => copy(view, event as ClipboardEvent, true),
        // Foreign HTML is read here, before ProseMirror would parse it for `handlePaste`: its parser
        // needs a Trusted Types policy of its own, and a strict Content-Security-Policy reports each
        // `style` attribute of Word's HTML parsed there.
        paste(view, event) {
          const data = (event as ClipboardEvent).clipboardData
          const html = data?.getData('text/html')
          if (!html || /data-pm-slice/.test(html) || !view.editable || view.composing) return false
          event.preventDefault()
          return pasteRead(view, html, data!.getData('text/plain'))
        },
        // HTML dragged in from Word or a web page goes where it is dropped, read as pasted HTML is
        // (a drag inside the editor is ProseMirror's to move; a dropped file is opened).
        drop(view, event) {
          const e = event as DragEvent
          const data = e.dataTransfer
          const html = data?.getData('text/html')
          if (!html || view.dragging || data!.files.length || /data-pm-slice/.test(html) || !view.editable) return false
          const at = view.posAtCoords({ left: e.clientX, top: e.clientY })
          if (!at) return false
          event.preventDefault()
          view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))))
          return pasteRead(view, html, data!.getData('text/plain'))
        },
      },
      handlePaste(view, event, slice) {
        const data = event.clipboardData
        if (!data || !view.editable) return false
        const html = data.getData('text/html')
        const text = data.getData('text/plain')
        const whole = isEmptyDoc(view.state.doc)
        if (html && /data-pm-slice/.test(html)) {
          // A whole summary copied from an editor, pasted into an empty one, becomes the document.
          if (!whole) return false
          try {
            // What it reports on comes from its title, as when a summary is imported.
            const title = slice.content.firstChild?.type.name === 'title' ? slice.content.firstChild.textContent : ''
            const doc = schema.nodes.doc!.createChecked({ ...view.state.doc.attrs, ...readPeriod(title) }, slice.content)
            view.dispatch(replaceDocumentIn(view.state.tr, doc).scrollIntoView())
            return true
          } catch {
            return false
          }
        }
        return pasteRead(view, html, text)
      },
    },
  })
}
