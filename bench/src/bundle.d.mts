/** A chunk of a library bundle with its sizes. */
export interface ChunkSize {
  file: string
  holds: string
  /** When the editor loads it (for a chunk loaded later). */
  when?: string
  minified: number
  gzip: number
}

/** A library bundle as the bench measures it: the main chunk's sizes (minified, gzip -9 of its files together), its files, the chunks loaded later, and the modules in the main chunk. */
export interface LibraryBundle {
  files: string[]
  minified: number
  gzip: number
  mainFiles: (ChunkSize & { modules: number })[]
  lazy: (ChunkSize & { modules: Record<string, number> })[]
  all: { minified: number; gzip: number }
  modules: Record<string, number>
}

/** The editor's main chunk at commit 5d2b924, before Word support. */
export const mainChunkBefore: { commit: string; minified: number; gzip: number }

/** Builds `entry` into `outDir` (emptied first) as an application's bundler would, and measures it. */
export function libraryBundle(name: string, entry: string, outDir: string): Promise<LibraryBundle>
