/**
 * Gives the writer a file to save, as the browser downloads one, under the name suggested (the
 * browser replaces what its file system refuses, such as `/`).
 */
export function download(blob: Blob, name: string): void {
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 1000)
}
