// Article analyses kept in scratch files instead of memory while the build runs: term numbers
// and weighted frequencies are appended as each article is analysed, and read back in position
// order, a chunk at a time, by the inversion and the bundle, or one by one by the build cache.
// Only an offset, a count and a length stay in memory per article.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Analyses, Counted } from "./analyze-articles.js";

/** Entries (four bytes each) read at a time when visiting every analysis. */
const CHUNK_ENTRIES = 1 << 20;

function readFully(fd: number, bytes: Uint8Array, offset: number): void {
  for (let done = 0; done < bytes.length; ) {
    const n = readSync(fd, bytes, done, bytes.length - done, offset + done);
    if (n === 0) throw new Error("the build's scratch file of analyses was cut short");
    done += n;
  }
}

function writeFully(fd: number, bytes: Uint8Array, offset: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, offset + done);
}

const bytesOf = (array: Int32Array | Float32Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

export class AnalysisSpill implements Analyses {
  private readonly dir: string;
  private readonly termsFd: number;
  private readonly tfFd: number;
  /** Entries written so far. */
  private entries = 0;
  private offsets = new Float64Array(1024);
  private counts = new Int32Array(1024);
  private lengths = new Float64Array(1024);
  size = 0;

  /**
   * @param parent where the scratch folder goes; default: the system's temporary folder.
   * @param chunkEntries entries read at a time by `each`; default: CHUNK_ENTRIES (a million).
   */
  constructor(
    parent = tmpdir(),
    private readonly chunkEntries = CHUNK_ENTRIES,
  ) {
    this.dir = mkdtempSync(join(parent, "newsfind-analyses-"));
    this.termsFd = openSync(join(this.dir, "terms"), "w+");
    this.tfFd = openSync(join(this.dir, "tf"), "w+");
  }

  add({ terms, tf, length }: Counted): void {
    if (this.size === this.counts.length) {
      const grow = <T extends Float64Array | Int32Array>(array: T, Type: new (n: number) => T): T => {
        const bigger = new Type(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.offsets = grow(this.offsets, Float64Array);
      this.counts = grow(this.counts, Int32Array);
      this.lengths = grow(this.lengths, Float64Array);
    }
    writeFully(this.termsFd, bytesOf(terms), this.entries * 4);
    writeFully(this.tfFd, bytesOf(tf), this.entries * 4);
    this.offsets[this.size] = this.entries;
    this.counts[this.size] = terms.length;
    this.lengths[this.size] = length;
    this.entries += terms.length;
    this.size++;
  }

  termCount(position: number): number {
    return this.counts[position]!;
  }

  lengthOf(position: number): number {
    return this.lengths[position]!;
  }

  at(position: number): Counted {
    const count = this.counts[position]!;
    const terms = new Int32Array(count);
    const tf = new Float32Array(count);
    readFully(this.termsFd, bytesOf(terms), this.offsets[position]! * 4);
    readFully(this.tfFd, bytesOf(tf), this.offsets[position]! * 4);
    return { terms, tf, length: this.lengths[position]! };
  }

  each(visit: (counted: Counted, position: number) => void): void {
    let terms = new Int32Array(this.chunkEntries);
    let tf = new Float32Array(this.chunkEntries);
    /** Entry number of terms[0], and entries held. */
    let base = 0;
    let held = 0;
    for (let position = 0; position < this.size; position++) {
      const start = this.offsets[position]!;
      const count = this.counts[position]!;
      if (start + count > base + held) {
        base = start;
        held = Math.min(Math.max(this.chunkEntries, count), this.entries - start);
        if (held > terms.length) [terms, tf] = [new Int32Array(held), new Float32Array(held)];
        readFully(this.termsFd, bytesOf(terms.subarray(0, held)), base * 4);
        readFully(this.tfFd, bytesOf(tf.subarray(0, held)), base * 4);
      }
      const from = start - base;
      visit(
        {
          terms: terms.subarray(from, from + count),
          tf: tf.subarray(from, from + count),
          length: this.lengths[position]!,
        },
        position,
      );
    }
  }

  averageLength(): number {
    let total = 0;
    for (let position = 0; position < this.size; position++) total += this.lengths[position]!;
    return this.size > 0 ? Math.max(1, total / this.size) : 1;
  }

  /** Removes the scratch files; analyses kept here cannot be read after. */
  close(): void {
    closeSync(this.termsFd);
    closeSync(this.tfFd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
