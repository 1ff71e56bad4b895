// The part of node:zlib that code running in workerd uses: the store inflates index shards and
// checks their CRC-32, and the worker tests compile indexes in workerd with the build's own
// code. Workers provide the module with the nodejs_compat flag (wrangler.toml); the worker's
// TypeScript settings leave out Node's own types, so this says what is called.
declare module "node:zlib" {
  /** Inflates a whole gzip member, synchronously. */
  export function gunzipSync(data: Uint8Array): Uint8Array;
  /** Compresses data as one gzip member, synchronously. */
  export function gzipSync(data: string | Uint8Array, options?: { level?: number }): Uint8Array;
  /** Inflates raw deflate data, synchronously, with the preset dictionary it was deflated with. */
  export function inflateRawSync(data: Uint8Array, options?: { dictionary?: Uint8Array }): Uint8Array;
  /** Deflates data without a header, synchronously, with a preset dictionary when given. */
  export function deflateRawSync(
    data: string | Uint8Array,
    options?: { level?: number; dictionary?: Uint8Array },
  ): Uint8Array;
  /** The CRC-32 of the bytes (zlib's), continuing from `value` when given. */
  export function crc32(data: Uint8Array, value?: number): number;
}
