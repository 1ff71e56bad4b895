// What completing the word being typed costs (prefix=last), in process on a built index: the
// stream's two-word queries whose second word has four letters or more, each cut to the first
// one, two and three letters of that word and searched as typed (prefix), and searched whole,
// on one store warmed by the stream's warm-up queries. The four forms of a query go one after
// the other, their order alternating, so that the caches they share favour none of them.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { search } from "../../src/engine/search.js";
import { indexLoader } from "../../src/engine/store/load.js";
import { ARTEFACT_MODULE, type IndexArtefacts } from "../../src/index-format.js";
import { fileAssetReader } from "../fs-assets.js";
import { percentiles, type Percentiles } from "../stats.js";
import type { FieldStream } from "./field-stream.js";

/** Letters of the word being typed, and "whole" for the finished query. */
export const PREFIX_FORMS = ["1", "2", "3", "whole"] as const;
export type PrefixForm = (typeof PREFIX_FORMS)[number];

/** Time per query (ms) of each form, in process. */
export type PrefixProfile = Record<PrefixForm, Percentiles>;

/** The query a two-word query becomes in a form. */
export function typedForm([first, second]: readonly [string, string], form: PrefixForm): string {
  return form === "whole" ? `${first} ${second}` : `${first} ${second.slice(0, Number(form))}`;
}

export async function profilePrefixes(outDir: string, assetsDir: string, stream: FieldStream): Promise<PrefixProfile> {
  const artefacts = (await import(pathToFileURL(join(outDir, ARTEFACT_MODULE)).href)) as IndexArtefacts;
  const store = await indexLoader(artefacts, fileAssetReader(assetsDir))();
  const params = { limit: 10, offset: 0, sort: "relevance" } as const;
  for (const query of stream.warmup) await search(store, { q: query.text, ...params });
  const pairs = stream.measured
    .filter((query) => query.kind === "two-word")
    .map((query) => query.text.split(" "))
    .filter((words): words is [string, string] => words.length === 2 && words[1]!.length >= 4);
  const times = Object.fromEntries(PREFIX_FORMS.map((form) => [form, [] as number[]])) as Record<PrefixForm, number[]>;
  for (const [n, pair] of pairs.entries()) {
    const forms = n % 2 === 0 ? PREFIX_FORMS : [...PREFIX_FORMS].reverse();
    for (const form of forms) {
      const start = performance.now();
      await search(store, { q: typedForm(pair, form), ...params, prefix: form !== "whole" });
      times[form].push(performance.now() - start);
    }
  }
  return Object.fromEntries(PREFIX_FORMS.map((form) => [form, percentiles(times[form])])) as PrefixProfile;
}
