/** Gives the writer a file to save, as the browser downloads one (the name suggested). */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}

/** A file name made of a summary's title: characters file systems refuse replaced, never empty. */
export function fileName(title: string, fallback: string, extension: string): string {
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim().slice(0, 80) || fallback
  return `${base}${extension}`
}
