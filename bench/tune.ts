// `npm run eval:tune -- [--datasets DIR] [--grid title=1,2,3:lede=0,1,2:k1=0.9,1.2:b=0.4,0.75]`
// Chooses the ranking constants by leave-one-collection-out cross-validation over the seven
// public judged sets (tune/judged-sets.ts). Each set is read and analysed once; then for every
// candidate of the grid (title weight, lede bonus, k1, b; body weight 1) its index is compiled
// with those constants and every judged query ranked in process (10 hits, typo tolerance on,
// as `/search` serves them) and scored by the set's metric. tune/cross-validate.ts chooses, for
// each set held out, the candidate best on the other six, and over all seven the one to ship
// (equal standings go to the candidate nearest the shipped constants, and a constant fewer than
// two of the sets chosen on respond to keeps its shipped value: none is chosen by one set alone).
// Writes bench/results/tune-<date>.json and prints the table; `npm run bench:report` renders it.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fieldTerms, Analyzer } from "../build/analyze-articles.js";
import { compileIndex } from "../build/compile-index.js";
import { noTagging } from "../build/entities/extract.js";
import { rank } from "../src/engine/search.js";
import { indexLoader } from "../src/engine/store/load.js";
import { commandLine, runInfo, sourceCommit, writeResult, type TuneFigures } from "./results.js";
import { choose, leaveOneOut } from "./tune/cross-validate.js";
import { withBuiltSet } from "./tune/built-set.js";
import { judgedSets, type JudgedSet } from "./tune/judged-sets.js";
import {
  changedFromShipped,
  constants,
  DEFAULT_GRID,
  keeping,
  parseGrid,
  unsupported,
  type Candidate,
} from "./tune/grid.js";
import { tuneTable } from "./tune/table.js";
import { PROJECT_ROOT } from "./harness/commands.js";

async function scoreSet(set: JudgedSet, candidates: Candidate[], log: (line: string) => void) {
  return withBuiltSet(set, async ({ articles, judged, metric }) => {
    const terms = articles.map((article) => fieldTerms(article, set.fields));
    const scores: number[] = [];
    for (const [n, candidate] of candidates.entries()) {
      const ranking = constants(candidate);
      const analyzer = new Analyzer(set.fields, ranking);
      const { artefacts } = compileIndex(articles, {
        tagger: noTagging(),
        builtAt: "2000-01-01T00:00:00Z",
        fields: set.fields,
        layout: "bundle",
        ranking,
        analyzer,
        counted: (position) => analyzer.weigh(terms[position]!),
      });
      const store = await indexLoader(artefacts)();
      let sum = 0;
      for (const { text, judgements } of judged) {
        const { page } = await rank(store, { q: text, limit: 10, offset: 0, sort: "relevance" });
        sum += metric(
          page.map(({ position }) => articles[position]!.id),
          judgements,
        );
      }
      scores.push(sum / Math.max(1, judged.length));
      if ((n + 1) % 20 === 0 || n + 1 === candidates.length)
        log(`${set.name}: ${n + 1} of ${candidates.length} candidates`);
    }
    return { queries: judged.length, scores };
  });
}

async function main(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      datasets: { type: "string", default: join(PROJECT_ROOT, "../shared/datasets") },
      grid: { type: "string", default: DEFAULT_GRID },
    },
  });
  const commit = sourceCommit();
  const candidates = parseGrid(values.grid!);
  const sets = judgedSets(values.datasets!);
  const log = (line: string) => console.error(`[tune] ${line}`);
  log(`${candidates.length} candidates on ${sets.length} sets`);
  const bySet: { queries: number; scores: number[] }[] = [];
  for (const set of sets) bySet.push(await scoreSet(set, candidates, log));
  // scores[candidate][set]
  const scores = candidates.map((_, c) => bySet.map((set) => set.scores[c]!));
  const collections = sets.map(({ name, bm25 }) => ({ name, bm25 }));
  const all = sets.map((_, s) => s);
  const changed = candidates.map(changedFromShipped);
  // A constant fewer than two of the collections chosen on respond to keeps its shipped value.
  const allowedOn = (on: readonly number[]) => keeping(candidates, unsupported(candidates, scores, on));
  const figures: TuneFigures = {
    sets: sets.map(({ name, metric, bm25 }, s) => ({ name, metric, bm25, queries: bySet[s]!.queries })),
    candidates,
    scores,
    held: unsupported(candidates, scores, all),
    chosen: choose(scores, collections, all, changed, allowedOn(all)),
    folds: leaveOneOut(scores, collections, changed, allowedOn),
  };
  const result = {
    kind: "tune" as const,
    ...runInfo(commandLine("eval:tune", argv), { path: values.datasets!, articles: 0 }, commit),
    figures,
  };
  const path = writeResult(result);
  console.log(`${tuneTable(figures)}\n\nwrote ${path}`);
}

await main(process.argv.slice(2));
