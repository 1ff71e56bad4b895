// A public judged set built for ranking in process: its articles compiled in the bundle layout
// with the shipped constants in a scratch folder, loaded as a store, with its judged queries and
// its metric. The relevance benches (tune.ts, partial.ts, variants.ts) each work on one at a time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildArtefacts } from "../../build/build.js";
import { indexLoader } from "../../src/engine/store/load.js";
import type { IndexStore } from "../../src/engine/store/store.js";
import type { Article } from "../../src/index-format.js";
import { loadJudged, type JudgedQuery } from "../judged.js";
import { ndcgAt, reciprocalRankAt } from "../metrics.js";
import type { JudgedSet } from "./judged-sets.js";

export interface BuiltSet {
  /** The clean articles, by position. */
  articles: Article[];
  store: IndexStore;
  judged: JudgedQuery[];
  /** The set's metric of a ranking (article ids, best first). */
  metric: (ids: string[], judgements: JudgedQuery["judgements"]) => number;
}

/** Builds the set, calls `use` with it, and removes the scratch folder, whatever `use` does. */
export async function withBuiltSet<T>(set: JudgedSet, use: (built: BuiltSet) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "newsfind-judged-"));
  try {
    const { artefacts, articles } = buildArtefacts({
      corpus: set.corpus,
      outDir: join(dir, "index"),
      fields: set.fields,
      layout: "bundle",
      spill: false,
    });
    return await use({
      articles,
      store: await indexLoader(artefacts)(),
      judged: loadJudged(set.queries, set.qrels),
      metric: set.metric === "mrr@10" ? reciprocalRankAt : ndcgAt,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
