// Per-isolate scratch (sized-scratch.ts): made once, made again only for another size.
import { describe, expect, it } from "vitest";
import { sizedScratch } from "../../../../src/engine/rank/sized-scratch.js";

describe("sized scratch", () => {
  it("returns the same buffers for the same size, and new ones when the size changes", () => {
    let made = 0;
    const scratch = sizedScratch((size) => ({ made: ++made, buffer: new Int32Array(size) }));
    const first = scratch(8);
    expect(scratch(8)).toBe(first);
    const other = scratch(16);
    expect(other).not.toBe(first);
    expect(other.buffer.length).toBe(16);
    expect(scratch(16)).toBe(other);
    expect(made).toBe(2);
  });
});
