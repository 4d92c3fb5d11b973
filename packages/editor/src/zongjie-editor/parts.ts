/**
 * The parts of the editor that load on use (opening files, Word support, the review panels,
 * suggestion mode, co-editing, drafts, comparing versions, reading what is pasted, the templates,
 * the metrics table, the English interface, fill mode, the outline, findings and status line): each a chunk of its own in the ES
 * build. A chunk can fail to load (the network is gone, or the site was updated and the old chunk
 * removed); the element then tells the writer in one line which part could not load, instead of
 * doing nothing.
 */

/** A part of the editor that loads on use. */
export type PartName = 'files' | 'word' | 'versions' | 'comments' | 'suggestions' | 'collab' | 'drafts' | 'compare' | 'paste' | 'templates' | 'metrics' | 'english' | 'fill' | 'panels'

/** A part of the editor could not be loaded; `part` says which, `cause` is the browser's error. */
export class PartLoadError extends Error {
  override name = 'PartLoadError'
  constructor(
    readonly part: PartName,
    override readonly cause: unknown,
  ) {
    super(`the editor's ${part} part could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/** `load()`, its failure a {@link PartLoadError} naming `part` (an error of the part's own, once loaded, is left as it is). */
export function loadPart<T>(part: PartName, load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw cause instanceof PartLoadError ? cause : new PartLoadError(part, cause)
  })
}
