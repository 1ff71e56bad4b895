// Packs: files of many small compressed members (gzip for articles, raw deflate with a preset
// dictionary for cards), each found by its number without inflating the others. The sharded
// layout keeps its hit cards and its articles in packs.
// - Card packs: a page's hits are spread over the whole archive (by position and by date
//   alike), so with one file a card shard, a page would read a file for nearly every hit however
//   long an isolate had served. A card pack holds many consecutive card shards: an isolate reads
//   each pack once, keeps it compressed, soon holds every card, and inflates one card a hit.
// - Article shards: a deep snippet or a phrase check needs one article of a shard, so each
//   article is a member of its own, inflated and parsed alone.
//
// Layout, little-endian: u32 n (the members), then n + 1 u32 offsets, then the members; member
// i is bytes [offsets[i], offsets[i + 1]) counted from the end of the offsets.

/** Joins members, in order, into a pack file. */
export function encodePack(members: readonly Uint8Array[]): Uint8Array {
  const head = 4 * (members.length + 2);
  const size = members.reduce((sum, member) => sum + member.length, head);
  const pack = new Uint8Array(size);
  const view = new DataView(pack.buffer);
  view.setUint32(0, members.length, true);
  let offset = 0;
  members.forEach((member, n) => {
    view.setUint32(4 * (n + 1), offset, true);
    pack.set(member, head + offset);
    offset += member.length;
  });
  view.setUint32(4 * (members.length + 1), offset, true);
  return pack;
}

/** The `n`th member of a pack, a view into it (not a copy); throws when the pack has no such member. */
export function packMember(pack: Uint8Array, n: number): Uint8Array {
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const count = pack.byteLength >= 4 ? view.getUint32(0, true) : 0;
  const head = 4 * (count + 2);
  if (!Number.isInteger(n) || n < 0 || n >= count || head > pack.byteLength)
    throw new RangeError(`the pack has no member ${n}`);
  const start = head + view.getUint32(4 * (n + 1), true);
  const end = head + view.getUint32(4 * (n + 2), true);
  if (start > end || end > pack.byteLength) throw new RangeError(`the pack's member ${n} lies outside it`);
  return pack.subarray(start, end);
}
