// Card packs: the sharded layout's hit cards, kept in a few large files instead of one small
// file a card shard. A page's hits are spread over the whole archive (by position and by date
// alike), so with one file a shard, a page reads a file for nearly every hit however long an
// isolate has served. A pack holds many consecutive card shards, each still its own gzip member
// so that a card is found by inflating a few kilobytes: an isolate reads each pack once, keeps it
// compressed, and soon holds every card.
//
// Layout, little-endian: u32 n (the shards in the pack), then n + 1 u32 offsets, then the
// members; member i is bytes [offsets[i], offsets[i + 1]) counted from the end of the offsets.

/** Joins gzip members (one a card shard, in order) into a pack file. */
export function encodeCardPack(members: readonly Uint8Array[]): Uint8Array {
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
export function cardPackMember(pack: Uint8Array, n: number): Uint8Array {
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const count = pack.byteLength >= 4 ? view.getUint32(0, true) : 0;
  const head = 4 * (count + 2);
  if (!Number.isInteger(n) || n < 0 || n >= count || head > pack.byteLength)
    throw new RangeError(`the card pack has no shard ${n}`);
  const start = head + view.getUint32(4 * (n + 1), true);
  const end = head + view.getUint32(4 * (n + 2), true);
  if (start > end || end > pack.byteLength) throw new RangeError(`the card pack's shard ${n} lies outside it`);
  return pack.subarray(start, end);
}
