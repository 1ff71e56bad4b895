// One hit per story: a ranked page whose copies of one story (groups found at build time,
// build/copies.ts) are collapsed into the first of them, each hit listing the others.
import type { CopyIndex, HitCard } from "../index-format.js";
import type { IndexStore } from "./store/store.js";

/** A ranked hit, as `rank` pages them. */
export interface RankedHit {
  position: number;
  score: number | null;
  terms: number[];
  partial: boolean;
}

/** A ranked hit with the positions of its story's other copies (none when it has no copy). */
export type StoryHit<Hit extends RankedHit = RankedHit> = Hit & { copies: number[] };

/**
 * Every hit with its copies, in rank order; with `collapse`, a story's copies after its first
 * are left out. The first of a story stands in its place; with `canonical`, the story's
 * canonical copy (the earliest, then the longest) is shown there instead when it is also
 * ranked and matches the query as fully (an order by date, or a listing without scores, keeps
 * the first, or its order would break).
 */
export function collapseCopies<Hit extends RankedHit>(
  ranked: readonly Hit[],
  copies: CopyIndex,
  collapse: boolean,
  canonical = false,
): StoryHit<Hit>[] {
  const byPosition = new Map(ranked.map((hit) => [hit.position, hit]));
  const shown = new Set<number>();
  const stories: StoryHit<Hit>[] = [];
  for (const hit of ranked) {
    const group = copies.of(hit.position);
    if (!group) {
      stories.push({ ...hit, copies: [] });
      continue;
    }
    const others = (kept: Hit) => group.filter((position) => position !== kept.position);
    if (!collapse) {
      stories.push({ ...hit, copies: others(hit) });
      continue;
    }
    const story = group[0]!;
    if (shown.has(story)) continue;
    shown.add(story);
    const first = canonical && hit.score !== null ? byPosition.get(story) : undefined;
    const kept = first && first.partial === hit.partial ? first : hit;
    stories.push({ ...kept, copies: others(kept) });
  }
  return stories;
}

/** A copy of a story, as a hit or an article lists it. */
export interface Copy {
  id: string;
  source: string | null;
  url: string | null;
  published: string | null;
}

/** What is listed of a copy, from its card. */
export function copyOf({ id, source, url, published }: Pick<HitCard, "id" | "source" | "url" | "published">): Copy {
  return { id, source, url, published };
}

/** The other copies of the article at `position`, the canonical one first; none when it has no copy. */
export async function copiesOf(store: IndexStore, position: number): Promise<Copy[]> {
  if (store.manifest.copyGroups === 0) return [];
  const group = (await store.copies()).of(position);
  if (!group) return [];
  const others = group.filter((member) => member !== position);
  return (await store.cards(others)).map(copyOf);
}
