// Unsigned LEB128 varints: the compact integers of the binary shard formats.

/** Bytes `value` (0 ≤ value < 2^32) takes as a varint. */
export function varintLength(value: number): number {
  let bytes = 1;
  while (value >= 0x80) {
    value >>>= 7;
    bytes++;
  }
  return bytes;
}

/** A growable byte buffer that varints are written to. */
export class VarintWriter {
  private bytes = new Uint8Array(1 << 16);
  length = 0;

  /** Appends `value` (0 ≤ value < 2^32) as a varint. */
  push(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const bytes = this.bytes;
    let at = this.length;
    while (value >= 0x80) {
      bytes[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    bytes[at++] = value;
    this.length = at;
  }

  /** The bytes written so far (a view). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** A reading position over bytes; `next()` decodes one varint. */
export class VarintReader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
  ) {}

  next(): number {
    const bytes = this.bytes;
    let byte = bytes[this.offset++]!;
    let value = byte & 0x7f;
    for (let shift = 7; byte & 0x80; shift += 7) {
      byte = bytes[this.offset++]!;
      value |= (byte & 0x7f) << shift;
    }
    return value >>> 0;
  }
}
