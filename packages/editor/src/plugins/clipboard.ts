import { Plugin, PluginKey, TextSelection, type Transaction } from 'prosemirror-state'
import type { EditorView } from 'prosemirror-view'
import type { Node, Slice } from 'prosemirror-model'
import { isSection, sectionNumber, workItemOrdinal, textBetween } from '@zongjie/model'
import { copiedSlice, isEmptyDoc, deletionKeepsParts, deleteAcrossParts } from '@zongjie/commands'
import { loadPart } from '../zongjie-editor/parts.ts'

/** What reads pasted HTML and text (`paste-read.ts`, the model's importers), once loaded. */
let reader: typeof import('./paste-read.ts') | null = null
let readerLoad: Promise<typeof import('./paste-read.ts')> | null = null

/**
 * Loads what reads pasted HTML and text, once (again after a failure). The editor loads it when
 * the writer first focuses it, so that it is there by the first paste; a paste before it has
 * loaded waits for it (see {@link clipboard}).
 */
export function loadPasteReader(): Promise<typeof import('./paste-read.ts')> {
  return (readerLoad ??= loadPart('paste', () => import('./paste-read.ts')).then(
    (m) => (reader = m),
    (error: unknown) => {
      readerLoad = null
      throw error
    },
  ))
}

/**
 * A paste waiting for the reader: what was pasted, and where (the selection then, mapped through
 * every change since, so that what the writer types meanwhile stays after it).
 */
interface PendingPaste {
  html: string
  text: string
  /** What the editor itself copied, as ProseMirror read it (pasted by `pasteSlice`), if that was pasted. */
  slice: Slice | null
  from: number
  to: number
}

/**
 * The pastes waiting for the reader, in the order they were made, and, while they land, the
 * writer's selection from before (mapped through the pastes, to be given back).
 */
interface Pending {
  pastes: readonly PendingPaste[]
  kept: { anchor: number; head: number } | null
}

const none: Pending = { pastes: [], kept: null }
const pendingKey = new PluginKey<Pending>('zongjie-pending-paste')

/** The pending pastes' state through a transaction: replaced by its meta, else mapped. */
function applyPending(tr: Transaction, value: Pending): Pending {
  const meta = tr.getMeta(pendingKey) as Pending | undefined
  if (meta) return meta
  if (!tr.docChanged || value === none) return value
  const map = (x: number, assoc: number) => tr.mapping.map(x, assoc)
  return {
    // What the writer types at the caret meanwhile stays in its paragraph, the paste going in after
    // it (a paste of sections in the middle of the text would split the paragraph); text typed at
    // the edges of a selection stays out of what the paste replaces.
    pastes: value.pastes.map((p) => {
      if (p.from === p.to) return { ...p, from: map(p.from, 1), to: map(p.from, 1) }
      const from = map(p.from, 1)
      return { ...p, from, to: Math.max(from, map(p.to, -1)) }
    }),
    // The writer's own caret stays before what is pasted where they are typing.
    kept: value.kept && { anchor: map(value.kept.anchor, -1), head: map(value.kept.head, -1) },
  }
}

/** Whether a paste is being made as plain text by ProseMirror (after the reader failed to load): not to be read again. */
let plainPaste = false

/** A selection of `doc` from `from` to `to`, as near as the document allows. */
function selectionBetween(doc: Node, from: number, to: number) {
  return TextSelection.between(doc.resolve(Math.min(from, to)), doc.resolve(Math.max(from, to)))
}

/** The clipboard plugin's options. */
export interface ClipboardOptions {
  /** The reader of pasted HTML and text could not be loaded (a `PartLoadError`): the element tells the writer. */
  failed?: (error: unknown) => void
  /** A selection dragged within the editor could not go in where it was dropped (it stays where it was): the element tells the writer. */
  dropRefused?: () => void
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
 * the cursor; this editor's own content is pasted by ProseMirror as it was, but for comment marks
 * that would anchor a thread twice or that have no thread here (see `withoutForeignComments`), and
 * with its suggestions accepted (see `withoutSuggestions`).
 * Nothing active is read. What reads pasted HTML and text loads on the first focus (or paste).
 */
export function clipboard(options: ClipboardOptions = {}): Plugin {
  const copy = (view: EditorView, event: ClipboardEvent, cut: boolean) => {
    const sel = view.state.selection
    if (sel.empty || !event.clipboardData) return false
    const doc = view.state.doc
    const { from, to, slice } = copiedSlice(sel)
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
    // Cutting from a read-only editor copies and leaves the text where it is.
    if (cut && view.editable) {
      const tr = deletionKeepsParts(view.state) ? view.state.tr.deleteSelection() : deleteAcrossParts(view.state)
      view.dispatch(tr.scrollIntoView().setMeta('uiEvent', 'cut'))
    }
    return true
  }
  /**
   * Reads and inserts a paste at the selection, the reader loaded. What the editor itself copied
   * goes in as it was; where it cannot go in whole, its text is read as pasted text is.
   */
  const insertRead = (view: EditorView, html: string, text: string, slice: Slice | null) => {
    if (slice && reader!.pasteSlice(slice)(view.state, view.dispatch)) return true
    const read = reader!.readPasted(slice ? '' : html, text, isEmptyDoc(view.state.doc))
    return !read || reader!.insertImported(read.doc, read.topRank, text.trim() ? text : undefined)(view.state, view.dispatch)
  }
  const setPending = (view: EditorView, pending: Pending) => view.dispatch(view.state.tr.setMeta(pendingKey, pending).setMeta('addToHistory', false))
  /**
   * The waiting pastes, one at a time, each put in by `insert` with its place selected (the others'
   * places mapped through each). With `kept`, the writer's selection from before, given back after
   * the last (mapped through them all).
   */
  const landEach = (view: EditorView, kept: Pending['kept'], insert: (p: PendingPaste) => void) => {
    for (let p = pendingKey.getState(view.state)!.pastes[0]; p; p = pendingKey.getState(view.state)!.pastes[0]) {
      const state = pendingKey.getState(view.state)!
      setPending(view, { pastes: state.pastes.slice(1), kept: state.kept ?? kept })
      if (!view.editable) continue
      view.dispatch(view.state.tr.setSelection(selectionBetween(view.state.doc, p.from, p.to)))
      insert(p)
    }
    const after = pendingKey.getState(view.state)!.kept
    setPending(view, none)
    if (after) view.dispatch(view.state.tr.setSelection(selectionBetween(view.state.doc, after.anchor, after.head)))
  }
  /**
   * Pastes that waited for the reader, now loaded: each where it was made. The selection goes
   * where the paste leaves it, unless the writer went on meanwhile: then theirs is given back.
   */
  const landPending = (view: EditorView, before: Node) => {
    const { anchor, head, empty } = view.state.selection
    const moved = view.state.doc !== before || !empty
    landEach(view, moved ? { anchor, head } : null, (p) => insertRead(view, p.html, p.text, p.slice && reader!.withoutSuggestions(reader!.withoutForeignComments(p.slice, view.state.doc))))
  }
  /**
   * The reader could not load: the waiting pastes go in as plain text (ProseMirror's), and the
   * writer is told. What the editor itself copied goes in as ProseMirror fits it, where the
   * document stays a summary (the guard drops it otherwise), else as plain text too.
   */
  const landPlain = (view: EditorView, error: unknown) => {
    landEach(view, null, (p) => {
      const before = view.state.doc
      if (p.slice) view.dispatch(view.state.tr.replaceSelection(p.slice))
      if (view.state.doc !== before) return
      plainPaste = true
      try {
        view.pasteText(p.text)
      } finally {
        plainPaste = false
      }
    })
    options.failed?.(error)
  }
  /**
   * A paste: read and inserted now when the reader is there, otherwise once it has loaded, where
   * the caret was (after what the writer typed there meanwhile, which is kept). Should the reader
   * fail to load, the writer is told and the text is pasted as plain text: nothing pasted is lost.
   */
  const pasteRead = (view: EditorView, html: string, text: string, slice: Slice | null = null) => {
    if (reader) return insertRead(view, html, text, slice)
    const { from, to } = view.state.selection
    const { pastes } = pendingKey.getState(view.state)!
    setPending(view, { pastes: [...pastes, { html, text, slice, from, to }], kept: null })
    const before = view.state.doc
    if (pastes.length) return true
    loadPasteReader().then(
      () => void (view.isDestroyed || landPending(view, before)),
      (error: unknown) => void (view.isDestroyed || landPlain(view, error)),
    )
    return true
  }
  return new Plugin<Pending>({
    key: pendingKey,
    state: { init: () => none, apply: applyPending },
    props: {
      // Text moved by dragging is still in the document while it is dropped: its own comments stay.
      // (With the reader, which brings what does it; a paste before it has loaded is cleaned as it lands.)
      transformPasted: (slice, view) => {
        const moving = view.dragging?.move ? view.state.selection : null
        return reader ? reader.withoutSuggestions(reader.withoutForeignComments(slice, view.state.doc, moving?.from, moving?.to)) : slice
      },
      handleDOMEvents: {
        copy: (view, event) => copy(view, event as ClipboardEvent, false),
        cut: (view, event) => copy(view, event as ClipboardEvent, true),
        // Foreign HTML is read here, before ProseMirror would parse it for `handlePaste`: its parser
        // needs a Trusted Types policy of its own, and a strict Content-Security-Policy reports each
        // `style` attribute of Word's HTML parsed there.
        // The reader loads when the writer first comes to the editor, so that it is there by the first paste.
        focus: () => {
          if (!reader) void loadPasteReader().catch(() => {})
          return false
        },
        paste(view, event) {
          if (plainPaste) return false
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
      // A selection across blocks dragged away goes as Backspace deletes it, then in where it is
      // dropped, before or after it, as a paste of what a copy of it takes would go there (see
      // `copiedSlice`, a section whole from its heading's start, and `moveSelectionTr`, which loads
      // with the reader): ProseMirror's own move merged a problems or plans section whose heading it
      // reached into the part before. Where it cannot go in, it stays, and the writer is told.
      handleDrop(view, event, _slice, moved) {
        const { state } = view
        const { selection, doc } = state
        if (!moved || !(selection instanceof TextSelection) || selection.$from.sameParent(selection.$to)) return false
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })
        if (!at) return false
        const copied = copiedSlice(selection)
        const move = () => {
          if (view.isDestroyed || view.state !== state) return
          const slice = reader!.withoutSuggestions(reader!.withoutForeignComments(copied.slice, doc, copied.from, copied.to))
          const tr = reader!.moveSelectionTr(state, slice, at.pos)
          if (tr) view.dispatch(tr.setMeta('uiEvent', 'drop').scrollIntoView())
          else options.dropRefused?.()
        }
        if (reader) move()
        else loadPasteReader().then(move, (error: unknown) => void (view.isDestroyed || options.failed?.(error)))
        return true
      },
      handlePaste(view, event, slice) {
        const data = event.clipboardData
        if (!data || !view.editable || plainPaste) return false
        const html = data.getData('text/html')
        const text = data.getData('text/plain')
        // What the editor itself copied goes in as it was (a whole summary into an empty editor as the document, see `pasteSlice`).
        return pasteRead(view, html, text, html && /data-pm-slice/.test(html) ? slice : null)
      },
    },
  })
}
