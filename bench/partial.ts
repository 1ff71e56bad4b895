// `npm run eval:partial -- [--datasets DIR] [--lines 0,2,3,4,5,6,8,10,16,32] [--shares 1,0.5,0.4,0.25,0.1,0.05] [--corpus F --articles N]`
// Where full matches stop ranking first (FULL_FIRST_WORDS): each of the seven public judged sets
// (tune/judged-sets.ts), and the BBC known-item set with a typo in each long word, is built once
// with the shipped constants and every judged query ranked in process (10 hits, typo tolerance
// on, as `/search` serves them) with the articles matching every query word first for queries of
// up to each line's number of words (0: by score alone). Writes bench/results/partial-<date>.json
// and prints the table; `npm run bench:report` renders it. With `--corpus`, it also times what
// ranking full matches first costs a query on the first `--articles` of that corpus
// (full-first-cost.ts). Each set is also ranked at the shipped line with each of `--shares` as
// the share of articles above which a query word is not asked for (rank/coverage.ts; 1: every
// word asked for), to show where that constant may lie.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fullFirstCost } from "./full-first-cost.js";
import { asSearched } from "./judged.js";
import { parseQuery } from "../src/engine/query/parse.js";
import { COMMON_FLOOR, COMMON_SHARE } from "../src/engine/rank/coverage.js";
import { FULL_FIRST_WORDS, rank } from "../src/engine/search.js";
import { PROJECT_ROOT } from "./harness/commands.js";
import { commandLine, runInfo, sourceCommit, writeResult, type PartialFigures } from "./results.js";
import { withBuiltSet } from "./tune/built-set.js";
import { judgedSets } from "./tune/judged-sets.js";
import { partialTable } from "./tune/partial-table.js";
import { withTypos } from "./typos.js";

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      datasets: { type: "string", default: join(PROJECT_ROOT, "../shared/datasets") },
      lines: { type: "string", default: "0,2,3,4,5,6,8,10,16,32" },
      shares: { type: "string", default: "1,0.5,0.4,0.25,0.1,0.05" },
      corpus: { type: "string" },
      articles: { type: "string", default: "101400" },
    },
  });
  const commit = sourceCommit();
  const lines = values.lines!.split(",").map(Number);
  const shares = values.shares!.split(",").map(Number);
  const rows: PartialFigures["sets"] = [];
  for (const set of judgedSets(values.datasets!)) {
    await withBuiltSet(set, async ({ articles, store, judged, metric }) => {
      const variants = set.metric === "mrr@10" ? [false, true] : [false];
      for (const typos of variants) {
        const texts = judged.map(({ text }, n) => asSearched(typos ? withTypos(text, n + 1) : text));
        const words = texts.map((text) => parseQuery(text, store.manifest.languages).groups.length);
        const scores: number[] = [];
        for (const line of lines) {
          let sum = 0;
          for (const [n, { judgements }] of judged.entries()) {
            const { page } = await rank(store, {
              q: texts[n]!,
              limit: 10,
              offset: 0,
              sort: "relevance",
              fullFirstWords: line,
            });
            sum += metric(
              page.map(({ position }) => articles[position]!.id),
              judgements,
            );
          }
          scores.push(sum / Math.max(1, judged.length));
        }
        // The shipped line with each share of articles above which a word is not asked for.
        const byShare: number[] = [];
        for (const commonShare of shares) {
          let sum = 0;
          for (const [n, { judgements }] of judged.entries()) {
            const { page } = await rank(store, { q: texts[n]!, limit: 10, offset: 0, sort: "relevance", commonShare });
            sum += metric(
              page.map(({ position }) => articles[position]!.id),
              judgements,
            );
          }
          byShare.push(sum / Math.max(1, judged.length));
        }
        const name = typos ? `${set.name}, typos` : set.name;
        console.error(`[partial] ${name}: ${scores.map((score) => score.toFixed(3)).join(" ")}`);
        rows.push({
          name,
          metric: set.metric,
          bm25: set.bm25,
          queries: judged.length,
          within: lines.map((line) => words.filter((count) => count > 1 && count <= line).length),
          scores,
          byShare,
        });
      }
    });
  }
  const cost = values.corpus
    ? await fullFirstCost(values.corpus, Number(values.articles), (line) => console.error(`[partial] ${line}`))
    : undefined;
  const figures: PartialFigures = {
    lines,
    sets: rows,
    shipped: FULL_FIRST_WORDS,
    common: { share: COMMON_SHARE, floor: COMMON_FLOOR, shares },
    ...(cost ? { cost } : {}),
  };
  const result = {
    kind: "partial" as const,
    ...runInfo(commandLine("eval:partial", argv), { path: values.datasets!, articles: 0 }, commit),
    figures,
  };
  const path = writeResult(result);
  console.log(`${partialTable(figures)}\n\nwrote ${path}`);
}

await main(process.argv.slice(2));
