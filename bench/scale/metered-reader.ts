// An asset reader that measures what passes through it, for the in-process field profile
// (field-profile.ts): it counts reads and bytes, adds a fixed latency to every read (each read
// waits on its own timer, so reads issued together cost one delay and reads in sequence one
// each), and keeps the wall time during which at least one read was pending. Figures go to the
// current tally, which `take` closes and replaces: the profiler takes one per search phase.
import type { AssetReader } from "../../src/engine/store/sharded.js";

/** What the reads of one tally (a search phase) cost. */
export interface ReadTally {
  /** Reads that started within the tally. */
  reads: number;
  /** Their bytes. */
  bytes: number;
  /** Times the reader went from idle to busy: rounds of reads issued together, each paying the latency at least once. */
  rounds: number;
  /** Wall time with at least one read pending, ms. Work done meanwhile (decoding a shard that already came) counts here too. */
  pendingMs: number;
}

export interface MeterOptions {
  /** Delay added to every read, ms. Default 0 (no timer at all); `{ latencyMs: 10 }` is a slow asset store. */
  latencyMs?: number;
  /** The clock. Default `performance.now`. */
  now?: () => number;
}

const emptyTally = (): ReadTally => ({ reads: 0, bytes: 0, rounds: 0, pendingMs: 0 });

/** Waits at least `ms` by the clock: a timer may fire up to a millisecond early by `performance.now`. */
async function delay(ms: number, now: () => number): Promise<void> {
  const until = now() + ms;
  for (let left = ms; left > 0; left = until - now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(left))));
  }
}

export class ReadMeter {
  /** The measured reader: hand it to the store. */
  readonly read: AssetReader;
  private current = emptyTally();
  private pending = 0;
  private busySince = 0;
  private readonly now: () => number;

  constructor(inner: AssetReader, { latencyMs = 0, now = () => performance.now() }: MeterOptions = {}) {
    this.now = now;
    this.read = async (path) => {
      const tally = this.current;
      tally.reads++;
      if (this.pending++ === 0) {
        this.busySince = this.now();
        tally.rounds++;
      }
      try {
        const data = await inner(path);
        if (latencyMs > 0) await delay(latencyMs, this.now);
        tally.bytes += data.byteLength;
        return data;
      } finally {
        if (--this.pending === 0) this.current.pendingMs += this.now() - this.busySince;
      }
    };
  }

  /** Closes the current tally (its pending time up to now) and starts the next; returns the closed one. */
  take(): ReadTally {
    const taken = this.current;
    if (this.pending > 0) {
      const at = this.now();
      taken.pendingMs += at - this.busySince;
      this.busySince = at;
    }
    this.current = emptyTally();
    return taken;
  }
}
