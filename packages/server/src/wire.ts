/**
 * Just enough of the Hocuspocus wire format to find the document updates in a client's message:
 * `varString(document) varUint(messageType) …`, a sync message (type 0, or 4 for a reply) being
 * `varUint(syncType) varUint8Array(payload)` with y-protocols' sync types (0 step 1, 1 step 2,
 * 2 update). lib0's encoding, written out (the server package does not depend on lib0).
 */

/** A client's message could not be read. */
export class WireError extends Error {
  override name = 'WireError'
}

/** A document update a client sent: its sync type (`step2` answers the server's step 1, `update` is a live change) and the Yjs update. */
export interface ClientUpdate {
  kind: 'step2' | 'update'
  update: Uint8Array
}

/** The Hocuspocus message types a client sends that carry document sync. */
export const syncMessageTypes = [0, 4] as const

class Reader {
  private pos = 0
  constructor(private readonly bytes: Uint8Array) {}

  varUint(): number {
    let value = 0
    let shift = 0
    for (;;) {
      if (this.pos >= this.bytes.length) throw new WireError('message ends inside a number')
      const byte = this.bytes[this.pos++]!
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
      shift += 7
      if (shift > 49) throw new WireError('number too long')
    }
  }

  bytesOf(length: number): Uint8Array {
    if (this.pos + length > this.bytes.length) throw new WireError('message ends inside a byte string')
    const out = this.bytes.subarray(this.pos, this.pos + length)
    this.pos += length
    return out
  }

  varUint8Array(): Uint8Array {
    return this.bytesOf(this.varUint())
  }

  varString(): string {
    return new TextDecoder().decode(this.varUint8Array())
  }
}

/** The document update in a raw Hocuspocus message, or null when it carries none (awareness, step 1, auth …). Throws a {@link WireError} on a message that cannot be read. */
export function clientUpdateIn(message: Uint8Array): ClientUpdate | null {
  const reader = new Reader(message)
  reader.varString()
  const type = reader.varUint()
  if (!(syncMessageTypes as readonly number[]).includes(type)) return null
  const syncType = reader.varUint()
  if (syncType === 1) return { kind: 'step2', update: reader.varUint8Array() }
  if (syncType === 2) return { kind: 'update', update: reader.varUint8Array() }
  return null
}

/** Writes lib0's variable-length encoding, for tests and tools that speak the protocol by hand. */
export class Writer {
  private readonly parts: number[] = []

  varUint(value: number): this {
    while (value > 0x7f) {
      this.parts.push(0x80 | (value & 0x7f))
      value = Math.floor(value / 128)
    }
    this.parts.push(value)
    return this
  }

  varUint8Array(bytes: Uint8Array): this {
    this.varUint(bytes.length)
    for (const b of bytes) this.parts.push(b)
    return this
  }

  varString(text: string): this {
    return this.varUint8Array(new TextEncoder().encode(text))
  }

  toUint8Array(): Uint8Array {
    return Uint8Array.from(this.parts)
  }
}
