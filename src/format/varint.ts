// Unsigned LEB128 varints: the compact integers of the binary shard formats.

/** Appends `value` (0 ≤ value < 2^32) to `out` as a varint. */
export function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
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
