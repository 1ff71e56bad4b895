// What counting facets costs a query, in process, over a built index: the scale bench's field
// stream (field-stream.ts) on two stores over the same files, one searching without facets and
// one with every facet (facets=source,year,month,person,org,place), query by query in turn (which goes first alternates), each
// store warmed by the stream's warm-up queries first. Both see each query once, as a warm
// isolate does; the difference of their percentiles is what facets add.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FACETS } from "../../src/engine/facets.js";
import { search, type SearchParams } from "../../src/engine/search.js";
import { indexLoader } from "../../src/engine/store/load.js";
import { ARTEFACT_MODULE, type IndexArtefacts } from "../../src/index-format.js";
import { fileAssetReader } from "../fs-assets.js";
import { percentiles, type Percentiles } from "../stats.js";
import type { FieldStream } from "./field-stream.js";

export interface FacetCost {
  queries: number;
  /** Time per search (10 hits with snippets), ms, without facets and with every facet. */
  without: Percentiles;
  with: Percentiles;
}

/** Times the stream without and with facets on the index in `outDir` and `assetsDir`. */
export async function facetCost(outDir: string, assetsDir: string, stream: FieldStream): Promise<FacetCost> {
  const artefacts = (await import(pathToFileURL(join(outDir, ARTEFACT_MODULE)).href)) as IndexArtefacts;
  const reader = fileAssetReader(assetsDir);
  const modes: Omit<SearchParams, "q">[] = [
    { limit: 10, offset: 0, sort: "relevance" },
    { limit: 10, offset: 0, sort: "relevance", facets: FACETS },
  ];
  const stores = await Promise.all(modes.map(() => indexLoader(artefacts, reader)()));
  for (const { text } of stream.warmup)
    for (const [m, store] of stores.entries()) await search(store, { q: text, ...modes[m]! });
  const ms = modes.map(() => [] as number[]);
  for (const [n, { text }] of stream.measured.entries()) {
    for (const m of n % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      await search(stores[m]!, { q: text, ...modes[m]! });
      ms[m]!.push(performance.now() - start);
    }
  }
  return { queries: stream.measured.length, without: percentiles(ms[0]!), with: percentiles(ms[1]!) };
}
