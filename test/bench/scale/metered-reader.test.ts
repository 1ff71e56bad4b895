// The field profile's asset reader: reads and bytes counted to the tally they started in, a
// latency paid once by reads issued together and once each by reads in sequence, and the time
// some read was pending split at each tally's end.
import { describe, expect, it } from "vitest";
import { ReadMeter } from "../../../bench/scale/metered-reader.js";

/** Answers every path at once with as many bytes as the path has characters. */
const instant = async (path: string) => new ArrayBuffer(path.length);

describe("ReadMeter", () => {
  it("counts the reads and bytes of each tally, and starts afresh after take", async () => {
    const meter = new ReadMeter(instant);
    await meter.read("/index/a");
    await meter.read("/index/bb");
    expect(meter.take()).toMatchObject({ reads: 2, bytes: 17, rounds: 2 });
    await meter.read("/x");
    expect(meter.take()).toMatchObject({ reads: 1, bytes: 2, rounds: 1 });
    expect(meter.take()).toEqual({ reads: 0, bytes: 0, rounds: 0, pendingMs: 0 });
  });

  it("charges reads issued together one latency, and reads in sequence one latency each", async () => {
    const latencyMs = 30;
    const meter = new ReadMeter(instant, { latencyMs });
    let start = performance.now();
    await Promise.all(["/a", "/b", "/c"].map(meter.read));
    const together = performance.now() - start;
    const one = meter.take();
    expect(one).toMatchObject({ reads: 3, rounds: 1 });
    expect(together).toBeGreaterThanOrEqual(latencyMs);
    expect(together).toBeLessThan(3 * latencyMs);
    expect(one.pendingMs).toBeGreaterThanOrEqual(latencyMs);

    start = performance.now();
    for (const path of ["/a", "/b", "/c"]) await meter.read(path);
    const sequence = performance.now() - start;
    const three = meter.take();
    expect(three).toMatchObject({ reads: 3, rounds: 3 });
    expect(sequence).toBeGreaterThanOrEqual(3 * latencyMs);
    expect(three.pendingMs).toBeGreaterThanOrEqual(3 * latencyMs);
  });

  it("splits a read pending across take between the two tallies, counting it where it started", async () => {
    let clock = 0;
    let finish!: (data: ArrayBuffer) => void;
    const meter = new ReadMeter(() => new Promise((resolve) => (finish = resolve)), { now: () => clock });
    const reading = meter.read("/slow");
    clock = 3;
    const first = meter.take();
    clock = 10;
    finish(new ArrayBuffer(5));
    await reading;
    const second = meter.take();
    expect(first).toEqual({ reads: 1, bytes: 5, rounds: 1, pendingMs: 3 });
    expect(second).toEqual({ reads: 0, bytes: 0, rounds: 0, pendingMs: 7 });
  });

  it("passes a failed read's error on and is idle after it", async () => {
    const meter = new ReadMeter(async (path) => {
      if (path === "/missing") throw new Error("no asset /missing");
      return new ArrayBuffer(1);
    });
    await expect(meter.read("/missing")).rejects.toThrow("no asset /missing");
    await meter.read("/there");
    expect(meter.take()).toMatchObject({ reads: 2, bytes: 1, rounds: 2 });
  });
});
