// The checksum of every asset file of a sharded index (src/format/checksum.ts), in workerd,
// where the worker checks each file it reads: it is zlib's CRC-32, and catches any change.
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../../../src/engine/phrase/seeded-random.js";
import { checksum } from "../../../../src/format/checksum.js";

describe("checksum", () => {
  it("is zlib's CRC-32", () => {
    // The CRC-32 check value of the ASCII digits 1 to 9 (ISO 3309, ITU-T V.42).
    expect(checksum(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("changes with any byte flipped, dropped or added, and reads only a view's bytes", () => {
    const random = seededRandom(3);
    const bytes = Uint8Array.from({ length: 4099 }, () => Math.floor(random() * 256));
    const sum = checksum(bytes);
    for (const at of [0, 1, 2048, 4098]) {
      const flipped = bytes.slice();
      flipped[at] = flipped[at]! ^ 0x10;
      expect(checksum(flipped)).not.toBe(sum);
    }
    expect(checksum(bytes.subarray(0, 4098))).not.toBe(sum);
    const longer = new Uint8Array(4100);
    longer.set(bytes, 1);
    expect(checksum(longer)).not.toBe(sum);
    expect(checksum(longer.subarray(1, 4100))).toBe(sum);
  });
});
