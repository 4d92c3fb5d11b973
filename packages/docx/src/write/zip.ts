/**
 * A part compressed outside the `docx` library's packer, to be added to the zip it writes: its
 * DEFLATE data, and the CRC-32 and byte size of what it holds.
 */
export interface DeflatedPart {
  readonly path: string
  readonly data: Uint8Array
  readonly crc: number
  readonly size: number
}

const gzipFlags = { headerCrc: 2, extra: 4, name: 8, comment: 16 } as const

/**
 * The DEFLATE data of a gzip member (RFC 1952) and the CRC-32 and size its trailer gives: the header
 * (10 bytes, and the optional fields its flags announce) and the 8-byte trailer taken off.
 */
function fromGzip(gzip: Uint8Array): { data: Uint8Array; crc: number; size: number } {
  if (gzip.length < 18 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) throw new Error('zip: the compressor did not give gzip data')
  const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength)
  const flags = gzip[3]!
  let at = 10
  if (flags & gzipFlags.extra) at += 2 + view.getUint16(at, true)
  if (flags & gzipFlags.name) at = gzip.indexOf(0, at) + 1
  if (flags & gzipFlags.comment) at = gzip.indexOf(0, at) + 1
  if (flags & gzipFlags.headerCrc) at += 2
  const end = gzip.length - 8
  return { data: gzip.subarray(at, end), crc: view.getUint32(end, true), size: view.getUint32(end + 4, true) }
}

/** What {@link deflateNatively} uses of Node's `zlib`, where the platform is Node. */
interface NodeZlib {
  gzip(data: Uint8Array, options: { chunkSize: number }, done: (error: Error | null, gzip: Uint8Array) => void): void
}

/**
 * Node's own `zlib`, taken without an import (so that a browser bundle does not look for it), or
 * null elsewhere and in a Node too old to hand out its modules so (before 20.16).
 */
function nodeZlib(): NodeZlib | null {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  return (process?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined) ?? null
}

/**
 * Compresses a text part (whole, or in pieces written one after the other) with the platform's
 * own zlib, for {@link appendToZip}; its gzip wrapper gives the CRC-32 the zip needs. In Node, by
 * `zlib` in one job on its thread pool, so that the part is compressed while the caller packs
 * the rest (a `CompressionStream` there needs the main thread between every 16 kB it gives, and
 * would wait for the packing to end); elsewhere by `CompressionStream`, or `null`, at once, where
 * the platform has neither: the caller then leaves the part to the packer.
 */
export function deflateNatively(path: string, text: string | readonly string[]): Promise<DeflatedPart> | null {
  const pieces = typeof text === 'string' ? [text] : text
  const zlib = nodeZlib()
  if (zlib) {
    const encoder = new TextEncoder()
    const encoded = pieces.map((piece) => encoder.encode(piece))
    const bytes = new Uint8Array(encoded.reduce((n, piece) => n + piece.length, 0))
    let at = 0
    for (const piece of encoded) {
      bytes.set(piece, at)
      at += piece.length
    }
    // An output buffer as large as the input (and more than its header), so that the whole part is one job.
    const chunkSize = Math.max(bytes.length + 1024, 64 * 1024)
    return new Promise((resolve, reject) =>
      zlib.gzip(bytes, { chunkSize }, (error, gzip) => (error ? reject(error) : resolve({ path, ...fromGzip(gzip) }))),
    )
  }
  // Native where the platform has CompressionStream with gzip (Chrome 80+, Firefox 113+, Safari 16.4+).
  let stream: CompressionStream
  try {
    stream = new CompressionStream('gzip')
  } catch {
    return null
  }
  const writer = stream.writable.getWriter()
  const encoder = new TextEncoder()
  for (const piece of pieces) void writer.write(encoder.encode(piece))
  void writer.close()
  return new Response(stream.readable).arrayBuffer().then((gzip) => ({ path, ...fromGzip(new Uint8Array(gzip)) }))
}

const signatures = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 } as const

/** Where a zip's end-of-central-directory record starts, searched from the end past a comment of up to 64 KiB. */
function endRecordAt(zip: Uint8Array, view: DataView): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === signatures.end) return at
  }
  throw new Error('zip: no end of central directory record')
}

const utf8Flag = 0x0800

/**
 * The zip with `parts` added after its other files: their local headers and data go where its
 * central directory was, and the directory, with an entry for each, after them. The other files'
 * bytes are kept as they are, so nothing is compressed twice. The new entries take the date and
 * time of the zip's first entry. For zips written by a packer (`docx` uses fflate): no ZIP64, one
 * disk.
 */
export function appendToZip(zip: Uint8Array, parts: readonly DeflatedPart[]): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = endRecordAt(zip, view)
  const entries = view.getUint16(end + 10, true)
  const directorySize = view.getUint32(end + 12, true)
  const directoryAt = view.getUint32(end + 16, true)
  if (directoryAt + directorySize > end) throw new Error('zip: the central directory runs past its end record')
  const firstEntry = entries > 0 && view.getUint32(directoryAt, true) === signatures.central
  const time = firstEntry ? view.getUint16(directoryAt + 12, true) : 0
  const date = firstEntry ? view.getUint16(directoryAt + 14, true) : 0x21
  const encoder = new TextEncoder()
  const names = parts.map((p) => encoder.encode(p.path))
  const localSize = parts.reduce((n, p, i) => n + 30 + names[i]!.length + p.data.length, 0)
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0)
  const comment = zip.subarray(end + 22)
  const out = new Uint8Array(directoryAt + localSize + directorySize + centralSize + 22 + comment.length)
  const w = new DataView(out.buffer)
  out.set(zip.subarray(0, directoryAt))
  // Fields shared by a local header (from its byte 4) and a central entry (from its byte 6).
  const common = (at: number, p: DeflatedPart, name: Uint8Array) => {
    w.setUint16(at, 20, true) // version needed: 2.0 (DEFLATE)
    w.setUint16(at + 2, /[^\x20-\x7e]/.test(p.path) ? utf8Flag : 0, true)
    w.setUint16(at + 4, 8, true) // DEFLATE
    w.setUint16(at + 6, time, true)
    w.setUint16(at + 8, date, true)
    w.setUint32(at + 10, p.crc, true)
    w.setUint32(at + 14, p.data.length, true)
    w.setUint32(at + 18, p.size, true)
    w.setUint16(at + 22, name.length, true)
  }
  let at = directoryAt
  const offsets: number[] = []
  parts.forEach((p, i) => {
    const name = names[i]!
    offsets.push(at)
    w.setUint32(at, signatures.local, true)
    common(at + 4, p, name)
    out.set(name, at + 30)
    out.set(p.data, at + 30 + name.length)
    at += 30 + name.length + p.data.length
  })
  out.set(zip.subarray(directoryAt, directoryAt + directorySize), at)
  at += directorySize
  parts.forEach((p, i) => {
    const name = names[i]!
    w.setUint32(at, signatures.central, true)
    w.setUint16(at + 4, 20, true) // made by: 2.0, MS-DOS attributes
    common(at + 6, p, name)
    w.setUint32(at + 42, offsets[i]!, true)
    out.set(name, at + 46)
    at += 46 + name.length
  })
  w.setUint32(at, signatures.end, true)
  w.setUint16(at + 8, entries + parts.length, true)
  w.setUint16(at + 10, entries + parts.length, true)
  w.setUint32(at + 12, directorySize + centralSize, true)
  w.setUint32(at + 16, directoryAt + localSize, true)
  w.setUint16(at + 20, comment.length, true)
  out.set(comment, at + 22)
  return out
}
