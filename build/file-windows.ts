// Reads pieces of a file the build keeps open (its article store, the build cache) through a few
// windows, the least recently used replaced first: visiting records in order, even two runs of
// them at once (articles in one part of a file, their bodies in another), reads each part in
// large pieces, and memory holds only the windows.
import { readSync } from "node:fs";

export class FileWindows {
  /** Pieces of the file read last, the most recent first. */
  private windows: { start: number; bytes: Buffer; memory: Buffer }[] = [];

  /**
   * @param fd an open file; bytes once read are taken not to change (a file only appended to).
   * @param what what the file is, for the error when it is shorter than asked.
   * @param windowBytes bytes read at once; default 64 KiB.
   * @param count windows kept; default 4.
   */
  constructor(
    private readonly fd: number,
    private readonly what: string,
    private readonly windowBytes = 64 << 10,
    private readonly count = 4,
  ) {}

  /** `length` bytes from `at`: a view valid until the next read. */
  read(at: number, length: number): Buffer {
    const hit = this.windows.findIndex(({ start, bytes }) => at >= start && at + length <= start + bytes.length);
    if (hit < 0) {
      // The least recently used window's memory is read into again, so reading makes no garbage.
      const reuse = this.windows.length === this.count ? this.windows.pop()!.memory : undefined;
      const window = reuse && reuse.length >= length ? reuse : Buffer.allocUnsafe(Math.max(this.windowBytes, length));
      let done = 0;
      while (done < window.length) {
        const n = readSync(this.fd, window, done, window.length - done, at + done);
        if (n === 0) break;
        done += n;
      }
      if (done < length) throw new Error(`${this.what} was cut short`);
      this.windows.unshift({ start: at, bytes: window.subarray(0, done), memory: window });
    } else if (hit > 0) {
      this.windows.unshift(...this.windows.splice(hit, 1));
    }
    const { start, bytes } = this.windows[0]!;
    return bytes.subarray(at - start, at - start + length);
  }
}
